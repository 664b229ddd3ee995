//! Budgets (DESIGN.md §10): rule search and screening under 1 ms, also with the party
//! lists loaded (the embedded pack carries them: 230 parties, ~430 names and aliases).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use minspect::rules::{
    EMBEDDED_PACK, Facts, RulePack, ScreeningIndex, screen, search, search_parties,
};

const FACTS: &[(&str, &str)] = &[
    (
        "dy_magnets_red_flag",
        r#"{"date":"2025-04-30","hs_code":"8505111000","description":"NdFeB permanent magnets, 17 models, N52","composition":{"Nd":14.0,"Pr":4.71,"Gd":0.33,"Dy":0.18,"Fe":65.0,"B":1.0},"destination":"CH","end_use":"civil","end_user":"Magnet Trading AG"}"#,
    ),
    (
        "gallium_us_after_suspension",
        r#"{"date":"2026-11-28","hs_code":"8112929010","description":"gallium metal ingots 6N","destination":"US","end_use":"unknown","licence_no":"LIC-2026-0042"}"#,
    ),
    (
        "graphite_crucibles_measured",
        r#"{"date":"2025-03-01","hs_code":"6903100000","description":"graphite crucible for melting, 301 pieces","measurements":{"purity_pct":99.91,"flexural_strength_mpa":42.1,"density_g_cm3":1.76},"destination":"KR"}"#,
    ),
    (
        "parties_listed_consignee",
        r#"{"date":"2026-01-15","hs_code":"8112929010","description":"gallium metal ingots 6N","destination":"CH","consignee":"Lockheed Martin Corp.","end_user":"Skydio","intermediaries":["Andrill Industries","Swiss Forwarding AG"]}"#,
    ),
    (
        "parties_unlisted_names",
        r#"{"date":"2026-01-15","hs_code":"6109100000","description":"cotton t-shirts","destination":"DE","consignee":"Hamburg Textile Import GmbH","end_user":"Nordic Retail Group AB","intermediaries":["Rotterdam Freight Services B.V.","Mitsubishi Motors Europe"]}"#,
    ),
    (
        "ordinary_goods",
        r#"{"date":"2025-06-01","hs_code":"6109100000","description":"cotton t-shirts, knitted, men's","destination":"DE","end_use":"civil"}"#,
    ),
];

fn bench(c: &mut Criterion) {
    let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
    let facts: Vec<(&str, Facts)> = FACTS
        .iter()
        .map(|(n, j)| (*n, Facts::from_json(j).unwrap()))
        .collect();
    let index = ScreeningIndex::new(&pack);
    for (name, f) in &facts {
        c.bench_function(&format!("screen/{name}"), |b| {
            b.iter(|| screen(black_box(&pack), black_box(f)))
        });
        c.bench_function(&format!("screen_indexed/{name}"), |b| {
            b.iter(|| index.screen(black_box(f)))
        });
    }
    assert!(pack.parties.len() > 200, "the party lists are loaded");
    for q in ["Lockheed Martin", "洛克希德", "Rheinmettal"] {
        c.bench_function(&format!("search_parties/{q}"), |b| {
            b.iter(|| search_parties(black_box(&pack), black_box(q)))
        });
    }
    for q in ["gallium", "镓", "GaAs", "2825", "1C117"] {
        c.bench_function(&format!("search/{q}"), |b| {
            b.iter(|| search(black_box(&pack), black_box(q)))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
