package org.sijil.query.access;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sijil.core.api.access.AccessRecordedEvent;
import org.sijil.store.read.AccessListing;

/**
 * Access events' rows in the access history ({@code access_history}), inserted by the statement
 * that stores the events, as one {@code WITH} clause: one array per column, unnested in order.
 * Categories travel as comma-separated enum names ({@code string_to_array('', ',')} is the empty
 * array). Every row is new, so a refused row (an access or event id already listed, say) refuses
 * the statement, and with it the events.
 */
public final class AccessHistoryRows implements AccessListing {

    private static final String INSERT = """
            history AS (INSERT INTO access_history (access_id, person_id, event_id, subject, organisation, role,
                purpose, basis_kind, basis_id, categories, outcome, reason, recorded_at)
            SELECT r.access_id, r.person_id, r.event_id, r.subject, r.organisation, r.role, r.purpose,
                r.basis_kind, r.basis_id, string_to_array(r.categories, ','), r.outcome, r.reason, r.recorded_at
            FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::timestamptz[])
                AS r(access_id, person_id, event_id, subject, organisation, role, purpose,
                    basis_kind, basis_id, categories, outcome, reason, recorded_at))""";

    private static final int COLUMNS = 13;

    private final List<String[]> rows = new ArrayList<>();

    /** Lists {@code event}, stored under the message id {@code eventId}. */
    @Override
    public void add(AccessRecordedEvent event, String eventId) {
        rows.add(new String[] {
                event.accessId().toString(),
                event.personId().toString(),
                eventId,
                event.subject(),
                event.organisation(),
                event.role(),
                event.purpose(),
                event.basisKind() == null ? null : event.basisKind().name(),
                event.basisId(),
                String.join(",", event.categories().stream().map(Enum::name).toList()),
                event.outcome().name(),
                event.reason(),
                // ISO-8601 with its Z, converted exactly by the cast above
                event.recordedAt().toString()});
    }

    @Override
    public String withClauses() {
        return INSERT;
    }

    /** Every column as a text array, converted by the clause's casts. */
    @Override
    public int bind(PreparedStatement statement, int first) throws SQLException {
        Connection connection = statement.getConnection();
        for (int c = 0; c < COLUMNS; c++) {
            String[] column = new String[rows.size()];
            for (int r = 0; r < column.length; r++) {
                column[r] = rows.get(r)[c];
            }
            statement.setArray(first + c, connection.createArrayOf("text", column));
        }
        return first + COLUMNS;
    }
}
