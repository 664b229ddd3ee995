//! Drawing the statistics view from its [`StatsView`] state (the numbers were read when
//! it opened): the pages, the scope, an overview (totals, review states and turnaround,
//! a sparkline of inspections by month, the verdict mix) or one grouping as a horizontal
//! bar chart of the chosen measure (the months also as a line chart when there is room).
//! Every bar carries its label and its value as text, so the charts read without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, Chart, Dataset, GraphType, Paragraph, Sparkline, Wrap,
};

use super::stats::{Measure, StatsPage, StatsView};
use crate::domain::{Lang, sanitize};
use crate::report::desk::panel::DeskPanel;
use crate::report::desk::render::{duration, scope_line};
use crate::store::stats::GroupStats;
use crate::t;
use crate::tui::screens::ViewCx;
use crate::tui::text::fit;
use crate::tui::widgets::table::pane;

/// A measure's value as a bar length and as text.
fn measure(m: Measure, g: &GroupStats) -> (u64, String) {
    match m {
        Measure::Inspections => (g.inspections, g.inspections.to_string()),
        Measure::Seizures => (g.seizures, g.seizures.to_string()),
        Measure::SeizedKg => (
            g.seized_kg.max(0.0).round() as u64,
            format!("{:.1}", g.seized_kg),
        ),
        Measure::ValueCny => (
            (g.seized_value_cny_minor.max(0) / 100) as u64,
            money(g.seized_value_cny_minor),
        ),
        Measure::Findings => (g.findings, g.findings.to_string()),
    }
}

fn money(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, (minor % 100).abs())
}

fn key_text(lang: Lang, key: &str) -> String {
    if key.is_empty() {
        t!(lang, "stats-key-none")
    } else {
        sanitize(key).into_owned()
    }
}

/// Horizontal bars, each labelled `key  value` (the value as text, not only length).
fn bars<'a>(rows: &[(String, u64, String)], key_w: usize, theme_bar: Style) -> BarChart<'a> {
    let val_w = rows.iter().map(|r| r.2.chars().count()).max().unwrap_or(1);
    let bars: Vec<Bar> = rows
        .iter()
        .map(|(k, v, text)| {
            Bar::new(*v)
                .label(Line::raw(format!("{} {text:>val_w$}", fit(k, key_w))))
                .text_value(String::new())
        })
        .collect();
    BarChart::horizontal(bars)
        .bar_width(1)
        .bar_gap(0)
        .bar_style(theme_bar)
}

fn page_tabs(s: &StatsView, lang: Lang, v: &ViewCx) -> Line<'static> {
    let mut spans = Vec::new();
    for p in StatsPage::ALL {
        let name = t!(lang, p.label());
        if p == s.page {
            spans.push(Span::styled(format!("[{name}]"), v.theme.selected));
        } else {
            spans.push(Span::styled(format!(" {name} "), v.theme.dim));
        }
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

fn bottom_line<'a>(s: &'a StatsView, v: &ViewCx) -> Line<'a> {
    let editing = s.editing.is_some();
    if let Some(m) = &s.error {
        let mut l = s.filter_input.line("/ ", v.theme.base, editing);
        let why = sanitize(&crate::i18n::msg(v.lang, m)).into_owned();
        l.spans
            .push(Span::styled(format!("  ⚠ {why}"), v.theme.error));
        l
    } else if editing || !s.filter_input.text().is_empty() {
        s.filter_input.line("/ ", v.theme.base, editing)
    } else {
        Line::styled(t!(v.lang, "stats-filter-hint"), v.theme.dim)
    }
}

pub fn render(s: &StatsView, f: &mut Frame, area: Rect, v: &ViewCx) {
    let lang = v.lang;
    let title = t!(
        lang,
        "stats-title",
        page = t!(lang, s.page.label()),
        measure = t!(lang, s.measure.label())
    );
    let block = pane(title, true, v.theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let bottom_rows = if s.error.is_some() { 2 } else { 1 };
    let [tabs, scope, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(bottom_rows),
    ])
    .areas(inner);
    f.render_widget(Paragraph::new(page_tabs(s, lang, v)), tabs);
    f.render_widget(
        Paragraph::new(bottom_line(s, v)).wrap(Wrap { trim: false }),
        bottom,
    );
    let Some(p) = &s.panel else {
        let none = Line::styled(t!(lang, "stats-none"), v.theme.dim);
        f.render_widget(Paragraph::new(none), body);
        return;
    };
    let scope_text = fit(&scope_line(lang, &p.summary.scope), scope.width as usize);
    f.render_widget(Paragraph::new(Line::styled(scope_text, v.theme.dim)), scope);
    match s.page {
        StatsPage::Overview => overview(p, f, body, v),
        page => grouping(s, p, page, f, body, v),
    }
}

fn overview(p: &DeskPanel, f: &mut Frame, area: Rect, v: &ViewCx) {
    let (lang, theme) = (v.lang, v.theme);
    let t = p.total();
    let r = &p.review;
    let lines = vec![
        Line::raw(t!(
            lang,
            "stats-totals",
            inspections = t.inspections as i64,
            seized = t.seized_inspections as i64,
            seizures = t.seizures as i64,
            kg = format!("{:.1}", t.seized_kg),
            value = money(t.seized_value_cny_minor),
            findings = t.findings as i64
        )),
        Line::raw(t!(
            lang,
            "stats-review",
            pending = r.pending as i64,
            approved = r.approved as i64,
            returned = r.returned as i64,
            resubmitted = r.resubmitted as i64,
            median = duration(lang, r.turnaround_median_s),
            p90 = duration(lang, r.turnaround_p90_s)
        )),
    ];
    let w = usize::from(area.width.max(1));
    let text_rows = lines
        .iter()
        .map(|l| l.width().div_ceil(w).max(1))
        .sum::<usize>();
    let text_rows = text_rows.min(4) as u16;
    let text = Paragraph::new(lines).wrap(Wrap { trim: true });
    let [head, spark_title, spark, verdicts] = Layout::vertical([
        Constraint::Length(text_rows),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(0),
    ])
    .areas(area);
    f.render_widget(text, head);
    let months = p.by_month();
    let data: Vec<u64> = months.iter().map(|g| g.inspections).collect();
    let (first, last) = match (months.first(), months.last()) {
        (Some(a), Some(b)) => (key_text(lang, &a.key), key_text(lang, &b.key)),
        _ => ("-".into(), "-".into()),
    };
    let spark_line = t!(
        lang,
        "stats-spark",
        first = first,
        last = last,
        max = data.iter().copied().max().unwrap_or(0) as i64,
        months = data.len()
    );
    f.render_widget(
        Paragraph::new(Line::styled(spark_line, theme.title)),
        spark_title,
    );
    f.render_widget(Sparkline::default().data(&data).style(theme.ok), spark);
    verdict_mix(p, f, verdicts, v);
}

const VERDICTS: [&str; 4] = [
    "prohibited",
    "licence_required",
    "needs_review",
    "not_controlled",
];

/// The verdict mix: on the declaration and after inspection, side by side.
fn verdict_mix(p: &DeskPanel, f: &mut Frame, area: Rect, v: &ViewCx) {
    let lang = v.lang;
    let halves = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
        .spacing(1)
        .split(area);
    for (i, (rows, title)) in [
        (&p.declared, "stats-verdict-declared"),
        (&p.found, "stats-verdict-found"),
    ]
    .into_iter()
    .enumerate()
    {
        let [head, chart] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(halves[i]);
        f.render_widget(
            Paragraph::new(Line::styled(t!(lang, title), v.theme.title)),
            head,
        );
        let mut data: Vec<(String, u64, String)> = VERDICTS
            .iter()
            .map(|verdict| {
                let n = rows
                    .iter()
                    .find(|g| g.key == *verdict)
                    .map_or(0, |g| g.inspections);
                (t!(lang, &format!("stats-v-{verdict}")), n, n.to_string())
            })
            .collect();
        let other: u64 = rows
            .iter()
            .filter(|g| !VERDICTS.contains(&g.key.as_str()))
            .map(|g| g.inspections)
            .sum();
        if other > 0 {
            data.push((t!(lang, "stats-key-none"), other, other.to_string()));
        }
        let key_w = data.iter().map(|d| d.0.chars().count()).max().unwrap_or(4);
        f.render_widget(bars(&data, key_w, v.theme.ok), chart);
    }
}

fn rows_of(p: &DeskPanel, page: StatsPage) -> (&[GroupStats], &'static str) {
    match page {
        StatsPage::Family | StatsPage::Overview => (p.by_family(), "report-section-by_family"),
        StatsPage::Month => (p.by_month(), "report-section-by_month"),
        StatsPage::Port => (p.by_port.as_slice(), "report-section-by_port"),
        StatsPage::Officer => (p.by_officer(), "report-section-by_officer"),
        StatsPage::Exporter => (p.by_exporter(), "report-section-by_exporter"),
    }
}

/// One grouping as bars of the chosen measure (scrolled with j/k); the months also as
/// a line chart when the body has room for both.
fn grouping(s: &StatsView, p: &DeskPanel, page: StatsPage, f: &mut Frame, area: Rect, v: &ViewCx) {
    let lang = v.lang;
    let (rows, section) = rows_of(p, page);
    let (head, mut chart_area) = {
        let [h, c] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        (h, c)
    };
    if page == StatsPage::Month && chart_area.height >= 20 && rows.len() > 1 {
        let [line, bars_area] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Min(0)]).areas(chart_area);
        month_chart(s, rows, f, line, v);
        chart_area = bars_area;
    }
    let visible = chart_area.height as usize;
    let first = s.scroll.min(rows.len().saturating_sub(visible));
    let more = if rows.len() > visible {
        t!(
            lang,
            "stats-showing",
            from = first + 1,
            to = (first + visible).min(rows.len()),
            count = rows.len()
        )
    } else {
        String::new()
    };
    let heading = format!(
        "{} · {} {more}",
        crate::i18n::text(lang, section),
        t!(lang, s.measure.label())
    );
    f.render_widget(
        Paragraph::new(Line::styled(heading.trim_end().to_string(), v.theme.title)),
        head,
    );
    if rows.is_empty() {
        let none = Line::styled(t!(lang, "stats-none"), v.theme.dim);
        f.render_widget(Paragraph::new(none), chart_area);
        return;
    }
    let key_w = (chart_area.width as usize / 3).clamp(6, 28);
    let data: Vec<(String, u64, String)> = rows
        .iter()
        .skip(first)
        .take(visible)
        .map(|g| {
            let (n, text) = measure(s.measure, g);
            (key_text(lang, &g.key), n, text)
        })
        .collect();
    let width = data.iter().map(|d| d.0.chars().count()).max().unwrap_or(6);
    let max = rows
        .iter()
        .map(|g| measure(s.measure, g).0)
        .max()
        .unwrap_or(0);
    f.render_widget(
        bars(&data, width.min(key_w), v.theme.ok).max(max.max(1)),
        chart_area,
    );
}

/// The months as a line chart of the chosen measure (x: month index; labels: the first
/// and last month).
fn month_chart(s: &StatsView, rows: &[GroupStats], f: &mut Frame, area: Rect, v: &ViewCx) {
    let points: Vec<(f64, f64)> = rows
        .iter()
        .enumerate()
        .map(|(i, g)| (i as f64, measure(s.measure, g).0 as f64))
        .collect();
    let max = points.iter().map(|p| p.1).fold(0.0, f64::max).max(1.0);
    let (first, last) = (
        rows.first().map(|g| g.key.clone()).unwrap_or_default(),
        rows.last().map(|g| g.key.clone()).unwrap_or_default(),
    );
    let data = [Dataset::default()
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(v.theme.ok)
        .data(&points)];
    let chart = Chart::new(data.to_vec())
        .x_axis(
            Axis::default()
                .bounds([0.0, (rows.len().saturating_sub(1)).max(1) as f64])
                .labels([sanitize(&first).into_owned(), sanitize(&last).into_owned()]),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, max])
                .labels(["0".to_string(), format!("{max:.0}")]),
        );
    f.render_widget(chart, area);
}
