//! Headquarters review in the console (Shipments tab): a supervisor (the officer mapped
//! to this process's OS login, as `init --hq` maps the creator) approves or returns the
//! marked inspection in a modal; the decision shows at once in the detail; `w` keeps the
//! shipments awaiting review; read-only and non-supervisor logins get no review keys and
//! are told why. Screens are snapshotted with digits masked (times are now).

use crate::support::flow::*;
use minspect::domain::Role;
use minspect::store::{Decision, Store};
use minspect::tui::action::Action;
use minspect::tui::app::App;
use minspect::tui::keymap::Context;
use minspect::tui::screens::Tab;

use crate::support::login as me;

/// A headquarters database at `path` (in memory when None) whose creator, mapped to
/// this login, has `role`; with `n` inspections received from a laptop.
fn hq(path: Option<&std::path::Path>, role: Role, n: usize) -> Store {
    let s = match path {
        Some(p) => crate::support::harness::open(p),
        None => crate::support::harness::open_in_memory(),
    };
    let mut s = crate::support::hq::new_hq(s, role);
    let field = tempfile::tempdir().unwrap();
    crate::support::hq::receive(&mut s, &field, n);
    s
}

/// The screen with digits masked and this login named LOGIN.
fn masked(a: &App) -> String {
    let text = screen_text(a).replace(&format!("'{}'", me()), "'LOGIN'");
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

fn snap(base: &str, a: &App) {
    insta::assert_snapshot!(snap_name(base, a), masked(a));
}

fn reviews(s: &Store) -> Vec<serde_json::Value> {
    s.test_support_table_json("reviews").unwrap()
}

fn status(a: &App) -> String {
    a.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn a_supervisor_approves_with_an_optional_comment_and_sees_it_at_once() {
    let mut s = hq(None, Role::Supervisor, 1);
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "2");
    assert_eq!(a.context(), Context::Review, "review keys for a supervisor");
    let text = screen_text(&a);
    assert!(
        text.contains("Review (Zhang Min): A approve · R return ▶"),
        "{text}"
    );
    assert!(text.contains("A approve"), "footer offers it: {text}");
    keys(&mut a, &mut s, "A");
    assert_eq!(a.context(), Context::ReviewComment);
    snap("review_approve_modal", &a);
    keys(&mut a, &mut s, "Seals match the photos<enter>");
    assert_eq!(a.context(), Context::Review, "the modal closed");
    let r = reviews(&s);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["decision"], "approved");
    assert_eq!(r[0]["comment"], "Seals match the photos");
    let me_id = s.db().meta("officer_id").unwrap().unwrap();
    assert_eq!(
        r[0]["reviewer"],
        me_id.as_str(),
        "the supervisor mapped to the login"
    );
    let audit: Vec<_> = s
        .test_support_table_json("audit")
        .unwrap()
        .into_iter()
        .filter(|a| a["action"] == "review")
        .collect();
    assert_eq!(audit.len(), 1, "one audit row with the decision");
    assert_eq!(audit[0]["actor"], me_id.as_str());
    assert!(
        status(&a).starts_with("approved by Zhang Min"),
        "{}",
        status(&a)
    );
    // shown at once in the detail: decision, time, reviewer by name
    let d = a.screens.shipments.detail.as_ref().unwrap();
    let rv = d.inspections[0].review.as_ref().unwrap();
    assert_eq!(
        (rv.decision, rv.reviewer.as_str()),
        (Decision::Approved, "Zhang Min")
    );
    keys(&mut a, &mut s, "<tab>jjjjjjjjjjjjjjj");
    let text = screen_text(&a);
    assert!(text.contains("APPROVED "), "{text}");
    assert!(text.contains("by Zhang Min"), "{text}");
    snap("review_approved_detail", &a);
}

#[test]
fn a_return_needs_a_comment_and_the_latest_of_two_decisions_shows() {
    let mut s = hq(None, Role::Supervisor, 1);
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "2A<enter>");
    assert_eq!(reviews(&s).len(), 1, "an approval needs no comment");
    keys(&mut a, &mut s, "R<enter>");
    assert_eq!(a.context(), Context::ReviewComment, "still asking");
    assert!(screen_text(&a).contains("a return needs a comment: say what the officer must fix"));
    assert_eq!(reviews(&s).len(), 1, "nothing written");
    snap("review_return_empty_comment", &a);
    keys(&mut a, &mut s, "   <enter>");
    assert_eq!(reviews(&s).len(), 1, "blank is empty");
    keys(&mut a, &mut s, "<c-u>Photo of the seal missing<enter>");
    let r = reviews(&s);
    assert_eq!(r.len(), 2, "both decisions are kept");
    assert_eq!(r[1]["decision"], "returned");
    assert_eq!(r[1]["comment"], "Photo of the seal missing");
    let d = a.screens.shipments.detail.as_ref().unwrap();
    assert_eq!(
        d.inspections[0].review.as_ref().unwrap().decision,
        Decision::Returned,
        "the latest is shown"
    );
    keys(&mut a, &mut s, "<tab>jjjjjjjjjjjjjjj");
    let text = screen_text(&a);
    assert!(text.contains("RETURNED "), "{text}");
    assert!(text.contains("Photo of the seal missing"), "{text}");
    // Esc leaves everything as it was
    keys(&mut a, &mut s, "<esc>Rtyped<esc>");
    assert_eq!(reviews(&s).len(), 2);
    assert_eq!(status(&a), "nothing decided");
}

#[test]
fn awaiting_review_keeps_the_shipments_without_a_decision() {
    let mut s = hq(None, Role::Supervisor, 3);
    let mut a = app(&mut s, 120, 40);
    keys(&mut a, &mut s, "2");
    assert_eq!(a.screens.shipments.rows.len(), 3);
    let first = a.screens.shipments.rows[0].id.clone();
    keys(&mut a, &mut s, "A<enter>w");
    let sh = &a.screens.shipments;
    assert_eq!(sh.filter_input.text(), "review:pending");
    assert_eq!(sh.rows.len(), 2);
    assert!(
        sh.rows.iter().all(|r| r.id != first),
        "the decided one is gone"
    );
    snap("review_awaiting", &a);
    keys(&mut a, &mut s, "w");
    assert_eq!(a.screens.shipments.rows.len(), 3, "w again shows all");
    let err = minspect::store::shipments::ShipmentFilter::parse("review:done").unwrap_err();
    assert_eq!(
        err.to_string(),
        "review: 'done' is not a review state; use review:pending"
    );
    assert_eq!(a.screens.shipments.filter_input.text(), "");
}

#[test]
fn read_only_hides_the_review_keys() {
    let t = tempfile::tempdir().unwrap();
    let path = t.path().join("hq.db");
    drop(hq(Some(&path), Role::Supervisor, 1));
    let mut s = crate::support::harness::try_open_read_only(&path).unwrap();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "2A");
    assert_eq!(a.context(), Context::Shipments);
    assert!(screen_text(&a).contains("Review: the database is open read-only"));
    assert!(a.screens.shipments.review.prompt.is_none(), "no modal");
    assert!(!screen_text(&a).contains("A approve"), "not in the footer");
    keys(&mut a, &mut s, "?");
    let help = screen_text(&a);
    assert!(
        !help.contains("approve") && !help.contains("return"),
        "{help}"
    );
    snap("review_read_only_help", &a);
    for ctx in [Context::Shipments, Context::Review] {
        let rows = a.keymap.help_rows(ctx);
        assert!(rows.iter().any(|b| b.action == Action::Reload));
        assert!(
            !rows
                .iter()
                .any(|b| matches!(b.action, Action::ReviewApprove | Action::ReviewReturn)),
            "{ctx:?}"
        );
    }
    keys(&mut a, &mut s, "re-read");
    assert!(screen_text(&a).contains("F5 C-l"), "{}", screen_text(&a));
    keys(&mut a, &mut s, "<esc>:review_appr");
    assert!(
        !screen_text(&a).contains("review_approve"),
        "not in the palette"
    );
    assert!(reviews(&s).is_empty());
}

#[test]
fn a_login_that_is_not_a_supervisor_is_told_why() {
    let mut s = hq(None, Role::Officer, 1);
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "2");
    assert_eq!(a.context(), Context::Shipments, "no review keys");
    let text = masked(&a);
    assert!(
        text.contains("Review: login 'LOGIN' is Zhang Min (officer), not a supervisor"),
        "{text}"
    );
    assert!(
        text.contains("`minspect officer list` shows who is mapped"),
        "{text}"
    );
    // the login's length moves the padding: runs of spaces collapsed for any login
    let text = masked(&a);
    let text = text
        .lines()
        .map(|l| {
            l.split("  ")
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("  ")
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(snap_name("review_not_a_supervisor", &a), text);
    keys(&mut a, &mut s, "A");
    assert!(a.screens.shipments.review.prompt.is_none());
    keys(&mut a, &mut s, ":review_approve<enter>");
    let msg = status(&a);
    assert_eq!(
        msg,
        format!(
            "review: login '{}' is Zhang Min (officer), not a supervisor; `minspect officer list` shows who is mapped to which login",
            me()
        )
    );
    assert!(reviews(&s).is_empty());

    // a field database: decisions arrive in receipts
    let mut f = store();
    f.test_support_finalize_samples(1).unwrap();
    let mut a = app(&mut f, 80, 24);
    keys(&mut a, &mut f, "2:review_return<enter>");
    assert!(
        status(&a).starts_with("review decisions are made at headquarters"),
        "{}",
        status(&a)
    );
    assert_eq!(a.tab, Tab::Shipments);
}

#[test]
fn another_sessions_decision_shows_on_reload_or_moving() {
    let t = tempfile::tempdir().unwrap();
    let path = t.path().join("hq.db");
    let mut s1 = hq(Some(&path), Role::Supervisor, 2);
    let mut s2 = crate::support::harness::try_open(&path).unwrap();
    let mut a1 = app(&mut s1, 120, 40);
    let mut a2 = app(&mut s2, 120, 40);
    keys(&mut a1, &mut s1, "2");
    keys(&mut a2, &mut s2, "2");
    keys(&mut a1, &mut s1, "R<c-u>Weight slip unsigned<enter>");
    assert_eq!(reviews(&s1).len(), 1);
    let latest = |a: &App| {
        a.screens.shipments.detail.as_ref().unwrap().inspections[0]
            .review
            .as_ref()
            .map(|r| r.comment.clone())
    };
    assert_eq!(latest(&a2), None, "not re-read by itself");
    keys(&mut a2, &mut s2, "<c-l>");
    assert_eq!(
        latest(&a2).as_deref(),
        Some("Weight slip unsigned"),
        "re-read"
    );
    assert!(screen_text(&a2).contains("Weight slip unsigned"));
    // session 2 decides too: both kept; session 1 sees it after moving away and back
    keys(&mut a2, &mut s2, "A<enter>");
    keys(&mut a1, &mut s1, "jk");
    let d = a1.screens.shipments.detail.as_ref().unwrap();
    assert_eq!(
        d.inspections[0].review.as_ref().unwrap().decision,
        Decision::Approved
    );
    assert_eq!(reviews(&s1).len(), 2);
}
