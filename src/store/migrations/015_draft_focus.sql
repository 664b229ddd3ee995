-- Migration 15: where each draft was last edited, so that resuming it opens at that field
-- (`section:item:field`, e.g. `inspection:0:narrative`). Console state, not part of the
-- record: never hashed, never synced, gone with its draft.
CREATE TABLE draft_focus (
    shipment_id TEXT PRIMARY KEY REFERENCES shipments (id) ON DELETE CASCADE,
    focus       TEXT NOT NULL CHECK (length(focus) <= 200),
    updated_at  TEXT NOT NULL
) STRICT;
