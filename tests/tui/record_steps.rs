//! Steps of the Record tab flows that draw no snapshot: the rows, chain and outbox of a
//! finished record, the receipt file, and the bad-input checks of each form.

use crate::support::flow::*;
use crate::support::{count, raw};
use minspect::store::Store;
use minspect::tui::app::App;
use minspect::tui::keymap::Context;

/// The rows, the chain and the outbox of the record and its two transfers.
pub(crate) fn rows_chain_and_outbox(a: &mut App, s: &mut Store) {
    assert_eq!(count(s, "findings"), 2);
    assert_eq!(count(s, "outbox"), 3);
    assert_eq!(
        raw(
            s,
            "SELECT group_concat(kind, ' ') FROM (SELECT kind FROM outbox ORDER BY seq)"
        )
        .as_deref(),
        Some("inspection custody_event custody_event")
    );
    let report = s.chain().verify_chains().unwrap();
    assert!(report.is_ok(), "{:?}", report.broken);
    assert_eq!(report.records(), 3);
    assert!(
        s.query()
            .audit_for(&editor(a).inspection_id.clone().unwrap())
            .unwrap()
            .len()
            > 3
    );
}

/// The receipt goes to a file the officer names; an existing file is never overwritten.
pub(crate) fn receipt_to_a_named_file(a: &mut App, s: &mut Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("receipt.md");
    keys(a, s, "<c-r>");
    assert_eq!(a.context(), Context::RecordPrompt);
    keys(a, s, &format!("{}<enter>", path.display()));
    assert_eq!(a.context(), Context::RecordCustody, "{:?}", a.message);
    let text = std::fs::read_to_string(&path).unwrap();
    for needle in [
        "YS2026050101",
        "Gallium metal (elemental) [controlled item · 2023 No. 23]",
        "Shanghai evidence store",
        "600",
    ] {
        assert!(text.contains(needle), "{needle} missing from\n{text}");
    }
    assert!(
        !text.contains("ga-metal"),
        "the item's name, not its rule id:\n{text}"
    );
    // an existing file is never overwritten
    keys(a, s, &format!("<c-r>{}<enter>", path.display()));
    assert_eq!(a.context(), Context::RecordPrompt);
    assert!(a.message.as_ref().unwrap().text.contains("exists"));
    keys(a, s, "<esc>");
}

/// Each shipment field given a bad value shows a message naming what is wrong; a good
/// value is put back after each.
pub(crate) fn each_shipment_field_names_its_error(a: &mut App, s: &mut Store) {
    for (field, bad, needle) in [
        ("declaration_no", "12345", "18-digit"),
        ("declared_on", "2026-13-01", "2026-13-01"),
        ("exporter_name", "", "empty"),
        (
            "exporter_credit_code",
            "91310115MA1K3T8W51",
            "check character",
        ),
        ("consignee", "", "empty"),
        ("destination", "XX", "XX"),
        ("transshipment", "NLRT", "NLRT"),
        ("container_nos", "TGHU8765437", "check digit"),
        ("hs_code", "81AB", "'A'"),
        ("description", "", "empty"),
        ("composition", "Ga 120%", "120"),
        ("quantity", "-5", "-5"),
        ("net_weight_g", "600 lb", "lb"),
        ("value_minor", "1.234", "decimal"),
        ("currency", "RMB", "ISO 4217"),
    ] {
        let e = shipment_error(a, s, field, bad).unwrap_or_default();
        assert!(e.contains(needle), "{field} = {bad:?}: {e:?}");
        // put a good value back (the draft keeps the last valid one for typed numbers)
        shipment_error(a, s, field, "");
    }
    // a picker takes no value outside its set: the filter narrows to nothing and the
    // value stays as it was
    for (field, bad) in [
        ("end_use", "peaceful"),
        ("transport_mode", "ship"),
        ("quantity_unit", "barrels"),
    ] {
        let before = editor(a).shipment.get(field);
        assert_eq!(shipment_error(a, s, field, bad), None, "{field}");
        keys(a, s, "<tab>");
        assert_eq!(editor(a).shipment.get(field), before, "{field}");
    }
}

/// Measurements: a percentage over 100, a bad element, a value that is not a number; a
/// finding with nothing found; a seizure without goods or storage.
pub(crate) fn measurement_finding_and_seizure_errors(a: &mut App, s: &mut Store) {
    keys(a, s, "<c-n><c-o>purity_pct<tab>Xx<tab>120");
    let f = &editor(a).measurements[0].form;
    assert!(f.fields[1].error.as_deref().unwrap_or("").contains("Xx"));
    assert!(
        f.fields[2]
            .error
            .as_deref()
            .unwrap_or("")
            .contains("0 to 100")
    );
    keys(a, s, "<c-u>lots");
    let f = &editor(a).measurements[0].form;
    assert!(f.fields[2].error.as_deref().unwrap_or("").contains("lots"));
    // a finding with nothing found, a seizure without goods or storage
    // the kind is a picker: text outside the set narrows to nothing, Esc leaves it as it was
    keys(a, s, "<c-n><c-o><c-u>smuggling<esc>");
    let f = &editor(a).findings[0].form;
    assert_eq!(f.get("kind"), "other");
    assert_eq!(f.fields[0].error, None);
    keys(a, s, "<c-n><c-o><c-u><tab><tab>0");
    let f = &editor(a).seizures[0].form;
    assert!(f.fields[0].error.as_deref().unwrap_or("").contains("goods"));
    assert!(
        f.fields[2]
            .error
            .as_deref()
            .unwrap_or("")
            .contains("greater than zero")
    );
}
