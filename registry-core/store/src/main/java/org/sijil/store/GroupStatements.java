package org.sijil.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inserts of a group of commands that share one transaction, sent with the group's events
 * instead of one round trip per command: the national numbers the group's births claim, the data
 * keys made for those new persons, and the ID card numbers its cards claim. They go as {@code WITH}
 * clauses of the statement that stores the events ({@link CompanionInserts}), so a group costs the
 * database two round trips, that statement and the commit; should the events not fit one
 * statement, they are sent on their own just before the commit ({@link #execute}).
 *
 * <p>Nothing is checked when an insert is deferred: a national number, person id or card number
 * that is taken or claimed twice in the group, or a data key row that already exists makes the
 * deferred insert fail, which fails the group; the group's commands are then run again one by one,
 * each in its own transaction with the immediate statements, so each gets its own error and the
 * others are stored. That is why the deferred inserts never use {@code ON CONFLICT DO NOTHING}: a
 * data key used to seal a stored event is the one stored with it, or the group does not commit.
 *
 * <p>The inserts wait at most the group's lock timeout for a row another transaction holds (a
 * national or card number claimed there and not yet committed): the {@code lock_timeout} clause sets
 * PostgreSQL's {@code lock_timeout} for the rest of the transaction, and the inserts read it before
 * their first row, so it is set before they can wait.
 *
 * <p>Used only on the thread that runs the group (a unit of work is thread-bound); not thread-safe.
 */
public final class GroupStatements implements CompanionInserts {

    private static final String RESOURCE = GroupStatements.class.getName();

    /**
     * The clauses: the lock timeout (the setting's current value if the group has none), then the
     * two inserts, each reading the one-row timeout clause so that it is evaluated first.
     */
    private static final String LOCK_TIMEOUT =
            "lock_timeout AS (SELECT set_config('lock_timeout', coalesce(?::text, current_setting('lock_timeout')), true))";

    private static final String INSERT_NATIONAL_NUMBERS = "claims AS (INSERT INTO national_number "
            + "(number_key, person_id) SELECT c.number_key, c.person_id "
            + "FROM lock_timeout, unnest(?::bytea[], ?::uuid[]) AS c(number_key, person_id))";

    private static final String INSERT_CARD_NUMBERS = "cards AS (INSERT INTO id_card_number "
            + "(card_key, person_id) SELECT c.card_key, c.person_id "
            + "FROM lock_timeout, unnest(?::bytea[], ?::uuid[]) AS c(card_key, person_id))";

    private static final String INSERT_DATA_KEYS = "data_keys AS (INSERT INTO person_data_key "
            + "(person_id, wrapped_key, master_key_id, created_at) SELECT k.person_id, k.wrapped_key, ?, ? "
            + "FROM lock_timeout, unnest(?::uuid[], ?::bytea[]) AS k(person_id, wrapped_key))";

    private final String lockTimeout;
    /** The persons the group's claims register, for {@link #registers}. */
    private final Set<UUID> registered = new HashSet<>();
    private final List<byte[]> nationalNumbers = new ArrayList<>();
    private final List<UUID> claimants = new ArrayList<>();
    private final Map<UUID, NewKey> keys = new LinkedHashMap<>();
    private final List<byte[]> cardKeys = new ArrayList<>();
    private final List<UUID> cardHolders = new ArrayList<>();
    private String masterKeyId;
    private Instant keysCreatedAt;
    private boolean sent;

    private GroupStatements(String lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /**
     * Makes deferred statements available to the commands run in {@code root}'s unit of work.
     *
     * @param lockTimeout the longest the inserts wait for a row lock, or {@code null} to wait as long
     *                    as the transaction's own setting says
     */
    public static GroupStatements openIn(UnitOfWork<?> root, Duration lockTimeout) {
        GroupStatements statements = new GroupStatements(
                lockTimeout == null ? null : lockTimeout.toMillis() + "ms");
        root.resources().put(RESOURCE, statements);
        return statements;
    }

    /** The statements of the group the current command runs in, or {@code null} outside a group. */
    static GroupStatements current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(RESOURCE);
    }

    /**
     * Hands the current group's inserts over to the statement that stores its events, or
     * {@code null} outside a group or when it has none (or has handed them over already).
     */
    public static CompanionInserts take() {
        GroupStatements group = current();
        return group == null ? null : group.takeOnce();
    }

    private CompanionInserts takeOnce() {
        if (sent || (nationalNumbers.isEmpty() && keys.isEmpty() && cardKeys.isEmpty())) {
            return null;
        }
        sent = true;
        return this;
    }

    /**
     * Defers the claim of a national number by a new person, by its lookup key. A second claim of the
     * same person id in the group is kept too, so that the insert fails on it.
     */
    void claimNationalNumber(byte[] numberKey, UUID personId) {
        nationalNumbers.add(Objects.requireNonNull(numberKey, "numberKey"));
        claimants.add(Objects.requireNonNull(personId, "personId"));
        registered.add(personId);
    }

    /**
     * Defers the claim of an ID card number, by its lookup key. A number claimed twice in the group
     * is kept twice, so that the insert fails on it.
     */
    void claimIdCardNumber(byte[] cardKey, UUID personId) {
        cardKeys.add(Objects.requireNonNull(cardKey, "cardKey"));
        cardHolders.add(Objects.requireNonNull(personId, "personId"));
    }

    /** Whether a command of this group claimed a national number for the person, i.e. registers them. */
    boolean registers(UUID personId) {
        return registered.contains(personId);
    }

    /**
     * The data key made in this group for a new person, making it with {@code create} (and deferring
     * its insert) on first use; later events of the same person in the group get the same key.
     *
     * @param masterKeyId the id of the master key that wrapped it
     * @param createdAt   when it was made
     */
    byte[] newDataKey(UUID personId, String masterKeyId, Instant createdAt, Supplier<NewKey> create) {
        if (this.masterKeyId != null && !this.masterKeyId.equals(masterKeyId)) {
            throw new IllegalStateException("one group's data keys are wrapped by one master key");
        }
        this.masterKeyId = masterKeyId;
        if (keysCreatedAt == null) {
            keysCreatedAt = createdAt;
        }
        return keys.computeIfAbsent(personId, id -> create.get()).dataKey();
    }

    /**
     * Runs the deferred inserts in the group's transaction unless they went with its events.
     *
     * @throws org.springframework.dao.DataAccessException if one is refused (a duplicate, a lock
     *         not granted in time); the group must then be rolled back
     */
    public void execute(JdbcTemplate jdbc) {
        CompanionInserts inserts = takeOnce();
        if (inserts == null) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            inserts.insertAlone(connection);
            return null;
        });
    }

    @Override
    public String withClauses() {
        StringBuilder clauses = new StringBuilder(LOCK_TIMEOUT);
        if (!nationalNumbers.isEmpty()) {
            clauses.append(", ").append(INSERT_NATIONAL_NUMBERS);
        }
        if (!keys.isEmpty()) {
            clauses.append(", ").append(INSERT_DATA_KEYS);
        }
        if (!cardKeys.isEmpty()) {
            clauses.append(", ").append(INSERT_CARD_NUMBERS);
        }
        return clauses.toString();
    }

    @Override
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        statement.setString(index++, lockTimeout);
        Connection connection = statement.getConnection();
        if (!nationalNumbers.isEmpty()) {
            statement.setArray(index++, connection.createArrayOf("bytea", nationalNumbers.toArray(byte[][]::new)));
            statement.setArray(index++, connection.createArrayOf("uuid", claimants.toArray()));
        }
        if (!keys.isEmpty()) {
            byte[][] wrapped = keys.values().stream().map(NewKey::wrapped).toArray(byte[][]::new);
            statement.setString(index++, masterKeyId);
            // an OffsetDateTime is bound without the driver consulting the default time zone
            statement.setObject(index++, OffsetDateTime.ofInstant(keysCreatedAt, ZoneOffset.UTC));
            statement.setArray(index++, connection.createArrayOf("uuid", keys.keySet().toArray()));
            statement.setArray(index++, connection.createArrayOf("bytea", wrapped));
        }
        if (!cardKeys.isEmpty()) {
            statement.setArray(index++, connection.createArrayOf("bytea", cardKeys.toArray(byte[][]::new)));
            statement.setArray(index++, connection.createArrayOf("uuid", cardHolders.toArray()));
        }
        return index;
    }

    /** A data key made for a new person, and its wrapped form to store. */
    record NewKey(byte[] dataKey, byte[] wrapped) {
    }
}
