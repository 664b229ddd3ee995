//! The help overlay: every key of the current screen, generated from the keymap and
//! filtered by typing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::input::LineInput;
use super::table::{centered, modal};
use crate::i18n::{self, Lang};
use crate::t;
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
    /// The language the rows are shown (and filtered) in.
    pub lang: Lang,
}

/// One help line: keys, action, what it does, where.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpRow {
    pub keys: String,
    pub action: Action,
    /// What the key does, in the help's language.
    pub help: String,
    pub context: Context,
}

impl HelpState {
    pub fn new(context: Context, lang: Lang) -> HelpState {
        HelpState {
            context,
            filter: LineInput::default(),
            scroll: 0,
            lang,
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
                    help: i18n::text(self.lang, b.help),
                    context: b.context,
                });
            }
        }
        // the filter finds a key by its label, its action's name, or what it does in
        // either language
        let q = self.filter.text().to_lowercase();
        if !q.is_empty() {
            let lang = self.lang;
            rows.retain(|r| {
                let id = r.action.describe();
                r.keys.to_lowercase().contains(&q)
                    || r.help.to_lowercase().contains(&q)
                    || r.action.name().contains(&q)
                    || i18n::text(lang, id).to_lowercase().contains(&q)
                    || i18n::text(Lang::En, id).to_lowercase().contains(&q)
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
        &t!(state.lang, "help-title", context = state.context.name()),
        theme,
    );
    let rows = state.rows(keymap);
    let mut lines = vec![
        state
            .filter
            .line(&(t!(state.lang, "help-filter") + " "), theme.base, true),
        Line::raw(""),
    ];
    let body = (inner.height as usize).saturating_sub(3);
    let start = state.scroll.min(rows.len().saturating_sub(body.max(1)));
    for r in rows.iter().skip(start).take(body) {
        lines.push(Line::from(vec![
            Span::styled(fit(&r.keys, 16), theme.key),
            Span::raw(" "),
            Span::raw(fit(&r.help, 26)),
            Span::raw(" "),
            Span::styled(fit(&r.action.name(), 18), theme.dim),
            Span::styled(fit(&r.context.name(), 10), theme.dim),
        ]));
    }
    if rows.is_empty() {
        lines.push(Line::styled(t!(state.lang, "help-no-match"), theme.warn));
    }
    lines.push(Line::styled(
        t!(state.lang, "help-footer", count = rows.len()),
        theme.dim,
    ));
    f.render_widget(Paragraph::new(lines), inner);
}
