//! A screening's verdict and its reasons as lines (the Rules tab's form and the Record
//! tab's panel show the same).

use std::collections::BTreeMap;

use ratatui::text::{Line, Span};

use crate::domain::sanitize;
use crate::rules::Screening;
use crate::tui::theme::Theme;

/// The verdict and its reasons, citing rule, announcement and control code.
pub fn verdict_lines<'a>(s: &'a Screening, theme: &Theme, lines: &mut Vec<Line<'a>>) {
    lines.push(Line::from(vec![
        Span::styled("Verdict: ", theme.dim),
        Span::styled(s.verdict.label(), theme.verdict(s.verdict)),
        Span::styled(
            format!("   (rule pack {})", sanitize(&s.rule_pack.version)),
            theme.dim,
        ),
    ]));
    if !s.families.is_empty() {
        lines.push(Line::raw(format!(
            "Families: {}",
            sanitize(&s.families.join(", "))
        )));
    }
    for m in &s.missing_measurements {
        lines.push(Line::styled(
            format!("Measure: {}", sanitize(m)),
            theme.warn,
        ));
    }
    if s.hits.is_empty() {
        lines.push(Line::styled("No rule matched.", theme.dim));
    }
    let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
    for h in &s.hits {
        *by_kind.entry(format!("{:?}", h.kind)).or_default() += 1;
        let mut cite = sanitize(&h.rule_id).into_owned();
        if !h.announcement.is_empty() {
            cite.push_str(&format!(" · {}", sanitize(&h.announcement)));
        }
        if let Some(cc) = &h.control_code {
            cite.push_str(&format!(" · {}", sanitize(cc)));
        }
        lines.push(Line::from(vec![
            Span::styled(format!("• [{cite}] "), theme.key),
            Span::raw(sanitize(&h.message).into_owned()),
        ]));
    }
}
