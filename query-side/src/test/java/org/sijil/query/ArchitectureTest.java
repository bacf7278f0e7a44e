package org.sijil.query;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The read side knows the write side by its contract only: the events ({@code org.sijil.core.api})
 * and the stored rows the store publishes for readers ({@code org.sijil.store.read}); never an
 * aggregate, a policy or the store's own machinery.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sijil.query");

    @Test
    void readsTheWriteSideThroughItsContractOnly() {
        noClasses().should().dependOnClassesThat(resideInAnyPackage("org.sijil.core..", "org.sijil.store..")
                        .and(resideOutsideOfPackages("org.sijil.core.api..", "org.sijil.store.read..")))
                .check(classes);
    }
}
