package org.sijil.query.view.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sijil.core.api.BirthRegisteredEvent;
import org.sijil.core.api.DeathRegisteredEvent;
import org.sijil.core.api.DivorceRegisteredEvent;
import org.sijil.core.api.MarriageRegisteredEvent;
import org.sijil.core.api.PersonErasedEvent;
import org.sijil.core.api.Place;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One fact row per vital event per person ({@code view_planning_fact}, keyed by person, kind and
 * marriage), over a per-person table of sex and date of birth for age groups. Marriages and
 * divorces are in both spouses' streams, so each appears once per sex: the statistics count brides
 * and grooms, as UN tables do. Births are tabulated by the mother's age group where she is
 * registered.
 *
 * <p>Timeliness (UN Principles and Recommendations for a Vital Statistics System): {@code ON_TIME}
 * within the legal period — taken here as {@value #LEGAL_PERIOD_DAYS} days for every event, an
 * assumption to confirm against the Civil Status Law — {@code LATE} within a year, {@code DELAYED}
 * after that. Corrections are not applied to these statistics.
 */
@ProcessingGroup(PlanningViewProjection.NAME)
public class PlanningViewProjection {

    public static final String NAME = "planning-view";

    /** Days after the event within which a registration counts as on time. */
    public static final int LEGAL_PERIOD_DAYS = 30;

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    private final JdbcTemplate jdbc;

    public PlanningViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BirthRegisteredEvent birth) {
        if (birth.dateOfBirth() == null || birth.placeOfBirth() == null) {
            return; // an erased person: nothing to count
        }
        jdbc.update("""
                INSERT INTO view_planning_person (person_id, sex, date_of_birth) VALUES (?, ?, ?)
                ON CONFLICT (person_id) DO NOTHING
                """, birth.personId(), birth.sex().name(), birth.dateOfBirth());
        String ageGroup = "unknown";
        if (birth.motherId() != null) {
            List<LocalDate> mother = jdbc.queryForList(
                    "SELECT date_of_birth FROM view_planning_person WHERE person_id = ?", LocalDate.class,
                    birth.motherId());
            if (!mother.isEmpty()) {
                ageGroup = ageGroup(mother.get(0), birth.dateOfBirth());
            }
        }
        fact(birth.personId(), "BIRTH", "", birth.placeOfBirth().governorate(), birth.dateOfBirth(),
                birth.sex().name(), ageGroup, birth.recordedAt());
    }

    @EventHandler
    void on(DeathRegisteredEvent death) {
        personFact(death.personId(), "DEATH", "", governorate(death.placeOfDeath(), death.registrationOffice()),
                death.dateOfDeath(), death.recordedAt());
    }

    @EventHandler
    void on(MarriageRegisteredEvent marriage) {
        personFact(marriage.personId(), "MARRIAGE", marriage.marriageId().toString(),
                governorate(marriage.place(), marriage.registrationOffice()), marriage.marriageDate(),
                marriage.recordedAt());
    }

    @EventHandler
    void on(DivorceRegisteredEvent divorce) {
        personFact(divorce.personId(), "DIVORCE", divorce.marriageId().toString(),
                governorate(null, divorce.registrationOffice()), divorce.divorceDate(), divorce.recordedAt());
    }

    @EventHandler
    void on(PersonErasedEvent erased) {
        jdbc.update("DELETE FROM view_planning_fact WHERE person_id = ?", erased.personId());
        jdbc.update("DELETE FROM view_planning_person WHERE person_id = ?", erased.personId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE view_planning_person, view_planning_fact");
    }

    /** A fact about a registered person, whose sex and age come from the person table. */
    private void personFact(UUID personId, String kind, String ref, String governorate, LocalDate date,
                            Instant recordedAt) {
        List<Object[]> person = jdbc.query("SELECT sex, date_of_birth FROM view_planning_person WHERE person_id = ?",
                (rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class)}, personId);
        if (person.isEmpty() || date == null) {
            return; // erased, or born before the register: not countable by sex and age
        }
        fact(personId, kind, ref, governorate, date, (String) person.get(0)[0],
                ageGroup((LocalDate) person.get(0)[1], date), recordedAt);
    }

    private void fact(UUID personId, String kind, String ref, String governorate, LocalDate date, String sex,
                      String ageGroup, Instant recordedAt) {
        long delay = ChronoUnit.DAYS.between(date, recordedAt.atZone(BAGHDAD).toLocalDate());
        jdbc.update("""
                INSERT INTO view_planning_fact (person_id, kind, ref, governorate, month, sex, age_group, delay_days,
                                                timeliness)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (person_id, kind, ref) DO NOTHING
                """, personId, kind, ref, governorate == null ? "unknown" : governorate, date.withDayOfMonth(1), sex,
                ageGroup, delay, timeliness(delay));
    }

    /** {@code ON_TIME}, {@code LATE} (within a year) or {@code DELAYED}. */
    static String timeliness(long delayDays) {
        return delayDays <= LEGAL_PERIOD_DAYS ? "ON_TIME" : delayDays <= 365 ? "LATE" : "DELAYED";
    }

    /** Five-year age groups {@code 0-4} … {@code 80-84}, then {@code 85+}. */
    static String ageGroup(LocalDate born, LocalDate on) {
        int age = Math.max(0, Period.between(born, on).getYears());
        if (age >= 85) {
            return "85+";
        }
        int low = age / 5 * 5;
        return low + "-" + (low + 4);
    }

    /** The place's governorate, else the registering office's ({@code BGD-KARKH-01} → {@code BGD}). */
    private static String governorate(Place place, String office) {
        if (place != null && place.governorate() != null) {
            return place.governorate();
        }
        return office == null || office.length() < 3 ? null : office.substring(0, 3);
    }
}
