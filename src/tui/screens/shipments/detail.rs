//! The Shipments tab's detail pane: the [`ShipmentCard`] (one fact per line under fixed
//! labels), styled.

use ratatui::text::{Line, Span};

use crate::report::ShipmentCard;
use crate::tui::theme::Theme;

/// The detail pane's lines; `marked`: the inspection the review keys act on (▶).
pub fn detail_lines<'a>(
    card: &'a ShipmentCard,
    marked: Option<&str>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    // one fact per line under fixed labels, no wrapping: moving the selection rewrites
    // only the values that differ (DESIGN §10: under 1 KB per row move)
    let mut l = vec![Line::from(vec![
        Span::styled(card.title.as_str(), theme.title),
        Span::raw(card.subtitle.as_str()),
    ])];
    l.extend(card.facts.iter().map(|(k, v)| {
        Line::from(vec![
            Span::styled(pad(k, 12), theme.dim),
            Span::raw(v.as_str()),
        ])
    }));
    inspections(card, marked, theme, &mut l);
    listed(&card.titles[1], &card.none, &card.findings, theme, &mut l);
    listed(&card.titles[2], &card.none, &card.seizures, theme, &mut l);
    l
}

/// One line per inspection (`marked`: the one the review keys act on, ▶), its latest
/// review decision and narrative.
fn inspections(card: &ShipmentCard, marked: Option<&str>, theme: &Theme, l: &mut Vec<Line<'_>>) {
    l.push(Line::styled(card.titles[0].clone(), theme.title));
    if card.inspections.is_empty() {
        l.push(Line::styled(format!("  {}", card.none), theme.dim));
    }
    for i in &card.inspections {
        let mark = if marked == Some(i.id.as_str()) {
            "▶"
        } else {
            " "
        };
        l.push(Line::raw(format!("{mark} {}", i.line)));
        if let Some(r) = &i.review {
            l.push(Line::styled(
                format!("    {}", r.head()),
                theme.decision(r.decision),
            ));
            if !r.comment.is_empty() {
                l.push(Line::raw(format!(
                    "      {}",
                    crate::domain::sanitize(&r.comment)
                )));
            }
        }
        if let Some(n) = &i.narrative {
            l.push(Line::raw(format!("    {n}")));
        }
    }
}

/// A titled list (its title carries the count), `none` when empty.
fn listed(title: &str, none: &str, items: &[String], theme: &Theme, l: &mut Vec<Line<'_>>) {
    l.push(Line::styled(title.to_string(), theme.title));
    if items.is_empty() {
        l.push(Line::styled(format!("  {none}"), theme.dim));
    }
    l.extend(items.iter().map(|t| Line::raw(format!("  {t}"))));
}

/// `label` padded with spaces to `width` display columns (a Chinese label is two a
/// character).
fn pad(label: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(label);
    format!("{label}{}", " ".repeat(width.saturating_sub(w)))
}
