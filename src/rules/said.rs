//! The item hits as message ids with their arguments, beside the English text `judge`
//! writes (a test renders each in English and compares it with that text). Pure.

use super::facts::Facts;
use super::matching::{HsHit, ItemMatch};
use super::pack::{Announcement, Item};
use crate::domain::{Msg, MsgArg};

/// The arguments every item hit has: the item's names, its announcement as cited and by
/// its Chinese title, and the control code (with its leading space, or empty).
pub(super) fn item_msg(id: &str, item: &Item, ann: &Announcement, code_txt: &str) -> Msg {
    let title_zh = match ann.title_zh.trim() {
        "" => ann.title.as_str(),
        t => t,
    };
    Msg::new(id)
        .arg("name_en", &item.name_en)
        .arg("name_zh", &item.name_zh)
        .arg("id", &item.id)
        .arg("ann", &ann.number)
        .arg("ann_zh", title_zh)
        .arg("code", code_txt)
}

/// How the item was matched (`how_matched`'s words as ids).
pub(super) fn basis_msg(item: &Item, m: &ItemMatch, facts: &Facts) -> Msg {
    let mut why = Vec::new();
    if let (Some((code, _)), Some(declared)) = (&m.hs_code, &facts.hs_code) {
        let id = match m.hs == HsHit::Exact {
            true => "basis-hs-exact",
            false => "basis-hs-covers",
        };
        why.push(
            Msg::new(id)
                .arg("declared", declared.as_str())
                .arg("code", code.as_str()),
        );
    }
    if let Some(w) = m.word.as_ref().or(m.generic.as_ref()) {
        why.push(Msg::new("basis-word").arg("word", w));
    }
    if let Some((el, pct)) = &m.element {
        let pct = super::criteria::fmt_num(*pct);
        why.push(Msg::new("basis-element").arg("el", el).arg("pct", pct));
    }
    if why.is_empty() {
        why.push(Msg::new("basis-item").arg("id", &item.id));
    }
    Msg::new("basis-matched").arg("why", why)
}

/// The licence sentence (`licence_note`'s words as an id).
pub(super) fn licence_msg(facts: &Facts) -> Msg {
    match facts.licence_no.trim() {
        "" => Msg::new("licence-none"),
        no => Msg::new("licence-declared").arg("no", no),
    }
}

/// The item's UNCONFIRMED facts, as the pack words them (empty when none).
pub(super) fn unconfirmed_arg(item: &Item) -> MsgArg {
    match item.unconfirmed.is_empty() {
        true => MsgArg::Text(String::new()),
        false => Msg::new("unconfirmed-said")
            .arg("what", item.unconfirmed.join("; "))
            .arg(
                "what_zh",
                super::flags_said::zh_or_english(
                    &item.unconfirmed_zh.join("；"),
                    &item.unconfirmed.join("; "),
                ),
            )
            .into(),
    }
}

/// Failed criteria: their English texts joined by `, ` and one message saying the same
/// (`crit-pair` nests them, so each language joins them its own way).
pub(super) fn failed_said(failed: &[super::criteria::Failed]) -> (String, MsgArg) {
    let text: Vec<&str> = failed.iter().map(|(t, _)| t.as_str()).collect();
    let mut msgs = failed.iter().rev().map(|(_, m)| m.clone());
    let last = msgs.next().map(MsgArg::from);
    let said = msgs.fold(last.unwrap_or(MsgArg::Text(String::new())), |acc, m| {
        Msg::new("crit-pair").arg("a", m).arg("b", acc).into()
    });
    (text.join(", "), said)
}
