//! The declaration number each queued record is about (the Sync tab's queue): an
//! inspection's shipment, a custody transfer's seized shipment. One indexed lookup per
//! record (the queue shows at most a screenful).

use std::collections::HashMap;
use std::ops::Deref;

use crate::store::{Context, Query, Result, Store};

impl<S: Deref<Target = Store>> Query<S> {
    /// record id -> declaration number, for the `(kind, record_id)` pairs of the outbox
    /// (`inspection` or `custody_event`); a record not found is left out.
    pub fn declaration_numbers(&self, records: &[(&str, &str)]) -> Result<HashMap<String, String>> {
        let conn = self.0.conn();
        let mut by_inspection = conn
            .prepare_cached(
                "SELECT s.declaration_no FROM inspections i JOIN shipments s ON s.id = i.shipment_id
                 WHERE i.id = ?1",
            )
            .doing(|| "reading the queued records' declarations".into())?;
        let mut out = HashMap::new();
        for (kind, id) in records {
            let inspection: Option<String> = match *kind {
                "custody_event" => conn
                    .prepare_cached(
                        "SELECT z.inspection_id FROM custody_events c JOIN seizures z ON z.id = c.seizure_id
                         WHERE c.id = ?1",
                    )
                    .and_then(|mut s| {
                        s.query_row([id], |r| r.get(0))
                            .map(Some)
                            .or_else(none_when_missing)
                    })
                    .doing(|| "reading the queued records' declarations".into())?,
                _ => Some(id.to_string()),
            };
            let Some(inspection) = inspection else {
                continue;
            };
            let no: Option<String> = by_inspection
                .query_row([&inspection], |r| r.get(0))
                .map(Some)
                .or_else(none_when_missing)
                .doing(|| "reading the queued records' declarations".into())?;
            if let Some(no) = no {
                out.insert(id.to_string(), no);
            }
        }
        Ok(out)
    }
}

fn none_when_missing<T>(e: rusqlite::Error) -> rusqlite::Result<Option<T>> {
    match e {
        rusqlite::Error::QueryReturnedNoRows => Ok(None),
        e => Err(e),
    }
}
