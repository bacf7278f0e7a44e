-- Each (person, ministry)'s feed key, wrapped by the master key with
-- 'sijil-feed-key/<ministry>/<personId>' as context. The personal part of every message of that
-- person on that ministry's topic is sealed under it. Erasure destroys the wrapped key (sets it to
-- NULL) and keeps the row, so no key is ever made again for that person and ministry.
CREATE TABLE feed_key (
    key_id        UUID        PRIMARY KEY,
    person_id     UUID        NOT NULL,
    ministry      VARCHAR(64) NOT NULL,
    wrapped_key   BYTEA,
    master_key_id VARCHAR(64) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    destroyed_at  TIMESTAMPTZ,
    UNIQUE (person_id, ministry)
);

-- The national-number index holds the HMAC-SHA-256 of each number under index key
-- 'national-number' (index_key), never the number; an erased person's row keeps the claim (so the
-- number is never issued again) and loses the person id. Rows of numbers stored in clear are
-- converted once at start-up (NationalNumberKeys), before the application serves requests.
ALTER TABLE national_number DROP CONSTRAINT national_number_pkey;
ALTER TABLE national_number ALTER COLUMN national_number DROP NOT NULL;
ALTER TABLE national_number ALTER COLUMN person_id DROP NOT NULL;
ALTER TABLE national_number ADD CONSTRAINT national_number_clear_unique UNIQUE (national_number);
ALTER TABLE national_number ADD COLUMN number_key BYTEA UNIQUE CHECK (length(number_key) = 32);
ALTER TABLE national_number ADD CONSTRAINT national_number_claimed
    CHECK (national_number IS NOT NULL OR number_key IS NOT NULL);
