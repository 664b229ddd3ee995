//! Party screening's words: every party reason and note rendered from its message id in
//! English is the text screening wrote, and Chinese has each id.

use minspect::domain::Lang;
use minspect::i18n;
use minspect::rules::{EMBEDDED_PACK, Facts, HitKind, RulePack, screen};

fn facts(date: &str, consignee: &str, end_user: &str, via: &[&str]) -> Facts {
    Facts {
        date: Some(date.parse().unwrap()),
        consignee: consignee.into(),
        end_user: end_user.into(),
        intermediaries: via.iter().map(|s| s.to_string()).collect(),
        ..Facts::default()
    }
}

#[test]
fn every_party_reason_says_in_english_what_screening_wrote() {
    let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
    let cases = [
        facts(
            "2026-01-15",
            "Lockheed Martin Corporation",
            "Anduril",
            &["Andrill Industries"],
        ),
        facts(
            "2026-03-01",
            "",
            "SUBARU Corporation",
            &["MP Materials Corp."],
        ),
        facts("2026-02-23", "", "SUBARU Corporation", &[]),
        facts("2025-06-01", "Skydio, Inc.", "", &[]),
        facts("2026-12-01", "Skydio, Inc.", "", &[]),
        facts("2025-09-01", "Echodyne", "Mitsubishi Motors", &[]),
    ];
    let (mut hits, mut notes) = (0, 0);
    for f in &cases {
        let s = screen(&pack, f);
        for h in s
            .hits
            .iter()
            .filter(|h| matches!(h.kind, HitKind::Party | HitKind::Stale))
        {
            let m = h.msg().unwrap_or_else(|| panic!("no id: {}", h.message));
            assert_eq!(i18n::msg(Lang::En, &m), h.message, "{}", m.id);
            assert!(i18n::has(Lang::Zh, &m.id), "{}", m.id);
            let zh = i18n::msg(Lang::Zh, &m);
            assert!(!zh.contains("{") && zh != h.message, "{zh}");
            hits += 1;
        }
        for (i, n) in s.notes.iter().enumerate() {
            if let Some(Some(m)) = s.note_msgs.get(i)
                && m.id.starts_with("party-")
            {
                assert_eq!(&i18n::msg(Lang::En, m), n, "{}", m.id);
                notes += 1;
            }
        }
    }
    assert!(hits >= 7 && notes >= 4, "{hits} hits, {notes} notes");
}
