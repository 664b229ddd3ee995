//! Headless subcommands. Prints text or `--json`; never imports the TUI.

mod db;
pub mod db_encrypt;
pub mod db_key;
mod record;
mod record_attach;
mod record_show;
pub mod rules;
mod rules_parties;
mod rules_publish;
mod rules_rescreen;
mod rules_show;
pub mod screen;

pub use record::EXAMPLE_RECORD;
mod device;
mod fixture;
mod officer;
pub mod report;
pub mod review;
mod sync;
mod training;
mod training_grade;
mod training_hq;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::domain::{Clock, FieldError, Lang, resolve_lang, sanitize, sanitize_multiline};
use crate::store::{Store, StoreError};
use crate::t;

/// minspect: export-control inspection console for strategic-mineral shipments.
#[derive(Debug, Parser)]
#[command(name = "minspect", version, about, long_about = None)]
pub struct Cli {
    /// Database file [default: $MINSPECT_DB, else the platform data directory]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Open the database read-only (write actions are refused / hidden)
    #[arg(long, global = true)]
    pub read_only: bool,
    /// No colours (NO_COLOR is honoured too)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Interface language: en or zh [default: $MINSPECT_LANG, else the officer's choice, else the locale]
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// A file holding the passphrase of an encrypted database (for scripts; mode 0600 or
    /// 0640) [default: $MINSPECT_KEY_FILE, else $MINSPECT_PASSPHRASE]
    #[arg(
        long,
        global = true,
        value_name = "PATH",
        env = "MINSPECT_KEY_FILE",
        hide_env = true
    )]
    pub key_file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a database without any prompt (refuses to overwrite one)
    Init(db::InitArgs),
    /// Database maintenance
    #[command(subcommand)]
    Db(db::DbCommand),
    /// Look up the rule pack: list, search, show, import
    #[command(subcommand)]
    Rules(rules::RulesCommand),
    /// Screen one shipment's facts (JSON) against the active rule pack
    Screen(screen::ScreenArgs),
    /// Record shipments, inspections and seizures headlessly
    #[command(subcommand)]
    Record(record::RecordCommand),
    /// Device identity: export this device's key, trust another's, list
    #[command(subcommand)]
    Device(device::DeviceCommand),
    /// Sync with headquarters: export, import, ack, status
    #[command(subcommand)]
    Sync(sync::SyncCommand),
    /// Headquarters review decisions (delivered to the device in receipts)
    #[command(subcommand)]
    Review(review::ReviewCommand),
    /// Headquarters reports: summary, seizures, inspections, officers, exporters, review
    Report(report::ReportArgs),
    /// Training databases
    #[command(subcommand)]
    Fixture(fixture::FixtureCommand),
    /// Officers of a headquarters database and the OS logins they act under
    #[command(subcommand)]
    Officer(officer::OfficerCommand),
    /// Trainers: scenario exercises, trainees' files, reset and grading
    #[command(subcommand)]
    Training(training::TrainingCommand),
}

/// A CLI failure with its exit code (DESIGN section 7): 2 refused or bad input (nothing
/// changed), 3 done but incomplete, 1 everything else. Shown sanitized: a message may quote
/// a file or the database, whose control characters never reach the terminal.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{}", sanitize_multiline(.0))]
    BadInput(String),
    #[error("{}", sanitize_multiline(.0))]
    Failed(String),
    #[error("{}", sanitize_multiline(.0))]
    Incomplete(String),
    /// Refused (exit 2), said as a message id: `run` words it in the interface language.
    #[error("{}", .0.plain())]
    Refused(crate::domain::Msg),
}

impl CliError {
    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.code())
    }

    /// The exit status as a number.
    pub fn code(&self) -> u8 {
        match self {
            CliError::BadInput(_) => 2,
            CliError::Failed(_) => 1,
            CliError::Incomplete(_) => 3,
            CliError::Refused(_) => 2,
        }
    }

    /// The error with a message id put into words in `lang` (sanitized when shown).
    pub fn worded(self, lang: Lang) -> Self {
        match self {
            CliError::Refused(m) => CliError::BadInput(crate::i18n::msg(lang, &m)),
            other => other,
        }
    }
}

impl From<FieldError> for CliError {
    fn from(e: FieldError) -> Self {
        CliError::Refused(e.to_msg())
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(m) => CliError::BadInput(m),
            StoreError::Said(m) => CliError::Refused(m),
            // refused: the file is open read-only (asked for, or SQLite found it so)
            e @ StoreError::ReadOnly(_) => CliError::BadInput(e.to_string()),
            e if e.is_read_only_refusal() => CliError::BadInput(e.to_string()),
            other => CliError::Failed(other.to_string()),
        }
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// Refused input (a bad bundle, receipt or key file) exits 2; I/O failures exit 1.
pub(crate) fn sync_err(e: crate::sync::SyncError) -> CliError {
    match e {
        crate::sync::SyncError::Refused(m) => CliError::BadInput(m),
        crate::sync::SyncError::Said(m) => CliError::Refused(m),
        crate::sync::SyncError::Incomplete(m) => CliError::Incomplete(m),
        crate::sync::SyncError::Store(s) => s.into(),
        io @ crate::sync::SyncError::Io { .. } => CliError::Failed(io.to_string()),
    }
}

/// The database path: `--db`, else `$MINSPECT_DB`, else the platform data directory.
pub fn resolve_db_path(flag: Option<PathBuf>) -> CliResult<PathBuf> {
    if let Some(p) = flag {
        return Ok(p);
    }
    if let Some(p) = std::env::var_os("MINSPECT_DB").filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let dirs = directories::ProjectDirs::from("", "", "minspect").ok_or_else(|| {
        CliError::Failed(t!(
            resolve_language(None, std::path::Path::new("")).unwrap_or(Lang::En),
            "cli-no-home"
        ))
    })?;
    Ok(dirs.data_dir().join("minspect.db"))
}

/// The interface language (DESIGN section 7): `--lang`, `MINSPECT_LANG`, the officer's
/// stored choice (read from `db` only when neither is given), the locale, English. A
/// language minspect does not speak is refused, naming the setting.
pub fn resolve_language(flag: Option<&str>, db: &std::path::Path) -> CliResult<Lang> {
    let env = |k: &str| std::env::var(k).ok();
    let given = flag.is_some() || env("MINSPECT_LANG").is_some_and(|v| !v.trim().is_empty());
    let stored = match given || !db.exists() {
        true => None,
        false => Store::open_read_only(db)
            .ok()
            .and_then(|s| s.hq().language().ok().flatten()),
    };
    resolve_lang(flag, env, stored).map_err(|setting| {
        let value = match setting {
            "--lang" => flag.unwrap_or_default().to_string(),
            _ => env(setting).unwrap_or_default(),
        };
        CliError::BadInput(t!(
            Lang::En,
            "lang-unknown",
            setting = setting,
            value = sanitize(&value).into_owned()
        ))
    })
}

/// Opens an existing database for a subcommand, read-only when asked.
pub fn open_existing(path: &std::path::Path, read_only: bool, lang: Lang) -> CliResult<Store> {
    if !path.exists() {
        return Err(CliError::Failed(t!(
            lang,
            "cli-no-database",
            path = path.display().to_string()
        )));
    }
    let store = if read_only {
        Store::open_read_only(path)?
    } else {
        Store::open(path)?
    };
    Ok(store)
}

/// Opens an existing database for a command that only reads. Such commands open it
/// read-only; when the file is of an older schema and the user did not ask for
/// `--read-only`, it is upgraded first (as any read-write open does), so whether a
/// command upgrades does not depend on whether it happens to write.
pub fn open_for_reading(path: &std::path::Path, read_only: bool, lang: Lang) -> CliResult<Store> {
    if path.exists() && !read_only {
        match Store::open_read_only(path) {
            Err(crate::store::StoreError::NeedsUpgrade { .. }) => {
                drop(Store::open(path)?);
            }
            other => return Ok(other?),
        }
    }
    open_existing(path, true, lang)
}

/// Commands that create or rewrite database files of their own (not `--db`): refused
/// under `--read-only` like every other write (exit 2).
fn creates_files(cmd: Option<&Command>) -> bool {
    use training::TrainingCommand as T;
    matches!(
        cmd,
        Some(Command::Init(_) | Command::Fixture(_))
            | Some(Command::Training(T::New(_) | T::Class(_) | T::Reset(_)))
    )
}

/// Runs a headless subcommand.
pub fn run(cli: Cli) -> CliResult {
    let db = resolve_db_path(cli.db.clone())?;
    let early = resolve_language(cli.lang.as_deref(), std::path::Path::new(""))?;
    db_key::use_given(cli.key_file.as_deref(), early)?;
    let lang = resolve_language(cli.lang.as_deref(), &db)?;
    dispatch(cli, db, lang).map_err(|e| e.worded(lang))
}

fn dispatch(cli: Cli, db: PathBuf, lang: Lang) -> CliResult {
    let clock = Clock::system();
    if !creates_files(cli.command.as_ref()) {
        db_key::check_unlock(&db, lang)?;
    }
    if cli.read_only && creates_files(cli.command.as_ref()) {
        return Err(CliError::BadInput(t!(lang, "limits-read-only-files")));
    }
    match cli.command {
        None => Err(CliError::Failed(t!(lang, "cli-no-subcommand"))),
        Some(Command::Init(args)) => {
            db::init(&db, args, lang).and_then(|()| officer::after_init(&db, lang))
        }
        Some(Command::Db(cmd)) => db::run(&db, cli.read_only, lang, cmd),
        Some(Command::Rules(cmd)) => rules::run(&db, cli.read_only, cmd, clock, lang),
        Some(Command::Screen(args)) => screen::run(&db, cli.read_only, lang, args),
        Some(Command::Record(cmd)) => record::run(&db, cli.read_only, cmd, clock, lang),
        Some(Command::Device(cmd)) => device::run(&db, cli.read_only, lang, cmd),
        Some(Command::Sync(cmd)) => sync::run(&db, cli.read_only, lang, cmd),
        Some(Command::Review(cmd)) => review::run(&db, cli.read_only, lang, cmd),
        Some(Command::Report(args)) => report::run(&db, cli.read_only, lang, args),
        Some(Command::Fixture(cmd)) => fixture::run(cmd, lang),
        Some(Command::Officer(cmd)) => officer::run(&db, cli.read_only, lang, cmd),
        Some(Command::Training(cmd)) => training::run(cmd, lang, clock),
    }
}
