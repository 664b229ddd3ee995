//! Reading finalized inspections back for re-screening: each one's shipment, measurements
//! and the verdict frozen with it. Read only: nothing here writes.

use std::ops::Deref;

use crate::domain::{Measurement, Shipment};
use crate::rules::Screening;
use crate::store::record::draft::load_record_tx;
use crate::store::{Context, Records, Result, Store};

/// One finalized inspection as frozen.
#[derive(Debug, Clone, PartialEq)]
pub struct Frozen {
    pub inspection_id: String,
    pub shipment_id: String,
    pub finalized_at: String,
    pub shipment: Shipment,
    pub measurements: Vec<Measurement>,
    /// The verdict stored when it was finalized.
    pub verdict: String,
    pub rule_pack_version: String,
    /// The screening stored with it (None when it does not parse).
    pub screening: Option<Screening>,
}

impl<S: Deref<Target = Store>> Records<S> {
    /// Every finalized inspection finalized at or after `since` (RFC 3339 or a date;
    /// None = all), oldest first.
    pub fn finalized_since(&self, since: Option<&str>) -> Result<Vec<Frozen>> {
        let conn = self.0.conn();
        let doing = || "listing the finalized inspections".to_string();
        let mut stmt = conn
            .prepare(
                "SELECT id FROM inspections WHERE state = 'finalized' AND finalized_at >= ?1
                 ORDER BY finalized_at, id",
            )
            .doing(doing)?;
        let ids: Vec<String> = stmt
            .query_map([since.unwrap_or("")], |r| r.get(0))
            .doing(doing)?
            .collect::<rusqlite::Result<_>>()
            .doing(doing)?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let r = load_record_tx(conn, &id)?;
            let screening = r
                .inspection
                .meta
                .get("screening")
                .and_then(|v| v.as_str())
                .and_then(|t| serde_json::from_str(t).ok());
            out.push(Frozen {
                finalized_at: r
                    .inspection
                    .meta_str("finalized_at")
                    .unwrap_or_default()
                    .into(),
                verdict: r.inspection.meta_str("verdict").unwrap_or_default().into(),
                rule_pack_version: r
                    .inspection
                    .meta_str("rule_pack_version")
                    .unwrap_or_default()
                    .into(),
                inspection_id: id,
                shipment_id: r.shipment.id.clone(),
                shipment: r.shipment.data,
                measurements: r.measurements.into_iter().map(|m| m.data).collect(),
                screening,
            });
        }
        Ok(out)
    }
}
