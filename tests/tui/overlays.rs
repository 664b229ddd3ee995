//! Every overlay and dialog fits the terminal (issue 11): at 80x24 and at 60x16, in English
//! and in Chinese, the window's four borders are on screen, nothing inside is cut (no …),
//! and its last line of text (the keys of a confirmation, the help's count of keys) is
//! inside the frame. Below 80x24 a confirmation still shows over the "too small" notice
//! and is answered; below 60x16 the notice itself asks the question.

use crate::support::flow::*;
use minspect::domain::Lang;
use minspect::i18n;
use minspect::tui::app::{App, Overlay};
use minspect::tui::keymap::{Context, Keymap};
use minspect::tui::pending::PendingWrite;
use minspect::tui::theme::Theme;
use minspect::tui::widgets::help::{self, HelpState};
use minspect::tui::widgets::palette::{self, PaletteState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The rows inside the modal whose title starts with `title` (its frame checked whole).
fn framed(buf: &Buffer, title: &str, what: &str) -> Vec<String> {
    let area = buf.area;
    let sym = |x: u16, y: u16| buf[(x, y)].symbol().to_string();
    // a row's text; the cell after a double-width character is its second half, skipped
    let row = |y: u16, from: u16, to: u16| -> String {
        let (mut out, mut x) = (String::new(), from);
        while x < to {
            let s = sym(x, y);
            x += unicode_width::UnicodeWidthStr::width(s.as_str()).max(1) as u16;
            out.push_str(&s);
        }
        out
    };
    let head: String = title.chars().take(4).collect();
    let screen: Vec<String> = (0..area.height).map(|y| row(y, 0, area.width)).collect();
    let (y0, x0) = (0..area.height)
        .rev()
        .find_map(|y| {
            let r: Vec<String> = (0..area.width).map(|x| sym(x, y)).collect();
            (0..area.width).find_map(|x| {
                let at = |k: u16| r.get(usize::from(x + k)).cloned().unwrap_or_default();
                let title_here = row(y, (x + 4).min(area.width), area.width).starts_with(&head);
                (at(0) == "┌" && at(2) == "▶" && title_here).then_some((y, x))
            })
        })
        .unwrap_or_else(|| panic!("{what}: no window titled {title}\n{}", screen.join("\n")));
    let x1 = (x0 + 1..area.width)
        .find(|x| sym(*x, y0) == "┐")
        .unwrap_or_else(|| panic!("{what}: no top-right corner\n{}", screen.join("\n")));
    let y1 = (y0 + 1..area.height)
        .find(|y| sym(x0, *y) == "└")
        .unwrap_or_else(|| {
            panic!(
                "{what}: the bottom border is off screen\n{}",
                screen.join("\n")
            )
        });
    assert_eq!(sym(x1, y1), "┘", "{what}\n{}", screen.join("\n"));
    for y in y0 + 1..y1 {
        assert_eq!(sym(x0, y), "│", "{what}: left border at row {y}");
        assert_eq!(sym(x1, y), "│", "{what}: right border at row {y}");
    }
    let inside: Vec<String> = (y0 + 1..y1).map(|y| row(y, x0 + 1, x1)).collect();
    for l in &inside {
        // a cut word ends in … (a catalogue text may hold one after a space)
        let cut = l
            .split(' ')
            .any(|w| w.len() > '…'.len_utf8() && w.ends_with('…'));
        assert!(!cut, "{what}: cut: {l}\n{}", screen.join("\n"));
    }
    inside
}

/// The last line inside the window holding text.
fn last_text(inside: &[String]) -> String {
    inside
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())
        .cloned()
        .unwrap_or_default()
}

fn buffer(w: u16, h: u16, draw: impl FnOnce(&mut ratatui::Frame)) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(draw).unwrap();
    t.backend().buffer().clone()
}

fn app_buffer(a: &App) -> Buffer {
    draw(a).backend().buffer().clone()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

const LONG_QUESTION: &str = "Record the transfer of seizure 01a2534d-03ed-7321-b094 from Li Wei to the evidence store of the Huangpu customs district, sealed with 2026-0417-A, for laboratory analysis of the antimony content? It cannot be changed afterwards.";

#[test]
fn help_and_palette_fit_at_80x24_and_60x16_in_both_languages() {
    let theme = Theme::new(false, 16);
    let keymap = Keymap::default();
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(80, 24), (60, 16)] {
            let body = Rect::new(0, 1, w, h - 3);
            for ctx in Context::ALL.iter().filter(|c| **c != Context::Global) {
                let what = format!("help {} {lang:?} {w}x{h}", ctx.name());
                let state = HelpState::new(*ctx, lang);
                let buf = buffer(w, h, |f| help::render(f, body, &state, &keymap, &theme));
                let title = minspect::t!(lang, "help-title", context = ctx.name());
                let inside = framed(&buf, &title, &what);
                let count = state.rows(&keymap).len();
                let footer = minspect::t!(lang, "help-footer", count = count);
                let filled: Vec<&String> = inside.iter().filter(|l| !l.trim().is_empty()).collect();
                let tail: String = filled
                    .iter()
                    .rev()
                    .take(3)
                    .rev()
                    .map(|l| l.as_str())
                    .collect();
                assert!(
                    squash(&tail).ends_with(&squash(&footer)),
                    "{what}: the last line is the footer: {inside:#?}"
                );
            }
            let what = format!("palette {lang:?} {w}x{h}");
            let mut state = PaletteState::new(Context::Rules, false, lang);
            for _ in 0..3 {
                let buf = buffer(w, h, |f| palette::render(f, body, &state, &keymap, &theme));
                let inside = framed(&buf, &i18n::text(lang, "palette-title"), &what);
                let chosen = state.chosen().unwrap().name();
                assert!(
                    inside.iter().any(|l| l.contains(&chosen)),
                    "{what}: the selected action {chosen} is shown: {inside:#?}"
                );
                // the last action of the list, selected, is in the window too
                state.move_by(-1);
            }
        }
    }
}

#[test]
fn a_confirmation_shows_its_keys_at_80x24_and_60x16_in_both_languages() {
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(80, 24), (70, 20), (60, 16)] {
            let mut s = store();
            let mut a = app(&mut s, w, h);
            a.set_lang(lang, &mut s).unwrap();
            for question in [
                minspect::t!(lang, "dialog-quit-unsaved"),
                LONG_QUESTION.to_string(),
            ] {
                let write = PendingWrite::Discard { id: "x".into() };
                a.overlay = Some(Overlay::Confirm(write.ask(question.clone())));
                let what = format!("confirm {lang:?} {w}x{h}");
                let inside = framed(&app_buffer(&a), &i18n::text(lang, "dialog-confirm"), &what);
                assert_eq!(
                    squash(&last_text(&inside)),
                    squash(&i18n::text(lang, "dialog-yes-no")),
                    "{what}: {inside:#?}"
                );
                assert!(
                    squash(&inside.concat()).contains(&squash(&question)),
                    "{what}: the whole question: {inside:#?}"
                );
            }
            insta::assert_snapshot!(
                format!("confirm_long_{}_{w}x{h}", lang.as_str()),
                screen_text(&a)
            );
        }
    }
}

#[test]
fn q_at_70x20_asks_and_is_answered_and_below_60x16_the_notice_asks() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    keys(&mut a, &mut s, "sgallium");
    a.resize(70, 20, &mut s);
    keys(&mut a, &mut s, "q");
    assert!(
        matches!(a.overlay, Some(Overlay::ConfirmQuit)),
        "{:?}",
        a.overlay
    );
    let text = screen_text(&a);
    assert!(text.contains("Discard what you typed and quit?"), "{text}");
    assert!(text.contains("y / Enter: yes"), "{text}");
    insta::assert_snapshot!("quit_confirm_70x20", text);
    keys(&mut a, &mut s, "n");
    assert!(a.overlay.is_none() && !a.quit);
    a.resize(50, 14, &mut s);
    keys(&mut a, &mut s, "q");
    let text = screen_text(&a);
    assert!(text.contains("Enlarge the terminal"), "{text}");
    assert!(
        text.contains("quit?") && text.contains("n / Esc: no"),
        "{text}"
    );
    insta::assert_snapshot!("quit_confirm_50x14", text);
    keys(&mut a, &mut s, "y");
    assert!(a.quit, "y answered the question it showed");
}

#[test]
fn a_long_footer_message_wraps_whole_at_80x24() {
    let mut s = store();
    let mut a = app(&mut s, 80, 24);
    let long = format!("{LONG_QUESTION} {LONG_QUESTION}");
    a.message = Some(minspect::tui::widgets::status::Message::error(long.clone()));
    let text = screen_text(&a);
    let rows: Vec<&str> = text.lines().collect();
    let footer: String = rows[rows.len() - 10..rows.len() - 1].concat();
    assert!(
        squash(&footer.replace('"', "")).contains(&squash(&long)),
        "the whole message above the status bar:\n{text}"
    );
    assert!(rows[rows.len() - 1].contains("officer Li Wei"), "{text}");
    insta::assert_snapshot!("footer_long_message_80x24", text);
}

#[test]
fn setup_and_training_windows_fit_at_80x24() {
    let mut s = crate::support::harness::open_in_memory();
    let a = app(&mut s, 80, 24);
    assert_eq!(a.context(), Context::Setup);
    let buf = app_buffer(&a);
    let text: String = (0..24u16)
        .map(|y| (0..80u16).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    assert!(text.contains('└') && !text.contains('…'), "{text}");
}
