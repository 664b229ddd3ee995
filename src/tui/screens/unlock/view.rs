//! Drawing the passphrase prompt: the typed characters are never shown, only a dot each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ask, UnlockForm};
use crate::t;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{centered, modal};

impl UnlockForm {
    pub fn render(&self, f: &mut Frame, area: Rect, theme: &Theme) {
        let rect = centered(area, 64, 10);
        let lang = self.lang;
        let inner = modal(f, rect, &t!(lang, "unlock-title"), theme);
        let (intro, ask) = match &self.ask {
            Ask::Existing => (
                t!(lang, "unlock-file", name = self.name.as_str()),
                "unlock-ask",
            ),
            Ask::New { first: None } => (t!(lang, "unlock-new-ask"), "unlock-ask"),
            Ask::New { first: Some(_) } => (t!(lang, "unlock-new-ask"), "unlock-new-again"),
        };
        let dots = "•".repeat(self.input.text().chars().count().min(40));
        let mut lines = vec![
            Line::raw(intro),
            Line::raw(""),
            Line::from(vec![
                Span::styled(crate::i18n::text(lang, ask), theme.title),
                Span::raw(" "),
                Span::styled(dots, theme.base),
                Span::styled("█", theme.base),
            ]),
            Line::raw(""),
        ];
        if let Some(id) = self.error {
            lines.push(Line::styled(
                format!("⚠ {}", crate::i18n::text(lang, id)),
                theme.error,
            ));
        }
        lines.push(Line::styled(t!(lang, "unlock-footer"), theme.dim));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
