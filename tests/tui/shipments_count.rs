//! The Shipments title counts the rows the filter matches, not the page (issue 11): the
//! whole log, a destination, free text; over 10,000 it says so; where counting would cost
//! more than a keystroke may (free text with other terms) it says "at least".

use crate::support::flow::*;
use crate::support::raw;

fn title(a: &minspect::tui::app::App) -> String {
    screen_text(a)
        .lines()
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

fn count(s: &minspect::store::Store, cond: &str) -> String {
    raw(s, &format!("SELECT count(*) FROM shipments WHERE {cond}")).unwrap()
}

#[test]
fn the_title_counts_the_matches_not_the_page() {
    let mut s = store_with_shipments(300);
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, "2");
        let shown = a.screens.shipments.rows.len();
        let t = title(&a);
        assert!(
            t.contains(&format!("Shipments · 300 in the log · {shown} shown")),
            "{t}"
        );
        insta::assert_snapshot!(snap_name("shipments_count", &a), screen_text(&a));
    }
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "2/dest:US");
    let us = count(&s, "destination = 'US'");
    assert!(
        us.parse::<usize>().unwrap() > 10,
        "enough rows for a page: {us}"
    );
    let t = title(&a);
    assert!(t.contains(&format!("Shipments · {us} matching")), "{t}");
    // paging keeps the count
    keys(&mut a, &mut s, "<enter><pgdn>");
    assert!(
        title(&a).contains(&format!("{us} matching")),
        "{}",
        title(&a)
    );
    // free text alone is counted from its index
    keys(&mut a, &mut s, "x/Co");
    let co = raw(
        &s,
        "SELECT count(*) FROM shipments_fts WHERE shipments_fts MATCH '\"Co\"'",
    )
    .unwrap();
    assert!(
        title(&a).contains(&format!("{co} matching")),
        "{}",
        title(&a)
    );
    // free text with a destination: not counted row by row on a keystroke
    keys(&mut a, &mut s, " dest:US");
    let t = title(&a);
    let rows = a.screens.shipments.rows.len();
    if a.screens.shipments.has_older {
        assert!(
            t.contains(&format!("at least {} matching", rows + 1)),
            "{t}"
        );
    } else {
        assert!(t.contains(&format!("{rows} matching")), "{t}");
    }
}

#[test]
fn over_ten_thousand_says_so() {
    let mut s = store_with_shipments(10_050);
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "2");
    let t = title(&a);
    assert!(t.contains("Shipments · over 10,000 in the log"), "{t}");
    a.set_lang(minspect::domain::Lang::Zh, &mut s).unwrap();
    assert!(title(&a).contains("共超过 10,000 条"), "{}", title(&a));
}
