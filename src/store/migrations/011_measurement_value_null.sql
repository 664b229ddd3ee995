-- Migration 11: a measurement's value may be NULL. A draft row whose value has not been
-- typed yet, or was typed with a slip that does not parse (`487.5x`), holds no number
-- instead of a 0.0 placeholder; finalizing still refuses it, naming the field, so every
-- finalized payload keeps a number. A table rebuild: SQLite cannot drop NOT NULL in place.
DROP TRIGGER measurements_frozen_u;
DROP TRIGGER measurements_frozen_d;
DROP TRIGGER measurements_frozen_i;
CREATE TABLE measurements_new (
    id            TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections (id),
    name          TEXT NOT NULL,          -- purity_pct, density_g_cm3, xrf_pct (with element) ...
    element       TEXT,                   -- for composition (XRF) readings
    value         REAL,                   -- NULL: not given yet, or typed with a slip
    unit          TEXT NOT NULL DEFAULT '',
    method        TEXT NOT NULL DEFAULT '', -- xrf, lab, scale, caliper ...
    created_at    TEXT NOT NULL
) STRICT;
INSERT INTO measurements_new (id, inspection_id, name, element, value, unit, method, created_at)
    SELECT id, inspection_id, name, element, value, unit, method, created_at FROM measurements;
DROP TABLE measurements;
ALTER TABLE measurements_new RENAME TO measurements;
CREATE INDEX measurements_inspection ON measurements (inspection_id);
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
