//! What the console fills in for the officer, each value on screen, editable and stored
//! as shown: the shipment from a declaration file (F8), the "missing licence" finding
//! suggested from the screening, the first custody transfer's destination from the
//! seizure's storage, the custody reasons completed from the common ones. And the custody
//! confirmation's question and its y/n line at 80x24.

use minspect::tui::keymap::Context;

use crate::key_count::{example_app, example_draft, example_store};
use crate::support::count;
use crate::support::flow::{keys, screen_text, snap_name};

fn snap(base: &str, a: &minspect::tui::app::App) {
    insta::assert_snapshot!(snap_name(base, a), screen_text(a));
}

#[test]
fn the_shipment_form_filled_from_the_declaration_file_at_both_sizes() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut s = example_store();
        let mut a = example_app(&mut s, w, h);
        keys(&mut a, &mut s, "3n<f8>fi<tab>ex<tab>");
        assert_eq!(a.context(), Context::RecordPrompt);
        assert!(
            screen_text(&a).contains("fixtures/examples/"),
            "{}",
            screen_text(&a)
        );
        keys(&mut a, &mut s, "r<tab>");
        snap("prefill_declaration_prompt", &a);
        keys(&mut a, &mut s, "<enter>");
        assert_eq!(a.context(), Context::RecordForm, "{:?}", a.message);
        let text = screen_text(&a);
        assert!(text.contains("223320250704118806"), "{text}");
        assert!(text.contains("filled from the declaration"), "{text}");
        snap("prefill_declaration_form", &a);
        // every field is the officer's to change: the draft stores what the form shows
        keys(
            &mut a,
            &mut s,
            "<tab><tab><tab><c-u>91310115MA1K3T8W50<tab>",
        );
        assert_eq!(count(&s, "shipments"), 1);
    }
}

#[test]
fn a_bad_declaration_file_is_named_by_its_field_path_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"shipment": {"declaration_no": 42}}"#).unwrap();
    let unknown = dir.path().join("unknown.json");
    std::fs::write(&unknown, r#"{"shipment": {"exporter": "X"}}"#).unwrap();
    let mut s = example_store();
    let mut a = example_app(&mut s, 80, 24);
    keys(&mut a, &mut s, "3n");
    for (path, field) in [
        (&bad, "shipment.declaration_no"),
        (&unknown, "shipment.exporter"),
    ] {
        keys(&mut a, &mut s, &format!("<f8>{}<enter>", path.display()));
        let said = a
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default();
        assert!(said.contains(field), "{said}");
        assert!(said.contains("nothing changed"), "{said}");
        assert_eq!(a.context(), Context::RecordPrompt, "the prompt stays open");
        keys(&mut a, &mut s, "<esc>");
    }
    keys(&mut a, &mut s, "<f8>no/such/file.json<enter>");
    let said = a
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(said.contains("no/such/file.json"), "{said}");
    keys(&mut a, &mut s, "<esc>");
    assert_eq!(count(&s, "shipments"), 0, "no draft was made");
    let ed = a.screens.record.editor.as_ref().unwrap();
    assert_eq!(
        ed.shipment.get("declaration_no"),
        "",
        "the form is as it was"
    );
}

#[test]
fn the_missing_licence_finding_is_suggested_naming_the_item_and_taken_with_one_key() {
    let mut s = example_store();
    let mut a = example_app(&mut s, 80, 24);
    keys(&mut a, &mut s, "3n<f8>fi<tab>ex<tab>r<tab><enter>");
    assert!(
        !screen_text(&a).contains("missing licence"),
        "not before Dy is measured"
    );
    keys(
        &mut a,
        &mut s,
        "<c-n><c-n><c-o>xrf_pct<tab>Dy<tab>0.36<tab>%<tab>xrf<c-n>",
    );
    let text = screen_text(&a);
    assert!(text.contains("missing licence"), "{text}");
    // the first suggestion is the Dy the composition leaves out; the licence follows
    keys(&mut a, &mut s, "<c-y><c-y>");
    let found = crate::support::raw(
        &s,
        "SELECT found FROM findings WHERE kind = 'missing_licence'",
    );
    assert_eq!(
        found.as_deref(),
        Some(
            "Dysprosium-containing NdFeB permanent magnets (1C905.a.4): a dual-use export licence is required"
        )
    );
    snap("prefill_missing_licence", &a);
    assert!(
        !screen_text(&a).contains("Suggested"),
        "taken once, suggested no more"
    );
}

#[test]
fn the_first_transfer_goes_to_the_storage_and_the_confirmation_shows_its_y_n_line() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut s = example_store();
        let mut a = example_app(&mut s, w, h);
        example_draft(&mut a, &mut s, true);
        keys(&mut a, &mut s, "<c-f>y");
        let c = &a.screens.record.editor.as_ref().unwrap().custody;
        assert_eq!(c.get("to_party"), "Yangshan Customs seizure store, bay 3");
        a.message = None; // the finalize message names the chain hash, which varies
        snap("prefill_custody_form", &a);
        // a reason from two letters: the common one it matches, shown before it is taken
        keys(
            &mut a,
            &mut s,
            "<c-u>Yangshan Customs inspection team 2<tab><tab><tab>mo",
        );
        let text = screen_text(&a);
        assert!(text.contains("▸ Moved to storage pending"), "{text}");
        snap("prefill_custody_reason", &a);
        keys(&mut a, &mut s, "<enter><c-t>");
        assert_eq!(a.context(), Context::Confirm);
        let text = screen_text(&a);
        assert!(text.contains("y / Enter: yes"), "{text}");
        assert!(text.contains("n / Esc: no"), "{text}");
        snap("custody_confirm", &a);
        keys(&mut a, &mut s, "y");
        assert_eq!(count(&s, "custody_events"), 1, "{:?}", a.message);
    }
}
