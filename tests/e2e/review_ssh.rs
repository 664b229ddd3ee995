//! Two supervisors at once over `ssh -tt` on one headquarters file: the OS user `officer`
//! (mapped to supervisor Chen Jie) and root (who created the file with `init --hq`, so
//! mapped to supervisor Zhang Min), each through a throwaway sshd on 127.0.0.1 whose
//! ForceCommand is minspect on that file. Both consoles open on the Review tab. A return
//! made in session 1 shows in session 2 when it re-reads (Ctrl-L), not before; session 2's
//! approval from its stale view is refused ("already returned by Chen Jie"), its explicit
//! change then shows in session 1; both decisions are kept, each by its supervisor. Needs root, sshd and the
//! user `officer` (.ci/run provides them); outside CI it may skip, saying why.

use std::time::Duration;

use crate::support::binary::*;
use crate::support::pty::Tui;
use crate::support::sshd::Sshd;
use serde_json::Value;

use crate::support::harness::BIN;
use crate::support::hq::{binary_hq, chown_all, ssh_session};

fn session(sshd: &Sshd) -> Tui {
    ssh_session(sshd, 40, 120, "4 Sync")
}

#[test]
fn a_decision_in_one_ssh_session_shows_in_the_other() {
    let t = tempfile::tempdir().unwrap();
    let dir = t.path();
    // one inspection received from a field laptop's bundle; Chen Jie a second supervisor
    let hq = binary_hq(dir, &["laptop"], 1, 1).hq;
    let Some((uid, gid)) = crate::support::officer_ids() else {
        return;
    };
    let Some(sshd1) = Sshd::start("officer", BIN, &hq) else {
        return;
    };
    let Some(sshd2) = Sshd::start("root", BIN, &hq) else {
        return;
    };
    // the headquarters file belongs to its supervisors' login (root writes anyway)
    chown_all(dir, uid, gid);

    let mut s1 = session(&sshd1);
    let mut s2 = session(&sshd2);
    // a headquarters console opens on the Review tab
    s1.wait_text("Review · 1 pending");
    s2.wait_text("Review · 1 pending");
    assert!(s1.text().contains("supervisor Chen Jie"), "{}", s1.text());

    s1.send("R");
    s1.wait_text("Return inspection to its officer");
    s1.send("\r");
    s1.wait_text("a return needs a comment");
    s1.send("Seal photo missing\r");
    s1.wait_text("returned: 1 inspection");
    s1.wait_text("0 pending · 0 approved · 1 returned");
    assert!(
        !s2.text().contains("1 returned"),
        "no timer re-reads: {}",
        s2.text()
    );
    // session 2 approves from its stale view: refused, the return stands
    s2.send("A");
    s2.wait_text("Approve inspection");
    s2.send("\r");
    s2.wait_text("already returned by Chen Jie at");
    s2.send("\x07"); // C-g: cancel
    s2.send("\x0c"); // Ctrl-L: re-read
    s2.wait_text("0 pending · 0 approved · 1 returned");
    // an explicit change: the history keeps both
    s2.send("C");
    s2.wait_text("Change the decision: approve");
    s2.send("\r");
    s2.wait_text("approved: 1 inspection");
    s1.send("\x0c");
    s1.wait_text("0 pending · 1 approved · 0 returned");

    for s in [&mut s1, &mut s2] {
        s.send("q");
        assert!(s.wait_exit(Duration::from_secs(30)).success());
    }
    let officers: Vec<Value> =
        serde_json::from_str(&ok(&hq, &["officer", "list", "--json"])).unwrap();
    let id_of = |name: &str| officers.iter().find(|o| o["name"] == name).unwrap()["id"].clone();
    let r = table(&hq, "reviews");
    assert_eq!(r.len(), 2, "both decisions kept: {r:?}");
    assert_eq!(
        (&r[0]["decision"], &r[0]["reviewer"]),
        (&"returned".into(), &id_of("Chen Jie"))
    );
    assert_eq!(
        (&r[1]["decision"], &r[1]["reviewer"]),
        (&"approved".into(), &id_of("Zhang Min"))
    );
    let audit = table(&hq, "audit");
    let actors: Vec<&Value> = audit
        .iter()
        .filter(|a| a["action"] == "review")
        .map(|a| &a["actor"])
        .collect();
    assert_eq!(actors, [&id_of("Chen Jie"), &id_of("Zhang Min")]);
    drop((sshd1, sshd2));
}
