//! Drawing the Shipments tab (from state only). Every database string is sanitized.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::ShipmentsScreen;
use super::detail::detail_lines;
use super::table::{header, row_text, split};
use crate::domain::sanitize;
use crate::t;
use crate::tui::screens::{Pane, ViewCx};
use crate::tui::widgets::table::{draw_lines, draw_rows, pane};

fn c(s: &str) -> String {
    sanitize(s).into_owned()
}

pub fn render(s: &ShipmentsScreen, f: &mut Frame, area: Rect, v: &ViewCx) {
    let theme = v.theme;
    let (table, detail) = split(area);
    let list_focus = s.focus == Pane::List;
    let mut title = super::count::title(s, v.lang);
    if s.has_newer {
        title.push_str(&format!(" · {}", t!(v.lang, "ships-newer")));
    }
    if s.has_older {
        title.push_str(&format!(" · {}", t!(v.lang, "ships-older")));
    }
    let block = pane(title, list_focus, theme);
    let inner = block.inner(table);
    f.render_widget(block, table);
    let [filter, head, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let editing = s.editing.is_some();
    let filter_line = if let Some(e) = &s.filter_error {
        let mut l = s.filter_input.line("/ ", theme.base, editing);
        l.spans
            .push(Span::styled(format!("  ⚠ {}", c(e)), theme.error));
        l
    } else if editing || !s.filter_input.text().is_empty() {
        s.filter_input.line("/ ", theme.base, editing)
    } else {
        Line::styled(t!(v.lang, "ships-filter-hint"), theme.dim)
    };
    f.render_widget(Paragraph::new(filter_line), filter);
    let w = inner.width as usize;
    f.render_widget(
        Paragraph::new(Line::styled(header(w, v.lang), theme.title)),
        head,
    );
    let lines: Vec<Line> = s
        .rows
        .iter()
        .take(body.height as usize)
        .enumerate()
        .map(|(i, r)| match s.row_texts.get(i) {
            Some(t) if s.row_width == w => Line::raw(t.as_str()),
            _ => Line::raw(row_text(r, s.verdicts.get(i).map_or("", String::as_str), w)),
        })
        .collect();
    if lines.is_empty() {
        f.render_widget(
            Paragraph::new(Line::styled(t!(v.lang, "ships-none"), theme.dim)),
            body,
        );
    } else {
        draw_rows(f, body, lines, Some(s.selected), list_focus, theme);
    }

    let block = pane(
        t!(v.lang, "ships-detail-title"),
        s.focus == Pane::Detail,
        theme,
    );
    let inner = block.inner(detail);
    f.render_widget(block, detail);
    let lines = match (&s.detail, &s.card) {
        (Some(_), Some(card)) => detail_lines(card, None, theme),
        _ => vec![Line::styled(t!(v.lang, "ships-none-selected"), theme.dim)],
    };
    draw_lines(f, inner, &lines, s.detail_scroll as usize);
}
