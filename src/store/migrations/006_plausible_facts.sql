-- Migration 6: facts that cannot be true are refused (DESIGN section 3). A seizure's legal
-- basis may cite rules its record's screening did not give only with a stated reason; the
-- stored rule packs and the active pack's tables are never updated in place (a new
-- version is imported instead), so an UPDATE raising a threshold is refused.
ALTER TABLE seizures ADD COLUMN legal_basis_reason TEXT NOT NULL DEFAULT '';
CREATE TRIGGER rule_packs_immutable BEFORE UPDATE OF version, published, imported_at, sha256, source, raw_toml ON rule_packs BEGIN
    SELECT RAISE(ABORT, 'a stored rule pack is immutable; import a new version instead');
END;
CREATE TRIGGER rule_items_immutable BEFORE UPDATE ON rule_items BEGIN
    SELECT RAISE(ABORT, 'the active rule pack''s items are immutable; import a new version instead');
END;
CREATE TRIGGER rule_clauses_immutable BEFORE UPDATE ON rule_clauses BEGIN
    SELECT RAISE(ABORT, 'the active rule pack''s clauses are immutable; import a new version instead');
END;
