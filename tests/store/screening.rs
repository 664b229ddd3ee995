//! Screening cases built from the rules reference (dates, thresholds, cases C8-C14).
//! Each row: facts JSON, expected verdict, rule ids that must be hit, rule ids that
//! must not be hit, and the missing measurements expected.

use minspect::rules::{EMBEDDED_PACK, Facts, HitKind, RulePack, Screening, Verdict, screen};

use Verdict::{LicenceRequired as L, NeedsReview as R, NotControlled as N, Prohibited as P};

struct Case {
    name: &'static str,
    facts: &'static str,
    verdict: Verdict,
    hits: &'static [&'static str],
    absent: &'static [&'static str],
    missing: &'static [&'static str],
}

const fn c(
    name: &'static str,
    facts: &'static str,
    verdict: Verdict,
    hits: &'static [&'static str],
    absent: &'static [&'static str],
) -> Case {
    Case {
        name,
        facts,
        verdict,
        hits,
        absent,
        missing: &[],
    }
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // --- gallium / germanium: 2023 No. 23 from 2023-08-01
    c("ga metal day before", r#"{"date":"2023-07-31","description":"gallium ingots 99.99%"}"#, N, &[], &["ga-metal"]),
    c("ga metal effective day", r#"{"date":"2023-08-01","description":"gallium ingots 99.99%"}"#, L, &["ga-metal"], &[]),
    c("GaAs by formula", r#"{"date":"2024-01-10","description":"GaAs wafers 4 inch","destination":"DE"}"#, L, &["ga-arsenide"], &["ga-metal", "ga-ingaas"]),
    c("InGaAs is not GaAs", r#"{"date":"2024-01-10","description":"InGaAs epitaxial wafers"}"#, L, &["ga-ingaas"], &["ga-arsenide"]),
    c("GeO2 by HS code only", r#"{"date":"2024-01-10","hs_code":"2825.60.0002","description":"white powder"}"#, L, &["ge-dioxide"], &[]),
    c("zone-refined germanium, Chinese", r#"{"date":"2024-03-01","description":"区熔锗锭 5N"}"#, L, &["ge-zone-refined"], &["ge-metal"]),
    c("GeCl4 (HS UNCONFIRMED)", r#"{"date":"2024-03-01","description":"germanium tetrachloride, drums"}"#, L, &["ge-tetrachloride"], &[]),
    c("gallium metal under the misprinted code", r#"{"date":"2024-03-01","hs_code":"8110929010","description":"gallium ingots"}"#, L, &["ga-metal", "M3"], &[]),
    c("gallium declared as zinc alloy", r#"{"date":"2025-06-01","hs_code":"7901200000","description":"zinc alloy blocks","composition":{"Ga":99.99}}"#, L, &["ga-metal", "M1"], &[]),
    // --- graphite: 2023 No. 39 from 2023-12-01; all three thresholds
    c("artificial graphite day before", r#"{"date":"2023-11-30","description":"artificial graphite blocks","measurements":{"purity_pct":99.95,"flexural_strength_mpa":45,"density_g_cm3":1.8}}"#, N, &[], &["gr-artificial"]),
    c("C10 melting crucibles", r#"{"date":"2025-03-01","hs_code":"6903100000","description":"graphite crucible for melting","measurements":{"purity_pct":99.91,"flexural_strength_mpa":42.1,"density_g_cm3":1.76}}"#, L, &["gr-artificial", "M3"], &[]),
    c("purity exactly 99.9 fails >", r#"{"date":"2025-03-01","description":"isostatic graphite","measurements":{"purity_pct":99.9,"flexural_strength_mpa":42.1,"density_g_cm3":1.76}}"#, N, &[], &["gr-artificial"]),
    c("flexural 30 fails", r#"{"date":"2025-03-01","description":"isostatic graphite","measurements":{"purity_pct":99.95,"flexural_strength_mpa":30,"density_g_cm3":1.76}}"#, N, &[], &["gr-artificial"]),
    c("flexural 30.1 holds", r#"{"date":"2025-03-01","description":"isostatic graphite","measurements":{"purity_pct":99.95,"flexural_strength_mpa":30.1,"density_g_cm3":1.76}}"#, L, &["gr-artificial"], &[]),
    c("density 1.73 fails", r#"{"date":"2025-03-01","description":"isostatic graphite","measurements":{"purity_pct":99.95,"flexural_strength_mpa":42,"density_g_cm3":1.73}}"#, N, &[], &["gr-artificial"]),
    c("density 1.74 holds", r#"{"date":"2025-03-01","description":"isostatic graphite","measurements":{"purity_pct":99.95,"flexural_strength_mpa":42,"density_g_cm3":1.74}}"#, L, &["gr-artificial"], &[]),
    Case { name: "artificial graphite not measured", facts: r#"{"date":"2025-03-01","description":"synthetic graphite electrodes blocks","measurements":{"density_g_cm3":1.8}}"#, verdict: R, hits: &["gr-artificial"], absent: &[], missing: &["purity_pct", "flexural_strength_mpa"], },
    c("natural flake graphite", r#"{"date":"2024-05-01","description":"spherical graphite for batteries"}"#, L, &["gr-natural-flake"], &["gr-artificial"]),
    c("graphite only mentioned", r#"{"date":"2024-05-01","description":"graphite parts"}"#, R, &["family:graphite"], &[]),
    c("graphite electrodes released", r#"{"date":"2024-05-01","description":"UHP graphite electrode 600mm"}"#, N, &[], &["family:graphite"]),
    // --- antimony: 2024 No. 33 from 2024-09-15
    c("antimony ingot day before", r#"{"date":"2024-09-14","description":"antimony ingots 99.65"}"#, N, &[], &["sb-metal"]),
    c("antimony ingot effective day", r#"{"date":"2024-09-15","description":"antimony ingots 99.65"}"#, L, &["sb-metal"], &[]),
    c("Sb2O3 99.99 holds >=", r#"{"date":"2025-01-10","description":"Sb2O3 powder","measurements":{"purity_pct":99.99}}"#, L, &["sb-oxide"], &["sb-metal"]),
    c("Sb2O3 99.98 fails", r#"{"date":"2025-01-10","description":"antimony trioxide","composition":{"Sb":83.5,"O":16.5},"measurements":{"purity_pct":99.98}}"#, N, &[], &["sb-oxide", "sb-metal"]),
    Case { name: "InSb unmeasured: OR groups", facts: r#"{"date":"2025-01-10","description":"indium antimonide wafers"}"#, verdict: R, hits: &["sb-insb"], absent: &[], missing: &["dislocation_density_per_cm2", "purity_pct"], },
    c("InSb dislocation 49", r#"{"date":"2025-01-10","description":"InSb single crystal","measurements":{"dislocation_density_per_cm2":49}}"#, L, &["sb-insb"], &[]),
    c("InSb dislocation 50 and purity 6N", r#"{"date":"2025-01-10","description":"InSb single crystal","measurements":{"dislocation_density_per_cm2":50,"purity_pct":99.9999}}"#, N, &[], &["sb-insb"]),
    c("trimethylantimony 99.999 fails >", r#"{"date":"2025-01-10","description":"trimethylantimony","measurements":{"purity_pct":99.999}}"#, N, &[], &["sb-organo"]),
    c("trimethylantimony 99.9995 holds", r#"{"date":"2025-01-10","description":"trimethylantimony","measurements":{"purity_pct":99.9995}}"#, L, &["sb-organo"], &[]),
    c("lead-antimony under a lead code", r#"{"date":"2025-05-01","hs_code":"7801910000","description":"lead-antimony alloy ingots"}"#, L, &["sb-metal", "M3"], &[]),
    c("cubic press bore 500", r#"{"date":"2025-01-10","description":"cubic press","measurements":{"cylinder_bore_mm":500,"design_pressure_gpa":4}}"#, L, &["sh-cubic-press"], &[]),
    c("cubic press below both", r#"{"date":"2025-01-10","description":"cubic press","measurements":{"cylinder_bore_mm":499,"design_pressure_gpa":4.9}}"#, N, &[], &["sh-cubic-press"]),
    // --- 2024 No. 46 clause 2 and its suspension by 2025 No. 72
    c("US cl.2 day before", r#"{"date":"2024-12-02","description":"gallium metal","destination":"US","end_use":"civil"}"#, L, &["ga-metal"], &["D-US-2"]),
    c("US cl.2 first day", r#"{"date":"2024-12-03","description":"gallium metal","destination":"US","end_use":"civil"}"#, P, &["ga-metal", "D-US-2"], &[]),
    c("US cl.2 during", r#"{"date":"2025-06-01","description":"germanium ingots","destination":"US","end_use":"civil"}"#, P, &["D-US-2"], &["stale"]),
    c("US cl.2 last day before suspension", r#"{"date":"2025-11-08","description":"antimony ingots","destination":"US","end_use":"civil"}"#, P, &["D-US-2"], &[]),
    c("US cl.2 first day of suspension", r#"{"date":"2025-11-09","description":"antimony ingots","destination":"US","end_use":"civil"}"#, L, &["sb-metal"], &["D-US-2"]),
    c("US cl.2 inside the suspension", r#"{"date":"2026-01-15","description":"gallium metal","destination":"US","end_use":"civil"}"#, L, &["ga-metal"], &["D-US-2"]),
    c("US cl.2 last day of suspension", r#"{"date":"2026-11-27","description":"gallium metal","destination":"US","end_use":"civil"}"#, L, &["ga-metal"], &["D-US-2", "suspension:2024-46:D-US-2"]),
    c("US cl.2 after the suspension", r#"{"date":"2026-11-28","description":"gallium metal","destination":"US","end_use":"civil"}"#, P, &["D-US-2", "suspension:2024-46:D-US-2", "pack-age"], &[]),
    c("US graphite review during", r#"{"date":"2025-06-01","description":"natural flake graphite","destination":"US","end_use":"civil"}"#, L, &["gr-natural-flake", "D-US-GR"], &["D-US-2"]),
    c("rare earths to the US: never clause 2", r#"{"date":"2025-06-01","description":"dysprosium oxide","destination":"US","end_use":"civil"}"#, L, &["re-dy-oxide"], &["D-US-2", "D-US-GR"]),
    // --- military end use: 2024 No. 46 cl. 1 and 2026 No. 1
    c("US military end use", r#"{"date":"2026-01-15","description":"tungsten oxide","destination":"US","end_use":"military"}"#, P, &["w-oxide", "D-US-MIL"], &[]),
    c("US military end user by name", r#"{"date":"2025-06-01","description":"APT","destination":"US","end_use":"civil","end_user":"US Army Contracting Command"}"#, P, &["D-US-MIL"], &[]),
    c("US end use unknown: review the clause", r#"{"date":"2025-06-01","description":"tungsten oxide","destination":"US"}"#, L, &["w-oxide", "D-US-MIL"], &[]),
    c("Japan military before 2026 No. 1", r#"{"date":"2026-01-05","description":"dysprosium metal","destination":"JP","end_use":"military"}"#, L, &["re-dy-metal"], &["D-JP-MIL"]),
    c("Japan military from 2026-01-06", r#"{"date":"2026-01-06","description":"dysprosium metal","destination":"JP","end_use":"military"}"#, P, &["D-JP-MIL"], &[]),
    c("Japan SDF end user", r#"{"date":"2026-02-01","description":"gallium nitride wafers","destination":"JP","end_use":"civil","end_user":"Japan Ground Self-Defense Force"}"#, P, &["D-JP-MIL"], &[]),
    c("Japan civil", r#"{"date":"2026-02-01","description":"gallium nitride wafers","destination":"JP","end_use":"civil"}"#, L, &["ga-gan"], &["D-JP-MIL"]),
    // --- rare earths: 2025 No. 18 from 2025-04-04, no de-minimis
    c("C11 trace Dy 0.18 % in magnets", r#"{"date":"2025-04-30","hs_code":"8505111000","description":"NdFeB permanent magnets","composition":{"Nd":14.0,"Pr":4.71,"Dy":0.18,"Fe":65.0,"B":1.0}}"#, L, &["re-dy-magnet", "M2"], &["re-dy-metal"]),
    c("Dy magnets day before", r#"{"date":"2025-04-03","hs_code":"8505111000","description":"NdFeB permanent magnets","composition":{"Nd":14.0,"Dy":0.36}}"#, N, &[], &["re-dy-magnet"]),
    c("NdFeB without Dy or Tb", r#"{"date":"2025-06-01","hs_code":"8505111000","description":"NdFeB magnets","composition":{"Nd":29.0,"Pr":4.5,"Fe":65.5,"B":1.0}}"#, N, &[], &["re-dy-magnet", "re-tb-magnet"]),
    Case { name: "NdFeB without composition", facts: r#"{"date":"2025-06-01","description":"钕铁硼磁钢"}"#, verdict: R, hits: &["re-dy-magnet", "re-tb-magnet"], absent: &[], missing: &["dy_pct", "tb_pct"], },
    c("C12 measured Dy above the declared composition", r#"{"date":"2025-07-04","description":"NdFeB magnets Pr 4.49%, Nd 13.5%, Fe 65.7%, B 0.95%, Ce 15.36%","composition":{"Dy":0.36,"Nd":13.5},"destination":"CH"}"#, L, &["re-dy-magnet", "M2"], &[]),
    c("declaration string gives Dy", r#"{"date":"2025-06-01","description":"permanent magnets 0|2|Nd 14.00%, Pr 4.71%, Dy 0.18%|no brand"}"#, L, &["re-dy-magnet"], &["M2"]),
    Case { name: "declaration string without Dy is not proof", facts: r#"{"date":"2025-06-01","description":"NdFeB magnets Nd 14.00%, Pr 4.71%"}"#, verdict: R, hits: &["re-dy-magnet"], absent: &[], missing: &["dy_pct", "tb_pct"] },
    c("magnets with Dy composition pick the magnet item", r#"{"date":"2025-06-01","hs_code":"8505111000","description":"magnets","composition":{"Dy":0.18}}"#, L, &["re-dy-magnet"], &["re-dy-metal"]),
    c("磁 with Tb composition picks the Tb magnet", r#"{"date":"2025-06-01","description":"磁体","composition":{"Tb":0.5}}"#, L, &["re-tb-magnet"], &["re-tb-metal"]),
    c("Dy declared as iron alloy", r#"{"date":"2025-07-01","hs_code":"7202999000","description":"iron alloy","composition":{"Dy":80,"Fe":20}}"#, L, &["re-dy-metal", "M1"], &[]),
    // --- 2025 No. 10 from 2025-02-04: W, Bi, Te, In
    c("tungsten oxide day before", r#"{"date":"2025-02-03","description":"tungsten oxide"}"#, N, &[], &["w-oxide"]),
    c("tungsten oxide effective day", r#"{"date":"2025-02-04","description":"tungsten oxide"}"#, L, &["w-oxide"], &[]),
    c("W 97 % solid", r#"{"date":"2025-06-01","description":"tungsten alloy bars","composition":{"W":97,"Ni":2,"Fe":1}}"#, L, &["w-solid"], &[]),
    c("W 96.9 % solid", r#"{"date":"2025-06-01","description":"tungsten alloy bars","composition":{"W":96.9,"Ni":2.1,"Fe":1}}"#, N, &[], &["w-solid"]),
    c("W-Cu 80/20", r#"{"date":"2025-06-01","description":"tungsten copper electrodes","composition":{"W":80,"Cu":20}}"#, L, &["w-solid"], &[]),
    c("W-Ag with Ag 1.9 %", r#"{"date":"2025-06-01","description":"tungsten silver contacts","composition":{"W":80,"Ag":1.9,"Ni":18.1}}"#, N, &[], &["w-solid"]),
    c("C8 Sn-Bi solder paste Bi 55.3 %", r#"{"date":"2025-03-18","hs_code":"3810102000","description":"solder paste, low-temperature tin paste","composition":{"Sn":42,"Bi":55.3},"destination":"TH"}"#, L, &["bi-alloy", "M3"], &[]),
    c("Sn-Bi solder before 2025 No. 10", r#"{"date":"2025-02-03","description":"low-temperature tin paste","composition":{"Sn":42,"Bi":55.3}}"#, N, &[], &["bi-alloy"]),
    c("Bi 3 % solder: UNCONFIRMED threshold", r#"{"date":"2025-06-01","description":"solder wire","composition":{"Sn":96,"Bi":3,"Ag":1}}"#, R, &["bi-alloy"], &[]),
    c("bismuth trioxide reported not covered", r#"{"date":"2025-06-01","description":"bismuth trioxide 99.99"}"#, N, &[], &["bi-metal", "bi-alloy"]),
    c("CdTe: criteria UNCONFIRMED", r#"{"date":"2025-06-01","description":"CdTe targets"}"#, R, &["te-cdte"], &[]),
    c("indium metal reported not listed", r#"{"date":"2026-02-01","hs_code":"8112923010","description":"indium ingots 4N5"}"#, N, &[], &["in-metal"]),
    // --- suspended, never effective: 2025 Nos. 55-58 (2025 No. 70)
    c("holmium before planned date", r#"{"date":"2025-11-06","description":"holmium metal"}"#, N, &[], &["re-ho"]),
    c("holmium inside the suspension", r#"{"date":"2026-01-15","description":"holmium metal","composition":{"Ho":99.9}}"#, N, &[], &["re-ho", "suspension:2025-57"]),
    c("holmium after the suspension", r#"{"date":"2026-11-11","description":"holmium metal"}"#, L, &["re-ho", "suspension:2025-57"], &[]),
    c("diamond micropowder inside the suspension", r#"{"date":"2026-01-15","description":"diamond micropowder","measurements":{"particle_size_um":10}}"#, N, &[], &["sh2-micropowder"]),
    // --- other
    c("6-digit HS covering reference codes", r#"{"date":"2025-06-01","hs_code":"2825 90","description":"oxide powder"}"#, R, &["ga-oxide", "w-oxide"], &["ge-dioxide"]),
    c("HS code shared by two graphite items", r#"{"date":"2025-06-01","hs_code":"3801909010","description":"carbon products"}"#, R, &["gr-artificial", "gr-natural-flake"], &[]),
    c("ordinary goods", r#"{"date":"2025-06-01","hs_code":"6109100000","description":"cotton t-shirts","destination":"US"}"#, N, &[], &[]),
    c("pack age stale", r#"{"date":"2026-10-01","description":"gallium metal","destination":"DE"}"#, L, &["ga-metal", "pack-age"], &[]),
];

fn pack() -> RulePack {
    RulePack::parse(EMBEDDED_PACK, "embedded").unwrap()
}

fn has(s: &Screening, id: &str) -> bool {
    s.hits
        .iter()
        .any(|h| h.rule_id == id || (id == "stale" && h.kind == HitKind::Stale))
}

#[test]
fn screening_table() {
    assert!(CASES.len() >= 40, "{} cases", CASES.len());
    let pack = pack();
    let mut failures = Vec::new();
    for case in CASES {
        let facts = Facts::from_json(case.facts).unwrap_or_else(|e| panic!("{}: {e}", case.name));
        let s = screen(&pack, &facts);
        let mut why = Vec::new();
        if s.verdict != case.verdict {
            why.push(format!(
                "verdict {:?}, expected {:?}",
                s.verdict, case.verdict
            ));
        }
        for id in case.hits.iter().filter(|id| !has(&s, id)) {
            why.push(format!("no hit {id}"));
        }
        for id in case.absent.iter().filter(|id| has(&s, id)) {
            why.push(format!("unexpected hit {id}"));
        }
        for m in case
            .missing
            .iter()
            .filter(|m| !s.missing_measurements.iter().any(|x| x == *m))
        {
            why.push(format!("missing_measurements lacks {m}"));
        }
        if !why.is_empty() {
            let hits: Vec<String> = s
                .hits
                .iter()
                .map(|h| {
                    format!(
                        "  {:?} {} [{:?}] {}",
                        h.kind, h.rule_id, h.effect, h.message
                    )
                })
                .collect();
            failures.push(format!(
                "{}: {}\n{}\n  notes: {:?}\n  missing: {:?}",
                case.name,
                why.join("; "),
                hits.join("\n"),
                s.notes,
                s.missing_measurements
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn hits_cite_their_legal_basis() {
    let pack = pack();
    let facts = Facts::from_json(r#"{"date":"2025-04-30","hs_code":"8505111000","description":"NdFeB magnets","composition":{"Dy":0.18},"licence_no":"LIC-2025-001"}"#).unwrap();
    let s = screen(&pack, &facts);
    let h = s.hits.iter().find(|h| h.rule_id == "re-dy-magnet").unwrap();
    assert_eq!(h.announcement, "2025 No. 18");
    assert_eq!(h.control_code.as_deref(), Some("1C905.a.4"));
    assert!(h.message.contains("LIC-2025-001"), "{}", h.message);
    assert_eq!(
        s.verdict,
        Verdict::LicenceRequired,
        "a licence number does not remove licence_required"
    );
    assert_eq!(s.families, vec!["rare_earth".to_string()]);
    assert_eq!(s.rule_pack.version, pack.pack.version);
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["verdict"], "licence_required");
    assert_eq!(json["hits"][0]["kind"], "item");
}

#[test]
fn suspended_announcement_explains_itself() {
    let pack = pack();
    let facts = Facts::from_json(r#"{"date":"2026-01-15","description":"holmium metal"}"#).unwrap();
    let s = screen(&pack, &facts);
    assert!(
        s.notes
            .iter()
            .any(|n| n.contains("2025 No. 70") && n.contains("2026-11-10")),
        "{:?}",
        s.notes
    );
    let after = screen(
        &pack,
        &Facts::from_json(
            r#"{"date":"2026-11-28","description":"gallium metal","destination":"US"}"#,
        )
        .unwrap(),
    );
    let stale = after
        .hits
        .iter()
        .find(|h| h.rule_id == "suspension:2024-46:D-US-2")
        .unwrap();
    assert!(
        stale.message.contains("2026-11-27") && stale.message.contains("Confirm"),
        "{}",
        stale.message
    );
}

#[test]
fn every_measurement_is_documented_and_every_criterion_uses_one() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (name, _, _) in minspect::rules::MEASUREMENTS {
        assert!(
            readme.contains(&format!("| `{name}` |")),
            "README lacks measurement {name}"
        );
    }
    let pack = pack();
    for item in &pack.items {
        for c in &item.criteria {
            assert!(
                minspect::rules::is_known_measurement(&c.measurement),
                "{}: {}",
                item.id,
                c.measurement
            );
        }
    }
}

#[test]
fn screening_is_deterministic_and_orders_reasons_first() {
    let pack = pack();
    let f = Facts::from_json(r#"{"date":"2026-11-28","hs_code":"7901200000","description":"zinc blocks","composition":{"Ga":99.9},"destination":"US","end_use":"military"}"#).unwrap();
    let a = screen(&pack, &f);
    assert_eq!(a, screen(&pack, &f));
    assert_eq!(a.verdict, Verdict::Prohibited);
    let first_minor = a
        .hits
        .iter()
        .position(|h| h.effect == Verdict::NotControlled)
        .unwrap();
    assert!(
        a.hits[first_minor..]
            .iter()
            .all(|h| matches!(h.kind, HitKind::RedFlag | HitKind::Stale))
    );
    for id in ["D-US-MIL", "D-US-2", "M1"] {
        assert!(a.hits.iter().any(|h| h.rule_id == id), "{id}");
    }
}

#[test]
fn an_element_not_measured_is_not_reported_as_measured_zero() {
    let pack = pack();
    let facts = Facts::from_json(r#"{"date":"2025-07-04","description":"NdFeB permanent magnets","composition":{"Nd":13.5,"Dy":0.36}}"#).unwrap();
    let s = screen(&pack, &facts);
    let note = s
        .notes
        .iter()
        .find(|n| n.contains("re-tb-magnet"))
        .expect("Tb magnet note");
    assert!(note.contains("Tb not measured"), "{note}");
    assert!(!note.contains("measured tb_pct 0"), "{note}");
    // a value that was given is still reported as measured
    let facts = Facts::from_json(r#"{"date":"2025-07-04","description":"NdFeB permanent magnets","composition":{"Nd":13.5,"Dy":0.36,"Tb":0}}"#).unwrap();
    let s = screen(&pack, &facts);
    let note = s
        .notes
        .iter()
        .find(|n| n.contains("re-tb-magnet"))
        .expect("Tb magnet note");
    assert!(note.contains("measured tb_pct 0 (needs > 0)"), "{note}");
}

/// Every reason that has a message id reads, rendered in English from the catalogue,
/// exactly as the English text the screening stores; in Chinese it speaks from the
/// pack's Chinese names, never falling back to English.
#[test]
fn reasons_with_ids_render_as_their_stored_english_and_in_chinese() {
    use minspect::i18n::{self, Lang};
    use minspect::report::screening::hit_text;
    let pack = pack();
    let (mut items, mut with_ids) = (0, 0);
    for case in CASES {
        let s = screen(&pack, &Facts::from_json(case.facts).unwrap());
        for h in &s.hits {
            if h.kind == HitKind::Item {
                items += 1;
                assert!(
                    h.msg().is_some(),
                    "{}: item hit {} has no id",
                    case.name,
                    h.rule_id
                );
            }
            let Some(m) = h.msg() else { continue };
            with_ids += 1;
            assert_eq!(
                i18n::msg(Lang::En, &m),
                h.message,
                "{}: {}",
                case.name,
                m.id
            );
            let zh = hit_text(Lang::Zh, h);
            assert!(!zh.contains("English only"), "{}: {zh}", case.name);
            let name_zh = match h.rule_id.strip_prefix("family:") {
                Some(f) => pack.families.iter().find(|x| x.id == f).map(|x| &x.name_zh),
                None => pack
                    .items
                    .iter()
                    .find(|i| i.id == h.rule_id)
                    .map(|i| &i.name_zh),
            };
            if let Some(name) = name_zh.filter(|_| h.kind == HitKind::Item) {
                assert!(zh.contains(name.as_str()), "{}: {zh}", case.name);
            }
        }
        for (i, note) in s.notes.iter().enumerate() {
            if let Some(Some(m)) = s.note_msgs.get(i) {
                assert_eq!(&i18n::msg(Lang::En, m), note, "{}: {}", case.name, m.id);
            }
        }
    }
    assert!(
        items > 20 && with_ids >= items,
        "{items} item hits, {with_ids} with ids"
    );
}
