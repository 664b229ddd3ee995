//! The Review tab's statistics view (`S` toggles it with the queue): the numbers of
//! [`DeskPanel`], read once when the view opens, when its filter line changes or on
//! reload (never in render), charted by `stats_view`. The filter line is the queue's
//! grammar restricted to what `minspect report` takes; a refusal stays under the charts
//! and the numbers stay as they were.

use crate::domain::{Msg, sanitize};
use crate::report::desk::panel::{DeskPanel, scope_of_line};
use crate::tui::action::Action;
use crate::tui::effect::Effect;
use crate::tui::screens::Cx;
use crate::tui::widgets::input::LineInput;

/// What the view charts: an overview, or one grouping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatsPage {
    #[default]
    Overview,
    Family,
    Month,
    Port,
    Officer,
    Exporter,
}

impl StatsPage {
    pub const ALL: [StatsPage; 6] = [
        StatsPage::Overview,
        StatsPage::Family,
        StatsPage::Month,
        StatsPage::Port,
        StatsPage::Officer,
        StatsPage::Exporter,
    ];

    /// The catalogue id of its name.
    pub fn label(self) -> &'static str {
        match self {
            StatsPage::Overview => "stats-page-overview",
            StatsPage::Family => "stats-page-family",
            StatsPage::Month => "stats-page-month",
            StatsPage::Port => "stats-page-port",
            StatsPage::Officer => "stats-page-officer",
            StatsPage::Exporter => "stats-page-exporter",
        }
    }

    fn step(self, by: isize) -> StatsPage {
        let n = Self::ALL.len() as isize;
        let i = Self::ALL.iter().position(|p| *p == self).unwrap_or(0) as isize;
        Self::ALL[((i + by).rem_euclid(n)) as usize]
    }
}

/// The measure a grouping's bars show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    #[default]
    Inspections,
    Seizures,
    SeizedKg,
    ValueCny,
    Findings,
}

impl Measure {
    pub const ALL: [Measure; 5] = [
        Measure::Inspections,
        Measure::Seizures,
        Measure::SeizedKg,
        Measure::ValueCny,
        Measure::Findings,
    ];

    /// The catalogue id of its name.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Inspections => "stats-measure-inspections",
            Measure::Seizures => "stats-measure-seizures",
            Measure::SeizedKg => "stats-measure-seized_kg",
            Measure::ValueCny => "stats-measure-value_cny",
            Measure::Findings => "stats-measure-findings",
        }
    }

    fn next(self) -> Measure {
        let i = Self::ALL.iter().position(|m| *m == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// The statistics view's state.
#[derive(Debug, Clone, Default)]
pub struct StatsView {
    /// Shown instead of the queue.
    pub open: bool,
    pub filter_input: LineInput,
    /// Set while the filter line is edited: the line before editing.
    pub editing: Option<String>,
    /// Why the filter line is refused (the numbers stay those of the last good line).
    pub error: Option<Msg>,
    /// The numbers, read when the view opened or the filter changed.
    pub panel: Option<DeskPanel>,
    /// The line the numbers are for.
    pub line: String,
    pub page: StatsPage,
    pub measure: Measure,
    /// The first bar shown (a grouping longer than the chart scrolls).
    pub scroll: usize,
}

impl StatsView {
    /// Reads the numbers of the filter line (again when `force`); a refusal keeps the
    /// numbers shown and says why under them.
    pub fn compute(&mut self, force: bool, cx: &mut Cx) -> Effect {
        let line = self.filter_input.text().trim().to_string();
        if !force && self.panel.is_some() && line == self.line {
            self.error = None;
            return Effect::None;
        }
        let scope = match scope_of_line(&line) {
            Ok(s) => s,
            Err(m) => {
                self.error = Some(m);
                return Effect::None;
            }
        };
        let checked = cx.store.hq().check_stats_scope(&scope);
        let built = match checked {
            Ok(Ok(())) => DeskPanel::build(cx.store, &scope),
            Ok(Err(m)) => {
                self.error = Some(m);
                return Effect::None;
            }
            Err(e) => Err(e),
        };
        match built {
            Ok(p) => {
                self.panel = Some(p);
                self.line = line;
                self.error = None;
                self.scroll = 0;
                Effect::None
            }
            Err(e) => Effect::error(crate::t!(
                cx.lang,
                "stats-unreadable",
                error = sanitize(&e.to_string()).into_owned()
            )),
        }
    }

    /// Opens the view: the numbers are read now.
    pub fn show(&mut self, cx: &mut Cx) -> Effect {
        self.open = true;
        self.compute(true, cx)
    }

    /// A key while the filter line is edited: the numbers follow each accepted change.
    fn filter_key(&mut self, action: Action, cx: &mut Cx) -> Effect {
        let said = match action {
            Action::Accept => {
                let before = self.editing.take();
                let said = self.compute(false, cx);
                if self.error.is_some() {
                    self.editing = before;
                }
                said
            }
            Action::Cancel => {
                let before = self.editing.take().unwrap_or_default();
                self.filter_input.set(&before);
                self.error = None;
                Effect::None
            }
            a if LineInput::is_edit(a) => {
                self.filter_input.edit(a);
                Effect::None
            }
            _ => return Effect::None,
        };
        Effect::Redraw.and(said)
    }

    /// A key of the statistics view (the filter line's keys while it is edited).
    pub fn update(&mut self, action: Action, cx: &mut Cx) -> Effect {
        if self.editing.is_some() {
            return self.filter_key(action, cx);
        }
        let said = match action {
            Action::Statistics | Action::Back => {
                self.open = false;
                Effect::None
            }
            Action::NextPane => self.turn(1),
            Action::PrevPane => self.turn(-1),
            Action::NextMeasure => {
                self.measure = self.measure.next();
                Effect::None
            }
            Action::Down => {
                self.scroll = self.scroll.saturating_add(1);
                Effect::None
            }
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Effect::None
            }
            Action::Filter => {
                self.editing = Some(self.filter_input.text().to_string());
                Effect::None
            }
            Action::ClearFilter => {
                self.filter_input.set("");
                self.compute(false, cx)
            }
            Action::Reload => self.compute(true, cx),
            _ => return Effect::None,
        };
        Effect::Redraw.and(said)
    }

    fn turn(&mut self, by: isize) -> Effect {
        self.page = self.page.step(by);
        self.scroll = 0;
        Effect::None
    }

    /// A printable key while the filter line is edited.
    pub fn type_char(&mut self, c: char) -> Effect {
        if self.editing.is_none() {
            return Effect::None;
        }
        self.filter_input.insert(c);
        self.error = None;
        Effect::Redraw
    }
}
