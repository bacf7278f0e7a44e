package org.sijil.ops.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.sijil.core.nationalnumber.NationalNumber;

/**
 * The statements one birth costs in Sijil, sent as plain JDBC in one transaction with no framework,
 * serialization or cryptography around them: the database's share of a command. The sequence is
 * the one {@code pg_stat_statements} shows for the command path (printed by each run, so a change in
 * the application that this class does not follow shows up as a difference between the two lists).
 */
final class SijilStatements {

    private static final String[] TABLES = {
        """
        CREATE TABLE snapshotevententry (
            aggregateidentifier VARCHAR(255) NOT NULL,
            sequencenumber      BIGINT       NOT NULL,
            type                VARCHAR(255) NOT NULL,
            eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
            metadata            BYTEA,
            payload             BYTEA        NOT NULL,
            payloadrevision     VARCHAR(255),
            payloadtype         VARCHAR(255) NOT NULL,
            timestamp           VARCHAR(255) NOT NULL,
            PRIMARY KEY (aggregateidentifier, sequencenumber)
        )""",
        """
        CREATE TABLE national_number (
            national_number CHAR(12) PRIMARY KEY,
            person_id       UUID     NOT NULL UNIQUE
        )""",
        """
        CREATE TABLE person_data_key (
            person_id     UUID PRIMARY KEY,
            wrapped_key   BYTEA,
            master_key_id VARCHAR(64) NOT NULL,
            created_at    TIMESTAMPTZ NOT NULL,
            destroyed_at  TIMESTAMPTZ,
            CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
        )"""
    };

    private final DataSource pool;
    private final SampleRow row;
    private final byte[] wrappedKey = new byte[60];

    SijilStatements(DataSource pool, SampleRow row) {
        this.pool = pool;
        this.row = row;
    }

    /** The tables besides {@code domainevententry} (created by {@link PlainInserts}), as in V1__event_store.sql. */
    void createTables() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute(table);
            }
        }
    }

    void registerOne(SecureRandom random) throws SQLException {
        UUID personId = UUID.randomUUID();
        String aggregateId = personId.toString();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // the person must not exist yet: Axon reads the snapshot, then the event stream
                try (PreparedStatement snapshot = connection.prepareStatement(
                        "SELECT eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype, "
                                + "payloadrevision, payload, metadata FROM snapshotevententry "
                                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC")) {
                    snapshot.setString(1, aggregateId);
                    drain(snapshot);
                }
                try (PreparedStatement events = connection.prepareStatement(
                        "SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, "
                                + "payloadtype, payloadrevision, payload, metadata FROM domainevententry "
                                + "WHERE aggregateidentifier = ? AND sequencenumber >= ? AND sequencenumber < ? "
                                + "ORDER BY sequencenumber ASC")) {
                    events.setString(1, aggregateId);
                    events.setLong(2, 0);
                    events.setLong(3, 100);
                    drain(events);
                }
                try (PreparedStatement claim = connection.prepareStatement(
                        "INSERT INTO national_number (national_number, person_id) VALUES (?, ?) "
                                + "ON CONFLICT DO NOTHING")) {
                    claim.setString(1, NationalNumber.allocate(random));
                    claim.setObject(2, personId);
                    claim.executeUpdate();
                }
                findKey(connection, personId);
                try (PreparedStatement key = connection.prepareStatement(
                        "INSERT INTO person_data_key (person_id, wrapped_key, master_key_id, created_at) "
                                + "VALUES (?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING")) {
                    key.setObject(1, personId);
                    key.setBytes(2, wrappedKey);
                    key.setString(3, "bench-master");
                    key.setTimestamp(4, Timestamp.from(Instant.now()));
                    key.executeUpdate();
                }
                findKey(connection, personId);
                try (PreparedStatement insert = connection.prepareStatement(PlainInserts.INSERT)) {
                    PlainInserts.bind(insert, row, aggregateId);
                    insert.addBatch();
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void findKey(Connection connection, UUID personId) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT wrapped_key FROM person_data_key WHERE person_id = ?")) {
            find.setObject(1, personId);
            drain(find);
        }
    }

    private static void drain(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }
}
