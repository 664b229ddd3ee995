//! The README's command table lists exactly the commands `minspect --help` (and the help
//! of each command with subcommands) lists.

use std::collections::BTreeSet;

fn help(args: &[&str]) -> String {
    let out = crate::support::harness::minspect()
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success(), "minspect {args:?} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The names under `Commands:` in a help text (without `help`).
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| l.trim() != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(String::from)
        .collect()
}

/// Every leaf command the binary offers, as words (`officer map`, `init`).
fn from_help(prefix: &[&str], out: &mut BTreeSet<String>) {
    let subs = subcommands(&help(prefix));
    if subs.is_empty() && !prefix.is_empty() {
        out.insert(prefix.join(" "));
    }
    for s in &subs {
        let mut p = prefix.to_vec();
        p.push(s);
        from_help(&p, out);
    }
}

/// The commands in the README table whose header is `| command | what it does |`: each
/// code span of a row's first cell, its leading words (`review approve\|return ID` gives
/// `review approve` and `review return`); a span without `minspect` continues the row's command.
fn from_readme(readme: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let rows = readme
        .lines()
        .skip_while(|l| !l.starts_with("| command |"))
        .skip(2)
        .take_while(|l| l.starts_with('|'));
    for row in rows {
        let row = row.replace("\\|", "\u{1}");
        let first = row.split('|').nth(1).unwrap_or_default();
        for span in first.split('`').skip(1).step_by(2) {
            let words: Vec<&str> = span
                .split_whitespace()
                .skip_while(|w| *w == "minspect")
                .take_while(|w| {
                    !w.starts_with('-')
                        && w.chars()
                            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '\u{1}')
                })
                .collect();
            let mut names = vec![String::new()];
            for w in words {
                names = names
                    .iter()
                    .flat_map(|n| w.split('\u{1}').map(move |alt| format!("{n} {alt}")))
                    .collect();
            }
            out.extend(
                names
                    .into_iter()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty()),
            );
        }
    }
    out
}

#[test]
fn the_readme_command_table_matches_help() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let documented = from_readme(&readme);
    assert!(
        !documented.is_empty(),
        "no `| command |` table in README.md"
    );
    let mut offered = BTreeSet::new();
    from_help(&[], &mut offered);
    let mut diff: Vec<String> = offered
        .difference(&documented)
        .map(|c| format!("`minspect {c}` is in --help but not in the README table"))
        .collect();
    diff.extend(
        documented
            .difference(&offered)
            .map(|c| format!("`minspect {c}` is in the README table but not in --help")),
    );
    assert!(
        diff.is_empty(),
        "README command table vs --help:\n{}",
        diff.join("\n")
    );
}

#[test]
fn the_table_reader_reads_alternatives_and_continuations() {
    let t = "| command | what it does |\n|---|---|\n\
             | `minspect` | console |\n\
             | `minspect review approve\\|return ID [--comment T]` | x |\n\
             | `minspect device export-key [--out F]` / `device list` | y |\n\nafter\n";
    let got: Vec<String> = from_readme(t).into_iter().collect();
    assert_eq!(
        got,
        [
            "device export-key",
            "device list",
            "review approve",
            "review return"
        ]
    );
    assert_eq!(
        subcommands("Usage\n\nCommands:\n  add  x\n  help  y\n\nOptions:\n"),
        ["add"]
    );
}
