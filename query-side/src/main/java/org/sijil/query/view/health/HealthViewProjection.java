package org.sijil.query.view.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.Place;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One row per registered birth and per registered death ({@code view_health_birth},
 * {@code view_health_death}); the ministry's tables are counts over them. Each row remembers the
 * sequence number of the last event of the person applied to it. A death is counted only for a
 * person whose birth is in the view (its sex comes from there), so an erased person — whose birth
 * replays without date or place — stays out on replay; erasure deletes both rows.
 */
@ProcessingGroup(HealthViewProjection.NAME)
public class HealthViewProjection {

    public static final String NAME = "health-view";

    private final JdbcTemplate jdbc;

    public HealthViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BirthRegisteredEvent birth, @SequenceNumber long sequence) {
        if (birth.dateOfBirth() == null || birth.placeOfBirth() == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO view_health_birth (person_id, last_sequence, date_of_birth, governorate, district, sex)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_id) DO NOTHING
                """, birth.personId(), sequence, birth.dateOfBirth(), birth.placeOfBirth().governorate(),
                birth.placeOfBirth().district(), birth.sex().name());
    }

    @EventHandler
    void on(DeathRegisteredEvent death, @SequenceNumber long sequence) {
        Place place = death.placeOfDeath();
        jdbc.update("""
                INSERT INTO view_health_death (person_id, last_sequence, date_of_death, governorate, district, sex,
                                               cause_of_death)
                SELECT b.person_id, ?, ?, ?, ?, b.sex, ? FROM view_health_birth b WHERE b.person_id = ?
                ON CONFLICT (person_id) DO NOTHING
                """, sequence, death.dateOfDeath(), place == null ? null : place.governorate(),
                place == null ? null : place.district(), death.causeOfDeath(), death.personId());
    }

    @EventHandler
    void on(CorrectionRecordedEvent correction, @SequenceNumber long sequence) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT last_sequence FROM view_health_birth WHERE person_id = ?", correction.personId());
        if (rows.isEmpty() || ((Number) rows.get(0).get("last_sequence")).longValue() >= sequence) {
            return;
        }
        LocalDate dateOfBirth = correction.dateOfBirth();
        Place place = correction.placeOfBirth();
        String sex = correction.sex() == null ? null : correction.sex().name();
        jdbc.update("""
                UPDATE view_health_birth SET last_sequence = ?, date_of_birth = coalesce(?, date_of_birth),
                    governorate = coalesce(?, governorate), district = CASE WHEN ? THEN ? ELSE district END,
                    sex = coalesce(?, sex)
                WHERE person_id = ?
                """, sequence, dateOfBirth, place == null ? null : place.governorate(), place != null,
                place == null ? null : place.district(), sex, correction.personId());
        jdbc.update("""
                UPDATE view_health_death SET date_of_death = coalesce(?, date_of_death), sex = coalesce(?, sex)
                WHERE person_id = ?
                """, correction.dateOfDeath(), sex, correction.personId());
    }

    @EventHandler
    void on(PersonErasedEvent erased) {
        jdbc.update("DELETE FROM view_health_birth WHERE person_id = ?", erased.personId());
        jdbc.update("DELETE FROM view_health_death WHERE person_id = ?", erased.personId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE view_health_birth, view_health_death");
    }
}
