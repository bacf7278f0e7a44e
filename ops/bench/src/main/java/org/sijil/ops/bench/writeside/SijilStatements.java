package org.sijil.ops.bench.writeside;

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
 * serialization or cryptography around them: the database's share of a command handled alone, in
 * its own transaction. The sequence is the one {@code pg_stat_statements} shows for the command path
 * with group commit off (printed by each run, so a change in the application that this class does
 * not follow shows up as a difference between the two lists).
 */
final class SijilStatements {

    private static final String[] TABLES = {
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

    /** As in JdbcDataKeyStore: offer a fresh key, keep a stored one. */
    private static final String GET_OR_CREATE_KEY = "WITH created AS ("
            + " INSERT INTO person_data_key (person_id, wrapped_key, master_key_id, created_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING RETURNING wrapped_key)"
            + " SELECT wrapped_key FROM created"
            + " UNION ALL SELECT wrapped_key FROM person_data_key"
            + " WHERE person_id = ? AND NOT EXISTS (SELECT 1 FROM created)";

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
                // the national number and the person id claimed in the set-based index (JdbcPersonIndex)
                try (PreparedStatement claim = connection.prepareStatement(
                        "INSERT INTO national_number (national_number, person_id) VALUES (?, ?) "
                                + "ON CONFLICT DO NOTHING")) {
                    claim.setString(1, NationalNumber.allocate(random));
                    claim.setObject(2, personId);
                    claim.executeUpdate();
                }
                // the person's data key, created or read in one statement (JdbcDataKeyStore)
                try (PreparedStatement key = connection.prepareStatement(GET_OR_CREATE_KEY)) {
                    key.setObject(1, personId);
                    key.setBytes(2, wrappedKey);
                    key.setString(3, "bench-master");
                    key.setTimestamp(4, Timestamp.from(Instant.now()));
                    key.setObject(5, personId);
                    drain(key);
                }
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

    private static void drain(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                rows.getObject(1);
            }
        }
    }
}
