//! Text safety, first run, read-only and NO_COLOR, driven in-process.

use crate::support::flow::*;
use minspect::store::bulk::{BulkBatch, BulkShipment};
use minspect::tui::app::{App, Overlay};
use minspect::tui::keymap::Keymap;
use minspect::tui::theme::Theme;
use ratatui::style::{Color, Modifier};

#[test]
fn escape_sequences_from_the_database_never_reach_the_screen() {
    let mut s = store();
    let id = s.db().identity().unwrap().unwrap();
    let evil = "Evil\u{1b}[2J\u{1b}]0;pwned\u{7} Metals\u{9b}31m Co.";
    let batch = BulkBatch {
        shipments: vec![BulkShipment {
            id: "019a0000-0000-7000-8000-000000000001".into(),
            declaration_no: "2248\u{1b}[31m2026".into(),
            declared_on: "2026-04-01".into(),
            exporter_name: evil.into(),
            description: "zinc\u{1b}[?1049l ingots\r\nrm -rf".into(),
            destination: "US".into(),
            end_use: "civil",
            transport_mode: "sea",
            status: "released",
            created_at: "2026-04-01T10:00:00.000Z".into(),
            ..Default::default()
        }],
        inspections: vec![],
    };
    s.records_mut()
        .bulk_insert(&batch, &id.device_id, &id.officer_id)
        .unwrap();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, "2");
        assert_eq!(
            a.screens.shipments.rows[0].exporter_name, evil,
            "stored as is"
        );
        let t = draw(&a);
        let buf = t.backend().buffer();
        let mut all = String::new();
        for cell in buf.content() {
            all.push_str(cell.symbol());
        }
        assert!(
            !all.chars().any(|c| c.is_control()),
            "a control character reached the buffer"
        );
        assert!(
            all.contains("Evil␛[2J␛]0;pwned␇ Metals"),
            "placeholders shown: {all}"
        );
        assert!(all.contains("zinc␛[?1049l ingots␍⏎rm"), "{all}");
    }
}

#[test]
fn first_run_dialog_sets_up_the_database() {
    let mut s = crate::support::harness::try_open_in_memory().unwrap();
    let mut a = App::new(
        &mut s,
        Keymap::default(),
        Theme::new(false, 16),
        clock(),
        (80, 24),
    )
    .unwrap();
    assert!(matches!(a.overlay, Some(Overlay::Setup(_))));
    insta::assert_snapshot!("first_run_80x24", draw(&a).backend());
    // an empty field is refused with its name
    keys(&mut a, &mut s, "<enter>");
    let Some(Overlay::Setup(f)) = &a.overlay else {
        panic!()
    };
    assert_eq!(f.error.as_deref(), Some("officer name must not be empty"));
    keys(
        &mut a,
        &mut s,
        "Wang Fang<enter>SH-1002<enter>port-laptop-3<enter>",
    );
    assert_eq!(a.overlay, None);
    let id = s.db().identity().unwrap().expect("initialized");
    assert_eq!(
        (
            id.officer_name.as_str(),
            id.badge.as_str(),
            id.device_name.as_str()
        ),
        ("Wang Fang", "SH-1002", "port-laptop-3")
    );
    assert!(
        s.rules().active_pack().unwrap().is_some(),
        "the embedded pack is installed"
    );
    assert_eq!(a.status.officer, "Wang Fang");
    assert!(screen_text(&a).contains("Database set up for Wang Fang."));
}

#[test]
fn read_only_opens_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("field.db");
    {
        let mut s = crate::support::harness::try_open(&path).unwrap();
        s.db_mut()
            .initialize(&minspect::store::InitOptions {
                officer_name: "Li Wei".into(),
                badge: "GZ-0417".into(),
                device_name: "laptop-7".into(),
                kind: minspect::domain::DbKind::Field,
                role: minspect::domain::Role::Officer,
            })
            .unwrap();
        s.rules_mut().install_pack(TEST_PACK, "test").unwrap();
    }
    let mut ro = crate::support::harness::try_open_read_only(&path).unwrap();
    let a = App::new(
        &mut ro,
        Keymap::default(),
        Theme::new(false, 16),
        clock(),
        (80, 24),
    )
    .unwrap();
    assert!(a.read_only);
    let text = screen_text(&a);
    assert!(text.contains("READ-ONLY"), "{text}");
    assert!(text.contains("field.db"), "{text}");
    // a read-only open of a database never set up is refused with a clear message
    let blank = dir.path().join("blank.db");
    drop(crate::support::harness::try_open(&blank).unwrap());
    let mut ro = crate::support::harness::try_open_read_only(&blank).unwrap();
    let err = App::new(&mut ro, Keymap::default(), Theme::mono(), clock(), (80, 24))
        .err()
        .unwrap();
    assert!(err.to_string().contains("not set up yet"), "{err}");
}

#[test]
fn no_color_uses_no_colour_and_shows_the_selection_inverse() {
    let mut s = store();
    let mut a = App::new(&mut s, Keymap::default(), Theme::mono(), clock(), (80, 24)).unwrap();
    keys(&mut a, &mut s, "j");
    let t = draw(&a);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "a colour under NO_COLOR at {cell:?}"
        );
    }
    // the selected rule ("Gallium arsenide", second row of the list) is reversed and bold
    let area = buf.area;
    let (mut found, mut y) = (false, 0);
    while y < area.height && !found {
        let line: String = (0..area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if let Some(col) = line.find("Gallium arsenide")
            && line[..col].chars().count() < 28
        {
            let x = line[..col].chars().count() as u16;
            let m = buf[(x, y)].modifier;
            assert!(
                m.contains(Modifier::REVERSED) && m.contains(Modifier::BOLD),
                "{m:?}"
            );
            found = true;
        }
        y += 1;
    }
    assert!(found);
}

/// The cells of row `y` as a string, and where `needle` starts (in cells).
fn find_in(buf: &ratatui::buffer::Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let line: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        line.find(needle)
            .map(|i| (line[..i].chars().count() as u16, y))
    })
}

#[test]
fn no_color_hints_are_bracketed_and_never_look_like_typed_values() {
    let mut s = store();
    let mut a = App::new(&mut s, Keymap::default(), Theme::mono(), clock(), (80, 24)).unwrap();
    keys(&mut a, &mut s, "s");
    // type a destination; the composition stays empty and shows its example
    keys(&mut a, &mut s, "<tab><tab><tab><tab>US");
    let t = draw(&a);
    let buf = t.backend().buffer();
    let (x, y) = find_in(buf, "[Ga 30, Zn 70]").expect("the composition hint, bracketed");
    let hint = buf[(x + 1, y)].modifier;
    assert!(hint.contains(Modifier::DIM | Modifier::ITALIC), "{hint:?}");
    // the typed value is neither bracketed nor styled like a hint
    assert!(find_in(buf, "[US]").is_none());
    let (vx, vy) = find_in(buf, "Destination").unwrap();
    let value: String = (vx + 13..vx + 16)
        .map(|x| buf[(x, vy)].symbol().to_string())
        .collect();
    assert_eq!(value, "US ", "typed value right after the label");
    assert!(!buf[(vx + 13, vy)].modifier.contains(Modifier::ITALIC));
    insta::assert_snapshot!("screening_form_no_color_80x24", t.backend());
}
