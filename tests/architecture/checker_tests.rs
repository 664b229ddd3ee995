//! The checker's own tests, on small inputs.

use std::collections::{BTreeMap, BTreeSet};

use crate::*;

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
