//! The first-run dialog: officer name, badge number, device name; then the database
//! is initialized with the embedded rule pack.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::{DbKind, Role};
use crate::store::InitOptions;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;
use crate::tui::widgets::table::{centered, modal};

pub const LABELS: [&str; 3] = ["Officer name", "Badge number", "Device name"];

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SetupForm {
    pub inputs: [LineInput; 3],
    pub focus: usize,
    pub error: Option<String>,
}

pub enum SetupOutcome {
    Continue,
    Save(InitOptions),
}

impl SetupForm {
    pub fn update(&mut self, action: Action) -> SetupOutcome {
        match action {
            Action::NextField => self.focus = (self.focus + 1) % 3,
            Action::PrevField => self.focus = (self.focus + 2) % 3,
            Action::Accept => {
                if self.inputs[self.focus].text().trim().is_empty() {
                    self.error = Some(format!(
                        "{} must not be empty",
                        LABELS[self.focus].to_lowercase()
                    ));
                } else if let Some(empty) =
                    (0..3).find(|i| self.inputs[*i].text().trim().is_empty())
                {
                    self.error = None;
                    self.focus = empty;
                } else {
                    self.error = None;
                    return SetupOutcome::Save(InitOptions {
                        officer_name: self.inputs[0].text().trim().to_string(),
                        badge: self.inputs[1].text().trim().to_string(),
                        device_name: self.inputs[2].text().trim().to_string(),
                        kind: DbKind::Field,
                        role: Role::Officer,
                    });
                }
            }
            a if LineInput::is_edit(a) => {
                self.inputs[self.focus].edit(a);
            }
            _ => {}
        }
        SetupOutcome::Continue
    }

    pub fn type_char(&mut self, c: char) {
        self.inputs[self.focus].insert(c);
    }

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
            let mut l = self.inputs[i].line("", theme.base, focused);
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
            lines.push(Line::styled(format!("⚠ {e}"), theme.error));
        }
        lines.push(Line::styled(
            "The embedded rule pack is installed on save. Ctrl-C quits.",
            theme.dim,
        ));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
