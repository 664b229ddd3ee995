//! A headquarters' review desk over a generated log (benchmarks).

use minspect::store::parts::{Context, add_to_desk};
use minspect::store::{Result, Store};

/// Adds the review-desk row of every finalized inspection without one, through the
/// bundle import's own desk writer (no pack: the declared verdict is the recorded
/// one), received at its finalizing time; so a generated training log becomes a
/// training-world headquarters' desk for the statistics benchmarks. Returns the
/// number of rows added.
pub(crate) fn fill_review_desk(store: &mut Store) -> Result<usize> {
    store.parts_write("filling the review desk", |tx| {
        let rows: Vec<(String, String)> = tx
            .prepare(
                "SELECT i.id, coalesce(i.finalized_at, i.created_at) FROM inspections i
                 WHERE i.state = 'finalized'
                   AND NOT EXISTS (SELECT 1 FROM review_desk d WHERE d.inspection_id = i.id)",
            )
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .doing(|| "listing the finalized inspections".into())?;
        for (id, at) in &rows {
            add_to_desk(tx, id, at, None)?;
        }
        Ok(rows.len())
    })
}
