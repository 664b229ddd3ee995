//! The command palette: every action, fuzzy-matched by name and description.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
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
    let rect = centered(area, 70, area.height.saturating_sub(4).min(20));
    let inner = modal(f, rect, &t!(state.lang, "palette-title"), theme);
    let mut lines = vec![state.input.line(": ", theme.base, true), Line::raw("")];
    let body = (inner.height as usize).saturating_sub(2);
    let start = state.selected.saturating_sub(body.saturating_sub(1));
    for (i, a) in state.matches.iter().enumerate().skip(start).take(body) {
        let key = keymap
            .key_for(state.context, *a)
            .map(|k| k.label())
            .unwrap_or_default();
        let line = Line::from(vec![
            Span::raw(fit(&a.name(), 18)),
            Span::raw(" "),
            Span::raw(fit(&i18n::text(state.lang, a.describe()), 38)),
            Span::raw(" "),
            Span::styled(fit(&key, 8), theme.key),
        ]);
        lines.push(if i == state.selected {
            line.style(theme.selected)
        } else {
            line
        });
    }
    if state.matches.is_empty() {
        lines.push(Line::styled(t!(state.lang, "palette-no-match"), theme.warn));
    }
    f.render_widget(Paragraph::new(lines), inner);
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
