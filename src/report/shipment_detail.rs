//! The shipment detail: one shipment's declared facts, its inspections (with the latest
//! review decision), findings and seizures, as sanitized plain lines. The console's
//! Shipments detail pane draws it (styles are the console's business); stored times are
//! shown in the clock's zone.

use super::record_detail::ReviewLine;
use crate::domain::{Clock, Lang, sanitize};
use crate::store::query::shipment_detail::ShipmentDetail;
use crate::t;

fn c(s: &str) -> String {
    sanitize(s).into_owned()
}

/// One inspection of the shipment.
#[derive(Debug, Clone, PartialEq)]
pub struct InspectionEntry {
    pub id: String,
    /// `2026-03-01 12:30 CNSHA · rule_hit · held · licence_required · Li Wei · finalized`
    pub line: String,
    pub review: Option<ReviewLine>,
    /// the narrative, sanitized; None when empty
    pub narrative: Option<String>,
}

/// Everything the detail pane shows about one shipment.
#[derive(Debug, Clone, PartialEq)]
pub struct ShipmentCard {
    /// the declaration number
    pub title: String,
    /// `  2026-02-27 · finalized · held`, shown after the title
    pub subtitle: String,
    /// (label, value), one fact per line under fixed labels (in the card's language)
    pub facts: Vec<(String, String)>,
    pub inspections: Vec<InspectionEntry>,
    /// `kind: declared X · found Y · evidence`
    pub findings: Vec<String>,
    /// `goods (family) quantity unit · stored at location`
    pub seizures: Vec<String>,
}

impl ShipmentCard {
    /// The card in English (see [`ShipmentCard::build_in`]).
    pub fn build(d: &ShipmentDetail, clock: &Clock) -> ShipmentCard {
        ShipmentCard::build_in(d, clock, Lang::En)
    }

    /// The card with its labels and words in `lang` (values as stored).
    pub fn build_in(d: &ShipmentDetail, clock: &Clock, lang: Lang) -> ShipmentCard {
        let r = &d.row;
        ShipmentCard {
            title: c(&r.declaration_no),
            subtitle: format!(
                "  {} · {} · {}",
                c(&r.declared_on),
                c(&d.state),
                c(&r.status)
            ),
            facts: facts(d, lang),
            inspections: d
                .inspections
                .iter()
                .map(|i| InspectionEntry {
                    id: i.id.clone(),
                    line: format!(
                        "{} {} · {} · {} · {} · {} · {}",
                        local(&i.started_at, clock),
                        c(&i.locode),
                        c(&i.trigger),
                        c(&i.outcome),
                        c(&i.verdict),
                        c(&i.officer),
                        c(&i.state)
                    ),
                    review: i.review.as_ref().map(|rv| ReviewLine::of(rv, clock)),
                    narrative: (!i.narrative.is_empty()).then(|| c(&i.narrative)),
                })
                .collect(),
            findings: d
                .findings
                .iter()
                .map(|f| {
                    t!(
                        lang,
                        "ship-finding",
                        kind = c(&f.kind),
                        declared = c(&f.declared),
                        found = c(&f.found),
                        evidence = c(&f.evidence)
                    )
                })
                .collect(),
            seizures: d
                .seizures
                .iter()
                .map(|z| {
                    t!(
                        lang,
                        "ship-seizure",
                        goods = c(&z.goods),
                        family = c(&z.family),
                        quantity = c(&z.quantity),
                        unit = c(&z.unit),
                        location = c(&z.storage_location)
                    )
                })
                .collect(),
        }
    }
}

/// A stored UTC time as `2026-03-01 12:30` in the clock's zone; other text sanitized.
pub fn local(ts: &str, clock: &Clock) -> String {
    clock
        .local_str(ts)
        .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|| c(ts))
}

fn money(minor: Option<i64>, cur: &str) -> String {
    minor
        .map(|m| format!("{}.{:02} {}", m / 100, m % 100, c(cur)))
        .unwrap_or_else(|| "—".into())
}

fn facts(d: &ShipmentDetail, lang: Lang) -> Vec<(String, String)> {
    let r = &d.row;
    let net = d
        .net_weight_g
        .map(|g| format!("{:.3}", g as f64 / 1000.0))
        .unwrap_or_else(|| "—".into());
    let licence = match d.licence_no.is_empty() {
        true => t!(lang, "ship-licence-none"),
        false => c(&d.licence_no),
    };
    [
        ("ship-exporter", c(&r.exporter_name)),
        ("ship-credit-code", c(&d.exporter_credit_code)),
        (
            "ship-consignee",
            format!("{} → {}", c(&d.consignee), c(&r.destination)),
        ),
        (
            "ship-end-user",
            format!("{} ({})", c(&d.end_user), c(&d.end_use)),
        ),
        (
            "ship-goods",
            format!("HS {} · {}", c(&r.hs_code), c(&r.description)),
        ),
        ("ship-composition", c(&d.composition)),
        (
            "ship-quantity",
            t!(
                lang,
                "ship-quantity-value",
                quantity = c(&d.quantity),
                unit = c(&d.quantity_unit),
                net = net
            ),
        ),
        ("ship-value", money(d.value_minor, &d.currency)),
        (
            "ship-transport",
            format!("{} · {}", c(&d.transport_mode), c(&d.container_nos)),
        ),
        ("ship-via", c(&d.transshipment)),
        ("ship-licence", licence),
        (
            "ship-screening",
            format!("{} · {}", c(&r.verdict), c(&r.family)),
        ),
    ]
    .into_iter()
    .map(|(id, v)| (crate::i18n::text(lang, id), v))
    .collect()
}
