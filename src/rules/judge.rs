//! Judging one matched item as of a date: whether its announcement counts on that date,
//! and the hit or note its criteria give. Pure.

use chrono::NaiveDate;

use super::criteria::{Outcome, evaluate};
use super::facts::Facts;
use super::hits::{HitKind, Verdict};
use super::judged::{Judged, Out, licence_note, number_of};
use super::matching::{HsHit, Input, ItemMatch};
use super::pack::{Announcement, Item, RulePack};
use super::said::{basis_msg, item_msg, licence_msg, unconfirmed_arg};
use super::standing::{Standing, announcement_standing};
use crate::domain::{Msg, MsgArg};

/// Judges one matched item as of `date`; None when it cannot count on that date.
pub(super) fn judge_item<'p>(
    pack: &'p RulePack,
    item: &'p Item,
    m: ItemMatch,
    shared_hs: &[usize],
    input: &Input<'_>,
    date: NaiveDate,
    out: &mut Out,
) -> Option<Judged<'p>> {
    let facts = input.facts;
    let ann = pack
        .announcements
        .iter()
        .find(|a| a.id == item.announcement)?;
    if !counts_on(pack, item, ann, date, out) {
        return None;
    }
    let basis = how_matched(item, &m, facts);
    let code_txt = item
        .control_code
        .as_deref()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    let hs_only = m.word.is_none() && m.generic.is_none() && m.element.is_none();
    let basis_said = basis_msg(item, &m, facts);
    if hs_only && (m.hs == HsHit::Partial || shared_hs.len() > 1) {
        out.hit(HitKind::Item, &item.id, &ann.number, item.control_code.clone(), Verdict::NeedsReview, format!(
            "{} ({}) may be controlled under {}{code_txt}: {basis}. Identify the goods (and declare the full 10-digit code).",
            item.name_en, item.name_zh, ann.number
        ));
        out.said(item_msg("hit-may-be-controlled", item, ann, &code_txt).arg("basis", basis_said));
        return Some(Judged {
            item,
            m,
            outcome: Outcome::Missing(Vec::new()),
        });
    }
    let outcome = evaluate(item, input);
    let said = Said {
        item,
        ann: &ann.number,
        code_txt: &code_txt,
        basis: &basis,
        msg: item_msg("", item, ann, &code_txt).arg("basis", basis_said),
    };
    if !said.outcome(&outcome, facts, out) {
        return None;
    }
    Some(Judged { item, m, outcome })
}

/// Whether the item's announcement is in force on `date` and the item is controlled;
/// notes (and a stale warning after a lapsed suspension) say why not.
fn counts_on(
    pack: &RulePack,
    item: &Item,
    ann: &Announcement,
    date: NaiveDate,
    out: &mut Out,
) -> bool {
    let (standing, lapsed) = announcement_standing(pack, &ann.id, date);
    if let Some(s) = lapsed.filter(|_| standing.is_in_force()) {
        out.stale(
            format!("suspension:{}", s.target),
            &ann.number,
            format!(
                "{} was suspended until {} (by {}); this pack does not know whether the suspension was extended. Confirm the current status before acting on {}.",
                ann.number, s.end, number_of(pack, &s.by), item.id
            ),
        );
    }
    if !standing.is_in_force() {
        out.note(
            format!(
                "{} ({}, {}): on {date} {}; not controlled by it on this date.",
                item.name_en,
                item.id,
                ann.number,
                standing.describe()
            ),
            None,
        );
        if let Standing::Suspended { until, .. } = standing {
            out.note(
                format!(
                    "{} may apply again after {until}: check before then.",
                    ann.number
                ),
                None,
            );
        }
        return false;
    }
    if !item.licence_required {
        out.note(
            format!(
                "{} ({}): not controlled. {}",
                item.name_en, item.id, item.notes
            ),
            None,
        );
        return false;
    }
    true
}

/// How an item's hit is worded: the item, its announcement, control code and basis, in
/// English and as the arguments of its message id.
struct Said<'a> {
    item: &'a Item,
    ann: &'a str,
    code_txt: &'a str,
    basis: &'a str,
    msg: Msg,
}

impl Said<'_> {
    fn hit(&self, effect: Verdict, message: String, out: &mut Out) {
        let i = self.item;
        out.hit(
            HitKind::Item,
            &i.id,
            self.ann,
            i.control_code.clone(),
            effect,
            message,
        );
    }

    /// The item's message `id` with the arguments every item hit has, and `more`.
    fn msg(&self, id: &str, more: &[(&str, MsgArg)]) -> Msg {
        let mut m = self.msg.clone();
        m.id = id.to_string();
        for (k, v) in more {
            m = m.arg(k, v.clone());
        }
        m
    }

    /// The hit (or note) for the criteria's outcome; false when the item does not count
    /// (below its thresholds).
    fn outcome(&self, outcome: &Outcome, facts: &Facts, out: &mut Out) -> bool {
        let Said {
            item,
            ann,
            code_txt,
            basis,
            ..
        } = self;
        let (ann, code_txt, basis) = (*ann, *code_txt, *basis);
        let licence_said: MsgArg = licence_msg(facts).into();
        let unconf_said = unconfirmed_arg(item);
        let licence = licence_note(facts);
        let unconf = if item.unconfirmed.is_empty() {
            String::new()
        } else {
            format!(" UNCONFIRMED: {}.", item.unconfirmed.join("; "))
        };
        match outcome {
            Outcome::Controlled(held) => {
                let (crit, crit_said) = criteria_held(held);
                self.hit(Verdict::LicenceRequired, format!(
                    "{} ({}) is controlled under {ann}{code_txt} ({crit}); {basis}. Export needs a dual-use items export licence (document code 3).{licence}{unconf}",
                    item.name_en, item.name_zh
                ), out);
                out.said(self.msg(
                    "hit-controlled",
                    &[
                        ("crit", crit_said.into()),
                        ("licence", licence_said),
                        ("unconf", unconf_said),
                    ],
                ));
            }
            Outcome::Missing(names) => {
                out.missing_too(names);
                self.hit(Verdict::NeedsReview, format!(
                    "{} ({}) is controlled under {ann}{code_txt} if {}; {basis}. Measure: {}.{unconf}",
                    item.name_en, item.name_zh, criteria_text(item), names.join(", ")
                ), out);
                out.said(self.msg(
                    "hit-missing",
                    &[
                        ("criteria", criteria_text(item).into()),
                        ("names", names.join(", ").into()),
                        ("unconf", unconf_said),
                    ],
                ));
            }
            Outcome::BelowUnconfirmed(failed) if failed.is_empty() => {
                self.hit(Verdict::NeedsReview, format!(
                    "{} ({}) is listed in {ann}{code_txt}, but its technical criteria are UNCONFIRMED; {basis}. Have the goods identified (customs query under GAC 2025 No. 123) before release.{licence}{unconf}",
                    item.name_en, item.name_zh
                ), out);
                out.said(self.msg(
                    "hit-listed-unconfirmed",
                    &[("licence", licence_said), ("unconf", unconf_said)],
                ));
            }
            Outcome::BelowUnconfirmed(failed) => {
                let (failed, failed_msg) = super::said::failed_said(failed);
                self.hit(Verdict::NeedsReview, format!(
                    "{} ({}) under {ann}{code_txt}: {}, below a threshold that is UNCONFIRMED; {basis}. Confirm the threshold with the official text or an expert identification.",
                    item.name_en, item.name_zh, failed
                ), out);
                out.said(self.msg("hit-below-unconfirmed", &[("failed", failed_msg)]));
            }
            Outcome::Below(failed) => {
                let (failed, failed_msg) = super::said::failed_said(failed);
                let said = self.msg("note-below", &[("failed", failed_msg)]);
                out.note(format!(
                    "{} ({}, {ann}{code_txt}): {}; below the thresholds, not controlled by this item.",
                    item.name_en,
                    item.id,
                    failed
                ), Some(said));
                return false;
            }
        }
        true
    }
}

/// The criteria an item met, in English and as a message.
fn criteria_held(held: &[String]) -> (String, Msg) {
    if held.is_empty() {
        let text = String::from("no threshold: every grade is listed");
        return (text, Msg::new("crit-none"));
    }
    let held = held.join(", ");
    (
        format!("criteria met: {held}"),
        Msg::new("crit-met").arg("held", held),
    )
}

pub(super) fn matches_sharing_hs(pack: &RulePack, facts: &Facts) -> Vec<usize> {
    let Some(declared) = facts.hs_code.as_ref() else {
        return Vec::new();
    };
    pack.items
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            !i.technology
                && i.licence_required
                && i.hs_codes
                    .iter()
                    .any(|h| declared.as_str().starts_with(h.code.as_str()))
        })
        .map(|(n, _)| n)
        .collect()
}

fn how_matched(item: &Item, m: &ItemMatch, facts: &Facts) -> String {
    let mut why = Vec::new();
    if let (Some((code, _)), Some(declared)) = (&m.hs_code, &facts.hs_code) {
        let kind = if m.hs == HsHit::Exact { "is" } else { "covers" };
        why.push(format!(
            "declared HS {declared} {kind} reference code {code}"
        ));
    }
    if let Some(w) = m.word.as_ref().or(m.generic.as_ref()) {
        why.push(format!("description mentions \"{w}\""));
    }
    if let Some((el, pct)) = &m.element {
        why.push(format!(
            "composition has {el} {} %",
            super::criteria::fmt_num(*pct)
        ));
    }
    if why.is_empty() {
        why.push(format!("matched item {}", item.id));
    }
    format!("matched by {}", why.join("; "))
}

fn criteria_text(item: &Item) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for c in &item.criteria {
        let t = format!(
            "{} {} {}",
            c.measurement,
            c.op.symbol(),
            super::criteria::fmt_num(c.value)
        );
        match groups.iter_mut().find(|(g, _)| *g == c.group) {
            Some((_, v)) => v.push(t),
            None => groups.push((&c.group, vec![t])),
        }
    }
    groups
        .into_iter()
        .map(|(_, v)| v.join(" and "))
        .collect::<Vec<_>>()
        .join(", or ")
}
