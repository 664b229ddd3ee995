//! Drawing the re-screening list (from state only): the counts in the title, the legend,
//! the columns record, declared date, old verdict -> new verdict, why; the selected row's
//! reasons in full below; the "finalized since" line (its refusal in place); the record
//! opened from the list.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::RescreenView;
use crate::domain::{Lang, sanitize};
use crate::report::rescreen::RescreenRow;
use crate::report::screening::verdict_word;
use crate::rules::Verdict;
use crate::t;
use crate::tui::screens::ViewCx;
use crate::tui::text::fit;
use crate::tui::widgets::table::{draw_lines, draw_rows, pane};

/// (catalogue id of the header, width) of the columns before "why".
const COLS: &[(&str, usize)] = &[
    ("rescreen-col-record", 18),
    ("rescreen-col-declared", 10),
    ("rescreen-col-verdicts", 17),
];

/// Rows of the selected record's reasons under the list: half of what the list leaves,
/// 4 to 12.
fn why_rows(inner: u16) -> u16 {
    (inner.saturating_sub(4) / 2).clamp(4, 12)
}

fn c(s: &str) -> String {
    sanitize(s).into_owned()
}

/// Wide terminals spell the verdicts out; narrow ones use the queue's short words.
fn wide(width: usize) -> bool {
    width >= 100
}

fn verdict_cell(lang: Lang, v: Option<Verdict>, stored: &str, width: usize) -> String {
    match v {
        Some(v) if wide(width) => verdict_word(lang, v),
        Some(v) => t!(lang, &format!("review-v-{}", v.as_str())),
        None => c(stored),
    }
}

fn widths(width: usize) -> [usize; 3] {
    let mut w = [COLS[0].1, COLS[1].1, COLS[2].1];
    if wide(width) {
        w[2] = 33;
    }
    w
}

fn line_of(cells: &[String], last: &str, width: usize) -> String {
    let mut line = String::new();
    for (cell, w) in cells.iter().zip(widths(width)) {
        line.push_str(&fit(cell, w));
        line.push(' ');
    }
    line.push_str(last);
    fit(line.trim_end(), width)
}

fn row_line(r: &RescreenRow, width: usize, lang: Lang) -> String {
    let cells = [
        c(&r.declaration_no),
        c(&r.declared_on),
        format!(
            "{} → {}",
            verdict_cell(lang, r.before_verdict(), &r.before, width),
            verdict_cell(lang, Some(r.after), "", width)
        ),
    ];
    let why = r.why(lang).first().map(|w| c(w)).unwrap_or_default();
    line_of(&cells, &why, width)
}

fn header(width: usize, lang: Lang) -> String {
    let cells: Vec<String> = COLS.iter().map(|(id, _)| t!(lang, id)).collect();
    line_of(&cells, &t!(lang, "rescreen-col-why"), width)
}

/// The selected row in full: what it was and would be, then every reason.
fn why_lines(s: &RescreenView, v: &ViewCx, width: usize) -> Vec<Line<'static>> {
    let Some(r) = s.current() else {
        return Vec::new();
    };
    let before = match r.before_verdict() {
        Some(b) => verdict_word(v.lang, b),
        None => c(&r.before),
    };
    let rule = "─".repeat(width);
    let mut out = vec![
        Line::styled(rule, v.theme.dim),
        Line::styled(
            t!(
                v.lang,
                "rescreen-view-why",
                declaration = c(&r.declaration_no),
                before = before,
                before_pack = c(&r.before_pack),
                after = verdict_word(v.lang, r.after)
            ),
            v.theme.title,
        ),
    ];
    out.extend(
        r.why(v.lang)
            .iter()
            .map(|w| Line::raw(format!("  - {}", c(w)))),
    );
    out
}

fn since_line<'a>(s: &'a RescreenView, v: &ViewCx) -> Line<'a> {
    let editing = s.editing.is_some();
    let label = t!(v.lang, "rescreen-view-since");
    if editing || !s.since.text().is_empty() || s.error.is_some() {
        let mut l = s.since.line("", v.theme.base, editing);
        l.spans
            .insert(0, Span::styled(format!("{label} "), v.theme.dim));
        if let Some(e) = &s.error {
            l.spans
                .push(Span::styled(format!("  ⚠ {e}"), v.theme.error));
        }
        l
    } else {
        Line::styled(t!(v.lang, "rescreen-view-since-hint"), v.theme.dim)
    }
}

fn title(s: &RescreenView, lang: Lang) -> String {
    match &s.result {
        Some(r) => t!(
            lang,
            "rescreen-view-title",
            version = c(&r.pack_version),
            changed = r.changed.len(),
            checked = r.checked
        ),
        None => t!(lang, "rescreen-view-title-none"),
    }
}

pub fn render(s: &RescreenView, f: &mut Frame, area: Rect, v: &ViewCx) {
    if let Some(rec) = &s.record {
        let block = pane(t!(v.lang, "rescreen-view-record-title"), true, v.theme);
        let inner = block.inner(area);
        f.render_widget(block, area);
        let lines: Vec<Line> = rec.lines.iter().map(|l| Line::raw(l.clone())).collect();
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((s.scroll, 0)),
            inner,
        );
        return;
    }
    let block = pane(title(s, v.lang), true, v.theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let bottom_rows = if s.error.is_some() { 2 } else { 1 };
    let [top, head, body, why, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(why_rows(inner.height)),
        Constraint::Length(bottom_rows),
    ])
    .areas(inner);
    let w = inner.width as usize;
    let legend = t!(v.lang, "rescreen-view-legend");
    f.render_widget(Paragraph::new(Line::styled(legend, v.theme.dim)), top);
    f.render_widget(
        Paragraph::new(Line::styled(header(w, v.lang), v.theme.title)),
        head,
    );
    let rows = s.result.as_ref().map_or(&[][..], |r| &r.changed[..]);
    if rows.is_empty() {
        let id = match s.result {
            Some(_) => "rescreen-view-empty",
            None => "rescreen-view-not-read",
        };
        draw_lines(f, body, &[Line::styled(t!(v.lang, id), v.theme.dim)], 0);
    } else {
        // the page that holds the selection
        let height = body.height.max(1) as usize;
        let first = s.selected / height * height;
        let lines: Vec<Line> = rows
            .iter()
            .skip(first)
            .take(height)
            .map(|r| Line::raw(row_line(r, w, v.lang)))
            .collect();
        let focused = s.editing.is_none();
        draw_rows(f, body, lines, Some(s.selected - first), focused, v.theme);
    }
    f.render_widget(
        Paragraph::new(why_lines(s, v, w)).wrap(Wrap { trim: false }),
        why,
    );
    f.render_widget(
        Paragraph::new(since_line(s, v)).wrap(Wrap { trim: false }),
        bottom,
    );
}
