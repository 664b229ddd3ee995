//! The Rules tab lists the pack's parties after its items: a search by any name or alias
//! finds them, and the detail pane shows the listing (list, what it prohibits, dates,
//! standing, suspension windows).

use crate::support::flow::{app, draw, keys, screen_text, snap_name, store};
use minspect::rules::EMBEDDED_PACK;

#[test]
fn a_party_is_found_by_its_chinese_name_or_an_alias_and_shown() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut s = store();
        s.rules_mut()
            .import_pack(EMBEDDED_PACK, "embedded", true)
            .unwrap();
        let mut a = app(&mut s, w, h);
        keys(&mut a, &mut s, "/洛克希德·马丁公司<enter>");
        let text = screen_text(&a);
        assert!(text.contains("Lockheed Martin Corporation"), "{text}");
        keys(&mut a, &mut s, "<tab>");
        let text = screen_text(&a);
        assert!(
            text.contains("Export Control Control List") && text.contains("eccl-6"),
            "{text}"
        );
        insta::assert_snapshot!(snap_name("rules_party", &a), draw(&a).backend());
        // an alias finds its party; Esc clears the search
        keys(&mut a, &mut s, "<tab><esc>/NCSIST<enter>");
        assert!(
            screen_text(&a).contains("National Chung-Shan Institute"),
            "{}",
            screen_text(&a)
        );
    }
}
