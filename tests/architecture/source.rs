//! Reading the sources: files, module paths, comments and strings blanked, tokens.

use std::fs;
use std::path::Path;

/// One source file: its path from the crate root (`src/...`), its module path, its text.
pub(crate) struct Source {
    pub(crate) rel: String,
    pub(crate) module: Vec<String>,
    pub(crate) text: String,
}

pub(crate) fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    walk(root, &root.join("src"), &mut out);
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    out
}

pub(crate) fn walk(root: &Path, dir: &Path, out: &mut Vec<Source>) {
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
pub(crate) fn module_of(rel: &str) -> Vec<String> {
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
pub(crate) fn strip(text: &str) -> String {
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

pub(crate) fn blank(ch: char) -> char {
    if ch == '\n' { '\n' } else { ' ' }
}

/// Blanks a (nested) block comment starting at `c[i]`; returns the index after it.
pub(crate) fn block_comment(c: &[char], mut i: usize, out: &mut String) -> usize {
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
pub(crate) fn quoted(c: &[char], mut i: usize, out: &mut String) -> usize {
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

pub(crate) fn peek(c: &[char], k: usize) -> char {
    c.get(k).copied().unwrap_or('\0')
}

pub(crate) fn is_raw_start(c: &[char]) -> bool {
    let hashes = c.iter().take_while(|&&h| h == '#').count();
    c.get(hashes) == Some(&'"')
}

pub(crate) fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

pub(crate) fn line_at(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}
