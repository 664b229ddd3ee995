//! A trainer's class with the real binary: `training class` for three trainees, one
//! trainee's session in a pseudo-terminal (the briefing first, readings with Ctrl-X, a
//! finalize and its debrief), then `training grade` of all three.

use std::time::Duration;

use crate::support::harness::{BIN, minspect_std};
use crate::support::pty::Tui;

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn a_class_of_three_one_session_in_a_terminal_and_the_grades() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.txt");
    std::fs::write(&roster, "Li Wei\nWang Fang\nZhang Min\n").unwrap();
    let class = dir.path().join("class");
    let out = minspect_std()
        .args(["training", "class", "--roster", roster.to_str().unwrap()])
        .args(["--scenario", "clean-release", "--debrief"])
        .args(["--out", class.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = class.join("01-li-wei.db");
    let argv = [BIN, "--db", file.to_str().unwrap()];
    let mut t = Tui::spawn(&argv, &[("LANG", "C.UTF-8")], 24, 80);
    t.wait_for("the briefing first", WAIT, |s| {
        let c = s.contents();
        c.contains("TRAINING · Briefing") && c.contains("minspect TRAINING")
    });
    t.send("\r");
    t.wait_text("1 shipment of the exercise is waiting");
    t.send("\r");
    t.wait_text("Shipment ·");
    t.send("\x0eCNNGB\tBeilun Phase II\t\x15random\treleased\t\tAs declared.");
    t.wait_for("the inspection saved", WAIT, |s| {
        s.contents().contains("Inspection · draft, saved")
    });
    t.send("\x0e\x18\x18\x18\x18");
    t.wait_text("Every reading of this shipment is in the record.");
    t.send("\x06");
    t.wait_text("Finalize the record");
    t.send("y");
    t.wait_for("the debrief", WAIT, |s| {
        let c = s.contents();
        c.contains("TRAINING · Debrief") && c.contains("10 / 10")
    });
    t.send("\r\x03");
    assert!(t.wait_exit(WAIT).success());

    let mut args = vec![
        "training".to_string(),
        "grade".into(),
        "--format".into(),
        "json".into(),
    ];
    for n in ["01-li-wei.db", "02-wang-fang.db", "03-zhang-min.db"] {
        args.push(class.join(n).display().to_string());
    }
    let out = minspect_std().args(&args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let points: Vec<(u64, u64)> = v["trainees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["points"].as_u64().unwrap(), t["max"].as_u64().unwrap()))
        .collect();
    assert_eq!(points, [(10, 10), (0, 10), (0, 10)]);
    let shipment = &v["trainees"][0]["scenarios"][0]["shipments"][0];
    assert!(
        shipment["seconds"].as_i64().is_some(),
        "opened and finalized: {shipment}"
    );
    let missed = &v["summary"][0];
    assert_eq!(
        (missed["missed"].as_u64(), missed["of"].as_u64()),
        (Some(2), Some(3))
    );
}
