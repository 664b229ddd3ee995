-- Migration 2 (schema v1 -> v2): delivery state by watermark instead of per row, and
-- headquarters' review queue.
-- v1 kept state/bundle_id/sent_at/acked_at on every outbox row, so an export of N records
-- rewrote N rows (and an index entry each). v2 keeps two marks per device; see schema.sql.
-- Runs inside the migration transaction: it applies whole or not at all.

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

-- The marks from the v1 states. An acknowledged record was necessarily sent.
INSERT INTO outbox_marks (device_id, sent_through, acked_through)
SELECT device_id,
       coalesce(max(CASE WHEN state IN ('sent', 'acknowledged') THEN seq END), 0),
       coalesce(max(CASE WHEN state = 'acknowledged' THEN seq END), 0)
FROM outbox WHERE state <> 'received' GROUP BY device_id;

-- Which bundle an export or import log row is about (per-record bundle ids were on the
-- outbox rows in v1; now a record's bundle is the log row whose seq range covers it).
ALTER TABLE sync_log ADD COLUMN bundle_id TEXT;
UPDATE sync_log SET bundle_id = id WHERE kind = 'export';
UPDATE sync_log SET bundle_id = substr(message, 8, 36) WHERE kind = 'import' AND message LIKE 'bundle %';
CREATE INDEX sync_log_device ON sync_log (device_id, kind, seq_to);

DROP INDEX outbox_state;
DROP TRIGGER outbox_payload_immutable;
ALTER TABLE outbox DROP COLUMN state;
ALTER TABLE outbox DROP COLUMN bundle_id;
ALTER TABLE outbox DROP COLUMN sent_at;
ALTER TABLE outbox DROP COLUMN acked_at;
CREATE TRIGGER outbox_immutable BEFORE UPDATE ON outbox BEGIN
    SELECT RAISE(ABORT, 'outbox records are immutable');
END;

CREATE VIEW outbox_status AS
SELECT o.device_id, o.seq, o.kind, o.record_id, o.hash, o.prev_hash, o.created_at,
       CASE
           WHEN o.device_id IS NOT (SELECT value FROM meta WHERE key = 'device_id') THEN 'received'
           WHEN o.seq <= coalesce(m.acked_through, 0) THEN 'acknowledged'
           WHEN o.seq <= coalesce(m.sent_through, 0) THEN 'sent'
           ELSE 'finalized'
       END AS state
FROM outbox o LEFT JOIN outbox_marks m ON m.device_id = o.device_id;

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
INSERT INTO review_queue (shipment_id, declared_on, pending)
SELECT s.id, s.declared_on, count(*) FROM inspections i JOIN shipments s ON s.id = i.shipment_id
WHERE i.state = 'finalized' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.inspection_id = i.id)
GROUP BY s.id;
