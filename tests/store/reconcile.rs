//! Declared vs measured: the findings reconciliation suggests, and the screening facts
//! built from a record.

use crate::support::{example, pack};
use minspect::domain::{FindingKind, Measurement};
use minspect::rules::{WEIGHT_TOLERANCE_PCT, facts_for, reconcile};

/// The keys of the suggestions, but the missing licence (these shipments declare none;
/// that suggestion has its own test below).
fn keys(s: &[minspect::rules::Suggestion]) -> Vec<&str> {
    s.iter()
        .map(|s| s.key.as_str())
        .filter(|k| !k.starts_with("missing_licence:"))
        .collect()
}

#[test]
fn a_licensable_item_without_a_licence_number_suggests_the_missing_licence() {
    let mut ex = example();
    let s = reconcile(&pack(), &ex.shipment, &ex.measurements);
    let licence: Vec<_> = s
        .iter()
        .filter(|s| s.finding.kind == FindingKind::MissingLicence)
        .collect();
    assert_eq!(licence.len(), 1, "{s:#?}");
    assert_eq!(licence[0].key, "missing_licence:re-dy-magnet");
    assert_eq!(licence[0].finding.declared, "no licence number");
    assert_eq!(
        licence[0].finding.found,
        "Dysprosium-containing NdFeB permanent magnets (1C905.a.4): a dual-use export licence is required"
    );
    ex.shipment.licence_no = "25DU123456".into();
    let s = reconcile(&pack(), &ex.shipment, &ex.measurements);
    assert!(
        s.iter()
            .all(|s| s.finding.kind != FindingKind::MissingLicence),
        "a declared licence number: nothing to suggest"
    );
}

#[test]
fn c12_magnets_dy_found_but_not_declared() {
    let ex = example();
    let s = reconcile(&pack(), &ex.shipment, &ex.measurements);
    // Dy is controlled and absent from the declared composition; Nd and Pr are not
    // controlled; 4003.5 kg is within the weight tolerance; "NdFeB" names the magnet item
    assert_eq!(keys(&s), ["under_declared:Dy"], "{s:#?}");
    let f = &s[0].finding;
    assert_eq!(f.kind, FindingKind::UnderDeclaredContent);
    assert!(f.suggested);
    assert_eq!(f.declared, "composition does not list Dy");
    assert!(f.found.contains("Dy 0.36 %"), "{}", f.found);
    assert_eq!(
        s[0].item_id.as_deref(),
        Some("re-dy-magnet"),
        "the item the description names"
    );
}

#[test]
fn declared_content_below_the_measured_one_is_under_declared() {
    let mut ex = example();
    ex.shipment.composition = "Nd 13.5%, Dy 0.10%".into();
    let s = reconcile(&pack(), &ex.shipment, &ex.measurements);
    assert!(s[0].finding.declared.contains("Dy 0.1 %"), "{s:#?}");
    ex.shipment.composition = "Nd 13.5%, Dy 0.36%".into();
    assert!(keys(&reconcile(&pack(), &ex.shipment, &ex.measurements)).is_empty());
}

#[test]
fn weight_beyond_the_tolerance() {
    let mut ex = example();
    ex.shipment.composition.push_str(", Dy 0.4%");
    let w = ex
        .measurements
        .iter_mut()
        .find(|m| m.name == "weighed_mass_kg")
        .unwrap();
    w.value = Some(4000.0 * (1.0 + (WEIGHT_TOLERANCE_PCT + 0.5) / 100.0));
    let s = reconcile(&pack(), &ex.shipment, &ex.measurements);
    assert_eq!(keys(&s), ["weight"]);
    assert_eq!(s[0].finding.kind, FindingKind::WeightDiscrepancy);
    assert_eq!(s[0].finding.declared, "net weight 4000 kg");
    assert!(
        s[0].finding.found.contains("+2.50 %"),
        "{}",
        s[0].finding.found
    );
    let w = ex
        .measurements
        .iter_mut()
        .find(|m| m.name == "weighed_mass_kg")
        .unwrap();
    w.value = Some(4000.0 * (1.0 - (WEIGHT_TOLERANCE_PCT - 0.5) / 100.0));
    assert!(keys(&reconcile(&pack(), &ex.shipment, &ex.measurements)).is_empty());
}

#[test]
fn c8_solder_paste_wrong_hs_code_and_description() {
    let mut ex = example();
    ex.shipment.description = "Solder paste, low-temperature".into();
    ex.shipment.composition = String::new();
    ex.shipment.hs_code = "3810100000".into();
    ex.shipment.net_weight_g = Some(600_000);
    ex.measurements = vec![Measurement {
        name: "xrf_pct".into(),
        element: Some("Bi".into()),
        value: Some(55.3),
        unit: "%".into(),
        method: "lab".into(),
    }];
    let s = reconcile(&pack(), &ex.shipment, &ex.measurements);
    assert_eq!(
        keys(&s),
        [
            "under_declared:Bi",
            "hs_code:bi-alloy",
            "description:bi-alloy"
        ],
        "{s:#?}"
    );
    assert_eq!(s[1].finding.kind, FindingKind::WrongHsCode);
    assert_eq!(s[1].finding.declared, "HS 3810100000");
    assert!(s[1].finding.found.contains("8106901019"));
    assert_eq!(s[2].finding.kind, FindingKind::MisdeclaredName);
    // a matching HS code and a description that names the item: no such suggestions
    ex.shipment.hs_code = "8106901019".into();
    ex.shipment.description = "Tin-bismuth solder paste Sn42Bi58".into();
    assert_eq!(
        keys(&reconcile(&pack(), &ex.shipment, &ex.measurements)),
        ["under_declared:Bi"]
    );
}

#[test]
fn facts_overlay_measured_composition() {
    let ex = example();
    let f = facts_for(&ex.shipment, &ex.measurements);
    assert_eq!(f.date.unwrap().to_string(), "2025-07-04");
    assert_eq!(f.hs_code.unwrap().as_str(), "8505111000");
    assert_eq!(f.destination.unwrap().as_str(), "CH");
    assert_eq!(f.composition["Dy"], 0.36);
    assert_eq!(
        f.composition["Nd"], 13.2,
        "the measurement wins over the declared 13.5"
    );
    assert_eq!(f.composition["Ce"], 15.36);
    assert_eq!(f.measurements["dy_pct"], 0.36);
    assert_eq!(f.measurements["weighed_mass_kg"], 4003.5);
    let mut bad = ex.shipment.clone();
    bad.hs_code = "junk".into();
    assert!(
        facts_for(&bad, &[]).hs_code.is_none(),
        "a draft may be invalid"
    );
}
