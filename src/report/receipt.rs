//! The seizure receipt handed to the exporter: shipment, goods, quantities, seals,
//! legal basis (rule ids with their announcements) and custody transfers, in Markdown
//! or plain text. Every value passes `domain::sanitize`.

use std::collections::BTreeMap;

use crate::domain::{Record, StoredSeizure, format_money, format_weight_g, sanitize};
use crate::rules::RulePack;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptFormat {
    Markdown,
    Text,
}

/// The zone a receipt shows its times in: the machine's local time (DESIGN §3), or a
/// fixed UTC offset (reproducible output, tests). Always printed with the offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptZone {
    Local,
    Fixed(chrono::FixedOffset),
}

/// A stored UTC time as "2025-07-05 09:30 +08:00" in `zone`; unparsable text as is
/// (sanitized).
fn when(ts: &str, zone: ReceiptZone) -> String {
    const FMT: &str = "%Y-%m-%d %H:%M %:z";
    match chrono::DateTime::parse_from_rfc3339(ts.trim()) {
        Ok(t) => match zone {
            ReceiptZone::Local => t.with_timezone(&chrono::Local).format(FMT).to_string(),
            ReceiptZone::Fixed(o) => t.with_timezone(&o).format(FMT).to_string(),
        },
        Err(_) => clean(ts),
    }
}

enum Block {
    Heading(u8, String),
    Para(String),
    Fields(Vec<(String, String)>),
    Table(Vec<String>, Vec<Vec<String>>),
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
    zone: ReceiptZone,
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
                    when(&c.data.at, zone),
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

fn blocks(
    record: &Record,
    seizure_id: Option<&str>,
    pack: Option<&RulePack>,
    zone: ReceiptZone,
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
    let sh = &record.shipment.data;
    let ins = &record.inspection;
    let mut out = vec![Block::Heading(1, "Seizure receipt".into())];
    if ins.is_finalized() {
        out.push(Block::Para(format!(
            "Inspection {} finalized {} (record hash {}).",
            ins.id,
            when(ins.meta_str("finalized_at").unwrap_or_default(), zone),
            clean(ins.meta_str("record_hash").unwrap_or_default())
        )));
    } else {
        out.push(Block::Para(format!(
            "DRAFT: inspection {} is not finalized; this is not a receipt.",
            ins.id
        )));
    }
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
    out.push(Block::Heading(2, "Shipment".into()));
    out.push(Block::Fields(shipment));
    let i = &ins.data;
    let mut place = vec![
        (
            "Place".to_string(),
            format!("{} {}", clean(&i.locode), clean(&i.terminal))
                .trim()
                .to_string(),
        ),
        ("Started".into(), when(&i.started_at, zone)),
        (
            "Outcome".into(),
            i.outcome.map(|o| o.label().to_string()).unwrap_or_default(),
        ),
    ];
    place.retain(|(_, v)| !v.is_empty());
    out.push(Block::Heading(2, "Inspection".into()));
    out.push(Block::Fields(place));
    out.push(Block::Heading(
        2,
        format!("Goods seized ({})", seizures.len()),
    ));
    let basis = legal_basis_index(record, pack);
    for (n, s) in seizures.iter().enumerate() {
        out.extend(seizure_blocks(n + 1, s, &basis, zone));
    }
    if !record.findings.is_empty() {
        out.push(Block::Heading(2, "Findings".into()));
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
        out.push(Block::Table(
            ["Finding", "Declared", "Found"].map(String::from).to_vec(),
            rows,
        ));
    }
    out.push(Block::Heading(2, "Signatures".into()));
    out.push(Block::Para(
        "Officer: ______________________   Exporter's representative: ______________________   Date: ____________".into(),
    ));
    Ok(out)
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|")
}

fn render_markdown(blocks: &[Block]) -> String {
    let mut o = String::new();
    for b in blocks {
        match b {
            Block::Heading(l, t) => o.push_str(&format!("{} {t}\n\n", "#".repeat(*l as usize))),
            Block::Para(t) => o.push_str(&format!("{t}\n\n")),
            Block::Fields(f) => {
                o.push_str("| | |\n|---|---|\n");
                for (k, v) in f {
                    o.push_str(&format!("| {k} | {} |\n", md_cell(v)));
                }
                o.push('\n');
            }
            Block::Table(h, rows) => {
                o.push_str(&format!("| {} |\n", h.join(" | ")));
                o.push_str(&format!("|{}\n", "---|".repeat(h.len())));
                for r in rows {
                    let cells: Vec<String> = r.iter().map(|c| md_cell(c)).collect();
                    o.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
                o.push('\n');
            }
        }
    }
    o
}

fn render_text(blocks: &[Block]) -> String {
    let mut o = String::new();
    for b in blocks {
        match b {
            Block::Heading(l, t) => {
                let u = match l {
                    1 => '=',
                    2 => '-',
                    _ => '.',
                };
                let width = unicode_width::UnicodeWidthStr::width(t.as_str());
                o.push_str(&format!("{t}\n{}\n\n", u.to_string().repeat(width)));
            }
            Block::Para(t) => o.push_str(&format!("{t}\n\n")),
            Block::Fields(f) => {
                let w = f.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
                for (k, v) in f {
                    o.push_str(&format!("{k:<w$}  {v}\n"));
                }
                o.push('\n');
            }
            Block::Table(h, rows) => {
                for r in rows {
                    let parts: Vec<String> = h
                        .iter()
                        .zip(r)
                        .filter(|(_, c)| !c.is_empty())
                        .map(|(h, c)| format!("{h}: {c}"))
                        .collect();
                    o.push_str(&format!("  - {}\n", parts.join("; ")));
                }
                o.push('\n');
            }
        }
    }
    o
}

/// The receipt for the seizures of `record` (or only `seizure_id`), times in local time
/// with the offset. Err when there is no seizure to give a receipt for.
pub fn seizure_receipt(
    record: &Record,
    seizure_id: Option<&str>,
    pack: Option<&RulePack>,
    format: ReceiptFormat,
) -> Result<String, String> {
    seizure_receipt_in(record, seizure_id, pack, format, ReceiptZone::Local)
}

/// `seizure_receipt` with its times shown in `zone`.
pub fn seizure_receipt_in(
    record: &Record,
    seizure_id: Option<&str>,
    pack: Option<&RulePack>,
    format: ReceiptFormat,
    zone: ReceiptZone,
) -> Result<String, String> {
    let b = blocks(record, seizure_id, pack, zone)?;
    Ok(match format {
        ReceiptFormat::Markdown => render_markdown(&b),
        ReceiptFormat::Text => render_text(&b),
    })
}
