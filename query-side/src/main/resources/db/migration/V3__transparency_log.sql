-- The transparency log (docs/transparency-log.md): every stored event is one leaf of an
-- append-only RFC 6962 Merkle tree. No foreign keys: an auditor's tamper drills delete rows here,
-- and the event store never refers to the log.

-- One row per leaf, in the order the sequencer appended them (contiguous from 0). The leaf bytes
-- are not copied: they are the signed entry rebuilt from the event's domainevententry row.
CREATE TABLE log_leaf (
    leaf_index   BIGINT       PRIMARY KEY,
    global_index BIGINT       NOT NULL UNIQUE,
    event_id     VARCHAR(255) NOT NULL UNIQUE,
    leaf_hash    BYTEA        NOT NULL
);

COMMENT ON TABLE log_leaf IS 'Leaves of the transparency log; leaf_hash = SHA-256(0x00 || signed entry bytes)';

-- The hashes of every complete subtree, in the layout of golang.org/x/mod/sumdb/tlog (each
-- written once, right after its last leaf); a proof at any size needs one read of O(log n) rows.
CREATE TABLE log_hash (
    storage_index BIGINT PRIMARY KEY,
    hash          BYTEA  NOT NULL
);

COMMENT ON TABLE log_hash IS 'Stored subtree hashes of the transparency log (sumdb/tlog layout)';

-- Every checkpoint ever issued, as the signed note that was published.
CREATE TABLE log_checkpoint (
    tree_size   BIGINT      PRIMARY KEY,
    root_hash   BYTEA       NOT NULL,
    signed_note TEXT        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL
);

COMMENT ON TABLE log_checkpoint IS 'Signed checkpoints (C2SP tlog-checkpoint in a C2SP signed note), all kept';
