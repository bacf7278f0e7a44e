package org.sijil.api.access;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.sijil.core.api.AccessRecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The access history ({@code access_history}): one row per access record, written in the
 * transaction that stores it; idempotent, so a replay after the reset rebuilds the same rows.
 */
@Component
@ProcessingGroup(AccessConfiguration.ACCESS_HISTORY)
class AccessHistoryProjection {

    private final JdbcTemplate jdbc;

    AccessHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccessRecordedEvent e, @MessageIdentifier String eventId) {
        String categories = "{" + String.join(",", e.categories().stream().map(Enum::name).toList()) + "}";
        jdbc.update("""
                INSERT INTO access_history (access_id, person_id, event_id, subject, organisation, role, purpose,
                    basis_kind, basis_id, categories, outcome, reason, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)
                ON CONFLICT (access_id) DO NOTHING""",
                e.accessId(), e.personId(), eventId, e.subject(), e.organisation(), e.role(), e.purpose(),
                e.basisKind() == null ? null : e.basisKind().name(), e.basisId(), categories, e.outcome().name(),
                e.reason(), Timestamp.from(e.recordedAt()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM access_history");
    }
}
