//! The rules that keep the house (DESIGN.md §2, issue 10): the folders, the layer order as a
//! table of allowed edges, no import circle between modules at any level, external crates in
//! their one layer, the file cap, `impl App` only in `tui/app*`, and a keymap that imports no
//! screen. Reads `src/**`; each check is its own test and names file and line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

mod catalogue;
mod catalogue_problems;
mod checker_tests;
mod circles;
mod paths;
mod source;

pub(crate) use circles::*;
pub(crate) use paths::*;
pub(crate) use source::*;

/// The top-level folders of `src/`.
pub(crate) const FOLDERS: &[&str] = &[
    "domain", "rules", "store", "sync", "i18n", "report", "fixture", "cli", "tui",
];

/// Folders that must exist below them.
pub(crate) const SUB_FOLDERS: &[&str] = &[
    "store/db",
    "store/record",
    "store/chain",
    "store/device",
    "store/hq",
    "store/rules",
    "store/query",
    "tui/screens/record",
    "tui/screens/rules",
    "tui/screens/shipments",
    "tui/screens/sync",
    "tui/screens/review",
    "tui/screens/setup",
    "tui/keymap",
];

/// The layer order: each top-level module (and `main.rs`) with the modules it may import.
pub(crate) const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("rules", &["domain"]),
    ("store", &["domain", "rules"]),
    ("sync", &["domain", "rules", "store"]),
    ("i18n", &["domain"]),
    ("report", &["domain", "rules", "store", "sync", "i18n"]),
    ("fixture", &["domain", "rules", "store"]),
    (
        "cli",
        &[
            "domain", "rules", "store", "sync", "i18n", "report", "fixture",
        ],
    ),
    (
        "tui",
        &[
            "domain", "rules", "store", "sync", "i18n", "report", "fixture",
        ],
    ),
    ("main.rs", &["cli", "tui"]),
];

/// External crates and the only places (prefixes of paths under the crate root) that may name them.
pub(crate) const CRATES: &[(&str, &[&str])] = &[
    ("rusqlite", &["src/store/"]),
    ("ratatui", &["src/tui/"]),
    ("crossterm", &["src/tui/"]),
    ("ratatui_textarea", &["src/tui/"]),
    ("clap", &["src/main.rs", "src/cli/"]),
    ("fluent_bundle", &["src/i18n/"]),
    ("fluent_syntax", &["src/i18n/"]),
];

pub(crate) const MAX_LINES: usize = 400;

/// Integration-test binaries (each links the whole crate).
const MAX_TEST_BINARIES: usize = 6;

#[test]
fn the_folders_of_the_house_exist() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let missing: Vec<String> = FOLDERS
        .iter()
        .chain(SUB_FOLDERS)
        .filter(|f| !src.join(f).is_dir())
        .map(|f| format!("src/{f}/ is missing"))
        .collect();
    assert!(missing.is_empty(), "folders:\n{}", missing.join("\n"));
}

#[test]
fn layers_import_only_along_allowed_edges() {
    let bad: Vec<String> = edges(&sources())
        .into_iter()
        .filter_map(|e| {
            let from = e.from.first()?.as_str();
            let to = e.to.first()?.as_str();
            let allowed = ALLOWED.iter().find(|(m, _)| *m == from)?.1;
            (from != to && !allowed.contains(&to)).then(|| {
                format!(
                    "{}: {from} may not import {to} (allowed: {allowed:?})",
                    e.at
                )
            })
        })
        .collect();
    assert!(bad.is_empty(), "forbidden edges:\n{}", bad.join("\n"));
}

#[test]
fn no_import_circle_between_modules() {
    let circles = import_circles(&edges(&sources()));
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

fn names_crate(line: &str, krate: &str) -> bool {
    let toks = tokens(line);
    toks.iter().enumerate().any(|(i, (_, t))| {
        t == krate
            && (i == 0 || toks[i - 1].1 != "::")
            && (toks.get(i + 1).is_some_and(|n| n.1 == "::" || n.1 == ";")
                || (i > 0 && toks[i - 1].1 == "use"))
    })
}

#[test]
fn external_crates_stay_in_their_layer() {
    let mut bad = Vec::new();
    for s in sources() {
        for (n, line) in strip(&s.text).lines().enumerate() {
            for (krate, allowed) in CRATES {
                if names_crate(line, krate) && !allowed.iter().any(|a| s.rel.starts_with(a)) {
                    bad.push(format!(
                        "{}:{}: names `{krate}` outside {allowed:?}: {}",
                        s.rel,
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "crates out of place:\n{}", bad.join("\n"));
}

/// Every Rust file of the project: the sources, the tests, the benchmarks, the examples.
fn every_rust_file() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["src", "tests", "benches", "examples"] {
        walk(root, &root.join(dir), &mut out);
    }
    out
}

#[test]
fn files_stay_small() {
    let big: Vec<String> = every_rust_file()
        .iter()
        .filter_map(|s| {
            let n = s.text.lines().count();
            (n > MAX_LINES).then(|| format!("{}:{n}: {n} lines > {MAX_LINES}", s.rel))
        })
        .collect();
    assert!(big.is_empty(), "split these files:\n{}", big.join("\n"));
}

#[test]
fn a_few_test_binaries_each_a_folder() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut binaries = Vec::new();
    for entry in std::fs::read_dir(&tests).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if p.is_file() && name.ends_with(".rs") {
            binaries.push(name);
        } else if p.join("main.rs").is_file() {
            binaries.push(format!("{name}/"));
        }
    }
    binaries.sort();
    assert!(
        binaries.len() <= MAX_TEST_BINARIES,
        "{} integration-test binaries (at most {MAX_TEST_BINARIES}): {binaries:?}",
        binaries.len()
    );
}

/// The text of a source file before its unit tests (`#[cfg(test)]` and what follows).
fn program_part(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

#[test]
fn test_support_only_adds_items() {
    // the feature gates whole items (a module, a re-export, an impl block), never a
    // statement inside the program's own functions: it cannot change runtime behaviour
    let mut bad = Vec::new();
    for s in sources() {
        let lines: Vec<&str> = s.text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            if !line.contains("feature = \"test-support\"") {
                continue;
            }
            let item = lines[n + 1..]
                .iter()
                .find(|l| !l.trim_start().starts_with("#[") && !l.trim_start().starts_with("//"));
            let ok = line.starts_with("#[cfg(")
                && item.is_some_and(|l| {
                    ["mod ", "pub mod ", "pub use ", "pub(crate) mod ", "impl "]
                        .iter()
                        .any(|k| l.starts_with(k))
                });
            if !ok {
                bad.push(format!("{}:{}: {}", s.rel, n + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "test-support gating more than an item:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_program_reads_the_system_clock_only() {
    // a fixed clock or zone is for tests; the program builds Clock::system() (DESIGN §3)
    let mut bad = Vec::new();
    for s in sources()
        .iter()
        .filter(|s| s.rel != "src/domain/clock.rs" && !s.rel.contains("/test_support/"))
    {
        for (n, line) in strip(program_part(&s.text)).lines().enumerate() {
            for word in [
                "Clock::fixed",
                "with_zone(",
                "chrono::Local",
                "Local::now",
                "Utc::now",
            ] {
                if line.contains(word) {
                    bad.push(format!("{}:{}: {}", s.rel, n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "time read outside the Clock:\n{}",
        bad.join("\n")
    );
}

/// Whether a line opens an `impl` block for `App` (inherent or a trait's).
fn implements_app(line: &str) -> bool {
    let toks: Vec<String> = tokens(line).into_iter().map(|t| t.1).collect();
    let Some(at) = toks.iter().position(|t| t == "impl") else {
        return false;
    };
    let mut rest = &toks[at + 1..];
    if rest.first().is_some_and(|t| t == "<") {
        let mut depth = 0;
        for (k, t) in rest.iter().enumerate() {
            depth += i32::from(t == "<") - i32::from(t == ">");
            if depth == 0 {
                rest = &rest[k + 1..];
                break;
            }
        }
    }
    let head: Vec<&str> = rest
        .iter()
        .map(String::as_str)
        .take_while(|t| *t != "{" && *t != "where")
        .collect();
    let self_ty = match head.iter().position(|t| *t == "for") {
        Some(f) => &head[f + 1..],
        None => &head[..],
    };
    self_ty
        .iter()
        .take_while(|t| **t != "<")
        .last()
        .is_some_and(|t| *t == "App")
}

#[test]
fn only_tui_app_implements_app() {
    let mut bad = Vec::new();
    for s in sources()
        .iter()
        .filter(|s| !s.rel.starts_with("src/tui/app"))
    {
        for (n, line) in strip(&s.text).lines().enumerate() {
            if implements_app(line) {
                bad.push(format!("{}:{}: {}", s.rel, n + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "impl App outside src/tui/app*:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_keymap_imports_no_screen() {
    let (keymap, screens) = (s(&["tui", "keymap"]), s(&["tui", "screens"]));
    let bad: Vec<String> = edges(&sources())
        .into_iter()
        .filter(|e| e.from.starts_with(&keymap) && e.to.starts_with(&screens))
        .map(|e| format!("{}: the keymap names a screen", e.at))
        .collect();
    assert!(bad.is_empty(), "keymap -> screens:\n{}", bad.join("\n"));
}

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}
