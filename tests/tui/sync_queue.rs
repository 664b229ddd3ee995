//! The Sync tab's queue names each record by the declaration it is about (issue 11): an
//! inspection by its shipment, a custody transfer by its seized shipment, with its kind
//! in words, in both languages.

use crate::support::flow::*;
use minspect::domain::Lang;
use minspect_testkit::StoreKit;

#[test]
fn the_queue_shows_each_records_declaration_number() {
    let mut s = store();
    // ten inspections, the tenth with a seizure and its custody transfer (11 records)
    let ids = s.test_support_finalize_samples(11).unwrap();
    assert!(ids[9].seizure_id.is_some());
    let decl: Vec<String> = ids
        .iter()
        .map(|i| {
            crate::support::raw(
                &s,
                &format!(
                    "SELECT declaration_no FROM shipments WHERE id = '{}'",
                    i.shipment_id
                ),
            )
            .unwrap()
        })
        .collect();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, "4");
        let text = screen_text(&a);
        let shown = if w >= 120 { &decl[..] } else { &decl[..1] };
        for d in shown {
            assert!(
                text.contains(d.as_str()),
                "{d} in the queue at {w}x{h}\n{text}"
            );
        }
        assert!(text.contains("declaration no."), "{text}");
        if w >= 120 {
            // the custody transfer is about the tenth shipment
            let row = text
                .lines()
                .find(|l| l.contains("custody transfer"))
                .unwrap();
            assert!(row.contains(decl[9].as_str()), "{row}");
        }
        // the record id is shown whole where there is room, never cut
        let id = &ids[0].inspection_id;
        assert_eq!(text.contains(id.as_str()), w >= 120, "{text}");
        insta::assert_snapshot!(snap_name("sync_queue_declarations", &a), masked(&text));
        a.set_lang(Lang::Zh, &mut s).unwrap();
        let zh = screen_text(&a);
        assert!(zh.contains("报关单号") && zh.contains("查验"), "{zh}");
    }
}

/// The text with every record id (a UUID, new each run) masked.
fn masked(text: &str) -> String {
    let uuid = |w: &str| w.len() == 36 && w.chars().filter(|c| *c == '-').count() == 4;
    text.split('\n')
        .map(|l| {
            l.split(' ')
                .map(|w| {
                    if uuid(w) {
                        "########-####-####-####-############"
                    } else {
                        w
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
