package ai.askel.confluence.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of {@link HexagonRules} is applied to {@code ai.askel.archfixtures}, a miniature of the
 * layout that breaks each rule once: the rule must report the class that breaks it, and must not
 * report the legitimate classes beside it. A rule that passed vacuously (a typo in a package pattern,
 * a layer that matches nothing) would fail here.
 */
class HexagonRulesBiteTest {
    private static final String FIXTURES = "ai.askel.archfixtures";
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    static Stream<Arguments> rules() {
        return Stream.of(
                bites("onion", HexagonRules::onion, "domain.DomainUsesPort", "app.usecase.UseCaseUsesAdapter",
                        "adapter.confluence.AdapterUsesOtherAdapter", "app.templates.TemplatesUseAdapter")
                        .sparing("domain.Model", "app.usecase.GoodService", "adapter.confluence.ConfluenceModule", "plugins.foo.GoodPlugin",
                                "app.Wiring", "app.templates.GoodTemplates", "app.config.Config", "app.wiring.Component"),
                bites("app classes are placed", HexagonRules::appClassesArePlaced, "app.elsewhere.Unplaced")
                        .sparing("app.Wiring", "app.usecase.GoodService", "app.templates.GoodTemplates", "app.config.Config",
                                "app.wiring.Component"),
                bites("use case services are package-private", HexagonRules::useCaseServicesArePackagePrivate, "app.usecase.PublicService")
                        .sparing("app.usecase.GoodService"),
                bites("domain depends only on the JDK", HexagonRules::domainDependsOnlyOnTheJdk, "domain.DomainUsesLibrary")
                        .sparing("domain.Model"),
                bites("adapters do not depend on each other", HexagonRules::adaptersDoNotDependOnEachOther,
                        "adapter.confluence.AdapterUsesOtherAdapter"),
                bites("adapters do not depend on the app", HexagonRules::adaptersDoNotDependOnTheApp, "adapter.confluence.AdapterUsesApp"),
                bites("use cases do not see adapters", HexagonRules::useCasesDoNotSeeAdapters, "app.usecase.UseCaseUsesAdapter")
                        .sparing("app.usecase.GoodService"),
                bites("plugins depend only on the SPI", HexagonRules::pluginsDependOnlyOnTheSpi, "plugins.foo.PluginUsesPort")
                        .sparing("plugins.foo.GoodPlugin"),
                bites("no cycles between slices", HexagonRules::noCyclesBetweenSlices, "cyclea.CycleA", "cycleb.CycleB"),
                bites("sandbox depends on nothing of the project", HexagonRules::sandboxDependsOnNothingOfTheProject,
                        "sandbox.SandboxUsesDomain").sparing("sandbox.SandboxMain"),
                bites("only the cli starts the sandbox", HexagonRules::onlyTheCliStartsTheSandbox, "adapter.confluence.AdapterUsesSandbox")
                        .sparing("cli.CliMain"),
                bites("logback stays in the cli", HexagonRules::logbackStaysInTheCli, "app.AppUsesLogback").sparing("cli.CliMain"),
                bites("Feign stays in the Confluence adapter", HexagonRules::feignStaysInTheConfluenceAdapter,
                        "adapter.http.HttpUsesFeign").sparing("adapter.confluence.GoodPortAdapter"),
                bites("Jackson stays at the edges", HexagonRules::jacksonStaysAtTheEdges,
                        "ports.out.PortUsesJackson").sparing("adapter.confluence.GoodPortAdapter", "sandbox.SandboxMain", "cli.CliJson"),
                bites("JDBI and Flyway stay in persistence", HexagonRules::jdbiAndFlywayStayInPersistence, "adapter.confluence.AdapterUsesJdbi")
                        .sparing("adapter.persistence.PersistenceAdapterUsesFlyway"),
                bites("db-scheduler stays in persistence", HexagonRules::dbSchedulerStaysInPersistence, "adapter.confluence.AdapterUsesDbScheduler")
                        .sparing("adapter.persistence.PersistenceAdapterUsesDbScheduler"),
                bites("Javalin stays in http and the sandbox", HexagonRules::javalinStaysInHttpAndSandbox,
                        "adapter.confluence.AdapterUsesJavalin").sparing("adapter.http.HttpRoutes", "sandbox.SandboxMain"),
                bites("picocli stays in the cli", HexagonRules::picocliStaysInTheCli, "adapter.http.HttpUsesPicocli").sparing("cli.CliMain"),
                bites("Dagger only in modules and wiring", HexagonRules::daggerOnlyInModulesAndWiring, "adapter.confluence.AdapterUsesDagger",
                        "app.usecase.UseCaseUsesDagger").sparing("adapter.confluence.ConfluenceModule", "app.Wiring"),
                bites("no field injection", HexagonRules::noFieldInjection, "domain.DomainFieldInjection"),
                bites("no java.util.logging", HexagonRules::noJavaUtilLogging, "domain.DomainUsesJavaUtilLogging"),
                bites("no generic exceptions", HexagonRules::noGenericExceptions, "domain.DomainThrowsGenericException"),
                bites("no standard streams outside the CLI", HexagonRules::noStandardStreamsOutsideTheCli, "domain.DomainPrints")
                        .sparing("cli.CliOutput", "sandbox.SandboxMain"),
                bites("inbound ports are use cases", HexagonRules::inboundPortsAreUseCases, "ports.in.PublishRunbook")
                        .sparing("ports.in.GoodUseCase"),
                bites("outbound ports are ports", HexagonRules::outboundPortsArePorts, "ports.out.PageStore")
                        .sparing("ports.out.GoodPort", "ports.out.ContentSource", "ports.out.ProgressListener", "ports.out.CallObserver",
                                "ports.out.NewThing"),
                bites("plugin interfaces are providers", HexagonRules::pluginInterfacesAreProviders, "ports.spi.TemplatePlugin")
                        .sparing("ports.spi.GoodProvider"),
                bites("use case implementations are services", HexagonRules::useCaseImplementationsAreServices,
                        "app.usecase.PublishRunbookHandler").sparing("app.usecase.GoodService"),
                bites("port implementations are adapters", HexagonRules::portImplementationsAreAdapters, "adapter.confluence.JdbiRunbooks")
                        .sparing("adapter.confluence.GoodPortAdapter"),
                bites("adapters hide their insides", HexagonRules::adaptersHideTheirInsides, "adapter.confluence.PublicInsides")
                        .sparing("adapter.confluence.ConfluenceModule", "adapter.persistence.PersistenceSettings", "adapter.http.ApiServer"))
                .map(Case::arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void each_rule_reports_its_violation_and_spares_legitimate_code(String name, Function<String, ArchRule> rule, List<String> violators,
                                                                    List<String> spared) {
        EvaluationResult result = rule.apply(FIXTURES).evaluate(FIXTURE_CLASSES);
        String report = String.join("\n", result.getFailureReport().getDetails());

        assertThat(result.hasViolation()).as("%s must bite", name).isTrue();
        for (String violator : violators) {
            assertThat(report).as("%s must name %s", name, violator).containsPattern(mentionOf(violator));
        }
        List<String> origins = result.getFailureReport().getDetails().stream().map(HexagonRulesBiteTest::origin).toList();
        for (String legitimate : spared) {
            assertThat(origins).as("%s must spare %s", name, legitimate).noneMatch(o -> o.matches(mentionOf(legitimate) + ".*"));
        }
    }

    /** Who broke the rule: the first {@code <...>} of a report line ({@code Field <a.B.f> has type <c.D>} names a.B.f). */
    private static String origin(String detail) {
        int open = detail.indexOf('<');
        int close = detail.indexOf('>', open + 1);
        return open < 0 || close < 0 ? detail : detail.substring(open + 1, close);
    }

    /** The class name as it appears in a report: followed by a delimiter, not by more of a longer name. */
    private static String mentionOf(String relativeName) {
        return java.util.regex.Pattern.quote(FIXTURES + "." + relativeName) + "(?![\\w$])";
    }

    private static Case bites(String name, Function<String, ArchRule> rule, String... violators) {
        return new Case(name, rule, List.of(violators), List.of());
    }

    private record Case(String name, Function<String, ArchRule> rule, List<String> violators, List<String> spared) {
        Case sparing(String... legitimate) {
            return new Case(name, rule, violators, List.of(legitimate));
        }

        Arguments arguments() {
            return Arguments.of(name, rule, violators, spared);
        }
    }
}
