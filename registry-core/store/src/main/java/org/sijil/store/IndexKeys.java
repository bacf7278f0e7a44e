package org.sijil.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.sijil.crypto.envelope.DecryptionException;
import org.sijil.crypto.envelope.FieldCipher;
import org.sijil.crypto.envelope.KeyedHash;
import org.sijil.crypto.envelope.MasterKey;
import org.springframework.jdbc.core.JdbcTemplate;

/** The keys of the keyed hashes that index personal values (table {@code index_key}), one per index. */
final class IndexKeys {

    private IndexKeys() {
    }

    /**
     * The keyed hash of index {@code name}, its key unwrapped. Only when no node has stored one yet is a
     * key made and wrapped (a master key in an HSM or KMS may be a remote call); should another node store
     * one at the same moment, its key is the one kept and used. Runs before any transaction.
     */
    static KeyedHash load(String name, JdbcTemplate jdbc, MasterKey masterKey, SecureRandom random, Clock clock) {
        byte[] context = ("sijil-index-key/" + name).getBytes(UTF_8);
        List<byte[]> stored = stored(jdbc, name);
        if (stored.isEmpty()) {
            jdbc.update("INSERT INTO index_key (name, wrapped_key, master_key_id, created_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (name) DO NOTHING",
                    name, masterKey.wrap(FieldCipher.newDataKey(random), context), masterKey.keyId(),
                    Timestamp.from(clock.instant()));
            stored = stored(jdbc, name);
        }
        try {
            return new KeyedHash(masterKey.unwrap(stored.get(0), context));
        } catch (DecryptionException e) {
            throw new IllegalStateException("The master key cannot unwrap the index key " + name, e);
        }
    }

    private static List<byte[]> stored(JdbcTemplate jdbc, String name) {
        return jdbc.queryForList("SELECT wrapped_key FROM index_key WHERE name = ?", byte[].class, name);
    }
}
