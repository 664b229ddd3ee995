//! `minspect screen --facts FILE|- [--json]`: screen one shipment's facts.

use std::io::Read;
use std::path::{Path, PathBuf};

use clap::Args;

use super::rules::load_pack;
use super::{CliError, CliResult};
use crate::domain::Lang;
use crate::domain::sanitize;
use crate::report::screening::quayside_text;
use crate::rules::{Facts, screen};
use crate::t;

#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// Facts JSON file, or `-` for standard input
    #[arg(long, value_name = "FILE")]
    pub facts: PathBuf,
    #[arg(long)]
    pub json: bool,
}

pub fn run(db: &Path, read_only: bool, lang: Lang, args: ScreenArgs) -> CliResult {
    let text = if args.facts.as_os_str() == "-" {
        let mut buf = String::new();
        std::io::stdin()
            .read_to_string(&mut buf)
            .map_err(|e| CliError::BadInput(t!(lang, "screen-stdin", error = e.to_string())))?;
        buf
    } else {
        std::fs::read_to_string(&args.facts).map_err(|e| {
            CliError::BadInput(t!(
                lang,
                "screen-cannot-read",
                path = args.facts.display().to_string(),
                error = e.to_string()
            ))
        })?
    };
    let facts = Facts::from_json(&text)
        .map_err(|e| CliError::BadInput(sanitize(&e.to_string()).into_owned()))?;
    let (pack, _) = load_pack(db, read_only, lang)?;
    let result = screen(&pack, &facts);
    if args.json {
        let out = serde_json::to_string_pretty(&result)
            .map_err(|e| CliError::Failed(t!(lang, "screen-json", error = e.to_string())))?;
        println!("{out}");
    } else {
        print!("{}", quayside_text(lang, &result));
    }
    Ok(())
}
