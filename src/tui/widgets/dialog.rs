//! Yes/no confirmation and the "terminal too small" notice.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::table::{centered, modal};
use crate::tui::theme::Theme;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn too_small(f: &mut Frame, area: Rect, theme: &Theme) {
    let text = vec![
        Line::styled("minspect", theme.title),
        Line::raw(""),
        Line::styled(
            format!(
                "Enlarge the terminal to at least {MIN_WIDTH}x{MIN_HEIGHT} (now {}x{}).",
                area.width, area.height
            ),
            theme.warn,
        ),
        Line::raw("q quits."),
    ];
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A question with y/n.
pub fn confirm(f: &mut Frame, area: Rect, question: &str, theme: &Theme) {
    let rect = centered(area, 60, 7);
    let inner = modal(f, rect, "Confirm", theme);
    let text = vec![
        Line::raw(question.to_string()),
        Line::raw(""),
        Line::styled("y / Enter: yes    n / Esc: no", theme.key),
    ];
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}
