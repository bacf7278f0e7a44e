-- Name search that stays fast at register scale (org.sijil.query.view.person.PersonViewQueries).
-- The search tries its tiers one after another, each through an index, and stops once it holds
-- enough persons; no tier computes anything for every name that shares a common word:
--   1. full lineage (the query is the name from the given name on): a range of a b-tree;
--   2. the query's words next to each other, in order; 3. all of its words, in any order; 4. names
--      that share all but one of the query's words (a misspelt or different name): a GIN index over
--      each name's words and word pairs.
-- V4's GIN trigram index made every query read the posting lists of all its trigrams, which for
-- common names (محمد علي حسين) is a large share of the register; nothing uses it any more.
-- (A GiST trigram index walked nearest first was measured too: at 10^6 persons it reads most of
-- the index for a common name, seconds per query.)

-- Tier 1: ' given father grandfather family ' between ' query ' and ' query!' (text_pattern_ops
-- compares bytes, whatever the collation); person_id included so the scan never reads the table.
CREATE INDEX view_person_name_lineage_prefix ON view_person_name (lineage text_pattern_ops) INCLUDE (person_id);

-- The terms a lineage ' a b c d ' is found by: its words a, b, c, d; its adjacent pairs 'a b',
-- 'b c', 'c d'; and its pairs one word apart 'a * c', 'b * d' ('*' never occurs in a normalised
-- name). Tier 2 asks for all the query's adjacent pairs, tier 3 for all its words, tier 4 for any
-- of its pairs, adjacent or one apart: of a query of three words with one misspelt, one is intact.
CREATE FUNCTION view_person_name_terms(lineage TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT ARRAY(
        SELECT w[i] FROM generate_subscripts(w, 1) AS i
        UNION ALL
        SELECT w[i] || ' ' || w[i + 1] FROM generate_subscripts(w, 1) AS i WHERE i < cardinality(w)
        UNION ALL
        SELECT w[i] || ' * ' || w[i + 2] FROM generate_subscripts(w, 1) AS i WHERE i + 1 < cardinality(w))
    FROM (SELECT string_to_array(btrim(lineage), ' ') AS w) AS words
$$;

CREATE INDEX view_person_name_terms ON view_person_name USING gin (view_person_name_terms(lineage));

DROP INDEX view_person_name_lineage_trgm;
