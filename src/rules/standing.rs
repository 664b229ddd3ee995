//! Where an announcement or a clause stands on a date: effective dates, suspension
//! windows, supersession. Pure.

use chrono::NaiveDate;
use serde::Serialize;

use super::pack::{Announcement, Clause, RulePack, Suspension};

/// The standing of an announcement or clause on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Standing {
    InForce,
    /// Applies from `from` (the date is earlier).
    NotYet {
        from: NaiveDate,
    },
    /// Never applies on its own (no effective date).
    Never,
    /// Suspended by announcement `by` (written like `2025 No. 70`) until `until` (inclusive).
    Suspended {
        by: String,
        until: NaiveDate,
    },
    /// Superseded or expired: last day in force was `last_day`.
    Ended {
        last_day: NaiveDate,
    },
}

impl Standing {
    pub fn is_in_force(&self) -> bool {
        matches!(self, Standing::InForce)
    }

    /// The standing as a message id with its arguments (`standing-suspended`, by, until).
    pub fn msg(&self) -> crate::domain::Msg {
        use crate::domain::Msg;
        match self {
            Standing::InForce => Msg::new("standing-in_force"),
            Standing::NotYet { from } => Msg::new("standing-not_yet").arg("from", from.to_string()),
            Standing::Never => Msg::new("standing-never"),
            Standing::Suspended { by, until } => Msg::new("standing-suspended")
                .arg("by", by.as_str())
                .arg("until", until.to_string()),
            Standing::Ended { last_day } => {
                Msg::new("standing-ended").arg("last_day", last_day.to_string())
            }
        }
    }

    /// Words for the officer, e.g. `suspended by 2025 No. 70 until 2026-11-10` (the
    /// English frozen into a stored screening; [`Standing::msg`] for every language).
    pub fn describe(&self) -> String {
        match self {
            Standing::InForce => "in force".into(),
            Standing::NotYet { from } => format!("not yet in force (applies from {from})"),
            Standing::Never => "never took effect".into(),
            Standing::Suspended { by, until } => format!("suspended by {by} until {until}"),
            Standing::Ended { last_day } => format!("no longer in force (last day {last_day})"),
        }
    }
}

fn number_of(pack: &RulePack, id: &str) -> String {
    pack.announcements
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.number.clone())
        .unwrap_or_else(|| id.to_string())
}

fn suspended_on(
    pack: &RulePack,
    applies: impl Fn(&Suspension) -> bool,
    date: NaiveDate,
) -> (Option<&Suspension>, Option<&Suspension>) {
    let mut active = None;
    let mut lapsed: Option<&Suspension> = None;
    for s in pack.suspensions.iter().filter(|s| applies(s)) {
        if s.start <= date && date <= s.end {
            active = Some(s);
        } else if s.end < date && lapsed.is_none_or(|l| l.end < s.end) {
            lapsed = Some(s);
        }
    }
    (active, lapsed)
}

fn base_standing(a: &Announcement, date: NaiveDate) -> Standing {
    match a.effective {
        None => Standing::Never,
        Some(from) if date < from => Standing::NotYet { from },
        Some(_) => match a.valid_to {
            Some(last_day) if date > last_day => Standing::Ended { last_day },
            _ => Standing::InForce,
        },
    }
}

/// The standing of announcement `id` on `date`, and the latest suspension of the whole
/// announcement that has already ended by then (the answer may be stale).
pub fn announcement_standing<'p>(
    pack: &'p RulePack,
    id: &str,
    date: NaiveDate,
) -> (Standing, Option<&'p Suspension>) {
    let Some(a) = pack.announcements.iter().find(|a| a.id == id) else {
        return (Standing::Never, None);
    };
    let (active, lapsed) = suspended_on(pack, |s| s.target == id && s.clause.is_none(), date);
    let base = base_standing(a, date);
    match active {
        Some(s) if !matches!(base, Standing::Ended { .. } | Standing::Never) => (
            Standing::Suspended {
                by: number_of(pack, &s.by),
                until: s.end,
            },
            lapsed,
        ),
        _ => (base, lapsed),
    }
}

/// True when suspension `s` names this very clause (by id or clause number) of the
/// clause's announcement. A suspension of the whole announcement (no `clause`) is not
/// counted here: [`announcement_standing`] judges those.
pub fn suspends_clause(s: &Suspension, clause: &Clause) -> bool {
    s.target == clause.announcement
        && s.clause
            .as_deref()
            .is_some_and(|c| c == clause.id || clause.clause_no.as_deref() == Some(c))
}

/// The standing of a clause on `date` (its own window, its announcement, and suspensions
/// of the announcement or of this clause), and the latest already-ended suspension.
pub fn clause_standing<'p>(
    pack: &'p RulePack,
    clause: &Clause,
    date: NaiveDate,
) -> (Standing, Option<&'p Suspension>) {
    let (ann, ann_lapsed) = announcement_standing(pack, &clause.announcement, date);
    let own = |s: &Suspension| suspends_clause(s, clause);
    let (active, lapsed) = suspended_on(pack, own, date);
    let lapsed = match (lapsed, ann_lapsed) {
        (Some(a), Some(b)) => Some(if a.end >= b.end { a } else { b }),
        (a, b) => a.or(b),
    };
    if date < clause.valid_from {
        return (
            Standing::NotYet {
                from: clause.valid_from,
            },
            lapsed,
        );
    }
    if let Some(last_day) = clause.valid_to
        && date > last_day
    {
        return (Standing::Ended { last_day }, lapsed);
    }
    if !ann.is_in_force() {
        return (ann, lapsed);
    }
    match active {
        Some(s) => (
            Standing::Suspended {
                by: number_of(pack, &s.by),
                until: s.end,
            },
            lapsed,
        ),
        None => (Standing::InForce, lapsed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::EMBEDDED_PACK;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn windows() {
        let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
        let st = |id, date| announcement_standing(&pack, id, d(date)).0;
        assert_eq!(
            st("2023-23", "2023-07-31"),
            Standing::NotYet {
                from: d("2023-08-01")
            }
        );
        assert!(st("2023-23", "2023-08-01").is_in_force());
        assert_eq!(
            st("2025-57", "2025-11-01"),
            Standing::NotYet {
                from: d("2025-11-08")
            }
        );
        assert!(
            matches!(st("2025-57", "2026-11-10"), Standing::Suspended { ref by, .. } if by == "2025 No. 70")
        );
        assert!(st("2025-57", "2026-11-11").is_in_force());
        assert!(
            announcement_standing(&pack, "2025-57", d("2026-11-11"))
                .1
                .is_some()
        );
        assert!(st("2025-62", "2025-10-20").is_in_force());
        assert_eq!(
            st("2006-50", "2023-12-01"),
            Standing::Ended {
                last_day: d("2023-11-30")
            }
        );
        let us2 = pack.clauses.iter().find(|c| c.id == "D-US-2").unwrap();
        let cs = |date| clause_standing(&pack, us2, d(date));
        assert_eq!(
            cs("2024-12-02").0,
            Standing::NotYet {
                from: d("2024-12-03")
            }
        );
        assert!(cs("2025-06-01").0.is_in_force() && cs("2025-06-01").1.is_none());
        assert!(matches!(cs("2026-11-27").0, Standing::Suspended { .. }));
        assert!(cs("2026-11-28").0.is_in_force() && cs("2026-11-28").1.is_some());
        let mil = pack.clauses.iter().find(|c| c.id == "D-US-MIL").unwrap();
        assert!(clause_standing(&pack, mil, d("2026-01-15")).0.is_in_force());
    }
}
