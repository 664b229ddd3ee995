//! Yes/no confirmation and the "terminal too small" notice.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::table::{centered, modal};
use crate::domain::Lang;
use crate::t;
use crate::tui::theme::Theme;

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

pub fn too_small(f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
    let text = vec![
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
        Line::raw(t!(lang, "dialog-q-quits")),
    ];
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A question with y/n.
pub fn confirm(f: &mut Frame, area: Rect, question: &str, lang: Lang, theme: &Theme) {
    let rect = centered(area, 60, 7);
    let inner = modal(f, rect, &t!(lang, "dialog-confirm"), theme);
    let text = vec![
        Line::raw(question.to_string()),
        Line::raw(""),
        Line::styled(t!(lang, "dialog-yes-no"), theme.key),
    ];
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}
