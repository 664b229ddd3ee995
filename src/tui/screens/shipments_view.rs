//! Drawing the Shipments tab (from state only). Every database string is sanitized.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Pane;
use super::shipments::ShipmentsScreen;
use crate::domain::sanitize;
use crate::store::shipments::{ShipmentDetail, ShipmentRow};
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{draw_lines, draw_rows, fit, pane};

/// The width of the table's text (inside its borders) for a body area.
pub fn table_text_width(body: Rect) -> usize {
    split(body).0.width.saturating_sub(2) as usize
}

/// Table and detail: side by side from 120 columns, stacked below that.
pub fn split(area: Rect) -> (Rect, Rect) {
    if area.width >= 120 {
        let [t, d] =
            Layout::horizontal([Constraint::Percentage(62), Constraint::Min(0)]).areas(area);
        (t, d)
    } else {
        let [t, d] = Layout::vertical([Constraint::Percentage(58), Constraint::Min(0)]).areas(area);
        (t, d)
    }
}

fn c(s: &str) -> String {
    sanitize(s).into_owned()
}

struct Cols {
    verdict: bool,
    decl: bool,
    rest: usize,
}

fn cols(width: usize) -> Cols {
    let verdict = width >= 100;
    let decl = width >= 130;
    let fixed = 10
        + 1
        + 2
        + 1
        + 10
        + 1
        + 12
        + 1
        + 10
        + 1
        + if verdict { 17 } else { 0 }
        + if decl { 19 } else { 0 };
    Cols {
        verdict,
        decl,
        rest: width.saturating_sub(fixed + 1).max(8),
    }
}

fn header(width: usize) -> String {
    let k = cols(width);
    let mut s = format!(
        "{} {} {} ",
        fit("date", 10),
        fit("to", 2),
        fit("HS code", 10)
    );
    if k.decl {
        s.push_str(&format!("{} ", fit("declaration", 18)));
    }
    s.push_str(&format!(
        "{} {} {} ",
        fit("exporter · goods", k.rest),
        fit("family", 10),
        fit("status", 12)
    ));
    if k.verdict {
        s.push_str(&fit("verdict", 16));
    }
    fit(&s, width)
}

/// One table row as text, cut and padded to `width` (cached by the screen per page).
pub fn row_text(r: &ShipmentRow, width: usize) -> String {
    let k = cols(width);
    let mut s = format!(
        "{} {} {} ",
        fit(&c(&r.declared_on), 10),
        fit(&c(&r.destination), 2),
        fit(&c(&r.hs_code), 10)
    );
    if k.decl {
        s.push_str(&format!("{} ", fit(&c(&r.declaration_no), 18)));
    }
    let who = format!("{} · {}", c(&r.exporter_name), c(&r.description));
    s.push_str(&format!(
        "{} {} {} ",
        fit(&who, k.rest),
        fit(&c(&r.family), 10),
        fit(&c(&r.status), 12)
    ));
    if k.verdict {
        s.push_str(&fit(&c(&r.verdict), 16));
    }
    fit(&s, width)
}

pub fn render(s: &ShipmentsScreen, f: &mut Frame, area: Rect, theme: &Theme) {
    let (table, detail) = split(area);
    let list_focus = s.focus == Pane::List;
    let mut title = format!("Shipments · {} rows", s.rows.len());
    if s.has_newer {
        title.push_str(" · ↑ newer");
    }
    if s.has_older {
        title.push_str(" · ↓ older");
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
        Line::styled(
            "/ filter: words  from:YYYY-MM-DD to:  dest:US  family:gallium  status:held",
            theme.dim,
        )
    };
    f.render_widget(Paragraph::new(filter_line), filter);
    let w = inner.width as usize;
    f.render_widget(Paragraph::new(Line::styled(header(w), theme.title)), head);
    let lines: Vec<Line> = s
        .rows
        .iter()
        .take(body.height as usize)
        .enumerate()
        .map(|(i, r)| match s.row_texts.get(i) {
            Some(t) if s.row_width == w => Line::raw(t.as_str()),
            _ => Line::raw(row_text(r, w)),
        })
        .collect();
    if lines.is_empty() {
        f.render_widget(
            Paragraph::new(Line::styled("no shipment matches", theme.dim)),
            body,
        );
    } else {
        draw_rows(f, body, lines, Some(s.selected), list_focus, theme);
    }

    let block = pane("Shipment", s.focus == Pane::Detail, theme);
    let inner = block.inner(detail);
    f.render_widget(block, detail);
    let lines = match &s.detail {
        Some(d) => {
            let marked = s
                .review
                .is_supervisor()
                .then(|| s.review.target(d))
                .flatten();
            let mut l = detail_lines(d, marked.map(|i| i.id.as_str()), theme);
            let mut head = s.review.detail_lines(d, theme);
            head.append(&mut l);
            head
        }
        None => vec![Line::styled("no shipment selected", theme.dim)],
    };
    draw_lines(f, inner, &lines, s.detail_scroll as usize);
    if let Some(p) = &s.review.prompt {
        super::review::render_prompt(p, f, area, theme);
    }
}

/// A stored UTC time shown in local time (DESIGN §3).
pub fn local(ts: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(ts)
        .map(|t| {
            t.with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| c(ts))
}

fn money(minor: Option<i64>, cur: &str) -> String {
    minor
        .map(|m| format!("{}.{:02} {}", m / 100, m % 100, c(cur)))
        .unwrap_or_else(|| "—".into())
}

/// The detail pane's lines; `marked`: the inspection the review keys act on (▶).
pub fn detail_lines<'a>(
    d: &'a ShipmentDetail,
    marked: Option<&str>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let r = &d.row;
    // one fact per line under fixed labels, no wrapping: moving the selection rewrites
    // only the values that differ (DESIGN §10: under 1 KB per row move)
    let kv = |k: &'static str, v: String| {
        Line::from(vec![
            Span::styled(format!("{k:<12}"), theme.dim),
            Span::raw(v),
        ])
    };
    let mut l = vec![
        Line::from(vec![
            Span::styled(c(&r.declaration_no), theme.title),
            Span::raw(format!(
                "  {} · {} · {}",
                c(&r.declared_on),
                c(&d.state),
                c(&r.status)
            )),
        ]),
        kv("Exporter", c(&r.exporter_name)),
        kv("Credit code", c(&d.exporter_credit_code)),
        kv(
            "Consignee",
            format!("{} → {}", c(&d.consignee), c(&r.destination)),
        ),
        kv(
            "End user",
            format!("{} ({})", c(&d.end_user), c(&d.end_use)),
        ),
        kv(
            "Goods",
            format!("HS {} · {}", c(&r.hs_code), c(&r.description)),
        ),
        kv("Composition", c(&d.composition)),
        kv(
            "Quantity",
            format!(
                "{} {} · net {} kg",
                c(&d.quantity),
                c(&d.quantity_unit),
                d.net_weight_g
                    .map(|g| format!("{:.3}", g as f64 / 1000.0))
                    .unwrap_or_else(|| "—".into()),
            ),
        ),
        kv("Value", money(d.value_minor, &d.currency)),
        kv(
            "Transport",
            format!("{} · {}", c(&d.transport_mode), c(&d.container_nos)),
        ),
        kv("Via", c(&d.transshipment)),
        kv(
            "Licence",
            if d.licence_no.is_empty() {
                "none declared".into()
            } else {
                c(&d.licence_no)
            },
        ),
        kv("Screening", format!("{} · {}", c(&r.verdict), c(&r.family))),
        Line::styled(
            format!("Inspections ({})", d.inspections.len()),
            theme.title,
        ),
    ];
    if d.inspections.is_empty() {
        l.push(Line::styled("  none recorded", theme.dim));
    }
    for i in &d.inspections {
        l.push(Line::raw(format!(
            "{} {} {} · {} · {} · {} · {} · {}",
            if marked == Some(i.id.as_str()) {
                "▶"
            } else {
                " "
            },
            local(&i.started_at),
            c(&i.locode),
            c(&i.trigger),
            c(&i.outcome),
            c(&i.verdict),
            c(&i.officer),
            c(&i.state)
        )));
        if let Some(r) = &i.review {
            l.push(Line::styled(
                format!("    {}", super::record_view::review_head(r)),
                super::record_view::review_style(r, theme),
            ));
            if !r.comment.is_empty() {
                l.push(Line::raw(format!("      {}", c(&r.comment))));
            }
        }
        if !i.narrative.is_empty() {
            l.push(Line::raw(format!("    {}", c(&i.narrative))));
        }
    }
    l.push(Line::styled(
        format!("Findings ({})", d.findings.len()),
        theme.title,
    ));
    if d.findings.is_empty() {
        l.push(Line::styled("  none recorded", theme.dim));
    }
    for f in &d.findings {
        l.push(Line::raw(format!(
            "  {}: declared {} · found {} · {}",
            c(&f.kind),
            c(&f.declared),
            c(&f.found),
            c(&f.evidence)
        )));
    }
    l.push(Line::styled(
        format!("Seizures ({})", d.seizures.len()),
        theme.title,
    ));
    if d.seizures.is_empty() {
        l.push(Line::styled("  none recorded", theme.dim));
    }
    for z in &d.seizures {
        l.push(Line::raw(format!(
            "  {} ({}) {} {} · stored at {}",
            c(&z.goods),
            c(&z.family),
            c(&z.quantity),
            c(&z.unit),
            c(&z.storage_location)
        )));
    }
    l
}
