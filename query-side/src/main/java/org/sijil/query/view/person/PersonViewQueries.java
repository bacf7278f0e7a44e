package org.sijil.query.view.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        /**
         * For queries of three words or more: not every word appears, but two of them do as in the
         * query (next to each other, or one word apart), and the name is close (trigram similarity
         * at least 0.3) — a name misspelt or different in one word.
         */
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
     * similarity, then by person id.
     *
     * <p>The tiers are tried one after another, each through an index (migration V7), and the search
     * stops as soon as it holds {@code limit} persons: full lineage by a range of a b-tree; words in
     * order, all words and similar names (all words but one, for queries of three words or more) by
     * a GIN index over each name's words and word pairs. Each tier reads at most
     * {@link #rowsPerTier} names, so the work stays bounded however many persons share a common
     * name; when a tier has more matches than that, its hits are those it met first (for full
     * lineage, in lineage order), ranked by similarity among themselves. A person erased while the
     * search runs is left out.
     *
     * @return empty if the query has no letter or digit
     */
    public List<SearchHit> search(String query, int limit) {
        return hits(findCandidates(query, limit, null), limit);
    }

    /**
     * The plans ({@code EXPLAIN ANALYZE}) of the statements {@link #search} runs for {@code query}, in
     * order, each after a line naming its tier: for benchmarks and for looking into a slow search.
     */
    public List<String> explain(String query, int limit) {
        List<String> plans = new ArrayList<>();
        findCandidates(query, limit, plans);
        return plans;
    }

    /** Names a tier reads at most: enough for {@code limit} persons with three scripts each. */
    static int rowsPerTier(int limit) {
        return Math.max(3 * limit, 50);
    }

    /** The persons found, tier by tier, with how they matched; at least {@code limit} if there are as many. */
    private Map<UUID, Candidate> findCandidates(String query, int limit, List<String> plans) {
        Map<UUID, Candidate> found = new LinkedHashMap<>();
        String normalized = ArabicNormalizer.normalize(query);
        if (normalized.isEmpty() || limit < 1) {
            return found;
        }
        List<String> words = Arrays.stream(normalized.split(" ")).limit(MAX_QUERY_WORDS).toList();
        String phrase = String.join(" ", words);
        List<String> adjacent = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            adjacent.add(words.get(i) + " " + words.get(i + 1));
            if (i + 2 < words.size()) {
                pairs.add(words.get(i) + " * " + words.get(i + 2));
            }
        }
        pairs.addAll(adjacent);
        // lineage LIKE ' phrase %' as a range of the b-tree (text_pattern_ops: ~>=~ and ~<~ compare
        // bytes), so that a prepared statement's generic plan uses it too: the names that start with
        // ' phrase ' are those from ' phrase ' up to, not including, ' phrase!' ('!' follows ' ')
        tier(found, Match.FULL_LINEAGE, "n.lineage ~>=~ ? AND n.lineage ~<~ ?",
                List.of(" " + phrase + " ", " " + phrase + "!"), phrase, limit, plans);
        if (found.size() < limit && words.size() > 1) {
            // strpos, not LIKE: the words' index finds the rows, the phrase only filters them
            tier(found, Match.IN_ORDER,
                    "view_person_name_terms(n.lineage) @> ?::text[] AND strpos(n.lineage, ?) > 0",
                    List.of(textArray(adjacent), " " + phrase + " "), phrase, limit, plans);
        }
        if (found.size() < limit) {
            // a single word found further on than the given name is a phrase found in order
            tier(found, words.size() == 1 ? Match.IN_ORDER : Match.ALL_WORDS,
                    "view_person_name_terms(n.lineage) @> ?::text[]", List.of(textArray(words)), phrase, limit, plans);
        }
        if (found.size() < limit && words.size() > 2) {
            tier(found, Match.SIMILAR, "view_person_name_terms(n.lineage) && ?::text[]",
                    List.of(textArray(pairs)), phrase, limit, plans);
        }
        return found;
    }

    /**
     * Adds those matching {@code condition} not yet in {@code found}, from at most
     * {@link #rowsPerTier} names; a {@link Match#SIMILAR} hit must also be at least as similar as
     * pg_trgm's {@code %} requires.
     */
    private void tier(Map<UUID, Candidate> found, Match match, String condition, List<Object> conditionArgs,
                      String phrase, int limit, List<String> plans) {
        String sql = """
                SELECT c.person_id, max(c.similarity) FROM (
                    SELECT n.person_id, similarity(n.lineage, ?) AS similarity FROM view_person_name n
                    WHERE %s AND n.person_id <> ALL (?::uuid[])
                    LIMIT ?
                ) c WHERE c.similarity >= ? GROUP BY c.person_id
                """.formatted(condition);
        List<Object> args = new ArrayList<>();
        args.add(phrase);
        args.addAll(conditionArgs);
        args.add(textArray(found.keySet()));
        args.add(rowsPerTier(limit));
        args.add(match == Match.SIMILAR ? SIMILARITY_THRESHOLD : 0.0);
        collect(found, match, sql, args, plans);
    }

    /** The least trigram similarity of a {@link Match#SIMILAR} hit: pg_trgm's default for {@code %}. */
    static final double SIMILARITY_THRESHOLD = 0.3;

    private void collect(Map<UUID, Candidate> found, Match match, String sql, List<Object> args, List<String> plans) {
        Object[] values = args.toArray();
        if (plans != null) {
            plans.add("-- " + match);
            plans.addAll(jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, String.class, values));
        }
        jdbc.query(sql, rs -> {
            found.putIfAbsent(rs.getObject(1, UUID.class), new Candidate(match, rs.getDouble(2)));
        }, values);
    }

    /** An array literal ('{"a b","c"}') of normalised names or ids, which hold no quote or backslash. */
    private static String textArray(Collection<?> values) {
        StringBuilder out = new StringBuilder("{");
        for (Object v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(v).append('"');
        }
        return out.append('}').toString();
    }

    /** The best {@code limit} candidates, with their records; a person erased meanwhile is left out. */
    private List<SearchHit> hits(Map<UUID, Candidate> found, int limit) {
        List<Map.Entry<UUID, Candidate>> ranked = found.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<UUID, Candidate> e) -> e.getValue().match())
                        .thenComparing(e -> -e.getValue().similarity())
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<UUID, String[]> records = new HashMap<>();
        jdbc.query("SELECT person_id, national_number, document FROM view_person WHERE person_id = ANY (?::uuid[])",
                rs -> {
                records.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3)});
            }, textArray(ranked.stream().map(Map.Entry::getKey).toList()));
        List<SearchHit> hits = new ArrayList<>();
        for (Map.Entry<UUID, Candidate> e : ranked) {
            String[] stored = records.get(e.getKey());
            if (stored != null) {
                PersonRecord r = read(stored[1]);
                hits.add(new SearchHit(e.getKey(), stored[0], r.name(), r.sex(), r.dateOfBirth(), r.alive(),
                        e.getValue().match(), e.getValue().similarity()));
            }
        }
        return hits;
    }

    private record Candidate(Match match, double similarity) {
    }

    private PersonRecord read(String document) {
        try {
            return json.readValue(document, PersonRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored person record unreadable", e);
        }
    }
}
