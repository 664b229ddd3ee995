//! `minspect rules rescreen [--pack FILE] [--since DATE] [--format table|md|csv|json]`:
//! the finalized inspections whose verdict would differ under a rule pack, and why, from
//! the read model `report::rescreen`. Reads only: a frozen record never changes.

use std::path::Path;

use super::{CliError, CliResult, open_for_reading};
use crate::domain::{Lang, sanitize};
use crate::report::desk::render::{FORMATS, Format};
use crate::report::rescreen::{Rescreen, rescreen};
use crate::report::screening::verdict_word;
use crate::rules::{RulePack, Verdict};
use crate::t;

fn s(text: &str) -> String {
    sanitize(text).into_owned()
}

/// The rule pack in `file`, checked like an import (`file:line: reason`, exit 2).
pub fn pack_from_file(f: &Path, lang: Lang) -> CliResult<RulePack> {
    let text = std::fs::read_to_string(f).map_err(|e| {
        CliError::BadInput(t!(
            lang,
            "rescreen-unreadable",
            file = s(&f.display().to_string()),
            error = e.to_string()
        ))
    })?;
    RulePack::parse(&text, &f.display().to_string())
        .map_err(|e| CliError::BadInput(s(&e.to_string())))
}

/// The flags checked before anything is read: the format, the date, the database.
pub fn check_flags(
    db: &Path,
    since: Option<&str>,
    format: &str,
    lang: Lang,
) -> CliResult<(Format, Option<String>)> {
    let format = Format::parse(format).ok_or_else(|| {
        CliError::BadInput(t!(
            lang,
            "rescreen-bad-format",
            value = s(format),
            formats = FORMATS
        ))
    })?;
    let since = match since {
        None => None,
        Some(v) => Some(
            chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                .map_err(|_| CliError::BadInput(t!(lang, "rescreen-bad-since", value = s(v))))?
                .to_string(),
        ),
    };
    if !db.exists() {
        return Err(CliError::BadInput(t!(
            lang,
            "rescreen-no-db",
            db = s(&db.display().to_string())
        )));
    }
    Ok((format, since))
}

/// Re-screens the finalized inspections of `db` with `pack` and prints the differences.
pub fn run(
    db: &Path,
    read_only: bool,
    pack: &RulePack,
    (format, since): (Format, Option<String>),
    lang: Lang,
) -> CliResult {
    let store = open_for_reading(db, read_only, lang)?;
    let r = rescreen(&store, pack, since.as_deref())?;
    let out = match format {
        Format::Table => table(&r, lang),
        Format::Md => markdown(&r, lang),
        Format::Csv => csv(&r).map_err(CliError::Failed)?,
        Format::Json => {
            serde_json::to_string_pretty(&r).map_err(|e| CliError::Failed(e.to_string()))? + "\n"
        }
    };
    print!("{out}");
    Ok(())
}

/// A stored verdict in words (as stored when it is not one).
fn was(lang: Lang, stored: &str) -> String {
    match serde_json::from_value::<Verdict>(serde_json::Value::String(stored.into())) {
        Ok(v) => verdict_word(lang, v),
        Err(_) => s(stored),
    }
}

fn head(r: &Rescreen, lang: Lang) -> String {
    t!(
        lang,
        "rescreen-head",
        version = s(&r.pack_version),
        checked = r.checked,
        changed = r.changed.len(),
        since = r.since.clone().unwrap_or_else(|| "-".into())
    )
}

fn table(r: &Rescreen, lang: Lang) -> String {
    let mut out = head(r, lang);
    out.push('\n');
    for row in &r.changed {
        out.push_str(&t!(
            lang,
            "rescreen-row",
            declaration = s(&row.declaration_no),
            inspection = s(&row.inspection_id),
            finalized = s(&row.finalized_at),
            before = was(lang, &row.before),
            before_pack = s(&row.before_pack),
            after = verdict_word(lang, row.after)
        ));
        out.push('\n');
        for why in row.why(lang) {
            out.push_str(&format!("    - {}\n", s(&why)));
        }
    }
    out
}

fn markdown(r: &Rescreen, lang: Lang) -> String {
    let mut out = format!("# {}\n\n{}\n\n", t!(lang, "rescreen-title"), head(r, lang));
    out.push_str(&format!(
        "| {} |\n|---|---|---|---|---|\n",
        t!(lang, "rescreen-md-columns")
    ));
    let cell = |t: &str| s(t).replace('|', "\\|");
    for row in &r.changed {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&row.declaration_no),
            cell(&row.finalized_at),
            was(lang, &row.before),
            verdict_word(lang, row.after),
            cell(&row.why(lang).join("; "))
        ));
    }
    out
}

fn csv(r: &Rescreen) -> Result<String, String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let err = |e: ::csv::Error| e.to_string();
    w.write_record([
        "inspection_id",
        "declaration_no",
        "finalized_at",
        "declared_on",
        "before",
        "before_pack",
        "after",
        "after_pack",
        "new_reasons",
        "gone",
    ])
    .map_err(err)?;
    for row in &r.changed {
        let reasons: Vec<&str> = row.new_reasons.iter().map(|x| x.rule_id.as_str()).collect();
        w.write_record([
            row.inspection_id.as_str(),
            &row.declaration_no,
            &row.finalized_at,
            &row.declared_on,
            &row.before,
            &row.before_pack,
            row.after.as_str(),
            &r.pack_version,
            &reasons.join(" "),
            &row.gone.join(" "),
        ])
        .map_err(err)?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}
