package org.sijil.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.person.DeathRegisteredEvent;
import org.sijil.core.api.person.DivorceRegisteredEvent;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.person.MarriageRegisteredEvent;
import org.sijil.core.api.person.NameChangedEvent;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.core.api.Place;
import org.sijil.core.api.Sex;
import org.sijil.core.api.person.SpouseRole;
import org.sijil.query.view.person.PersonViewProjection;
import org.sijil.query.view.planning.PlanningViewProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A batch of the person and planning views leaves exactly the rows that the same events applied one
 * by one leave, whatever the batch boundaries, and a redelivered batch changes nothing. The events
 * are chosen to meet inside one batch: a child's birth and a correction of its sex and date of birth
 * (the parent links follow), a name changed and changed back, a child erased right after its birth,
 * a birth naming a mother erased before it and a father erased after it, a marriage, divorce and
 * death (the planning facts), and a birth as it replays once its person's data key is gone. Each
 * variant runs in a schema of its own on the real PostgreSQL, and the tables are compared with SQL.
 */
class ViewBatchIT extends IntegrationTest {

    static final List<String> TABLES = List.of("view_person", "view_person_name", "view_person_child",
            "view_person_erased", "view_planning_person", "view_planning_fact");

    static final Instant T = Instant.parse("2025-03-01T09:00:00Z");

    @Autowired
    DataSource dataSource;

    record Sequenced(PersonEvent event, long sequence) {
    }

    @Test
    void aBatchLeavesWhatTheSameEventsOneByOneLeaveAndARedeliveredBatchChangesNothing() throws Exception {
        List<Sequenced> events = events();

        apply("one_by_one", events, 1, false);
        apply("one_batch", events, events.size(), true);
        apply("batches_of_three", events, 3, false);

        for (String schema : List.of("one_batch", "batches_of_three")) {
            for (String t : TABLES) {
                assertThat(differing("one_by_one", schema, t))
                        .as("rows of %s.%s differing from one by one", schema, t).isZero();
            }
        }
        assertThat(count("one_by_one.view_person")).as("mother, father, C1, C3, C4").isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT parent_role || ' ' || sex || ' ' || date_of_birth FROM "
                + "one_batch.view_person_child WHERE child_id = ? ORDER BY parent_role", String.class, C1))
                .containsExactly("FATHER FEMALE 2020-02-02", "MOTHER FEMALE 2020-02-02");
        assertThat(count("one_batch.view_person_child")).as("links of C1 only").isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT person_id FROM one_batch.view_person_erased", UUID.class))
                .containsExactlyInAnyOrder(C2, ERASED_MOTHER, ERASED_FATHER);
        assertThat(jdbc.queryForList("SELECT lineage FROM one_batch.view_person_name WHERE person_id = ?",
                String.class, C1)).as("the last name, normalised (taa marbuta as haa)")
                .containsExactly(" ساره علي حسين الجبوري ");
        assertThat(jdbc.queryForList("SELECT kind || ' ' || sex || ' ' || age_group FROM one_batch.view_planning_fact"
                + " WHERE person_id = ? ORDER BY kind", String.class, MOTHER))
                .containsExactly("BIRTH FEMALE unknown", "DEATH FEMALE 55-59", "DIVORCE FEMALE 30-34",
                        "MARRIAGE FEMALE 25-29");
        assertThat(jdbc.queryForObject("SELECT age_group FROM one_batch.view_planning_fact WHERE person_id = ? "
                + "AND kind = 'BIRTH'", String.class, C1)).as("by the mother's age at the birth").isEqualTo("30-34");
        assertThat(count("one_batch.view_planning_fact WHERE person_id IN ('" + C2 + "', '" + ERASED_MOTHER
                + "', '" + ERASED_FATHER + "')")).isZero();
    }

    static final UUID MOTHER = id(1);
    static final UUID FATHER = id(2);
    static final UUID C1 = id(3);
    static final UUID C2 = id(4);
    static final UUID ERASED_MOTHER = id(5);
    static final UUID C3 = id(6);
    static final UUID ERASED_FATHER = id(7);
    static final UUID C4 = id(8);
    static final UUID REPLAYED = id(9);

    private static List<Sequenced> events() {
        UUID marriage = id(100);
        List<Sequenced> e = new ArrayList<>();
        e.add(birth(MOTHER, "مريم", Sex.FEMALE, LocalDate.of(1990, 1, 1), null, null));
        e.add(birth(FATHER, "علي", Sex.MALE, LocalDate.of(1988, 5, 5), null, null));
        e.add(new Sequenced(new MarriageRegisteredEvent(MOTHER, marriage, FATHER, SpouseRole.WIFE,
                LocalDate.of(2016, 6, 1), new Place("BGD", null, null), null, "BGD-01", T), 1));
        e.add(new Sequenced(new MarriageRegisteredEvent(FATHER, marriage, MOTHER, SpouseRole.HUSBAND,
                LocalDate.of(2016, 6, 1), new Place("BGD", null, null), null, "BGD-01", T), 1));
        e.add(birth(C1, "زينب", Sex.MALE, LocalDate.of(2020, 1, 1), MOTHER, FATHER));
        e.add(new Sequenced(new CorrectionRecordedEvent(C1, "birth", "court", "J-1", LocalDate.of(2024, 1, 1),
                null, Sex.FEMALE, LocalDate.of(2020, 2, 2), null, null, "clerical error", "BGD-01", T), 1));
        e.add(rename(C1, "سارة", 2));
        e.add(rename(C1, "هدى", 3));
        e.add(rename(C1, "سارة", 4));
        e.add(birth(C2, "نور", Sex.FEMALE, LocalDate.of(2021, 1, 1), MOTHER, FATHER));
        e.add(new Sequenced(new PersonErasedEvent(C2, "court order 7", T), 1));
        e.add(birth(ERASED_MOTHER, "سلمى", Sex.FEMALE, LocalDate.of(1991, 1, 1), null, null));
        e.add(new Sequenced(new PersonErasedEvent(ERASED_MOTHER, "court order 8", T), 1));
        e.add(birth(ERASED_FATHER, "كريم", Sex.MALE, LocalDate.of(1985, 1, 1), null, null));
        e.add(birth(C3, "عمر", Sex.MALE, LocalDate.of(2022, 1, 1), ERASED_MOTHER, null));
        e.add(birth(C4, "حسن", Sex.MALE, LocalDate.of(2022, 2, 1), null, ERASED_FATHER));
        e.add(new Sequenced(new PersonErasedEvent(ERASED_FATHER, "court order 9", T), 1));
        e.add(new Sequenced(new DivorceRegisteredEvent(MOTHER, marriage, LocalDate.of(2022, 6, 1), "D-1", "BGD-01",
                T), 2));
        e.add(new Sequenced(new DivorceRegisteredEvent(FATHER, marriage, LocalDate.of(2022, 6, 1), "D-1", "BGD-01",
                T), 2));
        e.add(new Sequenced(new DeathRegisteredEvent(MOTHER, LocalDate.of(2045, 1, 1), new Place("BSR", null, null),
                "I21.9", "BSR-01", Instant.parse("2045-01-03T09:00:00Z")), 3));
        // as an erased person's birth replays: every personal field reads as null
        e.add(new Sequenced(new BirthRegisteredEvent(REPLAYED, null, null, Sex.MALE, null, null, null, null, "BGD-01",
                T), 0));
        return e;
    }

    /**
     * Two segments meet at an erasure: one applies a child's birth (linking the mother) while the other
     * erases the mother, each in its own open transaction, in either order. Whichever commits second
     * must see the other's rows: no link to the erased mother may remain.
     */
    @Test
    void aParentsErasureAndAChildsLinkInTwoSegmentsLeaveNoLinkToTheErasedParent() throws Exception {
        for (boolean linkFirst : new boolean[] {true, false}) {
            String schema = linkFirst ? "segments_link_first" : "segments_erasure_first";
            apply(schema, List.of(birth(MOTHER, "مريم", Sex.FEMALE, LocalDate.of(1990, 1, 1), null, null)), 1, false);
            Sequenced childBirth = birth(C1, "زينب", Sex.MALE, LocalDate.of(2020, 1, 1), MOTHER, null);
            Sequenced erasure = new Sequenced(new PersonErasedEvent(MOTHER, "court 7/2025", T), 1);

            try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
                JdbcTemplate a = inSchema(first, schema);
                JdbcTemplate b = inSchema(second, schema);
                flush(a, linkFirst ? childBirth : erasure);
                // the other segment's batch: with the lock it waits until the first commits
                CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                    flush(b, linkFirst ? erasure : childBirth);
                    commit(second);
                });
                Thread.sleep(500);
                commit(first);
                other.get(30, TimeUnit.SECONDS);
            }

            assertThat(count(schema + ".view_person_child")).as("links left (%s)", schema).isZero();
            assertThat(jdbc.queryForList("SELECT person_id FROM " + schema + ".view_person", UUID.class))
                    .as(schema).containsExactly(C1);
        }
    }

    private static JdbcTemplate inSchema(Connection connection, String schema) throws SQLException {
        connection.setAutoCommit(false);
        JdbcTemplate template = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        template.execute("SET LOCAL search_path TO " + schema + ", public");
        return template;
    }

    private static void flush(JdbcTemplate into, Sequenced event) {
        PersonViewProjection.Batch batch = new PersonViewProjection.Batch(into, ProjectionCorrectnessIT.VIEW_JSON);
        batch.add(event.event(), event.sequence());
        batch.flush();
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies {@code events} in batches of {@code size} into schema {@code schema}, and again if asked. */
    private void apply(String schema, List<Sequenced> events, int size, boolean redeliver) throws Exception {
        jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + schema);
        TABLES.forEach(t -> jdbc.execute("CREATE TABLE " + schema + "." + t + " (LIKE public." + t
                + " INCLUDING ALL)"));
        try (SingleConnectionDataSource single = new SingleConnectionDataSource(dataSource.getConnection(), true)) {
            JdbcTemplate into = new JdbcTemplate(single);
            into.execute("SET search_path TO " + schema + ", public");
            Consumer<List<Sequenced>> batch = part -> {
                PersonViewProjection.Batch person = new PersonViewProjection.Batch(into,
                        ProjectionCorrectnessIT.VIEW_JSON);
                PlanningViewProjection.Batch planning = new PlanningViewProjection.Batch(into);
                part.forEach(s -> {
                    person.add(s.event(), s.sequence());
                    planning.add(s.event());
                });
                person.flush();
                planning.flush();
            };
            for (int from = 0; from < events.size(); from += size) {
                batch.accept(events.subList(from, Math.min(events.size(), from + size)));
            }
            if (redeliver) {
                batch.accept(events);
            }
            into.execute("SET search_path TO public");
        }
    }

    private long differing(String a, String b, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM ((TABLE " + a + "." + table + " EXCEPT ALL TABLE " + b + "."
                + table + ") UNION ALL (TABLE " + b + "." + table + " EXCEPT ALL TABLE " + a + "." + table + ")) d",
                Long.class);
    }

    private long count(String from) {
        return jdbc.queryForObject("SELECT count(*) FROM " + from, Long.class);
    }

    private static Sequenced birth(UUID id, String given, Sex sex, LocalDate born, UUID mother, UUID father) {
        String nationalNumber = String.format("10000000%04d", id.getLeastSignificantBits());
        return new Sequenced(new BirthRegisteredEvent(id, nationalNumber, name(given), sex, born,
                new Place("BGD", "KARKH", null), mother, father, "BGD-01", T), 0);
    }

    private static Sequenced rename(UUID id, String given, long sequence) {
        return new Sequenced(new NameChangedEvent(id, name(given), LocalDate.of(2024, 1, 1).plusMonths(sequence),
                "L-" + sequence, "BGD-01", T), sequence);
    }

    private static PersonName name(String given) {
        return new PersonName(new LineageName(given, "علي", "حسين", "الجبوري", "فاطمة", "كاظم"), null, null);
    }

    private static UUID id(int n) {
        return new UUID(0x5151L, n);
    }
}
