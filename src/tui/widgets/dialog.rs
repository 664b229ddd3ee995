//! Yes/no confirmation and the "terminal too small" notice.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::table::{centered, modal, wrap};
use crate::domain::Lang;
use crate::t;
use crate::tui::theme::Theme;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// A confirmation (quit with unsaved text, a pending write) stays on screen, framed, down
/// to this size even when the console itself does not fit.
pub const CONFIRM_MIN_WIDTH: u16 = 60;
pub const CONFIRM_MIN_HEIGHT: u16 = 16;

/// True when a confirmation fits a terminal of `w`x`h` as a framed dialog.
pub fn confirm_fits(w: u16, h: u16) -> bool {
    w >= CONFIRM_MIN_WIDTH && h >= CONFIRM_MIN_HEIGHT
}

/// The notice for a terminal smaller than the console. A confirmation waiting for its
/// answer (`question`) is drawn over it when it fits; in a smaller terminal still its
/// question and its keys are part of the notice, so y/n are never answered blind.
pub fn too_small(f: &mut Frame, area: Rect, question: Option<&str>, lang: Lang, theme: &Theme) {
    let mut text = vec![
        Line::styled("minspect", theme.title),
        Line::raw(""),
        Line::styled(
            t!(
                lang,
                "dialog-too-small",
                min_w = u32::from(MIN_WIDTH),
                min_h = u32::from(MIN_HEIGHT),
                w = u32::from(area.width),
                h = u32::from(area.height)
            ),
            theme.warn,
        ),
    ];
    match question {
        Some(q) if !confirm_fits(area.width, area.height) => {
            text.push(Line::raw(""));
            text.push(Line::raw(q.to_string()));
            text.push(Line::styled(t!(lang, "dialog-yes-no"), theme.key));
        }
        Some(_) => {}
        None => text.push(Line::raw(t!(lang, "dialog-q-quits"))),
    }
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
    if let Some(q) = question
        && confirm_fits(area.width, area.height)
    {
        confirm(f, area, q, lang, theme);
    }
}

/// A question with y/n: the window grows with the question so its last line, the keys,
/// is always inside the frame.
pub fn confirm(f: &mut Frame, area: Rect, question: &str, lang: Lang, theme: &Theme) {
    let width = area.width.min(60);
    let keys = t!(lang, "dialog-yes-no");
    let inner_w = usize::from(width.saturating_sub(2));
    let mut lines: Vec<Line> = wrap(question, inner_w).into_iter().map(Line::raw).collect();
    lines.push(Line::raw(""));
    lines.extend(
        wrap(&keys, inner_w)
            .into_iter()
            .map(|l| Line::styled(l, theme.key)),
    );
    let height = (lines.len() as u16 + 2).min(area.height);
    // a question taller than the terminal keeps its keys: its first lines give way
    let room = usize::from(height.saturating_sub(2));
    if lines.len() > room {
        let tail = lines.split_off(lines.len() - room.min(lines.len()));
        lines = tail;
    }
    let inner = modal(
        f,
        centered(area, width, height),
        &t!(lang, "dialog-confirm"),
        theme,
    );
    f.render_widget(Paragraph::new(lines), inner);
}
