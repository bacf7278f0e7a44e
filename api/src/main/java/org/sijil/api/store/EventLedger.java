package org.sijil.api.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.sijil.crypto.entry.SignedEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads stored event rows exactly as they are, for the signed history and for verification. */
@Component
public class EventLedger {

    private static final String COLUMNS = "globalindex, eventidentifier, type, aggregateidentifier, "
            + "sequencenumber, payloadtype, payloadrevision, timestamp, payload, metadata, signingkeyid, signature";

    private final JdbcTemplate jdbc;

    EventLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event of one aggregate, in sequence order. */
    public List<StoredEvent> eventsOf(String aggregateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", EventLedger::row, aggregateId);
    }

    /** One event by its identifier. */
    public Optional<StoredEvent> event(String eventId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry WHERE eventidentifier = ?",
                EventLedger::row, eventId).stream().findFirst();
    }

    /** The latest sequence number of an aggregate (its version), if it has events. */
    public Optional<Long> version(String aggregateId) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId));
    }

    private static StoredEvent row(ResultSet rs, int rowNum) throws SQLException {
        SignedEntry entry = new SignedEntry(
                rs.getString("eventidentifier"),
                rs.getString("type"),
                rs.getString("aggregateidentifier"),
                rs.getLong("sequencenumber"),
                rs.getString("payloadtype"),
                rs.getString("payloadrevision"),
                rs.getString("timestamp"),
                rs.getBytes("payload"),
                rs.getBytes("metadata"),
                rs.getString("signingkeyid"));
        return new StoredEvent(rs.getLong("globalindex"), entry, rs.getBytes("signature"));
    }
}
