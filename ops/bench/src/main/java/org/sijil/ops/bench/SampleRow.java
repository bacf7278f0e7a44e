package org.sijil.ops.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One event row as Sijil stored it: the plain baseline inserts rows of exactly these byte sizes
 * (sealed payload, metadata, signature), so the two write the same volume per event.
 */
record SampleRow(String type, String timestamp, String payloadType, String payloadRevision, byte[] payload,
                 byte[] metadata, byte[] signature, String signingKeyId) {

    /** The most recent {@code BirthRegisteredEvent} in Sijil's event table. */
    static SampleRow latestBirth(DataSource sijil) throws SQLException {
        try (Connection connection = sijil.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT type, timestamp, payloadtype, payloadrevision, payload, metadata, signature, signingkeyid "
                             + "FROM domainevententry WHERE payloadtype LIKE '%BirthRegisteredEvent' "
                             + "ORDER BY globalindex DESC LIMIT 1");
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no birth stored yet");
            }
            return new SampleRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                    row.getBytes(5), row.getBytes(6), row.getBytes(7), row.getString(8));
        }
    }

    String describe() {
        return "payload " + payload.length + " B, metadata " + metadata.length + " B, signature "
                + signature.length + " B";
    }
}
