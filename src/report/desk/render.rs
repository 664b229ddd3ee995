//! A [`DeskReport`] as an aligned text table (measured in terminal columns, so Chinese
//! lines up), CSV (RFC 4180 through the `csv` crate: the header row first, no title row,
//! stable English machine names), Markdown (a translated title, the same tables, totals)
//! or JSON (stable English keys). Words come from the catalogue; machine output never
//! changes with the language.

use unicode_width::UnicodeWidthStr;

use super::{DeskReport, Section};
use crate::domain::Lang;
use crate::domain::sanitize;
use crate::store::stats::{GroupStats, ReviewStats};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Md,
    Json,
}

/// The formats, as typed on the command line.
pub const FORMATS: &str = "table, csv, md, json";

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_lowercase().as_str() {
            "table" => Some(Format::Table),
            "csv" => Some(Format::Csv),
            "md" => Some(Format::Md),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// The value columns of a grouped section, by machine name.
pub const GROUP_COLUMNS: [&str; 6] = [
    "inspections",
    "seized_inspections",
    "seizures",
    "seized_kg",
    "seized_value_cny",
    "findings",
];

fn values(g: &GroupStats) -> [String; 6] {
    [
        g.inspections.to_string(),
        g.seized_inspections.to_string(),
        g.seizures.to_string(),
        format!("{:.3}", g.seized_kg),
        format!(
            "{}.{:02}",
            g.seized_value_cny_minor / 100,
            g.seized_value_cny_minor % 100
        ),
        g.findings.to_string(),
    ]
}

/// The review metrics, by machine name, with their values (seconds for turnarounds;
/// empty when nothing was decided).
fn review_rows(r: &ReviewStats) -> Vec<(&'static str, String)> {
    let opt = |v: Option<i64>| v.map(|s| s.to_string()).unwrap_or_default();
    vec![
        ("pending", r.pending.to_string()),
        ("approved", r.approved.to_string()),
        ("returned", r.returned.to_string()),
        ("resubmitted", r.resubmitted.to_string()),
        ("decided", r.decided.to_string()),
        ("turnaround_median_s", opt(r.turnaround_median_s)),
        ("turnaround_p90_s", opt(r.turnaround_p90_s)),
    ]
}

/// A grid of one section: translated headers, rows, the total row.
struct Grid {
    title: String,
    head: Vec<String>,
    rows: Vec<Vec<String>>,
    total: Option<Vec<String>>,
}

/// A turnaround in hours and minutes ("none" when nothing was decided).
pub fn duration(lang: Lang, secs: Option<i64>) -> String {
    match secs {
        None => crate::t!(lang, "report-none"),
        Some(s) => crate::t!(lang, "report-duration", h = s / 3600, m = (s % 3600) / 60),
    }
}

fn grids(lang: Lang, r: &DeskReport) -> Vec<Grid> {
    let mut out: Vec<Grid> = r
        .sections
        .iter()
        .map(|s: &Section| {
            let mut head = vec![crate::i18n::text(lang, &format!("report-col-{}", s.key))];
            head.extend(
                GROUP_COLUMNS
                    .iter()
                    .map(|c| crate::i18n::text(lang, &format!("report-col-{c}"))),
            );
            let row = |k: String, g: &GroupStats| {
                let mut v = vec![k];
                v.extend(values(g));
                v
            };
            Grid {
                title: crate::i18n::text(lang, &format!("report-section-{}", s.section)),
                head,
                rows: s
                    .rows
                    .iter()
                    .map(|g| row(sanitize(&g.key).into_owned(), g))
                    .collect(),
                total: Some(row(crate::t!(lang, "report-total"), &s.total)),
            }
        })
        .collect();
    if let Some(rv) = &r.review {
        let rows = review_rows(rv)
            .into_iter()
            .map(|(m, v)| {
                let shown = match m {
                    "turnaround_median_s" => duration(lang, rv.turnaround_median_s),
                    "turnaround_p90_s" => duration(lang, rv.turnaround_p90_s),
                    _ => v,
                };
                vec![
                    crate::i18n::text(lang, &format!("report-metric-{m}")),
                    shown,
                ]
            })
            .collect();
        out.push(Grid {
            title: crate::t!(lang, "report-section-review"),
            head: vec![
                crate::t!(lang, "report-col-metric"),
                crate::t!(lang, "report-col-value"),
            ],
            rows,
            total: None,
        });
    }
    out
}

fn heading(lang: Lang, r: &DeskReport) -> Vec<String> {
    let mut lines = Vec::new();
    if r.training {
        lines.push(crate::t!(lang, "receipt-training-mark"));
    }
    lines.push(crate::i18n::text(
        lang,
        &format!("report-title-{}", r.report.as_str()),
    ));
    lines.push(scope_line(lang, &r.scope));
    lines
}

/// The scope of a report (or of the statistics view) in words.
pub fn scope_line(lang: Lang, scope: &super::ScopeOut) -> String {
    let any = |v: &Option<String>| v.as_deref().map(sanitize).map(|s| s.into_owned());
    let all = crate::t!(lang, "report-all");
    crate::t!(
        lang,
        "report-scope",
        from = any(&scope.from).unwrap_or_else(|| all.clone()),
        to = any(&scope.to).unwrap_or_else(|| all.clone()),
        port = any(&scope.port).unwrap_or_else(|| all.clone()),
        family = any(&scope.family).unwrap_or_else(|| all.clone()),
        officer = any(&scope.officer).unwrap_or_else(|| all.clone())
    )
}

fn pad(s: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(UnicodeWidthStr::width(s)));
    match right {
        true => format!("{fill}{s}"),
        false => format!("{s}{fill}"),
    }
}

/// Aligned text: the first column to the left, numbers to the right.
pub fn table(lang: Lang, r: &DeskReport) -> String {
    let mut out = heading(lang, r).join("\n");
    out.push('\n');
    for g in grids(lang, r) {
        let all: Vec<&Vec<String>> = std::iter::once(&g.head)
            .chain(g.rows.iter())
            .chain(g.total.iter())
            .collect();
        let widths: Vec<usize> = (0..g.head.len())
            .map(|i| all.iter().map(|row| row[i].width()).max().unwrap_or(0))
            .collect();
        let line = |row: &Vec<String>| {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, c)| pad(c, widths[i], i > 0))
                .collect();
            cells.join("  ").trim_end().to_string()
        };
        out.push('\n');
        out.push_str(&g.title);
        out.push('\n');
        for row in all {
            out.push_str(&line(row));
            out.push('\n');
        }
    }
    out
}

/// Markdown for a director's brief: the title, the scope, each table with its total.
pub fn markdown(lang: Lang, r: &DeskReport) -> String {
    let head = heading(lang, r);
    let mut out = String::new();
    let mut first = 0;
    if r.training {
        out.push_str(&format!("**{}**\n\n", head[0]));
        first = 1;
    }
    out.push_str(&format!("# {}\n\n{}\n", head[first], head[first + 1]));
    let cell = |s: &String| s.replace('|', "\\|");
    for g in grids(lang, r) {
        out.push_str(&format!("\n## {}\n\n", g.title));
        let row = |v: &Vec<String>| {
            format!(
                "| {} |\n",
                v.iter().map(cell).collect::<Vec<_>>().join(" | ")
            )
        };
        out.push_str(&row(&g.head));
        let rule: Vec<&str> = (0..g.head.len())
            .map(|i| if i == 0 { "---" } else { "---:" })
            .collect();
        out.push_str(&format!("| {} |\n", rule.join(" | ")));
        for r in &g.rows {
            out.push_str(&row(r));
        }
        if let Some(t) = &g.total {
            let bold: Vec<String> = t.iter().map(|c| format!("**{}**", cell(c))).collect();
            out.push_str(&format!("| {} |\n", bold.join(" | ")));
        }
    }
    out
}

/// CSV: one header row of machine names, then one row per group (`section`, `key`, the
/// value columns), or for the review report one row per metric (`metric`, `value`).
pub fn csv(r: &DeskReport) -> Result<String, String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let err = |e: ::csv::Error| e.to_string();
    match &r.review {
        Some(rv) => {
            w.write_record(["metric", "value"]).map_err(err)?;
            for (m, v) in review_rows(rv) {
                w.write_record([m, v.as_str()]).map_err(err)?;
            }
        }
        None => {
            let mut head = vec!["section", "key"];
            head.extend(GROUP_COLUMNS);
            w.write_record(&head).map_err(err)?;
            for s in &r.sections {
                for g in &s.rows {
                    let mut row = vec![s.section.to_string(), g.key.clone()];
                    row.extend(values(g));
                    w.write_record(&row).map_err(err)?;
                }
            }
        }
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// JSON with stable English keys (the typed report as it is).
pub fn json(r: &DeskReport) -> Result<String, String> {
    serde_json::to_string_pretty(r).map_err(|e| e.to_string())
}

/// `r` in `format`.
pub fn render(lang: Lang, r: &DeskReport, format: Format) -> Result<String, String> {
    match format {
        Format::Table => Ok(table(lang, r)),
        Format::Md => Ok(markdown(lang, r)),
        Format::Csv => csv(r),
        Format::Json => json(r).map(|mut s| {
            s.push('\n');
            s
        }),
    }
}
