package org.sijil.api.log;

import java.io.IOException;
import java.security.SecureRandom;
import org.sijil.crypto.note.NoteSigner;
import org.sijil.query.log.LogProperties;
import org.sijil.store.StoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key that signs the transparency log's checkpoints, kept with the application's other keys. */
@Configuration(proxyBeanMethods = false)
class CheckpointKeyConfiguration {

    /** From {@code <sijil.keys-dir>/checkpoint-note.key}, made on first start. */
    @Bean
    NoteSigner checkpointNoteSigner(StoreProperties store, LogProperties properties, SecureRandom random)
            throws IOException {
        return CheckpointNoteKey.openOrCreate(store.keysDir(), properties.origin(), random);
    }
}
