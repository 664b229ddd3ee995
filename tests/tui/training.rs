//! A trainee's session driven by the console's keys on an in-memory training file: the
//! briefing first, readings taken with Ctrl-X, finalize, the debrief, and the grade of
//! each run (a perfect run, a run that misses the undeclared dysprosium, a run that
//! releases what it should seize, germanium after the suspension ended); the TRAINING
//! banner at 80x24 with and without colour; the training Sync tab.

use chrono::{TimeZone, Utc};
use minspect::domain::Clock;
use minspect::fixture::scenario::embedded;
use minspect::fixture::scenario::grade::ShipmentGrade;
use minspect::fixture::training::{TraineeFile, fill, grade_store};
use minspect::store::Store;
use minspect::tui::app::{App, Overlay};
use minspect::tui::keymap::{Context, Keymap};
use minspect::tui::theme::Theme;
use ratatui::style::Color;

use crate::support::flow::{draw, keys, screen_text};
use crate::support::{count, raw};

fn clock() -> Clock {
    Clock::fixed(Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap())
}

/// An in-memory trainee's file holding the scenarios `ids`.
fn trainee(ids: &[&str], name: &str, debrief: bool) -> Store {
    let mut s = crate::support::harness::open_in_memory();
    s.set_clock(clock());
    let all = embedded().unwrap();
    let picked: Vec<_> = ids
        .iter()
        .map(|id| all.iter().find(|s| s.id == *id).unwrap().clone())
        .collect();
    let who = TraineeFile {
        trainee: name.into(),
        badge: "TRN-01".into(),
        debrief,
    };
    fill(&mut s, &who, &picked, clock()).unwrap();
    s
}

fn app(s: &mut Store, no_color: bool) -> App {
    App::new(
        s,
        Keymap::default(),
        Theme::new(no_color, 16),
        clock(),
        (80, 24),
    )
    .unwrap()
}

/// The grade of the file's first scenario's first shipment.
fn graded(s: &Store) -> ShipmentGrade {
    let g = grade_store(s, "memory", &embedded().unwrap()).unwrap();
    g.scenarios[0].shipments[0].clone()
}

/// From the briefing to the open pending declaration, then the inspection typed.
fn open_and_inspect(a: &mut App, s: &mut Store, outcome: &str) {
    assert_eq!(a.context(), Context::Training, "the briefing comes first");
    keys(a, s, "<esc>");
    assert_eq!(a.context(), Context::Record, "{:?}", a.message);
    keys(a, s, "<enter>");
    assert_eq!(a.context(), Context::RecordForm);
    let insp = format!(
        "<c-n>CNSHA<tab>Yangshan Phase IV<tab><c-u>rule_hit<tab>{outcome}<tab><tab>Inspected at the container."
    );
    keys(a, s, &insp);
    keys(a, s, "<c-n>");
}

fn finding(kind: &str) -> String {
    format!("<c-o><c-u>{kind}<tab>as declared<tab>as found<tab>inspection record")
}

fn finalize(a: &mut App, s: &mut Store) {
    keys(a, s, "<c-f>y");
    assert_eq!(
        raw(s, "SELECT state FROM inspections").as_deref(),
        Some("finalized"),
        "{:?}",
        a.message
    );
}

#[test]
fn a_perfect_run_on_the_dysprosium_magnets_with_the_debrief() {
    let mut s = trainee(&["dysprosium-magnet"], "Li Wei", true);
    let mut a = app(&mut s, false);
    insta::assert_snapshot!("training_briefing_80x24", draw(&a).backend());
    open_and_inspect(&mut a, &mut s, "held");
    assert_eq!(count(&s, "audit WHERE action = 'opened'"), 1);
    keys(&mut a, &mut s, "<c-x>");
    assert!(
        a.message.as_ref().unwrap().text.contains("model P1179"),
        "{:?}",
        a.message
    );
    keys(&mut a, &mut s, "<c-x><c-x><c-x>");
    assert_eq!(count(&s, "measurements"), 3);
    assert!(a.message.as_ref().unwrap().text.contains("Every reading"));
    keys(&mut a, &mut s, "<c-n>");
    keys(&mut a, &mut s, &finding("under_declared_content"));
    keys(&mut a, &mut s, &finding("missing_licence"));
    finalize(&mut a, &mut s);
    assert_eq!(
        raw(&s, "SELECT verdict FROM inspections").as_deref(),
        Some("licence_required")
    );
    let g = graded(&s);
    assert_eq!((g.points, g.max), (11, 11), "{g:#?}");
    assert_eq!(g.seconds, Some(0));
    // the debrief: the key beside what the trainee did
    assert!(matches!(a.overlay, Some(Overlay::Training(_))));
    let text = screen_text(&a);
    assert!(
        text.contains("Debrief") && text.contains("11 / 11"),
        "{text}"
    );
    a.message = None; // it names the record's hash
    insta::assert_snapshot!("training_debrief_80x24", draw(&a).backend());
    keys(&mut a, &mut s, "<esc>");
    assert_eq!(
        a.context(),
        Context::RecordView,
        "the finalized record, read only"
    );
}

#[test]
fn a_run_that_misses_the_undeclared_dysprosium() {
    let mut s = trainee(&["dysprosium-magnet"], "Li Wei", false);
    let mut a = app(&mut s, false);
    open_and_inspect(&mut a, &mut s, "released");
    finalize(&mut a, &mut s);
    assert!(
        a.overlay.is_none(),
        "no debrief unless the file was made with it"
    );
    assert_eq!(
        raw(&s, "SELECT verdict FROM inspections").as_deref(),
        Some("not_controlled")
    );
    let g = graded(&s);
    assert_eq!(
        (g.points, g.max),
        (1, 11),
        "only 'no seizure' is right: {g:#?}"
    );
    let missed: Vec<&str> = g
        .items
        .iter()
        .filter(|i| i.missed())
        .map(|i| i.item.as_str())
        .collect();
    assert_eq!(
        missed,
        [
            "verdict",
            "outcome",
            "finding:under_declared_content",
            "finding:missing_licence"
        ]
    );
}

#[test]
fn a_run_that_releases_gallium_it_should_seize() {
    let mut s = trainee(&["gallium-as-zinc"], "Li Wei", false);
    let mut a = app(&mut s, false);
    open_and_inspect(&mut a, &mut s, "released");
    keys(&mut a, &mut s, "<c-x><c-x><c-n>");
    keys(&mut a, &mut s, &finding("misdeclared_name"));
    finalize(&mut a, &mut s);
    assert_eq!(
        raw(&s, "SELECT verdict FROM inspections").as_deref(),
        Some("licence_required")
    );
    let g = graded(&s);
    assert_eq!((g.points, g.max), (4, 13), "{g:#?}");
    let seize = g.items.iter().find(|i| i.item == "seize").unwrap();
    assert_eq!(
        (seize.expected.as_str(), seize.done.as_str(), seize.points),
        ("true", "false", 0)
    );
}

#[test]
fn germanium_to_the_united_states_after_the_suspension_ended() {
    let mut s = trainee(&["germanium-us-after-window"], "Li Wei", false);
    let mut a = app(&mut s, false);
    open_and_inspect(&mut a, &mut s, "held");
    keys(&mut a, &mut s, "<c-x><c-n>");
    keys(&mut a, &mut s, &finding("missing_licence"));
    finalize(&mut a, &mut s);
    assert_eq!(
        raw(&s, "SELECT verdict FROM inspections").as_deref(),
        Some("prohibited")
    );
    let g = graded(&s);
    assert_eq!((g.points, g.max), (9, 9), "{g:#?}");
}

/// TRAINING first in the status bar and in the title bar, in words (NO_COLOR too), and
/// the trainee's whole name at 80x24.
#[test]
fn the_training_banner_at_80x24_with_and_without_colour() {
    for no_color in [false, true] {
        let mut s = trainee(&["clean-release"], "Wang Xiaoming", false);
        let mut a = app(&mut s, no_color);
        keys(&mut a, &mut s, "<esc>");
        let t = draw(&a);
        let name = if no_color {
            "training_banner_no_color_80x24"
        } else {
            "training_banner_80x24"
        };
        insta::assert_snapshot!(name, t.backend());
        let text = t.backend().to_string();
        let rows: Vec<&str> = text.lines().collect();
        assert!(rows[0].contains("minspect TRAINING"), "{}", rows[0]);
        let status = rows[23].trim_matches('"');
        assert!(
            status.starts_with(" TRAINING │ officer Wang Xiaoming"),
            "{status}"
        );
        let buf = t.backend().buffer();
        let x = rows[0].trim_matches('"').find("TRAINING").unwrap() as u16;
        let fg = buf[(x, 0)].fg;
        assert_eq!(fg == Color::Reset, no_color, "the mark's colour: {fg:?}");
    }
}

#[test]
fn the_training_sync_tab_speaks_of_the_training_headquarters_only() {
    let mut s = trainee(&["clean-release"], "Li Wei", false);
    let mut a = app(&mut s, false);
    keys(&mut a, &mut s, "<esc>4");
    let text = screen_text(&a);
    assert!(
        text.contains("TRAINING laptop · waiting for the training headquarters: 0"),
        "{text}"
    );
    assert!(!text.contains("waiting for headquarters"), "{text}");
    assert!(!text.contains("Queued for headquarters"), "{text}");
    // F4 shows the briefing again
    keys(&mut a, &mut s, "<f4>");
    assert_eq!(a.context(), Context::Training);
}

/// A seizure with its two custody transfers: the debrief follows each transfer.
#[test]
fn a_seizure_with_two_custody_transfers_gets_every_point() {
    let mut s = trainee(&["antimony-seizure-custody"], "Li Wei", true);
    let mut a = app(&mut s, false);
    open_and_inspect(&mut a, &mut s, "seized");
    keys(&mut a, &mut s, "<c-x><c-x><c-n>");
    for kind in ["concealment", "weight_discrepancy", "missing_licence"] {
        keys(&mut a, &mut s, &finding(kind));
    }
    keys(
        &mut a,
        &mut s,
        "<c-n><c-o><tab><tab>2410<tab><tab>180000<tab><tab><tab><tab><tab>Shekou bonded warehouse",
    );
    finalize(&mut a, &mut s);
    let text = screen_text(&a);
    assert!(text.contains("custody: key 2 · you 0"), "{text}");
    keys(&mut a, &mut s, "<esc>");
    keys(
        &mut a,
        &mut s,
        "Shekou inspection team<tab>Shekou bonded warehouse<tab><tab>Sealed ingots to storage<c-t>y",
    );
    assert!(
        screen_text(&a).contains("custody: key 2 · you 1"),
        "the debrief follows"
    );
    keys(&mut a, &mut s, "<esc>");
    keys(
        &mut a,
        &mut s,
        "<tab>Shenzhen anti-smuggling bureau<tab><tab>Case handed over<c-t>y",
    );
    assert_eq!(count(&s, "custody_events"), 2, "{:?}", a.message);
    let g = graded(&s);
    assert_eq!((g.points, g.max), (16, 16), "{g:#?}");
    assert!(screen_text(&a).contains("16 / 16"));
    // the receipt of a training file says what it is, first
    keys(&mut a, &mut s, "<esc>");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("receipt.txt");
    keys(&mut a, &mut s, &format!("<c-r>{}<enter>", path.display()));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("TRAINING - NOT AN OFFICIAL RECORD\n"),
        "{text}"
    );
}
