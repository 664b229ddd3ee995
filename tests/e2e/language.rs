//! The console in Chinese in a real pseudo-terminal: with `LANG=zh_CN.UTF-8` (and no
//! MINSPECT_LANG) the tabs, the footer and the verdict speak Chinese; the keys stay the same.

use std::time::Duration;

use crate::support::harness::BIN;
use crate::support::pty::Tui;

const WAIT: Duration = Duration::from_secs(30);

#[test]
fn the_example_case_recorded_under_a_chinese_locale_reads_its_verdict_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("field.db");
    crate::support::binary::field_db_with_pack(&db, minspect::rules::EMBEDDED_PACK);
    let argv = [BIN, "--db", db.to_str().unwrap()];
    let env = [("LANG", "zh_CN.UTF-8"), ("MINSPECT_LANG", "")];
    let mut t = Tui::spawn(&argv, &env, 24, 80);
    t.wait_for("the tabs in Chinese", WAIT, |s| {
        let c = s.contents();
        c.contains("1 规则") && c.contains("3 记录") && c.contains("关员 Li Wei")
    });
    t.send("3");
    t.send("n");
    // the NdFeB magnets to Switzerland: declaration no, (date prefilled), exporter, then
    // destination, HS code, description and composition
    t.send("223320260501000123\t\tNingbo Example Magnets Co");
    t.send(&"\t".repeat(5));
    t.send("CH");
    t.send(&"\t".repeat(5));
    t.send("8505111000\tNdFeB permanent magnets\tNd 14%, Dy 0.18%");
    t.wait_for("the verdict in Chinese", WAIT, |s| {
        let c = s.contents();
        c.contains("结论") && c.contains("需要许可证")
    });
    let c = t.text();
    assert!(!c.contains("LICENCE REQUIRED"), "{c}");
}
