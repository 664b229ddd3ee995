//! `minspect device export-key | trust | list`.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{CliResult, open_existing, open_for_reading, sync_err};
use crate::domain::{Lang, sanitize};
use crate::store::TrustOutcome;
use crate::sync;
use crate::t;

#[derive(Debug, Subcommand)]
pub enum DeviceCommand {
    /// Write this device's public key file (JSON) to FILE, or print it
    ExportKey {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Trust another device's key file (HQ: a field device; field: headquarters; of this database's world only)
    Trust {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// List this device and the trusted devices
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &Path, read_only: bool, lang: Lang, cmd: DeviceCommand) -> CliResult {
    match cmd {
        DeviceCommand::ExportKey { out, force } => {
            let store = open_for_reading(db, read_only, lang)?;
            let (kf, path) = sync::export_key(&store, out.as_deref(), force).map_err(sync_err)?;
            match path {
                Some(p) => println!("{}", sanitize(&p.display().to_string())),
                None => print!("{}", kf.to_json()),
            }
            Ok(())
        }
        DeviceCommand::Trust { file } => {
            let mut store = open_existing(db, read_only, lang)?;
            let (kf, outcome) = sync::trust_key_file(&mut store, &file).map_err(sync_err)?;
            let id = match outcome {
                TrustOutcome::Added => "cli-trusted",
                TrustOutcome::AlreadyTrusted => "cli-already-trusted",
                TrustOutcome::Upgraded => "cli-upgraded",
            };
            println!(
                "{}",
                t!(
                    lang,
                    id,
                    world = kf.world().as_str(),
                    kind = kf.kind.as_str(),
                    name = sanitize(&kf.name).into_owned(),
                    device_id = sanitize(&kf.device_id).into_owned(),
                    key = &kf.public_key[..16]
                )
            );
            Ok(())
        }
        DeviceCommand::List { json } => {
            let store = open_for_reading(db, read_only, lang)?;
            let devices = store.device().devices()?;
            if json {
                let list: Vec<_> = devices
                    .iter()
                    .map(|d| {
                        serde_json::json!({
                            "device_id": d.id, "name": d.name, "kind": d.kind.as_str(),
                            "world": d.world.as_str(),
                            "local": d.is_local, "public_key": hex::encode(d.public_key),
                            "trusted_at": d.trusted_at, "created_at": d.created_at,
                        })
                    })
                    .collect();
                println!("{}", serde_json::Value::Array(list));
            } else {
                for d in devices {
                    println!(
                        "{:<8} {:<8} {:<5} {} {:<24} key {}…{}",
                        if d.is_local { "local" } else { "trusted" },
                        d.world.as_str(),
                        d.kind.as_str(),
                        sanitize(&d.id),
                        sanitize(&d.name),
                        &hex::encode(d.public_key)[..16],
                        d.trusted_at
                            .map(|t| format!(" since {t}"))
                            .unwrap_or_default()
                    );
                }
            }
            Ok(())
        }
    }
}
