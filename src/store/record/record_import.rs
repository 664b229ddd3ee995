//! Importing a whole record (shipment, inspection, measurements, findings, seizures and
//! custody transfers) in ONE transaction: validated as a whole first; all or nothing.

use serde::Serialize;

use chrono::{DateTime, Utc};

use crate::domain::{FieldError, Msg, RecordImport, limits, parse_timestamp};
use crate::rules::RulePack;
use crate::store::audit::who;
use crate::store::record::children::add_child_tx;
use crate::store::record::custody::add_custody_tx;
use crate::store::record::draft::{create_inspection_tx, create_shipment_tx};
use crate::store::record::finalize::{Finalized, finalize_tx};
use crate::store::{Records, Result, Store, StoreError};

/// The ids an import created.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordImported {
    pub shipment_id: String,
    pub inspection_id: String,
    pub measurement_ids: Vec<String>,
    pub finding_ids: Vec<String>,
    pub seizure_ids: Vec<String>,
    pub custody_ids: Vec<String>,
    pub finalized: Option<Finalized>,
}

/// Each custody transfer lies between the seizure (the inspection's start) and now plus
/// the clock skew (DESIGN section 3), named by its path.
fn custody_time_problems(record: &RecordImport, now: DateTime<Utc>) -> Vec<FieldError> {
    let seized = parse_timestamp("started_at", &record.inspection.started_at).ok();
    let mut out = Vec::new();
    for (i, s) in record.seizures.iter().enumerate() {
        for (j, c) in s.custody.iter().enumerate() {
            if parse_timestamp("at", &c.at).is_err() {
                continue; // named by the custody transfer's own problems
            }
            if let Err(e) = limits::transfer_time(&c.at, seized, now) {
                out.push(e.at(format!("seizures[{i}].custody[{j}].at")));
            }
        }
    }
    out
}

impl Records<&mut Store> {
    /// Imports `record` as a draft, or finalized (chained, with its custody transfers)
    /// when `finalize`. Any problem refuses the whole record, naming every field path;
    /// nothing is written.
    pub fn import_record(
        &mut self,
        record: &RecordImport,
        finalize: bool,
        pack: &RulePack,
    ) -> Result<RecordImported> {
        let clock = self.0.clock;
        crate::store::audit::refuse_field_work(self.0.conn(), "importing a record")?;
        let mut problems = record.problems(finalize);
        problems.extend(custody_time_problems(record, clock.now()));
        if !problems.is_empty() {
            let list: Vec<Msg> = problems.iter().map(FieldError::to_msg).collect();
            return Err(StoreError::Said(
                Msg::new("store-problems").arg("list", list),
            ));
        }
        self.0.write("importing the record", |tx| {
            let who = who(tx, clock)?;
            let shipment_id = create_shipment_tx(tx, &who, &record.shipment, None)?;
            let inspection_id =
                create_inspection_tx(tx, &who, &shipment_id, &record.inspection, None)?;
            let mut out = RecordImported {
                shipment_id,
                inspection_id: inspection_id.clone(),
                measurement_ids: Vec::new(),
                finding_ids: Vec::new(),
                seizure_ids: Vec::new(),
                custody_ids: Vec::new(),
                finalized: None,
            };
            for m in &record.measurements {
                out.measurement_ids.push(add_child_tx(
                    tx,
                    &who,
                    ("measurements", "measurement"),
                    &inspection_id,
                    m,
                )?);
            }
            for f in &record.findings {
                out.finding_ids.push(add_child_tx(
                    tx,
                    &who,
                    ("findings", "finding"),
                    &inspection_id,
                    f,
                )?);
            }
            for s in &record.seizures {
                out.seizure_ids.push(add_child_tx(
                    tx,
                    &who,
                    ("seizures", "seizure"),
                    &inspection_id,
                    &s.seizure,
                )?);
            }
            if finalize {
                out.finalized = Some(finalize_tx(tx, &who, &inspection_id, pack)?);
                for (s, seizure_id) in record.seizures.iter().zip(&out.seizure_ids) {
                    for c in &s.custody {
                        out.custody_ids
                            .push(add_custody_tx(tx, &who, seizure_id, c)?.id);
                    }
                }
            }
            Ok(out)
        })
    }
}
