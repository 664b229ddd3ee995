-- Migration 4 (schema v3 -> v4): headquarters' review desk. One row per received
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
    decided_at       TEXT
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
CREATE TABLE supervisor_visits (
    officer_id TEXT PRIMARY KEY REFERENCES officers (id),
    left_at    TEXT NOT NULL
) STRICT;
-- what headquarters already holds, received at its import's time (else its finalizing)
INSERT INTO review_desk (inspection_id, shipment_id, device_id, officer_id, officer_badge, locode,
    family, declared_verdict, found_verdict, outcome, seized, declared_on, received_at, amends, state)
SELECT i.id, i.shipment_id, i.device_id, i.officer_id,
    coalesce((SELECT badge FROM officers o WHERE o.id = i.officer_id), ''), i.locode, s.family,
    i.verdict, i.verdict, coalesce(i.outcome, ''),
    (coalesce(i.outcome, '') = 'seized' OR EXISTS (SELECT 1 FROM seizures z WHERE z.inspection_id = i.id)),
    s.declared_on,
    coalesce((SELECT min(l.at) FROM outbox ob JOIN sync_log l ON l.kind = 'import' AND l.device_id = ob.device_id
              AND ob.seq BETWEEN l.seq_from AND l.seq_to WHERE ob.record_id = i.id), i.finalized_at, i.created_at),
    i.amends, 'pending'
FROM inspections i JOIN shipments s ON s.id = i.shipment_id
WHERE i.state = 'finalized' AND (SELECT value FROM meta WHERE key = 'kind') = 'hq'
  AND i.device_id IS NOT (SELECT value FROM meta WHERE key = 'device_id');
UPDATE review_desk SET (state, decided_by, decided_at) = (
    SELECT r.decision, r.reviewer, r.decided_at FROM reviews r WHERE r.inspection_id = review_desk.inspection_id
    ORDER BY r.decided_at DESC, r.id DESC LIMIT 1)
WHERE EXISTS (SELECT 1 FROM reviews r WHERE r.inspection_id = review_desk.inspection_id);
UPDATE review_desk SET state = 'resubmitted'
WHERE state = 'pending' AND amends IS NOT NULL
  AND (SELECT d.state FROM review_desk d WHERE d.inspection_id = review_desk.amends) = 'returned';
