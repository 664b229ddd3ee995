-- Migration 12: evidence attachments. The file content is kept inside the database,
-- content-addressed by its SHA-256, in chunks of 192 KiB (one file to copy, back up and,
-- later, encrypt; written in the same WAL transaction as the record; never held whole in
-- memory). `attachments` names a file for one inspection; once the inspection is
-- finalized its attachments are frozen with it, and content a finalized record uses
-- never changes or goes. The `attachments` table that schema version 1 declared (a name
-- and a path, no content) was never written by any version of minspect: it is replaced.
DROP TABLE attachments;
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
