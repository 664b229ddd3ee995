//! A screening in words: the verdict, each reason with its legal basis, what to measure.
//! The console's panels and `minspect screen` both speak from here, in the interface
//! language. A reason is rendered from its message id and arguments (the pack's Chinese
//! names and titles among them); a reason stored before ids existed, or one without a
//! Chinese text, is shown in English, marked as such.

use crate::domain::{Lang, sanitize};
use crate::i18n;
use crate::rules::{Hit, HitKind, Screening, Verdict};
use crate::t;

/// The verdict as the quayside reads it (`LICENCE REQUIRED`, `需要许可证`).
pub fn verdict_word(lang: Lang, v: Verdict) -> String {
    i18n::text(lang, &format!("verdict-{}", v.as_str()))
}

/// What kind of reason a hit is (`controlled item`, `RED FLAG`).
pub fn kind_word(lang: Lang, k: HitKind) -> String {
    let id = match k {
        HitKind::Item => "hit-kind-item",
        HitKind::Destination => "hit-kind-destination",
        HitKind::EndUse => "hit-kind-end_use",
        HitKind::RedFlag => "hit-kind-red_flag",
        HitKind::Stale => "hit-kind-stale",
        HitKind::Party => "hit-kind-party",
    };
    i18n::text(lang, id)
}

/// The reason's sentence in `lang`: from its message id when it has one the catalogue
/// knows, else its stored English text (marked `[English only]` outside English).
pub fn hit_text(lang: Lang, h: &Hit) -> String {
    if let Some(m) = h.msg()
        && i18n::has(lang, &m.id)
    {
        return i18n::msg(lang, &m);
    }
    english_marked(lang, &h.message)
}

/// A note (which does not change the verdict) in `lang`.
pub fn note_text(lang: Lang, s: &Screening, i: usize) -> String {
    let note = s.notes.get(i).map(String::as_str).unwrap_or("");
    match s.note_msgs.get(i) {
        Some(Some(m)) if i18n::has(lang, &m.id) => i18n::msg(lang, m),
        _ => english_marked(lang, note),
    }
}

fn english_marked(lang: Lang, text: &str) -> String {
    match lang {
        Lang::En => text.to_string(),
        _ => format!("{} {text}", t!(lang, "screen-english-only")),
    }
}

/// A reason's legal basis as the console cites it: `controlled item · 2025 No. 18 ·
/// 1C905.a.4` (kind, announcement, control code; internal rule ids stay in `--json`).
pub fn hit_cite(lang: Lang, h: &Hit) -> String {
    let mut cite = vec![kind_word(lang, h.kind)];
    if !h.announcement.is_empty() {
        cite.push(sanitize(&h.announcement).into_owned());
    }
    if let Some(cc) = &h.control_code {
        cite.push(sanitize(cc).into_owned());
    }
    cite.join(" · ")
}

/// What `minspect screen` prints: the verdict first, then each reason with its legal
/// basis, what to measure and the notes. Text from the pack is sanitized.
pub fn quayside_text(lang: Lang, r: &Screening) -> String {
    let s = |t: &str| sanitize(t).into_owned();
    let mut out = t!(
        lang,
        "screen-head",
        verdict = verdict_word(lang, r.verdict),
        as_of = s(&r.as_of),
        version = s(&r.rule_pack.version),
        published = s(&r.rule_pack.published)
    );
    out.push('\n');
    if r.hits.is_empty() {
        out.push_str(&t!(lang, "screen-no-rule"));
        out.push('\n');
    }
    for (n, h) in r.hits.iter().enumerate() {
        // the reason names the item; the cite gives its legal basis, never a rule id
        out.push_str(&format!(
            "{}. [{}]\n   {}\n",
            n + 1,
            hit_cite(lang, h),
            s(&hit_text(lang, h))
        ));
    }
    if !r.missing_measurements.is_empty() {
        let names = s(&r.missing_measurements.join(", "));
        out.push_str(&t!(lang, "screening-measure", names = names));
        out.push('\n');
    }
    for i in 0..r.notes.len() {
        out.push_str(&t!(lang, "screen-note", text = s(&note_text(lang, r, i))));
        out.push('\n');
    }
    out
}
