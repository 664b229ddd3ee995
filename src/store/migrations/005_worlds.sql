-- Migration 5 (schema v4 -> v5): every device row names its world, live or training.
-- The local row's world is this database's: a training file (meta kind 'training') is of
-- the training world, every other database is live. A trusted device is of the world of
-- the key file that was trusted (version-1 key files are live), which is always this
-- database's own: live and training never trust each other.
ALTER TABLE devices ADD COLUMN world TEXT NOT NULL DEFAULT 'live' CHECK (world IN ('live', 'training'));
UPDATE devices SET world = 'training'
 WHERE EXISTS (SELECT 1 FROM meta WHERE key = 'kind' AND value = 'training');
