-- Migration 9: per-inspection totals on the review desk, so that the statistics read
-- one row per inspection in one grouped scan instead of looking up its seizures and
-- findings: the number of seizures, the seized quantity in kg (kg, g and t converted;
-- other units count 0), the seized value in minor units of CNY (other currencies count
-- 0) and the number of findings. Filled by the bundle import; existing rows here.
ALTER TABLE review_desk ADD COLUMN seizure_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_desk ADD COLUMN seized_kg REAL NOT NULL DEFAULT 0.0;
ALTER TABLE review_desk ADD COLUMN seized_value_cny_minor INTEGER NOT NULL DEFAULT 0;
ALTER TABLE review_desk ADD COLUMN finding_count INTEGER NOT NULL DEFAULT 0;
UPDATE review_desk SET (seizure_count, seized_kg, seized_value_cny_minor) = (
    SELECT count(*),
        coalesce(sum(CASE z.unit WHEN 'kg' THEN CAST(z.quantity AS REAL)
            WHEN 'g' THEN CAST(z.quantity AS REAL) / 1000.0
            WHEN 't' THEN CAST(z.quantity AS REAL) * 1000.0 ELSE 0.0 END), 0.0),
        coalesce(sum(CASE z.currency WHEN 'CNY' THEN coalesce(z.est_value_minor, 0) ELSE 0 END), 0)
    FROM seizures z WHERE z.inspection_id = review_desk.inspection_id)
WHERE EXISTS (SELECT 1 FROM seizures z WHERE z.inspection_id = review_desk.inspection_id);
UPDATE review_desk SET finding_count = (
    SELECT count(*) FROM findings f WHERE f.inspection_id = review_desk.inspection_id)
WHERE EXISTS (SELECT 1 FROM findings f WHERE f.inspection_id = review_desk.inspection_id);
