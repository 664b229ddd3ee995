//! `minspect record ...`: headless recording (import, show, drafts, finalize, receipt).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{CliError, CliResult, open_existing};
use crate::domain::{Clock, Lang, Record, RecordImport, sanitize};
use crate::report::{Receipt, ReceiptFormat, RecordDetail, Words};
use crate::rules::RulePack;
use crate::store::Store;

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
    /// Save drafts and finalize in a loop, printing each committed id (crash tests)
    #[command(hide = true)]
    Stress {
        #[arg(long)]
        iterations: Option<u64>,
    },
}

fn writable(db: &Path, read_only: bool) -> CliResult<Store> {
    if read_only {
        return Err(CliError::BadInput(
            "--read-only: this command writes to the database".into(),
        ));
    }
    open_existing(db, false)
}

fn active_pack(store: &Store) -> CliResult<RulePack> {
    store
        .rules()
        .active_pack()?
        .ok_or_else(|| CliError::Failed("no rule pack is installed in this database".into()))
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
fn emit(text: &str) -> CliResult {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::Failed(format!("writing to standard output: {e}")))
        }
        _ => Ok(()),
    }
}

fn json_out(v: &impl serde::Serialize) -> CliResult {
    let text = serde_json::to_string_pretty(v).map_err(|e| CliError::Failed(e.to_string()))?;
    emit(&format!("{text}\n"))
}

pub fn run(db: &Path, read_only: bool, cmd: RecordCommand, clock: Clock, lang: Lang) -> CliResult {
    match cmd {
        RecordCommand::Import {
            file,
            finalize,
            json,
        } => import(db, read_only, &file, finalize, json),
        RecordCommand::Show { id, json } => show(db, read_only, &id, json, &clock),
        RecordCommand::Drafts { json } => {
            let store = open_existing(db, read_only)?;
            let drafts = store.records().open_drafts()?;
            if json {
                return json_out(&drafts);
            }
            if drafts.is_empty() {
                println!("no open drafts");
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
            let mut store = writable(db, read_only)?;
            let inspection = store.query().resolve_inspection(&id)?;
            let done = store.records_mut().finalize_inspection(&inspection)?;
            if json {
                return json_out(&done);
            }
            println!(
                "finalized inspection {} (device chain seq {}, hash {}, verdict {})",
                done.inspection_id, done.seq, done.hash, done.verdict
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
        RecordCommand::Stress { iterations } => stress(db, iterations),
    }
}

fn import(db: &Path, read_only: bool, file: &Path, finalize: bool, json: bool) -> CliResult {
    if read_only {
        return Err(CliError::BadInput(
            "--read-only: record import writes to the database".into(),
        ));
    }
    let name = file.display();
    let text = std::fs::read_to_string(file)
        .map_err(|e| CliError::BadInput(format!("{name}: cannot read: {e}")))?;
    let record =
        RecordImport::from_json(&text).map_err(|e| CliError::BadInput(format!("{name}: {e}")))?;
    let problems = record.problems(finalize);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        return Err(CliError::BadInput(format!(
            "{name}: {} problem{}, nothing imported: {}",
            list.len(),
            if list.len() == 1 { "" } else { "s" },
            list.join("; ")
        )));
    }
    let mut store = writable(db, read_only)?;
    let pack = active_pack(&store)?;
    let done = store
        .records_mut()
        .import_record(&record, finalize, &pack)?;
    if json {
        return json_out(&done);
    }
    match &done.finalized {
        Some(f) => println!(
            "imported and finalized inspection {} of shipment {} (seq {}, verdict {}, {} custody transfer(s))",
            done.inspection_id,
            done.shipment_id,
            f.seq,
            f.verdict,
            done.custody_ids.len()
        ),
        None => println!(
            "imported draft inspection {} of shipment {}",
            done.inspection_id, done.shipment_id
        ),
    }
    Ok(())
}

fn show(db: &Path, read_only: bool, id: &str, json: bool, clock: &Clock) -> CliResult {
    let store = open_existing(db, read_only)?;
    let inspection = store.query().resolve_inspection(id)?;
    if json {
        return json_out(&store.query().record_json(&inspection)?);
    }
    let d = RecordDetail::build(&store, &inspection, clock)?;
    print_head(&d);
    print_items(&d.record);
    if let Some(last) = d.last_review() {
        println!("  review: {}", last.text(true));
    }
    if d.reviews.len() > 1 {
        for r in &d.reviews {
            println!("    decision {}", r.text(true));
        }
    }
    for p in &d.to_fix {
        println!("  to fix before finalizing: {}", sanitize(p));
    }
    Ok(())
}

/// The inspection, its shipment and where it took place.
fn print_head(d: &RecordDetail) {
    let r = &d.record;
    let (s, i) = (&r.shipment.data, &r.inspection.data);
    println!(
        "inspection {} [{}] of shipment {}",
        r.inspection.id, d.state, r.shipment.id
    );
    println!(
        "  declaration {}  {}  exporter {}  to {}",
        sanitize(&s.declaration_no),
        sanitize(&s.declared_on),
        sanitize(&s.exporter_name),
        sanitize(&s.destination)
    );
    println!(
        "  goods {}  HS {}  {} {}  net {}  value {}",
        sanitize(&s.description),
        sanitize(&s.hs_code),
        sanitize(&s.quantity),
        sanitize(&s.quantity_unit),
        d.net_weight.as_deref().unwrap_or("-"),
        d.value.as_deref().unwrap_or("-")
    );
    println!(
        "  at {} {}  outcome {}  verdict {}",
        sanitize(&i.locode),
        sanitize(&i.terminal),
        i.outcome.map_or("-", |o| o.as_str()),
        d.verdict.as_deref().unwrap_or("-")
    );
}

/// Measurements, findings and seizures, one line each.
fn print_items(r: &Record) {
    for m in &r.measurements {
        let el = m.data.element.as_deref().unwrap_or("");
        println!(
            "  measurement {} {} = {} {}",
            sanitize(&m.data.name),
            sanitize(el),
            m.data.value_text(),
            sanitize(&m.data.unit)
        );
    }
    for f in &r.findings {
        println!(
            "  finding {}: declared {}; found {}",
            f.data.kind,
            sanitize(&f.data.declared),
            sanitize(&f.data.found)
        );
    }
    for sz in &r.seizures {
        let d = &sz.seizure.data;
        println!(
            "  seizure {} {} {} of {} ({} custody transfers)",
            sz.seizure.id,
            sanitize(&d.quantity),
            sanitize(&d.unit),
            sanitize(&d.goods),
            sz.custody.len()
        );
    }
}

fn receipt(
    db: &Path,
    read_only: bool,
    id: &str,
    (markdown, words): (bool, Words),
    out: Option<PathBuf>,
    clock: &Clock,
) -> CliResult {
    let store = open_existing(db, read_only)?;
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
        .with_officer(&record, store.db().identity()?.as_ref(), words);
    let receipt = match training {
        true => receipt.marked_training(words.lang),
        false => receipt,
    };
    let text = receipt.render(format);
    match out {
        Some(path) => {
            std::fs::write(&path, text)
                .map_err(|e| CliError::Failed(format!("writing {}: {e}", path.display())))?;
            println!("receipt written to {}", path.display());
        }
        None => emit(&text)?,
    }
    Ok(())
}

/// Saves drafts and finalizes in a loop; after each commit prints `<kind> <id>` (and
/// `updated <shipment id> <description>`) and flushes, so a parent that kills this
/// process knows what was committed.
fn stress(db: &Path, iterations: Option<u64>) -> CliResult {
    let mut store = open_existing(db, false)?;
    let pack = active_pack(&store)?;
    let example =
        RecordImport::from_json(EXAMPLE_RECORD).map_err(|e| CliError::Failed(e.to_string()))?;
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
        say(format!("shipment {shipment_id}"))?;
        let mut s = example.shipment.clone();
        s.description = format!("stress-{n}");
        store.records_mut().update_shipment(&shipment_id, &s)?;
        say(format!("updated {shipment_id} stress-{n}"))?;
        let inspection_id = store
            .records_mut()
            .start_inspection(&shipment_id, &example.inspection)?;
        say(format!("inspection {inspection_id}"))?;
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
