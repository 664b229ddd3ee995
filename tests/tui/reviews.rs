//! Review decisions delivered from headquarters show on the officer's records: the latest
//! one above the Record tab's form and all of them in its side panel, and each
//! inspection's decision in the Shipments detail pane. Times in local time (the console's
//! clock shows them at UTC+8 so the snapshots are deterministic).

use crate::support::flow::*;
use minspect::store::{Decision, Review};
use minspect::tui::screens::Tab;

fn shanghai() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).unwrap()
}

/// The screen with the sample's creation time (now) masked, so the snapshot is stable.
fn snap(base: &str, app: &minspect::tui::app::App, now_utc: &str) {
    let local = chrono::DateTime::parse_from_rfc3339(now_utc)
        .unwrap()
        .with_timezone(&shanghai());
    let mut text = screen_text(app);
    for (shown, mask) in [
        (now_utc.to_string(), "X".repeat(now_utc.len())),
        (
            local.format("%Y-%m-%d %H:%M").to_string(),
            "YYYY-MM-DD hh:mm".into(),
        ),
    ] {
        text = text.replace(&shown, &mask);
    }
    insta::assert_snapshot!(snap_name(base, app), text);
}

#[test]
fn decisions_show_in_the_record_tab_and_the_shipments_detail() {
    let mut s = store();
    let sample = s.test_support_finalize_samples(1).unwrap().remove(0);
    let device = s.db().meta("device_id").unwrap().unwrap();
    let started = s.test_support_table_json("inspections").unwrap()[0]["started_at"]
        .as_str()
        .unwrap()
        .to_string();
    let review = |n: u8, decision, comment: &str, at: &str| Review {
        id: format!("0190f000-0000-7000-8000-00000000000{n}"),
        inspection_id: sample.inspection_id.clone(),
        device_id: device.clone(),
        decision,
        comment: comment.into(),
        reviewer: "Supervisor \x1b[31mZhang".into(),
        decided_at: at.into(),
        receipt_id: None,
    };
    s.test_support_insert_review(&review(1, Decision::Approved, "", "2026-04-29T08:00:00Z"))
        .unwrap();
    s.test_support_insert_review(&review(
        2,
        Decision::Returned,
        "Photo of the seal missing",
        "2026-04-30T17:30:00Z",
    ))
    .unwrap();

    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = minspect::tui::app::App::new(
            &mut s,
            minspect::tui::keymap::Keymap::default(),
            minspect::tui::theme::Theme::new(false, 16),
            clock().with_zone(shanghai()),
            (w, h),
        )
        .unwrap();
        keys(&mut a, &mut s, "2");
        assert_eq!(a.tab, Tab::Shipments);
        let d = a.screens.shipments.detail.as_ref().unwrap();
        assert_eq!(d.row.id, sample.shipment_id);
        let r = d.inspections[0].review.as_ref().unwrap();
        assert_eq!(r.decision, Decision::Returned, "the latest decision");
        // the detail pane scrolls to the inspections (below the fold at 80x24)
        keys(&mut a, &mut s, "<tab>");
        let mut moves = 0;
        while !screen_text(&a).contains("Photo of the seal")
            || !screen_text(&a).contains("RETURNED ") && moves < 30
        {
            keys(&mut a, &mut s, "j");
            moves += 1;
        }
        let text = screen_text(&a);
        // 17:30Z is 01:30 the next day at +08:00
        assert!(
            text.contains("    RETURNED 2026-05-01 01:30 by Supervisor"),
            "{text}"
        );
        assert!(text.contains("      Photo of the seal missing"), "{text}");
        assert!(!text.contains('\x1b'), "the escape is shown, not sent");
        snap("reviews_shipments_detail", &a, &started);

        keys(&mut a, &mut s, "o");
        assert_eq!(a.tab, Tab::Record);
        let ed = editor(&a);
        assert_eq!(ed.reviews.len(), 2);
        let text = screen_text(&a);
        banner_above_the_form(&text);
        // every decision, newest first, in the side panel
        assert!(text.contains("Review decisions (2):"), "{text}");
        let returned = text
            .find("• RETURNED by Supervisor")
            .expect("returned listed");
        let approved = text
            .find("• APPROVED by Supervisor")
            .expect("approved listed");
        assert!(returned < approved, "newest first: {text}");
        assert!(text.contains("2026-04-29 16:00"), "{text}");
        snap("reviews_record_tab", &a, &started);
    }
}

/// The latest decision above the form, its comment under it, then the key that amends.
fn banner_above_the_form(text: &str) {
    for line in [
        "│RETURNED 2026-05-01 01:30 by Supervisor",
        "│returned: Photo of the seal missing",
        "│C-w amend: answer the return",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
}
