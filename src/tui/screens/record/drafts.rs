//! The Record tab's list of open drafts, and how a draft is named.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::RecordScreen;
use crate::domain::{Lang, Shipment, sanitize};
use crate::store::DraftSummary;
use crate::t;
use crate::tui::screens::{ViewCx, local_time};
use crate::tui::text::fit;
use crate::tui::widgets::table::{draw_lines, draw_rows, pane};

/// How a shipment is named in questions: its declaration number, else its exporter.
pub fn draft_title_of(s: &Shipment, lang: Lang) -> String {
    title([&s.declaration_no, &s.exporter_name, &s.description], lang)
}

pub fn draft_title(d: &DraftSummary, lang: Lang) -> String {
    title([&d.declaration_no, &d.exporter_name, &d.description], lang)
}

fn title(names: [&String; 3], lang: Lang) -> String {
    let name = names
        .into_iter()
        .find(|t| !t.trim().is_empty())
        .map_or_else(|| t!(lang, "drafts-untitled"), |t| t.trim().to_string());
    sanitize(&name).into_owned()
}

pub(super) fn render(s: &RecordScreen, f: &mut Frame, area: Rect, v: &ViewCx) {
    let (theme, lang) = (v.theme, v.lang);
    let block = pane(
        t!(lang, "drafts-title", count = s.drafts.len()),
        true,
        theme,
    );
    let inner = block.inner(area);
    f.render_widget(block, area);
    if s.drafts.is_empty() {
        let lines = vec![
            Line::raw(t!(lang, "drafts-none")),
            Line::raw(""),
            Line::styled(
                t!(lang, if s.hq { "drafts-how-hq" } else { "drafts-how" }),
                theme.dim,
            ),
        ];
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        return;
    }
    let w = inner.width as usize;
    if w < WIDE {
        return narrow(s, f, inner, v);
    }
    let desc_w = w.saturating_sub(18 + 22 + 16 + 4);
    let head = format!(
        "{} {} {} {} {}",
        fit(&t!(lang, "drafts-col-declaration"), 18),
        fit(&t!(lang, "drafts-col-exporter"), 22),
        fit(
            &t!(lang, "drafts-col-description"),
            desc_w.saturating_sub(11)
        ),
        fit(&t!(lang, "drafts-col-kind"), 10),
        t!(lang, "drafts-col-changed")
    );
    f.render_widget(
        Paragraph::new(Line::styled(head, theme.dim)),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let inner = Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(1),
    );
    let top = (s.selected + 1).saturating_sub(inner.height as usize);
    let rows: Vec<Line> = s
        .drafts
        .iter()
        .skip(top)
        .take(inner.height as usize)
        .map(|d| {
            Line::raw(format!(
                "{} {} {} {} {}",
                fit(&sanitize(&d.declaration_no), 18),
                fit(&sanitize(&d.exporter_name), 22),
                fit(&sanitize(&d.description), desc_w.saturating_sub(11)),
                fit(&kind(d, lang), 10),
                local_time(&v.clock, &d.updated_at)
            ))
        })
        .collect();
    draw_rows(f, inner, rows, Some(s.selected - top), true, theme);
}

/// Below this width a draft takes two lines (the exporter and description get a line of
/// their own instead of being cut to a few letters).
const WIDE: usize = 100;

fn kind(d: &DraftSummary, lang: Lang) -> String {
    let kind = if d.amends.is_some() {
        "drafts-kind-amendment"
    } else if d.inspection_id.is_some() {
        "drafts-kind-inspection"
    } else {
        "drafts-kind-shipment"
    };
    t!(lang, kind)
}

/// Two lines a draft: declaration, kind and when changed; then exporter and description.
fn narrow(s: &RecordScreen, f: &mut Frame, inner: Rect, v: &ViewCx) {
    let (theme, lang) = (v.theme, v.lang);
    let w = inner.width as usize;
    let head = vec![
        Line::styled(
            format!(
                "{} {} {}",
                fit(&t!(lang, "drafts-col-declaration"), 18),
                fit(&t!(lang, "drafts-col-kind"), 12),
                t!(lang, "drafts-col-changed")
            ),
            theme.dim,
        ),
        Line::styled(
            fit(
                &format!(
                    "  {} · {}",
                    t!(lang, "drafts-col-exporter"),
                    t!(lang, "drafts-col-description")
                ),
                w,
            ),
            theme.dim,
        ),
    ];
    f.render_widget(
        Paragraph::new(head),
        Rect::new(inner.x, inner.y, inner.width, 2),
    );
    let area = Rect::new(
        inner.x,
        inner.y + 2,
        inner.width,
        inner.height.saturating_sub(2),
    );
    let per_page = (area.height as usize / 2).max(1);
    let top = (s.selected + 1).saturating_sub(per_page);
    let mut lines = Vec::new();
    for (i, d) in s.drafts.iter().enumerate().skip(top).take(per_page) {
        let style = if i == s.selected {
            theme.selected
        } else {
            theme.base
        };
        let first = format!(
            "{} {} {}",
            fit(&sanitize(&d.declaration_no), 18),
            fit(&kind(d, lang), 12),
            local_time(&v.clock, &d.updated_at)
        );
        let parts: Vec<String> = [&d.exporter_name, &d.description]
            .into_iter()
            .filter(|t| !t.trim().is_empty())
            .map(|t| sanitize(t.trim()).into_owned())
            .collect();
        let second = match parts.is_empty() {
            true => "  —".to_string(),
            false => format!("  {}", parts.join(" · ")),
        };
        lines.push(Line::styled(fit(&first, w), style));
        lines.push(Line::styled(fit(&second, w), style));
    }
    draw_lines(f, area, &lines, 0);
}
