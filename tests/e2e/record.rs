//! The Record tab in the real binary in a real pseudo-terminal: type a draft, kill the
//! process with SIGKILL (no quit, no save step), start again: the draft is offered,
//! resumed with what was typed, and the console quits cleanly.

use crate::support::flow::TEST_PACK;
use crate::support::pty::Tui;
use std::time::Duration;

use crate::support::harness::BIN;
const WAIT: Duration = Duration::from_secs(30);

#[test]
fn a_draft_typed_in_a_real_terminal_survives_sigkill_and_is_offered_on_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("field.db");
    crate::support::binary::field_db_with_pack(&db, TEST_PACK);
    let argv = [BIN, "--db", db.to_str().unwrap()];
    let env = [("LANG", "C.UTF-8")];

    let t = Tui::spawn(&argv, &env, 24, 80);
    t.wait_for("first frame", WAIT, |s| s.contents().contains("3 Record"));
    let mut t = t;
    t.send("3");
    t.wait_text("Open drafts (0)");
    t.send("n");
    t.wait_text("new, saved from the first change");
    // declaration number, (date prefilled), exporter; then the HS code with a bad letter
    t.send("223320260501000123\t\tYunnan Example Metals Co");
    t.wait_for("the exporter saved", WAIT, |s| {
        s.contents().contains("Yunnan Example Metals Co") && s.contents().contains("draft, saved")
    });
    t.send("\x0e"); // Ctrl-N: Inspection
    t.send("CNSHA");
    t.wait_for("the inspection section", WAIT, |s| {
        s.contents().contains("Inspection · draft, saved") && s.contents().contains("CNSHA")
    });
    let pid = t.pid().expect("pid") as i32;
    // SAFETY: plain kill(2) on the child we spawned
    assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
    let st = t.wait_exit(WAIT);
    assert!(!st.success());
    drop(t);

    {
        let s = crate::support::harness::try_open_read_only(&db).unwrap();
        let drafts = s.records().open_drafts().unwrap();
        assert_eq!(drafts.len(), 1, "{drafts:?}");
        assert_eq!(drafts[0].exporter_name, "Yunnan Example Metals Co");
        let r = s
            .records()
            .load_record(drafts[0].inspection_id.as_deref().unwrap())
            .unwrap();
        assert_eq!(r.inspection.data.locode, "CNSHA");
        assert!(s.integrity_check().unwrap().is_empty());
    }

    let mut t = Tui::spawn(&argv, &env, 24, 80);
    t.wait_for("drafts offered", WAIT, |s| {
        let c = s.contents();
        c.contains("1 open draft from before") && c.contains("223320260501000123")
    });
    t.send("\r");
    // it opens where it was last edited: the inspection's place
    t.wait_for("the draft resumed", WAIT, |s| {
        let c = s.contents();
        c.contains("Inspection · draft, saved") && c.contains("CNSHA")
    });
    t.send("\x03"); // Ctrl-C: everything is saved, so no question
    assert!(t.wait_exit(WAIT).success());
    t.with_screen(|s| assert!(!s.alternate_screen(), "left the alternate screen"));
}
