-- An ID card number belongs to one person, for good. Card numbers are sealed personal data, so the
-- index holds the HMAC-SHA-256 of each number under a key of its own (index_key), never the number.
CREATE TABLE id_card_number (
    card_key  BYTEA PRIMARY KEY CHECK (length(card_key) = 32),
    person_id UUID  NOT NULL
);

-- Keys of the keyed hashes that index personal values, each wrapped by the master key with
-- 'sijil-index-key/<name>' as context. Made once, by the first node to start.
CREATE TABLE index_key (
    name          VARCHAR(64) PRIMARY KEY,
    wrapped_key   BYTEA       NOT NULL,
    master_key_id VARCHAR(64) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

-- Cards issued before this index existed: the events up to this global index are read once, at
-- start-up, and their numbers claimed (IdCardNumberBackfill); every later card claims its own.
CREATE TABLE id_card_number_backfill (
    through_global_index BIGINT  NOT NULL,
    done                 BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO id_card_number_backfill (through_global_index)
SELECT coalesce(max(globalindex), 0) FROM domainevententry;
