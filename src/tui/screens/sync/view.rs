//! Draws the Sync tab from its state (no queries): a summary, the queued records (at
//! headquarters: what is held per device), review decisions, and the prompt or confirm
//! modal when one is open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::ops::Op;
use super::{Mode, SyncScreen};
use crate::domain::{DbKind, Lang, sanitize};
use crate::report::SyncOverview;
use crate::report::sync_status::short_time;
use crate::tui::screens::{Pane, ViewCx};
use crate::tui::text::fit;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{centered, draw_rows, modal, pane};
use crate::tui::widgets::training;

/// The summary's lines fitted to `width`; the first is the title. A training file has
/// its own: it never leaves the laptop and no headquarters waits for it.
fn summary(d: &SyncOverview, width: usize, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let lines = match d.kind {
        DbKind::Training => training::sync_summary(d, lang),
        _ => d.summary(),
    };
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                Line::styled(fit(l, width), theme.title)
            } else {
                Line::raw(fit(l, width))
            }
        })
        .collect()
}

/// The last write's outcome, wrapped over two lines (long refusals name ids).
fn outcome(f: &mut Frame, area: Rect, s: &SyncScreen, theme: &Theme) {
    if let Some(o) = &s.outcome {
        let style = if o.ok { theme.ok } else { theme.error };
        f.render_widget(
            Paragraph::new(Line::styled(o.text.clone(), style))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
    }
}

/// The first visible row so that `selected` is on screen.
fn window(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// A list's title, column header and rows as text.
type Table = (String, String, Vec<String>);

/// Headquarters: what is held per field device.
fn held_table(d: &SyncOverview, area: Rect) -> Table {
    let w = (area.width as usize).saturating_sub(2);
    let id_w = w.saturating_sub(20 + 10 + 10 + 3).max(8);
    (
        format!("Held for field devices ({})", d.status.devices.len()),
        format!(
            "{} {} {} {}",
            fit("name", 20),
            fit("device id", id_w),
            fit("records", 10),
            "head seq"
        ),
        d.status
            .devices
            .iter()
            .map(|h| {
                format!(
                    "{} {} {} {}",
                    fit(&sanitize(&h.name), 20),
                    fit(&sanitize(&h.device_id), id_w),
                    fit(&h.records.to_string(), 10),
                    h.head_seq
                )
            })
            .collect(),
    )
}

/// A field device: the records waiting for headquarters.
fn queued_table(d: &SyncOverview, area: Rect, lang: Lang) -> Table {
    let w = (area.width as usize).saturating_sub(2);
    let id_w = w.saturating_sub(6 + 14 + 17 + 10 + 4).max(8);
    let shown = d.queued.len() as i64;
    let title = if d.kind == DbKind::Training {
        training::sync_queued_title(d, lang)
    } else if shown < d.pending {
        format!("Queued for headquarters (first {shown} of {})", d.pending)
    } else {
        format!("Queued for headquarters ({})", d.pending)
    };
    (
        title,
        format!(
            "{} {} {} {} state",
            fit("seq", 6),
            fit("kind", 14),
            fit("record id", id_w),
            fit("created", 17)
        ),
        d.queued
            .iter()
            .map(|q| {
                format!(
                    "{} {} {} {} {}",
                    fit(&q.seq.to_string(), 6),
                    fit(&sanitize(&q.kind), 14),
                    fit(&sanitize(&q.record_id), id_w),
                    fit(&short_time(&q.created_at), 17),
                    sanitize(&q.state)
                )
            })
            .collect(),
    )
}

fn queue(f: &mut Frame, area: Rect, s: &SyncScreen, d: &SyncOverview, v: &ViewCx) {
    let (lang, theme) = (v.lang, v.theme);
    let focused = s.focus == Pane::List;
    let (title, header, rows) = if d.kind == DbKind::Hq {
        held_table(d, area)
    } else {
        queued_table(d, area, lang)
    };
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    f.render_widget(
        Paragraph::new(Line::styled(header, theme.dim)),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let body = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    if rows.is_empty() {
        let empty_training = training::sync_empty(d, lang);
        let text = if d.kind == DbKind::Hq {
            "Nothing received yet: import a bundle (i)."
        } else {
            empty_training
                .as_deref()
                .unwrap_or("Nothing is waiting: every finalized record is acknowledged.")
        };
        f.render_widget(Paragraph::new(Line::styled(text, theme.dim)), body);
        return;
    }
    let first = window(s.selected, body.height as usize);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(first)
        .take(body.height as usize)
        .map(Line::raw)
        .collect();
    draw_rows(f, body, lines, Some(s.selected - first), focused, theme);
}

fn reviews(f: &mut Frame, area: Rect, s: &SyncScreen, d: &SyncOverview, v: &ViewCx) {
    let theme = v.theme;
    let focused = s.focus == Pane::Detail;
    let title = if d.kind == DbKind::Training {
        training::sync_reviews_title(d, v.lang)
    } else if d.kind == DbKind::Hq {
        format!("Review decisions made here ({})", d.reviews.len())
    } else {
        format!("Review decisions from headquarters ({})", d.reviews.len())
    };
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if d.reviews.is_empty() {
        f.render_widget(
            Paragraph::new(Line::styled("No review decisions yet.", theme.dim)),
            inner,
        );
        return;
    }
    let w = inner.width as usize;
    let lines: Vec<Line> = d
        .reviews
        .iter()
        .skip(window(s.review_scroll, inner.height as usize))
        .take(inner.height as usize)
        .map(|r| {
            let style = match r.decision {
                crate::store::Decision::Approved => theme.ok,
                crate::store::Decision::Returned => theme.warn,
            };
            // the comment first: it is what the officer acts on
            let rest = format!(
                " {} · by {} {} · inspection {}",
                if r.comment.is_empty() {
                    "(no comment)".into()
                } else {
                    sanitize(&r.comment)
                },
                sanitize(&r.reviewer),
                short_time(&r.decided_at),
                sanitize(&r.inspection_id),
            );
            Line::from(vec![
                Span::styled(format!("{:<8}", r.decision.as_str()), style),
                Span::raw(fit(&rest, w.saturating_sub(8))),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn prompt(f: &mut Frame, area: Rect, op: Op, input_line: Line, error: Option<&str>, t: &Theme) {
    let (title, help) = match op {
        Op::Export => (
            "Export to headquarters",
            "The directory to write the signed bundle into (USB stick, shared folder):",
        ),
        Op::Ack => (
            "Acknowledge a receipt",
            "The receipt file headquarters wrote for this device:",
        ),
        Op::Import => (
            "Import a bundle",
            "The bundle file a field device exported (its receipt is written beside it):",
        ),
    };
    let rect = centered(area, 76, 8);
    let inner = modal(f, rect, title, t);
    let mut lines = vec![Line::raw(help), input_line, Line::raw("")];
    match error {
        Some(e) => lines.push(Line::styled(e.to_string(), t.error)),
        None => lines.push(Line::styled(
            "Enter: continue (asks before writing)    Esc / C-g: cancel",
            t.key,
        )),
    }
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        inner,
    );
}

pub fn render(s: &SyncScreen, f: &mut Frame, area: Rect, v: &ViewCx) {
    let theme = v.theme;
    let Some(d) = &s.data else {
        let text = s.load_error.as_deref().unwrap_or("Reading the sync state…");
        f.render_widget(Paragraph::new(Line::styled(text, theme.error)), area);
        return;
    };
    let rest = area.height.saturating_sub(8);
    let review_h = (rest / 3).max(5);
    let [top, mid, bottom] = Layout::vertical([
        Constraint::Length(8),
        Constraint::Min(4),
        Constraint::Length(review_h),
    ])
    .areas(area);
    let block = pane("Sync", false, theme);
    let inner = block.inner(top);
    f.render_widget(block, top);
    let [facts, result] =
        Layout::vertical([Constraint::Length(4), Constraint::Min(0)]).areas(inner);
    f.render_widget(
        Paragraph::new(summary(d, inner.width as usize, v.lang, theme)),
        facts,
    );
    outcome(f, result, s, theme);
    queue(f, mid, s, d, v);
    reviews(f, bottom, s, d, v);
    match &s.mode {
        Mode::Browse => {}
        Mode::Prompt { op, input, error } => prompt(
            f,
            area,
            *op,
            input.line(
                if *op == Op::Export {
                    "directory: "
                } else {
                    "file: "
                },
                theme.base,
                true,
            ),
            error.as_deref(),
            theme,
        ),
    }
}
