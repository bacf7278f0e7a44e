package org.sijil.query.feed;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sijil.crypto.envelope.DecryptionException;
import org.sijil.crypto.envelope.FieldCipher;
import org.sijil.crypto.envelope.MasterKey;
import org.sijil.query.feed.FeedKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feed keys in table {@code feed_key}, wrapped by the master key with
 * {@code sijil-feed-key/<ministry>/<personId>} as context. A key is made the first time a ministry
 * receives a message about a person, in a transaction of its own; none is made for an erased
 * person, and erasure destroys every key of the person in the erasure's transaction. Unwrapped keys
 * are cached by key id and wrapped bytes, so a destroyed key is never served from the cache.
 */
@Component
public class JdbcFeedKeys implements FeedKeys {

    private static final int CACHE_SIZE = 50_000;

    /**
     * Inserts the keys offered for persons not erased. The person's data key row is locked for share,
     * so an erasure committing meanwhile (it updates that row first) is waited for and then seen.
     */
    private static final String CREATE = "WITH alive AS (SELECT person_id FROM person_data_key"
            + " WHERE person_id = ANY (?::uuid[]) AND wrapped_key IS NOT NULL FOR SHARE)"
            + " INSERT INTO feed_key (key_id, person_id, ministry, wrapped_key, master_key_id, created_at)"
            + " SELECT o.key_id, o.person_id, o.ministry, o.wrapped_key, ?, ?"
            + " FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::bytea[]) AS o(key_id, person_id, ministry, wrapped_key)"
            + " JOIN alive USING (person_id)"
            + " ON CONFLICT (person_id, ministry) DO NOTHING";

    private final JdbcTemplate jdbc;
    private final MasterKey masterKey;
    private final SecureRandom random;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    /** Unwrapped keys, kept a while so that a batch of one person's messages unwraps once. */
    private final Cache<UUID, byte[]> unwrapped = Caffeine.newBuilder()
            .maximumSize(CACHE_SIZE)
            .expireAfterAccess(Duration.ofMinutes(5))
            .build();

    JdbcFeedKeys(JdbcTemplate jdbc, MasterKey masterKey, SecureRandom random, Clock clock,
                 PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
        this.random = random;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A stored feed key; {@code wrapped} is null once destroyed. */
    public record Stored(UUID keyId, UUID personId, String ministry, byte[] wrapped) {
    }

    @Override
    public Map<Recipient, Key> forSealing(Collection<Recipient> recipients) {
        Map<Recipient, Key> keys = new HashMap<>();
        ownTransaction.executeWithoutResult(status -> {
            Set<UUID> persons = new HashSet<>();
            recipients.forEach(r -> persons.add(r.personId()));
            Map<Recipient, Stored> stored = storedOf(persons);
            List<Recipient> missing = recipients.stream().filter(r -> !stored.containsKey(r)).distinct().toList();
            if (!missing.isEmpty()) {
                create(missing);
                stored.putAll(storedOf(new HashSet<>(missing.stream().map(Recipient::personId).toList())));
            }
            for (Recipient r : recipients) {
                Stored s = stored.get(r);
                if (s != null && s.wrapped() != null) {
                    keys.put(r, new Key(s.keyId(), unwrap(s)));
                }
            }
        });
        return keys;
    }

    /** The key {@code keyId} if it is {@code ministry}'s: empty if unknown or another ministry's. */
    public Optional<Stored> ofMinistry(UUID keyId, String ministry) {
        return jdbc.query("SELECT key_id, person_id, ministry, wrapped_key FROM feed_key WHERE key_id = ? AND ministry = ?",
                (rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBytes(4)), keyId, ministry).stream().findFirst();
    }

    /** The 32 bytes of a key not destroyed. */
    public byte[] unwrap(Stored key) {
        // a key id names one key for good (a destroyed key is never unwrapped): the id alone is the entry's key
        byte[] cached = unwrapped.getIfPresent(key.keyId());
        if (cached != null) {
            return cached;
        }
        try {
            byte[] plain = masterKey.unwrap(key.wrapped(), context(key.personId(), key.ministry()));
            unwrapped.put(key.keyId(), plain);
            return plain;
        } catch (DecryptionException e) {
            throw new IllegalStateException("The master key cannot unwrap feed key " + key.keyId(), e);
        }
    }

    /** Destroys every feed key of the person for good, in the caller's transaction. */
    public void destroy(UUID personId) {
        jdbc.update("UPDATE feed_key SET wrapped_key = NULL, destroyed_at = ? WHERE person_id = ? "
                + "AND wrapped_key IS NOT NULL", Timestamp.from(clock.instant()), personId);
    }

    private Map<Recipient, Stored> storedOf(Set<UUID> persons) {
        Map<Recipient, Stored> stored = new HashMap<>();
        jdbc.query(c -> {
            var statement = c.prepareStatement(
                    "SELECT key_id, person_id, ministry, wrapped_key FROM feed_key WHERE person_id = ANY (?)");
            statement.setArray(1, c.createArrayOf("uuid", persons.toArray()));
            return statement;
        }, rs -> {
            Stored s = new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                    rs.getBytes(4));
            stored.put(new Recipient(s.personId(), s.ministry()), s);
        });
        return stored;
    }

    private void create(List<Recipient> missing) {
        List<UUID> keyIds = new ArrayList<>();
        List<UUID> persons = new ArrayList<>();
        List<String> ministries = new ArrayList<>();
        List<byte[]> wrapped = new ArrayList<>();
        for (Recipient r : missing) {
            keyIds.add(UUID.randomUUID());
            persons.add(r.personId());
            ministries.add(r.ministry());
            wrapped.add(masterKey.wrap(FieldCipher.newDataKey(random), context(r.personId(), r.ministry())));
        }
        jdbc.update(c -> {
            var statement = c.prepareStatement(CREATE);
            statement.setArray(1, c.createArrayOf("uuid", persons.toArray()));
            statement.setString(2, masterKey.keyId());
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            statement.setArray(4, c.createArrayOf("uuid", keyIds.toArray()));
            statement.setArray(5, c.createArrayOf("uuid", persons.toArray()));
            statement.setArray(6, c.createArrayOf("varchar", ministries.toArray()));
            statement.setArray(7, c.createArrayOf("bytea", wrapped.toArray(byte[][]::new)));
            return statement;
        });
    }

    private static byte[] context(UUID personId, String ministry) {
        return ("sijil-feed-key/" + ministry + "/" + personId).getBytes(UTF_8);
    }
}
