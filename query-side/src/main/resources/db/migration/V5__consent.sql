-- Read models of consents, legal bases and accesses, written by subscribing event processors in the
-- transaction that stores their events: a consent granted is usable, and one revoked stops
-- authorising, as soon as the command returns; an access is listed as soon as it is recorded.
-- Rebuilt from the event store (domainevententry) if ever lost; no column holds personal data.

CREATE TABLE consent_index (
    consent_id        UUID         PRIMARY KEY,
    person_id         UUID         NOT NULL,
    ministry          VARCHAR(64)  NOT NULL,
    purpose_code      VARCHAR(64)  NOT NULL,
    purpose_text      VARCHAR(500) NOT NULL,
    categories        TEXT[]       NOT NULL,
    valid_from        TIMESTAMPTZ  NOT NULL,
    valid_until       TIMESTAMPTZ  NOT NULL,
    one_time          BOOLEAN      NOT NULL,
    collection_method VARCHAR(64)  NOT NULL,
    receipt_id        UUID         NOT NULL,
    jurisdiction      VARCHAR(8)   NOT NULL,
    policy_reference  VARCHAR(200) NOT NULL,
    granted_at        TIMESTAMPTZ  NOT NULL,
    -- the event that granted it, for the log's inclusion proof
    event_id          VARCHAR(255) NOT NULL,
    used_at           TIMESTAMPTZ,
    revoked_at        TIMESTAMPTZ
);

CREATE INDEX consent_index_person ON consent_index (person_id, granted_at DESC);

CREATE TABLE legal_basis_index (
    legal_basis_id UUID         PRIMARY KEY,
    law            VARCHAR(200) NOT NULL,
    article        VARCHAR(64)  NOT NULL,
    ministry       VARCHAR(64)  NOT NULL,
    purposes       TEXT[]       NOT NULL,
    categories     TEXT[]       NOT NULL,
    valid_from     DATE         NOT NULL,
    valid_until    DATE,
    recorded_at    TIMESTAMPTZ  NOT NULL,
    event_id       VARCHAR(255) NOT NULL,
    repealed_by    VARCHAR(200),
    repealed_at    TIMESTAMPTZ
);

CREATE INDEX legal_basis_index_ministry ON legal_basis_index (ministry);

-- Every read of a person's data, granted or denied: the citizen's access history.
CREATE TABLE access_history (
    access_id    UUID         PRIMARY KEY,
    person_id    UUID         NOT NULL,
    event_id     VARCHAR(255) NOT NULL UNIQUE,
    subject      VARCHAR(255) NOT NULL,
    organisation VARCHAR(64)  NOT NULL,
    role         VARCHAR(32)  NOT NULL,
    purpose      VARCHAR(64),
    basis_kind   VARCHAR(32),
    basis_id     VARCHAR(64),
    categories   TEXT[]       NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    reason       VARCHAR(64),
    recorded_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX access_history_person ON access_history (person_id, recorded_at DESC);
