package org.sijil.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.sijil.store.read.StoredEvent;
import org.sijil.store.read.StoredRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads stored event rows exactly as they are, for the signed history and for verification. */
@Component
public class EventLedger {

    private static final String COLUMNS = StoredRows.columns("");

    private final JdbcTemplate jdbc;

    EventLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event of one aggregate, in sequence order. */
    public List<StoredEvent> eventsOf(String aggregateId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", StoredRows::event, aggregateId);
    }

    /** One event by its identifier. */
    public Optional<StoredEvent> event(String eventId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM domainevententry WHERE eventidentifier = ?",
                StoredRows::event, eventId).stream().findFirst();
    }

    /** The latest sequence number of an aggregate (its version), if it has events. */
    public Optional<Long> version(String aggregateId) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId));
    }

    /** Which of {@code aggregateIds} have stored events. */
    public Set<String> withEvents(Collection<String> aggregateIds) {
        Set<String> found = new HashSet<>();
        jdbc.query(c -> {
            PreparedStatement statement = c.prepareStatement(
                    "SELECT DISTINCT aggregateidentifier FROM domainevententry WHERE aggregateidentifier = ANY(?)");
            statement.setArray(1, c.createArrayOf("varchar", aggregateIds.toArray()));
            return statement;
        }, (ResultSet rs) -> {
            found.add(rs.getString(1));
        });
        return found;
    }
}
