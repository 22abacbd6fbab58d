package nl.veiligwerken.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The shared contract stays plain: records, enums, no framework that every service would inherit. */
class ApiArchitectureTest {

    private final JavaClasses api = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.veiligwerken.api");

    @Test
    void theRuleLooksAtTheApiClasses() {
        assertThat(api.size()).isGreaterThan(10);
    }

    @Test
    void theApiDependsOnNeitherSpringNorJpa() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                "org.hibernate..").check(api);
    }

    /** Records and enums; and annotations, which mark what a record's components are (personal data). */
    @Test
    void everyApiTypeIsARecordAnEnumOrAnAnnotation() {
        assertThat(api.stream().filter(c -> c.isTopLevelClass() && !c.isRecord() && !c.isEnum() && !c.isAnnotation()))
                .as("api types that are neither record, enum nor annotation").isEmpty();
        assertThat(api.stream().filter(JavaClass::isAnnotation).map(JavaClass::getSimpleName))
                .as("the annotations allowed").containsExactly("PersonalData");
    }
}
