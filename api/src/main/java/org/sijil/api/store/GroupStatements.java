package org.sijil.api.store;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inserts of a group of commands that share one transaction, sent as one statement per table
 * just before the group commits instead of one round trip per command: the national numbers the
 * group's births claim and the data keys made for those new persons.
 *
 * <p>Nothing is checked when an insert is deferred: a national number or person id that is taken,
 * claimed twice in the group, or a data key row that already exists makes the deferred insert fail,
 * which fails the group; the group's commands are then run again one by one, each in its own
 * transaction with the immediate statements, so each gets its own error and the others are stored.
 * That is why the deferred inserts never use {@code ON CONFLICT DO NOTHING}: a data key used to
 * seal a stored event is the one stored with it, or the group does not commit.
 *
 * <p>Used only on the thread that runs the group (a unit of work is thread-bound); not thread-safe.
 */
public final class GroupStatements {

    private static final String RESOURCE = GroupStatements.class.getName();

    private static final String INSERT_NATIONAL_NUMBERS =
            "INSERT INTO national_number (national_number, person_id) SELECT * FROM unnest(?::char(12)[], ?::uuid[])";

    private static final String INSERT_DATA_KEYS = "INSERT INTO person_data_key "
            + "(person_id, wrapped_key, master_key_id, created_at) SELECT k.person_id, k.wrapped_key, ?, ? "
            + "FROM unnest(?::uuid[], ?::bytea[]) AS k(person_id, wrapped_key)";

    /** The persons the group's claims register, for {@link #registers}. */
    private final Set<UUID> registered = new HashSet<>();
    private final List<String> nationalNumbers = new ArrayList<>();
    private final List<UUID> claimants = new ArrayList<>();
    private final Map<UUID, NewKey> keys = new HashMap<>();
    private String masterKeyId;
    private Instant keysCreatedAt;

    private GroupStatements() {
    }

    /** Makes deferred statements available to the commands run in {@code root}'s unit of work. */
    public static GroupStatements openIn(UnitOfWork<?> root) {
        GroupStatements statements = new GroupStatements();
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
     * Defers the claim of {@code nationalNumber} by a new person. A second claim of the same person
     * id in the group is kept too, so that the insert fails on it.
     */
    void claimNationalNumber(String nationalNumber, UUID personId) {
        nationalNumbers.add(Objects.requireNonNull(nationalNumber, "nationalNumber"));
        claimants.add(Objects.requireNonNull(personId, "personId"));
        registered.add(personId);
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
     * Runs the deferred inserts in the group's transaction, one statement per table.
     *
     * @throws org.springframework.dao.DataAccessException if one is refused (a duplicate, a lock
     *         not granted in time); the group must then be rolled back
     */
    public void execute(JdbcTemplate jdbc) {
        if (!nationalNumbers.isEmpty()) {
            int inserted = jdbc.execute(INSERT_NATIONAL_NUMBERS, (PreparedStatement statement) -> {
                statement.setArray(1, statement.getConnection().createArrayOf("bpchar", nationalNumbers.toArray()));
                statement.setArray(2, statement.getConnection().createArrayOf("uuid", claimants.toArray()));
                return statement.executeUpdate();
            });
            check(inserted, nationalNumbers.size(), "national numbers");
        }
        if (!keys.isEmpty()) {
            List<UUID> persons = new ArrayList<>(keys.keySet());
            byte[][] wrapped = new byte[persons.size()][];
            for (int i = 0; i < wrapped.length; i++) {
                wrapped[i] = keys.get(persons.get(i)).wrapped();
            }
            int inserted = jdbc.execute(INSERT_DATA_KEYS, (PreparedStatement statement) -> {
                statement.setString(1, masterKeyId);
                // an OffsetDateTime is bound without the driver consulting the default time zone
                statement.setObject(2, OffsetDateTime.ofInstant(keysCreatedAt, ZoneOffset.UTC));
                statement.setArray(3, statement.getConnection().createArrayOf("uuid", persons.toArray()));
                statement.setArray(4, statement.getConnection().createArrayOf("bytea", wrapped));
                return statement.executeUpdate();
            });
            check(inserted, persons.size(), "data keys");
        }
    }

    private static void check(int inserted, int expected, String what) {
        if (inserted != expected) {
            throw new IllegalStateException("stored " + inserted + " of the group's " + expected + " " + what);
        }
    }

    /** A data key made for a new person, and its wrapped form to store. */
    record NewKey(byte[] dataKey, byte[] wrapped) {
    }
}
