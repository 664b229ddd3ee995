-- Migration 14: sealed bundles. A headquarters device has an X25519 key pair to which the
-- laptops seal their bundles' record lines: `seal_secret` holds the local device's secret
-- (32 bytes, kept like the ed25519 seed in `private_key`), `seal_key` a trusted device's
-- X25519 public key as its key file published it (NULL: a key file without one, e.g.
-- version 1). An existing headquarters gets its secret here, from SQLite's CSPRNG
-- (ChaCha20 seeded by the operating system); a new one gets it at `init`.
ALTER TABLE devices ADD COLUMN seal_key BLOB CHECK (seal_key IS NULL OR length(seal_key) = 32);
ALTER TABLE devices ADD COLUMN seal_secret BLOB CHECK (seal_secret IS NULL OR length(seal_secret) = 32);
UPDATE devices SET seal_secret = randomblob(32)
WHERE is_local = 1 AND (SELECT value FROM meta WHERE key = 'kind') = 'hq';
