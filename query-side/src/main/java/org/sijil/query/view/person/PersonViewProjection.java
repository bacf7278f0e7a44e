package org.sijil.query.view.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.sijil.core.api.BirthRegisteredEvent;
import org.sijil.core.api.CorrectionRecordedEvent;
import org.sijil.core.api.LineageName;
import org.sijil.core.api.PersonErasedEvent;
import org.sijil.core.api.PersonEvent;
import org.sijil.core.api.PersonName;
import org.sijil.query.text.ArabicNormalizer;
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
 */
@ProcessingGroup(PersonViewProjection.NAME)
public class PersonViewProjection {

    /** The processing group, and the name the replay endpoint takes. */
    public static final String NAME = "person-view";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PersonViewProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PersonEvent event, @SequenceNumber long sequence) {
        UUID personId = event.personId();
        if (event instanceof PersonErasedEvent) {
            erase(personId);
            return;
        }
        if (isErased(personId)) {
            return;
        }
        List<Stored> rows = jdbc.query(
                "SELECT document, last_sequence FROM view_person WHERE person_id = ? FOR UPDATE",
                (rs, i) -> new Stored(read(rs.getString(1)), rs.getLong(2)), personId);
        PersonRecord before = rows.isEmpty() ? null : rows.get(0).record();
        if (!rows.isEmpty() && sequence <= rows.get(0).lastSequence()) {
            return;
        }
        PersonRecord after = PersonFold.apply(before, event, sequence);
        if (after == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO view_person (person_id, last_sequence, national_number, document)
                VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (person_id) DO UPDATE SET last_sequence = excluded.last_sequence,
                    national_number = excluded.national_number, document = excluded.document
                WHERE view_person.last_sequence < excluded.last_sequence
                """, personId, sequence, after.nationalNumber(), write(after));
        if (before == null || !Objects.equals(before.name(), after.name())) {
            index(personId, after.name());
        }
        if (event instanceof BirthRegisteredEvent birth) {
            link(birth.motherId(), "MOTHER", after);
            link(birth.fatherId(), "FATHER", after);
        } else if (event instanceof CorrectionRecordedEvent correction
                && (correction.dateOfBirth() != null || correction.sex() != null)) {
            jdbc.update("UPDATE view_person_child SET date_of_birth = ?, sex = ? WHERE child_id = ?",
                    after.dateOfBirth(), after.sex().name(), personId);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE view_person, view_person_name, view_person_child, view_person_erased");
    }

    private boolean isErased(UUID personId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM view_person_erased WHERE person_id = ?)", Boolean.class, personId));
    }

    private void erase(UUID personId) {
        jdbc.update("INSERT INTO view_person_erased (person_id) VALUES (?) ON CONFLICT DO NOTHING", personId);
        jdbc.update("DELETE FROM view_person WHERE person_id = ?", personId);
        jdbc.update("DELETE FROM view_person_name WHERE person_id = ?", personId);
        jdbc.update("DELETE FROM view_person_child WHERE parent_id = ? OR child_id = ?", personId, personId);
    }

    private void index(UUID personId, PersonName name) {
        jdbc.update("DELETE FROM view_person_name WHERE person_id = ?", personId);
        insertName(personId, "ar", name.arabic());
        insertName(personId, "ckb", name.kurdish());
        insertName(personId, "latin", name.latin());
    }

    private void insertName(UUID personId, String script, LineageName name) {
        String lineage = lineage(name);
        if (!lineage.isBlank()) {
            jdbc.update("INSERT INTO view_person_name (person_id, script, lineage) VALUES (?, ?, ?)",
                    personId, script, lineage);
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

    private void link(UUID parentId, String role, PersonRecord child) {
        if (parentId == null) {
            return;
        }
        jdbc.update("""
                INSERT INTO view_person_child (parent_id, child_id, parent_role, sex, date_of_birth, recorded_at)
                SELECT ?, ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM view_person_erased WHERE person_id = ?)
                ON CONFLICT DO NOTHING
                """, parentId, child.personId(), role, child.sex().name(), child.dateOfBirth(),
                Timestamp.from(child.registeredAt()), parentId);
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

    private record Stored(PersonRecord record, long lastSequence) {
    }
}
