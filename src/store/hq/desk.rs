//! Headquarters' review desk: what it refuses (field work), the rows it adds for each
//! received inspection (`review_desk`), and each supervisor's last visit of the queue.

use std::ops::Deref;

use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::{Shipment, Stored};
use crate::rules::{PackIndex, RulePack, facts_for};
use crate::store::rows::{row_by_id, stored};
use crate::store::{Context, Hq, Result, Store};

/// The desk row of a received inspection: its facts from the rows just inserted, the
/// time received, its state (`resubmitted` when it amends a returned inspection) and its
/// totals for the statistics (seizures, seized kg and CNY value, findings; the same sums
/// as migration 9 back-fills), the exporter's name and the finalized time (migration 10).
const DESK_INSERT: &str = "INSERT INTO review_desk (inspection_id, shipment_id, device_id, officer_id,
    officer_badge, locode, family, declared_verdict, found_verdict, outcome, seized, declared_on,
    received_at, amends, state, seizure_count, seized_kg, seized_value_cny_minor, finding_count,
    exporter_name, finalized_at)
SELECT i.id, i.shipment_id, i.device_id, i.officer_id,
    coalesce((SELECT badge FROM officers o WHERE o.id = i.officer_id), ''), i.locode, s.family,
    CASE WHEN ?3 = '' THEN i.verdict ELSE ?3 END, i.verdict, coalesce(i.outcome, ''),
    (coalesce(i.outcome, '') = 'seized' OR EXISTS (SELECT 1 FROM seizures z WHERE z.inspection_id = i.id)),
    s.declared_on, ?2, i.amends,
    CASE WHEN (SELECT d.state FROM review_desk d WHERE d.inspection_id = i.amends) = 'returned'
         THEN 'resubmitted' ELSE 'pending' END,
    (SELECT count(*) FROM seizures z WHERE z.inspection_id = i.id),
    (SELECT coalesce(sum(CASE z.unit WHEN 'kg' THEN CAST(z.quantity AS REAL)
        WHEN 'g' THEN CAST(z.quantity AS REAL) / 1000.0 WHEN 't' THEN CAST(z.quantity AS REAL) * 1000.0
        ELSE 0.0 END), 0.0) FROM seizures z WHERE z.inspection_id = i.id),
    (SELECT coalesce(sum(CASE z.currency WHEN 'CNY' THEN coalesce(z.est_value_minor, 0) ELSE 0 END), 0)
        FROM seizures z WHERE z.inspection_id = i.id),
    (SELECT count(*) FROM findings f WHERE f.inspection_id = i.id),
    s.exporter_name, i.finalized_at
FROM inspections i JOIN shipments s ON s.id = i.shipment_id
WHERE i.id = ?1 AND i.state = 'finalized'
ON CONFLICT DO NOTHING";

/// [`DESK_INSERT`] for every finalized inspection not on the desk yet, received when it
/// was finalized, its verdict on the declaration the recorded one (a generated log).
fn desk_fill_sql() -> String {
    DESK_INSERT
        .replace("?2", "coalesce(i.finalized_at, i.created_at)")
        .replace("?3", "''")
        .replace(
            "WHERE i.id = ?1 AND i.state = 'finalized'",
            "WHERE i.state = 'finalized'
               AND NOT EXISTS (SELECT 1 FROM review_desk x WHERE x.inspection_id = i.id)",
        )
}

/// Adds the desk row of inspection `id`, received at `received_at`. The verdict on the
/// declaration is the declared facts screened without the measurements (with `pack`,
/// headquarters' active pack); without a pack it is the recorded verdict.
pub(crate) fn add_to_desk(
    conn: &Connection,
    id: &str,
    received_at: &str,
    index: Option<&PackIndex>,
) -> Result<()> {
    let declared = match index {
        Some(ix) => {
            // only the declaration is screened: read the shipment, not the whole record
            let shipment_id: String = conn
                .prepare_cached("SELECT shipment_id FROM inspections WHERE id = ?1")
                .and_then(|mut s| s.query_row([id], |r| r.get(0)))
                .doing(|| format!("reading the shipment of inspection {id}"))?;
            let sh: Stored<Shipment> =
                stored(row_by_id(conn, "shipments", &shipment_id, "shipment")?)?;
            ix.screen(&facts_for(&sh.data, &[]))
                .verdict
                .as_str()
                .to_string()
        }
        None => String::new(),
    };
    conn.prepare_cached(DESK_INSERT)
        .and_then(|mut s| s.execute(params![id, received_at, declared]))
        .doing(|| format!("adding inspection {id} to the review desk"))?;
    Ok(())
}

impl<S: Deref<Target = Store>> Hq<S> {
    /// When the acting supervisor last left the Review tab (None: never).
    pub fn last_visit(&self, officer_id: &str) -> Result<Option<String>> {
        self.0
            .conn()
            .query_row(
                "SELECT left_at FROM supervisor_visits WHERE officer_id = ?1",
                [officer_id],
                |r| r.get(0),
            )
            .optional()
            .doing(|| "reading the last visit".into())
    }

    /// Refuses field work at headquarters (for callers outside the store's writes).
    pub fn refuse_field_work(&self, what: &str) -> Result<()> {
        crate::store::audit::refuse_field_work(self.0.conn(), what)
    }
}

impl Hq<&mut Store> {
    /// A generated training headquarters (`fixture::generate_headquarters`): every
    /// finalized inspection of its log on the desk, in one statement. How many were added.
    pub fn fill_desk_from_log(&mut self) -> Result<usize> {
        let sql = desk_fill_sql();
        self.0.write("filling the review desk", |tx| {
            tx.execute(&sql, [])
                .doing(|| "filling the review desk".into())
        })
    }

    /// Stores now as the time `officer_id` left the Review tab.
    pub fn save_visit(&mut self, officer_id: &str) -> Result<()> {
        let now = self.0.clock.now_rfc3339();
        self.0.write("saving the visit of the review queue", |tx| {
            tx.execute(
                "INSERT INTO supervisor_visits (officer_id, left_at) VALUES (?1, ?2)
                 ON CONFLICT (officer_id) DO UPDATE SET left_at = excluded.left_at",
                params![officer_id, now],
            )
            .doing(|| "saving the visit of the review queue".into())?;
            Ok(())
        })
    }
}

/// Headquarters' active rule pack, read inside the import's transaction (None when none
/// is installed; refused when it was altered, see [`crate::store::rules::active_pack_in`]).
pub(crate) fn active_pack_in(conn: &Connection) -> Result<Option<RulePack>> {
    crate::store::rules::active_pack_in(conn)
}
