//! Properties of screening over arbitrary facts: it never panics, the verdict is the
//! highest effect among the hits, every missing measurement is a documented name and
//! makes the verdict at least needs_review.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use minspect::domain::{Country, EndUse, HsCode};
use minspect::rules::{EMBEDDED_PACK, Facts, RulePack, ScreeningIndex, Verdict};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "gallium",
    "镓",
    "GaAs",
    "InSb",
    "antimony",
    "Sb2O3",
    "graphite",
    "isostatic graphite",
    "NdFeB",
    "magnets",
    "tungsten",
    "solder paste",
    "Sn42Bi58",
    "zinc alloy",
    "holmium",
    "Dy 0.5%",
    "Nd 14%",
    "cotton",
    "\u{1b}[2J",
    "稀土",
    "diamond micropowder",
    "CdTe",
];
const ELEMENTS: &[&str] = &[
    "Ga", "Ge", "Sb", "W", "Bi", "Dy", "Tb", "Nd", "Fe", "Cu", "Ag", "Ho", "Te", "In",
];
const MEASURES: &[&str] = &[
    "purity_pct",
    "flexural_strength_mpa",
    "density_g_cm3",
    "w_pct",
    "dislocation_density_per_cm2",
];
const HS: &[&str] = &[
    "8112929010",
    "2825909001",
    "282590",
    "8505111000",
    "7801910000",
    "6109100000",
    "3801909010",
];
const DEST: &[&str] = &["US", "JP", "DE", "TH", "CH"];

fn facts() -> impl Strategy<Value = Facts> {
    (
        0u32..1400,
        prop::collection::vec(prop::sample::select(WORDS), 0..4),
        prop::collection::btree_map(prop::sample::select(ELEMENTS), 0.0f64..100.0, 0..4),
        prop::collection::btree_map(prop::sample::select(MEASURES), 0.0f64..200.0, 0..3),
        prop::option::of(prop::sample::select(HS)),
        prop::option::of(prop::sample::select(DEST)),
        prop::sample::select(&[EndUse::Civil, EndUse::Military, EndUse::Unknown][..]),
    )
        .prop_map(|(day, words, comp, meas, hs, dest, end_use)| Facts {
            date: NaiveDate::from_ymd_opt(2023, 6, 1)
                .unwrap()
                .checked_add_days(chrono::Days::new(day.into())),
            hs_code: hs.map(|h| HsCode::parse(h).unwrap()),
            description: words.join(" "),
            composition: comp
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect::<BTreeMap<_, _>>(),
            measurements: meas.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            destination: dest.map(|d| Country::parse("destination", d).unwrap()),
            end_use,
            end_user: String::new(),
            licence_no: String::new(),
            ..Facts::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn verdict_is_the_highest_effect(f in facts()) {
        let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
        let s = ScreeningIndex::new(&pack).screen(&f);
        let max = s.hits.iter().map(|h| h.effect).max().unwrap_or(Verdict::NotControlled);
        prop_assert_eq!(s.verdict, max);
        prop_assert_eq!(s.verdict == Verdict::NeedsReview && s.hits.is_empty(), false);
        for m in &s.missing_measurements {
            prop_assert!(minspect::rules::is_known_measurement(m), "{}", m);
        }
        if !s.missing_measurements.is_empty() {
            prop_assert!(s.verdict >= Verdict::NeedsReview);
        }
        for h in &s.hits {
            prop_assert!(!h.rule_id.is_empty() && !h.message.is_empty());
        }
    }
}
