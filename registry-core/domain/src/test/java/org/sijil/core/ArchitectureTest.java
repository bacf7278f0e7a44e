package org.sijil.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sijil.core");

    @Test
    void nothingInTheCoreDependsOnSpring() {
        noClasses().that().resideInAPackage("org.sijil.core..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void nothingInTheDomainStores() {
        noClasses().that().resideInAPackage("org.sijil.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sijil.store..")
                .check(classes);
    }

    /** Layers fail when empty, so this also proves the packages it names exist. */
    @Test
    void theContractDependsOnNoAggregate() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("contract").definedBy("org.sijil.core.api..")
                .layer("person").definedBy("org.sijil.core.person..")
                .layer("nationalnumber").definedBy("org.sijil.core.nationalnumber..")
                .whereLayer("person").mayNotBeAccessedByAnyLayer()
                .whereLayer("nationalnumber").mayOnlyBeAccessedByLayers("person")
                .check(classes);
    }
}
