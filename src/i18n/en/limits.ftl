# minspect en/limits.ftl: the plausibility limits (DESIGN section 3), a rule pack altered
# behind the database's back, and the exit paths of DESIGN section 7.
# Every id is in both languages (tests/architecture/catalogue.rs).

limits-pack-altered = ALTERED RULE PACK: { $db } passed the integrity check, but { $problems }
limits-read-only-files = --read-only: this command creates or rewrites a database file; run it without --read-only
limits-read-only-import = --read-only: importing a bundle writes to the database; run it without --read-only
limits-read-only-ack = --read-only: applying a receipt writes to the database; run it without --read-only
seiz-legal_basis_reason = Basis reason
    .hint = why, when not from the screening
