-- Read models built by tracking event processors (org.sijil.query.view). Every table here can be
-- truncated and rebuilt from the event store by a replay; nothing here is the record.

-- Trigram indexes for name search (the extension ships with PostgreSQL's contrib, and with the
-- embedded PostgreSQL binaries).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Person view: one JSON document per person (PersonRecord), without children, and the sequence
-- number of the last event of the person's stream applied to it (a redelivered event is a no-op).
CREATE TABLE view_person (
    person_id       UUID     PRIMARY KEY,
    last_sequence   BIGINT   NOT NULL,
    national_number CHAR(12) NOT NULL,
    document        JSONB    NOT NULL
);

CREATE INDEX view_person_by_national_number ON view_person (national_number);

-- Normalised lineage names (ArabicNormalizer), one row per script ('ar', 'ckb', 'latin'), stored
-- as ' given father grandfather family ' so whole words match as '% word %'.
CREATE TABLE view_person_name (
    person_id UUID NOT NULL,
    script    TEXT NOT NULL,
    lineage   TEXT NOT NULL,
    PRIMARY KEY (person_id, script)
);

CREATE INDEX view_person_name_lineage_trgm ON view_person_name USING gin (lineage gin_trgm_ops);

-- Parent-child links from each child's birth.
CREATE TABLE view_person_child (
    parent_id     UUID        NOT NULL,
    child_id      UUID        NOT NULL,
    parent_role   TEXT        NOT NULL,
    sex           TEXT        NOT NULL,
    date_of_birth DATE,
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (parent_id, child_id)
);

CREATE INDEX view_person_child_by_child ON view_person_child (child_id);

-- Persons erased (PersonErasedEvent): nothing of theirs may be written to a view again.
CREATE TABLE view_person_erased (
    person_id UUID PRIMARY KEY
);

-- Health view: one row per registered birth and per registered death; the ministry reads counts.
CREATE TABLE view_health_birth (
    person_id     UUID   PRIMARY KEY,
    last_sequence BIGINT NOT NULL,
    date_of_birth DATE   NOT NULL,
    governorate   TEXT   NOT NULL,
    district      TEXT,
    sex           TEXT   NOT NULL
);

CREATE INDEX view_health_birth_by_date ON view_health_birth (date_of_birth, governorate);

CREATE TABLE view_health_death (
    person_id      UUID   PRIMARY KEY,
    last_sequence  BIGINT NOT NULL,
    date_of_death  DATE   NOT NULL,
    governorate    TEXT,
    district       TEXT,
    sex            TEXT   NOT NULL,
    cause_of_death TEXT
);

CREATE INDEX view_health_death_by_date ON view_health_death (date_of_death, governorate);

-- Planning view: sex and date of birth per person (for age groups), and one fact per vital event
-- per person (ref is the marriage id for marriages and divorces, '' otherwise).
CREATE TABLE view_planning_person (
    person_id     UUID PRIMARY KEY,
    sex           TEXT NOT NULL,
    date_of_birth DATE NOT NULL
);

CREATE TABLE view_planning_fact (
    person_id   UUID    NOT NULL,
    kind        TEXT    NOT NULL,
    ref         TEXT    NOT NULL,
    governorate TEXT    NOT NULL,
    month       DATE    NOT NULL,
    sex         TEXT    NOT NULL,
    age_group   TEXT    NOT NULL,
    delay_days  INTEGER NOT NULL,
    timeliness  TEXT    NOT NULL,
    PRIMARY KEY (person_id, kind, ref)
);

CREATE INDEX view_planning_fact_by_month ON view_planning_fact (month, governorate);
