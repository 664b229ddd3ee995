//! `minspect sync export | import | ack | status`.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{CliError, CliResult, open_existing, open_for_reading, sync_err};
use crate::domain::{Lang, sanitize};
use crate::report::status_lines;
use crate::sync::{self, ExportOutcome};
use crate::t;

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
        SyncCommand::Export { out } => export(db, read_only, &out, lang),
        SyncCommand::Import {
            bundle,
            receipt_out,
        } => import(db, (read_only, lang), &bundle, receipt_out.as_deref()),
        SyncCommand::Ack { receipt } => ack(db, read_only, &receipt, lang),
        SyncCommand::Status { json } => status(db, read_only, json, lang),
    }
}

fn export(db: &Path, read_only: bool, out: &Path, lang: Lang) -> CliResult {
    let mut store = open_existing(db, read_only, lang)?;
    match sync::export_bundle(&mut store, out).map_err(sync_err)? {
        ExportOutcome::Written(r) => {
            for p in &r.removed_partials {
                let path = sanitize(&p.display().to_string()).into_owned();
                eprintln!("{}", t!(lang, "sync-removed-partial", path = path));
            }
            eprintln!(
                "{}",
                t!(
                    lang,
                    "sync-exported",
                    records = r.records,
                    from = r.seq_from,
                    to = r.seq_to,
                    device = sanitize(&r.device_id).into_owned()
                )
            );
            let seal = match &r.sealed_to {
                Some(hq) => t!(lang, "seal-exported-sealed", hq = sanitize(hq).into_owned()),
                None => t!(lang, "seal-exported-unsealed"),
            };
            eprintln!("{seal}");
            println!("{}", sanitize(&r.path.display().to_string()));
        }
        ExportOutcome::NothingToExport => {
            eprintln!("{}", t!(lang, "sync-nothing"));
        }
    }
    Ok(())
}

fn import(
    db: &Path,
    (read_only, lang): (bool, Lang),
    bundle: &Path,
    receipt_out: Option<&Path>,
) -> CliResult {
    let mut store = open_existing(db, read_only, lang)?;
    let r = sync::import_bundle(&mut store, bundle, receipt_out).map_err(sync_err)?;
    let o = &r.outcome;
    eprintln!(
        "{}",
        t!(
            lang,
            "sync-imported",
            name = sanitize(&r.device_name).into_owned(),
            device = sanitize(&o.device_id).into_owned(),
            from = o.seq_from,
            to = o.seq_to,
            new = o.new_records,
            held = o.already_held,
            head = o.held_seq,
            reviews = r.reviews_delivered
        )
    );
    println!("{}", sanitize(&r.receipt_path.display().to_string()));
    Ok(())
}

fn ack(db: &Path, read_only: bool, receipt: &Path, lang: crate::domain::Lang) -> CliResult {
    let mut store = open_existing(db, read_only, lang)?;
    let r = sync::ack_receipt(&mut store, receipt).map_err(sync_err)?;
    println!(
        "{}",
        t!(
            lang,
            "sync-acknowledged",
            records = r.outcome.acknowledged,
            hq = sanitize(&r.receipt.hq_name).into_owned(),
            head = r.receipt.held_seq,
            reviews = r.outcome.new_reviews
        )
    );
    for rv in &r.receipt.reviews {
        println!(
            "  {}",
            t!(
                lang,
                "sync-ack-review",
                decision = rv.decision.as_str(),
                inspection = sanitize(&rv.inspection_id).into_owned(),
                reviewer = sanitize(&rv.reviewer).into_owned(),
                comment = sanitize(&rv.comment).into_owned()
            )
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

fn status(db: &Path, read_only: bool, json: bool, lang: Lang) -> CliResult {
    let store = open_for_reading(db, read_only, lang)?;
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
    for line in status_lines(&s, lang) {
        println!("{line}");
    }
    Ok(())
}
