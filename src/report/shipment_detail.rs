//! The shipment detail: one shipment's declared facts, its inspections (with the latest
//! review decision), findings and seizures, and both verdicts (on the declaration and
//! after inspection), as sanitized plain lines in the interface language. The console's
//! Shipments detail pane draws it (styles are the console's business); stored times are
//! shown in the clock's zone.

use super::record_detail::ReviewLine;
use crate::domain::{Clock, Lang, sanitize};
use crate::i18n::text;
use crate::store::query::shipment_detail::ShipmentDetail;
use crate::store::query::verdicts::RowVerdicts;
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

/// Everything the detail pane shows about one shipment, in the interface language.
#[derive(Debug, Clone, PartialEq)]
pub struct ShipmentCard {
    /// the declaration number
    pub title: String,
    /// `  2026-02-27 · finalized · held`, shown after the title
    pub subtitle: String,
    /// (label, value), one fact per line under fixed labels; two of them give both
    /// verdicts: on the declaration and after inspection
    pub facts: Vec<(String, String)>,
    /// `Inspections (2)`, `Findings (1)`, `Seizures (0)`: the lists' titles
    pub titles: [String; 3],
    /// what an empty list says
    pub none: String,
    pub inspections: Vec<InspectionEntry>,
    /// `kind: declared X · found Y · evidence`
    pub findings: Vec<String>,
    /// `goods (family) quantity unit · stored at location`
    pub seizures: Vec<String>,
}

impl ShipmentCard {
    /// The card of `d`, whose verdicts (on the declaration, after inspection) are `v`.
    pub fn build(d: &ShipmentDetail, v: &RowVerdicts, clock: &Clock, lang: Lang) -> ShipmentCard {
        let r = &d.row;
        ShipmentCard {
            title: c(&r.declaration_no),
            subtitle: format!(
                "  {} · {} · {}",
                c(&r.declared_on),
                c(&d.state),
                c(&r.status)
            ),
            facts: facts(d, v, lang),
            titles: [
                t!(lang, "card-inspections", count = d.inspections.len()),
                t!(lang, "card-findings", count = d.findings.len()),
                t!(lang, "card-seizures", count = d.seizures.len()),
            ],
            none: text(lang, "card-none-recorded"),
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
                        "card-finding",
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
                    format!(
                        "{} ({}) {} {} · {}",
                        c(&z.goods),
                        c(&z.family),
                        c(&z.quantity),
                        c(&z.unit),
                        t!(lang, "card-stored-at", location = c(&z.storage_location))
                    )
                })
                .collect(),
        }
    }
}

/// Both verdicts, each a line: on the declaration (`NOT CONTROLLED`) and after
/// inspection (`LICENCE REQUIRED (seized)`).
fn verdicts(v: &RowVerdicts, lang: Lang) -> [(&'static str, String); 2] {
    let word = |v: &str| match v {
        "" => text(lang, "card-verdict-none"),
        v => text(lang, &format!("verdict-{v}")),
    };
    let found = match v.outcome.as_str() {
        "" => word(&v.found),
        o => t!(
            lang,
            "card-verdict-with-outcome",
            verdict = word(&v.found),
            outcome = c(o)
        ),
    };
    [
        ("card-verdict-declared", word(&v.declared)),
        ("card-verdict-found", found),
    ]
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

fn facts(d: &ShipmentDetail, v: &RowVerdicts, lang: Lang) -> Vec<(String, String)> {
    let r = &d.row;
    let net = d
        .net_weight_g
        .map(|g| format!("{:.3}", g as f64 / 1000.0))
        .unwrap_or_else(|| "—".into());
    let licence = match d.licence_no.is_empty() {
        true => text(lang, "card-licence-none"),
        false => c(&d.licence_no),
    };
    [
        ("card-exporter", c(&r.exporter_name)),
        ("card-credit-code", c(&d.exporter_credit_code)),
        (
            "card-consignee",
            format!("{} → {}", c(&d.consignee), c(&r.destination)),
        ),
        (
            "card-end-user",
            format!("{} ({})", c(&d.end_user), c(&d.end_use)),
        ),
        (
            "card-goods",
            format!("HS {} · {}", c(&r.hs_code), c(&r.description)),
        ),
        ("card-composition", c(&d.composition)),
        (
            "card-quantity",
            format!(
                "{} {} · {}",
                c(&d.quantity),
                c(&d.quantity_unit),
                t!(lang, "card-net", kg = net)
            ),
        ),
        ("card-value", money(d.value_minor, &d.currency)),
        (
            "card-transport",
            format!("{} · {}", c(&d.transport_mode), c(&d.container_nos)),
        ),
        ("card-via", c(&d.transshipment)),
        ("card-licence", licence),
    ]
    .into_iter()
    .chain(verdicts(v, lang))
    .chain([(
        "card-screening",
        format!("{} · {}", c(&r.verdict), c(&r.family)),
    )])
    .map(|(id, value)| (text(lang, id), value))
    .collect()
}
