//! Esc over a form with typing not saved asks "discard?" (y/n) first; Esc over a form
//! holding nothing unsaved leaves at once: a value that does not parse, a custody transfer
//! typed but not yet written, the Rules screening form.

use crate::support::flow::*;
use minspect::domain::Lang;
use minspect::store::Store;
use minspect::tui::app::App;
use minspect::tui::keymap::Context;
use minspect::tui::screens::Cx;
use minspect::tui::screens::record::Section;
use minspect_testkit::StoreKit;

#[test]
fn esc_over_an_unchanged_record_form_leaves_at_once() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "3n<c-n><esc>");
    assert!(a.screens.record.editor.is_none(), "back to the drafts list");
    assert_eq!(a.context(), Context::Record);
    // typing that was saved (each change is one transaction) is not lost either
    keys(&mut a, &mut s, &format!("n{SHIPMENT_KEYS}<esc>"));
    assert!(a.screens.record.editor.is_none());
    assert_eq!(a.screens.record.drafts.len(), 1);
}

#[test]
fn esc_over_a_value_that_does_not_parse_asks_before_discarding_it() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, &format!("3n{SHIPMENT_KEYS}"));
    keys(
        &mut a,
        &mut s,
        "<c-n>CNSHA<c-n><c-o>weighed_mass_kg<tab><tab>487.5x<esc>",
    );
    assert_eq!(a.context(), Context::Confirm, "asks first");
    let text = screen_text(&a);
    assert!(text.contains("Discard what you typed"), "{text}");
    insta::assert_snapshot!(snap_name("discard_ask", &a), draw(&a).backend());
    // n (or Esc) goes back to the form, the typing as it was
    keys(&mut a, &mut s, "n");
    assert_eq!(a.context(), Context::RecordForm);
    assert_eq!(editor(&a).measurements[0].form.get("value"), "487.5x");
    keys(&mut a, &mut s, "<esc><esc>");
    assert_eq!(a.context(), Context::RecordForm);
    assert_eq!(editor(&a).section(), Section::Measurements);
    // y discards it: the drafts list, the draft without the slip
    keys(&mut a, &mut s, "<esc>y");
    assert!(a.screens.record.editor.is_none());
    assert_eq!(a.context(), Context::Record);
}

/// The finalized sample that seized, open in the Record tab.
fn open_seizure(a: &mut App, s: &mut Store) {
    let samples = s.test_support_finalize_samples(11).unwrap();
    let seized = samples.iter().find(|x| x.seizure_id.is_some()).unwrap();
    keys(a, s, "3");
    let mut cx = Cx {
        store: s,
        clock: clock(),
        read_only: false,
        lang: Lang::En,
    };
    let _ = a
        .screens
        .record
        .open_inspection(&seized.inspection_id, &mut cx);
    assert_eq!(editor(a).section(), Section::Custody);
}

#[test]
fn esc_over_a_half_typed_custody_transfer_asks_first() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    open_seizure(&mut a, &mut s);
    // the prefilled transfer alone is nothing typed: Esc leaves
    keys(&mut a, &mut s, "<esc>");
    assert!(a.screens.record.editor.is_none());
    open_seizure(&mut a, &mut s);
    keys(&mut a, &mut s, "<tab>Port evidence store<esc>");
    assert_eq!(a.context(), Context::Confirm);
    keys(&mut a, &mut s, "n");
    assert_eq!(editor(&a).custody.get("to_party"), "Port evidence store");
    keys(&mut a, &mut s, "<esc>y");
    assert!(a.screens.record.editor.is_none());
}

#[test]
fn esc_over_the_screening_form_asks_when_something_was_typed() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "1s");
    assert_eq!(a.context(), Context::Screening);
    keys(&mut a, &mut s, "<esc>");
    assert!(
        a.screens.rules.form.is_none(),
        "nothing typed: closed at once"
    );
    keys(&mut a, &mut s, "s8112929090<esc>");
    assert_eq!(a.context(), Context::Confirm);
    assert!(screen_text(&a).contains("Discard what you typed"));
    keys(&mut a, &mut s, "n");
    assert_eq!(a.context(), Context::Screening);
    let form = a.screens.rules.form.as_ref().unwrap();
    assert_eq!(form.inputs[0].text(), "8112929090");
    keys(&mut a, &mut s, "<esc>y");
    assert!(a.screens.rules.form.is_none());
    assert_eq!(a.context(), Context::Rules);
}
