package ai.askel.confluence.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.INTERFACES;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The hexagon's rules, each a factory over the root package: {@link HexagonArchitectureTest} applies
 * them to {@code ai.askel.confluence}, {@link HexagonRulesBiteTest} to small violating fixtures, so
 * no rule can pass vacuously. Package names below are relative to the root:
 * {@code domain}, {@code ports.in/out/spi}, {@code app.usecase}, {@code app.wiring}, {@code cli},
 * {@code adapter.confluence/persistence/http}, {@code plugins}, {@code sandbox}.
 *
 * <p>Most adapters are still empty while others fill them, so rules whose subjects may not exist yet
 * allow an empty subject set; the onion treats layers as optional. The rules hold for what exists now
 * and for what arrives.
 */
final class HexagonRules {
    /** The JDK's own XML API (module java.xml), which the storage-format validator uses. */
    private static final String[] JDK_PACKAGES = {"java..", "javax.xml..", "org.xml.sax..", "org.w3c.dom.."};

    private HexagonRules() {
    }

    // ---- the dependency rule -------------------------------------------------------------------

    /**
     * domain ← ports ← app.usecase ← adapters; adapters never see each other. The app's template
     * registry implements a port, so it is an adapter like the others. Only the composition root (the
     * facade in {@code app}, {@code app.config} and the Dagger wiring in {@code app.wiring}) and the
     * CLI stand outside the onion and may see every layer (that is their job); the onion would
     * otherwise forbid any class outside its layers to touch the domain. {@link #appClassesArePlaced}
     * keeps every other package of the app inside the onion.
     */
    static ArchRule onion(String root) {
        return onionArchitecture()
                .domainModels(root + ".domain..")
                .domainServices(root + ".ports..")
                .applicationServices(root + ".app.usecase..")
                .adapter("confluence", root + ".adapter.confluence..")
                .adapter("persistence", root + ".adapter.persistence..")
                .adapter("http", root + ".adapter.http..")
                // the template host, the declarative format it loads and the built-in templates are one adapter: templates
                .adapter("templates", root + ".app.templates..", root + ".plugins..")
                .ignoreDependency(compositionRoot(root), DescribedPredicate.alwaysTrue())
                // the executable sits above everything (it wires the app to a terminal and a port)
                .ignoreDependency(resideInAPackage(root + ".cli.."), DescribedPredicate.alwaysTrue())
                .withOptionalLayers(true);
    }

    /** Every class of the app is in the onion (use cases, the template adapter) or is the composition root: nothing escapes. */
    static ArchRule appClassesArePlaced(String root) {
        return classes().that().resideInAPackage(root + ".app..")
                .should().resideInAnyPackage(root + ".app", root + ".app.config..", root + ".app.wiring..", root + ".app.usecase..",
                        root + ".app.templates..")
                .as("every class of the app is a use case, the template adapter, or the composition root (app, app.config, app.wiring)");
    }

    /** Visibility by construction: the rest of the application sees a use case's interface, never its service. */
    static ArchRule useCaseServicesArePackagePrivate(String root) {
        return classes().that().resideInAPackage(root + ".app.usecase..").and().implement(useCaseInterface(root))
                .should().notBePublic()
                .allowEmptyShould(true);
    }

    static ArchRule domainDependsOnlyOnTheJdk(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK_PACKAGES, root + ".domain.."))
                .as("the domain depends only on the JDK");
    }

    static ArchRule adaptersDoNotDependOnEachOther(String root) {
        return slices().matching(root + ".adapter.(*)..").namingSlices("adapter $1")
                .should().notDependOnEachOther()
                .allowEmptyShould(true);
    }

    static ArchRule adaptersDoNotDependOnTheApp(String root) {
        return noClasses().that().resideInAnyPackage(root + ".adapter..", root + ".plugins..")
                .should().dependOnClassesThat().resideInAPackage(root + ".app..")
                .allowEmptyShould(true);
    }

    static ArchRule useCasesDoNotSeeAdapters(String root) {
        return noClasses().that().resideInAPackage(root + ".app.usecase..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".adapter..", root + ".plugins..", root + ".sandbox..",
                        root + ".app.wiring..", root + ".app.templates..", root + ".app.config..", root + ".cli..")
                .allowEmptyShould(true);
    }

    /** Plugins see the template SPI and the domain types it hands them, nothing else of the project. */
    static ArchRule pluginsDependOnlyOnTheSpi(String root) {
        return noClasses().that().resideInAPackage(root + ".plugins..")
                .should().dependOnClassesThat(resideInAPackage(root + "..")
                        .and(resideOutsideOfPackages(root + ".plugins..", root + ".ports.spi..", root + ".domain..")))
                .allowEmptyShould(true);
    }

    static ArchRule noCyclesBetweenSlices(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    // ---- the sandbox stands apart -------------------------------------------------------------

    static ArchRule sandboxDependsOnNothingOfTheProject(String root) {
        return noClasses().that().resideInAPackage(root + ".sandbox..")
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(resideOutsideOfPackages(root + ".sandbox..")))
                .allowEmptyShould(true);
    }

    /** The executable starts the sandbox (demo, serve --sandbox); the embeddable app never does. */
    static ArchRule onlyTheCliStartsTheSandbox(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".sandbox..", root + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(root + ".sandbox..")
                .allowEmptyShould(true);
    }

    // ---- library confinement ------------------------------------------------------------------

    static ArchRule feignStaysInTheConfluenceAdapter(String root) {
        return confined(root, new String[] {"feign.."}, root + ".adapter.confluence..");
    }

    /** Jackson reads and writes wire formats: in the adapters, the sandbox, and the command line (its --json output and input files). */
    static ArchRule jacksonStaysAtTheEdges(String root) {
        return confined(root, new String[] {"com.fasterxml.jackson.."},
                root + ".adapter.confluence..", root + ".adapter.persistence..", root + ".adapter.http..", root + ".sandbox..",
                root + ".cli..");
    }

    static ArchRule jdbiAndFlywayStayInPersistence(String root) {
        return confined(root, new String[] {"org.jdbi..", "org.flywaydb.."}, root + ".adapter.persistence..");
    }

    /** The cluster's queue (db-scheduler) is one adapter's business: the rest sees {@code ClusterSchedulerPort} only. */
    static ArchRule dbSchedulerStaysInPersistence(String root) {
        return confined(root, new String[] {"com.github.kagkarlsson.."}, root + ".adapter.persistence..");
    }

    static ArchRule javalinStaysInHttpAndSandbox(String root) {
        return confined(root, new String[] {"io.javalin.."}, root + ".adapter.http..", root + ".sandbox..");
    }

    static ArchRule picocliStaysInTheCli(String root) {
        return confined(root, new String[] {"picocli.."}, root + ".cli..");
    }

    /** The embeddable app logs through slf4j-api only: the executable chooses the logging backend. */
    static ArchRule logbackStaysInTheCli(String root) {
        return confined(root, new String[] {"ch.qos.logback.."}, root + ".cli..");
    }

    /** Dagger appears only in the app's wiring and in each adapter's {@code @Module} (and in what Dagger generates for it). */
    static ArchRule daggerOnlyInModulesAndWiring(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and(DescribedPredicate.not(compositionRoot(root)))
                .and(DescribedPredicate.not(daggerModuleOrGenerated()))
                .should().dependOnClassesThat().resideInAPackage("dagger..")
                .allowEmptyShould(true);
    }

    /** Dagger's generated component holds providers of every adapter's objects, so generated code is exempt. */
    private static ArchRule confined(String root, String[] libraries, String... allowedIn) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackages(allowedIn)
                .and(DescribedPredicate.not(daggerModuleOrGenerated()))
                .should().dependOnClassesThat().resideInAnyPackage(libraries)
                .allowEmptyShould(true);
    }

    // ---- general coding rules -----------------------------------------------------------------

    /** The constants of {@link GeneralCodingRules} check every imported class; the root only scopes the import. */
    static ArchRule noFieldInjection(String root) {
        return GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
    }

    static ArchRule noJavaUtilLogging(String root) {
        return GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
    }

    static ArchRule noGenericExceptions(String root) {
        return GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
    }

    /** Standard streams are for the CLI's output and the sandbox's own main, nothing else. */
    static ArchRule noStandardStreamsOutsideTheCli(String root) {
        String sandboxMain = root + ".sandbox.SandboxMain";
        return noClasses().that().resideOutsideOfPackage(root + ".cli..")
                .and(DescribedPredicate.not(describe("are " + sandboxMain,
                        (JavaClass c) -> c.getName().equals(sandboxMain) || c.getName().startsWith(sandboxMain + "$"))))
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);
    }

    // ---- naming -------------------------------------------------------------------------------

    static ArchRule inboundPortsAreUseCases(String root) {
        return classes().that().resideInAPackage(root + ".ports.in..").and().areInterfaces()
                .should().haveSimpleNameEndingWith("UseCase")
                .allowEmptyShould(true);
    }

    /**
     * Outbound ports end with {@code Port}; the small callback types a port takes as a parameter
     * ({@code ContentSource}, {@code UploadProgressListener}, {@code ConfluenceCallObserver}) say
     * what they are instead. Records and value classes beside them are not interfaces.
     */
    static ArchRule outboundPortsArePorts(String root) {
        return classes().that().resideInAPackage(root + ".ports.out..").and().areInterfaces()
                .should().haveSimpleNameEndingWith("Port")
                .orShould().haveSimpleNameEndingWith("Source")
                .orShould().haveSimpleNameEndingWith("Listener")
                .orShould().haveSimpleNameEndingWith("Observer")
                .allowEmptyShould(true);
    }

    static ArchRule pluginInterfacesAreProviders(String root) {
        return classes().that().resideInAPackage(root + ".ports.spi..").and().areInterfaces()
                .should().haveSimpleNameEndingWith("Provider")
                .allowEmptyShould(true);
    }

    static ArchRule useCaseImplementationsAreServices(String root) {
        return classes().that().resideInAPackage(root + ".app.usecase..").and().areTopLevelClasses()
                .and().implement(useCaseInterface(root))
                .should().haveSimpleNameEndingWith("Service")
                .allowEmptyShould(true);
    }

    static ArchRule portImplementationsAreAdapters(String root) {
        return classes().that().resideInAPackage(root + ".adapter..").and().areTopLevelClasses()
                .and().implement(resideInAPackage(root + ".ports.out..").and(INTERFACES).and(simpleNameEndingWith("Port")))
                .should().haveSimpleNameEndingWith("Adapter")
                .allowEmptyShould(true);
    }

    /**
     * An adapter shows the rest of the application only its Dagger module and its settings record;
     * Feign interfaces, DAOs, wire records and the adapter classes themselves stay package-private.
     */
    /**
     * An adapter shows only its Dagger module, its {@code *Settings} record and, where the host must
     * start or close something, one {@code *Server} or {@code *Lifecycle} handle (AutoCloseable).
     * Nested classes of non-public classes are not reachable, so only effectively public types count.
     */
    static ArchRule adaptersHideTheirInsides(String root) {
        return classes().that().resideInAPackage(root + ".adapter..")
                .and(describe("are effectively public", HexagonRules::isEffectivelyPublic))
                .and(DescribedPredicate.not(daggerModuleOrGenerated()))
                .and(DescribedPredicate.not(describe("compiled console templates (jte generates them public)",
                        c -> c.getSimpleName().startsWith("Jte") && c.getSimpleName().endsWith("Generated"))))
                .should(com.tngtech.archunit.lang.conditions.ArchConditions.be(describe(
                        "a *Settings record or an AutoCloseable *Server/*Lifecycle/*Console handle", HexagonRules::isSettingsOrHandle)))
                .allowEmptyShould(true)
                .as("public classes in adapters are only Dagger modules, *Settings records and *Server/*Lifecycle/*Console handles");
    }

    private static boolean isEffectivelyPublic(JavaClass c) {
        return c.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                && c.getEnclosingClass().map(HexagonRules::isEffectivelyPublic).orElse(true);
    }

    private static boolean isSettingsOrHandle(JavaClass c) {
        boolean settings = c.isRecord() && c.getSimpleName().endsWith("Settings");
        boolean handle = c.isAssignableTo(AutoCloseable.class)
                && (c.getSimpleName().endsWith("Server") || c.getSimpleName().endsWith("Lifecycle") || c.getSimpleName().endsWith("Console"));
        return settings || handle;
    }

    // ---- predicates ---------------------------------------------------------------------------

    /** The composition root: the facade (package {@code app} itself), its configuration and the Dagger wiring. */
    private static DescribedPredicate<JavaClass> compositionRoot(String root) {
        return JavaClass.Predicates.resideInAnyPackage(root + ".app", root + ".app.config..", root + ".app.wiring..")
                .as("the app's composition root (facade, configuration, wiring)");
    }

    private static DescribedPredicate<JavaClass> useCaseInterface(String root) {
        return resideInAPackage(root + ".ports.in..").and(INTERFACES).and(simpleNameEndingWith("UseCase")).as("a use case");
    }

    /** A Dagger {@code @Module} (or a class nested in one), or code Dagger generated (factories, components). */
    static DescribedPredicate<JavaClass> daggerModuleOrGenerated() {
        return describe("Dagger modules or Dagger-generated code", HexagonRules::isDaggerModuleOrGenerated);
    }

    private static boolean isDaggerModuleOrGenerated(JavaClass c) {
        if (c.isAnnotatedWith("dagger.Module") || c.isAnnotatedWith("dagger.internal.DaggerGenerated")
                || c.getSimpleName().startsWith("Dagger") || c.getSimpleName().contains("_")) {
            return true;
        }
        return c.getEnclosingClass().map(HexagonRules::isDaggerModuleOrGenerated).orElse(false);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
