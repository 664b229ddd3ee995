//! Sibling items that share an HS code, over the whole embedded pack: the description of
//! one item (its Chinese name or first keyword) never makes another item that shares its
//! code a reason for review; with no description the HS-only match still needs review.

use minspect::domain::HsCode;
use minspect::rules::pack::Item;
use minspect::rules::{EMBEDDED_PACK, Facts, RulePack, Verdict, screen};

fn name_of(i: &Item) -> Option<String> {
    match i.name_zh.trim() {
        "" => i.keywords.first().cloned(),
        zh => Some(zh.to_string()),
    }
}

/// Whether `desc` mentions `b` by one of its own words (then `b` is named, not a sibling).
fn mentions(desc: &str, b: &Item) -> bool {
    let d = desc.to_lowercase();
    b.keywords
        .iter()
        .chain(b.generic_keywords.iter())
        .chain(std::iter::once(&b.name_zh))
        .chain(b.formulae.iter())
        .any(|w| !w.trim().is_empty() && d.contains(&w.to_lowercase()))
}

fn controlled(i: &Item) -> bool {
    !i.technology && i.licence_required
}

#[test]
fn the_description_of_one_sibling_is_no_reason_to_review_the_other() {
    let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
    let (mut pairs, mut reviewed_without) = (0, 0);
    for a in pack.items.iter().filter(|i| controlled(i)) {
        let Some(desc) = name_of(a) else { continue };
        for b in pack.items.iter().filter(|i| controlled(i) && i.id != a.id) {
            if mentions(&desc, b) {
                continue;
            }
            for ca in &a.hs_codes {
                for cb in &b.hs_codes {
                    let code = match (&ca.code, &cb.code) {
                        (x, y) if x.starts_with(y.as_str()) => x.clone(),
                        (x, y) if y.starts_with(x.as_str()) => y.clone(),
                        _ => continue,
                    };
                    let code = format!("{code:0<6}");
                    let facts = |description: &str| Facts {
                        date: Some(pack.pack.published),
                        hs_code: Some(HsCode::parse(&code).unwrap()),
                        description: description.into(),
                        ..Facts::default()
                    };
                    let s = screen(&pack, &facts(&desc));
                    let bad: Vec<_> = s
                        .hits
                        .iter()
                        .filter(|h| h.rule_id == b.id && h.effect >= Verdict::NeedsReview)
                        .collect();
                    assert!(
                        bad.is_empty(),
                        "HS {code}, description {desc:?} ({}) made {} a reason: {:?}",
                        a.id,
                        b.id,
                        bad[0].message
                    );
                    pairs += 1;
                    let alone = screen(&pack, &facts(""));
                    if alone
                        .hits
                        .iter()
                        .any(|h| h.rule_id == b.id && h.effect == Verdict::NeedsReview)
                    {
                        reviewed_without += 1;
                    }
                }
            }
        }
    }
    assert!(pairs > 50, "{pairs} pairs");
    assert!(reviewed_without > 20, "{reviewed_without} of {pairs}");
}

#[test]
fn the_note_names_both_items() {
    let pack = RulePack::parse(EMBEDDED_PACK, "embedded").unwrap();
    let shared: Vec<&Item> = pack
        .items
        .iter()
        .filter(|i| controlled(i) && i.hs_codes.iter().any(|h| h.code == "2805301910"))
        .collect();
    assert!(
        shared.len() >= 2,
        "{:?}",
        shared.iter().map(|i| &i.id).collect::<Vec<_>>()
    );
    let a = shared[0];
    let facts = Facts {
        date: Some(pack.pack.published),
        hs_code: Some(HsCode::parse("2805301910").unwrap()),
        description: name_of(a).unwrap(),
        ..Facts::default()
    };
    let s = screen(&pack, &facts);
    let at = s
        .notes
        .iter()
        .position(|n| n.contains(&shared[1].id))
        .unwrap_or_else(|| panic!("{:?}", s.notes));
    let note = &s.notes[at];
    let said = s.note_msgs[at].as_ref().unwrap();
    assert_eq!(&minspect::i18n::msg(minspect::domain::Lang::En, said), note);
    assert!(
        note.starts_with("HS 2805301910 also covers") && note.contains(&a.id),
        "{note}"
    );
    let alone = Facts {
        description: String::new(),
        ..facts
    };
    assert_eq!(screen(&pack, &alone).verdict, Verdict::NeedsReview);
}
