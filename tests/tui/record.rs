//! The Record tab driven by keys on an in-memory store: a whole record from shipment to
//! custody, bad input in every field, drafts offered after a restart, read-only, and
//! insta snapshots of each form at 80x24.

use crate::record_steps::{
    each_shipment_field_names_its_error, measurement_finding_and_seizure_errors,
    receipt_to_a_named_file, rows_chain_and_outbox,
};
use crate::support::flow::*;
use crate::support::{count, raw};
use minspect::store::Store;
use minspect::tui::app::App;
use minspect::tui::app::Overlay;
use minspect::tui::keymap::Context;
use minspect::tui::screens::Screen;
use minspect::tui::screens::Tab;
use minspect::tui::screens::record::Section;

fn snap(base: &str, app: &App) {
    insta::assert_snapshot!(snap_name(base, app), draw(app).backend());
}

const INSPECTION: &str = "CNSHA<tab>Yangshan Phase IV<tab><c-u>rule_hit<tab>seized<tab><tab>Ingots found under copper cathodes.<enter>XRF on three ingots.";

const MEASUREMENTS: &str = "<c-o>purity_pct<tab><tab>99.99<tab>%<tab>lab<c-o>weighed_mass_kg<tab><tab>650<tab>kg<tab>scale";

const FINDING: &str = "<c-o><c-u>missing_licence<tab>no licence number<tab>gallium metal needs a licence<tab>declaration form";

/// Seizure prefilled from the screening; quantity and storage typed.
const SEIZURE: &str =
    "<c-o><tab><tab>600<tab><tab>12000<tab><tab><tab><tab><tab>Yangshan seizure store, bay 2";

const CUSTODY_1: &str = "Yangshan inspection team 2<tab><c-u>Yangshan seizure store<tab><c-u>2026-05-01T20:01:00+08:00<tab>Sealed ingots moved to storage";
const CUSTODY_2: &str =
    "<tab>Shanghai evidence store<tab><c-u>2026-05-01T20:03:00+08:00<tab>Case handling";

/// From the empty drafts list to a saved shipment: saved on the first change, the live
/// verdict follows it, each change one transaction with its audit row.
fn shipment_through_keys(a: &mut App, s: &mut Store) {
    keys(a, s, "3");
    assert_eq!(a.context(), Context::Record);
    snap("record_drafts_empty", a);
    keys(a, s, "n");
    assert_eq!(a.context(), Context::RecordForm);
    assert_eq!(count(s, "shipments"), 0, "nothing saved before a change");
    keys(a, s, SHIPMENT_KEYS);
    assert_eq!(count(s, "shipments"), 1, "saved on the first change");
    let ed = editor(a);
    let errors: Vec<String> = ed.shipment.shown_errors();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(ed.shipment_base.net_weight_g, Some(600_000));
    assert_eq!(ed.shipment_base.value_minor, Some(18_000_000));
    // the live verdict follows the shipment
    let verdict = ed.screening.as_ref().unwrap().verdict;
    assert_ne!(verdict.as_str(), "not_controlled");
    assert_eq!(
        raw(s, "SELECT value_minor FROM shipments").as_deref(),
        Some("18000000")
    );
    snap("record_shipment", a);
    // every change is one transaction with its audit row
    let audit = count(s, "audit");
    keys(a, s, "<bs>0");
    assert_eq!(count(s, "audit"), audit + 2);
    assert_eq!(
        raw(
            s,
            "SELECT action || ' ' || entity FROM audit ORDER BY id DESC LIMIT 1"
        )
        .as_deref(),
        Some("update shipment")
    );
}

/// The inspection, two measurements (a suggested weight finding), the findings and a
/// seizure prefilled from the screening.
fn inspection_measurements_findings_and_seizure(a: &mut App, s: &mut Store) {
    keys(a, s, "<c-n>");
    keys(a, s, INSPECTION);
    assert_eq!(count(s, "inspections"), 1);
    // the live verdict is stored with the draft inspection
    assert_eq!(
        raw(s, "SELECT verdict FROM inspections").as_deref(),
        Some(editor(a).screening.as_ref().unwrap().verdict.as_str())
    );
    assert_eq!(
        raw(s, "SELECT narrative FROM inspections").as_deref(),
        Some("Ingots found under copper cathodes.\nXRF on three ingots.")
    );
    snap("record_inspection", a);

    keys(a, s, "<c-n>");
    keys(a, s, MEASUREMENTS);
    assert_eq!(count(s, "measurements"), 2);
    assert_eq!(
        raw(
            s,
            "SELECT group_concat(name || '=' || value, ' ') FROM measurements"
        )
        .as_deref(),
        Some("purity_pct=99.99 weighed_mass_kg=650.0")
    );
    // weighed 650 kg against 600 kg declared: a suggested finding
    let ed = editor(a);
    assert!(
        ed.suggestions
            .iter()
            .any(|x| x.finding.kind.as_str() == "weight_discrepancy"),
        "{:?}",
        ed.suggestions
    );
    snap("record_measurements", a);

    keys(a, s, "<c-n><c-y>");
    assert_eq!(count(s, "findings"), 1);
    assert_eq!(
        raw(s, "SELECT kind || ' ' || suggested FROM findings").as_deref(),
        Some("weight_discrepancy 1")
    );
    keys(a, s, FINDING);
    assert_eq!(count(s, "findings"), 2);
    snap("record_findings", a);

    keys(a, s, "<c-n>");
    keys(a, s, SEIZURE);
    assert_eq!(count(s, "seizures"), 1);
    let basis = raw(s, "SELECT legal_basis FROM seizures").unwrap();
    assert!(
        basis.contains("ga-metal"),
        "prefilled from the screening: {basis}"
    );
    snap("record_seizures", a);
}

/// Finalize: the confirmation holds the write; nothing happens before y.
fn finalize_after_the_confirmation(a: &mut App, s: &mut Store) {
    keys(a, s, "<c-f>");
    assert_eq!(a.context(), Context::Confirm);
    assert!(matches!(
        &a.overlay,
        Some(Overlay::Confirm(c)) if matches!(c.write, minspect::tui::pending::PendingWrite::Finalize { .. })
    ));
    assert_eq!(count(s, "outbox"), 0);
    snap("record_finalize_confirm", a);
    keys(a, s, "y");
    assert_eq!(
        raw(
            s,
            "SELECT state || ' ' || verdict || ' ' || rule_pack_version FROM inspections"
        )
        .unwrap()
        .split(' ')
        .next(),
        Some("finalized"),
        "{:?}",
        a.message
    );
    assert_eq!(
        raw(s, "SELECT state FROM shipments").as_deref(),
        Some("finalized")
    );
    assert_eq!(
        a.status.pending_sync, 1,
        "the status bar follows the outbox"
    );
    let ed = editor(a);
    assert!(ed.finalized);
    assert_eq!(ed.section(), Section::Custody);
}

/// Typing into a finalized form is refused with a message; the tab keys switch tabs and
/// no example hints are drawn; ends back on the Custody section.
fn a_finalized_form_takes_no_text(a: &mut App, s: &mut Store) {
    keys(a, s, "<c-p>x");
    assert_eq!(
        a.context(),
        Context::RecordView,
        "a finalized form takes no text"
    );
    // ... but no field takes text there, so the tab keys switch tabs
    keys(a, s, "1");
    assert_eq!(a.tab, Tab::Rules, "{:?}", a.message);
    keys(a, s, "3");
    assert_eq!(a.tab, Tab::Record);
    assert!(editor(a).finalized, "the record stays open");
    assert_eq!(editor(a).section(), Section::Seizures);
    // a finalized form draws no example hints for the fields left empty
    while editor(a).section() != Section::Shipment {
        keys(a, s, "<c-p>");
    }
    let text = screen_text(a);
    assert!(
        !text.contains("NLRTM"),
        "a hint on a finalized form:\n{text}"
    );
    assert!(
        !text.contains("if any"),
        "a hint on a finalized form:\n{text}"
    );
    assert!(text.contains("Transshipment  —"), "{text}");
    while editor(a).section() != Section::Custody {
        keys(a, s, "<c-n>");
    }
}

/// A custody transfer with nothing filled in is refused, field by field (its destination
/// is prefilled); then two are appended, each after a confirmation.
fn two_custody_transfers(a: &mut App, s: &mut Store) {
    keys(a, s, "<c-t>");
    assert_eq!(a.context(), Context::RecordCustody);
    assert!(a.message.as_ref().unwrap().text.contains("from_party"));
    let c = &editor(a).custody;
    assert_eq!(
        c.get("to_party"),
        "Yangshan seizure store, bay 2",
        "the first transfer goes to the seizure's storage, shown to be changed"
    );
    assert!(c.fields[1].error.is_none());
    assert!(c.fields[3].error.as_deref().unwrap().contains("empty"));
    keys(a, s, "<tab><tab><c-u>yesterday<backtab><backtab>");
    assert!(
        editor(a).custody.fields[2]
            .error
            .as_deref()
            .unwrap()
            .contains("yesterday")
    );
    assert_eq!(count(s, "custody_events"), 0);
    keys(a, s, CUSTODY_1);
    snap("record_custody", a);
    keys(a, s, "<c-t>");
    assert_eq!(a.context(), Context::Confirm);
    keys(a, s, "y");
    assert_eq!(count(s, "custody_events"), 1, "{:?}", a.message);
    assert_eq!(
        editor(a).custody.get("from_party"),
        "Yangshan seizure store",
        "the next transfer starts where the last one ended"
    );
    keys(a, s, CUSTODY_2);
    keys(a, s, "<c-t>y");
    assert_eq!(count(s, "custody_events"), 2, "{:?}", a.message);
    assert_eq!(a.status.pending_sync, 3);
}

#[test]
fn a_whole_record_through_keys_finalized_with_two_custody_transfers() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    assert_eq!(a.tab, Tab::Rules, "no drafts: the console starts as usual");
    shipment_through_keys(&mut a, &mut s);
    inspection_measurements_findings_and_seizure(&mut a, &mut s);
    finalize_after_the_confirmation(&mut a, &mut s);
    a_finalized_form_takes_no_text(&mut a, &mut s);
    two_custody_transfers(&mut a, &mut s);
    rows_chain_and_outbox(&mut a, &mut s);
    receipt_to_a_named_file(&mut a, &mut s);

    // a correction is an amendment: a new draft pointing at the original
    let original = editor(&a).inspection_id.clone().unwrap();
    keys(&mut a, &mut s, "<c-w>");
    assert_eq!(a.context(), Context::RecordPrompt);
    snap("record_amend_prompt", &a);
    keys(&mut a, &mut s, "<enter>");
    assert!(a.message.as_ref().unwrap().text.contains("reason is empty"));
    keys(&mut a, &mut s, "seal number mistyped<enter>");
    let ed = editor(&a);
    assert!(!ed.finalized);
    assert_ne!(ed.inspection_id.as_deref(), Some(original.as_str()));
    assert_eq!(s.records().amendments_of(&original).unwrap().len(), 1);
    assert_eq!(
        ed.findings.len(),
        2,
        "the amendment starts from the original's data"
    );
    assert_eq!(count(&s, "outbox"), 3, "the original is untouched");
}

#[test]
fn bad_input_in_each_field_shows_its_message_and_nothing_is_finalized() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "3n");
    keys(&mut a, &mut s, SHIPMENT_KEYS);
    // a value that does not parse cannot be saved: quitting asks first
    shipment_error(&mut a, &mut s, "net_weight_g", "600 kg");
    assert!(!a.screens.record.has_unsaved());
    shipment_error(&mut a, &mut s, "net_weight_g", "600 lb");
    assert!(a.screens.record.has_unsaved());
    assert_eq!(
        raw(&s, "SELECT net_weight_g FROM shipments").as_deref(),
        Some("600000"),
        "the draft keeps the last value that parsed"
    );
    keys(&mut a, &mut s, "<c-c>");
    assert_eq!(a.overlay, Some(Overlay::ConfirmQuit));
    keys(&mut a, &mut s, "n");
    assert!(!a.quit);
    shipment_error(&mut a, &mut s, "net_weight_g", "600 kg");
    each_shipment_field_names_its_error(&mut a, &mut s);
    // the inspection form
    keys(&mut a, &mut s, "<c-n>");
    // a bad LOCODE is named; trigger and outcome are pickers and take no other text
    let ed = a.screens.record.editor.as_mut().unwrap();
    ed.inspection.focus = 0;
    keys(&mut a, &mut s, "<c-u>CNXX1");
    let e = editor(&a).inspection.fields[0]
        .error
        .clone()
        .unwrap_or_default();
    assert!(e.contains("CNXX1"), "locode: {e:?}");
    // referred needs a due date; a bad date is named
    let ed = a.screens.record.editor.as_mut().unwrap();
    ed.inspection.focus = 3;
    keys(&mut a, &mut s, "<c-u>referred<tab>2026-02-30");
    let e = editor(&a).inspection.fields[4]
        .error
        .clone()
        .unwrap_or_default();
    assert!(e.contains("2026-02-30"), "{e}");
    snap("record_inspection_errors", &a);
    measurement_finding_and_seizure_errors(&mut a, &mut s);
    snap("record_seizure_errors", &a);

    // finalizing refuses, names the problems and writes nothing
    keys(&mut a, &mut s, "<c-f>");
    assert_eq!(a.context(), Context::RecordForm);
    assert!(a.message.as_ref().unwrap().text.contains("cannot finalize"));
    assert!(!editor(&a).problems.is_empty());
    assert_eq!(count(&s, "outbox"), 0);
    assert_eq!(
        raw(
            &s,
            "SELECT count(*) FROM inspections WHERE state = 'finalized'"
        )
        .as_deref(),
        Some("0")
    );
    // but the invalid draft is saved
    assert_eq!(count(&s, "measurements"), 1);
    assert_eq!(count(&s, "seizures"), 1);
    // custody needs a finalized record
    keys(&mut a, &mut s, "<c-t>");
    assert_eq!(count(&s, "custody_events"), 0);
}
