//! `minspect fixture generate`: a training database for the classroom.

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::{CliError, CliResult};
use crate::fixture::{FixtureOptions, generate};

#[derive(Debug, Subcommand)]
pub enum FixtureCommand {
    /// Generate a deterministic training database (refuses to overwrite one)
    Generate(GenerateArgs),
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many shipments
    #[arg(long, value_name = "N")]
    pub shipments: usize,
    /// The database file to create
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Seed: the same seed gives the same database
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run(cmd: FixtureCommand, lang: crate::domain::Lang) -> CliResult {
    match cmd {
        FixtureCommand::Generate(a) => {
            if a.shipments == 0 {
                return Err(CliError::BadInput(crate::t!(lang, "cli-fixture-none")));
            }
            let opts = FixtureOptions {
                shipments: a.shipments,
                seed: a.seed,
                ..Default::default()
            };
            let total = a.shipments;
            let s = generate(&a.out, &opts, |done| {
                if total > opts.batch {
                    eprintln!("  {done} / {total} shipments");
                }
            })?;
            println!(
                "generated {} shipments ({} inspections, {} findings) into {} in {:.1} s (seed {})",
                s.shipments,
                s.inspections,
                s.findings,
                a.out.display(),
                s.elapsed.as_secs_f64(),
                a.seed
            );
            Ok(())
        }
    }
}
