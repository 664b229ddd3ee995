//! Every typed character on screen while its field has the focus, in the real binary in a
//! pseudo-terminal at 80x24: the example case with a 60-character exporter name (a
//! one-line field scrolls with the cursor) and a four-line narrative (the text area wraps).

use crate::support::flow::TEST_PACK;
use crate::support::harness::BIN;
use crate::support::pty::Tui;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
const EXPORTER: &str = "Inner Mongolia Baotou Steel Rare-Earth Hi-Tech Magnet Co Ltd";
const NARRATIVE: [&str; 4] = [
    "Container opened at Yangshan yard 4 in the presence of the broker.",
    "Cartons labelled ferrite magnets held sintered NdFeB blocks instead.",
    "XRF on three blocks read Dy 4.1 % and Tb 0.8 %, declared none.",
    "Goods sealed with YS2026050101 and moved to the seizure store.",
];

/// The left pane (the form) of row `r`: the columns inside its frame.
fn form_row(s: &vt100::Screen, r: u16) -> String {
    s.contents_between(r, 1, r, 47)
}

/// The row of the focused field (its label starts with the focus mark).
fn focused_row(s: &vt100::Screen) -> Option<String> {
    (0..s.size().0)
        .map(|r| form_row(s, r))
        .find(|row| row.starts_with('›'))
}

fn squeeze(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_typed_character_is_on_screen_while_its_field_is_focused() {
    assert_eq!(EXPORTER.chars().count(), 60);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("field.db");
    crate::support::binary::field_db_with_pack(&db, TEST_PACK);
    let argv = [BIN, "--db", db.to_str().unwrap()];
    let mut t = Tui::spawn(&argv, &[("LANG", "C.UTF-8")], 24, 80);
    t.wait_for("first frame", WAIT, |s| s.contents().contains("3 Record"));
    t.send("3n");
    t.wait_text("new, saved from the first change");
    t.send("223320260501000123\t\t");
    t.wait_for("the exporter field", WAIT, |s| {
        focused_row(s).is_some_and(|r| r.contains("Exporter"))
    });
    // each character of the long name shows in the focused field as it is typed: the
    // field scrolls, so the last characters typed are always the ones in view
    for (i, c) in EXPORTER.char_indices() {
        t.send(&c.to_string());
        let typed = &EXPORTER[..i + c.len_utf8()];
        let tail: String = {
            let chars: Vec<char> = typed.chars().collect();
            chars[chars.len().saturating_sub(20)..].iter().collect()
        };
        t.wait_for(&format!("'{tail}' in the exporter field"), WAIT, |s| {
            focused_row(s).is_some_and(|r| r.contains(&tail))
        });
    }
    // the start of the name is back in view once the field is left
    t.send("\t");
    t.wait_for("the name saved", WAIT, |s| {
        s.contents().contains("draft, saved") && s.contents().contains("Inner Mongolia Baotou")
    });
    let stored = {
        let s = crate::support::harness::try_open_read_only(&db).unwrap();
        s.records().open_drafts().unwrap()[0].exporter_name.clone()
    };
    assert_eq!(stored, EXPORTER, "saved as typed");

    // the inspection: place, then Tab to the narrative
    t.send("\x0eCNSHA\t\t\t\t\t");
    t.wait_for("the narrative field", WAIT, |s| {
        focused_row(s).is_some_and(|r| r.contains("Narrative"))
    });
    let mut typed = String::new();
    for (n, line) in NARRATIVE.iter().enumerate() {
        if n > 0 {
            t.send("\r");
            typed.push('\n');
        }
        for c in line.chars() {
            t.send(&c.to_string());
        }
        typed.push_str(line);
        // every character typed so far is in the form, wrapped at its width
        let want = squeeze(&typed);
        t.wait_for(&format!("narrative line {}", n + 1), WAIT, |s| {
            let pane: String = (0..s.size().0).map(|r| form_row(s, r)).collect();
            squeeze(&pane).contains(&want)
        });
    }
    let narrative = {
        let s = crate::support::harness::try_open_read_only(&db).unwrap();
        let d = &s.records().open_drafts().unwrap()[0];
        let id = d.inspection_id.clone().unwrap();
        s.records()
            .load_record(&id)
            .unwrap()
            .inspection
            .data
            .narrative
    };
    assert_eq!(narrative, NARRATIVE.join("\n"));
    t.send("\x03");
    assert!(t.wait_exit(WAIT).success());
}
