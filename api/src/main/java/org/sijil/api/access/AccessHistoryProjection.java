package org.sijil.api.access;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.sijil.core.api.AccessRecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The access history ({@code access_history}): one row per access record, written in the
 * transaction that stores it; idempotent, so a replay after the reset rebuilds the same rows.
 *
 * <p>The handler only collects rows: the batch of events its processor hands over — every access
 * event a group commit stores — is inserted in one statement when that batch's unit of work
 * commits, still inside the transaction that stores the events. A refused insert rolls the batch
 * back and, with it, the recording of every access in it (the reads fail closed).
 */
@Component
@ProcessingGroup(AccessConfiguration.ACCESS_HISTORY)
class AccessHistoryProjection {

    private static final String BATCH = AccessHistoryProjection.class.getName() + ".batch";

    /**
     * One statement for the whole batch: one array per column, unnested in order. Categories travel
     * as comma-separated enum names ({@code string_to_array('', ',')} is the empty array). A row
     * whose access id is already listed — in the table or earlier in the batch — is skipped.
     */
    private static final String INSERT = """
            INSERT INTO access_history (access_id, person_id, event_id, subject, organisation, role, purpose,
                basis_kind, basis_id, categories, outcome, reason, recorded_at)
            SELECT r.access_id, r.person_id, r.event_id, r.subject, r.organisation, r.role, r.purpose,
                r.basis_kind, r.basis_id, string_to_array(r.categories, ','), r.outcome, r.reason, r.recorded_at
            FROM unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::timestamptz[])
                AS r(access_id, person_id, event_id, subject, organisation, role, purpose,
                    basis_kind, basis_id, categories, outcome, reason, recorded_at)
            ON CONFLICT (access_id) DO NOTHING""";

    private final JdbcTemplate jdbc;

    AccessHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccessRecordedEvent e, @MessageIdentifier String eventId) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        List<Row> rows = batch.getOrComputeResource(BATCH, key -> {
            List<Row> collected = new ArrayList<>();
            batch.onPrepareCommit(u -> insert(collected));
            return collected;
        });
        rows.add(new Row(e, eventId));
    }

    /** Inserts the rows of one batch in one statement, in the order their events were handled. */
    void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[][] columns = new String[13][n];
        for (int i = 0; i < n; i++) {
            AccessRecordedEvent e = rows.get(i).event();
            columns[0][i] = e.accessId().toString();
            columns[1][i] = e.personId().toString();
            columns[2][i] = rows.get(i).eventId();
            columns[3][i] = e.subject();
            columns[4][i] = e.organisation();
            columns[5][i] = e.role();
            columns[6][i] = e.purpose();
            columns[7][i] = e.basisKind() == null ? null : e.basisKind().name();
            columns[8][i] = e.basisId();
            columns[9][i] = String.join(",", e.categories().stream().map(Enum::name).toList());
            columns[10][i] = e.outcome().name();
            columns[11][i] = e.reason();
            columns[12][i] = e.recordedAt().toString();
        }
        // every column as text, converted by the casts above: ISO-8601 instants with their Z stay exact
        jdbc.execute(INSERT, (PreparedStatement statement) -> {
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, statement.getConnection().createArrayOf("text", columns[c]));
            }
            return statement.executeUpdate();
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM access_history");
    }

    /** An access event and its message id, waiting for its batch's insert. */
    record Row(AccessRecordedEvent event, String eventId) {
    }
}
