//! The Review tab's read-only record view: the shipment, the screening reasons, the
//! measurements, findings, seizures with their custody transfers and the review history
//! (from `report::RecordDetail`, as `minspect record show` reads it), the chain status of
//! the record and its audit trail (`report::desk::trail`), as lines built once when the
//! view opens. Every database string is sanitized.

use crate::domain::{Clock, Lang, sanitize};
use crate::report::RecordDetail;
use crate::report::desk::trail::{ChainStatus, RecordTrail};
use crate::rules::Screening;
use crate::store::{Store, StoreError};
use crate::t;

fn c(s: &str) -> String {
    sanitize(s).into_owned()
}

/// The lines of inspection `id`'s record.
pub fn lines(
    store: &Store,
    id: &str,
    clock: &Clock,
    lang: Lang,
) -> Result<Vec<String>, StoreError> {
    let d = RecordDetail::build(store, id, clock)?;
    let r = &d.record;
    let (s, i) = (&r.shipment.data, &r.inspection.data);
    let mut out = vec![
        t!(
            lang,
            "review-rec-shipment",
            declaration = c(&s.declaration_no),
            date = c(&s.declared_on),
            exporter = c(&s.exporter_name),
            destination = c(&s.destination)
        ),
        t!(
            lang,
            "review-rec-goods",
            goods = c(&s.description),
            hs = c(&s.hs_code),
            quantity = format!("{} {}", c(&s.quantity), c(&s.quantity_unit)),
            net = d.net_weight.clone().unwrap_or_else(|| "-".into()),
            value = d.value.clone().unwrap_or_else(|| "-".into())
        ),
        t!(
            lang,
            "review-rec-inspection",
            port = c(&i.locode),
            terminal = c(&i.terminal),
            outcome = i.outcome.map_or("-", |o| o.as_str()),
            verdict = d.verdict.clone().unwrap_or_else(|| "-".into())
        ),
        String::new(),
        t!(lang, "review-rec-screening"),
    ];
    let none = || format!("  {}", t!(lang, "review-rec-none"));
    items(&d, clock, lang, &mut out);
    out.push(t!(lang, "review-rec-history"));
    if d.reviews.is_empty() {
        out.push(none());
    }
    out.extend(d.reviews.iter().map(|rv| format!("  {}", rv.text(false))));
    let trail = RecordTrail::build(store, r)?;
    trail_lines(&trail, clock, lang, &mut out);
    Ok(out)
}

/// The chain status (first: it is what a reviewer must know) and the audit trail.
fn trail_lines(trail: &RecordTrail, clock: &Clock, lang: Lang, out: &mut Vec<String>) {
    out.push(match &trail.chain {
        ChainStatus::NotChained => t!(lang, "review-rec-chain-none"),
        ChainStatus::Verified(n) => t!(lang, "review-rec-chain-verified", count = *n),
        ChainStatus::Broken {
            kind,
            device_id,
            seq,
            problem,
        } => t!(
            lang,
            "review-rec-chain-broken",
            kind = c(kind),
            device = c(device_id),
            seq = *seq,
            problem = c(&crate::i18n::msg(lang, problem))
        ),
    });
    out.push(t!(lang, "review-rec-audit"));
    if trail.audit.is_empty() {
        out.push(format!("  {}", t!(lang, "review-rec-none")));
    }
    out.extend(trail.audit.iter().map(|a| {
        "  ".to_string()
            + &t!(
                lang,
                "review-rec-audit-line",
                at = crate::report::shipment_detail::local(&a.at, clock),
                actor = c(&a.actor),
                action = c(&a.action),
                entity = c(&a.entity)
            )
    }));
}

/// The screening reasons, measurements, findings and seizures with custody.
fn items(d: &RecordDetail, clock: &Clock, lang: Lang, out: &mut Vec<String>) {
    let r = &d.record;
    let none = || format!("  {}", t!(lang, "review-rec-none"));
    let screening = r
        .inspection
        .meta_str("screening")
        .and_then(|j| serde_json::from_str::<Screening>(j).ok());
    match screening {
        Some(sc) if !sc.hits.is_empty() => {
            out.extend(
                sc.hits
                    .iter()
                    .map(|h| format!("  {}", crate::report::screening::hit_text(lang, h))),
            );
        }
        _ => out.push(none()),
    }
    out.push(t!(lang, "review-rec-measurements"));
    out.extend(r.measurements.iter().map(|m| {
        let name = match m.data.element.as_deref() {
            Some(el) if !el.is_empty() => format!("{} {}", c(&m.data.name), c(el)),
            _ => c(&m.data.name),
        };
        format!("  {name} = {} {}", m.data.value_text(), c(&m.data.unit))
    }));
    if r.measurements.is_empty() {
        out.push(none());
    }
    out.push(t!(lang, "review-rec-findings"));
    if r.findings.is_empty() {
        out.push(none());
    }
    out.extend(r.findings.iter().map(|f| {
        "  ".to_string()
            + &t!(
                lang,
                "review-rec-finding",
                kind = f.data.kind.to_string(),
                declared = c(&f.data.declared),
                found = c(&f.data.found)
            )
    }));
    out.push(t!(lang, "review-rec-seizures"));
    if r.seizures.is_empty() {
        out.push(none());
    }
    for sz in &r.seizures {
        let z = &sz.seizure.data;
        out.push(
            "  ".to_string()
                + &t!(
                    lang,
                    "review-rec-seizure",
                    quantity = format!("{} {}", c(&z.quantity), c(&z.unit)),
                    goods = c(&z.goods),
                    storage = c(&z.storage_location)
                ),
        );
        out.extend(sz.custody.iter().map(|e| {
            "    ".to_string()
                + &t!(
                    lang,
                    "review-rec-custody",
                    at = crate::report::shipment_detail::local(&e.data.at, clock),
                    from = c(&e.data.from_party),
                    to = c(&e.data.to_party),
                    reason = c(&e.data.reason)
                )
        }));
    }
}
