//! `minspect sync export | import | ack | status`.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{CliResult, open_existing, open_for_reading, sync_err};
use crate::domain::sanitize;
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

pub fn run(db: &Path, read_only: bool, cmd: SyncCommand) -> CliResult {
    match cmd {
        SyncCommand::Export { out } => {
            let mut store = open_existing(db, read_only)?;
            match sync::export_bundle(&mut store, &out).map_err(sync_err)? {
                ExportOutcome::Written(r) => {
                    for p in &r.removed_partials {
                        eprintln!(
                            "removed {}: a partial bundle left by an interrupted export",
                            sanitize(&p.display().to_string())
                        );
                    }
                    eprintln!(
                        "exported {} records (seq {}..{}) of device {}",
                        r.records, r.seq_from, r.seq_to, r.device_id
                    );
                    println!("{}", r.path.display());
                }
                ExportOutcome::NothingToExport => {
                    eprintln!("nothing to export: every finalized record is acknowledged");
                }
            }
            Ok(())
        }
        SyncCommand::Import {
            bundle,
            receipt_out,
        } => {
            let mut store = open_existing(db, read_only)?;
            let r = sync::import_bundle(&mut store, &bundle, receipt_out.as_deref())
                .map_err(sync_err)?;
            let o = &r.outcome;
            eprintln!(
                "imported device '{}' [{}] seq {}..{}: {} new, {} already held; headquarters now holds up to seq {}; {} review decisions in the receipt",
                sanitize(&r.device_name),
                o.device_id,
                o.seq_from,
                o.seq_to,
                o.new_records,
                o.already_held,
                o.held_seq,
                r.reviews_delivered
            );
            println!("{}", r.receipt_path.display());
            Ok(())
        }
        SyncCommand::Ack { receipt } => {
            let mut store = open_existing(db, read_only)?;
            let r = sync::ack_receipt(&mut store, &receipt).map_err(sync_err)?;
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
                    rv.inspection_id,
                    sanitize(&rv.reviewer),
                    sanitize(&rv.comment)
                );
            }
            Ok(())
        }
        SyncCommand::Status { json } => {
            let store = open_for_reading(db, read_only)?;
            let s = store.sync_status()?;
            if json {
                println!("{}", serde_json::to_string(&s).expect("status serializes"));
                return Ok(());
            }
            let c = s.counts;
            println!("device {} ({})", s.device_id, s.kind);
            println!(
                "finalized {}  sent {}  acknowledged {}  received {}",
                c.finalized, c.sent, c.acknowledged, c.received
            );
            match &s.oldest_unacknowledged {
                Some(o) => println!(
                    "oldest unacknowledged: seq {} {} {} ({}, since {})",
                    o.seq, o.kind, o.record_id, o.state, o.created_at
                ),
                None => println!("oldest unacknowledged: none"),
            }
            match &s.last_export {
                Some(e) => println!(
                    "last export: {} seq {}..{} {}",
                    e.at,
                    e.seq_from.unwrap_or(0),
                    e.seq_to.unwrap_or(0),
                    sanitize(&e.path)
                ),
                None => println!("last export: never"),
            }
            match &s.last_receipt {
                Some(e) => println!(
                    "last receipt: {} up to seq {} {}",
                    e.at,
                    e.seq_to.unwrap_or(0),
                    sanitize(&e.path)
                ),
                None => println!("last receipt: never"),
            }
            for d in &s.devices {
                println!(
                    "held for device '{}' [{}]: {} records, head seq {}",
                    sanitize(&d.name),
                    d.device_id,
                    d.records,
                    d.head_seq
                );
            }
            Ok(())
        }
    }
}
