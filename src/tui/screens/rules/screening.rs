//! The "screen a shipment" form: fields typed by the officer, turned into
//! `rules::Facts` on every change, and the live verdict with its reasons.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::{Lang, Msg, sanitize};
use crate::rules::{Facts, RulePack, Screening, screen};
use crate::tui::action::Action;
use crate::tui::screens::record::discard::Discard;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;
use crate::tui::widgets::verdict::verdict_lines;

/// The form's fields, in order: (JSON name, label, example).
pub const FIELDS: [(&str, &str, &str); 7] = [
    ("hs_code", "scr-hs_code", "scr-hs_code.hint"),
    ("description", "scr-description", "scr-description.hint"),
    ("composition", "scr-composition", "scr-composition.hint"),
    ("measurements", "scr-measurements", "scr-measurements.hint"),
    ("destination", "scr-destination", "scr-destination.hint"),
    ("end_use", "scr-end_use", "scr-end_use.hint"),
    ("date", "scr-date", "scr-date.hint"),
];

#[derive(Debug, Clone, PartialEq)]
pub struct ScreeningForm {
    pub inputs: Vec<LineInput>,
    pub focus: usize,
    /// Per field: the inline message when the field is invalid (in English).
    pub errors: Vec<Option<String>>,
    /// Per field: the same message as said (an entry of a map field named first), shown
    /// in the interface's language.
    pub said: Vec<Option<(Option<String>, Msg)>>,
    pub result: Option<Screening>,
    /// The fields as the form opened (Esc asks before dropping what differs).
    pub opened: Vec<String>,
    /// The "discard what you typed?" question.
    pub discard: Discard,
}

/// Parses `Ga 30, Zn 70` (also `Ga:30`, `Ga=30`, `Ga 30%`) into name -> number.
fn pairs(field: &str, text: &str) -> Result<serde_json::Map<String, serde_json::Value>, Msg> {
    let mut out = serde_json::Map::new();
    for part in text
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let cleaned = part.replace([':', '='], " ");
        let mut it = cleaned.split_whitespace();
        let (Some(name), Some(num), None) = (it.next(), it.next(), it.next()) else {
            let id = match field {
                "composition" => "scr-pair-composition",
                _ => "scr-pair-measurement",
            };
            return Err(Msg::new(id).arg("part", part));
        };
        let num = num.trim_end_matches('%');
        let value: f64 = num
            .parse()
            .map_err(|_| Msg::new("scr-not-number").arg("value", num))?;
        let number = serde_json::Number::from_f64(value)
            .ok_or_else(|| Msg::new("scr-not-finite").arg("value", num))?;
        out.insert(name.to_string(), serde_json::Value::Number(number));
    }
    Ok(out)
}

impl ScreeningForm {
    pub fn new(today: NaiveDate) -> ScreeningForm {
        let mut inputs = vec![LineInput::default(); FIELDS.len()];
        inputs[5].set("unknown");
        inputs[6].set(&today.to_string());
        ScreeningForm {
            opened: inputs.iter().map(|i| i.text().to_string()).collect(),
            inputs,
            focus: 0,
            errors: vec![None; FIELDS.len()],
            said: vec![None; FIELDS.len()],
            result: None,
            discard: Discard::default(),
        }
    }

    /// True when a field differs from the form as it opened (Esc asks first).
    pub fn changed(&self) -> bool {
        self.inputs
            .iter()
            .zip(&self.opened)
            .any(|(i, o)| i.text().trim() != o.trim())
    }

    /// True when the officer typed something (quitting asks first).
    pub fn has_input(&self) -> bool {
        self.inputs[..5].iter().any(|i| !i.text().trim().is_empty())
    }

    fn field_json(&self, i: usize) -> Result<Option<serde_json::Value>, Msg> {
        let text = self.inputs[i].text().trim();
        if text.is_empty() {
            return Ok(None);
        }
        Ok(Some(match FIELDS[i].0 {
            "composition" | "measurements" => serde_json::Value::Object(pairs(FIELDS[i].0, text)?),
            _ => serde_json::Value::String(text.to_string()),
        }))
    }

    /// Rebuilds the facts from the fields and screens them. Each field is validated on
    /// its own (through `Facts::from_json`, the one validator), so every invalid field
    /// gets its own message; valid fields still screen.
    pub fn recompute(&mut self, pack: Option<&RulePack>) {
        let date = self.inputs[6].text().trim().to_string();
        let probe_date = if crate::domain::parse_date("date", &date).is_ok() {
            date.clone()
        } else {
            "2000-01-01".into()
        };
        let mut all = serde_json::Map::new();
        for (i, (name, _, _)) in FIELDS.iter().enumerate() {
            let name = *name;
            self.said[i] = None;
            let value = match self.field_json(i) {
                Ok(v) => v,
                Err(e) => {
                    self.said[i] = Some((None, e));
                    continue;
                }
            };
            let Some(value) = value else {
                if name == "date" {
                    self.said[i] = Some((None, Msg::new("scr-date-needed")));
                }
                continue;
            };
            let mut one = serde_json::Map::new();
            one.insert("date".into(), serde_json::Value::String(probe_date.clone()));
            one.insert(name.into(), value.clone());
            match Facts::from_json(&serde_json::Value::Object(one).to_string()) {
                Ok(_) => {
                    all.insert(name.into(), value);
                }
                // name the entry inside a map field (`purity: unknown measurement ...`)
                Err(e) => {
                    let entry = e.field.split_once('.').map(|(_, x)| x.to_string());
                    self.said[i] = Some((entry, e.problem_msg()));
                }
            }
        }
        self.errors = (0..FIELDS.len())
            .map(|i| self.said_in(i, Lang::En))
            .collect();
        self.result = match (pack, all.contains_key("date")) {
            (Some(pack), true) => Facts::from_json(&serde_json::Value::Object(all).to_string())
                .ok()
                .map(|facts: Facts| screen(pack, &facts)),
            _ => None,
        };
    }

    /// Field `i`'s message in `lang`, its entry named first.
    fn said_in(&self, i: usize, lang: Lang) -> Option<String> {
        let (entry, m) = self.said.get(i)?.as_ref()?;
        let words = crate::i18n::msg(lang, m);
        Some(match entry {
            Some(entry) => format!("{entry}: {words}"),
            None => words,
        })
    }

    /// Handles a form action; true when something changed.
    pub fn update(&mut self, action: Action, pack: Option<&RulePack>) -> bool {
        match action {
            Action::NextField | Action::Down | Action::Accept => {
                self.focus = (self.focus + 1) % FIELDS.len();
                true
            }
            Action::PrevField | Action::Up => {
                self.focus = (self.focus + FIELDS.len() - 1) % FIELDS.len();
                true
            }
            a if LineInput::is_edit(a) => {
                let changed = self.inputs[self.focus].edit(a);
                if changed {
                    self.recompute(pack);
                }
                true
            }
            _ => false,
        }
    }

    pub fn type_char(&mut self, c: char, pack: Option<&RulePack>) {
        self.inputs[self.focus].insert(c);
        self.recompute(pack);
    }

    pub fn render(&self, f: &mut Frame, area: Rect, theme: &Theme, lang: Lang) {
        let mut lines: Vec<Line> = Vec::new();
        let value_w = (area.width as usize).saturating_sub(15);
        for (i, (_, label, example)) in FIELDS.iter().enumerate() {
            let focused = i == self.focus;
            let mut spans = vec![Span::styled(
                format!(
                    "{}{}",
                    if focused { "›" } else { " " },
                    crate::tui::text::fit(&crate::i18n::text(lang, label), 13)
                ),
                if focused { theme.title } else { theme.dim },
            )];
            if self.inputs[i].text().is_empty() && !focused {
                spans.push(theme.placeholder(&crate::i18n::text(lang, example), value_w));
            } else {
                spans.extend(self.inputs[i].spans_in(theme.base, focused, value_w));
            }
            lines.push(Line::from(spans));
            if let Some(e) = self.said_in(i, lang) {
                lines.push(Line::styled(
                    format!("  ⚠ {}: {}", FIELDS[i].0, sanitize(&e)),
                    theme.error,
                ));
            }
        }
        lines.push(Line::raw(""));
        match &self.result {
            None => lines.push(Line::styled(
                crate::i18n::text(lang, "scr-fill-in"),
                theme.dim,
            )),
            Some(s) => verdict_lines(s, lang, theme, &mut lines),
        }
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
        self.discard.render(f, area, lang, theme);
    }
}
