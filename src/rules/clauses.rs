//! The second half of screening: destination and end-use clauses, red flags, and
//! descriptions that mention a family without naming an item. Pure.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Facts;
use super::criteria::Outcome;
use super::flags_said;
use super::hits::{HitKind, Verdict};
use super::judged::{Judged, Out, end_use_is, is_destination, licence_note, number_of};
use super::matching::{Description, HsHit, Input, hs_hit};
use super::pack::{Clause, ClauseKind, RulePack};
use super::standing::{Standing, announcement_standing, clause_standing};

fn in_force_items<'p>(
    pack: &'p RulePack,
    family: &str,
    date: NaiveDate,
) -> Vec<&'p super::pack::Item> {
    pack.items
        .iter()
        .filter(|i| i.family == family && i.licence_required && !i.technology)
        .filter(|i| {
            announcement_standing(pack, &i.announcement, date)
                .0
                .is_in_force()
        })
        .collect()
}

/// A description that mentions a family (e.g. "graphite") without matching any of its
/// items needs review, when the family has items in force on the date.
pub(super) fn family_mentions(
    pack: &RulePack,
    matched: &BTreeSet<String>,
    facts: &Facts,
    date: NaiveDate,
    out: &mut Out,
) {
    if facts.description.trim().is_empty() {
        return;
    }
    let desc = Description::new(&facts.description);
    for f in &pack.families {
        if matched.contains(&f.id) {
            continue;
        }
        let Some(word) = f
            .keywords
            .iter()
            .map(|k| k.to_lowercase())
            .find(|k| desc.has_word(k))
        else {
            continue;
        };
        let items = in_force_items(pack, &f.id, date);
        if items.is_empty() {
            continue;
        }
        let mut anns: Vec<String> = items
            .iter()
            .map(|i| number_of(pack, &i.announcement))
            .collect();
        anns.dedup();
        let names: Vec<String> = items
            .iter()
            .take(6)
            .map(|i| format!("{} [{}]", i.name_en, i.id))
            .collect();
        let more = if items.len() > 6 { "; ..." } else { "" };
        out.hit(HitKind::Item, &format!("family:{}", f.id), &anns.join(", "), None, Verdict::NeedsReview, format!(
            "Description mentions \"{word}\" ({} / {}) without naming a listed item. Identify the goods against the controlled items: {}{more}.",
            f.name_en, f.name_zh, names.join("; ")
        ));
        let zh_names: Vec<String> = items
            .iter()
            .take(6)
            .map(|i| format!("{} [{}]", i.name_zh, i.id))
            .collect();
        out.said(
            crate::domain::Msg::new("hit-family-mention")
                .arg("word", &word)
                .arg("name_en", &f.name_en)
                .arg("name_zh", &f.name_zh)
                .arg("items", names.join("; "))
                .arg("items_zh", zh_names.join("；"))
                .arg("more", more),
        );
    }
}

/// Red flags: measured content above the declared composition (M2); a controlled match by
/// description or composition under a declared HS code that is no reference code (M1, M2,
/// M3); a declared code that is a known misprint (M3).
pub(super) fn red_flags(pack: &RulePack, judged: &[Judged<'_>], input: &Input<'_>, out: &mut Out) {
    let under_declared = under_declared(pack, judged, input, out);
    let Some(declared) = input.facts.hs_code.as_ref() else {
        return;
    };
    let hs_controlled = pack.items.iter().any(|i| {
        i.licence_required && !i.technology && hs_hit(i, declared.as_str()).0 != HsHit::None
    });
    for j in judged {
        if let Some((code, Some(of))) = &j.m.hs_code {
            let detail = flags_said::misprint(pack, j, declared.as_str(), code, of);
            flag(pack, out, "M3", detail);
        }
        if hs_controlled
            || !matches!(j.outcome, Outcome::Controlled(_))
            || under_declared.contains(&j.item.id.as_str())
        {
            continue;
        }
        let (id, detail) = flags_said::not_a_reference_code(pack, j, declared.as_str());
        flag(pack, out, id, detail);
    }
}

/// M2 for every controlled match whose measured content is above what the declared
/// composition gives (case C11, C12); the ids of those items.
fn under_declared<'p>(
    pack: &RulePack,
    judged: &[Judged<'p>],
    input: &Input<'_>,
    out: &mut Out,
) -> Vec<&'p str> {
    let mut under_declared: Vec<&str> = Vec::new();
    for j in judged
        .iter()
        .filter(|j| matches!(j.outcome, Outcome::Controlled(_)))
    {
        // measured content above what the description declares (case C11, C12)
        if let Some((el, pct)) =
            j.m.element
                .as_ref()
                .filter(|_| !j.m.element_declared && !input.declared.is_empty())
        {
            let declared = input.declared.get(el).copied();
            if declared.is_none_or(|d| d < pct * 0.9) {
                let detail = flags_said::composition_under(pack, j, el, *pct, declared);
                flag(pack, out, "M2", detail);
                under_declared.push(&j.item.id);
            }
        }
    }
    under_declared
}

fn flag(pack: &RulePack, out: &mut Out, id: &str, detail: flags_said::Said) {
    let (message, msg) = flags_said::flag_said(pack, id, detail);
    if !out
        .hits
        .iter()
        .any(|h| h.kind == HitKind::RedFlag && h.message == message)
    {
        out.hit(
            HitKind::RedFlag,
            id,
            "",
            None,
            Verdict::NotControlled,
            message,
        );
        out.said(msg);
    }
}

/// Destination and end-use clauses as of `date`, for the families the goods touch.
pub(super) fn apply(
    pack: &RulePack,
    judged: &[Judged<'_>],
    facts: &Facts,
    date: NaiveDate,
    out: &mut Out,
) {
    let Some(dest) = facts.destination.as_ref() else {
        return;
    };
    for c in &pack.clauses {
        if c.country.as_deref().is_some_and(|k| k != dest.as_str()) {
            continue;
        }
        let touching: Vec<&Judged<'_>> = judged
            .iter()
            .filter(|j| c.families.is_empty() || c.families.contains(&j.item.family))
            .collect();
        if touching.is_empty() {
            continue;
        }
        let ann = number_of(pack, &c.announcement);
        if !in_force(pack, c, &ann, date, out) {
            continue;
        }
        let Some((effect, text)) = effect_and_text(c, &touching, facts) else {
            continue;
        };
        let kind = if is_destination(c.kind) {
            HitKind::Destination
        } else {
            HitKind::EndUse
        };
        let families: BTreeSet<&str> = touching.iter().map(|j| j.item.family.as_str()).collect();
        let extra = match effect {
            Verdict::Prohibited => " A licence does not lift this prohibition.".to_string(),
            Verdict::LicenceRequired => licence_note(facts),
            _ => String::new(),
        };
        out.hit(
            kind,
            &c.id,
            &ann,
            None,
            effect,
            format!(
                "{text} Destination {}; goods: {}.{extra}",
                dest.as_str(),
                families.into_iter().collect::<Vec<_>>().join(", ")
            ),
        );
    }
}

/// Whether clause `c` is in force on `date`; notes say why not, and a stale warning
/// follows a lapsed suspension.
fn in_force(pack: &RulePack, c: &Clause, ann: &str, date: NaiveDate, out: &mut Out) -> bool {
    let (standing, lapsed) = clause_standing(pack, c, date);
    if let Some(s) = lapsed.filter(|_| standing.is_in_force()) {
        out.stale(
            format!("suspension:{}:{}", s.target, c.id),
            ann,
            format!(
                "{} ({ann}) was suspended until {} by {}; this pack does not know whether the suspension was extended. Confirm the current status with MOFCOM before relying on this answer.",
                c.id, s.end, number_of(pack, &s.by)
            ),
        );
    }
    match &standing {
        Standing::InForce => true,
        Standing::Suspended { until, .. } => {
            out.note(format!(
                "{} ({ann}): {} on {date}, so it does not apply; it may apply again after {until}.",
                c.id,
                standing.describe()
            ), None);
            false
        }
        other => {
            out.notes
                .push(format!("{} ({ann}): {} on {date}.", c.id, other.describe()));
            false
        }
    }
}

/// The clause's effect and wording for these goods: softened to needs-review when the
/// end use is not declared or the goods are not certainly controlled. None when an
/// end-use clause does not apply to the declared end use.
fn effect_and_text(
    c: &Clause,
    touching: &[&Judged<'_>],
    facts: &Facts,
) -> Option<(Verdict, String)> {
    let certain = touching
        .iter()
        .any(|j| matches!(j.outcome, Outcome::Controlled(_)));
    let mut effect: Verdict = c.effect.into();
    let mut text = c.text.clone();
    if c.kind == ClauseKind::EndUse {
        let wanted = c.end_use.unwrap_or_default();
        match end_use_is(facts, wanted, &c.end_user_keywords) {
            Some(true) => {}
            Some(false) => return None,
            None => {
                effect = effect.min(Verdict::NeedsReview);
                text = format!(
                    "End use not declared: confirm it is not {} use. {text}",
                    wanted.as_str()
                );
            }
        }
    }
    if !certain {
        effect = effect.min(Verdict::NeedsReview);
        text = format!("If the goods are controlled: {text}");
    }
    Some((effect, text))
}
