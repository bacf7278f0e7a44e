package org.sijil.ops.bench.writeside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The baseline: one row per transaction (autocommit), into a table with the columns, sizes and
 * indexes of Sijil's {@code domainevententry} (V1__event_store.sql), holding a real event's bytes.
 */
final class PlainInserts {

    static final String TABLE_DDL = """
            CREATE TABLE domainevententry (
                globalindex         BIGSERIAL    NOT NULL PRIMARY KEY,
                aggregateidentifier VARCHAR(255) NOT NULL,
                sequencenumber      BIGINT       NOT NULL,
                type                VARCHAR(255),
                eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
                metadata            BYTEA,
                payload             BYTEA        NOT NULL,
                payloadrevision     VARCHAR(255),
                payloadtype         VARCHAR(255) NOT NULL,
                timestamp           VARCHAR(255) NOT NULL,
                signature           BYTEA        NOT NULL,
                signingkeyid        VARCHAR(64)  NOT NULL,
                UNIQUE (aggregateidentifier, sequencenumber)
            )""";

    static final String INSERT = "INSERT INTO domainevententry (eventidentifier, aggregateidentifier, "
            + "sequencenumber, type, timestamp, payloadtype, payloadrevision, payload, metadata, signature, "
            + "signingkeyid) VALUES (?,?,?,?,?,?,?,?,?,?,?)";

    private final DataSource pool;
    private final SampleRow row;

    PlainInserts(DataSource pool, SampleRow row) {
        this.pool = pool;
        this.row = row;
    }

    void createTable() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(TABLE_DDL);
        }
    }

    /** Inserts one event row for a new aggregate and commits it. */
    void insertOne() throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, row, UUID.randomUUID().toString());
            insert.executeUpdate();
        }
    }

    static void bind(PreparedStatement insert, SampleRow row, String aggregateId) throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, aggregateId);
        insert.setLong(3, 0);
        insert.setString(4, row.type());
        insert.setString(5, row.timestamp());
        insert.setString(6, row.payloadType());
        insert.setString(7, row.payloadRevision());
        insert.setBytes(8, row.payload());
        insert.setBytes(9, row.metadata());
        insert.setBytes(10, row.signature());
        insert.setString(11, row.signingKeyId());
    }
}
