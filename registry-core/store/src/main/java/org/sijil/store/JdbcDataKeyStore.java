package org.sijil.store;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.sijil.crypto.envelope.DecryptionException;
import org.sijil.crypto.envelope.FieldCipher;
import org.sijil.crypto.envelope.MasterKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Data keys in table {@code person_data_key}, wrapped by the master key with the person id as
 * context. Unwrapped keys are cached by their wrapped bytes, never by person alone, so a key from a
 * rolled-back transaction or a destroyed key can never be served from the cache.
 *
 * <p>The key of a person registered in a group of commands sharing a transaction is inserted with
 * the group's other new keys just before the commit ({@link GroupStatements}).
 *
 * <p>Within an event processor's batch (a {@link BatchingUnitOfWork}), the first read fetches the
 * wrapped keys of every person in the batch in one query and keeps them for that batch only: a key
 * destroyed on another node is seen by the next batch, as it would be by the next read.
 */
@Component
class JdbcDataKeyStore implements DataKeyStore {

    private static final int CACHE_SIZE = 50_000;

    private static final String BATCH_KEYS = JdbcDataKeyStore.class.getName() + ".batch";

    private static final String GET_OR_CREATE = "WITH created AS ("
            + " INSERT INTO person_data_key (person_id, wrapped_key, master_key_id, created_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING RETURNING wrapped_key)"
            + " SELECT wrapped_key FROM created"
            + " UNION ALL SELECT wrapped_key FROM person_data_key"
            + " WHERE person_id = ? AND NOT EXISTS (SELECT 1 FROM created)";

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;
    private final SecureRandom random;
    private final Clock clock;
    private final Map<String, byte[]> unwrapped = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    JdbcDataKeyStore(JdbcTemplate jdbc, MasterKey masterKey, SecureRandom random, Clock clock) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public byte[] dataKeyForWriting(UUID personId) {
        GroupStatements group = GroupStatements.current();
        if (group != null && group.registers(personId)) {
            // A person registered in this group has no key yet: make one and insert it with the
            // group's other new keys. Had one been stored after all, that insert fails and the group
            // runs again command by command, here through the get-or-create below.
            return group.newDataKey(personId, masterKey.keyId(), clock.instant(), () -> {
                byte[] fresh = FieldCipher.newDataKey(random);
                byte[] wrapped = masterKey.wrap(fresh, context(personId));
                unwrapped.put(personId + ":" + Base64.getEncoder().encodeToString(wrapped), fresh);
                return new GroupStatements.NewKey(fresh, wrapped);
            });
        }
        // One round trip whether the person is new or not: offer a fresh key, keep a stored one.
        byte[] fresh = FieldCipher.newDataKey(random);
        byte[] freshWrapped = masterKey.wrap(fresh, context(personId));
        List<StoredKey> rows = jdbc.query(GET_OR_CREATE, (rs, n) -> new StoredKey(rs.getBytes(1)),
                personId, freshWrapped, masterKey.keyId(), Timestamp.from(clock.instant()), personId);
        // empty only if a concurrent transaction created the key after this statement's snapshot
        Optional<StoredKey> stored = rows.isEmpty() ? find(personId) : Optional.of(rows.get(0));
        StoredKey key = stored.orElseThrow(() -> new IllegalStateException("no data key row for " + personId));
        if (Arrays.equals(key.wrapped(), freshWrapped)) {
            // cached under its wrapped bytes: if this transaction rolls back, nothing can reach it
            unwrapped.put(personId + ":" + Base64.getEncoder().encodeToString(freshWrapped), fresh);
            return fresh;
        }
        if (key.wrapped() == null) {
            throw new PersonErasedException(personId);
        }
        return unwrap(personId, key.wrapped());
    }

    @Override
    public Optional<byte[]> dataKeyForReading(UUID personId) {
        Map<UUID, StoredKey> batch = batchKeys();
        Optional<StoredKey> stored = batch != null && batch.containsKey(personId)
                ? Optional.ofNullable(batch.get(personId))
                : find(personId);
        return stored
                .filter(key -> key.wrapped() != null)
                .map(key -> unwrap(personId, key.wrapped()));
    }

    /**
     * The wrapped keys of the persons whose events make up the current processor batch, read on
     * first use; {@code null} outside a batch. A person without a key row maps to {@code null}.
     */
    private Map<UUID, StoredKey> batchKeys() {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        return batch.getOrComputeResource(BATCH_KEYS, k -> {
            Set<UUID> persons = new HashSet<>();
            for (Object message : batch.getMessages()) {
                if (message instanceof DomainEventMessage<?> event) {
                    personId(event.getAggregateIdentifier()).ifPresent(persons::add);
                }
            }
            Map<UUID, StoredKey> keys = new HashMap<>();
            persons.forEach(id -> keys.put(id, null));
            jdbc.query(c -> {
                var statement = c.prepareStatement(
                        "SELECT person_id, wrapped_key FROM person_data_key WHERE person_id = ANY (?)");
                statement.setArray(1, c.createArrayOf("uuid", persons.toArray()));
                return statement;
            }, rs -> {
                keys.put(rs.getObject(1, UUID.class), new StoredKey(rs.getBytes(2)));
            });
            return keys;
        });
    }

    private static Optional<UUID> personId(String aggregateIdentifier) {
        try {
            return Optional.of(UUID.fromString(aggregateIdentifier));
        } catch (IllegalArgumentException notAPerson) {
            return Optional.empty();
        }
    }

    @Override
    public void destroy(UUID personId) {
        jdbc.update("UPDATE person_data_key SET wrapped_key = NULL, destroyed_at = ? "
                + "WHERE person_id = ? AND wrapped_key IS NOT NULL", Timestamp.from(clock.instant()), personId);
        find(personId).ifPresent(key -> unwrapped.keySet().removeIf(k -> k.startsWith(personId + ":")));
        // a batch that read the key already must not serve it after this
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root().getResource(BATCH_KEYS) instanceof Map<?, ?> batch
                && batch.containsKey(personId)) {
            batchKeys().put(personId, new StoredKey(null));
        }
    }

    private Optional<StoredKey> find(UUID personId) {
        List<StoredKey> rows = jdbc.query("SELECT wrapped_key FROM person_data_key WHERE person_id = ?",
                (rs, n) -> new StoredKey(rs.getBytes(1)), personId);
        return rows.stream().findFirst();
    }

    private byte[] unwrap(UUID personId, byte[] wrapped) {
        String cacheKey = personId + ":" + Base64.getEncoder().encodeToString(wrapped);
        byte[] cached = unwrapped.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        try {
            byte[] dataKey = masterKey.unwrap(wrapped, context(personId));
            unwrapped.put(cacheKey, dataKey);
            return dataKey;
        } catch (DecryptionException e) {
            throw new IllegalStateException("The master key cannot unwrap the data key of " + personId, e);
        }
    }

    private static byte[] context(UUID personId) {
        return ("sijil-data-key/" + personId).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private record StoredKey(byte[] wrapped) {
    }
}
