//! `minspect report NAME [--from DATE] [--to DATE] [--port LOCODE] [--family ID]
//! [--officer BADGE] [--format table|csv|md|json] [--out FILE] [--force]` (headquarters).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{CliError, CliResult, open_for_reading};
use crate::domain::{DbKind, Lang, Msg, sanitize};
use crate::report::desk::render::{FORMATS, Format, render};
use crate::report::desk::{ReportName, build};
use crate::store::stats::StatsScope;
use crate::t;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// summary, seizures, inspections, officers, exporters or review
    #[arg(value_name = "NAME")]
    pub name: String,
    /// First declared date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last declared date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this port (UN/LOCODE)
    #[arg(long, value_name = "LOCODE")]
    pub port: Option<String>,
    /// Only this mineral family
    #[arg(long, value_name = "ID")]
    pub family: Option<String>,
    /// Only this officer's badge
    #[arg(long, value_name = "BADGE")]
    pub officer: Option<String>,
    /// table, csv, md or json
    #[arg(long, default_value = "table")]
    pub format: String,
    /// Write to this file (0600) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the --out file when it exists
    #[arg(long)]
    pub force: bool,
}

fn bad(lang: Lang, m: &Msg) -> CliError {
    CliError::BadInput(sanitize(&crate::i18n::msg(lang, m)).into_owned())
}

fn date(lang: Lang, flag: &str, v: Option<&str>) -> CliResult<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
        .map(|d| Some(d.format("%Y-%m-%d").to_string()))
        .map_err(|_| {
            bad(
                lang,
                &Msg::new("report-bad-date")
                    .arg("flag", flag)
                    .arg("value", v),
            )
        })
}

/// The scope of `args`, its dates checked (the names are checked against the store).
fn scope_of(lang: Lang, a: &ReportArgs) -> CliResult<StatsScope> {
    let from = date(lang, "--from", a.from.as_deref())?;
    let to = date(lang, "--to", a.to.as_deref())?;
    if let (Some(f), Some(t)) = (&from, &to)
        && f > t
    {
        return Err(bad(
            lang,
            &Msg::new("report-dates-reversed")
                .arg("from", f.as_str())
                .arg("to", t.as_str()),
        ));
    }
    let trimmed = |v: &Option<String>| v.as_deref().map(|s| s.trim().to_string());
    Ok(StatsScope {
        from,
        to,
        port: trimmed(&a.port).map(|p| p.to_uppercase()),
        family: trimmed(&a.family).map(|f| f.to_lowercase()),
        officer: trimmed(&a.officer),
    })
}

pub fn run(db: &Path, read_only: bool, lang: Lang, args: ReportArgs) -> CliResult {
    let name = ReportName::parse(&args.name).map_err(|m| bad(lang, &m))?;
    let format = Format::parse(&args.format).ok_or_else(|| {
        bad(
            lang,
            &Msg::new("report-bad-format")
                .arg("value", args.format.as_str())
                .arg("formats", FORMATS),
        )
    })?;
    let scope = scope_of(lang, &args)?;
    if let Some(out) = &args.out
        && out.exists()
        && !args.force
    {
        let path = out.display().to_string();
        return Err(bad(
            lang,
            &Msg::new("report-out-exists").arg("path", path.as_str()),
        ));
    }
    let store = open_for_reading(db, read_only, lang)?;
    if store.device().db_kind()? != DbKind::Hq {
        return Err(CliError::BadInput(t!(lang, "report-not-hq")));
    }
    store
        .hq()
        .check_stats_scope(&scope)?
        .map_err(|m| bad(lang, &m))?;
    let report = build(&store, name, &scope)?;
    let text = render(lang, &report, format).map_err(CliError::Failed)?;
    match &args.out {
        None => {
            print!("{text}");
            Ok(())
        }
        Some(out) => {
            write_file(out, text.as_bytes()).map_err(|e| {
                let path = out.display().to_string();
                CliError::Failed(t!(
                    lang,
                    "report-out-failed",
                    path = path,
                    error = e.to_string()
                ))
            })?;
            let path = sanitize(&out.display().to_string()).into_owned();
            eprintln!(
                "{}",
                t!(lang, "report-written", name = name.as_str(), path = path)
            );
            Ok(())
        }
    }
}

/// Writes `bytes` to a temporary file (mode 0600) beside `out`, syncs it and renames it
/// over `out` (reports, and receipts: both hold records in clear).
pub(super) fn write_file(out: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let result = (|| {
        let mut f = opts.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, out)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
