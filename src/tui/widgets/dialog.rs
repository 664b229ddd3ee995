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

/// Rows `text` takes wrapped at `width` columns (word by word, as the paragraph wraps).
fn wrapped_rows(text: &str, width: usize) -> usize {
    let width = width.max(1);
    let mut rows = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = unicode_width::UnicodeWidthStr::width(word);
        if used > 0 && used + 1 + w > width {
            rows += 1;
            used = 0;
        }
        used = if used == 0 { w } else { used + 1 + w };
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

/// A question with y/n: the window grows with the question, so that the y/n line shows
/// (a custody transfer's question names both parties and the time).
pub fn confirm(f: &mut Frame, area: Rect, question: &str, lang: Lang, theme: &Theme) {
    let w = 60u16.min(area.width);
    let rows = wrapped_rows(question, usize::from(w.saturating_sub(2)));
    let h = u16::try_from(rows + 4).unwrap_or(u16::MAX).max(7);
    let rect = centered(area, w, h);
    let inner = modal(f, rect, &t!(lang, "dialog-confirm"), theme);
    let text = vec![
        Line::raw(question.to_string()),
        Line::raw(""),
        Line::styled(t!(lang, "dialog-yes-no"), theme.key),
    ];
    f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
}
