//! Drawing the first-run dialog.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{LABELS, SetupForm};
use crate::domain::sanitize;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{centered, modal};

impl SetupForm {
    pub fn render(&self, f: &mut Frame, area: Rect, db_name: &str, theme: &Theme) {
        let rect = centered(area, 64, 14);
        let inner = modal(f, rect, "Welcome to minspect: set up this database", theme);
        let mut lines = vec![
            Line::raw(format!("New database {db_name}.")),
            Line::raw("Who uses this laptop? (Enter: next / save, Tab: next field)"),
            Line::raw(""),
        ];
        for (i, label) in LABELS.iter().enumerate() {
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
                    format!("{}{label:<14}", if focused { "›" } else { " " }),
                    if focused { theme.title } else { theme.dim },
                ),
            );
            lines.push(l);
        }
        lines.push(Line::raw(""));
        if let Some(e) = &self.error {
            lines.push(Line::styled(format!("⚠ {}", sanitize(e)), theme.error));
        }
        lines.push(Line::styled(
            "The embedded rule pack is installed on save. Ctrl-C quits.",
            theme.dim,
        ));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
