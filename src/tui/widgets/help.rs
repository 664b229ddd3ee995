//! The help overlay: every key of the current screen, generated from the keymap and
//! filtered by typing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::input::LineInput;
use super::table::{centered, modal, wrap};
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
    let width = usize::from(inner.width);
    let mut lines = vec![
        state
            .filter
            .line(&(t!(state.lang, "help-filter") + " "), theme.base, true),
        Line::raw(""),
    ];
    let footer = wrap(&t!(state.lang, "help-footer", count = rows.len()), width);
    let body = (inner.height as usize).saturating_sub(2 + footer.len());
    let all = row_lines(&rows, width, theme);
    let start = state.scroll.min(all.len().saturating_sub(body.max(1)));
    lines.extend(all.into_iter().skip(start).take(body));
    if rows.is_empty() {
        lines.push(Line::styled(t!(state.lang, "help-no-match"), theme.warn));
    }
    lines.extend(footer.into_iter().map(|l| Line::styled(l, theme.dim)));
    f.render_widget(Paragraph::new(lines), inner);
}

/// The rows as lines of `width` columns: keys, what they do (wrapped in its column, never
/// cut), the context they work in and, when there is room, the action's name.
fn row_lines(rows: &[HelpRow], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let widest = |f: &dyn Fn(&HelpRow) -> String| rows.iter().map(|r| f(r).width()).max();
    let keys_w = widest(&|r| r.keys.clone()).unwrap_or(0).min(20);
    let ctx_w = widest(&|r| r.context.name().to_string()).unwrap_or(0);
    let name_w = widest(&|r| r.action.name()).unwrap_or(0);
    // the action's name goes first when the description would get narrower than this
    let with_name = width >= keys_w + 1 + 30 + 1 + name_w + 1 + ctx_w;
    let fixed = keys_w + 1 + 1 + ctx_w + if with_name { name_w + 1 } else { 0 };
    let help_w = width.saturating_sub(fixed).max(8);
    let mut out = Vec::new();
    for r in rows {
        for (i, text) in wrap(&r.help, help_w).into_iter().enumerate() {
            let first = i == 0;
            let pick = |s: String, w: usize| if first { fit(&s, w) } else { " ".repeat(w) };
            let mut spans = vec![
                Span::styled(pick(r.keys.clone(), keys_w), theme.key),
                Span::raw(" "),
                Span::raw(fit(&text, help_w)),
                Span::raw(" "),
            ];
            if with_name {
                spans.push(Span::styled(pick(r.action.name(), name_w), theme.dim));
                spans.push(Span::raw(" "));
            }
            spans.push(Span::styled(
                pick(r.context.name().to_string(), ctx_w),
                theme.dim,
            ));
            out.push(Line::from(spans));
        }
    }
    out
}
