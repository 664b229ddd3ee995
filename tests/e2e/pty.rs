//! The real binary in a real pseudo-terminal (portable-pty + vt100): search "gallium",
//! open the first rule, read it, resize, quit. The same journey over `ssh -tt` to a
//! throwaway sshd on 127.0.0.1 with TERM=vt100 and NO_COLOR=1.

use crate::support::pty::{Tui, find, row};
use crate::support::sshd::Sshd;
use minspect::rules::{RulePack, search};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::harness::BIN;

/// A database made by `minspect init`, with the embedded rule pack; returns the first
/// gallium item's name and HS code as the journey should find them.
fn init_db(dir: &Path) -> (PathBuf, String, String) {
    let db = dir.join("field.db");
    let out = crate::support::harness::minspect_std()
        .args([
            "--db",
            db.to_str().unwrap(),
            "init",
            "--officer",
            "Li Wei",
            "--badge",
            "GZ-0417",
            "--device",
            "laptop-7",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = crate::support::harness::try_open(&db).unwrap();
    let pack: RulePack = store
        .rules()
        .active_pack()
        .unwrap()
        .expect("init installs the embedded pack");
    // the embedded pack must know gallium (2023 No. 23): no fallback to a test pack
    let first = &search(&pack, "gallium")[0];
    let item = pack.items.iter().find(|i| i.id == first.item_id).unwrap();
    let name: String = item.name_en.chars().take(20).collect();
    let hs = item
        .hs_codes
        .first()
        .map(|h| h.code.clone())
        .unwrap_or_else(|| item.id.clone());
    (db, name, hs)
}

/// No colour SGR parameter at all reached the terminal.
fn assert_no_colour(t: &Tui) {
    let raw = String::from_utf8_lossy(&t.raw.lock().unwrap()).into_owned();
    for sgr in raw.split("\x1b[").skip(1).filter_map(|seq| {
        let end = seq.find(|c: char| c.is_ascii_alphabetic())?;
        (seq.as_bytes()[end] == b'm').then(|| &seq[..end])
    }) {
        for p in sgr.split(';').filter_map(|p| p.parse::<u32>().ok()) {
            assert!(
                !matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107),
                "colour SGR {sgr:?} under NO_COLOR"
            );
        }
    }
}

/// The journey shared by the local and SSH runs. `mono`: NO_COLOR is in force.
fn journey(t: &mut Tui, name: &str, hs: &str, mono: bool) {
    t.wait_for("first frame", Duration::from_secs(30), |s| {
        s.contents().contains("Rules (") && s.contents().contains("sync")
    });
    t.with_screen(|s| assert!(s.alternate_screen(), "uses the alternate screen"));
    t.send("/gallium");
    let n = name.to_string();
    t.wait_for("search results", Duration::from_secs(30), move |s| {
        let c = s.contents();
        c.contains("/ gallium") && c.contains(&n)
    });
    // the selection is visible: the selected list row is highlighted
    t.with_screen(|s| {
        let (rows, _) = s.size();
        let (r, c) = (0..rows)
            .find_map(|r| {
                row(s, r)
                    .find(name)
                    .map(|c| (r, row(s, r)[..c].chars().count() as u16))
                    .filter(|(_, c)| *c < 28)
            })
            .expect("the item in the list pane");
        let cell = s.cell(r, c).unwrap();
        if mono {
            assert!(
                cell.inverse() && cell.bold(),
                "selection must be inverse+bold without colour"
            );
            assert_eq!(
                (cell.fgcolor(), cell.bgcolor()),
                (vt100::Color::Default, vt100::Color::Default)
            );
        } else {
            assert!(
                cell.inverse() || cell.bgcolor() != vt100::Color::Default,
                "selection visible"
            );
        }
    });
    t.send("\r\r"); // keep the search, open the first item
    let (n, h) = (name.to_string(), hs.to_string());
    t.wait_for("the rule's detail", Duration::from_secs(30), move |s| {
        let c = s.contents();
        c.contains("▶ Detail") && c.contains(&h) && c.contains(&n) && c.contains("Announcement")
    });
    // the layout follows the terminal size: the detail pane starts at a third of the width
    t.resize(40, 120);
    t.wait_for("layout at 120x40", Duration::from_secs(30), |s| {
        find(s, "┌ ▶ Detail") == Some((1, 40)) && row(s, 39).contains("sync")
    });
    t.resize(20, 70);
    t.wait_text("Enlarge the terminal to at least 80x24 (now 70x20)");
    t.resize(24, 80);
    t.wait_for("layout at 80x24", Duration::from_secs(30), |s| {
        find(s, "┌ ▶ Detail") == Some((1, 28)) && row(s, 23).contains("sync")
    });
    t.send("q");
    let st = t.wait_exit(Duration::from_secs(30));
    assert!(st.success(), "{st:?}");
    t.with_screen(|s| assert!(!s.alternate_screen(), "left the alternate screen"));
    if mono {
        assert_no_colour(t);
    }
}

#[test]
fn local_pty_search_open_resize_quit() {
    let dir = tempfile::tempdir().unwrap();
    let (db, name, hs) = init_db(dir.path());
    let mut t = Tui::spawn(
        &[BIN, "--db", db.to_str().unwrap()],
        &[("LANG", "C.UTF-8")],
        24,
        80,
    );
    journey(&mut t, &name, &hs, false);
}

#[test]
fn local_pty_no_color_and_vt100() {
    let dir = tempfile::tempdir().unwrap();
    let (db, name, hs) = init_db(dir.path());
    let mut t = Tui::spawn(
        &[BIN, "--db", db.to_str().unwrap()],
        &[("LANG", "C.UTF-8"), ("TERM", "vt100"), ("NO_COLOR", "1")],
        24,
        80,
    );
    journey(&mut t, &name, &hs, true);
}

#[test]
fn first_run_dialog_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub").join("new.db");
    let mut t = Tui::spawn(
        &[BIN, "--db", db.to_str().unwrap()],
        &[("LANG", "C.UTF-8")],
        24,
        80,
    );
    t.wait_text("set up this database");
    t.send("Zhao Min\rSZ-2231\rlaptop-2\r");
    t.wait_text("Database set up for Zhao Min.");
    t.send("q");
    assert!(t.wait_exit(Duration::from_secs(30)).success());
    let s = crate::support::harness::try_open_read_only(&db).unwrap();
    assert_eq!(s.db().identity().unwrap().unwrap().badge, "SZ-2231");
}

#[test]
fn ssh_session_vt100_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let (db, name, hs) = init_db(dir.path());
    // the database directory must be reachable by the login user (root here)
    let Some(sshd) = Sshd::start("root", BIN, &db) else {
        return;
    };
    let argv = sshd.ssh_argv();
    let argv: Vec<&str> = argv.iter().map(|s| s.as_str()).collect();
    let mut t = Tui::spawn(
        &argv,
        &[("LANG", "C.UTF-8"), ("TERM", "vt100"), ("NO_COLOR", "1")],
        24,
        80,
    );
    journey(&mut t, &name, &hs, true);
    drop(t);
    let pid = sshd.pid();
    drop(sshd);
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    assert!(
        stat.is_empty() || stat.contains(") Z "),
        "sshd {pid} still running"
    );
}
