//! DESIGN.md §2: the layers import one way only. Reads `src/**` and fails on a
//! forbidden `use` or path.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// (crate or module path as it appears in code, directories allowed to name it)
const RULES: &[(&str, &[&str])] = &[
    ("rusqlite", &["src/store/"]),
    ("ratatui", &["src/tui/"]),
    ("ratatui_textarea", &["src/tui/"]),
    ("crossterm", &["src/tui/"]),
    ("clap", &["src/main.rs", "src/cli/"]),
];

/// Modules of the crate each layer may not import.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "src/domain/",
        &["rules", "store", "sync", "report", "cli", "tui", "fixture"],
    ),
    (
        "src/rules/",
        &["store", "sync", "report", "cli", "tui", "fixture"],
    ),
    ("src/store/", &["sync", "report", "cli", "tui", "fixture"]),
    ("src/sync/", &["report", "cli", "tui"]),
    ("src/report/", &["sync", "cli", "tui"]),
    ("src/fixture/", &["sync", "report", "cli", "tui"]),
    ("src/cli/", &["tui"]),
    ("src/tui/", &["cli", "fixture"]),
];

fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.starts_with("//"))
}

fn names(line: &str, krate: &str) -> bool {
    let starts_use = line.starts_with(&format!("use {krate}::"))
        || line.starts_with(&format!("use {krate};"))
        || line.starts_with(&format!("pub use {krate}::"))
        || line.starts_with(&format!("extern crate {krate}"));
    let path = line.contains(&format!(" {krate}::"))
        || line.contains(&format!("({krate}::"))
        || line.contains(&format!("<{krate}::"))
        || line.contains(&format!("&{krate}::"))
        || line.starts_with(&format!("{krate}::"));
    starts_use || path
}

fn violations() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut bad = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in code_lines(&text) {
            for (krate, allowed) in RULES {
                if names(line, krate) && !allowed.iter().any(|a| rel.starts_with(a)) {
                    bad.push(format!(
                        "{rel}:{n}: names `{krate}` outside {allowed:?}: {line}"
                    ));
                }
            }
            for (dir, forbidden) in LAYERS {
                if !rel.starts_with(dir) {
                    continue;
                }
                for m in *forbidden {
                    if line.contains(&format!("crate::{m}::"))
                        || line.contains(&format!("crate::{m};"))
                        || line.contains(&format!("minspect::{m}::"))
                    {
                        bad.push(format!(
                            "{rel}:{n}: {dir} must not import crate::{m}: {line}"
                        ));
                    }
                }
            }
        }
    }
    bad
}

#[test]
fn layers_import_one_way_only() {
    let bad = violations();
    assert!(bad.is_empty(), "forbidden imports:\n{}", bad.join("\n"));
}

#[test]
fn the_checker_catches_a_forbidden_use() {
    assert!(names("use rusqlite::Connection;", "rusqlite"));
    assert!(names("let c: rusqlite::Connection = todo!();", "rusqlite"));
    assert!(names("fn f(f: &mut ratatui::Frame) {}", "ratatui"));
    assert!(!names("use crate::store::Store;", "rusqlite"));
    assert!(
        !names("// use rusqlite::Connection;", "rusqlite")
            || code_lines("// use rusqlite::X;").count() == 0
    );
}

#[test]
fn source_files_stay_small() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let big: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = fs::read_to_string(f).unwrap().lines().count();
            (n > 600).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(big.is_empty(), "split these files: {big:?}");
}
