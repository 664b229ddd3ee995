//! Drawing the first-run dialog.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{LABELS, SetupForm};
use crate::domain::sanitize;
use crate::t;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{centered, modal};

impl SetupForm {
    pub fn render(&self, f: &mut Frame, area: Rect, db_name: &str, theme: &Theme) {
        let rect = centered(area, 64, 14);
        let lang = self.lang;
        let inner = modal(f, rect, &t!(lang, "setup-title"), theme);
        let mut lines = vec![
            Line::raw(t!(lang, "setup-new-database", name = db_name)),
            Line::raw(t!(lang, "setup-who")),
            Line::raw(""),
        ];
        for (i, id) in LABELS.iter().enumerate() {
            let label = crate::i18n::text(lang, id);
            // padded to 14 columns as the terminal counts them (a Chinese character is two)
            let used = ratatui::text::Span::raw(label.as_str()).width();
            let pad = " ".repeat(14usize.saturating_sub(used));
            let focused = i == self.focus;
            let mut l = self.inputs[i].line_in(
                "",
                theme.base,
                focused,
                (inner.width as usize).saturating_sub(15),
            );
            l.spans.insert(
                0,
                ratatui::text::Span::styled(
                    format!("{}{label}{pad}", if focused { "›" } else { " " }),
                    if focused { theme.title } else { theme.dim },
                ),
            );
            lines.push(l);
        }
        lines.push(Line::raw(""));
        if let Some(e) = &self.error {
            lines.push(Line::styled(format!("⚠ {}", sanitize(e)), theme.error));
        }
        lines.push(Line::styled(t!(lang, "setup-footer"), theme.dim));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
