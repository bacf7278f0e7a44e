package org.sijil.query.view.person;

import static org.sijil.query.view.Columns.column;
import static org.sijil.query.view.Columns.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.sijil.core.api.person.BirthRegisteredEvent;
import org.sijil.core.api.person.CorrectionRecordedEvent;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.person.PersonErasedEvent;
import org.sijil.core.api.person.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.query.text.ArabicNormalizer;
import org.sijil.query.view.Columns;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Maintains the person view ({@code view_person}), its search names ({@code view_person_name}) and
 * parent-child links ({@code view_person_child}).
 *
 * <p>Idempotent: a person's row remembers the sequence number of the last event applied, and an
 * event at or below it is ignored; links are keyed by (parent, child). Erasure deletes the person
 * everywhere and leaves a tombstone ({@code view_person_erased}) so a child's later-replayed birth
 * cannot relink them. On replay an erased person's events read with their personal fields
 * {@code null}, which {@link PersonFold} treats as "nothing to show".
 *
 * <p>Per processor batch, not per event: the handler only collects the batch's events; when the
 * batch's unit of work prepares to commit (with its token), a {@link Batch} reads the persons'
 * documents and tombstones in two queries, applies the events in memory in their order, and writes
 * what changed in one statement per table. Outside a unit of work (a plain fold) each event is a
 * batch of its own, so both paths run the same code.
 */
@ProcessingGroup(PersonViewProjection.NAME)
public class PersonViewProjection {

    /** The processing group, and the name the replay endpoint takes. */
    public static final String NAME = "person-view";

    private static final String BATCH = PersonViewProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PersonViewProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PersonEvent event, @SequenceNumber long sequence) {
        if (!CurrentUnitOfWork.isStarted()) {
            Batch single = new Batch(jdbc, json);
            single.add(event, sequence);
            single.flush();
            return;
        }
        // the innermost unit of work: the processor's batch, or one event alone when that event runs in
        // a unit of work of its own (a dead letter's retry, a failed batch's event-by-event rerun)
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(jdbc, json);
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        }).add(event, sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE view_person, view_person_name, view_person_child, view_person_erased");
    }

    /**
     * One batch of the person view's events, applied together by {@link #flush()} exactly as they
     * would be one by one, in the same order. Not thread-safe: one batch belongs to one processor
     * thread (or one loop).
     */
    public static final class Batch {

        private final JdbcTemplate jdbc;
        private final ObjectMapper json;
        private final List<Pending> events = new ArrayList<>();

        public Batch(JdbcTemplate jdbc, ObjectMapper json) {
            this.jdbc = jdbc;
            this.json = json;
        }

        /** Adds the event at {@code sequence} of its person's stream; nothing is written before {@link #flush()}. */
        public void add(PersonEvent event, long sequence) {
            events.add(new Pending(event, sequence));
        }

        /** Applies the events added since the last flush, in their order, in the caller's transaction. */
        public void flush() {
            if (events.isEmpty()) {
                return;
            }
            Set<UUID> ids = new TreeSet<>();
            events.forEach(p -> ids.add(p.event().personId()));
            Set<UUID> erased = new HashSet<>(jdbc.query(c -> Columns.bind(c, c.prepareStatement(
                    "SELECT person_id FROM view_person_erased WHERE person_id = ANY (?)"), column("uuid", ids)),
                    (rs, i) -> rs.getObject(1, UUID.class)));
            Map<UUID, Person> persons = new HashMap<>();
            // in person-id order, so two batches that meet lock their rows in the same order
            jdbc.query(c -> Columns.bind(c, c.prepareStatement("""
                    SELECT person_id, document, last_sequence FROM view_person WHERE person_id = ANY (?)
                    ORDER BY person_id FOR UPDATE"""), column("uuid", ids)), rs -> {
                        UUID id = rs.getObject(1, UUID.class);
                        persons.put(id, new Person(read(rs.getString(2)), rs.getLong(3)));
                    });

            Set<UUID> newlyErased = new LinkedHashSet<>();
            List<Link> links = new ArrayList<>();
            Set<UUID> childrenCorrected = new LinkedHashSet<>();
            for (Pending p : events) {
                UUID id = p.event().personId();
                if (p.event() instanceof PersonErasedEvent) {
                    erased.add(id);
                    newlyErased.add(id);
                    persons.remove(id);
                    continue;
                }
                if (erased.contains(id)) {
                    continue;
                }
                Person person = persons.computeIfAbsent(id, k -> new Person(null, Long.MIN_VALUE));
                if (person.exists() && p.sequence() <= person.lastSequence) {
                    continue;
                }
                PersonRecord after = PersonFold.apply(person.current, p.event(), p.sequence());
                if (after == null) {
                    continue;
                }
                person.current = after;
                person.lastSequence = p.sequence();
                person.changed = true;
                if (p.event() instanceof BirthRegisteredEvent birth) {
                    if (birth.motherId() != null) {
                        links.add(new Link(birth.motherId(), "MOTHER", after));
                    }
                    if (birth.fatherId() != null) {
                        links.add(new Link(birth.fatherId(), "FATHER", after));
                    }
                } else if (p.event() instanceof CorrectionRecordedEvent correction
                        && (correction.dateOfBirth() != null || correction.sex() != null)) {
                    childrenCorrected.add(id);
                }
            }
            events.clear();

            links.removeIf(link -> newlyErased.contains(link.child().personId()));
            lockParents(newlyErased, links);
            erase(newlyErased);
            Map<UUID, Person> changed = new LinkedHashMap<>();
            persons.forEach((id, person) -> {
                if (person.changed) {
                    changed.put(id, person);
                }
            });
            writeDocuments(changed);
            Map<UUID, PersonName> renamed = new LinkedHashMap<>();
            changed.forEach((id, person) -> {
                if (person.loaded == null || !Objects.equals(person.loaded.name(), person.current.name())) {
                    renamed.put(id, person.current.name());
                }
            });
            index(jdbc, renamed);
            link(links);
            childrenCorrected.removeIf(newlyErased::contains);
            correctChildren(childrenCorrected.stream().map(id -> persons.get(id).current).toList());
        }

        /**
         * Takes a transaction-scoped lock on each person this batch erases and each parent it links a
         * child to, so that with several segments (or nodes) a parent's erasure and a child's link to
         * them are applied one after the other: an erasure that comes second deletes the committed
         * link, and a link that comes second sees the committed tombstone. Without it, each could miss
         * the other's uncommitted rows and leave a link to an erased person. Keys are taken in one
         * order, so two batches cannot wait for each other.
         */
        private void lockParents(Set<UUID> erased, List<Link> links) {
            TreeSet<Long> keys = new TreeSet<>();
            erased.forEach(id -> keys.add(lockKey(id)));
            links.forEach(link -> keys.add(lockKey(link.parentId())));
            if (keys.isEmpty()) {
                return;
            }
            jdbc.query(c -> Columns.bind(c, c.prepareStatement(
                    "SELECT pg_advisory_xact_lock(k) FROM unnest(?::bigint[]) AS k"),
                    column("bigint", keys)), rs -> {
                    });
        }

        private static long lockKey(UUID personId) {
            return personId.getMostSignificantBits() ^ personId.getLeastSignificantBits();
        }

        private void erase(Set<UUID> ids) {
            if (ids.isEmpty()) {
                return;
            }
            Columns.update(jdbc, """
                    INSERT INTO view_person_erased (person_id) SELECT * FROM unnest(?::uuid[]) ON CONFLICT DO NOTHING
                    """, column("uuid", ids));
            Columns.update(jdbc, "DELETE FROM view_person WHERE person_id = ANY (?)", column("uuid", ids));
            Columns.update(jdbc, "DELETE FROM view_person_name WHERE person_id = ANY (?)", column("uuid", ids));
            Columns.update(jdbc, "DELETE FROM view_person_child WHERE parent_id = ANY (?) OR child_id = ANY (?)",
                    column("uuid", ids), column("uuid", ids));
        }

        private void writeDocuments(Map<UUID, Person> changed) {
            if (changed.isEmpty()) {
                return;
            }
            List<Long> sequences = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            List<String> documents = new ArrayList<>();
            changed.values().forEach(p -> {
                sequences.add(p.lastSequence);
                numbers.add(p.current.nationalNumber());
                documents.add(write(p.current));
            });
            Columns.update(jdbc, """
                    INSERT INTO view_person (person_id, last_sequence, national_number, document)
                    SELECT id, seq, nn, doc::jsonb FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[])
                        AS u (id, seq, nn, doc)
                    ON CONFLICT (person_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                        national_number = excluded.national_number, document = excluded.document
                    WHERE view_person.last_sequence < excluded.last_sequence
                    """, column("uuid", changed.keySet()), column("bigint", sequences), text(numbers),
                    text(documents));
        }

        private void link(List<Link> links) {
            if (links.isEmpty()) {
                return;
            }
            Columns.update(jdbc, """
                    INSERT INTO view_person_child (parent_id, child_id, parent_role, sex, date_of_birth, recorded_at)
                    SELECT parent, child, role, sex, born::date, recorded::timestamptz
                    FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                        AS l (parent, child, role, sex, born, recorded)
                    WHERE NOT EXISTS (SELECT 1 FROM view_person_erased e WHERE e.person_id = l.parent)
                    ON CONFLICT DO NOTHING
                    """, column("uuid", links.stream().map(Link::parentId).toList()),
                    column("uuid", links.stream().map(l -> l.child().personId()).toList()),
                    text(links.stream().map(Link::role).toList()),
                    text(links.stream().map(l -> l.child().sex()).toList()),
                    text(links.stream().map(l -> l.child().dateOfBirth()).toList()),
                    text(links.stream().map(l -> l.child().registeredAt()).toList()));
        }

        private void correctChildren(List<PersonRecord> children) {
            if (children.isEmpty()) {
                return;
            }
            Columns.update(jdbc, """
                    UPDATE view_person_child c SET date_of_birth = u.born::date, sex = u.sex
                    FROM unnest(?::uuid[], ?::text[], ?::text[]) AS u (child, born, sex) WHERE c.child_id = u.child
                    """, column("uuid", children.stream().map(PersonRecord::personId).toList()),
                    text(children.stream().map(PersonRecord::dateOfBirth).toList()),
                    text(children.stream().map(PersonRecord::sex).toList()));
        }

        private String write(PersonRecord record) {
            try {
                return json.writeValueAsString(record);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("person record not writable as JSON", e);
            }
        }

        private PersonRecord read(String document) {
            try {
                return json.readValue(document, PersonRecord.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored person record unreadable", e);
            }
        }
    }

    /**
     * Replaces the search names of these persons: their rows are deleted and
     * {@link #nameRows the rows of their current name} inserted, all in two statements.
     */
    static void index(JdbcTemplate jdbc, Map<UUID, PersonName> names) {
        if (names.isEmpty()) {
            return;
        }
        Columns.update(jdbc, "DELETE FROM view_person_name WHERE person_id = ANY (?)",
                column("uuid", names.keySet()));
        List<UUID> ids = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        List<String> lineages = new ArrayList<>();
        names.forEach((id, name) -> nameRows(name).forEach(row -> {
            ids.add(id);
            scripts.add(row.script());
            lineages.add(row.lineage());
        }));
        if (!ids.isEmpty()) {
            Columns.update(jdbc, """
                    INSERT INTO view_person_name (person_id, script, lineage)
                    SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[])
                    """, column("uuid", ids), text(scripts), text(lineages));
        }
    }

    /** One search-name row of a person: the script and the searchable lineage. */
    record NameRow(String script, String lineage) {
    }

    /** The search-name rows of a name: one per script that has a lineage. */
    static List<NameRow> nameRows(PersonName name) {
        List<NameRow> rows = new ArrayList<>(3);
        addNameRow(rows, "ar", name.arabic());
        addNameRow(rows, "ckb", name.kurdish());
        addNameRow(rows, "latin", name.latin());
        return rows;
    }

    private static void addNameRow(List<NameRow> rows, String script, LineageName name) {
        String lineage = lineage(name);
        if (!lineage.isBlank()) {
            rows.add(new NameRow(script, lineage));
        }
    }

    /**
     * The searchable form of a lineage name: given, father, grandfather and family name, normalised,
     * with a space before and after so whole words match as {@code '% word %'}. Public so that
     * benchmarks seed the search index with exactly the rows the projection writes.
     */
    public static String lineage(LineageName name) {
        if (name == null) {
            return "";
        }
        String joined = ArabicNormalizer.normalize(String.join(" ", nonNull(name.given()), nonNull(name.father()),
                nonNull(name.grandfather()), nonNull(name.family())));
        return joined.isEmpty() ? "" : " " + joined + " ";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private record Pending(PersonEvent event, long sequence) {
    }

    /** A person's state within a batch: as loaded, as now, and whether it must be written. */
    private static final class Person {
        final PersonRecord loaded;
        PersonRecord current;
        long lastSequence;
        boolean changed;

        Person(PersonRecord loaded, long lastSequence) {
            this.loaded = loaded;
            this.current = loaded;
            this.lastSequence = lastSequence;
        }

        boolean exists() {
            return current != null;
        }
    }

    /** A parent-child link from a child's birth, with the child as it was at birth. */
    private record Link(UUID parentId, String role, PersonRecord child) {
    }
}
