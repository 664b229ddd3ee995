//! Bulk loading of generated (training) records: one transaction per batch, prepared
//! statements reused across rows. Used by the fixture generator only.

use rusqlite::params;

use crate::store::{Context, Records, Result, Store};

/// A shipment as the generator makes it (finalized, historic).
#[derive(Debug, Clone, Default)]
pub struct BulkShipment {
    pub id: String,
    pub declaration_no: String,
    pub declared_on: String,
    pub exporter_name: String,
    pub exporter_credit_code: String,
    pub consignee: String,
    pub end_user: String,
    pub end_use: &'static str,
    pub destination: String,
    pub transport_mode: &'static str,
    pub container_nos: String,
    pub hs_code: String,
    pub description: String,
    pub composition: String,
    pub quantity: String,
    pub net_weight_g: i64,
    pub value_minor: i64,
    pub licence_no: String,
    pub family: String,
    pub verdict: String,
    pub status: &'static str,
    pub created_at: String,
}

#[derive(Debug, Clone, Default)]
pub struct BulkInspection {
    pub id: String,
    pub shipment_id: String,
    pub locode: String,
    pub started_at: String,
    pub ended_at: String,
    pub trigger: &'static str,
    pub outcome: &'static str,
    pub verdict: String,
    pub rule_pack_version: String,
    pub narrative: String,
    pub findings: Vec<BulkFinding>,
}

#[derive(Debug, Clone, Default)]
pub struct BulkFinding {
    pub id: String,
    pub inspection_id: String,
    pub kind: &'static str,
    pub declared: String,
    pub found: String,
    pub evidence: String,
    pub created_at: String,
}

/// One batch: written in a single transaction.
#[derive(Debug, Default)]
pub struct BulkBatch {
    pub shipments: Vec<BulkShipment>,
    pub inspections: Vec<BulkInspection>,
}

impl Records<&mut Store> {
    /// Prepares a new, empty file for a one-off bulk load: no journal and no fsync (a
    /// crashed generation is simply run again), a larger page cache, and the full-text
    /// trigger set aside (the index is rebuilt in one pass by [`Store::end_bulk_load`]).
    pub fn begin_bulk_load(&mut self) -> Result<()> {
        self.0.ensure_writable("bulk loading")?;
        let c = self.0.conn();
        c.pragma_update_and_check(None, "journal_mode", "OFF", |r| r.get::<_, String>(0))
            .doing(|| "turning the journal off for the bulk load".into())?;
        c.pragma_update(None, "synchronous", "OFF")
            .doing(|| "setting synchronous=OFF for the bulk load".into())?;
        c.pragma_update(None, "cache_size", -131_072)
            .doing(|| "growing the page cache for the bulk load".into())?;
        c.execute_batch("DROP TRIGGER shipments_fts_ai")
            .doing(|| "setting the full-text trigger aside".into())?;
        Ok(())
    }

    /// Ends a bulk load: rebuilds the full-text index, puts its trigger back exactly as
    /// schema.sql defines it, and returns to WAL with synchronous=FULL.
    pub fn end_bulk_load(&mut self) -> Result<()> {
        let trigger = schema_statement("CREATE TRIGGER shipments_fts_ai").ok_or_else(|| {
            crate::store::StoreError::Invalid("schema.sql has no shipments_fts_ai trigger".into())
        })?;
        let c = self.0.conn();
        c.execute_batch(&format!(
            "BEGIN IMMEDIATE;
             INSERT INTO shipments_fts (shipments_fts) VALUES ('rebuild');
             {trigger}
             COMMIT;"
        ))
        .doing(|| "rebuilding the full-text index".into())?;
        c.pragma_update(None, "cache_size", -2_000)
            .doing(|| "restoring the page cache".into())?;
        c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get::<_, String>(0))
            .doing(|| "returning to WAL".into())?;
        c.pragma_update(None, "synchronous", "FULL")
            .doing(|| "restoring synchronous=FULL".into())?;
        Ok(())
    }

    /// Writes `batch` in one transaction, attributing the records to this database's
    /// device and officer.
    pub fn bulk_insert(
        &mut self,
        batch: &BulkBatch,
        device_id: &str,
        officer_id: &str,
    ) -> Result<()> {
        self.0.write("loading generated records", |tx| {
            let mut ship = tx
                .prepare_cached(
                    "INSERT INTO shipments (id, state, declaration_no, declared_on, exporter_name,
                       exporter_credit_code, consignee, end_user, end_use, destination, transport_mode,
                       container_nos, hs_code, description, composition, quantity, quantity_unit,
                       net_weight_g, value_minor, currency, licence_no, family, verdict, status,
                       device_id, created_by, created_at, updated_at, finalized_at)
                     VALUES (?1, 'finalized', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
                       ?15, 'kg', ?16, ?17, 'USD', ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?24, ?24)",
                )
                .doing(|| "preparing the shipment insert".into())?;
            for s in &batch.shipments {
                ship.execute(params![
                    s.id, s.declaration_no, s.declared_on, s.exporter_name, s.exporter_credit_code,
                    s.consignee, s.end_user, s.end_use, s.destination, s.transport_mode,
                    s.container_nos, s.hs_code, s.description, s.composition, s.quantity,
                    s.net_weight_g, s.value_minor, s.licence_no, s.family, s.verdict, s.status,
                    device_id, officer_id, s.created_at
                ])
                .doing(|| format!("inserting shipment {}", s.declaration_no))?;
            }
            let mut insp = tx
                .prepare_cached(
                    "INSERT INTO inspections (id, shipment_id, state, officer_id, device_id, locode,
                       started_at, ended_at, trigger, outcome, verdict, rule_pack_version, narrative,
                       created_at, updated_at, finalized_at)
                     VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?7, ?7, ?7)",
                )
                .doing(|| "preparing the inspection insert".into())?;
            let mut find = tx
                .prepare_cached(
                    "INSERT INTO findings (id, inspection_id, kind, declared, found, evidence, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                .doing(|| "preparing the finding insert".into())?;
            let mut finalize = tx
                .prepare_cached("UPDATE inspections SET state = 'finalized' WHERE id = ?1")
                .doing(|| "preparing the inspection finalize".into())?;
            // The schema freezes the children of a finalized inspection: insert it as a
            // draft, add its findings, then finalize it, all inside this transaction.
            for i in &batch.inspections {
                insp.execute(params![
                    i.id, i.shipment_id, officer_id, device_id, i.locode, i.started_at, i.ended_at,
                    i.trigger, i.outcome, i.verdict, i.rule_pack_version, i.narrative
                ])
                .doing(|| format!("inserting inspection {}", i.id))?;
                for f in &i.findings {
                    find.execute(params![
                        f.id, f.inspection_id, f.kind, f.declared, f.found, f.evidence, f.created_at
                    ])
                    .doing(|| format!("inserting finding {}", f.id))?;
                }
                finalize
                    .execute([&i.id])
                    .doing(|| format!("finalizing inspection {}", i.id))?;
            }
            Ok(())
        })
    }
}

/// The statement of schema.sql that starts with `head` (up to its `END;`).
fn schema_statement(head: &str) -> Option<String> {
    let schema = include_str!("../../../schema.sql");
    let start = schema.find(head)?;
    let end = schema[start..].find("END;")? + start + "END;".len();
    Some(schema[start..end].to_string())
}
