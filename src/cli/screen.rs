//! `minspect screen --facts FILE|- [--json]`: screen one shipment's facts.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;

use super::rules::load_pack;
use super::{CliError, CliResult};
use crate::domain::sanitize;
use crate::rules::{Facts, HitKind, Screening, screen};

#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// Facts JSON file, or `-` for standard input
    #[arg(long, value_name = "FILE")]
    pub facts: PathBuf,
    #[arg(long)]
    pub json: bool,
}

pub fn run(db: &Path, read_only: bool, args: ScreenArgs) -> CliResult {
    let text = if args.facts.as_os_str() == "-" {
        let mut buf = String::new();
        std::io::stdin()
            .read_to_string(&mut buf)
            .map_err(|e| CliError::BadInput(format!("facts: cannot read standard input: {e}")))?;
        buf
    } else {
        std::fs::read_to_string(&args.facts).map_err(|e| {
            CliError::BadInput(format!("facts: cannot read {}: {e}", args.facts.display()))
        })?
    };
    let facts = Facts::from_json(&text)
        .map_err(|e| CliError::BadInput(sanitize(&e.to_string()).into_owned()))?;
    let (pack, _) = load_pack(db, read_only)?;
    let result = screen(&pack, &facts);
    if args.json {
        let out = serde_json::to_string_pretty(&result)
            .map_err(|e| CliError::Failed(format!("writing the screening as JSON: {e}")))?;
        println!("{out}");
    } else {
        print!("{}", quayside_text(&result));
    }
    Ok(())
}

fn kind_label(k: HitKind) -> &'static str {
    match k {
        HitKind::Item => "controlled item",
        HitKind::Destination => "destination rule",
        HitKind::EndUse => "end-use rule",
        HitKind::RedFlag => "RED FLAG",
        HitKind::Stale => "CHECK CURRENT STATUS",
    }
}

/// What the officer reads: the verdict first, then each reason with its legal basis.
pub fn quayside_text(r: &Screening) -> String {
    let s = |t: &str| sanitize(t).into_owned();
    let mut out = format!(
        "{}  (as of {}; rule pack {} published {})\n",
        r.verdict.label(),
        s(&r.as_of),
        s(&r.rule_pack.version),
        s(&r.rule_pack.published)
    );
    if r.hits.is_empty() {
        out.push_str("No rule in the pack matches these facts.\n");
    }
    for (n, h) in r.hits.iter().enumerate() {
        let mut basis = vec![format!("rule {}", s(&h.rule_id))];
        if !h.announcement.is_empty() {
            basis.insert(0, s(&h.announcement));
        }
        if let Some(code) = &h.control_code {
            basis.insert(1.min(basis.len()), format!("control code {}", s(code)));
        }
        out.push_str(&format!(
            "{}. {} [{}]\n   {}\n",
            n + 1,
            kind_label(h.kind),
            basis.join(", "),
            s(&h.message)
        ));
    }
    if !r.missing_measurements.is_empty() {
        out.push_str(&format!(
            "Measure: {}\n",
            s(&r.missing_measurements.join(", "))
        ));
    }
    for note in &r.notes {
        out.push_str(&format!("Note: {}\n", s(note)));
    }
    out
}
