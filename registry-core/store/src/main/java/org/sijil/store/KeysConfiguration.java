package org.sijil.store;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.sijil.crypto.envelope.FileMasterKey;
import org.sijil.crypto.files.PrivateFiles;
import org.sijil.crypto.envelope.MasterKey;
import org.sijil.crypto.sign.KeyDirectory;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Key material: the event-signing keys (generated on first start, kept in files only the owner can
 * read; rotation adds a key and keeps the old ones verifying) and the master key that wraps each
 * person's data key. A production HSM or KMS replaces these beans with its own {@link MasterKey}.
 */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KeyDirectory signingKeys(StoreProperties properties) throws IOException {
        ownerOnly(properties.keysDir());
        return KeyDirectory.open(properties.keysDir());
    }

    /** The key that signs new events now; a rotation takes effect without a restart. */
    @Bean
    Supplier<SigningKey> activeSigningKey(KeyDirectory signingKeys) {
        signingKeys.activeKey();
        return signingKeys::activeKey;
    }

    /** Every public key that ever signed, to verify old and new events alike. */
    @Bean
    Supplier<KeyRing> keyRing(KeyDirectory signingKeys) {
        return () -> new KeyRing(signingKeys.verificationKeys());
    }

    @Bean
    @ConditionalOnMissingBean
    MasterKey masterKey(StoreProperties properties) throws IOException {
        ownerOnly(properties.masterKeyFile().toAbsolutePath().getParent());
        return FileMasterKey.openOrCreate(properties.masterKeyFile());
    }

    /**
     * Makes a key directory rwx------ (created so if missing). A directory the service may not change
     * (a read-only mount from a secret store) is left as its owner set it.
     */
    private static void ownerOnly(Path dir) throws IOException {
        try {
            PrivateFiles.restrictDirectory(dir);
        } catch (FileSystemException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            log.warn("Cannot make key directory {} owner-only: {}", dir.toAbsolutePath(), e.toString());
        }
    }
}
