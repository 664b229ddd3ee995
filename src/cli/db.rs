//! `minspect init` and `minspect db ...`.

use std::path::Path;

use clap::{Args, Subcommand};

use super::{CliError, CliResult, open_existing};
use crate::domain::{DbKind, Role, sanitize};
use crate::store::{InitOptions, Store};

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
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Run SQLite's integrity check, verify every device hash chain and every stored rule
    /// pack's SHA-256; one-line verdict (exit 0 ok, 1 damaged, broken chain or altered pack)
    Check {
        #[arg(long)]
        json: bool,
    },
}

pub fn init(db: &Path, args: InitArgs) -> CliResult {
    if db.exists() {
        return Err(CliError::Failed(format!(
            "{} already exists; refusing to overwrite it",
            db.display()
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
            return Err(CliError::BadInput(format!("{field}: must not be empty")));
        }
    }
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| CliError::Failed(format!("creating {}: {e}", parent.display())))?;
    }
    let mut store = Store::open(db)?;
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
            "created {} database {} for officer {} (badge {}) on device {} [{}]",
            id.kind.as_str(),
            sanitize(&db.display().to_string()),
            sanitize(&id.officer_name),
            sanitize(&id.badge),
            sanitize(&id.device_name),
            id.device_id
        );
    }
    Ok(())
}

pub fn run(db: &Path, read_only: bool, lang: crate::domain::Lang, cmd: DbCommand) -> CliResult {
    match cmd {
        DbCommand::Check { json } => {
            let store = open_existing(db, read_only)?;
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
            if json {
                println!(
                    "{}",
                    serde_json::json!({"ok": ok, "problems": problems, "chains": chains, "rule_packs": packs})
                );
            } else if !packs.is_empty() {
                println!(
                    "{}",
                    crate::t!(
                        lang,
                        "limits-pack-altered",
                        db = sanitize(&db.display().to_string()).into_owned(),
                        problems = sanitize(&packs.join("; ")).into_owned()
                    )
                );
            } else if !problems.is_empty() {
                println!(
                    "DAMAGED: {} failed the integrity check: {}",
                    sanitize(&db.display().to_string()),
                    problems.join("; ")
                );
            } else if let Some(broken) = chains
                .as_ref()
                .and_then(|c| c.broken.as_ref())
                .filter(|b| b.record_id.is_empty())
            {
                // no record is at fault: the chain is whole, its delivery marks are not
                println!(
                    "INCONSISTENT DELIVERY MARKS: {} passed the integrity check and its chains are whole, but at {}",
                    sanitize(&db.display().to_string()),
                    sanitize(&broken.to_string())
                );
            } else if let Some(broken) = chains.as_ref().and_then(|c| c.broken.as_ref()) {
                println!(
                    "BROKEN CHAIN: {} passed the integrity check but its hash chain breaks at {}",
                    sanitize(&db.display().to_string()),
                    sanitize(&broken.to_string())
                );
            } else if let Some(c) = chains.as_ref() {
                println!(
                    "ok: {} passed the integrity check and the chain check ({} records on {} device chain{})",
                    sanitize(&db.display().to_string()),
                    c.records(),
                    c.devices.len(),
                    if c.devices.len() == 1 { "" } else { "s" }
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
