//! `minspect officer add | map | list`: the officers of a headquarters database and the
//! OS logins they act under (DESIGN §6).

use std::path::Path;

use clap::{Subcommand, ValueEnum};

use super::{CliResult, open_existing, open_for_reading};
use crate::domain::{Role, sanitize};
use crate::store::NewOfficer;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Supervisor,
    Officer,
    Trainer,
}

impl From<RoleArg> for Role {
    fn from(r: RoleArg) -> Role {
        match r {
            RoleArg::Supervisor => Role::Supervisor,
            RoleArg::Officer => Role::Officer,
            RoleArg::Trainer => Role::Trainer,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum OfficerCommand {
    /// Headquarters: add an officer, optionally mapped to the OS (SSH) login it acts under
    Add {
        #[arg(long)]
        name: String,
        #[arg(long)]
        badge: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The OS login name (the SSH user) this officer acts under at headquarters
        #[arg(long)]
        login: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Headquarters: map an existing officer (by badge) to the OS (SSH) login it acts under
    Map {
        #[arg(long)]
        badge: String,
        /// The OS login name (the SSH user); replaces the login the officer had
        #[arg(long)]
        login: String,
        #[arg(long)]
        json: bool,
    },
    /// Every officer with role and login
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &Path, read_only: bool, cmd: OfficerCommand) -> CliResult {
    match cmd {
        OfficerCommand::Add {
            name,
            badge,
            role,
            login,
            json,
        } => {
            let mut store = open_existing(db, read_only)?;
            let o = store.hq_mut().add_officer(&NewOfficer {
                name,
                badge,
                role: role.into(),
                login: login.map(|l| l.trim().to_string()),
            })?;
            if json {
                println!("{}", serde_json::to_string(&o).unwrap_or_default());
            } else {
                println!(
                    "added {} {} (badge {}){} [{}]",
                    o.role.as_str(),
                    sanitize(&o.name),
                    sanitize(&o.badge),
                    o.login
                        .as_ref()
                        .map(|l| format!(" acting as login '{l}'"))
                        .unwrap_or_default(),
                    o.id
                );
            }
            Ok(())
        }
        OfficerCommand::Map { badge, login, json } => map(db, read_only, &badge, &login, json),
        OfficerCommand::List { json } => list(db, read_only, json),
    }
}

fn map(db: &Path, read_only: bool, badge: &str, login: &str, json: bool) -> CliResult {
    let mut store = open_existing(db, read_only)?;
    let (o, old) = store.hq_mut().map_login(badge, login)?;
    let new = o.login.clone().unwrap_or_default();
    if json {
        let v = serde_json::json!({ "officer": o, "old_login": old });
        println!("{v}");
    } else if old.as_deref() == Some(new.as_str()) {
        println!(
            "{} (badge {}) already acts as login '{new}'; nothing changed",
            sanitize(&o.name),
            sanitize(&o.badge)
        );
    } else {
        println!(
            "mapped {} {} (badge {}) to login '{new}'{} [{}]",
            o.role.as_str(),
            sanitize(&o.name),
            sanitize(&o.badge),
            old.map(|l| format!(" (was '{l}')")).unwrap_or_default(),
            o.id
        );
    }
    Ok(())
}

fn list(db: &Path, read_only: bool, json: bool) -> CliResult {
    let store = open_for_reading(db, read_only)?;
    let officers = store.hq().officers()?;
    if json {
        println!("{}", serde_json::to_string(&officers).unwrap_or_default());
        return Ok(());
    }
    println!(
        "{:<24} {:<16} {:<10} {:<16} id",
        "name", "badge", "role", "login"
    );
    for o in officers {
        println!(
            "{:<24} {:<16} {:<10} {:<16} {}",
            sanitize(&o.name),
            sanitize(&o.badge),
            o.role.as_str(),
            o.login.as_deref().unwrap_or("-"),
            o.id
        );
    }
    Ok(())
}

/// After `init`: warns on stderr when a headquarters database's creator could not be
/// mapped to a login (the uid has no login name) and says how to map it later.
pub fn after_init(db: &Path) -> CliResult {
    let store = open_existing(db, true)?;
    if let Some(w) = store.db().unmapped_hq_warning()? {
        eprintln!("minspect: {w}");
    }
    Ok(())
}
