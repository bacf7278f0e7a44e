-- Axon's JDBC event storage engine creates no tables; these follow its default EventSchema and
-- TokenSchema (unquoted names, lower-cased by PostgreSQL), plus the signature of each event.

CREATE TABLE domainevententry (
    globalindex         BIGSERIAL    NOT NULL PRIMARY KEY,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    -- Ed25519 signature over the canonical signed entry (docs/signed-entry-format.md) of this
    -- row; the key id is also inside the signed metadata.
    signature           BYTEA        NOT NULL,
    signingkeyid        VARCHAR(64)  NOT NULL,
    UNIQUE (aggregateidentifier, sequencenumber)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL UNIQUE,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber)
);

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

-- The event store is append-only: history is fixed by new events, never by rewriting rows.
CREATE FUNCTION sijil_reject_event_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event store is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domainevententry_append_only
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION sijil_reject_event_rewrite();

CREATE TRIGGER domainevententry_no_truncate
    BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION sijil_reject_event_rewrite();

-- Set-based rules, written in the same transaction as the events that need them.
CREATE TABLE national_number (
    national_number CHAR(12) PRIMARY KEY,
    person_id       UUID     NOT NULL UNIQUE
);

CREATE TABLE marriage_index (
    marriage_id UUID PRIMARY KEY,
    husband_id  UUID NOT NULL,
    wife_id     UUID NOT NULL
);

-- Each person's data key, wrapped by the master key. Erasure destroys the wrapped key (sets it
-- to NULL) and keeps the row, so the key can never be recreated for that person.
CREATE TABLE person_data_key (
    person_id     UUID PRIMARY KEY,
    wrapped_key   BYTEA,
    master_key_id VARCHAR(64) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    destroyed_at  TIMESTAMPTZ,
    CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);
