//! Drawing the Review tab (from state only): the queue with its counts in the title, the
//! legend, the filter line (its refusal in place), the record view, the decision modal.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Access, ReviewPrompt, ReviewScreen};
use crate::domain::{Lang, sanitize};
use crate::store::queue::QueueRow;
use crate::store::{Decision, DecisionMode};
use crate::t;
use crate::tui::screens::ViewCx;
use crate::tui::text::fit;
use crate::tui::widgets::table::{centered, draw_lines, draw_rows, modal, pane};

/// The columns of a queue line: (catalogue id of the header, width); the received time
/// is `MM-DD hh:mm` below 100 columns, the exporter fills what is left.
const COLS: &[(&str, usize)] = &[
    ("review-col-state", 11),
    ("review-col-received", 16),
    ("review-col-officer", 8),
    ("review-col-port", 5),
    ("review-col-verdicts", 17),
    ("review-col-declaration", 18),
];

fn widths(width: usize) -> [usize; 6] {
    let mut w = [0; 6];
    for (i, (_, n)) in COLS.iter().enumerate() {
        w[i] = *n;
    }
    if width < 100 {
        w[1] = 11;
    }
    w
}

/// Below 100 columns the declaration is the last column (no exporter).
fn narrow(width: usize) -> bool {
    width < 100
}

fn short_verdict(lang: Lang, v: &str) -> String {
    if v.is_empty() {
        return "-".into();
    }
    t!(lang, &format!("review-v-{v}"))
}

fn line_of(marks: &str, cells: &[String], last: &str, width: usize) -> String {
    let mut line = marks.to_string();
    for (cell, w) in cells.iter().zip(widths(width)) {
        line.push_str(&fit(cell, w));
        line.push(' ');
    }
    line.push_str(last);
    fit(line.trim_end(), width)
}

fn row_line(s: &ReviewScreen, r: &QueueRow, width: usize, v: &ViewCx) -> String {
    let mark = |on: bool, c: char| if on { c } else { ' ' };
    let mut received = crate::tui::screens::local_time(&v.clock, &r.received_at);
    if width < 100 {
        received = received.get(5..).unwrap_or(&received).to_string();
    }
    let cells = [
        t!(v.lang, &format!("review-state-{}", r.state)),
        received,
        sanitize(&r.officer_badge).into_owned(),
        sanitize(&r.port).into_owned(),
        format!(
            "{} → {}",
            short_verdict(v.lang, &r.declared_verdict),
            short_verdict(v.lang, &r.found_verdict)
        ),
        sanitize(&r.declaration_no).into_owned(),
    ];
    let marks = format!(
        "{}{} ",
        mark(s.chosen.contains(&r.inspection_id), '+'),
        mark(s.is_new(r), '•')
    );
    let exporter = if narrow(width) {
        String::new()
    } else {
        sanitize(&r.exporter_name).into_owned()
    };
    line_of(&marks, &cells, &exporter, width)
}

fn header(width: usize, lang: Lang) -> String {
    let cells: Vec<String> = COLS.iter().map(|(id, _)| t!(lang, id)).collect();
    let exporter = if narrow(width) {
        String::new()
    } else {
        t!(lang, "review-col-exporter")
    };
    line_of("   ", &cells, &exporter, width)
}

fn title(s: &ReviewScreen, lang: Lang) -> String {
    let c = &s.counts;
    t!(
        lang,
        "review-title",
        pending = c.pending as i64,
        approved = c.approved as i64,
        returned = c.returned as i64,
        resubmitted = c.resubmitted as i64,
        total = c.total as i64
    )
}

fn legend(s: &ReviewScreen, v: &ViewCx) -> Line<'static> {
    let sort = t!(v.lang, &format!("review-sort-{}", s.sort.as_str()));
    let text = match (&s.access, &s.last_visit) {
        (Some(Access::Supervisor { name, .. }), Some(at)) => t!(
            v.lang,
            "review-legend",
            name = sanitize(name).into_owned(),
            since = crate::tui::screens::local_time(&v.clock, at),
            chosen = s.chosen.len(),
            sort = sort
        ),
        (Some(Access::Supervisor { name, .. }), None) => t!(
            v.lang,
            "review-legend-first",
            name = sanitize(name).into_owned(),
            chosen = s.chosen.len(),
            sort = sort
        ),
        (Some(Access::Denied { why, login }), _) => {
            return Line::styled(t!(v.lang, why, login = login.clone()), v.theme.warn);
        }
        _ => return Line::styled(t!(v.lang, "review-not-hq"), v.theme.warn),
    };
    Line::styled(text, v.theme.dim)
}

fn filter_line<'a>(s: &'a ReviewScreen, v: &ViewCx) -> Line<'a> {
    let editing = s.editing.is_some();
    if let Some(m) = &s.filter_error {
        let mut l = s.filter_input.line("/ ", v.theme.base, editing);
        let why = sanitize(&crate::i18n::msg(v.lang, m)).into_owned();
        l.spans
            .push(Span::styled(format!("  ⚠ {why}"), v.theme.error));
        l
    } else if editing || !s.filter_input.text().is_empty() {
        let c = &s.counts;
        let id = if c.matching_capped {
            "review-matching-capped"
        } else {
            "review-matching"
        };
        let mut l = s.filter_input.line("/ ", v.theme.base, editing);
        let n = t!(v.lang, id, count = c.matching as i64);
        l.spans.push(Span::styled(format!("   ({n})"), v.theme.dim));
        l
    } else {
        Line::styled(t!(v.lang, "review-filter-hint"), v.theme.dim)
    }
}

pub fn render(s: &ReviewScreen, f: &mut Frame, area: Rect, v: &ViewCx) {
    if let Some(rec) = &s.record {
        let block = pane(t!(v.lang, "review-record-title"), true, v.theme);
        let inner = block.inner(area);
        f.render_widget(block, area);
        let lines: Vec<Line> = rec.lines.iter().map(|l| Line::raw(l.clone())).collect();
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((s.scroll, 0)),
            inner,
        );
    } else {
        render_queue(s, f, area, v);
    }
    if let Some(p) = &s.prompt {
        render_prompt(p, f, area, v);
    }
}

fn render_queue(s: &ReviewScreen, f: &mut Frame, area: Rect, v: &ViewCx) {
    let block = pane(title(s, v.lang), true, v.theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let bottom_rows = if s.filter_error.is_some() { 2 } else { 1 };
    let [top, head, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(bottom_rows),
    ])
    .areas(inner);
    let w = inner.width as usize;
    f.render_widget(Paragraph::new(legend(s, v)), top);
    f.render_widget(
        Paragraph::new(Line::styled(header(w, v.lang), v.theme.title)),
        head,
    );
    if s.rows.is_empty() {
        let empty = Line::styled(t!(v.lang, "review-empty"), v.theme.dim);
        draw_lines(f, body, &[empty], 0);
    } else {
        let lines: Vec<Line> = s
            .rows
            .iter()
            .take(body.height as usize)
            .map(|r| Line::raw(row_line(s, r, w, v)))
            .collect();
        draw_rows(
            f,
            body,
            lines,
            Some(s.selected),
            s.editing.is_none(),
            v.theme,
        );
    }
    f.render_widget(
        Paragraph::new(filter_line(s, v)).wrap(Wrap { trim: false }),
        bottom,
    );
}

fn render_prompt(p: &ReviewPrompt, f: &mut Frame, area: Rect, v: &ViewCx) {
    let (lang, t) = (v.lang, v.theme);
    let (title, ask, enter) = match (p.decision, p.mode) {
        (Decision::Approved, DecisionMode::First) => (
            "review-approve-title",
            "review-ask-optional",
            "review-enter-approve",
        ),
        (Decision::Returned, DecisionMode::First) => (
            "review-return-title",
            "review-ask-required",
            "review-enter-return",
        ),
        (Decision::Approved, DecisionMode::Change) => (
            "review-change-approve-title",
            "review-ask-optional",
            "review-enter-approve",
        ),
        (Decision::Returned, DecisionMode::Change) => (
            "review-change-return-title",
            "review-ask-required",
            "review-enter-return",
        ),
    };
    let rect = centered(area, 76, 11);
    let inner = modal(f, rect, &t!(lang, title), t);
    let mut lines = vec![
        Line::raw(p.what.clone()),
        Line::raw(""),
        Line::raw(t!(lang, ask)),
        p.comment.line("> ", t.base, true),
        Line::raw(""),
    ];
    lines.push(match &p.error {
        Some(e) => Line::styled(sanitize(e).into_owned(), t.error),
        None => Line::styled(t!(lang, enter), t.key),
    });
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
