//! The rules that keep the house (DESIGN.md §2, issue 10): the folders, the layer order as a
//! table of allowed edges, no import circle between modules at any level, external crates in
//! their one layer, the file cap, `impl App` only in `tui/app*`, and a keymap that imports no
//! screen. Reads `src/**`; each check is its own test and names file and line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The top-level folders of `src/`.
const FOLDERS: &[&str] = &[
    "domain", "rules", "store", "sync", "report", "fixture", "cli", "tui",
];

/// Folders that must exist below them.
const SUB_FOLDERS: &[&str] = &[
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
const ALLOWED: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("rules", &["domain"]),
    ("store", &["domain", "rules"]),
    ("sync", &["domain", "rules", "store"]),
    ("report", &["domain", "rules", "store", "sync"]),
    ("fixture", &["domain", "rules", "store"]),
    (
        "cli",
        &["domain", "rules", "store", "sync", "report", "fixture"],
    ),
    ("tui", &["domain", "rules", "store", "sync", "report"]),
    ("main.rs", &["cli", "tui"]),
];

/// External crates and the only places (prefixes of paths under the crate root) that may name them.
const CRATES: &[(&str, &[&str])] = &[
    ("rusqlite", &["src/store/"]),
    ("ratatui", &["src/tui/"]),
    ("crossterm", &["src/tui/"]),
    ("ratatui_textarea", &["src/tui/"]),
    ("clap", &["src/main.rs", "src/cli/"]),
];

const MAX_LINES: usize = 400;

// ---------------------------------------------------------------- reading the sources

/// One source file: its path from the crate root (`src/...`), its module path, its text.
struct Source {
    rel: String,
    module: Vec<String>,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(root, &root.join("src"), &mut out);
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<Source>) {
    for entry in fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            walk(root, &p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = fs::read_to_string(&p).unwrap();
            out.push(Source {
                module: module_of(&rel),
                rel,
                text,
            });
        }
    }
}

/// `src/store/chain/mod.rs` -> `store::chain`; `src/lib.rs` -> the root; `src/main.rs` is a
/// crate of its own, named `main.rs` here.
fn module_of(rel: &str) -> Vec<String> {
    let inner = rel.trim_start_matches("src/").trim_end_matches(".rs");
    if inner == "main" {
        return vec!["main.rs".into()];
    }
    let mut parts: Vec<String> = inner.split('/').map(String::from).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The text with comments and the contents of string and char literals blanked (newlines
/// kept, so offsets still give line numbers).
fn strip(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        if c[i] == '/' && peek(&c, i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c[i] == '/' && peek(&c, i + 1) == '*' {
            i = block_comment(&c, i, &mut out);
        } else if c[i] == 'r' && is_raw_start(&c[i + 1..]) && (i == 0 || !is_ident(c[i - 1])) {
            let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
            let closes = |k: usize| {
                c[k] == '"'
                    && c[k + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&h| h == '#')
                        .count()
                        == hashes
            };
            out.push_str(&" ".repeat(hashes + 2));
            i += hashes + 2;
            while i < c.len() && !closes(i) {
                out.push(blank(c[i]));
                i += 1;
            }
            out.push_str(&" ".repeat(hashes + 1));
            i += hashes + 1;
        } else if c[i] == '"'
            || (c[i] == '\'' && (peek(&c, i + 2) == '\'' || peek(&c, i + 1) == '\\'))
        {
            // a string, or a char literal ('x' or '\n'; a lifetime 'a has no closing quote)
            i = quoted(&c, i, &mut out);
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn blank(ch: char) -> char {
    if ch == '\n' { '\n' } else { ' ' }
}

/// Blanks a (nested) block comment starting at `c[i]`; returns the index after it.
fn block_comment(c: &[char], mut i: usize, out: &mut String) -> usize {
    let mut depth = 0;
    while i < c.len() {
        if c[i] == '/' && peek(c, i + 1) == '*' {
            depth += 1;
            out.push_str("  ");
            i += 2;
        } else if c[i] == '*' && peek(c, i + 1) == '/' {
            depth -= 1;
            out.push_str("  ");
            i += 2;
            if depth == 0 {
                break;
            }
        } else {
            out.push(blank(c[i]));
            i += 1;
        }
    }
    i
}

/// Blanks a string or char literal opened by the quote at `c[i]`; returns the index after it.
fn quoted(c: &[char], mut i: usize, out: &mut String) -> usize {
    let quote = c[i];
    out.push(' ');
    i += 1;
    while i < c.len() && c[i] != quote {
        if c[i] == '\\' {
            out.push(' ');
            i += 1;
        }
        if i < c.len() {
            out.push(blank(c[i]));
            i += 1;
        }
    }
    out.push(' ');
    i + 1
}

fn peek(c: &[char], k: usize) -> char {
    c.get(k).copied().unwrap_or('\0')
}

fn is_raw_start(c: &[char]) -> bool {
    let hashes = c.iter().take_while(|&&h| h == '#').count();
    c.get(hashes) == Some(&'"')
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

fn line_at(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

// ---------------------------------------------------------------- paths named in code

/// A path named in code: where (line), as written (`crate::a::b`), resolved to segments from
/// the crate root (None when it names no module of this crate).
#[derive(Debug)]
struct Named {
    line: usize,
    written: String,
    absolute: Option<Vec<String>>,
}

/// Tokens: identifiers, `::`, and single punctuation characters.
fn tokens(text: &str) -> Vec<(usize, String)> {
    let c: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let (at, ch) = c[i];
        if is_ident(ch) {
            let start = i;
            while i < c.len() && is_ident(c[i].1) {
                i += 1;
            }
            out.push((at, c[start..i].iter().map(|&(_, ch)| ch).collect()));
        } else if ch == ':' && c.get(i + 1).is_some_and(|&(_, n)| n == ':') {
            out.push((at, "::".into()));
            i += 2;
        } else {
            if !ch.is_whitespace() {
                out.push((at, ch.to_string()));
            }
            i += 1;
        }
    }
    out
}

/// Expands a use tree (the tokens after `use`, up to `;`) into full paths as written.
fn expand_use(toks: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    use_tree(toks, &mut 0, &[], &mut out);
    out
}

/// Parses one use tree at `toks[*i..]` below `prefix`, up to a `,`, a `}` or the end.
fn use_tree(toks: &[String], i: &mut usize, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let mut path = prefix.to_vec();
    loop {
        match toks.get(*i).map(String::as_str) {
            None | Some("," | "}") => {
                out.push(path);
                return;
            }
            Some("{") => {
                *i += 1;
                while !matches!(toks.get(*i).map(String::as_str), None | Some("}")) {
                    use_tree(toks, i, &path, out);
                    if toks.get(*i).map(String::as_str) == Some(",") {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            Some("as") => *i += 2,
            Some("::" | "*") => *i += 1,
            Some("self") if !path.is_empty() => *i += 1,
            Some(seg) => {
                path.push(seg.to_string());
                *i += 1;
            }
        }
    }
}

/// Resolves a written path (`crate::..`, `super::..`, `self::..`, or `minspect::..` from
/// main.rs) against the module `here`; None for paths that start elsewhere.
fn resolve(written: &[String], here: &[String], in_main: bool) -> Option<Vec<String>> {
    let mut it = written.iter().peekable();
    let mut base: Vec<String> = match it.peek().map(|s| s.as_str()) {
        Some("crate") if !in_main => {
            it.next();
            Vec::new()
        }
        Some("minspect") if in_main => {
            it.next();
            Vec::new()
        }
        Some("self") => {
            it.next();
            here.to_vec()
        }
        Some("super") => here.to_vec(),
        _ => return None,
    };
    while it.peek().map(|s| s.as_str()) == Some("super") {
        it.next();
        base.pop()?;
    }
    base.extend(it.cloned());
    Some(base)
}

/// Every path a file names: use statements (grouped ones expanded) and paths in code, with
/// `super`/`self` taken relative to inline modules (`mod tests { use super::*; }`).
fn named_paths(module: &[String], text: &str) -> Vec<Named> {
    let stripped = strip(text);
    let toks = tokens(&stripped);
    let in_main = module.first().is_some_and(|m| m == "main.rs");
    let file_module: Vec<String> = if in_main { Vec::new() } else { module.to_vec() };
    let mut out = Vec::new();
    let mut inline: Vec<(String, usize)> = Vec::new(); // (name, brace depth it opened at)
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].1.as_str();
        let here = || {
            let mut h = file_module.clone();
            h.extend(inline.iter().map(|(n, _)| n.clone()));
            h
        };
        match t {
            "{" => depth += 1,
            "}" => {
                depth = depth.saturating_sub(1);
                if inline.last().is_some_and(|&(_, d)| d == depth) {
                    inline.pop();
                }
            }
            "mod" if toks.get(i + 2).is_some_and(|n| n.1 == "{") => {
                inline.push((toks[i + 1].1.clone(), depth));
                depth += 1;
                i += 3;
                continue;
            }
            "use" if i == 0 || toks[i - 1].1 != "::" => {
                let start = i + 1;
                let mut end = start;
                while end < toks.len() && toks[end].1 != ";" {
                    end += 1;
                }
                let body: Vec<String> = toks[start..end].iter().map(|t| t.1.clone()).collect();
                let line = line_at(&stripped, toks[i].0);
                for p in expand_use(&body) {
                    out.push(Named {
                        line,
                        written: p.join("::"),
                        absolute: resolve(&p, &here(), in_main),
                    });
                }
                i = end + 1;
                continue;
            }
            "crate" | "super" | "self" | "minspect"
                if toks.get(i + 1).is_some_and(|n| n.1 == "::")
                    && (i == 0 || toks[i - 1].1 != "::") =>
            {
                let line = line_at(&stripped, toks[i].0);
                let mut p = vec![t.to_string()];
                let mut j = i + 1;
                while toks.get(j).is_some_and(|n| n.1 == "::")
                    && toks.get(j + 1).is_some_and(|n| n.1.chars().all(is_ident))
                {
                    p.push(toks[j + 1].1.clone());
                    j += 2;
                }
                if let Some(absolute) = resolve(&p, &here(), in_main) {
                    out.push(Named {
                        line,
                        written: p.join("::"),
                        absolute: Some(absolute),
                    });
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The module of this crate a path lands in: its longest prefix that is a module.
fn target_module(path: &[String], modules: &BTreeSet<Vec<String>>) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
        .unwrap_or_default()
}

/// One import from one module to another, with its evidence.
#[derive(Debug, Clone)]
struct Edge {
    from: Vec<String>,
    to: Vec<String>,
    at: String,
}

/// Every reference between two different modules of the library (and from main.rs).
fn edges(srcs: &[Source]) -> Vec<Edge> {
    let modules: BTreeSet<Vec<String>> = srcs.iter().map(|s| s.module.clone()).collect();
    let mut out = Vec::new();
    for s in srcs {
        for n in named_paths(&s.module, &s.text) {
            let Some(abs) = n.absolute else { continue };
            let to = target_module(&abs, &modules);
            if to != s.module {
                out.push(Edge {
                    from: s.module.clone(),
                    to,
                    at: format!("{}:{}: {}", s.rel, n.line, n.written),
                });
            }
        }
    }
    out
}

// ---------------------------------------------------------------- circles

/// Finds circles in a directed graph; each circle as its nodes, the first repeated at the end.
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
        found: &mut Vec<Vec<String>>,
    ) {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in graph.get(n).into_iter().flatten() {
            match state.get(m).copied().unwrap_or(0) {
                0 => visit(m, graph, state, stack, found),
                1 => {
                    let from = stack.iter().position(|s| s == m).unwrap();
                    let mut c = stack[from..].to_vec();
                    c.push(m.clone());
                    found.push(c);
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
    }
    let mut state = BTreeMap::new();
    let mut found = Vec::new();
    for n in graph.keys() {
        if !state.contains_key(n) {
            visit(n, graph, &mut state, &mut Vec::new(), &mut found);
        }
    }
    found
}

/// Import circles at every level of the module tree: for each folder, a graph between its
/// children (a child stands for everything below it); a module and its own ancestors (a
/// folder's `mod.rs` and what it declares) are one room and do not count.
fn import_circles(edges: &[Edge]) -> Vec<String> {
    // level (common ancestor) -> child -> child -> evidence
    let mut levels: BTreeMap<Vec<String>, BTreeMap<String, BTreeMap<String, String>>> =
        BTreeMap::new();
    for e in edges
        .iter()
        .filter(|e| e.from.first().is_none_or(|m| m != "main.rs"))
    {
        let common = e.from.iter().zip(&e.to).take_while(|(a, b)| a == b).count();
        if common == e.from.len() || common == e.to.len() {
            continue;
        }
        levels
            .entry(e.from[..common].to_vec())
            .or_default()
            .entry(e.from[common].clone())
            .or_default()
            .entry(e.to[common].clone())
            .or_insert_with(|| e.at.clone());
    }
    let mut out = Vec::new();
    for (level, g) in &levels {
        let graph: BTreeMap<String, BTreeSet<String>> = g
            .iter()
            .map(|(k, v)| (k.clone(), v.keys().cloned().collect()))
            .collect();
        let prefix = if level.is_empty() {
            String::new()
        } else {
            format!("{}::", level.join("::"))
        };
        for c in cycles(&graph) {
            let names: Vec<String> = c.iter().map(|n| format!("{prefix}{n}")).collect();
            let why: Vec<String> = c
                .windows(2)
                .map(|w| format!("    {}", g[&w[0]][&w[1]]))
                .collect();
            out.push(format!("circle {}\n{}", names.join(" -> "), why.join("\n")));
        }
    }
    out
}

// ---------------------------------------------------------------- the checks

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

#[test]
fn source_files_stay_small() {
    let big: Vec<String> = sources()
        .iter()
        .filter_map(|s| {
            let n = s.text.lines().count();
            (n > MAX_LINES).then(|| format!("{}:{n}: {n} lines > {MAX_LINES}", s.rel))
        })
        .collect();
    assert!(big.is_empty(), "split these files:\n{}", big.join("\n"));
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

// ---------------------------------------------------------------- the checker's own tests

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

fn paths(module: &[&str], text: &str) -> Vec<(usize, Option<String>)> {
    named_paths(&s(module), text)
        .into_iter()
        .map(|n| (n.line, n.absolute.map(|a| a.join("::"))))
        .collect()
}

#[test]
fn the_use_parser_expands_groups_and_climbs_super() {
    let p = paths(
        &["store", "chain"],
        "use crate::{a::b, c};\nuse super::{x::{y, z as w}, self};\nuse std::fmt;\n",
    );
    let want = [
        (1, Some("a::b")),
        (1, Some("c")),
        (2, Some("store::x::y")),
        (2, Some("store::x::z")),
        (2, Some("store")),
        (3, None),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(l, p)| (*l, p.map(String::from)))
        .collect();
    assert_eq!(p, want);
    // paths in code, super::super, and inline modules
    let p = paths(
        &["store", "x"],
        "fn f() { super::super::sync::run(); crate::rules::Pack::new() }\n\
         // crate::tui::nothing\nconst S: &str = \"crate::tui::nothing\";\n\
         mod tests {\n    use super::*;\n}\n",
    );
    assert_eq!(
        p,
        vec![
            (1, Some("sync::run".into())),
            (1, Some("rules::Pack::new".into())),
            (5, Some("store::x".into())),
        ]
    );
    // main.rs names the library as minspect
    assert_eq!(
        paths(&["main.rs"], "use minspect::{cli, tui::run};"),
        vec![(1, Some("cli".into())), (1, Some("tui::run".into()))]
    );
}

#[test]
fn the_cycle_finder_finds_circles_and_only_circles() {
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry(a.to_string()).or_default().insert(b.to_string());
        }
        g
    };
    assert_eq!(
        cycles(&graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")])),
        vec![s(&["a", "b", "c", "a"])]
    );
    assert!(cycles(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])).is_empty());
    // at the level of siblings: keymap/defaults -> screens, screens/record -> keymap
    let e = |from: &[&str], to: &[&str]| Edge {
        from: s(from),
        to: s(to),
        at: format!("{} -> {}", from.join("::"), to.join("::")),
    };
    let circles = import_circles(&[
        e(&["tui", "keymap", "defaults"], &["tui", "screens"]),
        e(&["tui", "screens", "record"], &["tui", "keymap"]),
        e(&["tui", "screens", "record"], &["tui", "screens"]),
        e(&["store"], &["store", "chain"]),
        e(&["store", "chain"], &["store"]),
    ]);
    assert_eq!(circles.len(), 1, "{circles:?}");
    assert!(
        circles[0].starts_with("circle tui::keymap -> tui::screens -> tui::keymap"),
        "{}",
        circles[0]
    );
    assert!(circles[0].contains("tui::keymap::defaults -> tui::screens"));
}

#[test]
fn the_crate_and_impl_checks_read_code_not_words() {
    assert!(implements_app("impl App {"));
    assert!(implements_app("impl<'a> Widget for &'a App {"));
    assert!(implements_app("impl crate::tui::App {"));
    assert!(!implements_app("impl AppState {"));
    assert!(!implements_app("impl From<App> for Effect {"));
    assert!(!strip("let s = r#\"impl App\"#;").contains("App"));
    assert!(names_crate("use rusqlite::Connection;", "rusqlite"));
    assert!(names_crate("fn f(f: &mut ratatui::Frame) {}", "ratatui"));
    assert!(!names_crate("use ratatui_textarea::TextArea;", "ratatui"));
    assert!(names_crate(
        "use ratatui_textarea::TextArea;",
        "ratatui_textarea"
    ));
    assert!(!names_crate(
        "use crate::store::rusqlite_free::X;",
        "rusqlite"
    ));
    assert!(!names_crate(&strip("// use rusqlite::X;"), "rusqlite"));
    assert!(
        strip("let s = \"clap::Parser\"; let c = '{';")
            .trim_end()
            .ends_with(';')
    );
    assert!(!strip("let s = \"clap::Parser\";").contains("clap"));
}
