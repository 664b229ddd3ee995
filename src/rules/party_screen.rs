//! Screening the parties of a shipment (consignee, end user, intermediaries) against the
//! pack's party lists as of the shipment date. A strong match gives the list's effect
//! (`prohibited`, or `licence_required` for the watch list), a weak one `needs_review`
//! naming the candidate and its score; a name that holds a listed name whole and says
//! more (a branch, subsidiary or unit of a listed group) `needs_review` too, however low
//! its score; a listing not in force on the date is a note. Pure.

use chrono::NaiveDate;

use super::facts::Facts;
use super::hits::{HitKind, Verdict};
use super::judged::{Out, number_of};
use super::names::normalize_name;
use super::pack::{Announcement, RulePack};
use super::party::{Party, PartyList};
use super::party_index::{PartyIndex, PartyMatch};
use super::standing::{Standing, announcement_standing};
use crate::domain::Msg;

/// Weak candidates reported per screened name (the best first).
const WEAK_CANDIDATES: usize = 3;

/// The names of a shipment's parties, with the message id of their role.
fn parties_of(facts: &Facts) -> Vec<(&'static str, &'static str, &str)> {
    let mut out = vec![
        (
            "party-role-consignee",
            "Consignee",
            facts.consignee.as_str(),
        ),
        ("party-role-end-user", "End user", facts.end_user.as_str()),
    ];
    for i in &facts.intermediaries {
        out.push(("party-role-intermediary", "Intermediary", i.as_str()));
    }
    out.retain(|(_, _, n)| !n.trim().is_empty());
    out
}

pub(super) fn screen_parties(
    pack: &RulePack,
    index: &PartyIndex,
    facts: &Facts,
    date: NaiveDate,
    out: &mut Out,
) {
    if index.is_empty() {
        return;
    }
    let t = pack.party_screening;
    let mut seen: Vec<(usize, String)> = Vec::new();
    for (role_id, role, name) in parties_of(facts) {
        let found = index.matches(name, t.match_weak);
        let strong = found.iter().any(|m| m.score >= t.match_strong);
        // a unit of a listed group below the weak score: never cleared silently
        let group: Vec<PartyMatch> = match strong {
            true => Vec::new(),
            false => index
                .contained(name)
                .into_iter()
                .filter(|g| !found.iter().any(|m| m.party == g.party))
                .take(WEAK_CANDIDATES)
                .collect(),
        };
        let chosen = found
            .into_iter()
            .filter(|m| !strong || m.score >= t.match_strong)
            .take(if strong { usize::MAX } else { WEAK_CANDIDATES })
            .map(|m| (m, false))
            .chain(group.into_iter().map(|m| (m, true)));
        let key = normalize_name(name);
        for (m, in_group) in chosen {
            if seen.contains(&(m.party, key.clone())) {
                continue;
            }
            seen.push((m.party, key.clone()));
            let party = &pack.parties[m.party];
            let (Some(list), Some(ann)) = (
                pack.party_lists.iter().find(|l| l.id == party.list),
                pack.announcements
                    .iter()
                    .find(|a| a.id == party.announcement),
            ) else {
                continue;
            };
            let said = Said {
                party,
                list,
                ann,
                m: &m,
                role: (role_id, role),
                name: name.trim(),
                strong: m.score >= t.match_strong && !in_group,
                group: in_group,
            };
            said.judge(pack, t.match_strong, date, out);
        }
    }
}

/// One match, worded.
struct Said<'a> {
    party: &'a Party,
    list: &'a PartyList,
    ann: &'a Announcement,
    m: &'a PartyMatch,
    /// (message id, English word) of the role.
    role: (&'static str, &'static str),
    name: &'a str,
    strong: bool,
    /// The name holds the listed name whole and says more (a unit of a listed group).
    group: bool,
}

impl Said<'_> {
    fn listed(&self) -> (String, String) {
        let (en, zh) = (self.party.name_en.trim(), self.party.name_zh.trim());
        match (en.is_empty(), zh.is_empty()) {
            (false, false) => (format!("{en} ({zh})"), format!("{zh}（{en}）")),
            (false, true) => (en.to_string(), en.to_string()),
            _ => (zh.to_string(), zh.to_string()),
        }
    }

    fn score(&self) -> String {
        format!("{:.2}", self.m.score)
    }

    /// The arguments every party message has.
    fn msg(&self, id: &str) -> Msg {
        let (listed, listed_zh) = self.listed();
        let ann_zh = match self.ann.title_zh.trim() {
            "" => self.ann.number.as_str(),
            t => t,
        };
        Msg::new(id)
            .arg("role", Msg::new(self.role.0))
            .arg("name", self.name)
            .arg("listed", listed)
            .arg("listed_zh", listed_zh)
            .arg("matched", &self.m.listed_name)
            .arg("list", &self.list.name_en)
            .arg("list_zh", &self.list.name_zh)
            .arg("ann", &self.ann.number)
            .arg("ann_zh", ann_zh)
            .arg("listed_on", self.party.listed.to_string())
            .arg("score", self.score())
    }

    /// "Consignee "X" matches|resembles L on the LIST (ANN", in English.
    fn head(&self) -> String {
        let rel = match (self.strong, self.group) {
            (true, _) => "matches".to_string(),
            (false, true) => "holds the name of".to_string(),
            (false, false) => format!("resembles (score {})", self.score()),
        };
        format!(
            "{} \"{}\" {rel} {} on the {} ({}",
            self.role.1,
            self.name,
            self.listed().0,
            self.list.name_en,
            self.ann.number
        )
    }

    fn rel(&self) -> Msg {
        match (self.strong, self.group) {
            (true, _) => Msg::new("party-rel-strong"),
            (false, true) => Msg::new("party-rel-group"),
            (false, false) => Msg::new("party-rel-weak").arg("score", self.score()),
        }
    }

    fn judge(&self, pack: &RulePack, strong_from: f64, date: NaiveDate, out: &mut Out) {
        let p = self.party;
        match standing(pack, p, date) {
            (Standing::InForce, lapsed) => {
                if let Some((end, by)) = lapsed {
                    self.stale(end, &by, out);
                }
                self.hit(strong_from, out);
            }
            (Standing::Suspended { by, until }, _) => {
                let text = format!(
                    "{}), but on {date} the listing is suspended by {by} until {until}. A suspension is not a delisting: confirm the party's status with MOFCOM before release.",
                    self.head()
                );
                let msg = self
                    .msg("party-note-suspended")
                    .arg("rel", self.rel())
                    .arg("date", date.to_string())
                    .arg("by", by)
                    .arg("until", until.to_string());
                out.note(text, Some(msg));
            }
            (Standing::Ended { last_day }, _) => {
                let text = format!("{}); its measures ceased after {last_day}.", self.head());
                let msg = self
                    .msg("party-note-ended")
                    .arg("rel", self.rel())
                    .arg("last_day", last_day.to_string());
                out.note(text, Some(msg));
            }
            (_, _) => {
                let from = p.effective_from();
                let text = format!(
                    "{}), listed from {from}; on {date} the listing did not yet apply.",
                    self.head()
                );
                let msg = self
                    .msg("party-note-not-yet")
                    .arg("rel", self.rel())
                    .arg("from", from.to_string())
                    .arg("date", date.to_string());
                out.note(text, Some(msg));
            }
        }
    }

    fn hit(&self, strong_from: f64, out: &mut Out) {
        let p = self.party;
        let unconf = match p.unconfirmed.is_empty() {
            true => String::new(),
            false => format!(" UNCONFIRMED: {}.", p.unconfirmed.join("; ")),
        };
        let unconf_said: crate::domain::MsgArg = match p.unconfirmed.is_empty() {
            true => String::new().into(),
            false => Msg::new("unconfirmed-note")
                .arg("what", p.unconfirmed.join("; "))
                .into(),
        };
        let (effect, text, msg) = if self.strong {
            let effect = Verdict::from(p.effect.unwrap_or(self.list.effect));
            let text = format!(
                "{}, listed {}; score {}). {}{unconf}",
                self.head(),
                p.listed,
                self.score(),
                self.list.prohibits
            );
            let msg = self
                .msg("party-hit-strong")
                .arg("prohibits", &self.list.prohibits)
                .arg("prohibits_zh", &self.list.prohibits_zh)
                .arg("unconf", unconf_said);
            (effect, text, msg)
        } else if self.group {
            let text = format!(
                "{} \"{}\" holds the listed name \"{}\" of {} on the {} ({}) and says more: it may be a branch, subsidiary or unit of the listed party (score {}). Confirm who the party is before release.{unconf}",
                self.role.1,
                self.name,
                self.m.listed_name,
                self.listed().0,
                self.list.name_en,
                self.ann.number,
                self.score()
            );
            let msg = self.msg("party-hit-group").arg("unconf", unconf_said);
            (Verdict::NeedsReview, text, msg)
        } else {
            let text = format!(
                "{} \"{}\" resembles {} on the {} ({}): score {} for the listed name \"{}\", below the strong match of {strong_from:.2}. Confirm who the party is before release.{unconf}",
                self.role.1,
                self.name,
                self.listed().0,
                self.list.name_en,
                self.ann.number,
                self.score(),
                self.m.listed_name
            );
            let msg = self
                .msg("party-hit-weak")
                .arg("strong", format!("{strong_from:.2}"))
                .arg("unconf", unconf_said);
            (Verdict::NeedsReview, text, msg)
        };
        out.hit(HitKind::Party, &p.id, &self.ann.number, None, effect, text);
        out.said(msg);
    }

    fn stale(&self, end: NaiveDate, by: &str, out: &mut Out) {
        let text = format!(
            "{} was suspended until {end} (by {by}); this pack does not know whether the suspension was extended. Confirm the current status of the listing of {} before release.",
            self.ann.number,
            self.listed().0
        );
        let rule_id = format!("suspension:{}", self.ann.id);
        if out
            .hits
            .iter()
            .any(|h| h.kind == HitKind::Stale && h.rule_id == rule_id)
        {
            return;
        }
        out.stale(rule_id, &self.ann.number, text);
        out.said(
            Msg::new("stale-party-suspension")
                .arg("ann", &self.ann.number)
                .arg("end", end.to_string())
                .arg("by", by)
                .arg("listed", self.listed().0)
                .arg("listed_zh", self.listed().1),
        );
    }
}

/// Where the listing of `p` stands on `date`: its own dates first, then the windows of
/// its announcement.
pub fn party_standing(pack: &RulePack, p: &Party, date: NaiveDate) -> Standing {
    standing(pack, p, date).0
}

/// [`party_standing`] and the latest suspension already ended (end, by), when in force.
fn standing(
    pack: &RulePack,
    p: &Party,
    date: NaiveDate,
) -> (Standing, Option<(NaiveDate, String)>) {
    if date < p.effective_from() {
        return (
            Standing::NotYet {
                from: p.effective_from(),
            },
            None,
        );
    }
    if let Some(last_day) = p.valid_to
        && date > last_day
    {
        return (Standing::Ended { last_day }, None);
    }
    let (st, lapsed) = announcement_standing(pack, &p.announcement, date);
    match st {
        Standing::Suspended { .. } | Standing::Ended { .. } => (st, None),
        _ => (
            Standing::InForce,
            lapsed.map(|s| (s.end, number_of(pack, &s.by))),
        ),
    }
}
