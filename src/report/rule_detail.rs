//! The rule detail: everything about one item of the rule pack as of a date (its
//! announcement and standing, suspensions, criteria, reference HS codes, the destination
//! and end-use clauses that cover its family, sources), computed once. `minspect rules
//! show` prints it (text or JSON); the console's Rules tab shows the same facts.
//! Values are the pack's own (not sanitized): renderers sanitize what they print.

use chrono::NaiveDate;

use crate::rules::pack::{Announcement, Clause, Item, RulePack, Suspension};
use crate::rules::{Standing, announcement_standing, clause_standing, suspends_clause};

/// An announcement by id or by its number (`2025 No. 72`, any case).
pub fn find_announcement<'p>(pack: &'p RulePack, id: &str) -> Option<&'p Announcement> {
    pack.announcements
        .iter()
        .find(|a| a.id == id || a.number.eq_ignore_ascii_case(id))
}

/// One suspension, with the suspending announcement cited by its number.
#[derive(Debug, Clone, PartialEq)]
pub struct SuspensionLine<'p> {
    pub suspension: &'p Suspension,
    /// the suspending announcement's number, else its id as written in the pack
    pub by: String,
}

impl<'p> SuspensionLine<'p> {
    pub fn of(pack: &'p RulePack, x: &'p Suspension) -> SuspensionLine<'p> {
        let by = find_announcement(pack, &x.by)
            .map(|a| a.number.clone())
            .unwrap_or_else(|| x.by.clone());
        SuspensionLine { suspension: x, by }
    }

    /// `clause 2 suspended 2025-11-09 to 2026-11-10 by 2025 No. 70`, in `lang`.
    pub fn text_in(&self, lang: crate::domain::Lang) -> String {
        let x = self.suspension;
        let (start, end) = (x.start.to_string(), x.end.to_string());
        match x.clause.as_deref() {
            Some(c) => crate::t!(
                lang,
                "rule-suspension-clause",
                clause = c,
                start = start,
                end = end,
                by = self.by.as_str()
            ),
            None => crate::t!(
                lang,
                "rule-suspension",
                start = start,
                end = end,
                by = self.by.as_str()
            ),
        }
    }

    /// The English line (JSON output keeps English).
    pub fn text(&self) -> String {
        self.text_in(crate::domain::Lang::En)
    }
}

/// Every suspension of announcement `ann` (whole or any of its clauses).
pub fn announcement_suspensions<'p>(pack: &'p RulePack, ann: &str) -> Vec<SuspensionLine<'p>> {
    pack.suspensions
        .iter()
        .filter(|x| x.target == ann)
        .map(|x| SuspensionLine::of(pack, x))
        .collect()
}

/// The suspensions that touch clause `c`: of its whole announcement, or of this clause
/// (matched as the rules engine matches them), never of a sibling clause.
pub fn clause_suspensions<'p>(pack: &'p RulePack, c: &Clause) -> Vec<SuspensionLine<'p>> {
    pack.suspensions
        .iter()
        .filter(|x| (x.target == c.announcement && x.clause.is_none()) || suspends_clause(x, c))
        .map(|x| SuspensionLine::of(pack, x))
        .collect()
}

/// One destination or end-use clause as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseDetail<'p> {
    pub clause: &'p Clause,
    /// the clause's announcement, when the pack has it
    pub announcement: Option<&'p Announcement>,
    pub standing: Standing,
    /// see [`clause_suspensions`]
    pub suspensions: Vec<SuspensionLine<'p>>,
}

impl<'p> ClauseDetail<'p> {
    pub fn build(pack: &'p RulePack, clause: &'p Clause, as_of: NaiveDate) -> ClauseDetail<'p> {
        ClauseDetail {
            clause,
            announcement: find_announcement(pack, &clause.announcement),
            standing: clause_standing(pack, clause, as_of).0,
            suspensions: clause_suspensions(pack, clause),
        }
    }

    /// The clause's announcement cited by its number, else by its id.
    pub fn announcement_number(&self) -> &'p str {
        self.announcement
            .map(|a| a.number.as_str())
            .unwrap_or(self.clause.announcement.as_str())
    }
}

/// One item as of a date.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleDetail<'p> {
    pub item: &'p Item,
    pub announcement: Option<&'p Announcement>,
    pub as_of: NaiveDate,
    /// the standing of the item's announcement on `as_of`
    pub standing: Standing,
    /// every suspension of the item's announcement
    pub suspensions: Vec<SuspensionLine<'p>>,
    /// the clauses that cover the item's family (or every dual-use item)
    pub clauses: Vec<ClauseDetail<'p>>,
    /// the item's UNCONFIRMED notes, then its announcement's
    pub unconfirmed: Vec<&'p str>,
}

impl<'p> RuleDetail<'p> {
    /// The item `item_id`; None when the pack has no such item.
    pub fn build(pack: &'p RulePack, item_id: &str, as_of: NaiveDate) -> Option<RuleDetail<'p>> {
        pack.items
            .iter()
            .find(|i| i.id == item_id)
            .map(|i| RuleDetail::of_item(pack, i, as_of))
    }

    pub fn of_item(pack: &'p RulePack, item: &'p Item, as_of: NaiveDate) -> RuleDetail<'p> {
        let announcement = find_announcement(pack, &item.announcement);
        let clauses = pack
            .clauses
            .iter()
            .filter(|c| c.families.is_empty() || c.families.contains(&item.family))
            .map(|c| ClauseDetail::build(pack, c, as_of))
            .collect();
        let unconfirmed = item
            .unconfirmed
            .iter()
            .chain(
                announcement
                    .map(|a| a.unconfirmed.as_slice())
                    .unwrap_or(&[]),
            )
            .map(String::as_str)
            .collect();
        RuleDetail {
            item,
            announcement,
            as_of,
            standing: announcement_standing(pack, &item.announcement, as_of).0,
            suspensions: announcement_suspensions(pack, &item.announcement),
            clauses,
            unconfirmed,
        }
    }
}

/// One announcement as of a date, with the items and clauses it carries.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnouncementDetail<'p> {
    pub announcement: &'p Announcement,
    pub standing: Standing,
    pub suspensions: Vec<SuspensionLine<'p>>,
    /// ids of the items it lists
    pub items: Vec<&'p str>,
    pub clauses: Vec<ClauseDetail<'p>>,
}

impl<'p> AnnouncementDetail<'p> {
    pub fn build(
        pack: &'p RulePack,
        a: &'p Announcement,
        as_of: NaiveDate,
    ) -> AnnouncementDetail<'p> {
        AnnouncementDetail {
            announcement: a,
            standing: announcement_standing(pack, &a.id, as_of).0,
            suspensions: announcement_suspensions(pack, &a.id),
            items: pack
                .items
                .iter()
                .filter(|i| i.announcement == a.id)
                .map(|i| i.id.as_str())
                .collect(),
            clauses: pack
                .clauses
                .iter()
                .filter(|c| c.announcement == a.id)
                .map(|c| ClauseDetail::build(pack, c, as_of))
                .collect(),
        }
    }
}
