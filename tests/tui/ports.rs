//! The ports complete as countries do (issue 11): the inspection's place offers the
//! UN/LOCODEs of the domain's port table by code or by name, and the shipment's route
//! offers countries and ports.

use crate::support::flow::*;

#[test]
fn the_inspection_place_completes_a_locode_from_its_name() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut s = store();
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, &format!("3n{SHIPMENT_KEYS}<c-n>"));
        keys(&mut a, &mut s, "Shang");
        let text = screen_text(&a);
        assert!(
            text.contains("CNSHA") && text.contains("Shanghai"),
            "{text}"
        );
        insta::assert_snapshot!(snap_name("locode_completion", &a), text);
        keys(&mut a, &mut s, "<enter>");
        let ed = editor(&a);
        let place = ed.inspection.fields.iter().find(|f| f.name == "locode");
        assert_eq!(place.unwrap().input.text(), "CNSHA");
    }
}

#[test]
fn the_route_offers_countries_and_ports() {
    use minspect::tui::widgets::picker::Choices;
    use minspect::tui::widgets::port_choices::{ports, route};
    let c = Choices::open(route());
    let by_name: Vec<&str> = c.matches("jebel").iter().map(|o| o.0.as_str()).collect();
    assert_eq!(by_name, ["AEJEA"]);
    let by_code: Vec<&str> = c.matches("ae").iter().map(|o| o.0.as_str()).collect();
    assert_eq!(
        by_code.first(),
        Some(&"AE"),
        "the country first: {by_code:?}"
    );
    assert!(by_code.contains(&"AEJEA"), "{by_code:?}");
    let place = Choices::open(ports());
    assert_eq!(place.matches("cnsh")[0].0, "CNSHA");
}
