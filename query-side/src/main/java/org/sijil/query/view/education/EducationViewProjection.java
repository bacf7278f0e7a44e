package org.sijil.query.view.education;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.Place;
import org.sijil.core.api.person.ResidenceChangedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Maintains the education view ({@code view_education_child}): one row per registered person with
 * the year of their sixth birthday ({@link #SCHOOL_AGE}), where they live (registered residence,
 * else place of birth) and whether they died.
 *
 * <p>A court's correction of the date of birth, sex, place of birth or date of death is applied:
 * each moves a child between the ministry's counts. Idempotent and erasure-safe the same way as
 * the other views: a row remembers the last sequence number applied; erasure deletes the row, and on
 * replay an erased person's birth reads without date or place of birth, so no row comes back.
 */
@ProcessingGroup(EducationViewProjection.NAME)
public class EducationViewProjection {

    /** The processing group, and the name the replay endpoint takes. */
    public static final String NAME = "education-view";

    /**
     * The age at which a child enters primary school; the ministry plans for the calendar year of
     * the sixth birthday.
     */
    public static final int SCHOOL_AGE = 6;

    private final JdbcTemplate jdbc;

    public EducationViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PersonEvent event, @SequenceNumber long sequence) {
        UUID personId = event.personId();
        if (event instanceof BirthRegisteredEvent birth) {
            if (birth.dateOfBirth() != null && birth.placeOfBirth() != null) {
                jdbc.update("""
                        INSERT INTO view_education_child (person_id, last_sequence, date_of_birth, school_year, sex,
                                                          birth_governorate, birth_district)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING
                        """, personId, sequence, birth.dateOfBirth(), birth.dateOfBirth().getYear() + SCHOOL_AGE,
                        birth.sex().name(), birth.placeOfBirth().governorate(), birth.placeOfBirth().district());
            }
        } else if (event instanceof PersonErasedEvent) {
            jdbc.update("DELETE FROM view_education_child WHERE person_id = ?", personId);
        } else if (event instanceof ResidenceChangedEvent move) {
            Place residence = move.residence();
            if (residence != null) {
                jdbc.update("""
                        UPDATE view_education_child SET last_sequence = ?, residence_governorate = ?,
                            residence_district = ?
                        WHERE person_id = ? AND last_sequence < ?
                        """, sequence, residence.governorate(), residence.district(), personId, sequence);
            }
        } else if (event instanceof DeathRegisteredEvent death) {
            jdbc.update("""
                    UPDATE view_education_child SET last_sequence = ?, date_of_death = ?
                    WHERE person_id = ? AND last_sequence < ?
                    """, sequence, death.dateOfDeath(), personId, sequence);
        } else if (event instanceof CorrectionRecordedEvent correction) {
            Place born = correction.placeOfBirth();
            jdbc.update("""
                    UPDATE view_education_child SET last_sequence = ?,
                        date_of_birth = coalesce(?, date_of_birth),
                        school_year = coalesce(?, school_year),
                        sex = coalesce(?, sex),
                        birth_governorate = coalesce(?, birth_governorate),
                        birth_district = CASE WHEN ? THEN ? ELSE birth_district END,
                        date_of_death = coalesce(?, date_of_death)
                    WHERE person_id = ? AND last_sequence < ?
                    """, sequence, correction.dateOfBirth(),
                    correction.dateOfBirth() == null ? null : correction.dateOfBirth().getYear() + SCHOOL_AGE,
                    correction.sex() == null ? null : correction.sex().name(),
                    born == null ? null : born.governorate(), born != null, born == null ? null : born.district(),
                    correction.dateOfDeath(), personId, sequence);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE view_education_child");
    }
}
