//! Paths named in code: use trees expanded, `super`/`self` resolved, the module each names.

use std::collections::BTreeSet;

use crate::*;

/// A path named in code: where (line), as written (`crate::a::b`), resolved to segments from
/// the crate root (None when it names no module of this crate).
#[derive(Debug)]
pub(crate) struct Named {
    pub(crate) line: usize,
    pub(crate) written: String,
    pub(crate) absolute: Option<Vec<String>>,
}

/// Tokens: identifiers, `::`, and single punctuation characters.
pub(crate) fn tokens(text: &str) -> Vec<(usize, String)> {
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
pub(crate) fn expand_use(toks: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    use_tree(toks, &mut 0, &[], &mut out);
    out
}

/// Parses one use tree at `toks[*i..]` below `prefix`, up to a `,`, a `}` or the end.
pub(crate) fn use_tree(
    toks: &[String],
    i: &mut usize,
    prefix: &[String],
    out: &mut Vec<Vec<String>>,
) {
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
pub(crate) fn resolve(written: &[String], here: &[String], in_main: bool) -> Option<Vec<String>> {
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
pub(crate) fn named_paths(module: &[String], text: &str) -> Vec<Named> {
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
pub(crate) fn target_module(path: &[String], modules: &BTreeSet<Vec<String>>) -> Vec<String> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
        .unwrap_or_default()
}

/// One import from one module to another, with its evidence.
#[derive(Debug, Clone)]
pub(crate) struct Edge {
    pub(crate) from: Vec<String>,
    pub(crate) to: Vec<String>,
    pub(crate) at: String,
}

/// Every reference between two different modules of the library (and from main.rs).
pub(crate) fn edges(srcs: &[Source]) -> Vec<Edge> {
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
