//! `minspect officer add | map | list`: the officers of a headquarters database and the
//! OS logins they act under (DESIGN §6).

use std::path::Path;

use clap::{Subcommand, ValueEnum};

use super::{CliResult, open_existing, open_for_reading};
use crate::domain::{Lang, Role, sanitize};
use crate::store::NewOfficer;
use crate::t;

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

pub fn run(db: &Path, read_only: bool, lang: Lang, cmd: OfficerCommand) -> CliResult {
    match cmd {
        OfficerCommand::Add {
            name,
            badge,
            role,
            login,
            json,
        } => {
            let mut store = open_existing(db, read_only, lang)?;
            let o = store.hq_mut().add_officer(&NewOfficer {
                name,
                badge,
                role: role.into(),
                login: login.map(|l| l.trim().to_string()),
            })?;
            if json {
                println!("{}", serde_json::to_string(&o).unwrap_or_default());
            } else {
                let id = match o.login {
                    Some(_) => "cli-officer-added-login",
                    None => "cli-officer-added",
                };
                println!(
                    "{}",
                    t!(
                        lang,
                        id,
                        role = o.role.as_str(),
                        name = sanitize(&o.name).into_owned(),
                        badge = sanitize(&o.badge).into_owned(),
                        login = o.login.clone().unwrap_or_default(),
                        id = o.id.to_string()
                    )
                );
            }
            Ok(())
        }
        OfficerCommand::Map { badge, login, json } => {
            map(db, (read_only, lang), &badge, &login, json)
        }
        OfficerCommand::List { json } => list(db, read_only, lang, json),
    }
}

fn map(
    db: &Path,
    (read_only, lang): (bool, Lang),
    badge: &str,
    login: &str,
    json: bool,
) -> CliResult {
    let mut store = open_existing(db, read_only, lang)?;
    let (o, old) = store.hq_mut().map_login(badge, login)?;
    let new = o.login.clone().unwrap_or_default();
    if json {
        let v = serde_json::json!({ "officer": o, "old_login": old });
        println!("{v}");
    } else if old.as_deref() == Some(new.as_str()) {
        println!(
            "{}",
            t!(
                lang,
                "cli-officer-map-unchanged",
                name = sanitize(&o.name).into_owned(),
                badge = sanitize(&o.badge).into_owned(),
                login = new
            )
        );
    } else {
        let id = match old {
            Some(_) => "cli-officer-mapped-was",
            None => "cli-officer-mapped",
        };
        println!(
            "{}",
            t!(
                lang,
                id,
                role = o.role.as_str(),
                name = sanitize(&o.name).into_owned(),
                badge = sanitize(&o.badge).into_owned(),
                login = new,
                old = old.unwrap_or_default(),
                id = o.id.to_string()
            )
        );
    }
    Ok(())
}

fn list(db: &Path, read_only: bool, lang: Lang, json: bool) -> CliResult {
    let store = open_for_reading(db, read_only, lang)?;
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
pub fn after_init(db: &Path, lang: Lang) -> CliResult {
    let store = open_existing(db, true, lang)?;
    if let Some(w) = store.db().unmapped_hq_warning()? {
        eprintln!("minspect: {w}");
    }
    Ok(())
}
