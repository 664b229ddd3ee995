//! Every detail and verdict pane scrolls, says when there is more below and never scrolls
//! past its end (issue 11): the Rules tab's screening verdict at 80x24 shows the
//! destination ban and the "suspension ended" warning after paging down; `G` in an item's
//! detail shows its last page, never a blank pane.

use crate::support::flow::*;
use minspect::tui::keymap::Context;

/// The screening form filled for gallium to the US for a military end use, after the
/// suspension of the US clause ended (2026-11-27).
const MILITARY_US: &str =
    "s8112929090<tab>gallium ingots<tab>Ga 99.99<tab><tab>US<tab><c-u>military<tab><c-u>2026-12-01";

#[test]
fn the_screening_reasons_scroll_to_the_ban_and_the_stale_warning_at_80x24() {
    let mut s = store();
    // the shipped pack: it has the US military clause
    let shipped = minspect::rules::EMBEDDED_PACK.replacen(
        "version = \"2026.03.1\"",
        "version = \"2026.03.2\"",
        1,
    );
    s.rules_mut().install_pack(&shipped, "shipped").unwrap();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, MILITARY_US);
    assert_eq!(a.context(), Context::Screening);
    let first = screen_text(&a);
    assert!(first.contains("more below"), "the pane says so: {first}");
    let mut seen = first.clone();
    for _ in 0..6 {
        keys(&mut a, &mut s, "<pgdn>");
        seen.push_str(&screen_text(&a));
    }
    let last = screen_text(&a);
    assert!(!last.contains("more below"), "at the end: {last}");
    assert!(seen.contains("US military users"), "the ban: {seen}");
    assert!(seen.contains("2026-11-27"), "{seen}");
    insta::assert_snapshot!("reasons_scrolled_80x24", last);
    keys(&mut a, &mut s, "<pgup><pgup><pgup><pgup><pgup><pgup>");
    assert_eq!(a.screens.rules.verdict_scroll, 0);
}

#[test]
fn an_item_detail_stops_at_its_last_page() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut s = store();
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, "<tab>G");
        let text = screen_text(&a);
        let detail_rows = text
            .lines()
            .filter(|l| l.chars().filter(|c| !c.is_whitespace()).count() > 40)
            .count();
        assert!(
            detail_rows > 3,
            "G shows the last page, not a blank pane: {text}"
        );
        let at_end = a.screens.rules.detail_scroll;
        keys(&mut a, &mut s, "k");
        assert_eq!(
            a.screens.rules.detail_scroll,
            at_end.saturating_sub(1),
            "one key back up, however far G went"
        );
        insta::assert_snapshot!(snap_name("rules_detail_end", &a), text);
    }
}

#[test]
fn the_record_tabs_reasons_pane_pages_down_and_stops_at_its_end() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, &format!("3n{SHIPMENT_KEYS}"));
    let first = screen_text(&a);
    assert!(first.contains("more below"), "{first}");
    for _ in 0..20 {
        keys(&mut a, &mut s, "<pgdn>");
    }
    let last = screen_text(&a);
    assert!(!last.contains("more below"), "{last}");
    assert!(last.contains("top above"), "{last}");
    assert_ne!(first, last, "the pane moved");
    assert!(
        last.contains("180000"),
        "the typed value stays in its field: {last}"
    );
    insta::assert_snapshot!("record_reasons_end_80x24", last);
    for _ in 0..200 {
        keys(&mut a, &mut s, "<pgup>");
    }
    assert_eq!(screen_text(&a), first, "back at the top");
}

fn shipped_store() -> minspect::store::Store {
    let mut s = store();
    let shipped = minspect::rules::EMBEDDED_PACK.replacen(
        "version = \"2026.03.1\"",
        "version = \"2026.03.2\"",
        1,
    );
    s.rules_mut().install_pack(&shipped, "shipped").unwrap();
    s
}

#[test]
fn red_flags_and_announcements_are_listed_searched_and_read() {
    let mut s = shipped_store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "/伪报品名<enter>");
    let rules = &a.screens.rules;
    assert_eq!(
        rules.notices.red_flags.len(),
        1,
        "found by its Chinese title"
    );
    let to_flag =
        "j".repeat(rules.hits.len() + rules.parties.len() + rules.notices.announcements.len());
    keys(&mut a, &mut s, &format!("{to_flag}<tab>"));
    let text = screen_text(&a);
    assert!(text.contains("⚑ M1"), "{text}");
    assert!(text.contains("Take a sample"), "the guidance: {text}");
    insta::assert_snapshot!("rules_red_flag_80x24", text);

    let mut a = app(&mut s, 120, 40);
    keys(&mut a, &mut s, "/2024 No. 46<enter>");
    let rules = &a.screens.rules;
    assert!(!rules.notices.announcements.is_empty());
    let to_ann = "j".repeat(rules.hits.len() + rules.parties.len());
    keys(&mut a, &mut s, &format!("{to_ann}<tab>"));
    let text = screen_text(&a);
    assert!(text.contains("§ 2024 No. 46"), "{text}");
    assert!(text.contains("Issued by"), "{text}");
    insta::assert_snapshot!("rules_announcement_120x40", text);
}

#[test]
fn an_hs_prefix_finds_the_magnets_in_the_rules_tab() {
    let mut s = shipped_store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "/8505<enter>");
    let ids: Vec<&str> = a
        .screens
        .rules
        .hits
        .iter()
        .map(|h| h.item_id.as_str())
        .collect();
    assert_eq!(ids[..2], ["re-tb-magnet", "re-dy-magnet"], "{ids:?}");
    keys(&mut a, &mut s, "x/钨<enter>");
    let hits = &a.screens.rules.hits;
    assert!(hits.len() >= 5 && hits.iter().all(|h| h.item_id.starts_with("w-")));
}
