package org.sijil.query.view.planning;

import static org.sijil.query.view.Columns.column;
import static org.sijil.query.view.Columns.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.Place;
import org.sijil.query.view.Columns;
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
 *
 * <p>Per processor batch, not per event: the handlers only collect the batch's events, and a
 * {@link Batch} applies them when the batch's unit of work prepares to commit. Outside a unit of
 * work (a plain fold) each event is a batch of its own. The rows stay facts, one per event and
 * person, rather than counters: a fact's key makes a redelivered event a no-op and lets erasure
 * remove exactly that person's contribution; the counts are a {@code GROUP BY} over them.
 */
@ProcessingGroup(PlanningViewProjection.NAME)
public class PlanningViewProjection {

    public static final String NAME = "planning-view";

    /** Days after the event within which a registration counts as on time. */
    public static final int LEGAL_PERIOD_DAYS = 30;

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    private static final String BATCH = PlanningViewProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    public PlanningViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BirthRegisteredEvent birth) {
        collect(birth);
    }

    @EventHandler
    void on(DeathRegisteredEvent death) {
        collect(death);
    }

    @EventHandler
    void on(MarriageRegisteredEvent marriage) {
        collect(marriage);
    }

    @EventHandler
    void on(DivorceRegisteredEvent divorce) {
        collect(divorce);
    }

    @EventHandler
    void on(PersonErasedEvent erased) {
        collect(erased);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE view_planning_person, view_planning_fact");
    }

    /** Adds the event to the unit of work's batch, or applies it alone outside a unit of work. */
    private void collect(PersonEvent event) {
        if (!CurrentUnitOfWork.isStarted()) {
            Batch single = new Batch(jdbc);
            single.add(event);
            single.flush();
            return;
        }
        // the innermost unit of work: the processor's batch, or one event alone when that event runs in
        // a unit of work of its own (a dead letter's retry, a failed batch's event-by-event rerun)
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(jdbc);
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        }).add(event);
    }

    /**
     * One batch of the planning view's events, applied together by {@link #flush()} as they would be
     * one by one in the same order: the persons' rows (and the mothers' of the batch's births) are
     * read in one query, the facts worked out in memory, and the new rows written in one statement
     * per table. Both tables keep their first row per key ({@code ON CONFLICT DO NOTHING}), so a
     * redelivered batch changes nothing. Not thread-safe: one batch belongs to one processor thread.
     */
    public static final class Batch {

        private final JdbcTemplate jdbc;
        private final List<PersonEvent> events = new ArrayList<>();

        public Batch(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /** Adds a birth, death, marriage, divorce or erasure; others are ignored at {@link #flush()}. */
        public void add(PersonEvent event) {
            events.add(event);
        }

        /** Applies the events added since the last flush, in their order, in the caller's transaction. */
        public void flush() {
            if (events.isEmpty()) {
                return;
            }
            Set<UUID> ids = new HashSet<>();
            for (PersonEvent event : events) {
                ids.add(event.personId());
                if (event instanceof BirthRegisteredEvent birth && birth.motherId() != null) {
                    ids.add(birth.motherId());
                }
            }
            Map<UUID, Born> persons = new HashMap<>();
            jdbc.query(c -> Columns.bind(c, c.prepareStatement(
                    "SELECT person_id, sex, date_of_birth FROM view_planning_person WHERE person_id = ANY (?)"),
                    column("uuid", ids)), rs -> {
                        persons.put(rs.getObject(1, UUID.class),
                                new Born(rs.getString(2), rs.getObject(3, LocalDate.class)));
                    });
            Map<UUID, Born> newPersons = new LinkedHashMap<>();
            Map<FactKey, Fact> facts = new LinkedHashMap<>();
            Set<UUID> erased = new LinkedHashSet<>();
            for (PersonEvent event : events) {
                if (event instanceof BirthRegisteredEvent birth) {
                    if (birth.dateOfBirth() == null || birth.placeOfBirth() == null) {
                        continue; // an erased person: nothing to count
                    }
                    if (!persons.containsKey(birth.personId())) {
                        Born born = new Born(birth.sex().name(), birth.dateOfBirth());
                        persons.put(birth.personId(), born);
                        newPersons.put(birth.personId(), born);
                    }
                    Born mother = birth.motherId() == null ? null : persons.get(birth.motherId());
                    String ageGroup = mother == null ? "unknown" : ageGroup(mother.dateOfBirth(), birth.dateOfBirth());
                    fact(facts, birth.personId(), "BIRTH", "", birth.placeOfBirth().governorate(),
                            birth.dateOfBirth(), birth.sex().name(), ageGroup, birth.recordedAt());
                } else if (event instanceof DeathRegisteredEvent death) {
                    personFact(facts, persons, death.personId(), "DEATH", "",
                            governorate(death.placeOfDeath(), death.registrationOffice()), death.dateOfDeath(),
                            death.recordedAt());
                } else if (event instanceof MarriageRegisteredEvent marriage) {
                    personFact(facts, persons, marriage.personId(), "MARRIAGE", marriage.marriageId().toString(),
                            governorate(marriage.place(), marriage.registrationOffice()), marriage.marriageDate(),
                            marriage.recordedAt());
                } else if (event instanceof DivorceRegisteredEvent divorce) {
                    personFact(facts, persons, divorce.personId(), "DIVORCE", divorce.marriageId().toString(),
                            governorate(null, divorce.registrationOffice()), divorce.divorceDate(),
                            divorce.recordedAt());
                } else if (event instanceof PersonErasedEvent) {
                    UUID id = event.personId();
                    erased.add(id);
                    persons.remove(id);
                    newPersons.remove(id);
                    facts.keySet().removeIf(k -> k.personId().equals(id));
                }
            }
            events.clear();
            if (!erased.isEmpty()) {
                Columns.update(jdbc, "DELETE FROM view_planning_fact WHERE person_id = ANY (?)",
                        column("uuid", erased));
                Columns.update(jdbc, "DELETE FROM view_planning_person WHERE person_id = ANY (?)",
                        column("uuid", erased));
            }
            if (!newPersons.isEmpty()) {
                Columns.update(jdbc, """
                        INSERT INTO view_planning_person (person_id, sex, date_of_birth)
                        SELECT id, sex, born::date FROM unnest(?::uuid[], ?::text[], ?::text[]) AS p (id, sex, born)
                        ON CONFLICT (person_id) DO NOTHING
                        """, column("uuid", newPersons.keySet()),
                        text(newPersons.values().stream().map(Born::sex).toList()),
                        text(newPersons.values().stream().map(Born::dateOfBirth).toList()));
            }
            if (!facts.isEmpty()) {
                List<Fact> rows = List.copyOf(facts.values());
                Columns.update(jdbc, """
                        INSERT INTO view_planning_fact (person_id, kind, ref, governorate, month, sex, age_group,
                                                        delay_days, timeliness)
                        SELECT id, kind, ref, governorate, month::date, sex, age_group, delay_days, timeliness
                        FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::int[], ?::text[])
                            AS f (id, kind, ref, governorate, month, sex, age_group, delay_days, timeliness)
                        ON CONFLICT (person_id, kind, ref) DO NOTHING
                        """, column("uuid", rows.stream().map(f -> f.key().personId()).toList()),
                        text(rows.stream().map(f -> f.key().kind()).toList()),
                        text(rows.stream().map(f -> f.key().ref()).toList()),
                        text(rows.stream().map(Fact::governorate).toList()),
                        text(rows.stream().map(Fact::month).toList()),
                        text(rows.stream().map(Fact::sex).toList()),
                        text(rows.stream().map(Fact::ageGroup).toList()),
                        column("int", rows.stream().map(Fact::delayDays).toList()),
                        text(rows.stream().map(f -> timeliness(f.delayDays())).toList()));
            }
        }

        /** A fact about a registered person, whose sex and age come from the person table. */
        private static void personFact(Map<FactKey, Fact> facts, Map<UUID, Born> persons, UUID personId, String kind,
                                       String ref, String governorate, LocalDate date, Instant recordedAt) {
            Born person = persons.get(personId);
            if (person == null || date == null) {
                return; // erased, or born before the register: not countable by sex and age
            }
            fact(facts, personId, kind, ref, governorate, date, person.sex(), ageGroup(person.dateOfBirth(), date),
                    recordedAt);
        }

        private static void fact(Map<FactKey, Fact> facts, UUID personId, String kind, String ref,
                                 String governorate, LocalDate date, String sex, String ageGroup, Instant recordedAt) {
            long delay = ChronoUnit.DAYS.between(date, recordedAt.atZone(BAGHDAD).toLocalDate());
            facts.putIfAbsent(new FactKey(personId, kind, ref), new Fact(new FactKey(personId, kind, ref),
                    governorate == null ? "unknown" : governorate, date.withDayOfMonth(1), sex, ageGroup,
                    Math.toIntExact(delay)));
        }
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

    /** A person's sex and date of birth, as the person table holds them. */
    private record Born(String sex, LocalDate dateOfBirth) {
    }

    private record FactKey(UUID personId, String kind, String ref) {
    }

    private record Fact(FactKey key, String governorate, LocalDate month, String sex, String ageGroup,
                        int delayDays) {
    }
}
