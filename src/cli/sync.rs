//! `minspect sync export | import | ack | status`.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{CliError, CliResult, open_existing, open_for_reading, sync_err};
use crate::domain::{Lang, sanitize};
use crate::report::status_lines;
use crate::sync::{self, ExportOutcome};

#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Write every unacknowledged record into a signed bundle in DIR; prints its path
    Export {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Headquarters: verify and import a bundle, then write a signed receipt
    Import {
        #[arg(value_name = "BUNDLE")]
        bundle: PathBuf,
        /// Where the receipt goes [default: the bundle's directory]
        #[arg(long, value_name = "DIR")]
        receipt_out: Option<PathBuf>,
    },
    /// Field device: apply a headquarters receipt (records acknowledged, review decisions)
    Ack {
        #[arg(value_name = "RECEIPT")]
        receipt: PathBuf,
    },
    /// Counts per state, oldest unacknowledged record, last export and receipt
    Status {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(db: &Path, read_only: bool, lang: Lang, cmd: SyncCommand) -> CliResult {
    // refused before any file is read: nothing changes, whatever the file holds
    let refused = |id: &str| Err(CliError::BadInput(crate::i18n::text(lang, id)));
    match cmd {
        SyncCommand::Import { .. } if read_only => refused("limits-read-only-import"),
        SyncCommand::Ack { .. } if read_only => refused("limits-read-only-ack"),
        SyncCommand::Export { out } => export(db, read_only, &out),
        SyncCommand::Import {
            bundle,
            receipt_out,
        } => import(db, read_only, &bundle, receipt_out.as_deref()),
        SyncCommand::Ack { receipt } => ack(db, read_only, &receipt, lang),
        SyncCommand::Status { json } => status(db, read_only, json),
    }
}

fn export(db: &Path, read_only: bool, out: &Path) -> CliResult {
    let mut store = open_existing(db, read_only)?;
    match sync::export_bundle(&mut store, out).map_err(sync_err)? {
        ExportOutcome::Written(r) => {
            for p in &r.removed_partials {
                eprintln!(
                    "removed {}: a partial bundle left by an interrupted export",
                    sanitize(&p.display().to_string())
                );
            }
            eprintln!(
                "exported {} records (seq {}..{}) of device {}",
                r.records,
                r.seq_from,
                r.seq_to,
                sanitize(&r.device_id)
            );
            println!("{}", sanitize(&r.path.display().to_string()));
        }
        ExportOutcome::NothingToExport => {
            eprintln!("nothing to export: every finalized record is acknowledged");
        }
    }
    Ok(())
}

fn import(db: &Path, read_only: bool, bundle: &Path, receipt_out: Option<&Path>) -> CliResult {
    let mut store = open_existing(db, read_only)?;
    let r = sync::import_bundle(&mut store, bundle, receipt_out).map_err(sync_err)?;
    let o = &r.outcome;
    eprintln!(
        "imported device '{}' [{}] seq {}..{}: {} new, {} already held; headquarters now holds up to seq {}; {} review decisions in the receipt",
        sanitize(&r.device_name),
        sanitize(&o.device_id),
        o.seq_from,
        o.seq_to,
        o.new_records,
        o.already_held,
        o.held_seq,
        r.reviews_delivered
    );
    println!("{}", sanitize(&r.receipt_path.display().to_string()));
    Ok(())
}

fn ack(db: &Path, read_only: bool, receipt: &Path, lang: crate::domain::Lang) -> CliResult {
    let mut store = open_existing(db, read_only)?;
    let r = sync::ack_receipt(&mut store, receipt).map_err(sync_err)?;
    println!(
        "acknowledged {} records (headquarters '{}' holds up to seq {}); {} new review decisions",
        r.outcome.acknowledged,
        sanitize(&r.receipt.hq_name),
        r.receipt.held_seq,
        r.outcome.new_reviews
    );
    for rv in &r.receipt.reviews {
        println!(
            "  {} inspection {} by {}: {}",
            rv.decision.as_str(),
            sanitize(&rv.inspection_id),
            sanitize(&rv.reviewer),
            sanitize(&rv.comment)
        );
    }
    if let Some(p) = &r.receipt.rule_pack {
        let version = sanitize(&p.pack_version).into_owned();
        match r.outcome.pack_installed {
            true => println!(
                "{}",
                crate::t!(lang, "packs-ack-installed", version = version)
            ),
            false => println!("{}", crate::t!(lang, "packs-ack-kept", version = version)),
        }
    }
    Ok(())
}

fn status(db: &Path, read_only: bool, json: bool) -> CliResult {
    let store = open_for_reading(db, read_only)?;
    let s = store.chain().sync_status()?;
    let world = store.device().world()?;
    if json {
        let mut v = serde_json::to_value(&s).map_err(|e| CliError::Failed(e.to_string()))?;
        if let Some(o) = v.as_object_mut() {
            o.insert("world".into(), world.as_str().into());
        }
        println!("{v}");
        return Ok(());
    }
    for line in status_lines(&s) {
        println!("{line}");
    }
    Ok(())
}
