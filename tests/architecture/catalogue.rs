//! The message catalogue (issue 16): both languages parse and hold the same ids, every id
//! the code names exists, and no new user-facing English literal appears in the layers that
//! speak (`tui`, `cli`, `report`). Files not yet converted are held to a baseline count
//! (`i18n_baseline.txt`) that may only go down; a new file starts at zero.

use std::collections::{BTreeMap, BTreeSet};

use minspect::i18n::{self, EN_FILES, Files, Lang, ZH_FILES};

use crate::sources;

const BASELINE: &str = include_str!("i18n_baseline.txt");
const HEADER: &str = "# English literals still to move into the catalogue, per file (tests/architecture/catalogue.rs).\n# Counts may only go down. MINSPECT_WRITE_I18N_BASELINE=1 cargo test --test architecture rewrites it.\n";
const SPEAKING: &[&str] = &["src/tui/", "src/cli/", "src/report/"];

/// The ids of every file of a language, in order.
fn ids(files: Files) -> Vec<String> {
    let mut out = Vec::new();
    for (name, text) in files {
        let (ids, errors) = i18n::ids_of(text);
        assert!(errors.is_empty(), "src/i18n/{name}: {errors:?}");
        out.extend(ids);
    }
    out
}

#[test]
fn both_languages_parse_and_hold_the_same_ids_once() {
    let en = ids(EN_FILES);
    let zh = ids(ZH_FILES);
    let names = |f: Files| {
        f.iter()
            .map(|(n, _)| n[3..].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(EN_FILES),
        names(ZH_FILES),
        "the same files in en/ and zh/"
    );
    for (name, list) in [("en", &en), ("zh", &zh)] {
        let mut seen = BTreeSet::new();
        let twice: Vec<&String> = list.iter().filter(|i| !seen.insert(*i)).collect();
        assert!(twice.is_empty(), "{name}: ids written twice: {twice:?}");
    }
    let (en, zh): (BTreeSet<_>, BTreeSet<_>) = (en.into_iter().collect(), zh.into_iter().collect());
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(only_en.is_empty(), "in en.ftl only: {only_en:?}");
    assert!(only_zh.is_empty(), "in zh.ftl only: {only_zh:?}");
    for id in &en {
        let (e, z) = (i18n::text(Lang::En, id), i18n::text(Lang::Zh, id));
        assert!(
            !e.trim().is_empty() && !z.trim().is_empty(),
            "{id}: an empty text"
        );
    }
}

/// The id prefixes the catalogue uses (`key`, `action`, `status`...).
fn prefixes() -> BTreeSet<String> {
    ids(EN_FILES)
        .iter()
        .filter_map(|i| i.split_once('-').map(|(p, _)| p.to_string()))
        .collect()
}

/// String literals of `text` (non-test code), with their line numbers.
pub(crate) fn literals(text: &str) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("//") || t.starts_with("#[") {
            continue;
        }
        let mut rest = line;
        while let Some(a) = rest.find('"') {
            let after = &rest[a + 1..];
            let Some(b) = after.find('"') else { break };
            out.push((n + 1, after[..b].to_string()));
            rest = &after[b + 1..];
        }
    }
    out
}

#[test]
fn every_catalogue_id_the_code_names_exists() {
    let known: BTreeSet<String> = ids(EN_FILES).into_iter().collect();
    let prefixes = prefixes();
    let mut missing = Vec::new();
    for s in sources() {
        for (line, lit) in literals(&s.text) {
            let looks_like_id = lit
                .split_once('-')
                .is_some_and(|(p, rest)| prefixes.contains(p) && !rest.is_empty())
                && lit
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
            if looks_like_id && !known.contains(&lit) {
                missing.push(format!("{}:{line}: {lit}", s.rel));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "ids not in the catalogue:\n{}",
        missing.join("\n")
    );
}

/// Key caps: the names printed on the keys, the same in both languages (issue 16: keys
/// stay the same), so the help's key column is not words to translate.
const KEY_CAPS: &[&str] = &["Space", "Enter", "Bksp", "Home"];

/// A literal that reads as words to a person: two words of two or more letters, or a
/// capitalised word (`Destination`, `Verdict:`).
pub(crate) fn is_words(lit: &str) -> bool {
    if KEY_CAPS.contains(&lit) {
        return false;
    }
    let w: Vec<&str> = lit.split(|c: char| !c.is_ascii_alphabetic()).collect();
    let two = w.windows(2).any(|p| p[0].len() >= 2 && p[1].len() >= 2) && lit.contains(' ');
    let capitalised = w.iter().any(|word| {
        let mut c = word.chars();
        c.next().is_some_and(|f| f.is_ascii_uppercase())
            && word.len() >= 4
            && c.all(|x| x.is_ascii_lowercase())
    });
    two || capitalised
}

fn counts() -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for s in sources() {
        if !SPEAKING.iter().any(|p| s.rel.starts_with(p)) {
            continue;
        }
        let n = literals(&s.text)
            .iter()
            .filter(|(_, l)| is_words(l))
            .count();
        if n > 0 {
            out.insert(s.rel.clone(), n);
        }
    }
    out
}

#[test]
fn no_new_english_literal_in_the_layers_that_speak() {
    let baseline: BTreeMap<&str, usize> = BASELINE
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.rsplit_once(' '))
        .map(|(p, n)| (p.trim(), n.trim().parse().unwrap()))
        .collect();
    let mut problems = Vec::new();
    let now = counts();
    if std::env::var_os("MINSPECT_WRITE_I18N_BASELINE").is_some() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/architecture/i18n_baseline.txt"
        );
        let mut text = String::from(HEADER);
        for (file, n) in &now {
            text.push_str(&format!("{file} {n}\n"));
        }
        std::fs::write(path, text).unwrap();
        return;
    }
    for (file, n) in &now {
        let allowed = baseline.get(file.as_str()).copied().unwrap_or(0);
        if *n > allowed {
            problems.push(format!(
                "{file}: {n} English literals, {allowed} allowed: put the new text in src/i18n/en.ftl and zh.ftl"
            ));
        }
    }
    for (file, allowed) in &baseline {
        let n = now.get(*file).copied().unwrap_or(0);
        if n < *allowed {
            problems.push(format!(
                "{file}: now {n}; lower its line in i18n_baseline.txt to {n}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_verdict_kind_and_role_has_words_in_both_languages() {
    use minspect::domain::Role;
    use minspect::rules::Verdict;
    let mut ids: Vec<String> = [
        Verdict::NotControlled,
        Verdict::NeedsReview,
        Verdict::LicenceRequired,
        Verdict::Prohibited,
    ]
    .iter()
    .map(|v| format!("verdict-{}", v.as_str()))
    .collect();
    ids.extend(
        [Role::Officer, Role::Supervisor, Role::Trainer]
            .iter()
            .map(|r| format!("role-{}", r.as_str())),
    );
    for id in ids {
        for lang in Lang::ALL {
            assert!(i18n::has(lang, &id), "{id} missing in {lang:?}");
        }
    }
}
