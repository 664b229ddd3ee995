//! `training grade` output: a table or Markdown for people (words in the interface
//! language), CSV and JSON for machines (the same keys and values in every language).

use clap::ValueEnum;

use super::{CliError, CliResult};
use crate::domain::{Lang, sanitize};
use crate::fixture::scenario::grade::{
    Missed, ScenarioGrade, ShipmentGrade, TraineeGrade, class_summary,
};
use crate::i18n;
use crate::t;

/// `--format`: for people (table, md) or machines (csv, json).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Md,
    Csv,
    Json,
}

/// The CSV header: one row per graded item.
pub const CSV_HEADER: &[&str] = &[
    "file",
    "trainee",
    "scenario",
    "shipment",
    "declaration_no",
    "finalized",
    "seconds",
    "item",
    "expected",
    "done",
    "points",
    "max",
    "rule",
    "why",
];

pub fn render(grades: &[TraineeGrade], format: Format, lang: Lang) -> CliResult<String> {
    let summary = class_summary(grades);
    match format {
        Format::Json => {
            let v = serde_json::json!({ "trainees": grades, "summary": summary });
            Ok(format!("{v}\n"))
        }
        Format::Csv => csv_text(grades),
        Format::Table => Ok(people(grades, &summary, lang, false)),
        Format::Md => Ok(people(grades, &summary, lang, true)),
    }
}

fn csv_text(grades: &[TraineeGrade]) -> CliResult<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| CliError::Failed(e.to_string());
    w.write_record(CSV_HEADER).map_err(fail)?;
    for g in grades {
        for sc in &g.scenarios {
            for sh in &sc.shipments {
                for it in &sh.items {
                    let seconds = sh.seconds.map(|s| s.to_string()).unwrap_or_default();
                    let row: [String; 14] = [
                        g.file.clone(),
                        g.trainee.clone(),
                        sc.scenario.clone(),
                        sh.shipment.clone(),
                        sh.declaration_no.clone(),
                        sh.finalized.to_string(),
                        seconds,
                        it.item.clone(),
                        it.expected.clone(),
                        it.done.clone(),
                        it.points.to_string(),
                        it.max.to_string(),
                        it.rule.clone(),
                        it.why.clone(),
                    ];
                    w.write_record(&row).map_err(fail)?;
                }
            }
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| CliError::Failed(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| CliError::Failed(e.to_string()))
}

/// `6 min 12 s` (or "not finalized").
fn duration(sh: &ShipmentGrade, lang: Lang) -> String {
    match (sh.finalized, sh.seconds) {
        (false, _) => t!(lang, "training-not-finalized"),
        (true, Some(s)) => t!(
            lang,
            "training-duration",
            minutes = s / 60,
            seconds = s % 60
        ),
        (true, None) => t!(lang, "training-duration-unknown"),
    }
}

fn cell(s: &str) -> String {
    if s.is_empty() {
        "—".into()
    } else {
        sanitize(s).into_owned()
    }
}

fn people(grades: &[TraineeGrade], summary: &[Missed], lang: Lang, md: bool) -> String {
    let mut out = String::new();
    let cols = [
        "training-col-item",
        "training-col-expected",
        "training-col-done",
        "training-col-points",
        "training-col-rule",
        "training-col-why",
    ]
    .map(|id| i18n::text(lang, id));
    for g in grades {
        let head = t!(
            lang,
            "training-grade-trainee",
            trainee = sanitize(&g.trainee).into_owned(),
            file = g.file.clone(),
            points = g.points,
            max = g.max
        );
        out.push_str(&if md {
            format!("## {head}\n\n")
        } else {
            format!("{head}\n")
        });
        for sc in &g.scenarios {
            for sh in &sc.shipments {
                out.push_str(&shipment_block(sc, sh, &cols, lang, md));
            }
        }
        out.push('\n');
    }
    let title = t!(lang, "training-summary-title");
    out.push_str(&if md {
        format!("## {title}\n\n")
    } else {
        format!("{title}\n")
    });
    if summary.is_empty() {
        out.push_str(&format!("{}\n", t!(lang, "training-summary-none")));
    }
    for m in summary {
        let line = t!(
            lang,
            "training-summary-row",
            scenario = m.scenario.clone(),
            shipment = m.shipment.clone(),
            item = m.item.clone(),
            missed = m.missed,
            of = m.of
        );
        out.push_str(&if md {
            format!("- {line}\n")
        } else {
            format!("  {line}\n")
        });
    }
    out
}

/// One shipment's line and its items' table.
fn shipment_block(
    sc: &ScenarioGrade,
    sh: &ShipmentGrade,
    cols: &[String; 6],
    lang: Lang,
    md: bool,
) -> String {
    let line = t!(
        lang,
        "training-grade-shipment",
        scenario = sc.scenario.clone(),
        title = sc.title.clone(),
        shipment = sh.shipment.clone(),
        points = sh.points,
        max = sh.max,
        time = duration(sh, lang)
    );
    let rows: Vec<[String; 6]> = sh
        .items
        .iter()
        .map(|it| {
            [
                it.item.clone(),
                cell(&it.expected),
                cell(&it.done),
                format!("{}/{}", it.points, it.max),
                cell(&it.rule),
                sanitize(&it.why).into_owned(),
            ]
        })
        .collect();
    if md {
        format!("### {line}\n\n{}\n", md_table(cols, &rows))
    } else {
        format!("  {line}\n{}", plain_table(cols, &rows, "    "))
    }
}

fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Columns padded to their widest cell; the last column is not padded.
fn plain_table(cols: &[String; 6], rows: &[[String; 6]], indent: &str) -> String {
    let mut w = cols.clone().map(|c| width(&c));
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(width(c));
        }
    }
    let line = |cells: &[String; 6]| {
        let mut s = String::from(indent);
        for (i, c) in cells.iter().enumerate() {
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(w[i] - width(c) + 2));
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(cols);
    for r in rows {
        out.push_str(&line(r));
    }
    out
}

fn md_table(cols: &[String; 6], rows: &[[String; 6]]) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let mut out = format!(
        "| {} |\n",
        cols.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
    );
    out.push_str(&format!("|{}\n", "---|".repeat(cols.len())));
    for r in rows {
        out.push_str(&format!(
            "| {} |\n",
            r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}
