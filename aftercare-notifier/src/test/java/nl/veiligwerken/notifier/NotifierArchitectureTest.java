package nl.veiligwerken.notifier;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.veiligwerken.platform.security.AccountDirectory;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Whom the notifier tells comes from the team-directory events, never from the shared identity tables. */
class NotifierArchitectureTest {

    private final JavaClasses notifier = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.veiligwerken.notifier");

    @Test
    void theRuleLooksAtTheNotifiersClasses() {
        assertThat(notifier.stream().map(c -> c.getSimpleName())).contains("DirectoryRecipients", "Notifications");
    }

    @Test
    void noNotifierClassReadsTheAccountDirectory() {
        noClasses().should().dependOnClassesThat().areAssignableTo(AccountDirectory.class).check(notifier);
    }
}
