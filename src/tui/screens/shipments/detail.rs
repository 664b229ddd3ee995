//! The Shipments tab's detail pane: one fact per line under fixed labels.

use ratatui::text::{Line, Span};

use crate::domain::sanitize;
use crate::store::shipments::ShipmentDetail;
use crate::tui::screens::record::{review_head, review_style};
use crate::tui::screens::{ViewCx, local_time};

fn c(s: &str) -> String {
    sanitize(s).into_owned()
}

fn money(minor: Option<i64>, cur: &str) -> String {
    minor
        .map(|m| format!("{}.{:02} {}", m / 100, m % 100, c(cur)))
        .unwrap_or_else(|| "—".into())
}

/// The detail pane's lines; `marked`: the inspection the review keys act on (▶).
pub fn detail_lines<'a>(d: &'a ShipmentDetail, marked: Option<&str>, v: &ViewCx) -> Vec<Line<'a>> {
    let mut l = facts(d, v);
    inspections(d, marked, v, &mut l);
    findings_and_seizures(d, v, &mut l);
    l
}

/// The shipment's own facts, then the heading of its inspections.
fn facts<'a>(d: &'a ShipmentDetail, v: &ViewCx) -> Vec<Line<'a>> {
    let theme = v.theme;
    let r = &d.row;
    // one fact per line under fixed labels, no wrapping: moving the selection rewrites
    // only the values that differ (DESIGN §10: under 1 KB per row move)
    let kv = |k: &'static str, v: String| {
        Line::from(vec![
            Span::styled(format!("{k:<12}"), theme.dim),
            Span::raw(v),
        ])
    };
    vec![
        Line::from(vec![
            Span::styled(c(&r.declaration_no), theme.title),
            Span::raw(format!(
                "  {} · {} · {}",
                c(&r.declared_on),
                c(&d.state),
                c(&r.status)
            )),
        ]),
        kv("Exporter", c(&r.exporter_name)),
        kv("Credit code", c(&d.exporter_credit_code)),
        kv(
            "Consignee",
            format!("{} → {}", c(&d.consignee), c(&r.destination)),
        ),
        kv(
            "End user",
            format!("{} ({})", c(&d.end_user), c(&d.end_use)),
        ),
        kv(
            "Goods",
            format!("HS {} · {}", c(&r.hs_code), c(&r.description)),
        ),
        kv("Composition", c(&d.composition)),
        kv(
            "Quantity",
            format!(
                "{} {} · net {} kg",
                c(&d.quantity),
                c(&d.quantity_unit),
                d.net_weight_g
                    .map(|g| format!("{:.3}", g as f64 / 1000.0))
                    .unwrap_or_else(|| "—".into()),
            ),
        ),
        kv("Value", money(d.value_minor, &d.currency)),
        kv(
            "Transport",
            format!("{} · {}", c(&d.transport_mode), c(&d.container_nos)),
        ),
        kv("Via", c(&d.transshipment)),
        kv(
            "Licence",
            if d.licence_no.is_empty() {
                "none declared".into()
            } else {
                c(&d.licence_no)
            },
        ),
        kv("Screening", format!("{} · {}", c(&r.verdict), c(&r.family))),
        Line::styled(
            format!("Inspections ({})", d.inspections.len()),
            theme.title,
        ),
    ]
}

/// One line per inspection (`marked`: the one the review keys act on, ▶), its latest
/// review decision and narrative.
fn inspections(d: &ShipmentDetail, marked: Option<&str>, v: &ViewCx, l: &mut Vec<Line<'_>>) {
    let theme = v.theme;
    if d.inspections.is_empty() {
        l.push(Line::styled("  none recorded", theme.dim));
    }
    for i in &d.inspections {
        l.push(Line::raw(format!(
            "{} {} {} · {} · {} · {} · {} · {}",
            if marked == Some(i.id.as_str()) {
                "▶"
            } else {
                " "
            },
            local_time(&v.clock, &i.started_at),
            c(&i.locode),
            c(&i.trigger),
            c(&i.outcome),
            c(&i.verdict),
            c(&i.officer),
            c(&i.state)
        )));
        if let Some(r) = &i.review {
            l.push(Line::styled(
                format!("    {}", review_head(r, &v.clock)),
                review_style(r, theme),
            ));
            if !r.comment.is_empty() {
                l.push(Line::raw(format!("      {}", c(&r.comment))));
            }
        }
        if !i.narrative.is_empty() {
            l.push(Line::raw(format!("    {}", c(&i.narrative))));
        }
    }
}

fn findings_and_seizures(d: &ShipmentDetail, v: &ViewCx, l: &mut Vec<Line<'_>>) {
    let theme = v.theme;
    l.push(Line::styled(
        format!("Findings ({})", d.findings.len()),
        theme.title,
    ));
    if d.findings.is_empty() {
        l.push(Line::styled("  none recorded", theme.dim));
    }
    for f in &d.findings {
        l.push(Line::raw(format!(
            "  {}: declared {} · found {} · {}",
            c(&f.kind),
            c(&f.declared),
            c(&f.found),
            c(&f.evidence)
        )));
    }
    l.push(Line::styled(
        format!("Seizures ({})", d.seizures.len()),
        theme.title,
    ));
    if d.seizures.is_empty() {
        l.push(Line::styled("  none recorded", theme.dim));
    }
    for z in &d.seizures {
        l.push(Line::raw(format!(
            "  {} ({}) {} {} · stored at {}",
            c(&z.goods),
            c(&z.family),
            c(&z.quantity),
            c(&z.unit),
            c(&z.storage_location)
        )));
    }
}
