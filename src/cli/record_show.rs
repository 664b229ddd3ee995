//! `minspect record show ID`: one record in plain text (or its JSON).

use std::path::Path;

use std::io::Write;

use super::{CliError, CliResult, open_existing};
use crate::domain::{Clock, Lang, Record, sanitize};
use crate::report::RecordDetail;
use crate::t;

pub(super) fn show(
    db: &Path,
    (read_only, lang): (bool, Lang),
    id: &str,
    json: bool,
    clock: &Clock,
) -> CliResult {
    let store = open_existing(db, read_only, lang)?;
    let inspection = store.query().resolve_inspection(id)?;
    if json {
        return json_out(&store.query().record_json(&inspection)?);
    }
    let d = RecordDetail::build(&store, &inspection, clock)?;
    print_head(&d, lang);
    print_items(&d.record, lang);
    if let Some(last) = d.last_review() {
        println!("  review: {}", last.text(true));
    }
    if d.reviews.len() > 1 {
        for r in &d.reviews {
            println!("    decision {}", r.text(true));
        }
    }
    for p in &d.to_fix {
        println!(
            "  {}",
            t!(lang, "cli-to-fix", problem = sanitize(p).into_owned())
        );
    }
    Ok(())
}

/// The inspection, its shipment and where it took place.
fn print_head(d: &RecordDetail, lang: Lang) {
    let r = &d.record;
    let (s, i) = (&r.shipment.data, &r.inspection.data);
    println!(
        "{}",
        t!(
            lang,
            "cli-show-head",
            inspection = r.inspection.id.to_string(),
            state = d.state.to_string(),
            shipment = r.shipment.id.to_string()
        )
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
fn print_items(r: &Record, lang: Lang) {
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
            "  {}",
            t!(
                lang,
                "cli-show-seizure",
                id = sz.seizure.id.to_string(),
                quantity = sanitize(&d.quantity).into_owned(),
                unit = sanitize(&d.unit).into_owned(),
                goods = sanitize(&d.goods).into_owned(),
                transfers = sz.custody.len()
            )
        );
    }
}

/// Writes to stdout; a reader that went away (`| head`) is not an error.
pub(super) fn emit(text: &str, lang: Lang) -> CliResult {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::Failed(t!(
            lang,
            "cli-writing-stdout",
            error = e.to_string()
        ))),
        _ => Ok(()),
    }
}

pub(super) fn json_out(v: &impl serde::Serialize) -> CliResult {
    let text = serde_json::to_string_pretty(v).map_err(|e| CliError::Failed(e.to_string()))?;
    emit(&format!("{text}\n"), Lang::En)
}
