-- Migration 3 (schema v2 -> v3): each officer's interface language (`en` or `zh`), chosen
-- in the console's palette; NULL = not chosen (the locale decides). A preference of this
-- database only: it never travels in bundles.
ALTER TABLE officers ADD COLUMN lang TEXT CHECK (lang IN ('en', 'zh'));
