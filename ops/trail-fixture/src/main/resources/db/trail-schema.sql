-- The tables the verifier reads, copied from registry-core/store/src/main/resources/db/migration/V1__event_store.sql
-- (domainevententry, its append-only trigger, person_data_key) and from the transparency log's
-- V3 migration (log_leaf, log_hash, log_checkpoint). Tests build trails in them without the
-- application.

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
    signature           BYTEA        NOT NULL,
    signingkeyid        VARCHAR(64)  NOT NULL,
    UNIQUE (aggregateidentifier, sequencenumber)
);

CREATE FUNCTION sijil_reject_event_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event store is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domainevententry_append_only
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION sijil_reject_event_rewrite();

CREATE TABLE person_data_key (
    person_id     UUID PRIMARY KEY,
    wrapped_key   BYTEA,
    master_key_id VARCHAR(64) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    destroyed_at  TIMESTAMPTZ,
    CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);

CREATE TABLE log_leaf (
    leaf_index   BIGINT PRIMARY KEY,
    global_index BIGINT NOT NULL UNIQUE,
    event_id     VARCHAR(255) NOT NULL UNIQUE,
    leaf_hash    BYTEA NOT NULL
);

CREATE TABLE log_hash (
    storage_index BIGINT PRIMARY KEY,
    hash          BYTEA NOT NULL
);

CREATE TABLE log_checkpoint (
    tree_size   BIGINT PRIMARY KEY,
    root_hash   BYTEA NOT NULL,
    signed_note TEXT NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL
);
