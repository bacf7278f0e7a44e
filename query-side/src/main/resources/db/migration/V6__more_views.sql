-- The Interior's and Education's views (org.sijil.query.view.interior, .education). Like V4's,
-- every table here can be truncated and rebuilt from the event store by a replay.

-- Interior: one row per registered person with their residence (null until a residence change is
-- registered) and whether they are alive; last_sequence makes a redelivered event a no-op.
CREATE TABLE view_interior_person (
    person_id       UUID     PRIMARY KEY,
    last_sequence   BIGINT   NOT NULL,
    national_number CHAR(12) NOT NULL,
    governorate     TEXT,
    district        TEXT,
    locality        TEXT,
    residence_since DATE,
    alive           BOOLEAN  NOT NULL,
    date_of_death   DATE
);

CREATE INDEX view_interior_person_by_national_number ON view_interior_person (national_number);
CREATE INDEX view_interior_person_by_residence ON view_interior_person (governorate, district);

-- Interior: every national ID card issued to a person, with its revocation if any.
CREATE TABLE view_interior_card (
    person_id         UUID NOT NULL REFERENCES view_interior_person (person_id) ON DELETE CASCADE,
    card_number       TEXT NOT NULL,
    issued_on         DATE NOT NULL,
    expires_on        DATE,
    revoked_on        DATE,
    revocation_reason TEXT,
    PRIMARY KEY (person_id, card_number)
);

-- Education: one row per registered person with what school planning needs — date of birth and
-- sex (as corrected), place of birth, residence if registered, date of death — and the calendar
-- year of their sixth birthday, when they reach school age.
CREATE TABLE view_education_child (
    person_id             UUID    PRIMARY KEY,
    last_sequence         BIGINT  NOT NULL,
    date_of_birth         DATE    NOT NULL,
    school_year           INTEGER NOT NULL,
    sex                   TEXT    NOT NULL,
    birth_governorate     TEXT    NOT NULL,
    birth_district        TEXT,
    residence_governorate TEXT,
    residence_district    TEXT,
    date_of_death         DATE
);

CREATE INDEX view_education_child_by_school_year ON view_education_child (school_year);
