//! Import circles: the module graph and the cycles in it.

use std::collections::{BTreeMap, BTreeSet};

use crate::*;

/// Finds circles in a directed graph; each circle as its nodes, the first repeated at the end.
pub(crate) fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
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
pub(crate) fn import_circles(edges: &[Edge]) -> Vec<String> {
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
