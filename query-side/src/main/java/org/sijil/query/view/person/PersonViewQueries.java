package org.sijil.query.view.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sijil.core.api.Sex;
import org.sijil.query.text.ArabicNormalizer;
import org.sijil.query.view.person.PersonRecord.Child;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads of the person view: by id, by national number, and name search ranked in PostgreSQL. */
public class PersonViewQueries {

    /** At most this many words of a name query are used; a lineage name has at most six. */
    public static final int MAX_QUERY_WORDS = 6;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public PersonViewQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** How a search hit matched, best first. */
    public enum Match {
        /** The query is the lineage name from the given name on: given, father, grandfather, in order. */
        FULL_LINEAGE,
        /** The query's words appear in the lineage name next to each other, in order. */
        IN_ORDER,
        /** Every word of the query appears in the lineage name, in another order. */
        ALL_WORDS,
        /** Not every word appears, but the name is close (trigram similarity). */
        SIMILAR
    }

    /** One person found by a search. */
    public record SearchHit(UUID personId, String nationalNumber, org.sijil.core.api.PersonName name, Sex sex,
                            LocalDate dateOfBirth, boolean alive, Match match, double similarity) {
    }

    /** The person's record with their children, if the view holds them. */
    public Optional<PersonRecord> find(UUID personId) {
        List<PersonRecord> found = jdbc.query("SELECT document FROM view_person WHERE person_id = ?",
                (rs, i) -> read(rs.getString(1)), personId);
        return found.stream().findFirst().map(r -> r.withChildren(children(personId)));
    }

    /** The person holding {@code nationalNumber}, exactly. */
    public Optional<PersonRecord> findByNationalNumber(String nationalNumber) {
        List<UUID> ids = jdbc.queryForList("SELECT person_id FROM view_person WHERE national_number = ?",
                UUID.class, nationalNumber);
        return ids.isEmpty() ? Optional.empty() : find(ids.get(0));
    }

    /** Parent-child links of {@code parentId}, oldest child first. */
    public List<Child> children(UUID parentId) {
        return jdbc.query("""
                SELECT child_id, sex, date_of_birth, parent_role FROM view_person_child
                WHERE parent_id = ? ORDER BY date_of_birth, child_id
                """, (rs, i) -> new Child(rs.getObject(1, UUID.class), Sex.valueOf(rs.getString(2)),
                rs.getObject(3, LocalDate.class), rs.getString(4)), parentId);
    }

    /**
     * Persons whose Arabic, Kurdish or Latin lineage name matches {@code query} after
     * {@link ArabicNormalizer normalisation}, best match first (see {@link Match}), then by trigram
     * similarity. Served by the trigram index on {@code view_person_name.lineage}.
     *
     * @return empty if the query has no letter or digit
     */
    public List<SearchHit> search(String query, int limit) {
        String normalized = ArabicNormalizer.normalize(query);
        if (normalized.isEmpty()) {
            return List.of();
        }
        List<String> words = Arrays.stream(normalized.split(" ")).limit(MAX_QUERY_WORDS).toList();
        String phrase = String.join(" ", words);
        String allWords = String.join(" AND ", words.stream().map(w -> "n.lineage LIKE ?").toList());
        String sql = """
                WITH hits AS (
                    SELECT n.person_id,
                           CASE WHEN n.lineage LIKE ? THEN 3
                                WHEN n.lineage LIKE ? THEN 2
                                WHEN %s THEN 1
                                ELSE 0 END AS tier,
                           similarity(n.lineage, ?) AS sim
                    FROM view_person_name n
                    WHERE (%s) OR n.lineage %% ?
                ), best AS (
                    SELECT person_id, max(tier) AS tier, max(sim) AS sim FROM hits GROUP BY person_id
                )
                SELECT p.person_id, p.national_number, p.document, best.tier, best.sim
                FROM best JOIN view_person p ON p.person_id = best.person_id
                ORDER BY best.tier DESC, best.sim DESC, p.person_id
                LIMIT ?
                """.formatted(allWords, allWords);
        List<Object> args = new ArrayList<>();
        args.add(" " + phrase + " %");
        args.add("% " + phrase + " %");
        words.forEach(w -> args.add("% " + w + " %"));
        args.add(phrase);
        words.forEach(w -> args.add("% " + w + " %"));
        args.add(phrase);
        args.add(limit);
        return jdbc.query(sql, (rs, i) -> {
            PersonRecord r = read(rs.getString(3));
            return new SearchHit(rs.getObject(1, UUID.class), rs.getString(2), r.name(), r.sex(), r.dateOfBirth(),
                    r.alive(), Match.values()[3 - rs.getInt(4)], rs.getDouble(5));
        }, args.toArray());
    }

    private PersonRecord read(String document) {
        try {
            return json.readValue(document, PersonRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored person record unreadable", e);
        }
    }
}
