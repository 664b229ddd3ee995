//! `minspect training`: the scenarios (`list`), a trainee's file (`new`), one per trainee
//! of a class (`class`), back to the starting state (`reset`) and grading (`grade`).

use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::training_grade::{self, Format};
use super::{CliError, CliResult};
use crate::domain::{Clock, Lang, sanitize};
use crate::fixture::scenario::{Scenario, embedded, load_dir};
use crate::fixture::training::{self as tr, TraineeFile};
use crate::t;

#[derive(Debug, Subcommand)]
pub enum TrainingCommand {
    /// The scenarios: id, difficulty, title and what each teaches
    List(ListArgs),
    /// A trainee's file: the scenario shipments as declarations waiting to be inspected
    New(NewArgs),
    /// One trainee's file per name of a roster, each with its own device
    Class(ClassArgs),
    /// Put a trainee's file back to its starting state (the attempt is kept as FILE.attempt-N.db)
    Reset(ResetArgs),
    /// Grade trainees' files against the scenarios' answer keys
    Grade(GradeArgs),
    /// A training headquarters: trusts training laptops only, imports their bundles, reviews
    Hq(super::training_hq::HqArgs),
}

#[derive(Debug, Args)]
pub struct Source {
    /// A folder of scenario files to use instead of the built-in ones
    #[arg(long, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub source: Source,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct Pick {
    /// A scenario id (repeat for several; `training list` shows them)
    #[arg(long, value_name = "NAME")]
    pub scenario: Vec<String>,
    /// Every scenario
    #[arg(long, conflicts_with = "scenario")]
    pub all: bool,
    /// Show the debrief (the key beside what the trainee did) after each finalize
    #[arg(long)]
    pub debrief: bool,
    #[command(flatten)]
    pub source: Source,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(flatten)]
    pub pick: Pick,
    /// The trainee's name
    #[arg(long, value_name = "NAME")]
    pub trainee: String,
    /// The file to create (refuses an existing one)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct ClassArgs {
    #[command(flatten)]
    pub pick: Pick,
    /// One trainee's name per line (blank lines and # comments skipped)
    #[arg(long, value_name = "FILE")]
    pub roster: PathBuf,
    /// The folder the files go to (created if missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct ResetArgs {
    /// The trainee's file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct GradeArgs {
    /// Trainees' files
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub source: Source,
}

pub fn run(cmd: TrainingCommand, lang: Lang, clock: Clock) -> CliResult {
    match cmd {
        TrainingCommand::List(a) => list(&a, lang),
        TrainingCommand::New(a) => new(&a, lang, clock),
        TrainingCommand::Class(a) => class(&a, lang, clock),
        TrainingCommand::Reset(a) => {
            let kept = tr::reset(&a.file)?;
            println!(
                "{}",
                t!(
                    lang,
                    "training-reset-done",
                    file = a.file.display().to_string(),
                    kept = kept.display().to_string()
                )
            );
            Ok(())
        }
        TrainingCommand::Hq(a) => super::training_hq::hq(&a, lang),
        TrainingCommand::Grade(a) => {
            let scenarios = load(&a.source)?;
            let grades = a
                .files
                .iter()
                .map(|f| tr::grade_file(f, &scenarios))
                .collect::<Result<Vec<_>, _>>()?;
            for g in &grades {
                for s in g.scenarios.iter().filter(|s| !s.key_matches) {
                    eprintln!(
                        "{}",
                        t!(
                            lang,
                            "training-key-changed",
                            file = g.file.clone(),
                            scenario = s.scenario.clone()
                        )
                    );
                }
            }
            print!("{}", training_grade::render(&grades, a.format, lang)?);
            Ok(())
        }
    }
}

/// The scenarios: the built-in ones, or those of `--scenarios DIR`.
fn load(source: &Source) -> CliResult<Vec<Scenario>> {
    let loaded = match &source.scenarios {
        Some(dir) => load_dir(dir),
        None => embedded(),
    };
    loaded.map_err(|e| CliError::Refused(e.to_msg()))
}

/// The scenarios `--scenario`/`--all` name, in the order given.
fn pick(p: &Pick, lang: Lang) -> CliResult<Vec<Scenario>> {
    let all = load(&p.source)?;
    if p.all {
        return Ok(all);
    }
    if p.scenario.is_empty() {
        return Err(CliError::BadInput(t!(lang, "training-pick-none")));
    }
    p.scenario
        .iter()
        .map(|name| {
            all.iter().find(|s| &s.id == name).cloned().ok_or_else(|| {
                CliError::BadInput(t!(
                    lang,
                    "training-unknown-scenario",
                    name = sanitize(name).into_owned()
                ))
            })
        })
        .collect()
}

fn list(a: &ListArgs, lang: Lang) -> CliResult {
    let scenarios = load(&a.source)?;
    if a.json {
        let rows: Vec<serde_json::Value> = scenarios
            .iter()
            .map(|s| {
                serde_json::json!({
                    "id": s.id, "title": s.title, "difficulty": s.difficulty,
                    "teaches": s.teaches, "date": s.date.map(|d| d.to_string()),
                    "shipments": s.shipments.len(), "max_points": s.max_points(),
                    "cases": s.cases, "unconfirmed": s.unconfirmed,
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(rows));
        return Ok(());
    }
    for s in &scenarios {
        println!(
            "{}",
            t!(
                lang,
                "training-list-row",
                id = s.id.clone(),
                difficulty = u32::from(s.difficulty),
                title = s.title.clone(),
                points = s.max_points()
            )
        );
        println!("    {}", s.teaches);
    }
    Ok(())
}

fn new(a: &NewArgs, lang: Lang, clock: Clock) -> CliResult {
    let scenarios = pick(&a.pick, lang)?;
    if a.trainee.trim().is_empty() {
        return Err(CliError::BadInput(t!(lang, "training-trainee-empty")));
    }
    let who = TraineeFile {
        trainee: a.trainee.clone(),
        badge: badge_of(&a.trainee),
        debrief: a.pick.debrief,
    };
    let setup = tr::create(&a.out, &who, &scenarios, clock)?;
    let shipments: usize = setup.scenarios.iter().map(|s| s.shipments.len()).sum();
    println!(
        "{}",
        t!(
            lang,
            "training-created",
            file = a.out.display().to_string(),
            trainee = sanitize(&setup.trainee).into_owned(),
            scenarios = scenarios.len(),
            shipments = shipments,
            device = setup.device_id.clone()
        )
    );
    Ok(())
}

/// A badge for a single trainee's file: TRN- and the first letters of the name.
fn badge_of(name: &str) -> String {
    let s = tr::slug(name).replace('-', "").to_ascii_uppercase();
    let s: String = s.chars().take(8).collect();
    if s.is_empty() {
        "TRN-1".into()
    } else {
        format!("TRN-{s}")
    }
}

fn class(a: &ClassArgs, lang: Lang, clock: Clock) -> CliResult {
    let scenarios = pick(&a.pick, lang)?;
    let text = std::fs::read_to_string(&a.roster)
        .map_err(|e| CliError::BadInput(format!("{}: {e}", a.roster.display())))?;
    let names = tr::roster(&text, &a.roster.display().to_string())?;
    let plan = tr::class_plan(&a.out, &names);
    if let Some((_, p)) = plan.iter().find(|(_, p)| p.exists()) {
        return Err(CliError::BadInput(t!(
            lang,
            "training-class-exists",
            file = p.display().to_string()
        )));
    }
    std::fs::create_dir_all(&a.out)
        .map_err(|e| CliError::Failed(format!("{}: {e}", a.out.display())))?;
    for (who, path) in plan {
        let who = TraineeFile {
            debrief: a.pick.debrief,
            ..who
        };
        let setup = tr::create(&path, &who, &scenarios, clock)?;
        println!(
            "{}",
            t!(
                lang,
                "training-class-row",
                file = path.display().to_string(),
                trainee = sanitize(&setup.trainee).into_owned(),
                badge = setup.badge.clone(),
                device = setup.device_id.clone()
            )
        );
    }
    Ok(())
}
