package org.sijil.ops.feed;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The feed client, which ministries' integrators run and copy, checks messages with the crypto library
 * alone: nothing else of Sijil (docs/feeds.md) and no Spring. Tests included.
 */
class DependencyRulesTest {

    /** Layers fail when empty, so this also proves the packages it names exist. */
    @Test
    void usesNothingOfSijilButCryptoAndNoSpring() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.sijil..", "org.springframework..")
                .layer("feed client").definedBy("org.sijil.ops.feed..")
                .layer("crypto").definedBy("org.sijil.crypto..")
                .whereLayer("feed client").mayOnlyAccessLayers("crypto")
                .check(new ClassFileImporter().importPackages("org.sijil"));
    }
}
