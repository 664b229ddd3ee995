//! The training scenarios (`fixtures/scenarios/*.toml`): at least eight, each valid, each
//! key agreeing with the screening engine as of the scenario's date; a broken file is
//! refused with `file:line: reason`.

use std::collections::BTreeSet;

use minspect::fixture::scenario::{EMBEDDED, Scenario, embedded};
use minspect::rules::{EMBEDDED_PACK, RulePack, facts_for, screen};

fn gallium() -> &'static str {
    EMBEDDED
        .iter()
        .find(|(id, _)| *id == "gallium-as-zinc")
        .unwrap()
        .1
}

#[test]
fn at_least_eight_scenarios_each_valid_and_distinct() {
    let all = embedded().unwrap();
    assert!(all.len() >= 8, "{} scenarios", all.len());
    let ids: BTreeSet<&str> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), all.len());
    for s in &all {
        assert!((1..=3).contains(&s.difficulty), "{}", s.id);
        assert!(s.max_points() > 0, "{}", s.id);
        assert!(
            !s.briefing.contains("Ctrl-"),
            "{}: keys belong in the catalogue",
            s.id
        );
    }
    // the real cases of the issue are all there
    for id in [
        "gallium-as-zinc",
        "germanium-us-in-window",
        "germanium-us-after-window",
        "dysprosium-magnet",
        "antimony-transshipment",
        "graphite-thresholds",
        "tungsten-blocks",
        "clean-release",
        "antimony-seizure-custody",
    ] {
        assert!(ids.contains(id), "{id} missing");
    }
    let custody = all
        .iter()
        .find(|s| s.id == "antimony-seizure-custody")
        .unwrap();
    assert_eq!(custody.keys[0].custody_steps, 2);
    let graphite = all.iter().find(|s| s.id == "graphite-thresholds").unwrap();
    assert_eq!(graphite.shipments.len(), 2, "both sides of the thresholds");
}

/// The key's verdict, rules, announcements and legal basis are what screening says of
/// the goods as they really are (the declaration plus every reading) as of the date.
#[test]
fn every_key_agrees_with_the_screening_engine() {
    let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
    let mut wrong = Vec::new();
    for s in embedded().unwrap() {
        for sh in &s.shipments {
            let key = s.key_of(&sh.reference).unwrap();
            let readings: Vec<_> = sh.readings.iter().map(|r| r.measurement()).collect();
            let mut facts = facts_for(&sh.declared, &readings);
            if let Some(d) = s.date {
                facts.date = Some(d);
            }
            let got = screen(&pack, &facts);
            let what = format!("{} shipment {}", s.id, sh.reference);
            let ids: Vec<&str> = got.hits.iter().map(|h| h.rule_id.as_str()).collect();
            let anns: Vec<&str> = got.hits.iter().map(|h| h.announcement.as_str()).collect();
            if got.verdict != key.verdict {
                wrong.push(format!(
                    "{what}: verdict {:?}, key {:?}; hits {ids:?}",
                    got.verdict, key.verdict
                ));
            }
            for r in key.rules.iter().chain(&key.legal_basis) {
                if !ids.contains(&r.as_str()) {
                    wrong.push(format!("{what}: {r} not in {ids:?}"));
                }
            }
            for a in &key.announcements {
                if !anns.contains(&a.as_str()) {
                    wrong.push(format!("{what}: {a} not in {anns:?}"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "keys against the engine:\n{}",
        wrong.join("\n")
    );
}

/// What each scenario teaches shows in the engine too: the same declaration without
/// the readings screens differently where a reading is the lesson.
#[test]
fn the_readings_are_what_changes_the_answer() {
    let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
    for id in ["gallium-as-zinc", "dysprosium-magnet", "tungsten-blocks"] {
        let s = embedded()
            .unwrap()
            .into_iter()
            .find(|s| s.id == id)
            .unwrap();
        let sh = &s.shipments[0];
        let declared_only = screen(&pack, &facts_for(&sh.declared, &[]));
        assert_ne!(declared_only.verdict, s.keys[0].verdict, "{id}");
    }
    // the same germanium declaration before and after the suspension's end
    let all = embedded().unwrap();
    let v = |id: &str| all.iter().find(|s| s.id == id).unwrap().keys[0].verdict;
    assert_ne!(v("germanium-us-in-window"), v("germanium-us-after-window"));
}

fn refused(text: &str) -> (usize, String) {
    let e = Scenario::parse(text, "fixtures/scenarios/broken.toml").unwrap_err();
    assert!(
        e.to_string().starts_with("fixtures/scenarios/broken.toml:"),
        "{e}"
    );
    let words = minspect::i18n::msg(minspect::domain::Lang::En, &e.reason);
    (e.line, words)
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn a_broken_scenario_is_refused_with_file_line_and_reason() {
    let good = gallium();
    Scenario::parse(good, "gallium-as-zinc.toml").unwrap();
    let text = good.replace("difficulty = 2", "difficulty = 4");
    let (line, reason) = refused(&text);
    assert_eq!(line, line_of(&text, "difficulty = 4"), "{reason}");
    assert!(reason.contains("difficulty"), "{reason}");
    // an unknown field: the TOML reader names it and its line
    let text = good.replace("teaches =", "colour = 1\nteaches =");
    let (line, reason) = refused(&text);
    assert_eq!(line, line_of(&text, "colour"), "{reason}");
    assert!(reason.contains("colour"), "{reason}");
    // a declaration the record validators refuse: the field's line
    let text = good.replace("MSKU1234565\"\nseal", "MSKU1234566\"\nseal");
    let (line, reason) = refused(&text);
    assert_eq!(
        line,
        line_of(&text, "container_nos = \"MSKU1234566"),
        "{reason}"
    );
    assert!(
        reason.contains("declared.container_nos") && reason.contains("check digit"),
        "{reason}"
    );
    // a rule id the pack does not know
    let text = good.replace("rules = [\"ga-metal\"]", "rules = [\"ga-metall\"]");
    let (line, reason) = refused(&text);
    assert_eq!(line, line_of(&text, "\"ga-metall\""), "{reason}");
    assert!(reason.contains("ga-metall"), "{reason}");
    // a seizure without a legal basis
    let text = good.replace("legal_basis = [\"ga-metal\"]", "legal_basis = []");
    let (_, reason) = refused(&text);
    assert!(reason.contains("legal_basis"), "{reason}");
    // an unknown verdict, outcome or finding kind
    for (from, to) in [
        ("verdict = \"licence_required\"", "verdict = \"licensed\""),
        ("outcome = [\"seized\"]", "outcome = [\"confiscated\"]"),
        ("kind = \"wrong_hs_code\"", "kind = \"wrong_code\""),
    ] {
        let text = good.replace(from, to);
        let (line, reason) = refused(&text);
        assert_eq!(line, line_of(&text, to), "{from}: {reason}");
    }
    // a reading the measurement validators refuse
    let text = good.replace("value = 99.99", "value = 120.0");
    let (line, reason) = refused(&text);
    assert_eq!(line, line_of(&text, "value = 120.0"), "{reason}");
}
