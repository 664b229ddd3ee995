//! `minspect init` and `minspect db ...`.

use std::path::Path;

use clap::{Args, Subcommand};

use super::{CliError, CliResult, open_existing};
use crate::domain::{DbKind, Lang, Role, sanitize};
use crate::store::{InitOptions, Store};
use crate::t;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The officer who uses this database
    #[arg(long)]
    pub officer: String,
    /// The officer's badge number
    #[arg(long)]
    pub badge: String,
    /// A name for this device (laptop)
    #[arg(long)]
    pub device: String,
    /// Create a headquarters database (receives bundles; supervisors review)
    #[arg(long, conflicts_with = "training")]
    pub hq: bool,
    /// Create a training database (never exports to headquarters)
    #[arg(long)]
    pub training: bool,
    /// Print the identity as JSON
    #[arg(long)]
    pub json: bool,
    /// A plain (unencrypted) field or headquarters file [default: encrypted with
    /// MINSPECT_PASSPHRASE or --key-file; training files are plain]
    #[arg(long)]
    pub no_encryption: bool,
    /// Share a headquarters file with this group (mode 0660 instead of 0600)
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Run SQLite's integrity check, verify every device hash chain and every stored rule
    /// pack's SHA-256; one-line verdict (exit 0 ok, 1 damaged, broken chain or altered pack)
    Check {
        #[arg(long)]
        json: bool,
    },
    /// Change the passphrase of an encrypted file (the new one from MINSPECT_NEW_PASSPHRASE
    /// or typed twice)
    Rekey,
    /// Encrypt an existing plain file in place with the passphrase given (MINSPECT_PASSPHRASE
    /// or --key-file); a crash at any step leaves the plain file or the encrypted one whole
    Encrypt {
        /// Share a headquarters file with this group (mode 0660 instead of 0600)
        #[arg(long, value_name = "GROUP")]
        group: Option<String>,
    },
    /// Write a new random passphrase into a new key file, mode 0600 (0660 with --group)
    KeyFile {
        /// The key file to create (never overwritten)
        path: std::path::PathBuf,
        /// Share it with this group (the supervisors of a headquarters)
        #[arg(long, value_name = "GROUP")]
        group: Option<String>,
    },
}

pub fn init(db: &Path, args: InitArgs, lang: Lang) -> CliResult {
    if db.exists() {
        return Err(CliError::Failed(t!(
            lang,
            "cli-init-exists",
            path = db.display().to_string()
        )));
    }
    let (kind, role) = if args.hq {
        (DbKind::Hq, Role::Supervisor)
    } else if args.training {
        (DbKind::Training, Role::Trainer)
    } else {
        (DbKind::Field, Role::Officer)
    };
    let opts = InitOptions {
        officer_name: args.officer,
        badge: args.badge,
        device_name: args.device,
        kind,
        role,
    };
    // validate before touching the disk
    for (field, v) in [
        ("--officer", &opts.officer_name),
        ("--badge", &opts.badge),
        ("--device", &opts.device_name),
    ] {
        if v.trim().is_empty() {
            return Err(CliError::BadInput(t!(
                lang,
                "cli-empty-field",
                field = field
            )));
        }
    }
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            CliError::Failed(t!(
                lang,
                "cli-creating",
                path = parent.display().to_string(),
                error = e.to_string()
            ))
        })?;
    }
    let new = super::db_key::new_file(kind, args.no_encryption, args.group.as_deref(), lang)?;
    let mut store = Store::create(db, &new)?;
    let id = crate::store::setup_new_database(&mut store, &opts)?;
    if args.json {
        println!(
            "{}",
            serde_json::json!({
                "db": db.display().to_string(),
                "kind": id.kind.as_str(),
                "device_id": id.device_id,
                "device": id.device_name,
                "officer_id": id.officer_id,
                "officer": id.officer_name,
                "badge": id.badge,
            })
        );
    } else {
        println!(
            "{}",
            t!(
                lang,
                "cli-init-created",
                kind = id.kind.as_str(),
                db = sanitize(&db.display().to_string()).into_owned(),
                officer = sanitize(&id.officer_name).into_owned(),
                badge = sanitize(&id.badge).into_owned(),
                device = sanitize(&id.device_name).into_owned(),
                device_id = id.device_id.to_string()
            )
        );
    }
    Ok(())
}

pub fn run(db: &Path, read_only: bool, lang: Lang, cmd: DbCommand) -> CliResult {
    match cmd {
        DbCommand::Rekey => super::db_key::rekey(db, lang),
        DbCommand::Encrypt { group } => super::db_encrypt::encrypt(db, group.as_deref(), lang),
        DbCommand::KeyFile { path, group } => {
            super::db_key::make_key_file(&path, group.as_deref(), lang)
        }
        DbCommand::Check { json } => {
            let store = open_existing(db, read_only, lang)?;
            let problems = store.integrity_check()?;
            // the chain check reads the outbox; skip it on a damaged file
            let (chains, packs) = if problems.is_empty() {
                (
                    Some(store.chain().verify_chains()?),
                    store.rules().pack_problems()?,
                )
            } else {
                (None, Vec::new())
            };
            let chain_ok = chains.as_ref().is_none_or(|c| c.is_ok());
            let ok = problems.is_empty() && chain_ok && packs.is_empty();
            let name = sanitize(&db.display().to_string()).into_owned();
            let test_kdf = super::db_encrypt::test_kdf_warning(db, lang);
            if let Some(w) = test_kdf.as_ref().filter(|_| !json) {
                eprintln!("{w}");
            }
            if json {
                println!(
                    "{}",
                    serde_json::json!({"ok": ok, "problems": problems, "chains": chains, "rule_packs": packs, "test_kdf": test_kdf.is_some()})
                );
            } else {
                println!(
                    "{}",
                    check_text(lang, &name, &problems, chains.as_ref(), &packs)
                );
            }
            if ok {
                Ok(())
            } else {
                Err(CliError::Failed(String::new()))
            }
        }
    }
}

/// The one-line verdict of `db check` in `lang`.
fn check_text(
    lang: Lang,
    name: &str,
    problems: &[String],
    chains: Option<&crate::store::ChainReport>,
    packs: &[String],
) -> String {
    let broken = chains.and_then(|c| c.broken.as_ref());
    if !packs.is_empty() {
        let problems = sanitize(&packs.join("; ")).into_owned();
        t!(lang, "limits-pack-altered", db = name, problems = problems)
    } else if !problems.is_empty() {
        t!(
            lang,
            "cli-check-damaged",
            db = name,
            problems = problems.join("; ")
        )
    } else if let Some(b) = broken.filter(|b| b.record_id.is_empty()) {
        // no record is at fault: the chain is whole, its delivery marks are not
        let at = sanitize(&b.to_string()).into_owned();
        t!(lang, "cli-check-marks", db = name, at = at)
    } else if let Some(b) = broken {
        let at = sanitize(&b.to_string()).into_owned();
        t!(lang, "cli-check-broken", db = name, at = at)
    } else {
        let (records, devices) = chains.map_or((0, 0), |c| (c.records(), c.devices.len()));
        t!(
            lang,
            "cli-check-ok",
            db = name,
            records = records,
            devices = devices
        )
    }
}
