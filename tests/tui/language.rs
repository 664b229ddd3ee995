//! Every screen and dialog of the console in English and in Chinese, at 80x24 and 120x40:
//! the list is the keymap's contexts (a new context does not compile here until it has a
//! way in), each reached by keys, snapshotted with digits masked. In Chinese the frame
//! speaks Chinese, nothing is cut in half and no text runs over a border.

use crate::support::flow::*;
use minspect::domain::{Lang, Role};
use minspect::store::Store;
use minspect::tui::app::App;
use minspect::tui::keymap::Context;
use minspect_testkit::StoreKit;

/// How to reach `ctx` from a new console: the database and the keys. None for Global,
/// which is every screen's fallback, not a screen of its own.
fn way_in(ctx: Context) -> Option<(Store, &'static str)> {
    let hq = || {
        let mut s =
            crate::support::hq::new_hq(crate::support::harness::open_in_memory(), Role::Supervisor);
        let field = tempfile::tempdir().unwrap();
        crate::support::hq::receive(&mut s, &field, 2);
        s
    };
    let finalized = || {
        let mut s = store();
        s.test_support_finalize_samples(1).unwrap();
        s
    };
    let new_db = || crate::support::harness::open_in_memory();
    let trainee = || {
        use minspect::fixture::scenario::embedded;
        use minspect::fixture::training::{TraineeFile, fill};
        let mut s = crate::support::harness::open_in_memory();
        s.set_clock(clock());
        let all = embedded().unwrap();
        let picked: Vec<_> = all
            .iter()
            .filter(|x| x.id == "dysprosium-magnet")
            .cloned()
            .collect();
        let who = TraineeFile {
            trainee: "Chen Xiaoyu".into(),
            badge: "TRN-01".into(),
            debrief: false,
        };
        fill(&mut s, &who, &picked, clock()).unwrap();
        s
    };
    Some(match ctx {
        Context::Global => return None,
        Context::Rules => (store(), ""),
        Context::Screening => (store(), "s"),
        Context::Shipments => (finalized(), "2"),
        Context::Record => (store(), "3"),
        Context::RecordForm => (store(), "3n"),
        Context::RecordView => (finalized(), "2o"),
        // a finalized seizure's next transfer: tests/tui/read_only_hints.rs
        Context::RecordCustody => return None,
        Context::RecordPrompt => (finalized(), "2o<c-w>"),
        Context::Sync => (store(), "4"),
        Context::SyncHq => (hq(), "4"),
        Context::SyncPrompt => (finalized(), "4e"),
        Context::Review => (hq(), ""),
        Context::ReviewComment => (hq(), "A"),
        Context::ReviewStats => (hq(), "S"),
        Context::Rescreen => (store(), "E"),
        Context::Filter => (store(), "/"),
        Context::Help => (store(), "?"),
        Context::Palette => (store(), ":"),
        Context::Confirm => (store(), "3n1<esc>d"),
        Context::Setup => (new_db(), ""),
        Context::Training => (trainee(), ""),
    })
}

/// The screen with what changes from run to run masked: digits, the hex letters of words
/// with digits (ids, generated file names), temporary directory names, this login.
fn masked(a: &App) -> String {
    let login = crate::support::login();
    let text = screen_text(a).replace(&format!("'{login}'"), "'LOGIN'");
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        // a word with a digit may hold an id or a generated file name: its hex letters too
        let id_like = word.chars().any(|c| c.is_ascii_digit());
        for c in word.chars() {
            let hide = c.is_ascii_digit() || (id_like && c.is_ascii_hexdigit());
            out.push(if hide { '#' } else { c });
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '-' || c == '…' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    // tempfile's directory names: `.tmpAbC123`
    let mut rest = out.as_str();
    let mut done = String::new();
    while let Some(i) = rest.find(".tmp") {
        let (head, tail) = rest.split_at(i + 4);
        done.push_str(head);
        let n = tail
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
            .count();
        done.push_str(&"X".repeat(n));
        rest = &tail[n..];
    }
    done.push_str(rest);
    done
}

/// Each row of the drawn screen is exactly the terminal's width in columns, and the
/// rows of a framed pane end on a border character where one begins.
fn assert_fits(text: &str, w: u16, what: &str) {
    for (n, row) in text.lines().enumerate() {
        // TestBackend prints a row as "…" and, after one with wide characters, the cells
        // they hide
        let row = row
            .split("\" Hidden by multi-width symbols")
            .next()
            .unwrap_or(row);
        let inner = row.trim_matches('"');
        let cols = unicode_width::UnicodeWidthStr::width(inner);
        assert_eq!(
            cols, w as usize,
            "{what}: row {n} is {cols} columns: {inner}"
        );
    }
}

#[test]
fn every_context_in_both_languages_at_both_sizes() {
    for ctx in Context::ALL {
        let Some((_, script)) = way_in(*ctx) else {
            continue;
        };
        for lang in [Lang::En, Lang::Zh] {
            for (w, h) in [(80, 24), (120, 40)] {
                let (mut s, _) = way_in(*ctx).unwrap();
                let mut a = app(&mut s, w, h);
                a.set_lang(lang, &mut s).unwrap();
                keys(&mut a, &mut s, script);
                let name = format!("{}_{}", ctx.name(), lang.as_str());
                assert_eq!(a.context(), *ctx, "{name} {w}x{h}: {:?}", a.message);
                let text = masked(&a);
                assert_fits(&text, w, &name);
                if lang == Lang::Zh {
                    assert!(
                        text.contains("# 规则") || *ctx == Context::Setup,
                        "{name}: the tabs in Chinese\n{text}"
                    );
                }
                insta::assert_snapshot!(format!("lang_{name}_{w}x{h}"), text);
            }
        }
    }
}
