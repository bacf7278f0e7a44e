package org.sijil.crypto;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The trust formats stand alone: auditors' and integrators' tools build on this module only, so it
 * uses no framework and nothing else of Sijil.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sijil.crypto");

    @Test
    void usesNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(classes);
    }

    @Test
    void usesNothingElseOfSijil() {
        noClasses().should().dependOnClassesThat(
                        resideInAPackage("org.sijil..").and(resideOutsideOfPackage("org.sijil.crypto..")))
                .check(classes);
    }
}
