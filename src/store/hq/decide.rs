//! A supervisor's decision on a received inspection, with the desk's rules checked in the
//! same `BEGIN IMMEDIATE` transaction as the write (so two sessions cannot both decide):
//! one decision per inspection unless the supervisor changes it explicitly; nobody
//! decides on an inspection recorded under their own badge; a return needs a comment.

use rusqlite::{OptionalExtension, Transaction, params};

use super::reviews::{REVIEW_COLS, Review};
use crate::domain::{Msg, new_id};
use crate::store::{Context, Decision, Hq, Result, Store, StoreError};

/// A first decision, or an explicit change of the one standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionMode {
    First,
    Change,
}

/// The inspection as the rules need it.
struct Target {
    device_id: String,
    officer_id: String,
    badge: String,
}

/// The badge as headquarters stores a field officer's (a clash gets ` (id)` appended).
fn same_badge(stored: &str, mine: &str) -> bool {
    stored == mine
        || stored
            .strip_prefix(mine)
            .is_some_and(|rest| rest.starts_with(" ("))
}

fn target(tx: &Transaction<'_>, id: &str) -> Result<Target> {
    tx.query_row(
        "SELECT i.device_id, i.officer_id, coalesce(o.badge, '') FROM inspections i
         LEFT JOIN officers o ON o.id = i.officer_id WHERE i.id = ?1 AND i.state = 'finalized'",
        [id],
        |r| {
            Ok(Target {
                device_id: r.get(0)?,
                officer_id: r.get(1)?,
                badge: r.get(2)?,
            })
        },
    )
    .optional()
    .doing(|| format!("looking up inspection {id}"))?
    .ok_or_else(|| StoreError::Said(Msg::new("sp-no-received").arg("id", id)))
}

/// The standing decision: (decision, reviewer's name, time, review id).
fn standing(tx: &Transaction<'_>, id: &str) -> Result<Option<(String, String, String, String)>> {
    tx.query_row(
        "SELECT r.decision, coalesce((SELECT name FROM officers o WHERE o.id = r.reviewer), r.reviewer),
                r.decided_at, r.id
         FROM reviews r WHERE r.inspection_id = ?1 ORDER BY r.decided_at DESC, r.id DESC LIMIT 1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
    .optional()
    .doing(|| format!("reading the decisions on {id}"))
}

impl Hq<&mut Store> {
    /// Headquarters: the acting supervisor approves or returns a received inspection
    /// that has no decision yet. See [`Hq::decide`].
    pub fn record_review(
        &mut self,
        inspection_id: &str,
        decision: Decision,
        comment: &str,
    ) -> Result<Review> {
        self.decide(inspection_id, decision, comment, DecisionMode::First)
    }

    /// Headquarters: the acting supervisor (mapped to this process's OS login) decides on
    /// a received inspection. Refused, writing nothing: a return without a comment; an
    /// inspection recorded under the supervisor's own badge; a second decision
    /// ("already approved by NAME at TIME") unless `mode` is `Change`; a change when
    /// there is nothing to change. Writes the review and its audit row.
    pub fn decide(
        &mut self,
        inspection_id: &str,
        decision: Decision,
        comment: &str,
        mode: DecisionMode,
    ) -> Result<Review> {
        let clock = self.0.clock;
        let me = self.acting_supervisor()?;
        let comment = comment.trim().to_string();
        if decision == Decision::Returned && comment.is_empty() {
            return Err(StoreError::Said(Msg::new("sp-return-needs-comment")));
        }
        self.0.write("recording a review decision", |tx| {
            let t = target(tx, inspection_id)?;
            if t.officer_id == me.id || same_badge(&t.badge, &me.badge) {
                return Err(StoreError::Said(
                    Msg::new("sp-own-badge")
                        .arg("id", inspection_id)
                        .arg("badge", &me.badge),
                ));
            }
            let before = standing(tx, inspection_id)?;
            match (&before, mode) {
                (Some((d, name, at, _)), DecisionMode::First) => {
                    let at = chrono::DateTime::parse_from_rfc3339(at)
                        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                        .unwrap_or_else(|_| at.clone());
                    return Err(StoreError::Said(
                        Msg::new("sp-already-decided")
                            .arg("decision", Msg::new(&format!("review-decision-{d}")))
                            .arg("name", name)
                            .arg("at", at),
                    ));
                }
                (None, DecisionMode::Change) => {
                    return Err(StoreError::Said(
                        Msg::new("sp-nothing-to-change").arg("id", inspection_id),
                    ));
                }
                _ => {}
            }
            let review = Review {
                id: new_id(),
                inspection_id: inspection_id.to_string(),
                device_id: t.device_id,
                decision,
                comment,
                reviewer: me.id.clone(),
                decided_at: clock.now_rfc3339(),
                receipt_id: None,
            };
            write_review(tx, &review, before.map(|b| b.3))?;
            Ok(review)
        })
    }
}

pub fn write_review(tx: &Transaction<'_>, r: &Review, changes: Option<String>) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO reviews ({REVIEW_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)"),
        params![
            r.id,
            r.inspection_id,
            r.device_id,
            r.decision,
            r.comment,
            r.reviewer,
            r.decided_at
        ],
    )
    .doing(|| "saving the review".into())?;
    let mut new = serde_json::json!({
        "review_id": r.id, "decision": r.decision.as_str(), "comment": r.comment
    });
    if let Some(c) = changes {
        new["changes"] = c.into();
    }
    tx.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_id, old, new)
         VALUES (?1, ?2, 'review', 'inspection', ?3, NULL, ?4)",
        params![
            r.decided_at,
            r.reviewer,
            r.inspection_id,
            crate::store::hq::os_login::with_os_account(new)
        ],
    )
    .doing(|| "writing the audit row".into())?;
    Ok(())
}
