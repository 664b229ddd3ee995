//! `minspect training hq --out FILE`: a training headquarters, the class's own. It is a
//! headquarters of the training world: it trusts training laptops' keys only, imports
//! their bundles, lets trainee supervisors review, and writes receipts that training
//! laptops acknowledge. A live device, bundle or receipt is refused there, and a live
//! headquarters refuses everything of the training world.

use std::path::PathBuf;

use clap::Args;

use super::{CliError, CliResult};
use crate::domain::{DbKind, Lang, Role, World, sanitize};
use crate::store::{InitOptions, Store, setup_new_database_in};
use crate::t;

#[derive(Debug, Args)]
pub struct HqArgs {
    /// The training headquarters' database file to create (refuses an existing one)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// The supervisor who creates it (acts under this OS login; map trainees with `officer`)
    #[arg(long, value_name = "NAME", default_value = "Trainer")]
    pub supervisor: String,
    /// The supervisor's badge (not a trainee's: nobody reviews their own inspections)
    #[arg(long, value_name = "BADGE", default_value = "TRN-HQ")]
    pub badge: String,
    /// A name for the training headquarters' device
    #[arg(long, value_name = "NAME", default_value = "training-hq")]
    pub device: String,
    /// Print what was made as JSON
    #[arg(long)]
    pub json: bool,
}

pub fn hq(a: &HqArgs, lang: Lang) -> CliResult {
    for (flag, v) in [
        ("--supervisor", &a.supervisor),
        ("--badge", &a.badge),
        ("--device", &a.device),
    ] {
        if v.trim().is_empty() {
            return Err(CliError::BadInput(t!(lang, "world-hq-empty", flag = flag)));
        }
    }
    if a.out.exists() {
        return Err(CliError::BadInput(t!(
            lang,
            "world-hq-exists",
            file = a.out.display().to_string()
        )));
    }
    if let Some(parent) = a.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| CliError::Failed(format!("{}: {e}", parent.display())))?;
    }
    let opts = InitOptions {
        officer_name: a.supervisor.clone(),
        badge: a.badge.clone(),
        device_name: a.device.clone(),
        kind: DbKind::Hq,
        role: Role::Supervisor,
    };
    let mut store = Store::open(&a.out)?;
    let id = setup_new_database_in(&mut store, &opts, World::Training)?;
    let warning = store.db().unmapped_hq_warning()?;
    if a.json {
        println!(
            "{}",
            serde_json::json!({
                "db": a.out.display().to_string(), "kind": id.kind.as_str(),
                "world": World::Training.as_str(), "device_id": id.device_id,
                "device": id.device_name, "officer_id": id.officer_id,
                "officer": id.officer_name, "badge": id.badge,
            })
        );
    } else {
        let file = a.out.display().to_string();
        println!(
            "{}",
            t!(
                lang,
                "world-hq-created",
                file = file.clone(),
                device = sanitize(&id.device_name).into_owned(),
                id = id.device_id.clone(),
                supervisor = sanitize(&id.officer_name).into_owned(),
                badge = sanitize(&id.badge).into_owned()
            )
        );
        println!("{}", t!(lang, "world-hq-next", file = file));
    }
    if let Some(w) = warning {
        eprintln!("{w}");
    }
    Ok(())
}
