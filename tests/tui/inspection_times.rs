//! The inspection's start and end in the console: typed and shown in the device's local
//! time with its offset (stored UTC), the start prefilled with "now" when the inspection
//! is opened, a future time and an end before its start refused with the field named.

use crate::support::flow::*;
use chrono::FixedOffset;
use minspect::store::Store;
use minspect::tui::app::App;
use minspect::tui::keymap::Keymap;
use minspect::tui::screens::record::Section;
use minspect::tui::theme::Theme;
use minspect_testkit::StoreKit;

/// The console at +08:00 (noon UTC is 20:00 there).
fn shanghai_app(s: &mut Store) -> App {
    let zone = FixedOffset::east_opt(8 * 3600).unwrap();
    let clock = clock().with_zone(zone);
    App::new(s, Keymap::default(), Theme::new(false, 16), clock, (80, 24)).unwrap()
}

fn focus(a: &mut App, field: &str) {
    let ed = a.screens.record.editor.as_mut().unwrap();
    ed.section = Some(Section::Inspection);
    ed.inspection.focus = ed
        .inspection
        .fields
        .iter()
        .position(|f| f.name == field)
        .unwrap();
}

fn stored(a: &App, s: &Store) -> minspect::domain::Inspection {
    let id = editor(a).inspection_id.clone().expect("inspection started");
    s.records().load_record(&id).unwrap().inspection.data
}

fn error_of(a: &App, field: &str) -> Option<String> {
    let f = editor(a).inspection.fields.iter().find(|f| f.name == field);
    f.and_then(|f| f.error.clone())
}

#[test]
fn start_and_end_are_typed_and_shown_in_local_time_and_stored_utc() {
    let mut s = store();
    let mut a = shanghai_app(&mut s);
    keys(&mut a, &mut s, "3n");
    keys(&mut a, &mut s, SHIPMENT_KEYS);
    keys(&mut a, &mut s, "<c-n>");
    // the start is now, in local time with its offset, before anything is typed
    assert_eq!(
        editor(&a).inspection.get("started_at"),
        "2026-05-01 20:00 +08:00"
    );
    assert_eq!(editor(&a).inspection.get("ended_at"), "");
    keys(&mut a, &mut s, "CNSHA");
    assert_eq!(stored(&a, &s).started_at, "2026-05-01T12:00:00Z");

    // a start in the future is refused, naming the field; the draft keeps its start
    focus(&mut a, "started_at");
    keys(&mut a, &mut s, "<c-u>2026-05-01 21:00");
    let e = error_of(&a, "started_at").expect("refused");
    assert!(e.contains("is in the future"), "{e}");
    assert_eq!(stored(&a, &s).started_at, "2026-05-01T12:00:00Z");
    assert!(screen_text(&a).contains("is in the future"));

    // a local time is stored in UTC
    keys(&mut a, &mut s, "<c-u>2026-05-01 09:30");
    assert_eq!(error_of(&a, "started_at"), None);
    assert_eq!(stored(&a, &s).started_at, "2026-05-01T01:30:00Z");

    // an end before its start is refused, quoted as typed
    keys(&mut a, &mut s, "<tab>2026-05-01 09:00");
    let e = error_of(&a, "ended_at").expect("refused");
    assert!(e.contains("'2026-05-01 09:00' is before the start"), "{e}");
    assert_eq!(stored(&a, &s).ended_at, None);
    assert!(!editor(&a).unsaved_fields().is_empty(), "quitting asks");

    keys(&mut a, &mut s, "<c-u>2026-05-01 11:15");
    assert_eq!(error_of(&a, "ended_at"), None);
    assert_eq!(
        stored(&a, &s).ended_at.as_deref(),
        Some("2026-05-01T03:15:00Z")
    );
    // left, a time reads as stored: local, with its offset
    keys(&mut a, &mut s, "<backtab>");
    assert_eq!(
        editor(&a).inspection.get("ended_at"),
        "2026-05-01 11:15 +08:00"
    );
    insta::assert_snapshot!(snap_name("inspection_times", &a), draw(&a).backend());

    // the record opened again shows the stored times in local time
    keys(&mut a, &mut s, "<esc><enter>");
    assert_eq!(
        editor(&a).inspection.get("started_at"),
        "2026-05-01 09:30 +08:00"
    );
    assert_eq!(
        editor(&a).inspection.get("ended_at"),
        "2026-05-01 11:15 +08:00"
    );
}

#[test]
fn a_time_that_is_not_one_says_how_to_write_it() {
    let mut s = store();
    let mut a = shanghai_app(&mut s);
    keys(&mut a, &mut s, "3n<c-n>CNSHA");
    focus(&mut a, "ended_at");
    keys(&mut a, &mut s, "half past nine");
    let e = error_of(&a, "ended_at").expect("refused");
    assert!(e.contains("like 2026-05-01 20:00 +08:00"), "{e}");
    assert_eq!(stored(&a, &s).ended_at, None);
}

#[test]
fn a_stored_time_keeps_its_seconds_and_a_start_after_the_end_is_refused_on_the_start() {
    let mut s = store();
    let mut a = shanghai_app(&mut s);
    keys(&mut a, &mut s, "3n<c-n>CNSHA");
    // times with seconds, as `record import` or an amendment stores them
    s.execute_raw_for_tests(
        "UPDATE inspections SET started_at = '2026-05-01T01:30:37Z', \
         ended_at = '2026-05-01T03:15:09Z'",
    )
    .unwrap();
    keys(&mut a, &mut s, "<esc><enter>");
    focus(&mut a, "narrative");
    keys(&mut a, &mut s, "Seals intact.");
    let i = stored(&a, &s);
    assert!(i.narrative.contains("Seals intact."), "{:?}", i.narrative);
    assert_eq!(i.started_at, "2026-05-01T01:30:37Z", "a minute's rounding");
    assert_eq!(i.ended_at.as_deref(), Some("2026-05-01T03:15:09Z"));

    // a start moved after the end is refused on the start, which changed
    focus(&mut a, "started_at");
    keys(&mut a, &mut s, "<c-u>2026-05-01 12:00");
    let e = error_of(&a, "started_at").expect("refused");
    assert!(e.contains("'2026-05-01 12:00' is after the end"), "{e}");
    assert_eq!(error_of(&a, "ended_at"), None);
    let i = stored(&a, &s);
    assert_eq!(i.started_at, "2026-05-01T01:30:37Z");
    assert_eq!(i.ended_at.as_deref(), Some("2026-05-01T03:15:09Z"));
}
