package nl.veiligwerken.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.veiligwerken.query");

    /** A view's projection, table and repository are its own business; others ask through the query bus. */
    @Test
    void viewsArePackagePrivate() {
        classes().that().resideInAnyPackage("nl.veiligwerken.query.tasks..", "nl.veiligwerken.query.incidents..",
                        "nl.veiligwerken.query.timeline..", "nl.veiligwerken.query.myreports..", "nl.veiligwerken.query.review..",
                        "nl.veiligwerken.query.compliance..")
                .should().notBePublic()
                .check(CLASSES);
    }

    @Test
    void webDoesNotReachIntoTheViews() {
        noClasses().that().resideInAPackage("nl.veiligwerken.query.web..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.veiligwerken.query.tasks..",
                        "nl.veiligwerken.query.incidents..", "nl.veiligwerken.query.timeline..",
                        "nl.veiligwerken.query.myreports..", "nl.veiligwerken.query.review..",
                        "nl.veiligwerken.query.compliance..", "org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void controllersArePackagePrivate() {
        classes().that().resideInAPackage("nl.veiligwerken.query.web..")
                .and().haveSimpleNameEndingWith("Controller")
                .should().notBePublic()
                .check(CLASSES);
    }

    /**
     * Spring pauses a cached test context while another one runs and starts it again when a class takes it up;
     * Axon's pooled processors cannot start again. So every Spring IT of this service closes its context after
     * its class, and none is ever taken up again, whatever order the classes run in.
     */
    @Test
    void everySpringIntegrationTestClosesItsContext() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("nl.veiligwerken.query");
        classes().that().haveSimpleNameEndingWith("IT")
                .and().areAnnotatedWith(org.springframework.boot.test.context.SpringBootTest.class)
                .should().beAnnotatedWith(org.springframework.test.annotation.DirtiesContext.class)
                .check(tests);
    }
}
