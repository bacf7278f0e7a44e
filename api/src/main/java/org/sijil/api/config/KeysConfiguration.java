package org.sijil.api.config;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;
import org.sijil.crypto.envelope.FileMasterKey;
import org.sijil.crypto.files.PrivateFiles;
import org.sijil.crypto.envelope.MasterKey;
import org.sijil.crypto.sign.KeyDirectory;
import org.sijil.crypto.sign.KeyRing;
import org.sijil.crypto.sign.SigningKey;
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

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KeyDirectory signingKeys(SijilProperties properties) throws IOException {
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
    MasterKey masterKey(SijilProperties properties) throws IOException {
        PrivateFiles.createDirectory(properties.masterKeyFile().toAbsolutePath().getParent());
        return FileMasterKey.openOrCreate(properties.masterKeyFile());
    }
}
