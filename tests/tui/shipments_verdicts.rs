//! The Shipments tab shows the verdict on the declaration and the verdict after
//! inspection side by side: a seized shipment whose declared goods were not controlled
//! (the generator's misdeclared shipments: ordinary goods declared, a controlled metal
//! found) reads "clear → licence", not "clear".

use crate::support::flow::*;

#[test]
fn a_seized_misdeclared_shipment_does_not_read_as_not_controlled() {
    let mut s = store_with_shipments(1500);
    let mut a = app(&mut s, 120, 40);
    keys(&mut a, &mut s, "2/status:seized<enter>");
    let sh = &a.screens.shipments;
    assert!(!sh.rows.is_empty(), "the generator seizes some shipments");
    let misdeclared: Vec<usize> = (0..sh.rows.len())
        .filter(|i| sh.verdicts[*i].starts_with("clear →"))
        .collect();
    assert!(
        !misdeclared.is_empty(),
        "some seized shipment was declared as not controlled: {:?}",
        sh.verdicts
    );
    for i in &misdeclared {
        assert!(
            !sh.verdicts[*i].ends_with("→ clear"),
            "row {i} reads as not controlled: {}",
            sh.row_texts[*i]
        );
        assert!(sh.row_texts[*i].contains("seized"), "{}", sh.row_texts[*i]);
    }
    let text = screen_text(&a);
    assert!(text.contains("declared → found"), "{text}");
    let row = &sh.row_texts[misdeclared[0]];
    assert!(text.contains(row.as_str()), "the row is on screen: {text}");
    insta::assert_snapshot!("shipments_seized_verdicts_120x40", text);
}

#[test]
fn the_detail_pane_gives_both_verdicts_of_a_seized_misdeclared_shipment() {
    let mut s = store_with_shipments(1500);
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "2/status:seized<enter>");
    let i = a
        .screens
        .shipments
        .verdicts
        .iter()
        .position(|v| v.starts_with("clear →"))
        .expect("a seized shipment declared as not controlled");
    keys(&mut a, &mut s, &"j".repeat(i));
    let card = a.screens.shipments.card.as_ref().unwrap();
    let fact = |label: &str| {
        card.facts
            .iter()
            .find(|(k, _)| k == label)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("no {label} line: {:?}", card.facts))
    };
    assert_eq!(fact("Declared"), "NOT CONTROLLED");
    let found = fact("Found");
    assert!(found.ends_with(" (seized)"), "{found}");
    assert_ne!(found, "NOT CONTROLLED (seized)");
    // the pane shows it under its label (Tab scrolls the detail)
    keys(&mut a, &mut s, "<tab>");
    let mut moves = 0;
    while !screen_text(&a).contains("Found       ") && moves < 20 {
        keys(&mut a, &mut s, "j");
        moves += 1;
    }
    let text = screen_text(&a);
    assert!(text.contains("Declared    NOT CONTROLLED"), "{text}");
    assert!(text.contains(&format!("Found       {found}")), "{text}");
    insta::assert_snapshot!("shipments_detail_both_verdicts_80x24", text);
}
