//! The help overlay: every key of the current screen, generated from the keymap and
//! filtered by typing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::input::LineInput;
use super::table::{centered, modal};
use crate::tui::action::Action;
use crate::tui::keymap::{Context, Keymap};
use crate::tui::text::fit;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq)]
pub struct HelpState {
    /// The context whose keys are listed (the one under the overlay).
    pub context: Context,
    pub filter: LineInput,
    pub scroll: usize,
}

/// One help line: keys, action, what it does, where.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpRow {
    pub keys: String,
    pub action: Action,
    pub help: &'static str,
    pub context: Context,
}

impl HelpState {
    pub fn new(context: Context) -> HelpState {
        HelpState {
            context,
            filter: LineInput::default(),
            scroll: 0,
        }
    }

    /// The rows shown, keys of one action joined, filtered by the typed text.
    pub fn rows(&self, keymap: &Keymap) -> Vec<HelpRow> {
        let mut rows: Vec<HelpRow> = Vec::new();
        for b in keymap.help_rows(self.context) {
            if let Some(r) = rows
                .iter_mut()
                .find(|r| r.action == b.action && r.context == b.context)
            {
                r.keys.push(' ');
                r.keys.push_str(&b.key.label());
            } else {
                rows.push(HelpRow {
                    keys: b.key.label(),
                    action: b.action,
                    help: b.help,
                    context: b.context,
                });
            }
        }
        let q = self.filter.text().to_lowercase();
        if !q.is_empty() {
            rows.retain(|r| {
                r.keys.to_lowercase().contains(&q)
                    || r.help.to_lowercase().contains(&q)
                    || r.action.name().contains(&q)
                    || r.action.describe().contains(&q)
            });
        }
        rows
    }
}

pub fn render(f: &mut Frame, area: Rect, state: &HelpState, keymap: &Keymap, theme: &Theme) {
    let rect = centered(area, 76, area.height.saturating_sub(2));
    let inner = modal(
        f,
        rect,
        &format!("Help: {} keys (type to filter)", state.context.name()),
        theme,
    );
    let rows = state.rows(keymap);
    let mut lines = vec![
        state.filter.line("filter: ", theme.base, true),
        Line::raw(""),
    ];
    let body = (inner.height as usize).saturating_sub(3);
    let start = state.scroll.min(rows.len().saturating_sub(body.max(1)));
    for r in rows.iter().skip(start).take(body) {
        lines.push(Line::from(vec![
            Span::styled(fit(&r.keys, 16), theme.key),
            Span::raw(" "),
            Span::raw(fit(r.help, 26)),
            Span::raw(" "),
            Span::styled(fit(&r.action.name(), 18), theme.dim),
            Span::styled(fit(&r.context.name(), 10), theme.dim),
        ]));
    }
    if rows.is_empty() {
        lines.push(Line::styled("no key matches the filter", theme.warn));
    }
    lines.push(Line::styled(
        format!(
            "{} keys · Esc closes · : runs any action by name",
            rows.len()
        ),
        theme.dim,
    ));
    f.render_widget(Paragraph::new(lines), inner);
}
