//! Declared vs measured: screening facts built from a record, and the findings that
//! reconciliation suggests (weight beyond a tolerance, a controlled element found but
//! not declared, an HS code or a description that does not fit the matched item).
//! The officer accepts a suggestion (it becomes a finding with `suggested`) or
//! dismisses it. Pure.

use std::collections::BTreeMap;

use serde::Serialize;

use super::pack::Item;
use super::{Facts, RulePack};
use crate::domain::{
    Country, Finding, FindingKind, HsCode, Measurement, Shipment, format_weight_g,
    parse_composition, parse_date,
};

/// Relative difference between declared and weighed net weight that is tolerated.
pub const WEIGHT_TOLERANCE_PCT: f64 = 2.0;

/// A measured element content in percent, e.g. an XRF reading `xrf_pct` with element `Dy`.
fn element_reading(m: &Measurement) -> Option<(&str, f64)> {
    let el = m.element.as_deref()?;
    let value = m.value?;
    (m.name.ends_with("_pct") || m.unit.trim() == "%").then_some((el, value))
}

/// Screening facts for a shipment and its measurements. The composition is the declared
/// one overlaid with measured element contents (a measurement wins); measured element
/// contents are also named `<element>_pct` (e.g. `dy_pct`). Unparseable fields are left
/// out (a draft may be invalid).
pub fn facts_for(shipment: &Shipment, measurements: &[Measurement]) -> Facts {
    let mut composition =
        parse_composition("composition", &shipment.composition).unwrap_or_default();
    let mut named = BTreeMap::new();
    for m in measurements.iter() {
        let Some(value) = m.value.filter(|v| v.is_finite()) else {
            continue;
        };
        match element_reading(m) {
            Some((el, v)) => {
                composition.insert(el.to_string(), v);
                named.insert(format!("{}_pct", el.to_ascii_lowercase()), v);
            }
            None => {
                named.insert(m.name.clone(), value);
            }
        }
    }
    Facts {
        date: parse_date("declared_on", &shipment.declared_on).ok(),
        hs_code: HsCode::parse(&shipment.hs_code).ok(),
        description: shipment.description.clone(),
        composition,
        measurements: named,
        destination: Country::parse("destination", &shipment.destination).ok(),
        end_use: shipment.end_use,
        end_user: shipment.end_user.clone(),
        licence_no: shipment.licence_no.clone(),
        consignee: shipment.consignee.clone(),
        intermediaries: shipment.intermediary_names(),
    }
}

/// A finding reconciliation suggests; `key` is stable so a dismissal can be remembered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    pub key: String,
    /// The rule-pack item the suggestion rests on, if any.
    pub item_id: Option<String>,
    pub finding: Finding,
}

fn suggestion(
    key: String,
    item: Option<&Item>,
    kind: FindingKind,
    declared: String,
    found: String,
    evidence: String,
) -> Suggestion {
    Suggestion {
        key,
        item_id: item.map(|i| i.id.clone()),
        finding: Finding {
            kind,
            declared,
            found,
            evidence,
            suggested: true,
        },
    }
}

fn weight_g(m: &Measurement) -> Option<f64> {
    let v = m.value.filter(|v| v.is_finite())?;
    match m.name.as_str() {
        "weighed_mass_kg" | "net_weight_kg" | "weight_kg" => Some(v * 1000.0),
        "weighed_mass_g" | "net_weight_g" | "weight_g" => Some(v),
        "weighed_mass_t" | "net_weight_t" => Some(v * 1_000_000.0),
        _ => None,
    }
}

fn mentions(description: &str, item: &Item) -> bool {
    let d = description.to_lowercase();
    let words = item
        .keywords
        .iter()
        .chain(item.formulae.iter())
        .chain(item.composition_keywords.iter())
        .chain(std::iter::once(&item.name_en))
        .chain(std::iter::once(&item.name_zh));
    words
        .filter(|w| !w.trim().is_empty())
        .any(|w| d.contains(&w.to_lowercase()))
}

/// For each family whose controlled elements the composition contains (at or above an
/// item's minimum): the item the description names, else the family's primary item.
/// The bool says whether the description names it.
fn items_by_element<'a>(
    pack: &'a RulePack,
    composition: &BTreeMap<String, f64>,
    description: &str,
) -> Vec<(&'a Item, String, f64, bool)> {
    let mut by_family: BTreeMap<&str, Vec<(&Item, String, f64)>> = BTreeMap::new();
    for item in pack.items.iter().filter(|i| !i.technology) {
        let hit = item.elements.iter().find_map(|el| {
            let v = *composition.get(el)?;
            (v > 0.0 && v >= item.element_min_pct).then(|| (el.clone(), v))
        });
        if let Some((el, v)) = hit {
            by_family
                .entry(item.family.as_str())
                .or_default()
                .push((item, el, v));
        }
    }
    by_family
        .into_values()
        .filter_map(|cands| {
            if let Some((i, el, v)) = cands.iter().find(|(i, _, _)| mentions(description, i)) {
                return Some((*i, el.clone(), *v, true));
            }
            let (i, el, v) = cands
                .iter()
                .find(|(i, _, _)| i.family_primary)
                .or(cands.first())?;
            Some((*i, el.clone(), *v, false))
        })
        .collect()
}

/// The suggested findings for a shipment and its measurements.
pub fn reconcile(
    pack: &RulePack,
    shipment: &Shipment,
    measurements: &[Measurement],
) -> Vec<Suggestion> {
    let mut out = Vec::new();
    out.extend(weight_beyond_tolerance(shipment, measurements));
    let facts = facts_for(shipment, measurements);
    let matched = items_by_element(pack, &facts.composition, &shipment.description);
    under_declared(pack, shipment, measurements, &matched, &mut out);
    against_matched_items(shipment, matched, &mut out);
    out.extend(missing_licence(pack, shipment, &facts));
    out
}

/// Fifth: the screening says a licence is required for an item and the declaration names
/// no licence number; the "missing licence" finding names the item and its control code.
fn missing_licence(pack: &RulePack, shipment: &Shipment, facts: &Facts) -> Vec<Suggestion> {
    if !shipment.licence_no.trim().is_empty() {
        return Vec::new();
    }
    let screening = super::screen(pack, facts);
    let mut out: Vec<Suggestion> = Vec::new();
    for hit in screening
        .hits
        .iter()
        .filter(|h| h.kind == super::HitKind::Item && h.effect == super::Verdict::LicenceRequired)
    {
        let Some(item) = pack.items.iter().find(|i| i.id == hit.rule_id) else {
            continue;
        };
        let key = format!("missing_licence:{}", item.id);
        if out.iter().any(|s| s.key == key) {
            continue;
        }
        let named = match item.control_code.as_deref() {
            Some(code) => format!("{} ({code})", item.name_en),
            None => item.name_en.clone(),
        };
        out.push(suggestion(
            key,
            Some(item),
            FindingKind::MissingLicence,
            "no licence number".into(),
            format!("{named}: a dual-use export licence is required"),
            "declaration form: licence number empty".into(),
        ));
    }
    out
}

/// 1. The weighed net weight beyond the tolerance of the declared one.
fn weight_beyond_tolerance(
    shipment: &Shipment,
    measurements: &[Measurement],
) -> Option<Suggestion> {
    let declared = shipment.net_weight_g.filter(|g| *g > 0)?;
    let (m, measured) = measurements
        .iter()
        .find_map(|m| weight_g(m).map(|w| (m, w)))?;
    let diff_pct = (measured - declared as f64) / declared as f64 * 100.0;
    if diff_pct.abs() <= WEIGHT_TOLERANCE_PCT {
        return None;
    }
    Some(suggestion(
        "weight".into(),
        None,
        FindingKind::WeightDiscrepancy,
        format!("net weight {}", format_weight_g(declared)),
        format!(
            "{} {} ({diff_pct:+.2} %)",
            format_weight_g(measured.round() as i64),
            m.name
        ),
        format!(
            "weighed by {}; tolerance {WEIGHT_TOLERANCE_PCT} %",
            if m.method.is_empty() {
                "scale"
            } else {
                &m.method
            }
        ),
    ))
}

/// 2. A controlled element found but absent from (or under) the declared composition.
fn under_declared(
    pack: &RulePack,
    shipment: &Shipment,
    measurements: &[Measurement],
    matched: &[(&Item, String, f64, bool)],
    out: &mut Vec<Suggestion>,
) {
    let declared = parse_composition("composition", &shipment.composition).unwrap_or_default();
    let controlled: Vec<&str> = pack
        .items
        .iter()
        .filter(|i| !i.technology)
        .flat_map(|i| i.elements.iter().map(String::as_str))
        .collect();
    let mut seen = Vec::new();
    for m in measurements {
        let Some((el, v)) = element_reading(m) else {
            continue;
        };
        if v <= 0.0 || !controlled.contains(&el) || seen.contains(&el) {
            continue;
        }
        seen.push(el);
        let under = match declared.get(el) {
            None => true,
            Some(&d) => v > d * 1.1 + 0.05,
        };
        if !under {
            continue;
        }
        let decl = match declared.get(el) {
            Some(d) => format!("{el} {d} %"),
            None => format!("composition does not list {el}"),
        };
        let method = if m.method.is_empty() {
            m.name.as_str()
        } else {
            m.method.as_str()
        };
        out.push(suggestion(
            format!("under_declared:{el}"),
            matched.iter().find(|m| m.1 == el).map(|m| m.0).or_else(|| {
                pack.items
                    .iter()
                    .find(|i| i.elements.iter().any(|e| e == el))
            }),
            FindingKind::UnderDeclaredContent,
            decl,
            format!("{el} {v} % ({method})"),
            format!("measured {el} content of a controlled element"),
        ));
    }
}

/// 3 and 4. The HS code and the description against the item the composition matches.
fn against_matched_items(
    shipment: &Shipment,
    matched: Vec<(&Item, String, f64, bool)>,
    out: &mut Vec<Suggestion>,
) {
    let hs = HsCode::parse(&shipment.hs_code).ok();
    for (item, el, v, named) in matched {
        let code = item.control_code.as_deref().unwrap_or("no control code");
        if let Some(hs) = &hs
            && !item.hs_codes.is_empty()
            && !item.hs_codes.iter().any(|r| hs.matches_reference(&r.code))
        {
            let listed: Vec<&str> = item.hs_codes.iter().map(|r| r.code.as_str()).collect();
            out.push(suggestion(
                format!("hs_code:{}", item.id),
                Some(item),
                FindingKind::WrongHsCode,
                format!("HS {hs}"),
                format!(
                    "{} ({code}) is listed under HS {}",
                    item.name_en,
                    listed.join(", ")
                ),
                format!("{el} {v} % matches {}", item.id),
            ));
        }
        if !named {
            out.push(suggestion(
                format!("description:{}", item.id),
                Some(item),
                FindingKind::MisdeclaredName,
                format!("described as '{}'", shipment.description.trim()),
                format!("{el} {v} %: the goods are {} ({code})", item.name_en),
                format!(
                    "composition matches {}, which the description does not name",
                    item.id
                ),
            ));
        }
    }
}
