//! `minspect record ...`: headless recording (import, show, drafts, finalize, receipt).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::record_show::{emit, json_out};
use super::{CliError, CliResult, open_existing};
use crate::domain::{Clock, Lang, RecordImport, sanitize};
use crate::report::{Receipt, ReceiptFormat, Words};
use crate::rules::RulePack;
use crate::store::Store;
use crate::t;

/// The complete example record shipped with minspect (also the stress test's data).
pub const EXAMPLE_RECORD: &str = include_str!("../../fixtures/examples/record.json");

#[derive(Debug, Subcommand)]
pub enum RecordCommand {
    /// Import one record from JSON (shipment, inspection, measurements, findings,
    /// seizures, custody transfers), validated as a whole: all or nothing
    Import {
        file: PathBuf,
        /// Finalize it (chain + outbox) and append its custody transfers
        #[arg(long)]
        finalize: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show a record by inspection, shipment or seizure id
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// List the open drafts
    Drafts {
        #[arg(long)]
        json: bool,
    },
    /// Finalize a draft inspection (validate, screen, chain, outbox)
    Finalize {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Seizure receipt for the exporter (plain text, or Markdown)
    Receipt {
        /// Inspection, shipment or seizure id
        id: String,
        #[arg(long)]
        markdown: bool,
        /// Write to FILE instead of standard output
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Chinese with English beside each label and below each sentence (the exporter's copy)
        #[arg(long)]
        bilingual: bool,
    },
    #[command(flatten)]
    Attach(super::record_attach::AttachCommand),
    /// Save drafts and finalize in a loop, printing each committed id (crash tests)
    #[command(hide = true)]
    Stress {
        #[arg(long)]
        iterations: Option<u64>,
    },
}

fn writable(db: &Path, read_only: bool, lang: Lang) -> CliResult<Store> {
    if read_only {
        return Err(CliError::BadInput(t!(lang, "cli-read-only-writes")));
    }
    open_existing(db, false, lang)
}

fn active_pack(store: &Store, lang: Lang) -> CliResult<RulePack> {
    store
        .rules()
        .active_pack()?
        .ok_or_else(|| CliError::Failed(t!(lang, "cli-no-pack")))
}

pub fn run(db: &Path, read_only: bool, cmd: RecordCommand, clock: Clock, lang: Lang) -> CliResult {
    match cmd {
        RecordCommand::Import {
            file,
            finalize,
            json,
        } => import(db, (read_only, lang), &file, finalize, json),
        RecordCommand::Show { id, json } => {
            super::record_show::show(db, (read_only, lang), &id, json, &clock)
        }
        RecordCommand::Drafts { json } => {
            let store = open_existing(db, read_only, lang)?;
            let drafts = store.records().open_drafts()?;
            if json {
                return json_out(&drafts);
            }
            if drafts.is_empty() {
                println!("{}", t!(lang, "cli-no-drafts"));
            }
            for d in drafts {
                println!(
                    "{}  shipment {}  inspection {}  {}  {}{}",
                    d.updated_at,
                    d.shipment_id,
                    d.inspection_id.as_deref().unwrap_or("-"),
                    sanitize(&d.declaration_no),
                    sanitize(&d.description),
                    d.amends
                        .map(|a| format!("  (amends {a})"))
                        .unwrap_or_default()
                );
            }
            Ok(())
        }
        RecordCommand::Finalize { id, json } => {
            let mut store = writable(db, read_only, lang)?;
            let inspection = store.query().resolve_inspection(&id)?;
            let done = store.records_mut().finalize_inspection(&inspection)?;
            if json {
                return json_out(&done);
            }
            println!(
                "{}",
                t!(
                    lang,
                    "cli-finalized",
                    inspection = done.inspection_id.to_string(),
                    seq = done.seq,
                    hash = done.hash.to_string(),
                    verdict = done.verdict.to_string()
                )
            );
            Ok(())
        }
        RecordCommand::Receipt {
            id,
            markdown,
            out,
            bilingual,
        } => {
            let words = Words { lang, bilingual };
            receipt(db, read_only, &id, (markdown, words), out, &clock)
        }
        RecordCommand::Attach(cmd) => super::record_attach::run(db, (read_only, lang), cmd),
        RecordCommand::Stress { iterations } => stress(db, iterations, lang),
    }
}

fn import(
    db: &Path,
    (read_only, lang): (bool, Lang),
    file: &Path,
    finalize: bool,
    json: bool,
) -> CliResult {
    if read_only {
        return Err(CliError::BadInput(t!(lang, "cli-import-read-only")));
    }
    let name = file.display();
    let cap = crate::domain::limits::MAX_RECORD_FILE_BYTES;
    let text = crate::sync::fsio::read_text_capped(file, cap).map_err(|e| {
        CliError::BadInput(t!(
            lang,
            "cli-cannot-read",
            name = name.to_string(),
            error = e.to_string()
        ))
    })?;
    let record = RecordImport::from_json(&text).map_err(|e| {
        let e = crate::i18n::field_error(lang, &e);
        CliError::BadInput(format!("{name}: {e}"))
    })?;
    let problems = record.problems(finalize);
    if !problems.is_empty() {
        let list: Vec<String> = problems
            .iter()
            .map(|p| crate::i18n::field_error(lang, p))
            .collect();
        return Err(CliError::BadInput(t!(
            lang,
            "cli-import-problems",
            name = name.to_string(),
            count = list.len(),
            problems = list.join("; ")
        )));
    }
    let mut store = writable(db, read_only, lang)?;
    let pack = active_pack(&store, lang)?;
    let done = store
        .records_mut()
        .import_record(&record, finalize, &pack)?;
    if json {
        return json_out(&done);
    }
    match &done.finalized {
        Some(f) => println!(
            "{}",
            t!(
                lang,
                "cli-imported-finalized",
                inspection = done.inspection_id.to_string(),
                shipment = done.shipment_id.to_string(),
                seq = f.seq,
                verdict = f.verdict.to_string(),
                transfers = done.custody_ids.len()
            )
        ),
        None => println!(
            "{}",
            t!(
                lang,
                "cli-imported-draft",
                inspection = done.inspection_id.to_string(),
                shipment = done.shipment_id.to_string()
            )
        ),
    }
    Ok(())
}

fn receipt(
    db: &Path,
    read_only: bool,
    id: &str,
    (markdown, words): (bool, Words),
    out: Option<PathBuf>,
    clock: &Clock,
) -> CliResult {
    let store = open_existing(db, read_only, words.lang)?;
    let inspection = store.query().resolve_inspection(id)?;
    let record = store.records().load_record(&inspection)?;
    let only = record
        .seizures
        .iter()
        .any(|s| s.seizure.id == id)
        .then_some(id);
    let pack = store.rules().active_pack().ok().flatten();
    let format = if markdown {
        ReceiptFormat::Markdown
    } else {
        ReceiptFormat::Text
    };
    let training = store.training().setup()?.is_some();
    let receipt = Receipt::build_in(&record, only, pack.as_ref(), clock, words)
        .map_err(CliError::BadInput)?
        .with_officer(&record, store.db().identity()?.as_ref(), words)
        .with_attachments(&store.records().attachments(&inspection)?, words);
    let receipt = match training {
        true => receipt.marked_training(words.lang),
        false => receipt,
    };
    let text = receipt.render(format);
    match out {
        Some(path) => {
            super::report::write_file(&path, text.as_bytes()).map_err(|e| {
                CliError::Failed(t!(
                    words.lang,
                    "cli-writing",
                    path = path.display().to_string(),
                    error = e.to_string()
                ))
            })?;
            let path = path.display().to_string();
            println!("{}", t!(words.lang, "cli-receipt-written", path = path));
        }
        None => emit(&text, words.lang)?,
    }
    Ok(())
}

/// Saves drafts and finalizes in a loop; after each commit prints `<kind> <id>` (and
/// `updated <shipment id> <description>`) and flushes, so a parent that kills this
/// process knows what was committed.
fn stress(db: &Path, iterations: Option<u64>, lang: Lang) -> CliResult {
    let mut store = open_existing(db, false, lang)?;
    let pack = active_pack(&store, lang)?;
    let example =
        RecordImport::from_json(EXAMPLE_RECORD).map_err(|e| CliError::from(e).worded(lang))?;
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| -> CliResult {
        writeln!(out, "{line}")
            .and_then(|_| out.flush())
            .map_err(|e| CliError::Failed(e.to_string()))
    };
    let mut n = 0u64;
    while iterations.is_none_or(|max| n < max) {
        n += 1;
        let shipment_id = store.records_mut().create_shipment(&example.shipment)?;
        // the lines below are a protocol for the parent process, not words: never translated
        say(format!("shipment {id}", id = shipment_id))?;
        let mut s = example.shipment.clone();
        s.description = format!("stress-{n}");
        store.records_mut().update_shipment(&shipment_id, &s)?;
        say(format!("updated {id} {}", s.description, id = shipment_id))?;
        let inspection_id = store
            .records_mut()
            .start_inspection(&shipment_id, &example.inspection)?;
        say(format!("inspection {id}", id = inspection_id))?;
        for m in &example.measurements {
            say(format!(
                "measurement {}",
                store.records_mut().add_measurement(&inspection_id, m)?
            ))?;
        }
        for f in &example.findings {
            say(format!(
                "finding {}",
                store.records_mut().add_finding(&inspection_id, f)?
            ))?;
        }
        let mut seizure_ids = Vec::new();
        for sz in &example.seizures {
            // the changed description no longer names magnets: the basis needs a reason
            let mut seizure = sz.seizure.clone();
            seizure.legal_basis_reason = "stress-test".into();
            let id = store.records_mut().add_seizure(&inspection_id, &seizure)?;
            say(format!("seizure {id}"))?;
            seizure_ids.push(id);
        }
        if n.is_multiple_of(3) {
            continue; // leave some drafts open
        }
        let done = store
            .records_mut()
            .finalize_inspection_with(&inspection_id, &pack)?;
        say(format!("finalized {} {}", done.inspection_id, done.seq))?;
        for (sz, id) in example.seizures.iter().zip(&seizure_ids) {
            for c in &sz.custody {
                say(format!(
                    "custody {}",
                    store.records_mut().add_custody_event(id, c)?.id
                ))?;
            }
        }
    }
    Ok(())
}
