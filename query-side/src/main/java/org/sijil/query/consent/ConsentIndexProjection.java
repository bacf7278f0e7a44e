package org.sijil.query.consent;

import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.sijil.core.api.consent.ConsentGrantedEvent;
import org.sijil.core.api.consent.ConsentRevokedEvent;
import org.sijil.core.api.consent.ConsentUsedEvent;
import org.sijil.core.api.DataCategory;
import org.sijil.core.api.consent.LegalBasisRecordedEvent;
import org.sijil.core.api.consent.LegalBasisRepealedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The consent and legal-basis read model ({@code consent_index}, {@code legal_basis_index}), written
 * in the transaction that stores the events. Writes are idempotent, so replaying the events (after
 * the reset handler cleared the tables) rebuilds the same rows.
 */
@Component
@ProcessingGroup(ConsentIndexProjection.PROCESSING_GROUP)
class ConsentIndexProjection {

    /** Its processing group and processor. */
    static final String PROCESSING_GROUP = "consent-index";

    private final JdbcTemplate jdbc;

    ConsentIndexProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConsentGrantedEvent e, @MessageIdentifier String eventId) {
        jdbc.update("""
                INSERT INTO consent_index (consent_id, person_id, ministry, purpose_code, purpose_text, categories,
                    valid_from, valid_until, one_time, collection_method, receipt_id, jurisdiction, policy_reference,
                    granted_at, event_id)
                VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (consent_id) DO NOTHING""",
                e.consentId(), e.personId(), e.ministry(), e.purposeCode(), e.purposeText(), array(e.categories()),
                Timestamp.from(e.validFrom()), Timestamp.from(e.validUntil()), e.oneTime(), e.collectionMethod(),
                e.receiptId(), e.jurisdiction(), e.policyReference(), Timestamp.from(e.recordedAt()), eventId);
    }

    @EventHandler
    void on(ConsentRevokedEvent e) {
        jdbc.update("UPDATE consent_index SET revoked_at = ? WHERE consent_id = ? AND revoked_at IS NULL",
                Timestamp.from(e.recordedAt()), e.consentId());
    }

    @EventHandler
    void on(ConsentUsedEvent e) {
        jdbc.update("UPDATE consent_index SET used_at = ? WHERE consent_id = ? AND used_at IS NULL",
                Timestamp.from(e.recordedAt()), e.consentId());
    }

    @EventHandler
    void on(LegalBasisRecordedEvent e, @MessageIdentifier String eventId) {
        jdbc.update("""
                INSERT INTO legal_basis_index (legal_basis_id, law, article, ministry, purposes, categories,
                    valid_from, valid_until, recorded_at, event_id)
                VALUES (?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?)
                ON CONFLICT (legal_basis_id) DO NOTHING""",
                e.legalBasisId(), e.law(), e.article(), e.ministry(), textArray(e.purposes()), array(e.categories()),
                e.validFrom(), e.validUntil(), Timestamp.from(e.recordedAt()), eventId);
    }

    @EventHandler
    void on(LegalBasisRepealedEvent e) {
        jdbc.update("UPDATE legal_basis_index SET repealed_at = ?, repealed_by = ? "
                        + "WHERE legal_basis_id = ? AND repealed_at IS NULL",
                Timestamp.from(e.recordedAt()), e.repealedBy(), e.legalBasisId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM consent_index");
        jdbc.update("DELETE FROM legal_basis_index");
    }

    /** A PostgreSQL array literal of category names (which contain no quotes, commas or braces). */
    static String array(List<DataCategory> categories) {
        return textArray(categories.stream().map(Enum::name).toList());
    }

    /** A PostgreSQL array literal with every element quoted and escaped. */
    static String textArray(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }
}
