//! The red flags' words: each detail in English (stored with the screening, frozen once
//! finalized) and, beside it, as a message id with its arguments for the other languages
//! (`src/i18n/*/engine.ftl`), as `said.rs` does for the item hits. A test renders each in
//! English and compares it with the stored text. Pure.

use super::criteria::fmt_num;
use super::judged::{Judged, number_of};
use super::pack::RulePack;
use crate::domain::{Msg, MsgArg};

/// A text in English and the same as a message.
pub(super) type Said = (String, Msg);

/// The pack's Chinese text; where the pack has none, the English one, marked as such.
pub(super) fn zh_or_english(zh: &str, en: &str) -> MsgArg {
    match zh.trim() {
        "" => Msg::new("untranslated-text").arg("text", en).into(),
        t => MsgArg::Text(t.to_string()),
    }
}

/// The goods as a red flag names them: the item's name, its announcement and control code.
fn what(pack: &RulePack, j: &Judged<'_>) -> Said {
    let item = j.item;
    let ann = number_of(pack, &item.announcement);
    let code = item.control_code.as_deref();
    let code_txt = code.map(|c| format!(", {c}")).unwrap_or_default();
    let code_arg: MsgArg = match code {
        Some(c) => Msg::new("flag-code").arg("code", c).into(),
        None => MsgArg::Text(String::new()),
    };
    let msg = Msg::new("flag-what")
        .arg("name_en", &item.name_en)
        .arg("name_zh", zh_or_english(&item.name_zh, &item.name_en))
        .arg("ann", ann.as_str())
        .arg("code", code_arg);
    (format!("{} ({ann}{code_txt})", item.name_en), msg)
}

/// M3: the declared code is a reference code as misprinted in the announcement.
pub(super) fn misprint(
    pack: &RulePack,
    j: &Judged<'_>,
    declared: &str,
    code: &str,
    of: &str,
) -> Said {
    let ann = number_of(pack, &j.item.announcement);
    let text = format!(
        "declared HS {declared} is reference code {code} as printed in {ann}, probably a misprint for {of}; the goods match {} by description: correct the declared code.",
        j.item.id
    );
    let msg = Msg::new("flag-misprint")
        .arg("declared", declared)
        .arg("code", code)
        .arg("ann", ann)
        .arg("of", of)
        .arg("item", &j.item.id);
    (text, msg)
}

/// M2: the measured content of `el` is above what the declared composition gives.
pub(super) fn composition_under(
    pack: &RulePack,
    j: &Judged<'_>,
    el: &str,
    pct: f64,
    declared: Option<f64>,
) -> Said {
    let said = declared
        .map(|d| format!("{} %", fmt_num(d)))
        .unwrap_or_else(|| "no".into());
    let ann = number_of(pack, &j.item.announcement);
    let text = format!(
        "the declared composition gives {said} {el}, but {} % was found: {} ({ann}).",
        fmt_num(pct),
        j.item.name_en,
    );
    let id = match declared {
        Some(_) => "flag-composition-under",
        None => "flag-composition-missing",
    };
    let msg = Msg::new(id)
        .arg("said", said)
        .arg("el", el)
        .arg("pct", fmt_num(pct))
        .arg("name_en", &j.item.name_en)
        .arg("name_zh", zh_or_english(&j.item.name_zh, &j.item.name_en))
        .arg("ann", ann);
    (text, msg)
}

/// The red flag for a controlled match under a declared HS code that is not one of the
/// item's reference codes: M2 (little controlled content), M1 (composition only) or M3.
pub(super) fn not_a_reference_code(
    pack: &RulePack,
    j: &Judged<'_>,
    declared: &str,
) -> (&'static str, Said) {
    let (what, what_msg) = what(pack, j);
    let with = |id: &str| {
        Msg::new(id)
            .arg("what", what_msg.clone())
            .arg("declared", declared)
    };
    match (&j.m.element, j.m.by_description()) {
        (Some((el, pct)), _) if *pct < 10.0 => {
            let pct = fmt_num(*pct);
            let text = format!(
                "{el} {pct} % found, making the goods {what}; declared HS {declared} is not a reference code. The controlled content may be under-declared."
            );
            let msg = with("flag-ref-little").arg("el", el).arg("pct", pct);
            ("M2", (text, msg))
        }
        (Some((el, pct)), false) => {
            let pct = fmt_num(*pct);
            let text = format!(
                "the description does not name the goods, but the composition has {el} {pct} %: {what}; declared HS {declared} is not a reference code."
            );
            let msg = with("flag-ref-composition").arg("el", el).arg("pct", pct);
            ("M1", (text, msg))
        }
        _ => {
            let text = format!(
                "the description matches {what}, but declared HS {declared} is not one of its reference codes."
            );
            ("M3", (text, with("flag-ref-description")))
        }
    }
}

/// The whole red flag `id`: its title, the detail and the pack's guidance.
pub(super) fn flag_said(pack: &RulePack, id: &str, (detail, detail_msg): Said) -> Said {
    let flag = pack.red_flags.iter().find(|r| r.id == id);
    let (title, guidance) = flag
        .map(|r| (r.title.as_str(), r.guidance.as_str()))
        .unwrap_or(("Red flag", ""));
    let text = format!("{title}: {detail} {guidance}")
        .trim_end()
        .to_string();
    let title_zh: MsgArg = match flag {
        Some(r) => zh_or_english(&r.title_zh, &r.title),
        None => Msg::new("flag-untitled").into(),
    };
    let msg_id = match guidance.is_empty() {
        true => "flag-hit-bare",
        false => "flag-hit",
    };
    let mut msg = Msg::new(msg_id)
        .arg("title", title)
        .arg("title_zh", title_zh)
        .arg("detail", detail_msg);
    if let Some(r) = flag.filter(|_| !guidance.is_empty()) {
        msg = msg
            .arg("guidance", guidance)
            .arg("guidance_zh", zh_or_english(&r.guidance_zh, guidance));
    }
    (text, msg)
}
