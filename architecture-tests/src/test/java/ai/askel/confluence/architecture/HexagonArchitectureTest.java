package ai.askel.confluence.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's rules applied to the connector's production code (see {@link HexagonRules}, docs/architecture.md). */
@AnalyzeClasses(packages = HexagonArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonArchitectureTest {
    static final String ROOT = "ai.askel.confluence";

    @ArchTest
    static final ArchRule onion_architecture = HexagonRules.onion(ROOT);
    @ArchTest
    static final ArchRule app_classes_are_placed = HexagonRules.appClassesArePlaced(ROOT);
    @ArchTest
    static final ArchRule use_case_services_are_package_private = HexagonRules.useCaseServicesArePackagePrivate(ROOT);
    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = HexagonRules.domainDependsOnlyOnTheJdk(ROOT);
    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = HexagonRules.adaptersDoNotDependOnEachOther(ROOT);
    @ArchTest
    static final ArchRule adapters_do_not_depend_on_the_app = HexagonRules.adaptersDoNotDependOnTheApp(ROOT);
    @ArchTest
    static final ArchRule use_cases_do_not_see_adapters = HexagonRules.useCasesDoNotSeeAdapters(ROOT);
    @ArchTest
    static final ArchRule plugins_depend_only_on_the_spi = HexagonRules.pluginsDependOnlyOnTheSpi(ROOT);
    @ArchTest
    static final ArchRule no_cycles_between_slices = HexagonRules.noCyclesBetweenSlices(ROOT);

    @ArchTest
    static final ArchRule sandbox_depends_on_nothing_of_the_project = HexagonRules.sandboxDependsOnNothingOfTheProject(ROOT);
    @ArchTest
    static final ArchRule only_the_cli_starts_the_sandbox = HexagonRules.onlyTheCliStartsTheSandbox(ROOT);

    @ArchTest
    static final ArchRule feign_stays_in_the_confluence_adapter = HexagonRules.feignStaysInTheConfluenceAdapter(ROOT);

    @ArchTest
    static final ArchRule jackson_stays_at_the_edges = HexagonRules.jacksonStaysAtTheEdges(ROOT);
    @ArchTest
    static final ArchRule jdbi_and_flyway_stay_in_persistence = HexagonRules.jdbiAndFlywayStayInPersistence(ROOT);
    @ArchTest
    static final ArchRule db_scheduler_stays_in_persistence = HexagonRules.dbSchedulerStaysInPersistence(ROOT);
    @ArchTest
    static final ArchRule javalin_stays_in_http_and_sandbox = HexagonRules.javalinStaysInHttpAndSandbox(ROOT);
    @ArchTest
    static final ArchRule picocli_stays_in_the_cli = HexagonRules.picocliStaysInTheCli(ROOT);

    @ArchTest
    static final ArchRule logback_stays_in_the_cli = HexagonRules.logbackStaysInTheCli(ROOT);
    @ArchTest
    static final ArchRule dagger_only_in_modules_and_wiring = HexagonRules.daggerOnlyInModulesAndWiring(ROOT);

    @ArchTest
    static final ArchRule no_field_injection = HexagonRules.noFieldInjection(ROOT);
    @ArchTest
    static final ArchRule no_java_util_logging = HexagonRules.noJavaUtilLogging(ROOT);
    @ArchTest
    static final ArchRule no_generic_exceptions = HexagonRules.noGenericExceptions(ROOT);
    @ArchTest
    static final ArchRule no_standard_streams_outside_the_cli = HexagonRules.noStandardStreamsOutsideTheCli(ROOT);

    @ArchTest
    static final ArchRule inbound_ports_are_use_cases = HexagonRules.inboundPortsAreUseCases(ROOT);
    @ArchTest
    static final ArchRule outbound_ports_are_ports = HexagonRules.outboundPortsArePorts(ROOT);
    @ArchTest
    static final ArchRule plugin_interfaces_are_providers = HexagonRules.pluginInterfacesAreProviders(ROOT);
    @ArchTest
    static final ArchRule use_case_implementations_are_services = HexagonRules.useCaseImplementationsAreServices(ROOT);
    @ArchTest
    static final ArchRule port_implementations_are_adapters = HexagonRules.portImplementationsAreAdapters(ROOT);
    @ArchTest
    static final ArchRule adapters_hide_their_insides = HexagonRules.adaptersHideTheirInsides(ROOT);
}
