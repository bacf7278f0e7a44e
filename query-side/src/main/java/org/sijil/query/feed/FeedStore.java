package org.sijil.query.feed;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sijil.core.api.DataCategory;
import org.sijil.store.read.StoredEvent;
import org.sijil.store.read.StoredRows;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the publisher reads besides the event itself: the stored row (signed entry, signature, global
 * index) with the event's transparency-log index if it already has one, and the legal bases on file.
 * Every method is one query (but {@link #rows(Collection, Collection)}, at most two) and runs in the
 * caller's transaction, if there is one.
 */
public final class FeedStore {

    /** Stored rows with their log leaf; completed by {@code column = ANY(?)}. */
    private static final String ROWS_WHERE = "SELECT " + StoredRows.columns("e.") + ", l.leaf_index"
            + " FROM " + StoredRows.TABLE + " e LEFT JOIN log_leaf l ON l.event_id = e.eventidentifier WHERE e.";

    private final JdbcTemplate jdbc;

    public FeedStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A legal basis as the feed needs it; {@code validUntil} and {@code repealedAt} may be null. */
    public record Basis(String id, String ministry, Set<DataCategory> categories, LocalDate validFrom, LocalDate validUntil,
                        Instant repealedAt) {
        public Basis {
            categories = categories.isEmpty() ? Set.of() : Set.copyOf(categories);
        }
    }

    /** A stored row and its transparency-log leaf index, null if the log has not sequenced it yet. */
    public record Row(StoredEvent event, Long logIndex) {
    }

    /** The stored rows of {@code eventIds} with their log indexes, by event id, in one query. */
    public Map<String, Row> rows(Collection<String> eventIds) {
        Map<String, Row> rows = new HashMap<>();
        if (eventIds.isEmpty()) {
            return rows;
        }
        select(rows, "eventidentifier", "varchar", eventIds.toArray(String[]::new), null);
        return rows;
    }

    /**
     * As {@link #rows(Collection)}, looking the rows up by their global indexes first: a processor's
     * batch is a run of consecutive indexes, which PostgreSQL reads along the primary key, where a
     * thousand identifiers cost it a thousand lookups in the identifier's index (the relay's largest
     * wait per batch). A hint may be wrong (an event that filled a gap in the index is delivered with
     * its processor's highest index): rows are matched by event id, rows at a hint that belong to
     * other events are ignored, and the events no hint found are read by id in a second query.
     *
     * @param eventIds the events whose rows are wanted
     * @param hints    where the rows probably are (global indexes), in any order; may be empty
     */
    public Map<String, Row> rows(Collection<String> eventIds, Collection<Long> hints) {
        if (hints.isEmpty() || eventIds.isEmpty()) {
            return rows(eventIds);
        }
        Map<String, Row> rows = new HashMap<>();
        Set<String> wanted = eventIds instanceof Set<String> set ? set : Set.copyOf(eventIds);
        select(rows, "globalindex", "bigint", hints.toArray(Long[]::new), wanted);
        if (rows.size() < wanted.size()) {
            List<String> missing = new ArrayList<>();
            for (String id : wanted) {
                if (!rows.containsKey(id)) {
                    missing.add(id);
                }
            }
            rows.putAll(rows(missing));
        }
        return rows;
    }

    /**
     * Adds to {@code rows} the rows whose {@code column} is one of {@code values} (an array of SQL
     * {@code type}), but those whose event id {@code wanted}, if given, does not hold.
     */
    private void select(Map<String, Row> rows, String column, String type, Object[] values, Set<String> wanted) {
        jdbc.query(c -> {
            PreparedStatement statement = c.prepareStatement(ROWS_WHERE + column + " = ANY(?)");
            statement.setArray(1, c.createArrayOf(type, values));
            return statement;
        }, (ResultSet rs) -> {
            StoredEvent row = StoredRows.event(rs, 0);
            if (wanted == null || wanted.contains(row.entry().eventId())) {
                long leaf = rs.getLong("leaf_index");
                rows.put(row.entry().eventId(), new Row(row, rs.wasNull() ? null : leaf));
            }
        });
    }

    /** Every legal basis on file (a small reference table). */
    public List<Basis> legalBases() {
        List<Basis> bases = new ArrayList<>();
        jdbc.query("SELECT legal_basis_id, ministry, categories, valid_from, valid_until, repealed_at FROM legal_basis_index",
                (ResultSet rs) -> {
                    Timestamp repealed = rs.getTimestamp("repealed_at");
                    bases.add(new Basis(rs.getString("legal_basis_id"), rs.getString("ministry"), categories(rs.getArray("categories")),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                            repealed == null ? null : repealed.toInstant()));
                });
        return bases;
    }

    private static Set<DataCategory> categories(Array array) throws SQLException {
        EnumSet<DataCategory> set = EnumSet.noneOf(DataCategory.class);
        for (String name : (String[]) array.getArray()) {
            try {
                set.add(DataCategory.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                // a category this build does not know opens nothing
            }
        }
        return set;
    }
}
