//! Building a receipt's blocks from a record: shipment, inspection, goods seized with
//! their legal basis and custody transfers, findings. Every value passes
//! `domain::sanitize`.

use std::collections::BTreeMap;

use super::block::ReceiptBlock as Block;
use crate::domain::{Clock, Record, StoredSeizure, format_money, format_weight_g, sanitize};
use crate::rules::RulePack;

/// A stored UTC time as "2025-07-05 09:30 +08:00" in the clock's zone; unparsable text as
/// is (sanitized).
fn when(ts: &str, clock: &Clock) -> String {
    match clock.local_str(ts.trim()) {
        Some(t) => t.format("%Y-%m-%d %H:%M %:z").to_string(),
        None => clean(ts),
    }
}

fn clean(s: &str) -> String {
    sanitize(s.trim()).into_owned()
}

/// rule id -> "announcement, control code: text" from the screening stored with the
/// inspection, completed from the rule pack when given.
fn legal_basis_index(record: &Record, pack: Option<&RulePack>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(p) = pack {
        let number = |a: &str| {
            p.announcements
                .iter()
                .find(|x| x.id == a)
                .map_or(a.to_string(), |x| {
                    format!("MOFCOM/GAC Announcement {}", x.number)
                })
        };
        for i in &p.items {
            let code = i
                .control_code
                .as_deref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default();
            out.insert(
                i.id.clone(),
                format!("{}{code}: {}", number(&i.announcement), i.name_en),
            );
        }
        for c in &p.clauses {
            out.insert(
                c.id.clone(),
                format!("{}: {}", number(&c.announcement), c.text),
            );
        }
    }
    let screening: serde_json::Value = record
        .inspection
        .meta_str("screening")
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default();
    for hit in screening["hits"].as_array().into_iter().flatten() {
        let (Some(id), Some(ann)) = (hit["rule_id"].as_str(), hit["announcement"].as_str()) else {
            continue;
        };
        if out.contains_key(id) || ann.is_empty() {
            continue;
        }
        let code = hit["control_code"]
            .as_str()
            .map(|c| format!(", {c}"))
            .unwrap_or_default();
        let msg = hit["message"].as_str().unwrap_or_default();
        out.insert(id.to_string(), format!("Announcement {ann}{code}: {msg}"));
    }
    out
}

fn seizure_blocks(
    n: usize,
    s: &StoredSeizure,
    basis: &BTreeMap<String, String>,
    clock: &Clock,
) -> Vec<Block> {
    let d = &s.seizure.data;
    let legal: Vec<String> = d
        .legal_basis
        .iter()
        .map(|id| match basis.get(id) {
            Some(text) => format!("{} ({})", clean(id), clean(text)),
            None => clean(id),
        })
        .collect();
    let mut fields = vec![
        ("Goods".to_string(), clean(&d.goods)),
        (
            "Quantity".into(),
            format!("{} {}", clean(&d.quantity), clean(&d.unit)),
        ),
        ("Mineral family".into(), clean(&d.family)),
        (
            "Estimated value".into(),
            d.est_value_minor
                .map_or("not assessed".into(), |v| format_money(v, &d.currency)),
        ),
        ("Seal numbers".into(), clean(&d.seal_nos)),
        ("Storage location".into(), clean(&d.storage_location)),
        ("Legal basis".into(), legal.join("; ")),
    ];
    fields.retain(|(_, v)| !v.is_empty());
    let mut out = vec![
        Block::Heading(3, format!("{n}. {}", clean(&d.goods))),
        Block::Fields(fields),
    ];
    if s.custody.is_empty() {
        out.push(Block::Para("No custody transfer recorded yet.".into()));
    } else {
        let rows = s
            .custody
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    (i + 1).to_string(),
                    when(&c.data.at, clock),
                    clean(&c.data.from_party),
                    clean(&c.data.to_party),
                    clean(&c.data.reason),
                ]
            })
            .collect();
        out.push(Block::Para("Custody transfers:".into()));
        out.push(Block::Table(
            ["#", "When", "From", "To", "Why"]
                .map(String::from)
                .to_vec(),
            rows,
        ));
    }
    out
}

/// The receipt's blocks for the seizures of `record` (or only `seizure_id`). Err when
/// there is no seizure to give a receipt for.
pub(super) fn blocks(
    record: &Record,
    seizure_id: Option<&str>,
    pack: Option<&RulePack>,
    clock: &Clock,
) -> Result<Vec<Block>, String> {
    let seizures: Vec<&StoredSeizure> = record
        .seizures
        .iter()
        .filter(|s| seizure_id.is_none_or(|id| s.seizure.id == id))
        .collect();
    if seizures.is_empty() {
        return Err(format!(
            "inspection {} has no seizure to give a receipt for",
            record.inspection.id
        ));
    }
    let mut out = vec![
        Block::Heading(1, "Seizure receipt".into()),
        status_para(record, clock),
        Block::Heading(2, "Shipment".into()),
        Block::Fields(shipment_fields(record)),
        Block::Heading(2, "Inspection".into()),
        Block::Fields(inspection_fields(record, clock)),
        Block::Heading(2, format!("Goods seized ({})", seizures.len())),
    ];
    let basis = legal_basis_index(record, pack);
    for (n, s) in seizures.iter().enumerate() {
        out.extend(seizure_blocks(n + 1, s, &basis, clock));
    }
    if !record.findings.is_empty() {
        out.push(Block::Heading(2, "Findings".into()));
        out.push(findings_table(record));
    }
    out.push(Block::Heading(2, "Signatures".into()));
    out.push(Block::Para(
        "Officer: ______________________   Exporter's representative: ______________________   Date: ____________".into(),
    ));
    Ok(out)
}

/// Finalized (when, record hash) or the DRAFT warning.
fn status_para(record: &Record, clock: &Clock) -> Block {
    let ins = &record.inspection;
    if ins.is_finalized() {
        Block::Para(format!(
            "Inspection {} finalized {} (record hash {}).",
            ins.id,
            when(ins.meta_str("finalized_at").unwrap_or_default(), clock),
            clean(ins.meta_str("record_hash").unwrap_or_default())
        ))
    } else {
        Block::Para(format!(
            "DRAFT: inspection {} is not finalized; this is not a receipt.",
            ins.id
        ))
    }
}

/// The declared shipment, empty fields left out.
fn shipment_fields(record: &Record) -> Vec<(String, String)> {
    let sh = &record.shipment.data;
    let exporter = if sh.exporter_credit_code.is_empty() {
        clean(&sh.exporter_name)
    } else {
        format!(
            "{} (credit code {})",
            clean(&sh.exporter_name),
            clean(&sh.exporter_credit_code)
        )
    };
    let mut shipment = vec![
        ("Declaration no.".to_string(), clean(&sh.declaration_no)),
        ("Declared on".into(), clean(&sh.declared_on)),
        ("Exporter".into(), exporter),
        ("Consignee".into(), clean(&sh.consignee)),
        ("Destination".into(), clean(&sh.destination)),
        ("Transport".into(), sh.transport_mode.label().to_string()),
        ("Containers".into(), clean(&sh.container_nos)),
        ("Seals (declared)".into(), clean(&sh.seal_nos)),
        ("Declared goods".into(), clean(&sh.description)),
        ("HS code".into(), clean(&sh.hs_code)),
        (
            "Declared quantity".into(),
            format!("{} {}", clean(&sh.quantity), clean(&sh.quantity_unit)),
        ),
        (
            "Net weight".into(),
            sh.net_weight_g.map(format_weight_g).unwrap_or_default(),
        ),
        (
            "Declared value".into(),
            sh.value_minor
                .map(|v| format_money(v, &sh.currency))
                .unwrap_or_default(),
        ),
    ];
    shipment.retain(|(_, v)| !v.trim().is_empty());
    shipment
}

/// Place, start and outcome of the inspection, empty fields left out.
fn inspection_fields(record: &Record, clock: &Clock) -> Vec<(String, String)> {
    let i = &record.inspection.data;
    let mut place = vec![
        (
            "Place".to_string(),
            format!("{} {}", clean(&i.locode), clean(&i.terminal))
                .trim()
                .to_string(),
        ),
        ("Started".into(), when(&i.started_at, clock)),
        (
            "Outcome".into(),
            i.outcome.map(|o| o.label().to_string()).unwrap_or_default(),
        ),
    ];
    place.retain(|(_, v)| !v.is_empty());
    place
}

fn findings_table(record: &Record) -> Block {
    let rows = record
        .findings
        .iter()
        .map(|f| {
            vec![
                f.data.kind.label().to_string(),
                clean(&f.data.declared),
                clean(&f.data.found),
            ]
        })
        .collect();
    Block::Table(
        ["Finding", "Declared", "Found"].map(String::from).to_vec(),
        rows,
    )
}
