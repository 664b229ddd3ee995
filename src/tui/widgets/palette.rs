//! The command palette: every action, fuzzy-matched by name and description.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
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
pub struct PaletteState {
    /// The context the palette was opened from (its keys are shown beside actions).
    pub context: Context,
    pub input: LineInput,
    pub matches: Vec<Action>,
    pub selected: usize,
    read_only: bool,
    /// A headquarters database: field-officer writes are not offered.
    hq: bool,
    /// The language descriptions are shown in (matching looks at English too).
    pub lang: Lang,
}

impl PaletteState {
    pub fn new(context: Context, read_only: bool, lang: Lang) -> PaletteState {
        let mut p = PaletteState {
            context,
            input: LineInput::default(),
            matches: Vec::new(),
            selected: 0,
            read_only,
            hq: false,
            lang,
        };
        p.refilter();
        p
    }

    /// The palette at headquarters (`hq`): without field-officer writes.
    pub fn at_hq(mut self, hq: bool) -> PaletteState {
        self.hq = hq;
        self.refilter();
        self
    }

    /// Recomputes the matches, best first (all actions when the input is empty).
    pub fn refilter(&mut self) {
        let actions = Action::ALL
            .iter()
            .copied()
            .filter(|a| !((self.read_only && a.is_write()) || (self.hq && a.is_field_write())));
        // `sync_import` (the name as written in key files) finds `sync import`
        let q = self.input.text().trim().replace('_', " ");
        self.selected = 0;
        if q.is_empty() {
            self.matches = actions.collect();
            return;
        }
        let pattern = Pattern::parse(&q, CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buf = Vec::new();
        let mut scored: Vec<(u32, usize, Action)> = actions
            .enumerate()
            .filter_map(|(i, a)| {
                // the name counts double: `scr` should find screen_shipment before help
                let name = pattern
                    .score(
                        Utf32Str::new(&a.name().replace('_', " "), &mut buf),
                        &mut matcher,
                    )
                    .map(|s| s * 2);
                let mut desc = |lang| {
                    let text = i18n::text(lang, a.describe());
                    pattern.score(Utf32Str::new(&text, &mut buf), &mut matcher)
                };
                let (mine, english) = (desc(self.lang), desc(Lang::En));
                name.max(mine).max(english).map(|s| (s, i, a))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.matches = scored.into_iter().map(|(_, _, a)| a).collect();
    }

    pub fn chosen(&self) -> Option<Action> {
        self.matches.get(self.selected).copied()
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.matches.is_empty() {
            return;
        }
        let n = self.matches.len() as isize;
        self.selected = (self.selected as isize + delta).rem_euclid(n) as usize;
    }
}

pub fn render(f: &mut Frame, area: Rect, state: &PaletteState, keymap: &Keymap, theme: &Theme) {
    let rect = centered(area, 76, area.height.saturating_sub(2).min(20));
    let inner = modal(f, rect, &t!(state.lang, "palette-title"), theme);
    let mut lines = vec![state.input.line(": ", theme.base, true), Line::raw("")];
    let body = (inner.height as usize).saturating_sub(2);
    let width = usize::from(inner.width);
    // each action is one or more lines: its description wraps, never cut
    let blocks: Vec<Vec<Line>> = state
        .matches
        .iter()
        .enumerate()
        .map(|(i, a)| action_lines(state, keymap, *a, i == state.selected, width, theme))
        .collect();
    // from the first action on, unless the selected one would be below the window
    let mut start = 0;
    let used = |from: usize| -> usize {
        blocks[from..=state.selected.min(blocks.len().saturating_sub(1))]
            .iter()
            .map(Vec::len)
            .sum()
    };
    while !blocks.is_empty() && start < state.selected && used(start) > body {
        start += 1;
    }
    lines.extend(blocks.into_iter().skip(start).flatten().take(body));
    if state.matches.is_empty() {
        lines.push(Line::styled(t!(state.lang, "palette-no-match"), theme.warn));
    }
    f.render_widget(Paragraph::new(lines), inner);
}

/// One action's lines: name, description (wrapped) and its key here.
fn action_lines(
    state: &PaletteState,
    keymap: &Keymap,
    a: Action,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let key = keymap
        .key_for(state.context, a)
        .map(|k| k.label())
        .unwrap_or_default();
    let (name_w, key_w) = (18, 8);
    let desc_w = width.saturating_sub(name_w + key_w + 2).max(8);
    let text = i18n::text(state.lang, a.describe());
    wrap(&text, desc_w)
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let first = i == 0;
            let pick = |s: &str, w| if first { fit(s, w) } else { " ".repeat(w) };
            let line = Line::from(vec![
                Span::raw(pick(&a.name(), name_w)),
                Span::raw(" "),
                Span::raw(fit(&d, desc_w)),
                Span::raw(" "),
                Span::styled(pick(&key, key_w), theme.key),
            ]);
            if selected {
                line.style(theme.selected)
            } else {
                line
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_finds_screening() {
        let mut p = PaletteState::new(Context::Rules, false, Lang::En);
        assert_eq!(p.matches.len(), Action::ALL.len());
        for c in "scrn ship".chars() {
            p.input.insert(c);
        }
        p.refilter();
        assert_eq!(p.chosen(), Some(Action::ScreenShipment));
    }
}
