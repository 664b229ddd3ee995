//! The layers below the words (`domain`, `rules`, `store`, `sync`) say a user-facing
//! problem as a message id with arguments (`domain::Msg`), not as an English sentence
//! (issue 16). A check reads every error constructor (`FieldError::new(..)`,
//! `StoreError::Invalid(..)`, `SyncError::Refused(..)`...) and counts the English sentence
//! literals inside its parentheses; files not yet converted are held to a baseline
//! (`problems_baseline.txt`) that may only go down, and a new file starts at zero.

use std::collections::BTreeMap;

use crate::catalogue::{is_words, literals};
use crate::sources;

const BASELINE: &str = include_str!("problems_baseline.txt");
const HEADER: &str = "# English sentences still built in error constructors of domain, rules, store, sync (tests/architecture/catalogue_problems.rs).\n# Counts may only go down: return a domain::Msg id instead. MINSPECT_WRITE_I18N_BASELINE=1 cargo test --test architecture rewrites it.\n";
const LOWER: &[&str] = &["src/domain/", "src/rules/", "src/store/", "src/sync/"];
/// The constructors of the problems a person reads.
const CONSTRUCTORS: &[&str] = &[
    "FieldError::new(",
    "StoreError::Invalid(",
    "StoreError::NotFound(",
    "StoreError::ReadOnly(",
    "SyncError::Refused(",
    "SyncError::Incomplete(",
    "PackError::new(",
    "FactsError::new(",
];

/// The text inside the parentheses opened at `open` (strings skipped while counting).
fn call_args(code: &str, open: usize) -> &str {
    let bytes = code.as_bytes();
    let (mut depth, mut i, mut in_str) = (0usize, open, false);
    while i < bytes.len() {
        match (in_str, bytes[i]) {
            (true, b'\\') => i += 1,
            (true, b'"') | (false, b'"') => in_str = !in_str,
            (false, b'(') => depth += 1,
            (false, b')') => {
                depth -= 1;
                if depth == 0 {
                    return &code[open..=i];
                }
            }
            _ => {}
        }
        i += 1;
    }
    &code[open..]
}

/// (line, literal) of each English sentence inside a problem constructor of `text`.
pub(crate) fn sentences_in_constructors(text: &str) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    for ctor in CONSTRUCTORS {
        let mut from = 0;
        while let Some(at) = code[from..].find(ctor) {
            let start = from + at;
            let open = start + ctor.len() - 1;
            let args = call_args(code, open);
            let line = code[..start].lines().count().max(1);
            for (n, lit) in literals(args) {
                if is_words(&lit) {
                    out.push((line + n - 1, lit));
                }
            }
            from = open + 1;
        }
    }
    out
}

fn counts() -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for s in sources() {
        if !LOWER.iter().any(|p| s.rel.starts_with(p)) {
            continue;
        }
        let n = sentences_in_constructors(&s.text).len();
        if n > 0 {
            out.insert(s.rel.clone(), n);
        }
    }
    out
}

#[test]
fn lower_layers_say_problems_as_ids_not_new_english_sentences() {
    let baseline: BTreeMap<&str, usize> = BASELINE
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.rsplit_once(' '))
        .map(|(p, n)| (p.trim(), n.trim().parse().unwrap()))
        .collect();
    let now = counts();
    if std::env::var_os("MINSPECT_WRITE_I18N_BASELINE").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/architecture/problems_baseline.txt"
        );
        let mut text = String::from(HEADER);
        for (file, n) in &now {
            text.push_str(&format!("{file} {n}\n"));
        }
        std::fs::write(path, text).unwrap();
        return;
    }
    let mut problems = Vec::new();
    for (file, n) in &now {
        let allowed = baseline.get(file.as_str()).copied().unwrap_or(0);
        if *n > allowed {
            problems.push(format!(
                "{file}: {n} English sentences in error constructors, {allowed} allowed: return a domain::Msg (an id in src/i18n/*/errors.ftl) instead"
            ));
        }
    }
    for (file, allowed) in &baseline {
        let n = now.get(*file).copied().unwrap_or(0);
        if n < *allowed {
            problems.push(format!(
                "{file}: now {n}; lower its line in problems_baseline.txt to {n}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_problem_check_sees_a_sentence_in_a_constructor_and_not_an_id() {
    let code = "fn f() {\n    return Err(FieldError::new(\n        \"hs_code\",\n        format!(\"'{x}' is not an HS code\"),\n    ));\n}\nfn g() { Err(StoreError::Invalid(Msg::new(\"store-not-found\").arg(\"id\", x))) }\n";
    let found = sentences_in_constructors(code);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, 4);
    assert!(found[0].1.contains("is not an HS code"));
}
