//! Building a receipt's blocks from a record: shipment, inspection, goods seized with
//! their legal basis and custody transfers, findings. Every value passes
//! `domain::sanitize`.

use std::collections::BTreeMap;

use super::Words;
use super::basis::{self, Basis};
use super::block::ReceiptBlock as Block;
use crate::domain::{Clock, Record, StoredSeizure, format_money, format_weight_g, sanitize};
use crate::rules::RulePack;
use crate::t;

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

fn seizure_blocks(
    n: usize,
    s: &StoredSeizure,
    basis: &BTreeMap<String, Basis>,
    clock: &Clock,
    w: Words,
) -> Vec<Block> {
    let d = &s.seizure.data;
    let legal: Vec<String> = d
        .legal_basis
        .iter()
        .map(|id| match basis.get(id) {
            Some(b) => w.each(|l| b.words(l), " / "),
            None => clean(id),
        })
        .collect();
    let mut fields = vec![
        (w.label("receipt-goods"), clean(&d.goods)),
        (
            w.label("receipt-quantity"),
            format!("{} {}", clean(&d.quantity), clean(&d.unit)),
        ),
        (w.label("receipt-family"), clean(&d.family)),
        (
            w.label("receipt-est-value"),
            d.est_value_minor
                .map_or(w.label("receipt-not-assessed"), |v| {
                    format_money(v, &d.currency)
                }),
        ),
        (w.label("receipt-seals"), clean(&d.seal_nos)),
        (w.label("receipt-storage"), clean(&d.storage_location)),
        (w.label("receipt-legal-basis"), legal.join("; ")),
    ];
    fields.retain(|(_, v)| !v.is_empty());
    let mut out = vec![
        Block::Heading(3, format!("{n}. {}", clean(&d.goods))),
        Block::Fields(fields),
    ];
    if s.custody.is_empty() {
        out.push(Block::Para(w.para("receipt-no-custody")));
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
        out.push(Block::Para(w.para("receipt-custody-transfers")));
        let head = [
            "receipt-col-when",
            "receipt-col-from",
            "receipt-col-to",
            "receipt-col-why",
        ];
        let mut header = vec!["#".to_string()];
        header.extend(head.map(|id| w.label(id)));
        out.push(Block::Table(header, rows));
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
    w: Words,
) -> Result<Vec<Block>, String> {
    let seizures: Vec<&StoredSeizure> = record
        .seizures
        .iter()
        .filter(|s| seizure_id.is_none_or(|id| s.seizure.id == id))
        .collect();
    if seizures.is_empty() {
        let id = clean(&record.inspection.id);
        return Err(t!(w.lang, "receipt-no-seizure", id = id));
    }
    let n = seizures.len();
    let mut out = vec![
        Block::Heading(1, w.label("receipt-title")),
        status_para(record, clock, w),
        Block::Heading(2, w.label("receipt-shipment")),
        Block::Fields(shipment_fields(record, w)),
        Block::Heading(2, w.label("receipt-inspection")),
        Block::Fields(inspection_fields(record, clock, w)),
        Block::Heading(
            2,
            w.each(|l| t!(l, "receipt-goods-seized", count = n), " / "),
        ),
    ];
    let basis = basis::index(record, pack);
    for (n, s) in seizures.iter().enumerate() {
        out.extend(seizure_blocks(n + 1, s, &basis, clock, w));
    }
    if !record.findings.is_empty() {
        out.push(Block::Heading(2, w.label("receipt-findings")));
        out.push(findings_table(record, w));
    }
    out.push(Block::Heading(2, w.label("receipt-signatures")));
    out.push(Block::Para(w.para("receipt-signature-line")));
    Ok(out)
}

/// Finalized (when, record hash) or the DRAFT warning.
fn status_para(record: &Record, clock: &Clock, w: Words) -> Block {
    let ins = &record.inspection;
    let id = clean(&ins.id);
    if ins.is_finalized() {
        let at = when(ins.meta_str("finalized_at").unwrap_or_default(), clock);
        let hash = clean(ins.meta_str("record_hash").unwrap_or_default());
        Block::Para(w.each(
            |l| {
                t!(
                    l,
                    "receipt-finalized",
                    id = id.as_str(),
                    at = at.as_str(),
                    hash = hash.as_str()
                )
            },
            "\n",
        ))
    } else {
        Block::Para(w.each(|l| t!(l, "receipt-draft", id = id.as_str()), "\n"))
    }
}

/// The declared shipment, empty fields left out.
fn shipment_fields(record: &Record, w: Words) -> Vec<(String, String)> {
    let sh = &record.shipment.data;
    let exporter = if sh.exporter_credit_code.is_empty() {
        clean(&sh.exporter_name)
    } else {
        let (name, code) = (clean(&sh.exporter_name), clean(&sh.exporter_credit_code));
        w.each(
            |l| {
                t!(
                    l,
                    "receipt-exporter-code",
                    name = name.as_str(),
                    code = code.as_str()
                )
            },
            " / ",
        )
    };
    let mut shipment = vec![
        (w.label("receipt-declaration-no"), clean(&sh.declaration_no)),
        (w.label("receipt-declared-on"), clean(&sh.declared_on)),
        (w.label("receipt-exporter"), exporter),
        (w.label("receipt-consignee"), clean(&sh.consignee)),
        (w.label("receipt-destination"), clean(&sh.destination)),
        (
            w.label("receipt-transport"),
            sh.transport_mode.label().to_string(),
        ),
        (w.label("receipt-containers"), clean(&sh.container_nos)),
        (w.label("receipt-declared-seals"), clean(&sh.seal_nos)),
        (w.label("receipt-declared-goods"), clean(&sh.description)),
        (w.label("receipt-hs-code"), clean(&sh.hs_code)),
        (
            w.label("receipt-declared-quantity"),
            format!("{} {}", clean(&sh.quantity), clean(&sh.quantity_unit)),
        ),
        (
            w.label("receipt-net-weight"),
            sh.net_weight_g.map(format_weight_g).unwrap_or_default(),
        ),
        (
            w.label("receipt-declared-value"),
            sh.value_minor
                .map(|v| format_money(v, &sh.currency))
                .unwrap_or_default(),
        ),
    ];
    shipment.retain(|(_, v)| !v.trim().is_empty());
    shipment
}

/// Place, start and outcome of the inspection, empty fields left out.
fn inspection_fields(record: &Record, clock: &Clock, w: Words) -> Vec<(String, String)> {
    let i = &record.inspection.data;
    let mut place = vec![
        (
            w.label("receipt-place"),
            format!("{} {}", clean(&i.locode), clean(&i.terminal))
                .trim()
                .to_string(),
        ),
        (w.label("receipt-started"), when(&i.started_at, clock)),
        (
            w.label("receipt-outcome"),
            i.outcome.map(|o| o.label().to_string()).unwrap_or_default(),
        ),
    ];
    place.retain(|(_, v)| !v.is_empty());
    place
}

fn findings_table(record: &Record, w: Words) -> Block {
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
    let head = [
        "receipt-col-finding",
        "receipt-col-declared",
        "receipt-col-found",
    ];
    Block::Table(head.map(|id| w.label(id)).to_vec(), rows)
}
