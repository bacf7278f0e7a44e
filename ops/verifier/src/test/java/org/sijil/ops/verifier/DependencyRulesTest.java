package org.sijil.ops.verifier;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The verifier trusts only the published formats and the crypto library: nothing else of Sijil, so it
 * shares no code path with what it verifies (docs/architecture.md), and no Spring. Tests included.
 */
class DependencyRulesTest {

    /** Layers fail when empty, so this also proves the packages it names exist. */
    @Test
    void usesNothingOfSijilButCryptoAndNoSpring() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.sijil..", "org.springframework..")
                .layer("verifier").definedBy("org.sijil.ops.verifier..")
                .layer("crypto").definedBy("org.sijil.crypto..")
                .whereLayer("verifier").mayOnlyAccessLayers("crypto")
                .check(new ClassFileImporter().importPackages("org.sijil"));
    }
}
