-- Migration 8: signed rule packs. Each installed pack says how it came: 'local' (installed
-- by the program itself: the embedded pack, a training file, headquarters' own import),
-- 'signed' (a published pack whose headquarters signature was verified; signed_by names
-- that headquarters device) or 'unsigned' (a plain TOML pack a field laptop installed with
-- --unsigned). Headquarters keeps every pack it published, the file's exact bytes, to
-- send in receipts.
ALTER TABLE rule_packs ADD COLUMN trust TEXT NOT NULL DEFAULT 'local' CHECK (trust IN ('local', 'signed', 'unsigned'));
ALTER TABLE rule_packs ADD COLUMN signed_by TEXT;
CREATE TABLE published_packs (
    version      TEXT PRIMARY KEY,
    published    TEXT NOT NULL,
    published_at TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    file         BLOB NOT NULL
) STRICT;
