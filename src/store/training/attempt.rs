//! What the trainee did with one scenario shipment: its latest finalized inspection
//! (or the draft, when nothing is finalized yet), the findings, seizures, legal basis and
//! custody transfers, and when the shipment was opened and finalized.

use std::ops::Deref;

use serde::Serialize;
use serde_json::Value;

use super::Training;
use crate::store::rows::{Row, query_rows};
use crate::store::{Result, Store};

/// One shipment's attempt, as plain values for grading.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Attempt {
    pub shipment_id: String,
    pub declaration_no: String,
    pub inspection_id: Option<String>,
    pub finalized: bool,
    pub opened_at: Option<String>,
    pub finalized_at: Option<String>,
    /// The verdict stored with the inspection (screened at finalize).
    pub verdict: String,
    pub outcome: Option<String>,
    /// Finding kinds, in the order recorded.
    pub findings: Vec<String>,
    pub seizures: usize,
    /// Every rule id the seizures cite.
    pub legal_basis: Vec<String>,
    pub custody_steps: usize,
    pub measurements: usize,
}

fn text(r: &Row, k: &str) -> Option<String> {
    r.get(k).and_then(Value::as_str).map(str::to_string)
}

impl<S: Deref<Target = Store>> Training<S> {
    /// What was done with the shipment `shipment_id`.
    pub fn attempt(&self, shipment_id: &str) -> Result<Attempt> {
        let conn = self.0.conn();
        let ship = query_rows(
            conn,
            "SELECT declaration_no FROM shipments WHERE id = ?1",
            [shipment_id],
            "reading the scenario shipment",
        )?;
        let mut a = Attempt {
            shipment_id: shipment_id.to_string(),
            declaration_no: ship
                .first()
                .and_then(|r| text(r, "declaration_no"))
                .unwrap_or_default(),
            opened_at: self.opened_at(shipment_id)?,
            ..Attempt::default()
        };
        let insp = query_rows(
            conn,
            "SELECT id, state, verdict, outcome, finalized_at FROM inspections WHERE shipment_id = ?1
             ORDER BY state = 'finalized' DESC, coalesce(finalized_at, updated_at) DESC, id DESC LIMIT 1",
            [shipment_id],
            "reading the trainee's inspection",
        )?;
        let Some(i) = insp.first() else {
            return Ok(a);
        };
        let id = text(i, "id").unwrap_or_default();
        a.finalized = text(i, "state").as_deref() == Some("finalized");
        a.finalized_at = text(i, "finalized_at");
        a.verdict = text(i, "verdict").unwrap_or_default();
        a.outcome = text(i, "outcome");
        let rows = |sql: &str, what: &str| query_rows(conn, sql, [&id], what);
        a.findings = rows(
            "SELECT kind FROM findings WHERE inspection_id = ?1 ORDER BY created_at, id",
            "reading the findings",
        )?
        .iter()
        .filter_map(|r| text(r, "kind"))
        .collect();
        let seizures = rows(
            "SELECT legal_basis FROM seizures WHERE inspection_id = ?1 ORDER BY created_at, id",
            "reading the seizures",
        )?;
        a.seizures = seizures.len();
        for s in &seizures {
            let ids: Vec<String> = text(s, "legal_basis")
                .and_then(|j| serde_json::from_str(&j).ok())
                .unwrap_or_default();
            a.legal_basis.extend(ids);
        }
        a.custody_steps = rows(
            "SELECT c.id FROM custody_events c JOIN seizures s ON s.id = c.seizure_id WHERE s.inspection_id = ?1",
            "reading the custody transfers",
        )?
        .len();
        a.measurements = rows(
            "SELECT id FROM measurements WHERE inspection_id = ?1",
            "reading the measurements",
        )?
        .len();
        a.inspection_id = Some(id);
        Ok(a)
    }
}
