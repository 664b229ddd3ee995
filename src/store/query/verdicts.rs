//! The two verdicts of each row of a shipment-log page: on the declaration (the declared
//! facts screened without measurements: headquarters' desk holds it for each received
//! inspection; otherwise the declaration is screened against the pack given) and after
//! inspection (the verdict of the shipment's latest finalized inspection, with its
//! outcome), so a seized shipment whose declared goods were not controlled does not read
//! as not controlled. One indexed lookup per row of the page (never the whole log).

use std::ops::Deref;

use rusqlite::OptionalExtension;

use crate::domain::Shipment;
use crate::rules::{RulePack, ScreeningIndex, facts_for};
use crate::store::query::shipments::ShipmentRow;
use crate::store::rows::{row_by_id, stored};
use crate::store::{Context, Query, Result, Store};

/// A row's verdicts ('' when there is none: no pack, or not inspected yet).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowVerdicts {
    pub declared: String,
    pub found: String,
    /// The latest finalized inspection's outcome ('' when none).
    pub outcome: String,
}

impl<S: Deref<Target = Store>> Query<S> {
    /// The verdicts of `rows`, index for index.
    pub fn row_verdicts(
        &self,
        rows: &[ShipmentRow],
        pack: Option<&RulePack>,
    ) -> Result<Vec<RowVerdicts>> {
        let conn = self.0.conn();
        let index = pack.map(ScreeningIndex::new);
        let doing = || "reading the shipments' verdicts".to_string();
        let mut latest = conn
            .prepare_cached(
                "SELECT i.verdict, coalesce(i.outcome, ''),
                    (SELECT d.declared_verdict FROM review_desk d WHERE d.inspection_id = i.id)
                 FROM inspections i WHERE i.shipment_id = ?1 AND i.state = 'finalized'
                 ORDER BY i.started_at DESC, i.id DESC LIMIT 1",
            )
            .doing(doing)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let found: Option<(String, String, Option<String>)> = latest
                .query_row([&r.id], |x| Ok((x.get(0)?, x.get(1)?, x.get(2)?)))
                .optional()
                .doing(doing)?;
            let (found, outcome, desk) = found.unwrap_or_default();
            let declared = match (desk.filter(|d| !d.is_empty()), &index) {
                (Some(d), _) => d,
                (None, Some(ix)) => {
                    let s: crate::domain::Stored<Shipment> =
                        stored(row_by_id(conn, "shipments", &r.id, "shipment")?)?;
                    ix.screen(&facts_for(&s.data, &[]))
                        .verdict
                        .as_str()
                        .to_string()
                }
                (None, None) => String::new(),
            };
            out.push(RowVerdicts {
                declared,
                found,
                outcome,
            });
        }
        Ok(out)
    }
}
