package nl.veiligwerken.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class CommandArchitectureTest {

    private static final String INCIDENT = "nl.veiligwerken.command.incident.Incident";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.veiligwerken.command");

    @Test
    void theRulesLookAtRealClasses() {
        assertThat(classes.stream().filter(c -> c.getPackageName().endsWith(".web"))).isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getName().equals(INCIDENT))).hasSize(1);
    }

    @Test
    void theWebTalksToTheAggregateOnlyThroughCommands() {
        noClasses().that().resideInAPackage("..command.web..")
                .should().dependOnClassesThat().haveFullyQualifiedName(INCIDENT)
                .check(classes);
    }

    @Test
    void aggregatesAndControllersArePackagePrivate() {
        classes().that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .or().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().notBePublic().check(classes);
    }
}
