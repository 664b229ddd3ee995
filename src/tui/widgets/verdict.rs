//! A screening's verdict and its reasons as lines (the Rules tab's form and the Record
//! tab's panel show the same).

use std::collections::BTreeMap;

use ratatui::text::{Line, Span};

use crate::domain::{Lang, sanitize};
use crate::report::screening::{hit_text, kind_word, verdict_word};
use crate::rules::Screening;
use crate::t;
use crate::tui::theme::Theme;

/// The verdict and its reasons, citing rule, announcement and control code.
pub fn verdict_lines<'a>(s: &'a Screening, lang: Lang, theme: &Theme, lines: &mut Vec<Line<'a>>) {
    let pack = t!(
        lang,
        "screening-pack",
        version = sanitize(&s.rule_pack.version).into_owned()
    );
    lines.push(Line::from(vec![
        Span::styled(t!(lang, "screening-verdict") + " ", theme.dim),
        Span::styled(verdict_word(lang, s.verdict), theme.verdict(s.verdict)),
        Span::styled(format!("   {pack}"), theme.dim),
    ]));
    if !s.families.is_empty() {
        let families = sanitize(&s.families.join(", ")).into_owned();
        lines.push(Line::raw(t!(
            lang,
            "screening-families",
            families = families
        )));
    }
    for m in &s.missing_measurements {
        let names = sanitize(m).into_owned();
        lines.push(Line::styled(
            t!(lang, "screening-measure", names = names),
            theme.warn,
        ));
    }
    if s.hits.is_empty() {
        lines.push(Line::styled(t!(lang, "screening-no-rule"), theme.dim));
    }
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for h in &s.hits {
        *by_kind.entry(format!("{:?}", h.kind)).or_default() += 1;
        // the reason names the item; the cite gives its legal basis, never a rule id
        let mut cite = vec![kind_word(lang, h.kind)];
        if !h.announcement.is_empty() {
            cite.push(sanitize(&h.announcement).into_owned());
        }
        if let Some(cc) = &h.control_code {
            cite.push(sanitize(cc).into_owned());
        }
        let cite = cite.join(" · ");
        lines.push(Line::from(vec![
            Span::styled(format!("• [{cite}] "), theme.key),
            Span::raw(sanitize(&hit_text(lang, h)).into_owned()),
        ]));
    }
}
