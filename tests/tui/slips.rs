//! A value typed with a slip is never stored or read as a number (issue 11): the text
//! stays on screen with its message, the screening and the suggestions ignore it, and
//! finalizing names the row and the field until it is put right.

use crate::support::flow::*;
use minspect::tui::keymap::Context;

#[test]
fn a_measurement_typed_with_a_slip_is_never_read_as_zero() {
    let mut s = store();
    let mut a = app(&mut s, 120, 40);
    keys(&mut a, &mut s, &format!("3n{SHIPMENT_KEYS}"));
    keys(
        &mut a,
        &mut s,
        "<c-n>CNSHA<c-n><c-o>weighed_mass_kg<tab><tab>487.5x",
    );
    let text = screen_text(&a);
    assert!(text.contains("487.5x"), "the typed text stays: {text}");
    assert!(text.contains("'487.5x'"), "its message names it: {text}");
    let ed = editor(&a);
    assert!(
        ed.suggestions
            .iter()
            .all(|x| !x.finding.found.contains("100")),
        "no discrepancy computed from a slip read as 0: {:?}",
        ed.suggestions
    );
    let id = ed.inspection_id.clone().unwrap();
    let stored = s.records().load_record(&id).unwrap();
    assert_eq!(
        stored.measurements[0].data.name, "weighed_mass_kg",
        "the name is saved"
    );
    let before = stored.measurements[0].data.value;
    assert_eq!(
        before, None,
        "the draft holds no number: no 0.0 placeholder, not 487.5 typed on the way"
    );

    keys(&mut a, &mut s, "<c-f>");
    assert_eq!(
        a.context(),
        Context::RecordForm,
        "no confirmation is offered"
    );
    let msg = a.message.as_ref().unwrap().text.clone();
    assert!(msg.contains("cannot finalize"), "{msg}");
    let named = editor(&a).problems.join("\n");
    assert!(
        named.contains("measurement 1: value"),
        "the row and the field: {named}"
    );
    let again = s.records().load_record(&id).unwrap();
    assert_eq!(
        again.measurements[0].data.value, before,
        "nothing stored changed"
    );
    assert!(!again.inspection.is_finalized(), "still a draft");

    // put right, it is stored as typed
    keys(&mut a, &mut s, "<bs>");
    let fixed = s.records().load_record(&id).unwrap();
    assert_eq!(fixed.measurements[0].data.value, Some(487.5));
    assert!(!screen_text(&a).contains("'487.5x'"));
}
