package org.sijil.query.view.interior;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.IdCardIssuedEvent;
import org.sijil.core.api.person.IdCardRevokedEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Maintains the Interior's view ({@code view_interior_person}, {@code view_interior_card}).
 *
 * <p>Idempotent: a person's row remembers the sequence number of the last event of their stream
 * applied, and every change first advances it with {@code last_sequence < ?}, so a redelivered event
 * changes nothing. Erasure deletes the person's rows; on replay an erased person's birth reads with
 * its national number {@code null} (their data key is gone), so no row is created and every later
 * event of theirs finds none. A court's correction of the date of death is applied; the other
 * corrected fields are not held here.
 */
@ProcessingGroup(InteriorViewProjection.NAME)
public class InteriorViewProjection {

    /** The processing group, and the name the replay endpoint takes. */
    public static final String NAME = "interior-view";

    private final JdbcTemplate jdbc;

    public InteriorViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonEvent event, @SequenceNumber long sequence) {
        UUID personId = event.personId();
        if (event instanceof BirthRegisteredEvent birth) {
            if (birth.nationalNumber() != null) {
                jdbc.update("""
                        INSERT INTO view_interior_person (person_id, last_sequence, national_number, alive)
                        VALUES (?, ?, ?, TRUE) ON CONFLICT (person_id) DO NOTHING
                        """, personId, sequence, birth.nationalNumber());
            }
        } else if (event instanceof PersonErasedEvent) {
            jdbc.update("DELETE FROM view_interior_person WHERE person_id = ?", personId);
        } else if (!advance(personId, sequence)) {
            return; // already applied, or a person this view does not hold
        } else if (event instanceof ResidenceChangedEvent move && move.residence() != null) {
            jdbc.update("""
                    UPDATE view_interior_person SET governorate = ?, district = ?, locality = ?, residence_since = ?
                    WHERE person_id = ?
                    """, move.residence().governorate(), move.residence().district(), move.residence().locality(),
                    move.since(), personId);
        } else if (event instanceof IdCardIssuedEvent issued && issued.cardNumber() != null) {
            jdbc.update("""
                    INSERT INTO view_interior_card (person_id, card_number, issued_on, expires_on)
                    VALUES (?, ?, ?, ?) ON CONFLICT (person_id, card_number) DO UPDATE
                    SET issued_on = excluded.issued_on, expires_on = excluded.expires_on, revoked_on = NULL,
                        revocation_reason = NULL
                    """, personId, issued.cardNumber(), issued.issuedOn(), issued.expiresOn());
        } else if (event instanceof IdCardRevokedEvent revoked) {
            jdbc.update("""
                    UPDATE view_interior_card SET revoked_on = ?, revocation_reason = ?
                    WHERE person_id = ? AND card_number = ?
                    """, revoked.revokedOn(), revoked.reason(), personId, revoked.cardNumber());
        } else if (event instanceof DeathRegisteredEvent death) {
            jdbc.update("UPDATE view_interior_person SET alive = FALSE, date_of_death = ? WHERE person_id = ?",
                    death.dateOfDeath(), personId);
        } else if (event instanceof CorrectionRecordedEvent correction && correction.dateOfDeath() != null) {
            jdbc.update("UPDATE view_interior_person SET date_of_death = ? WHERE person_id = ?",
                    correction.dateOfDeath(), personId);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE view_interior_card, view_interior_person");
    }

    /** Records {@code sequence} as applied; {@code false} if it was already (or the person is not here). */
    private boolean advance(UUID personId, long sequence) {
        return jdbc.update("UPDATE view_interior_person SET last_sequence = ? WHERE person_id = ? AND last_sequence < ?",
                sequence, personId, sequence) == 1;
    }
}
