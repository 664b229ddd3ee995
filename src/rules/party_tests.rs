//! Party screening against the embedded pack's lists: the thresholds, the token index,
//! the verdicts and the dates.

use super::*;

fn pack() -> RulePack {
    RulePack::parse(EMBEDDED_PACK, "embedded").unwrap()
}

fn facts(date: &str, consignee: &str, end_user: &str, via: &[&str]) -> Facts {
    Facts {
        date: Some(date.parse().unwrap()),
        consignee: consignee.into(),
        end_user: end_user.into(),
        intermediaries: via.iter().map(|s| s.to_string()).collect(),
        ..Facts::default()
    }
}

fn party_hits(s: &Screening) -> Vec<(&str, Verdict)> {
    s.hits
        .iter()
        .filter(|h| h.kind == HitKind::Party)
        .map(|h| (h.rule_id.as_str(), h.effect))
        .collect()
}

#[test]
fn the_embedded_pack_has_the_three_lists() {
    let p = pack();
    let kinds: Vec<_> = p.party_lists.iter().map(|l| l.kind.as_str()).collect();
    assert_eq!(
        kinds,
        ["control_list", "watch_list", "unreliable_entity_list"]
    );
    assert_eq!(p.parties.iter().filter(|x| x.list == "eccl").count(), 153);
    assert_eq!(p.parties.iter().filter(|x| x.list == "wl").count(), 20);
    assert!(p.parties.iter().filter(|x| x.list == "uel").count() >= 55);
    assert_eq!(
        (p.party_screening.match_strong, p.party_screening.match_weak),
        (0.93, 0.85)
    );
    // the reference's UNCONFIRMED marks travel with the rows
    let mp = p
        .parties
        .iter()
        .find(|x| x.name_en == "MP Materials Corp.")
        .unwrap();
    assert!(
        mp.unconfirmed.iter().any(|u| u.contains("[D] alone")),
        "{mp:?}"
    );
}

/// (screened name, the party expected, strong or weak): names on both sides of each
/// threshold (the scores are in the comments).
#[test]
fn names_on_both_sides_of_each_threshold() {
    let p = pack();
    let idx = PartyIndex::new(&p.parties);
    let (strong, weak) = (p.party_screening.match_strong, p.party_screening.match_weak);
    let cases: &[(&str, Option<&str>, bool)] = &[
        ("LOCKHEED MARTIN CORP.", Some("eccl-6"), true), // 1.00
        ("Lockhead Martin Corporation", Some("eccl-6"), true), // 0.945
        ("Skydeo Inc.", Some("eccl-33"), true),          // 0.933
        ("洛克希德·马汀公司", Some("eccl-6"), true),     // 0.933
        ("三菱材料", Some("wl-8"), true),                // 1.00 (legal form dropped)
        ("Ｎｉｔｔｏ　Ｄｅｎｋｏ", Some("wl-18"), true), // full width
        ("Andrill Industries", Some("eccl-23"), false),  // 0.919
        ("Lockheed Martin", Some("eccl-22"), false),     // 0.925 (Ventures; the Corporation is 1.0)
        ("Anduril", Some("eccl-23"), false),             // 0.878
        ("Subaru Tecnica", Some("wl-1"), false),         // 0.886
        ("Rheinmetall Defence", None, false),            // 0.769
        ("Shield Artificial Intelligence", None, false),
        ("Acme Trading Co., Ltd.", None, false),
        ("Hi Inc", None, false), // "HII" is short: equal only
    ];
    for (name, want, want_strong) in cases {
        let found = idx.matches(name, weak);
        match want {
            None => assert!(found.is_empty(), "{name}: {found:?}"),
            Some(id) => {
                let m = found
                    .iter()
                    .find(|m| p.parties[m.party].id == *id)
                    .unwrap_or_else(|| panic!("{name}: no {id} in {found:?}"));
                assert_eq!(m.score >= strong, *want_strong, "{name}: {m:?}");
            }
        }
    }
}

#[test]
fn candidates_come_from_the_token_index_not_every_alias() {
    let p = pack();
    let idx = PartyIndex::new(&p.parties);
    assert!(idx.len() > 400, "{}", idx.len());
    for name in ["Skydio Inc", "Lockheed Martin", "三菱材料", "Hensoldt"] {
        let c = idx.candidates(name).len();
        assert!(c > 0 && c * 10 < idx.len(), "{name}: {c} of {}", idx.len());
    }
    assert!(idx.candidates("Acme Trading Co., Ltd.").is_empty());
}

#[test]
fn a_strong_match_gives_the_lists_effect_citing_the_announcement() {
    let p = pack();
    let s = screen(
        &p,
        &facts("2026-01-15", "Lockheed Martin Corporation", "", &[]),
    );
    assert_eq!(s.verdict, Verdict::Prohibited);
    let h = s.hits.iter().find(|h| h.kind == HitKind::Party).unwrap();
    assert_eq!(
        (h.rule_id.as_str(), h.announcement.as_str()),
        ("eccl-6", "2025 No. 1")
    );
    assert_eq!(h.message_id, "party-hit-strong");
    assert!(
        h.message
            .contains("Lockheed Martin Corporation (洛克希德·马丁公司)"),
        "{}",
        h.message
    );
    assert!(
        h.message
            .starts_with("Consignee \"Lockheed Martin Corporation\"")
    );
    // the watch list needs a licence; before its listing it is a note
    let s = screen(&p, &facts("2026-03-01", "", "SUBARU Corporation", &[]));
    assert_eq!(s.verdict, Verdict::LicenceRequired);
    assert_eq!(party_hits(&s), [("wl-1", Verdict::LicenceRequired)]);
    let s = screen(&p, &facts("2026-02-23", "", "SUBARU Corporation", &[]));
    assert_eq!(s.verdict, Verdict::NotControlled);
    assert!(
        s.notes.iter().any(|n| n.contains("listed from 2026-02-24")),
        "{:?}",
        s.notes
    );
}

#[test]
fn a_weak_match_needs_review_naming_candidate_and_score() {
    let p = pack();
    let s = screen(
        &p,
        &facts("2026-01-15", "Example AG", "", &["Andrill Industries"]),
    );
    assert_eq!(s.verdict, Verdict::NeedsReview);
    let h = s.hits.iter().find(|h| h.rule_id == "eccl-23").unwrap();
    assert_eq!(h.message_id, "party-hit-weak");
    assert!(
        h.message.contains("score 0.92") && h.message.contains("\"Anduril Industries\""),
        "{}",
        h.message
    );
    assert!(h.message.starts_with("Intermediary"));
    // a strong match hides the weaker candidates of the same name
    let s = screen(&p, &facts("2026-01-15", "Lockheed Martin", "", &[]));
    assert_eq!(party_hits(&s), [("eccl-6", Verdict::Prohibited)]);
}

#[test]
fn suspension_windows_are_notes_and_a_lapsed_one_warns() {
    let p = pack();
    // Skydio: control list 2025 No. 13 (suspended from 2025-11-10) and UEL No. 7
    let on = |d: &str| screen(&p, &facts(d, "Skydio, Inc.", "", &[]));
    let s = on("2025-06-01");
    assert_eq!(
        party_hits(&s),
        [("eccl-33", Verdict::Prohibited)],
        "{:?}",
        s.hits
    );
    assert!(
        s.notes
            .iter()
            .any(|n| n.contains("suspended by MOFCOM decision of 2025-05-14")),
        "{:?}",
        s.notes
    );
    let s = on("2026-01-15");
    assert!(party_hits(&s).is_empty(), "{:?}", s.hits);
    assert_eq!(s.verdict, Verdict::NotControlled);
    assert_eq!(
        s.notes
            .iter()
            .filter(|n| n.contains("is suspended"))
            .count(),
        2
    );
    let s = on("2026-12-01");
    assert_eq!(s.verdict, Verdict::Prohibited);
    assert!(
        s.hits
            .iter()
            .any(|h| h.kind == HitKind::Stale && h.message_id == "stale-party-suspension")
    );
    // 2025 No. 22 ceased from 2025-08-12
    let s = screen(&p, &facts("2025-09-01", "Echodyne", "", &[]));
    assert_eq!(s.verdict, Verdict::NotControlled);
    assert!(
        s.notes
            .iter()
            .any(|n| n.contains("ceased after 2025-08-11")),
        "{:?}",
        s.notes
    );
}

#[test]
fn a_malformed_party_is_refused_with_its_line() {
    let base = "[pack]\nversion = \"1\"\npublished = \"2026-01-01\"\ntitle = \"t\"\n\
        [[announcements]]\nid = \"a\"\nnumber = \"2025 No. 1\"\ntitle = \"t\"\nissuers = [\"MOFCOM\"]\n\
        published = \"2025-01-02\"\neffective = \"2025-01-02\"\nstatus = \"in_force\"\nsources = [\"https://x\"]\n\
        [[party_lists]]\nid = \"eccl\"\nkind = \"control_list\"\nname_en = \"Control list\"\neffect = \"prohibited\"\n\
        prohibits = \"no exports\"\nsources = [\"https://x\"]\n\
        [[parties]]\nid = \"p1\"\nlist = \"eccl\"\nname_en = \"Acme\"\nannouncement = \"a\"\nlisted = \"2025-01-02\"\n";
    RulePack::parse(base, "p.toml").unwrap();
    let e =
        RulePack::parse(&base.replace("list = \"eccl\"", "list = \"zz\""), "p.toml").unwrap_err();
    assert_eq!(e.line, 22, "{e}");
    assert!(
        e.to_string()
            .starts_with("p.toml:22: party p1: unknown list 'zz'"),
        "{e}"
    );
    let e = RulePack::parse(&format!("{base}country = \"XX\"\n"), "p.toml").unwrap_err();
    assert!(e.reason.contains("'XX' is not an ISO 3166"), "{e}");
    let e = RulePack::parse(&format!("{base}effective = \"2024-12-31\"\n"), "p.toml").unwrap_err();
    assert!(e.reason.contains("before listed"), "{e}");
    let e = RulePack::parse(&format!("{base}colour = 1\n"), "p.toml").unwrap_err();
    assert_eq!(e.line, 27, "{e}");
    let e = RulePack::parse(
        &base.replace("name_en = \"Acme\"", "name_en = \"Co., Ltd.\""),
        "p.toml",
    )
    .unwrap_err();
    assert!(e.reason.contains("no name is left"), "{e}");
    let e = RulePack::parse(
        &format!("{base}[party_screening]\nmatch_strong = 0.8\n"),
        "p.toml",
    )
    .unwrap_err();
    assert!(
        e.reason.contains("match_weak (0.85)") && e.line == 27,
        "{e}"
    );
}

#[test]
fn a_unit_of_a_listed_group_needs_review_however_low_its_score() {
    let p = pack();
    let idx = PartyIndex::new(&p.parties);
    let weak = p.party_screening.match_weak;
    let id_of = |m: &PartyMatch| p.parties[m.party].id.clone();
    // (name, listed party, below the weak score: fuzzy matching alone would clear it;
    // false where other units of the group score high enough anyway)
    let cases = [
        ("TechInsights Europe GmbH", "uel-65", true),
        ("TechInsights Japan K.K.", "uel-65", true),
        ("Lockheed Martin Space Systems Company", "eccl-6", false),
        ("洛克希德·马丁空间系统公司", "eccl-6", false),
    ];
    for (name, id, below_weak) in cases {
        let fuzzy: Vec<String> = idx.matches(name, weak).iter().map(id_of).collect();
        if below_weak {
            assert!(!fuzzy.contains(&id.to_string()), "{name}: {fuzzy:?}");
        }
        let s = screen(&p, &facts("2026-01-15", name, "", &[]));
        assert_eq!(s.verdict, Verdict::NeedsReview, "{name}: {:?}", s.hits);
        let h = s
            .hits
            .iter()
            .find(|h| h.kind == HitKind::Party && h.rule_id == id)
            .unwrap_or_else(|| panic!("{name}: no {id} in {:?}", s.hits));
        assert_eq!(h.effect, Verdict::NeedsReview);
        if below_weak {
            assert_eq!(h.message_id, "party-hit-group", "{name}");
            assert!(
                h.message.contains("may be a branch, subsidiary or unit"),
                "{}",
                h.message
            );
        }
    }
    // a listed word inside another word, or a listed name not whole, is no unit of it
    for name in [
        "Exoveratech Ltd",
        "TechInsight Consulting",
        "Dynamics General Trading",
    ] {
        let held: Vec<String> = idx.contained(name).iter().map(id_of).collect();
        assert!(
            !held.contains(&"uel-30".to_string()) && !held.contains(&"uel-65".to_string()),
            "{name}: {held:?}"
        );
    }
    // the listed name itself is a strong match, not a unit of itself
    assert!(idx.contained("TechInsights Inc.").is_empty());
}
