-- minspect schema, version 2: the complete current schema.
-- A new database gets this file whole (PRAGMA user_version 0 -> 2). A database of an
-- older version is brought forward by the steps in src/store/migrations/ instead (v1 -> v2:
-- 002_delivery_marks.sql); tests/migrations.rs checks that both paths give the same schema.
-- Conventions: ids are UUIDv7 text; times are UTC RFC 3339 text; dates are YYYY-MM-DD;
-- money is integer minor units + ISO 4217 code; weights are integer grams; decimal
-- quantities are text. Every table is STRICT.

-- Key/value settings of this database: kind (field | hq | training), device_id,
-- officer_id, created_at, last_export_at, last_receipt_at ...
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE officers (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    badge      TEXT NOT NULL UNIQUE CHECK (length(trim(badge)) > 0),
    role       TEXT NOT NULL DEFAULT 'officer' CHECK (role IN ('officer', 'supervisor', 'trainer')),
    login      TEXT UNIQUE,               -- OS / SSH login name mapped to this officer (HQ)
    created_at TEXT NOT NULL,
    lang       TEXT CHECK (lang IN ('en', 'zh'))  -- interface language chosen; NULL: the locale's
) STRICT;

-- Devices: this database's own device (is_local = 1, holds the private key) and, at
-- headquarters, the field devices whose bundles it accepts (trusted public keys). The
-- local row's world is this database's world; live and training never trust each other.
CREATE TABLE devices (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    public_key  BLOB NOT NULL CHECK (length(public_key) = 32),
    private_key BLOB CHECK (private_key IS NULL OR length(private_key) = 32),
    is_local    INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
    trusted_at  TEXT,
    created_at  TEXT NOT NULL,
    world TEXT NOT NULL DEFAULT 'live' CHECK (world IN ('live', 'training')),  -- live | training (v5)
    seal_key BLOB CHECK (seal_key IS NULL OR length(seal_key) = 32),  -- a trusted device's X25519 public key (v14)
    seal_secret BLOB CHECK (seal_secret IS NULL OR length(seal_secret) = 32)  -- headquarters' own X25519 secret (v14)
) STRICT;
CREATE UNIQUE INDEX devices_one_local ON devices (is_local) WHERE is_local = 1;

-- ---------------------------------------------------------------- rule packs
-- Every imported pack is kept (raw TOML) for audit; the rule_* tables below hold the
-- active pack only and are rebuilt in one transaction on import.
CREATE TABLE rule_packs (
    version     TEXT PRIMARY KEY,
    published   TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    source      TEXT NOT NULL,            -- 'embedded' or the imported file name
    raw_toml    TEXT NOT NULL,
    is_active   INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1)),
    trust TEXT NOT NULL DEFAULT 'local' CHECK (trust IN ('local', 'signed', 'unsigned')),  -- how it came (v9)
    signed_by TEXT                            -- the headquarters device whose signature was verified (v9)
) STRICT;
CREATE UNIQUE INDEX rule_packs_one_active ON rule_packs (is_active) WHERE is_active = 1;
-- A stored pack is never updated in place: a new version is imported instead.
CREATE TRIGGER rule_packs_immutable BEFORE UPDATE OF version, published, imported_at, sha256, source, raw_toml ON rule_packs BEGIN
    SELECT RAISE(ABORT, 'a stored rule pack is immutable; import a new version instead');
END;

-- Headquarters: every rule pack it published, the pack file's exact bytes (v9).
CREATE TABLE published_packs (
    version      TEXT PRIMARY KEY,
    published    TEXT NOT NULL,
    published_at TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    file         BLOB NOT NULL
) STRICT;

CREATE TABLE rule_announcements (
    id          TEXT PRIMARY KEY,         -- e.g. '2023-23'
    number      TEXT NOT NULL,            -- e.g. '2023 No. 23'
    title       TEXT NOT NULL,
    issuers     TEXT NOT NULL,
    published   TEXT NOT NULL,
    effective   TEXT,
    status      TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    sources     TEXT NOT NULL DEFAULT '[]' -- JSON array of URLs
) STRICT;

CREATE TABLE rule_suspensions (
    announcement_id TEXT NOT NULL REFERENCES rule_announcements (id),
    clause          TEXT,                 -- NULL = the whole announcement
    by_announcement TEXT NOT NULL REFERENCES rule_announcements (id),
    start           TEXT NOT NULL,
    end             TEXT NOT NULL,
    PRIMARY KEY (announcement_id, by_announcement, start)
) STRICT;

CREATE TABLE rule_items (
    id               TEXT PRIMARY KEY,    -- e.g. 'ga-metal'
    family           TEXT NOT NULL,       -- gallium, germanium, antimony, ...
    announcement_id  TEXT NOT NULL REFERENCES rule_announcements (id),
    name_en          TEXT NOT NULL,
    name_zh          TEXT NOT NULL DEFAULT '',
    formulae         TEXT NOT NULL DEFAULT '', -- space separated: 'Ga GaAs'
    keywords         TEXT NOT NULL DEFAULT '',
    control_code     TEXT,
    licence_required INTEGER NOT NULL DEFAULT 1 CHECK (licence_required IN (0, 1)),
    criteria         TEXT NOT NULL DEFAULT '[]', -- JSON, structured thresholds
    unconfirmed      TEXT NOT NULL DEFAULT '',   -- what is UNCONFIRMED about this item
    notes            TEXT NOT NULL DEFAULT '',
    sources          TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX rule_items_family ON rule_items (family);
CREATE TRIGGER rule_items_immutable BEFORE UPDATE ON rule_items BEGIN
    SELECT RAISE(ABORT, 'the active rule pack''s items are immutable; import a new version instead');
END;

CREATE TABLE rule_item_hs (
    item_id TEXT NOT NULL REFERENCES rule_items (id) ON DELETE CASCADE,
    hs_code TEXT NOT NULL CHECK (hs_code GLOB '[0-9]*' AND length(hs_code) BETWEEN 4 AND 10),
    note    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (item_id, hs_code)
) STRICT;
CREATE INDEX rule_item_hs_code ON rule_item_hs (hs_code);

-- Destination and end-use clauses (2024 No. 46 cl. 1/2, 2026 No. 1 ...).
CREATE TABLE rule_clauses (
    id              TEXT PRIMARY KEY,     -- e.g. 'D-US-2'
    announcement_id TEXT NOT NULL REFERENCES rule_announcements (id),
    kind            TEXT NOT NULL CHECK (kind IN ('destination', 'end_use')),
    country         TEXT,                 -- ISO 3166 alpha-2, NULL = any
    end_use         TEXT CHECK (end_use IS NULL OR end_use IN ('civil', 'military', 'unknown')),
    families        TEXT NOT NULL DEFAULT '[]', -- JSON; empty = every dual-use item
    effect          TEXT NOT NULL CHECK (effect IN ('prohibited', 'licence_required', 'needs_review')),
    valid_from      TEXT NOT NULL,
    valid_to        TEXT,
    text            TEXT NOT NULL
) STRICT;
CREATE TRIGGER rule_clauses_immutable BEFORE UPDATE ON rule_clauses BEGIN
    SELECT RAISE(ABORT, 'the active rule pack''s clauses are immutable; import a new version instead');
END;

CREATE TABLE rule_red_flags (
    id       TEXT PRIMARY KEY,            -- 'M1' .. 'M10'
    title    TEXT NOT NULL,
    title_zh TEXT NOT NULL DEFAULT '',
    guidance TEXT NOT NULL,
    sources  TEXT NOT NULL DEFAULT '[]'
) STRICT;

-- Free-text search over the active pack; trigram so that Chinese substrings and
-- formula fragments match. Rebuilt with the rule tables.
CREATE VIRTUAL TABLE rules_fts USING fts5 (
    item_id UNINDEXED, body, tokenize = 'trigram'
);

-- ---------------------------------------------------------------- field records
CREATE TABLE shipments (
    id                   TEXT PRIMARY KEY,
    state                TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'finalized')),
    declaration_no       TEXT NOT NULL DEFAULT '',
    declared_on          TEXT NOT NULL,   -- YYYY-MM-DD, the shipment date screened against
    exporter_name        TEXT NOT NULL DEFAULT '',
    exporter_credit_code TEXT NOT NULL DEFAULT '',
    consignee            TEXT NOT NULL DEFAULT '',
    end_user             TEXT NOT NULL DEFAULT '',
    end_use              TEXT NOT NULL DEFAULT 'unknown' CHECK (end_use IN ('civil', 'military', 'unknown')),
    destination          TEXT NOT NULL DEFAULT '', -- ISO 3166 alpha-2
    transshipment        TEXT NOT NULL DEFAULT '', -- space separated alpha-2 / UN/LOCODEs
    transport_mode       TEXT NOT NULL DEFAULT 'sea' CHECK (transport_mode IN ('sea', 'air', 'road', 'rail', 'post', 'passenger')),
    container_nos        TEXT NOT NULL DEFAULT '',
    seal_nos             TEXT NOT NULL DEFAULT '',
    hs_code              TEXT NOT NULL DEFAULT '',
    description          TEXT NOT NULL DEFAULT '',
    composition          TEXT NOT NULL DEFAULT '', -- declared declaration-elements string
    quantity             TEXT NOT NULL DEFAULT '', -- decimal text
    quantity_unit        TEXT NOT NULL DEFAULT 'kg',
    net_weight_g         INTEGER CHECK (net_weight_g IS NULL OR net_weight_g >= 0),
    value_minor          INTEGER CHECK (value_minor IS NULL OR value_minor >= 0),
    currency             TEXT NOT NULL DEFAULT 'USD',
    licence_no           TEXT NOT NULL DEFAULT '',
    -- derived, refreshed from screening / the latest inspection (mutable, indexed for filters)
    family               TEXT NOT NULL DEFAULT '',
    verdict              TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL DEFAULT 'declared' CHECK (status IN ('declared', 'inspecting', 'released', 'held', 'query_issued', 'seized', 'referred')),
    amends               TEXT REFERENCES shipments (id),
    device_id            TEXT NOT NULL,
    created_by           TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    finalized_at         TEXT,
    record_hash          TEXT,
    -- names separated by ';' (migration 8; last, where ALTER TABLE ADD COLUMN puts it)
    intermediaries       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX shipments_declared ON shipments (declared_on, id);
-- Filter indexes end in the log's order (declared_on, id) so that a filtered page is a
-- keyset range scan, not a sort.
CREATE INDEX shipments_destination ON shipments (destination, declared_on, id);
CREATE INDEX shipments_family ON shipments (family, declared_on, id);
CREATE INDEX shipments_status ON shipments (status, declared_on, id);
CREATE INDEX shipments_declaration ON shipments (declaration_no);

-- prefix indexes: search-as-you-type matches the last word as a prefix (3+ characters);
-- without them a prefix query merges every matching term's doclist on each keystroke.
CREATE VIRTUAL TABLE shipments_fts USING fts5 (
    declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos,
    content = 'shipments', content_rowid = 'rowid', prefix = '3 4 5 6'
);
CREATE TRIGGER shipments_fts_ai AFTER INSERT ON shipments BEGIN
    INSERT INTO shipments_fts (rowid, declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos)
    VALUES (NEW.rowid, NEW.declaration_no, NEW.exporter_name, NEW.consignee, NEW.end_user, NEW.description, NEW.hs_code, NEW.container_nos);
END;
CREATE TRIGGER shipments_fts_ad AFTER DELETE ON shipments BEGIN
    INSERT INTO shipments_fts (shipments_fts, rowid, declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos)
    VALUES ('delete', OLD.rowid, OLD.declaration_no, OLD.exporter_name, OLD.consignee, OLD.end_user, OLD.description, OLD.hs_code, OLD.container_nos);
END;
CREATE TRIGGER shipments_fts_au AFTER UPDATE OF declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos ON shipments BEGIN
    INSERT INTO shipments_fts (shipments_fts, rowid, declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos)
    VALUES ('delete', OLD.rowid, OLD.declaration_no, OLD.exporter_name, OLD.consignee, OLD.end_user, OLD.description, OLD.hs_code, OLD.container_nos);
    INSERT INTO shipments_fts (rowid, declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos)
    VALUES (NEW.rowid, NEW.declaration_no, NEW.exporter_name, NEW.consignee, NEW.end_user, NEW.description, NEW.hs_code, NEW.container_nos);
END;
-- A finalized shipment's declared data never changes (the derived family/verdict/status may).
CREATE TRIGGER shipments_immutable BEFORE UPDATE OF
    id, state, declaration_no, declared_on, exporter_name, exporter_credit_code, consignee, end_user,
    end_use, destination, transshipment, transport_mode, container_nos, seal_nos, hs_code,
    description, composition, quantity, quantity_unit, net_weight_g, value_minor, currency,
    licence_no, amends, device_id, created_by, created_at, finalized_at, record_hash, intermediaries
ON shipments WHEN OLD.state = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'finalized shipment is immutable; record an amendment instead');
END;
CREATE TRIGGER shipments_no_delete BEFORE DELETE ON shipments WHEN OLD.state = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'finalized shipment cannot be deleted');
END;

CREATE TABLE inspections (
    id                TEXT PRIMARY KEY,
    shipment_id       TEXT NOT NULL REFERENCES shipments (id),
    state             TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'finalized')),
    officer_id        TEXT NOT NULL REFERENCES officers (id),
    device_id         TEXT NOT NULL,
    locode            TEXT NOT NULL DEFAULT '', -- UN/LOCODE, e.g. CNSHA
    terminal          TEXT NOT NULL DEFAULT '',
    started_at        TEXT NOT NULL,
    ended_at          TEXT,
    trigger           TEXT NOT NULL DEFAULT 'officer' CHECK (trigger IN ('rule_hit', 'random', 'intelligence', 'officer')),
    outcome           TEXT CHECK (outcome IS NULL OR outcome IN ('released', 'held', 'query_issued', 'seized', 'referred')),
    outcome_due       TEXT,                     -- due date of a referral / query
    verdict           TEXT NOT NULL DEFAULT '',
    screening         TEXT NOT NULL DEFAULT '{}', -- JSON of the screening stored with the record
    rule_pack_version TEXT NOT NULL DEFAULT '',
    narrative         TEXT NOT NULL DEFAULT '',
    amends            TEXT REFERENCES inspections (id),
    amend_reason      TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    finalized_at      TEXT,
    record_hash       TEXT
) STRICT;
CREATE INDEX inspections_shipment ON inspections (shipment_id, started_at);
CREATE INDEX inspections_state ON inspections (state, id);
CREATE INDEX inspections_amends ON inspections (amends) WHERE amends IS NOT NULL;
CREATE TRIGGER inspections_immutable BEFORE UPDATE ON inspections WHEN OLD.state = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'finalized inspection is immutable; record an amendment instead');
END;
CREATE TRIGGER inspections_no_delete BEFORE DELETE ON inspections WHEN OLD.state = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'finalized inspection cannot be deleted');
END;

CREATE TABLE measurements (
    id            TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections (id),
    name          TEXT NOT NULL,          -- purity_pct, density_g_cm3, xrf_pct (with element) ...
    element       TEXT,                   -- for composition (XRF) readings
    value         REAL,                   -- NULL: not given yet, or typed with a slip
    unit          TEXT NOT NULL DEFAULT '',
    method        TEXT NOT NULL DEFAULT '', -- xrf, lab, scale, caliper ...
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX measurements_inspection ON measurements (inspection_id);

CREATE TABLE findings (
    id            TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections (id),
    kind          TEXT NOT NULL CHECK (kind IN ('misdeclared_name', 'wrong_hs_code', 'under_declared_content', 'concealment', 'missing_licence', 'licence_mismatch', 'weight_discrepancy', 'document_mismatch', 'other')),
    declared      TEXT NOT NULL DEFAULT '',
    found         TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',
    suggested     INTEGER NOT NULL DEFAULT 0 CHECK (suggested IN (0, 1)), -- came from reconciliation
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX findings_inspection ON findings (inspection_id);

CREATE TABLE seizures (
    id               TEXT PRIMARY KEY,
    inspection_id    TEXT NOT NULL REFERENCES inspections (id),
    goods            TEXT NOT NULL,
    family           TEXT NOT NULL DEFAULT '',
    quantity         TEXT NOT NULL,       -- decimal text
    unit             TEXT NOT NULL,
    est_value_minor  INTEGER CHECK (est_value_minor IS NULL OR est_value_minor >= 0),
    currency         TEXT NOT NULL DEFAULT 'CNY',
    legal_basis      TEXT NOT NULL DEFAULT '[]', -- JSON array of rule ids
    seal_nos         TEXT NOT NULL DEFAULT '',
    storage_location TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    legal_basis_reason TEXT NOT NULL DEFAULT '' -- why it cites rules its screening did not give
) STRICT;
CREATE INDEX seizures_inspection ON seizures (inspection_id);

-- Child rows of a finalized inspection are frozen with it.
CREATE TRIGGER measurements_frozen_u BEFORE UPDATE ON measurements
WHEN (SELECT state FROM inspections WHERE id = OLD.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'measurement of a finalized inspection is immutable');
END;
CREATE TRIGGER measurements_frozen_d BEFORE DELETE ON measurements
WHEN (SELECT state FROM inspections WHERE id = OLD.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'measurement of a finalized inspection cannot be deleted');
END;
CREATE TRIGGER measurements_frozen_i BEFORE INSERT ON measurements
WHEN (SELECT state FROM inspections WHERE id = NEW.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'cannot add a measurement to a finalized inspection');
END;
CREATE TRIGGER findings_frozen_u BEFORE UPDATE ON findings
WHEN (SELECT state FROM inspections WHERE id = OLD.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'finding of a finalized inspection is immutable');
END;
CREATE TRIGGER findings_frozen_d BEFORE DELETE ON findings
WHEN (SELECT state FROM inspections WHERE id = OLD.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'finding of a finalized inspection cannot be deleted');
END;
CREATE TRIGGER findings_frozen_i BEFORE INSERT ON findings
WHEN (SELECT state FROM inspections WHERE id = NEW.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'cannot add a finding to a finalized inspection');
END;
CREATE TRIGGER seizures_frozen_u BEFORE UPDATE ON seizures
WHEN (SELECT state FROM inspections WHERE id = OLD.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'seizure of a finalized inspection is immutable');
END;
CREATE TRIGGER seizures_frozen_d BEFORE DELETE ON seizures
WHEN (SELECT state FROM inspections WHERE id = OLD.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'seizure of a finalized inspection cannot be deleted');
END;
CREATE TRIGGER seizures_frozen_i BEFORE INSERT ON seizures
WHEN (SELECT state FROM inspections WHERE id = NEW.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'cannot add a seizure to a finalized inspection');
END;

-- Evidence attachments (photos, XRF print-outs, lab reports): content-addressed by SHA-256,
-- kept inside the database in chunks of 192 KiB; frozen with a finalized inspection.
CREATE TABLE attachment_content (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size >= 0 AND size <= 26214400),
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE attachment_chunks (
    sha256 TEXT NOT NULL REFERENCES attachment_content (sha256),
    n      INTEGER NOT NULL CHECK (n >= 0),
    bytes  BLOB NOT NULL,
    PRIMARY KEY (sha256, n)
) STRICT;
CREATE TABLE attachments (
    id            TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections (id),
    sha256        TEXT NOT NULL REFERENCES attachment_content (sha256),
    media_type    TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0 AND size <= 26214400),
    caption       TEXT NOT NULL DEFAULT '',
    file_name     TEXT NOT NULL DEFAULT '',
    officer_id    TEXT NOT NULL REFERENCES officers (id),
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_inspection ON attachments (inspection_id);
CREATE INDEX attachments_sha256 ON attachments (sha256);
CREATE TRIGGER attachments_frozen_u BEFORE UPDATE ON attachments
WHEN (SELECT state FROM inspections WHERE id = OLD.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'attachment of a finalized inspection is immutable; record an amendment instead');
END;
CREATE TRIGGER attachments_frozen_d BEFORE DELETE ON attachments
WHEN (SELECT state FROM inspections WHERE id = OLD.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'attachment of a finalized inspection cannot be deleted');
END;
CREATE TRIGGER attachments_frozen_i BEFORE INSERT ON attachments
WHEN (SELECT state FROM inspections WHERE id = NEW.inspection_id) = 'finalized' BEGIN
    SELECT RAISE(ABORT, 'cannot add an attachment to a finalized inspection');
END;
CREATE TRIGGER attachment_content_immutable BEFORE UPDATE ON attachment_content BEGIN
    SELECT RAISE(ABORT, 'attachment content is immutable (it is named by its SHA-256)');
END;
CREATE TRIGGER attachment_chunks_immutable BEFORE UPDATE ON attachment_chunks BEGIN
    SELECT RAISE(ABORT, 'attachment content is immutable (it is named by its SHA-256)');
END;
CREATE TRIGGER attachment_content_kept BEFORE DELETE ON attachment_content
WHEN EXISTS (SELECT 1 FROM attachments a JOIN inspections i ON i.id = a.inspection_id
             WHERE a.sha256 = OLD.sha256 AND i.state = 'finalized') BEGIN
    SELECT RAISE(ABORT, 'attachment content of a finalized inspection cannot be deleted');
END;
CREATE TRIGGER attachment_chunks_kept BEFORE DELETE ON attachment_chunks
WHEN EXISTS (SELECT 1 FROM attachments a JOIN inspections i ON i.id = a.inspection_id
             WHERE a.sha256 = OLD.sha256 AND i.state = 'finalized') BEGIN
    SELECT RAISE(ABORT, 'attachment content of a finalized inspection cannot be deleted');
END;

-- Custody transfers: append-only, each one finalized on entry and chained on its own.
CREATE TABLE custody_events (
    id          TEXT PRIMARY KEY,
    seizure_id  TEXT NOT NULL REFERENCES seizures (id),
    from_party  TEXT NOT NULL CHECK (length(trim(from_party)) > 0),
    to_party    TEXT NOT NULL CHECK (length(trim(to_party)) > 0),
    at          TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    officer_id  TEXT NOT NULL REFERENCES officers (id),
    device_id   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    record_hash TEXT
) STRICT;
CREATE INDEX custody_seizure ON custody_events (seizure_id, at);
CREATE TRIGGER custody_append_only_u BEFORE UPDATE ON custody_events BEGIN
    SELECT RAISE(ABORT, 'custody events are append-only');
END;
CREATE TRIGGER custody_append_only_d BEFORE DELETE ON custody_events BEGIN
    SELECT RAISE(ABORT, 'custody events are append-only');
END;

-- ---------------------------------------------------------------- chain, outbox, sync
-- One row per finalized record, per device: the device's hash chain and its outbox.
-- Rows are immutable once written. The record's payload lives in outbox_payloads (one row
-- per outbox row, written in the same transaction).
--
-- Delivery state (finalized -> sent -> acknowledged on the device; received at
-- headquarters) is not stored per row: a device's sequence numbers are gapless, an export
-- always covers everything from the first unacknowledged record to the head, and a receipt
-- acknowledges everything up to a seq, so two watermarks per device in outbox_marks decide
-- every row's state (see the outbox_status view). Marking 100,000 records sent is then one
-- row write, not 100,000.
CREATE TABLE outbox (
    device_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    kind        TEXT NOT NULL CHECK (kind IN ('inspection', 'custody_event')),
    record_id   TEXT NOT NULL,
    hash        TEXT NOT NULL CHECK (length(hash) = 64),
    prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (device_id, seq),
    UNIQUE (device_id, record_id)
) STRICT;
CREATE TRIGGER outbox_immutable BEFORE UPDATE ON outbox BEGIN
    SELECT RAISE(ABORT, 'outbox records are immutable');
END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox BEGIN
    SELECT RAISE(ABORT, 'outbox records cannot be deleted');
END;
-- Per device: every seq <= sent_through has been written to a bundle, every
-- seq <= acked_through is held at headquarters (a receipt said so). Both only grow.
CREATE TABLE outbox_marks (
    device_id     TEXT PRIMARY KEY,
    sent_through  INTEGER NOT NULL DEFAULT 0 CHECK (sent_through >= 0),
    acked_through INTEGER NOT NULL DEFAULT 0 CHECK (acked_through >= 0)
) STRICT;
CREATE TRIGGER outbox_marks_only_grow BEFORE UPDATE ON outbox_marks
WHEN NEW.device_id <> OLD.device_id OR NEW.sent_through < OLD.sent_through OR NEW.acked_through < OLD.acked_through BEGIN
    SELECT RAISE(ABORT, 'outbox marks only move forward');
END;
CREATE TRIGGER outbox_marks_no_delete BEFORE DELETE ON outbox_marks BEGIN
    SELECT RAISE(ABORT, 'outbox marks cannot be deleted');
END;
-- Every outbox row with its delivery state: rows of other devices are 'received' (only
-- headquarters holds them).
CREATE VIEW outbox_status AS
SELECT o.device_id, o.seq, o.kind, o.record_id, o.hash, o.prev_hash, o.created_at,
       CASE
           WHEN o.device_id IS NOT (SELECT value FROM meta WHERE key = 'device_id') THEN 'received'
           WHEN o.seq <= coalesce(m.acked_through, 0) THEN 'acknowledged'
           WHEN o.seq <= coalesce(m.sent_through, 0) THEN 'sent'
           ELSE 'finalized'
       END AS state
FROM outbox o LEFT JOIN outbox_marks m ON m.device_id = o.device_id;
-- The canonical JSON of each outbox record as finalized (hashed into the chain), byte for
-- byte. Written once with its outbox row; never updated or deleted.
CREATE TABLE outbox_payloads (
    device_id TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    payload   TEXT NOT NULL,
    PRIMARY KEY (device_id, seq),
    FOREIGN KEY (device_id, seq) REFERENCES outbox (device_id, seq)
) STRICT;
CREATE TRIGGER outbox_payloads_immutable BEFORE UPDATE ON outbox_payloads BEGIN
    SELECT RAISE(ABORT, 'outbox records are immutable');
END;
CREATE TRIGGER outbox_payloads_no_delete BEFORE DELETE ON outbox_payloads BEGIN
    SELECT RAISE(ABORT, 'outbox records cannot be deleted');
END;

CREATE TABLE sync_log (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('export', 'import', 'receipt', 'ack')),
    at         TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    path       TEXT NOT NULL DEFAULT '',
    seq_from   INTEGER,
    seq_to     INTEGER,
    records    INTEGER NOT NULL DEFAULT 0,
    ok         INTEGER NOT NULL CHECK (ok IN (0, 1)),
    message    TEXT NOT NULL DEFAULT '',
    bundle_id  TEXT                       -- export/import: the bundle (records are looked up by seq range)
) STRICT;
CREATE INDEX sync_log_at ON sync_log (kind, at);
CREATE INDEX sync_log_device ON sync_log (device_id, kind, seq_to);

-- Supervisor review decisions (HQ), delivered back to the device in receipts.
CREATE TABLE reviews (
    id            TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL,
    device_id     TEXT NOT NULL,
    decision      TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
    comment       TEXT NOT NULL DEFAULT '',
    reviewer      TEXT NOT NULL,          -- officer id (HQ) or name carried in a receipt
    decided_at    TEXT NOT NULL,
    receipt_id    TEXT                    -- set when delivered in / received from a receipt
) STRICT;
CREATE INDEX reviews_inspection ON reviews (inspection_id, decided_at);
CREATE INDEX reviews_device ON reviews (device_id, receipt_id);

-- Headquarters' review queue: one row per shipment with finalized inspections that have
-- no review decision yet (`pending` of them), with the shipment's date so that the
-- `review:pending` filter pages through the queue in the log's order instead of scanning
-- the whole log. Kept by triggers; nothing else writes it.
CREATE TABLE review_queue (
    shipment_id TEXT PRIMARY KEY,
    declared_on TEXT NOT NULL,
    pending     INTEGER NOT NULL CHECK (pending >= 0)
) STRICT;
CREATE INDEX review_queue_order ON review_queue (declared_on, shipment_id);
CREATE TRIGGER review_queue_insert AFTER INSERT ON inspections
WHEN NEW.state = 'finalized' AND NOT EXISTS (SELECT 1 FROM reviews WHERE inspection_id = NEW.id) BEGIN
    INSERT INTO review_queue (shipment_id, declared_on, pending)
    SELECT id, declared_on, 1 FROM shipments WHERE id = NEW.shipment_id
    ON CONFLICT (shipment_id) DO UPDATE SET pending = pending + 1;
END;
CREATE TRIGGER review_queue_finalize AFTER UPDATE OF state ON inspections
WHEN NEW.state = 'finalized' AND OLD.state <> 'finalized' AND NOT EXISTS (SELECT 1 FROM reviews WHERE inspection_id = NEW.id) BEGIN
    INSERT INTO review_queue (shipment_id, declared_on, pending)
    SELECT id, declared_on, 1 FROM shipments WHERE id = NEW.shipment_id
    ON CONFLICT (shipment_id) DO UPDATE SET pending = pending + 1;
END;
-- the first decision on a finalized inspection takes it out of the queue
CREATE TRIGGER review_queue_decided AFTER INSERT ON reviews
WHEN (SELECT count(*) FROM reviews WHERE inspection_id = NEW.inspection_id) = 1
 AND EXISTS (SELECT 1 FROM inspections WHERE id = NEW.inspection_id AND state = 'finalized') BEGIN
    UPDATE review_queue SET pending = pending - 1
    WHERE shipment_id = (SELECT shipment_id FROM inspections WHERE id = NEW.inspection_id);
    DELETE FROM review_queue
    WHERE shipment_id = (SELECT shipment_id FROM inspections WHERE id = NEW.inspection_id) AND pending = 0;
END;

-- Headquarters' review desk (migration 4). One row per received
-- inspection with what the queue filters and sorts by (officer badge, device, port,
-- family, the verdict on the declaration and after inspection, outcome, seized, dates) and
-- its review state, so that a queue page is an index range, never a sort of the log.
-- Rows are added by the bundle import (with the time received) and their state follows
-- the reviews table (trigger). And the time each supervisor last left the Review tab.
CREATE TABLE review_desk (
    inspection_id    TEXT PRIMARY KEY,
    shipment_id      TEXT NOT NULL,
    device_id        TEXT NOT NULL,
    officer_id       TEXT NOT NULL,
    officer_badge    TEXT NOT NULL,
    locode           TEXT NOT NULL,
    family           TEXT NOT NULL,
    declared_verdict TEXT NOT NULL,
    found_verdict    TEXT NOT NULL,
    outcome          TEXT NOT NULL,
    seized           INTEGER NOT NULL CHECK (seized IN (0, 1)),
    declared_on      TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    amends           TEXT,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'returned', 'resubmitted')),
    decided_by       TEXT,
    decided_at       TEXT,
    -- per-inspection totals for the statistics (migration 9): seizures, seized kg (kg, g
    -- and t converted), seized value in minor units of CNY, findings
    seizure_count    INTEGER NOT NULL DEFAULT 0,
    seized_kg        REAL NOT NULL DEFAULT 0.0,
    seized_value_cny_minor INTEGER NOT NULL DEFAULT 0,
    finding_count    INTEGER NOT NULL DEFAULT 0,
    -- the exporter's name and the inspection's finalized time (migration 10): the
    -- statistics' exporters and turnaround read the desk alone
    exporter_name    TEXT NOT NULL DEFAULT '',
    finalized_at     TEXT
) STRICT;
CREATE INDEX review_desk_received ON review_desk (received_at, inspection_id);
CREATE INDEX review_desk_declared ON review_desk (declared_on, inspection_id);
CREATE INDEX review_desk_officer ON review_desk (officer_badge, received_at, inspection_id);
CREATE INDEX review_desk_port ON review_desk (locode, received_at, inspection_id);
CREATE INDEX review_desk_state ON review_desk (state, received_at, inspection_id);
CREATE INDEX review_desk_device ON review_desk (device_id, received_at, inspection_id);
CREATE INDEX review_desk_family ON review_desk (family, received_at, inspection_id);
CREATE INDEX review_desk_verdict ON review_desk (declared_verdict, received_at, inspection_id);
CREATE INDEX review_desk_found ON review_desk (found_verdict, received_at, inspection_id);
CREATE INDEX review_desk_outcome ON review_desk (outcome, received_at, inspection_id);
CREATE INDEX review_desk_seized ON review_desk (seized, received_at, inspection_id);
CREATE INDEX review_desk_amends ON review_desk (amends) WHERE amends IS NOT NULL;
-- a decision sets the state (the newest decision wins: a change replaces the first)
CREATE TRIGGER review_desk_decided AFTER INSERT ON reviews BEGIN
    UPDATE review_desk SET state = NEW.decision, decided_by = NEW.reviewer, decided_at = NEW.decided_at
    WHERE inspection_id = NEW.inspection_id AND (decided_at IS NULL OR decided_at <= NEW.decided_at);
END;
-- the count of the whole queue per state, kept by triggers (the title's counts cost
-- nothing however long the log)
CREATE TABLE review_desk_counts (
    state TEXT PRIMARY KEY,
    n     INTEGER NOT NULL CHECK (n >= 0)
) STRICT;
CREATE TRIGGER review_desk_counted AFTER INSERT ON review_desk BEGIN
    INSERT INTO review_desk_counts (state, n) VALUES (NEW.state, 1)
    ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER review_desk_recounted AFTER UPDATE OF state ON review_desk
WHEN OLD.state <> NEW.state BEGIN
    UPDATE review_desk_counts SET n = n - 1 WHERE state = OLD.state;
    INSERT INTO review_desk_counts (state, n) VALUES (NEW.state, 1)
    ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;
-- The review desk searched and counted without reading the shipment log.
-- * review_desk_fts: the free text of each desk row (its shipment's declaration number,
--   exporter, consignee, end user, description, HS code and containers: the columns and
--   the tokenizer of shipments_fts, so that a word finds exactly the desk rows it found
--   through the log's index), rowid = the desk row's rowid; contentless (the text stays
--   in shipments). The default unicode61 tokenizer, as shipments_fts: CJK text matches
--   as it did (a run of Han characters is one token, its prefix query finds it); a
--   trigram tokenizer would match substrings the log's search never did and nothing
--   shorter than three characters. Prefix indexes up to 10 characters (the log's stop at
--   6): a typed word such as `gallium` or `tungsten` is matched as a prefix, and without
--   its own prefix index that merges every term it begins (3x the time of one term).
-- * review_desk_tally: how many desk rows hold each value of each equality term of the
--   queue's filter (officer badge, device, port, family, verdicts, outcome, seized) and
--   how many were received on each day, so that a single term's count in the title and
--   the choice of the index to page by cost one lookup.
-- * review_desk_declared_days: per declared day, its desk rows and the first and last
--   time one of them was received, so that `from:`/`to:` count in one small scan and the
--   page by received date starts where their rows are.
-- All three kept by triggers on review_desk (rows are only ever added). (Migration 13.)
CREATE VIRTUAL TABLE review_desk_fts USING fts5 (
    declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos,
    content = '', prefix = '3 4 5 6 7 8 9 10'
);
CREATE TRIGGER review_desk_fts_ai AFTER INSERT ON review_desk BEGIN
    INSERT INTO review_desk_fts (rowid, declaration_no, exporter_name, consignee, end_user, description, hs_code, container_nos)
    SELECT NEW.rowid, s.declaration_no, s.exporter_name, s.consignee, s.end_user, s.description, s.hs_code, s.container_nos
    FROM shipments s WHERE s.id = NEW.shipment_id;
END;
CREATE TABLE review_desk_tally (
    term  TEXT NOT NULL,
    value TEXT NOT NULL,
    n     INTEGER NOT NULL CHECK (n >= 0),
    PRIMARY KEY (term, value)
) STRICT, WITHOUT ROWID;
CREATE TABLE review_desk_declared_days (
    declared_on    TEXT PRIMARY KEY,
    n              INTEGER NOT NULL CHECK (n >= 0),
    first_received TEXT NOT NULL,
    last_received  TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TRIGGER review_desk_tallied AFTER INSERT ON review_desk BEGIN
    INSERT INTO review_desk_tally (term, value, n) VALUES
        ('officer', NEW.officer_badge, 1), ('device', NEW.device_id, 1), ('port', NEW.locode, 1),
        ('family', NEW.family, 1), ('verdict', NEW.declared_verdict, 1),
        ('found', NEW.found_verdict, 1), ('outcome', NEW.outcome, 1),
        ('seized', CAST(NEW.seized AS TEXT), 1), ('received', substr(NEW.received_at, 1, 10), 1)
    ON CONFLICT (term, value) DO UPDATE SET n = n + 1;
    INSERT INTO review_desk_declared_days (declared_on, n, first_received, last_received)
    VALUES (NEW.declared_on, 1, NEW.received_at, NEW.received_at)
    ON CONFLICT (declared_on) DO UPDATE SET n = n + 1,
        first_received = min(first_received, excluded.first_received),
        last_received = max(last_received, excluded.last_received);
END;
CREATE TABLE supervisor_visits (
    officer_id TEXT PRIMARY KEY REFERENCES officers (id),
    left_at    TEXT NOT NULL
) STRICT;

-- ---------------------------------------------------------------- draft focus
-- Where each draft was last edited (migration 15): console state, never hashed or synced.
CREATE TABLE draft_focus (
    shipment_id TEXT PRIMARY KEY REFERENCES shipments (id) ON DELETE CASCADE,
    focus       TEXT NOT NULL CHECK (length(focus) <= 200),
    updated_at  TEXT NOT NULL
) STRICT;

-- ---------------------------------------------------------------- audit
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    old       TEXT,                       -- JSON
    new       TEXT                        -- JSON
) STRICT;
CREATE INDEX audit_entity ON audit (entity, entity_id);
CREATE TRIGGER audit_append_only_u BEFORE UPDATE ON audit BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER audit_append_only_d BEFORE DELETE ON audit BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
