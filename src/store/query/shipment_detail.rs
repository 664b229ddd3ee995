//! One shipment with its inspections, findings and seizures (the detail pane), and the
//! pending-sync count of the status bar.

use std::ops::Deref;

use rusqlite::{Connection, OptionalExtension};

use crate::store::query::shipments::{ROW_COLS, ShipmentRow, row_of};
use crate::store::{Context, Query, Result, Review, Store};

/// One inspection of a shipment, as listed in its detail.
#[derive(Debug, Clone, PartialEq)]
pub struct InspectionLine {
    pub id: String,
    pub state: String,
    pub started_at: String,
    pub locode: String,
    pub trigger: String,
    pub outcome: String,
    pub verdict: String,
    pub officer: String,
    pub narrative: String,
    /// The latest review decision on this inspection, if any was delivered (or made here).
    pub review: Option<Review>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FindingLine {
    pub inspection_id: String,
    pub kind: String,
    pub declared: String,
    pub found: String,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeizureLine {
    pub inspection_id: String,
    pub goods: String,
    pub family: String,
    pub quantity: String,
    pub unit: String,
    pub storage_location: String,
}

/// Everything the detail pane shows about one shipment.
#[derive(Debug, Clone, PartialEq)]
pub struct ShipmentDetail {
    pub row: ShipmentRow,
    pub state: String,
    pub exporter_credit_code: String,
    pub consignee: String,
    pub end_user: String,
    pub end_use: String,
    pub transshipment: String,
    pub transport_mode: String,
    pub container_nos: String,
    pub composition: String,
    pub quantity: String,
    pub quantity_unit: String,
    pub net_weight_g: Option<i64>,
    pub value_minor: Option<i64>,
    pub currency: String,
    pub licence_no: String,
    pub inspections: Vec<InspectionLine>,
    pub findings: Vec<FindingLine>,
    pub seizures: Vec<SeizureLine>,
}

impl<S: Deref<Target = Store>> Query<S> {
    /// A shipment with its inspections, findings and seizures; None if unknown.
    pub fn shipment_detail(&self, id: &str) -> Result<Option<ShipmentDetail>> {
        let c = self.0.conn();
        let Some(mut d) = detail_head(c, id)? else {
            return Ok(None);
        };
        d.inspections = inspection_lines(c, id)?;
        for i in &mut d.inspections {
            i.review = self.0.hq().reviews_for(&i.id)?.pop();
        }
        d.findings = finding_lines(c, id)?;
        d.seizures = seizure_lines(c, id)?;
        Ok(Some(d))
    }
}

/// The shipment's own columns (lists empty).
fn detail_head(c: &Connection, id: &str) -> Result<Option<ShipmentDetail>> {
    let doing = || format!("reading shipment {id}");
    let out = c
        .prepare_cached(&format!(
            "SELECT {ROW_COLS}, s.state, s.exporter_credit_code, s.consignee, s.end_user,
                    s.end_use, s.transshipment, s.transport_mode, s.container_nos,
                    s.composition, s.quantity, s.quantity_unit, s.net_weight_g,
                    s.value_minor, s.currency, s.licence_no
             FROM shipments s WHERE s.id = ?1"
        ))
        .doing(doing)?
        .query_row([id], |r| {
            Ok(ShipmentDetail {
                row: row_of(r)?,
                state: r.get(10)?,
                exporter_credit_code: r.get(11)?,
                consignee: r.get(12)?,
                end_user: r.get(13)?,
                end_use: r.get(14)?,
                transshipment: r.get(15)?,
                transport_mode: r.get(16)?,
                container_nos: r.get(17)?,
                composition: r.get(18)?,
                quantity: r.get(19)?,
                quantity_unit: r.get(20)?,
                net_weight_g: r.get(21)?,
                value_minor: r.get(22)?,
                currency: r.get(23)?,
                licence_no: r.get(24)?,
                inspections: Vec::new(),
                findings: Vec::new(),
                seizures: Vec::new(),
            })
        })
        .optional()
        .doing(doing)?;
    Ok(out)
}

/// The shipment's inspections, oldest first (reviews not filled in).
fn inspection_lines(c: &Connection, id: &str) -> Result<Vec<InspectionLine>> {
    let doing = || format!("reading shipment {id}");
    let out = c
        .prepare_cached(
            "SELECT i.id, i.state, i.started_at, i.locode, i.trigger, coalesce(i.outcome, ''),
                    i.verdict, coalesce(o.name, ''), i.narrative
             FROM inspections i LEFT JOIN officers o ON o.id = i.officer_id
             WHERE i.shipment_id = ?1 ORDER BY i.started_at",
        )
        .doing(doing)?
        .query_map([id], |r| {
            Ok(InspectionLine {
                id: r.get(0)?,
                state: r.get(1)?,
                started_at: r.get(2)?,
                locode: r.get(3)?,
                trigger: r.get(4)?,
                outcome: r.get(5)?,
                verdict: r.get(6)?,
                officer: r.get(7)?,
                narrative: r.get(8)?,
                review: None,
            })
        })
        .doing(doing)?
        .collect::<rusqlite::Result<_>>()
        .doing(doing)?;
    Ok(out)
}

/// The findings of the shipment's inspections.
fn finding_lines(c: &Connection, id: &str) -> Result<Vec<FindingLine>> {
    let doing = || format!("reading shipment {id}");
    let out = c
        .prepare_cached(
            "SELECT f.inspection_id, f.kind, f.declared, f.found, f.evidence
             FROM findings f JOIN inspections i ON i.id = f.inspection_id
             WHERE i.shipment_id = ?1 ORDER BY i.started_at, f.created_at",
        )
        .doing(doing)?
        .query_map([id], |r| {
            Ok(FindingLine {
                inspection_id: r.get(0)?,
                kind: r.get(1)?,
                declared: r.get(2)?,
                found: r.get(3)?,
                evidence: r.get(4)?,
            })
        })
        .doing(doing)?
        .collect::<rusqlite::Result<_>>()
        .doing(doing)?;
    Ok(out)
}

/// The seizures of the shipment's inspections.
fn seizure_lines(c: &Connection, id: &str) -> Result<Vec<SeizureLine>> {
    let doing = || format!("reading shipment {id}");
    let out = c
        .prepare_cached(
            "SELECT z.inspection_id, z.goods, z.family, z.quantity, z.unit, z.storage_location
             FROM seizures z JOIN inspections i ON i.id = z.inspection_id
             WHERE i.shipment_id = ?1 ORDER BY i.started_at, z.created_at",
        )
        .doing(doing)?
        .query_map([id], |r| {
            Ok(SeizureLine {
                inspection_id: r.get(0)?,
                goods: r.get(1)?,
                family: r.get(2)?,
                quantity: r.get(3)?,
                unit: r.get(4)?,
                storage_location: r.get(5)?,
            })
        })
        .doing(doing)?
        .collect::<rusqlite::Result<_>>()
        .doing(doing)?;
    Ok(out)
}
