package org.sijil.ops.bench.writeside;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.sijil.crypto.entry.SignedEntry;

/**
 * One event row as Sijil stored it: the plain baseline inserts rows of exactly these byte sizes
 * (sealed payload, metadata, signature), so the two write the same volume per event.
 */
record SampleRow(String eventId, String type, String aggregateId, long sequenceNumber, String timestamp,
                 String payloadType, String payloadRevision, byte[] payload, byte[] metadata, byte[] signature,
                 String signingKeyId) {

    /** The most recent {@code BirthRegisteredEvent} in Sijil's event table. */
    static SampleRow latestBirth(DataSource sijil) throws SQLException {
        try (Connection connection = sijil.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT eventidentifier, type, aggregateidentifier, sequencenumber, timestamp, payloadtype, "
                             + "payloadrevision, payload, metadata, signature, signingkeyid "
                             + "FROM domainevententry WHERE payloadtype LIKE '%BirthRegisteredEvent' "
                             + "ORDER BY globalindex DESC LIMIT 1");
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no birth stored yet");
            }
            return new SampleRow(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                    row.getString(5), row.getString(6), row.getString(7), row.getBytes(8), row.getBytes(9),
                    row.getBytes(10), row.getString(11));
        }
    }

    /** The signed entry of this row: the bytes its signature covers (docs/signed-entry-format.md). */
    SignedEntry entry() {
        return new SignedEntry(eventId, type, aggregateId, sequenceNumber, payloadType, payloadRevision, timestamp,
                payload, metadata, signingKeyId);
    }

    String describe() {
        return "payload " + payload.length + " B, metadata " + metadata.length + " B, signature "
                + signature.length + " B";
    }
}
