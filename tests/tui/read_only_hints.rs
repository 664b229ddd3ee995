//! Where writing is refused, no writing action is offered: every context of the keymap
//! read-only and at headquarters (footer, help, palette), and a finalized record (only
//! custody, the receipt and an amendment remain).

use crate::support::flow::*;
use minspect::tui::action::Action;
use minspect::tui::keymap::{Context, Keymap};
use minspect_testkit::StoreKit;

/// Actions a finalized record still takes.
fn finalized_may(a: Action) -> bool {
    matches!(
        a,
        Action::AddCustody | Action::ExportReceipt | Action::Amend
    )
}

#[test]
fn no_context_offers_a_write_where_writing_is_refused() {
    for (name, km) in [
        ("read-only", {
            let mut k = Keymap::default();
            k.set_read_only(true);
            k
        }),
        ("headquarters", {
            let mut k = Keymap::default();
            k.set_headquarters(true);
            k
        }),
    ] {
        for ctx in Context::ALL {
            for b in km.help_rows(*ctx) {
                let refused = match name {
                    "read-only" => b.action.is_write(),
                    _ => b.action.is_field_write(),
                };
                assert!(!refused, "{name} {ctx:?}: {:?} offered", b.action);
            }
            for (key, help) in km.footer(*ctx) {
                assert!(km.lookup(*ctx, key_of(&km, *ctx, help)).is_some(), "{key}");
            }
        }
    }
    // a finalized record: its contexts offer no draft write
    let km = Keymap::default();
    for ctx in [Context::RecordView, Context::RecordCustody] {
        for b in km.help_rows(ctx) {
            assert!(
                !b.action.is_field_write() || finalized_may(b.action),
                "{ctx:?}: {:?} offered",
                b.action
            );
        }
    }
}

fn key_of(km: &Keymap, ctx: Context, help: &str) -> minspect::tui::keymap::Key {
    km.help_rows(ctx)
        .into_iter()
        .find(|b| b.help == help)
        .map(|b| b.key)
        .unwrap()
}

#[test]
fn a_finalized_record_shows_no_writing_hint() {
    let mut s = store();
    let samples = s.test_support_finalize_samples(11).unwrap();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "2o");
    // the newest record seized: it opens on the next custody transfer
    assert!(samples.iter().any(|x| x.seizure_id.is_some()));
    assert_eq!(a.context(), Context::RecordCustody);
    let footer =
        |a: &minspect::tui::app::App| screen_text(a).lines().rev().nth(1).unwrap().to_string();
    for writing in ["add row", "finalize"] {
        assert!(!footer(&a).contains(writing), "{}", footer(&a));
    }
    assert!(footer(&a).contains("custody"), "{}", footer(&a));
    // the seizure itself is read only
    keys(&mut a, &mut s, "<c-p>");
    assert_eq!(a.context(), Context::RecordView);
    for writing in ["add row", "finalize", "custody"] {
        assert!(!footer(&a).contains(writing), "{}", footer(&a));
    }
    assert!(footer(&a).contains("receipt"), "{}", footer(&a));
    insta::assert_snapshot!(snap_name("finalized_record_view", &a), draw(&a).backend());
    // typing changes nothing and says nothing: no field takes it
    keys(&mut a, &mut s, "x");
    assert_eq!(a.context(), Context::RecordView);
}
