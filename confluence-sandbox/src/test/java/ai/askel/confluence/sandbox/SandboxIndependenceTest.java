package ai.askel.confluence.sandbox;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The sandbox is written from Atlassian's documents, not from the connector: it uses nothing else of the project. */
@AnalyzeClasses(packages = "ai.askel.confluence.sandbox", importOptions = ImportOption.DoNotIncludeTests.class)
class SandboxIndependenceTest {

    @ArchTest
    static final ArchRule sandbox_depends_on_no_other_module_of_the_project = noClasses()
            .that().resideInAPackage("ai.askel.confluence.sandbox..")
            .should().dependOnClassesThat(resideInAPackage("ai.askel.confluence..")
                    .and(not(resideInAPackage("ai.askel.confluence.sandbox.."))));
}
