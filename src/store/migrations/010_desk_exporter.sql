-- Migration 10: the exporter's name and the inspection's finalized time on the review
-- desk, so that the statistics' exporters and the review turnaround read the desk alone
-- (one grouped scan, no lookup of the shipment or the inspection per row). Filled by the
-- bundle import; existing rows here.
ALTER TABLE review_desk ADD COLUMN exporter_name TEXT NOT NULL DEFAULT '';
ALTER TABLE review_desk ADD COLUMN finalized_at TEXT;
UPDATE review_desk SET
    exporter_name = coalesce((SELECT s.exporter_name FROM shipments s WHERE s.id = review_desk.shipment_id), ''),
    finalized_at = (SELECT i.finalized_at FROM inspections i WHERE i.id = review_desk.inspection_id);
