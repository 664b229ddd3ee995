//! The field engine of the Record tab's forms: named fields (one-line `LineInput`s or a
//! multi-line `TextArea`), their inline messages, and drawing them as lines.
//!
//! Field names are the domain's field names (`declaration_no`, `net_weight_g` ...) so
//! the domain validators' `FieldError`s land on the right field.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::{FieldError, Lang, sanitize, sanitize_multiline};
use crate::i18n;
use crate::tui::action::Action;
use crate::tui::text::fit;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;
use crate::tui::widgets::picker::{Choices, Pick, list_lines};

/// Rows a multi-line field takes on screen (twice as many while it has the focus, so a
/// four-line narrative wrapped at 80 columns stays in view as it is typed).
pub const AREA_ROWS: u16 = 4;
pub fn area_rows(focused: bool) -> u16 {
    if focused { 2 * AREA_ROWS } else { AREA_ROWS }
}
/// Width of the label column.
pub const LABEL_W: usize = 15;

/// One field: (name, catalogue id of its label, id of the example shown while empty,
/// multi-line).
pub type Spec = (&'static str, &'static str, &'static str, bool);

#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub input: LineInput,
    pub area: Option<TextArea<'static>>,
    /// The problem in English; the console shows `problem` in its language.
    pub error: Option<String>,
    pub problem: Option<FieldError>,
    /// Edited by the officer (or a finalize was tried): its message shows.
    pub touched: bool,
    /// A picker's or a completion's options.
    pub choices: Option<Choices>,
    /// The short list while it is open.
    pub pick: Option<Pick>,
}

impl Field {
    /// The field's problem in `lang`, a part of it named first (`Ga: ...`).
    pub fn problem_text(&self, lang: Lang) -> Option<String> {
        let p = self.problem.as_ref()?;
        let words = i18n::problem(lang, p);
        let part = p
            .field
            .strip_prefix(self.name)
            .and_then(|r| r.strip_prefix('.'));
        Some(part.map_or(words.clone(), |part| format!("{part}: {words}")))
    }

    pub fn text(&self) -> String {
        match &self.area {
            Some(a) => a.lines().join("\n"),
            None => self.input.text().to_string(),
        }
    }

    pub fn set(&mut self, text: &str) {
        match &mut self.area {
            Some(a) => {
                let lines: Vec<String> = sanitize_multiline(text)
                    .split('\n')
                    .map(str::to_string)
                    .collect();
                *a = TextArea::new(lines);
                a.move_cursor(CursorMove::Bottom);
                a.move_cursor(CursorMove::End);
            }
            None => self.input.set(&sanitize(text)),
        }
        self.pick = None;
    }
}

/// A form: fields in order and the focused one.
#[derive(Debug, Clone, Default)]
pub struct Form {
    pub fields: Vec<Field>,
    pub focus: usize,
}

impl Form {
    pub fn new(specs: &[Spec]) -> Form {
        Form {
            fields: specs
                .iter()
                .map(|(name, label, hint, multi)| Field {
                    name,
                    label,
                    hint,
                    input: LineInput::default(),
                    area: multi.then(TextArea::default),
                    error: None,
                    problem: None,
                    touched: false,
                    choices: None,
                    pick: None,
                })
                .collect(),
            focus: 0,
        }
    }

    pub fn get(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(Field::text)
            .unwrap_or_default()
    }

    /// The trimmed text, None when empty.
    pub fn opt(&self, name: &str) -> Option<String> {
        let t = self.get(name).trim().to_string();
        (!t.is_empty()).then_some(t)
    }

    pub fn set(&mut self, name: &str, text: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.name == name) {
            f.set(text);
        }
    }

    /// Puts each problem on its field (the first per field wins); a problem of a part
    /// (`composition.Ga`) lands on its field with the part named.
    pub fn set_errors(&mut self, problems: &[FieldError]) {
        for f in &mut self.fields {
            let rest = |p: &&FieldError| p.field.strip_prefix(f.name).map(str::to_string);
            let mine =
                |p: &&FieldError| rest(p).is_some_and(|r| r.is_empty() || r.starts_with('.'));
            f.problem = problems.iter().find(mine).cloned();
            f.error = f.problem_text(Lang::En);
        }
    }

    /// Marks the fields that hold text (a resumed draft shows their messages at once).
    pub fn touch_filled(&mut self) {
        for f in &mut self.fields {
            f.touched |= !f.text().trim().is_empty();
        }
    }

    pub fn touch_all(&mut self) {
        for f in &mut self.fields {
            f.touched = true;
        }
    }

    /// Messages of the touched fields, as `field: message`.
    pub fn shown_errors(&self) -> Vec<String> {
        self.fields
            .iter()
            .filter(|f| f.touched)
            .filter_map(|f| f.error.as_ref().map(|e| format!("{}: {e}", f.name)))
            .collect()
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    /// Moves the focus by `delta`; false when it would leave the form (the caller moves
    /// to the next item). A field merely passed through stays untouched: its "is empty"
    /// shows only once it was edited, or when finalizing.
    pub fn move_focus(&mut self, delta: isize) -> bool {
        let next = self.focus as isize + delta;
        if next < 0 || next >= self.fields.len() as isize {
            return false;
        }
        self.focus = next as usize;
        true
    }

    /// A typed character; true when the text changed.
    pub fn type_char(&mut self, c: char) -> bool {
        if c.is_control() {
            return false;
        }
        if self.pick_char(c) {
            return false;
        }
        let Some(f) = self.fields.get_mut(self.focus) else {
            return false;
        };
        f.touched = true;
        match &mut f.area {
            Some(a) => a.insert_char(c),
            None => f.input.insert(c),
        }
        true
    }

    /// An editing action (or Enter in a multi-line field); true when the text changed.
    pub fn edit(&mut self, action: Action) -> bool {
        let Some(f) = self.fields.get_mut(self.focus) else {
            return false;
        };
        let Some(a) = &mut f.area else {
            let changed = f.input.edit(action);
            f.touched |= changed;
            return changed;
        };
        f.touched |= matches!(
            action,
            Action::Accept | Action::DeleteBack | Action::DeleteForward | Action::ClearField
        );
        match action {
            Action::Accept => {
                a.insert_newline();
                true
            }
            Action::DeleteBack => a.delete_char(),
            Action::DeleteForward => a.delete_next_char(),
            Action::CursorLeft => {
                a.move_cursor(CursorMove::Back);
                false
            }
            Action::CursorRight => {
                a.move_cursor(CursorMove::Forward);
                false
            }
            Action::CursorHome => {
                a.move_cursor(CursorMove::Head);
                false
            }
            Action::CursorEnd => {
                a.move_cursor(CursorMove::End);
                false
            }
            Action::ClearField => a.clear(),
            _ => false,
        }
    }

    pub fn focus_is_multi(&self) -> bool {
        self.focused().is_some_and(|f| f.area.is_some())
    }
}

fn closed(f: &Field) -> bool {
    f.choices.as_ref().is_some_and(|c| c.closed)
}

pub use super::wrap::wrap;

/// What a form draws: its lines, where the focus is, the rows of multi-line fields.
pub struct Drawn<'a> {
    pub lines: Vec<Line<'a>>,
    pub focus_line: usize,
    /// (first line, field index) of each text area.
    pub areas: Vec<(usize, usize)>,
}

/// Lines of a form `width` wide; `active` is false when the form is not being edited.
pub fn draw_form<'a>(
    form: &'a Form,
    width: u16,
    active: bool,
    lang: Lang,
    theme: &Theme,
) -> Drawn<'a> {
    let mut lines = Vec::new();
    let mut areas = Vec::new();
    let mut focus_line = 0;
    let value_w = (width as usize).saturating_sub(LABEL_W + 1);
    for (i, f) in form.fields.iter().enumerate() {
        let focused = active && i == form.focus;
        if focused {
            focus_line = lines.len();
        }
        let label = Span::styled(
            format!(
                "{}{}",
                if focused { "›" } else { " " },
                fit(&i18n::text(lang, f.label), LABEL_W)
            ),
            if focused { theme.title } else { theme.dim },
        );
        match &f.area {
            Some(_) => {
                lines.push(Line::from(vec![label]));
                areas.push((lines.len(), i));
                for _ in 0..area_rows(focused) {
                    lines.push(Line::raw(""));
                }
            }
            None => {
                let mut spans = vec![label];
                if f.input.text().is_empty() && !active {
                    // A read-only form (finalized record) shows no examples.
                    spans.push(Span::styled("—", theme.dim));
                } else if f.input.text().is_empty() && !focused {
                    spans.push(theme.placeholder(&i18n::text(lang, f.hint), value_w));
                } else if let Some(p) = f.pick.as_ref().filter(|_| focused && closed(f)) {
                    // a picker being narrowed: the filter, then the value it replaces
                    spans.extend(p.filter.spans_in(theme.base, true, value_w / 2));
                    spans.push(Span::styled(format!("  ({})", f.input.text()), theme.dim));
                } else {
                    spans.extend(f.input.spans_in(theme.base, focused, value_w));
                    if focused && closed(f) {
                        spans.push(Span::styled(
                            format!("  {}", i18n::text(lang, "form-pick-hint")),
                            theme.dim,
                        ));
                    }
                }
                lines.push(Line::from(spans));
                if focused && let Some((m, sel)) = form.shown_matches() {
                    lines.extend(list_lines(&m, sel, LABEL_W + 1, width as usize, theme));
                }
            }
        }
        if let Some(e) = f.problem_text(lang).filter(|_| f.touched) {
            for piece in wrap(
                &format!("⚠ {}", sanitize(&e)),
                (width as usize).saturating_sub(3),
            ) {
                lines.push(Line::styled(format!("  {piece}"), theme.error));
            }
        }
    }
    Drawn {
        lines,
        focus_line,
        areas,
    }
}

/// The first line to show so that `focus_line` stays in a window of `height` rows.
pub fn scroll_for(focus_line: usize, total: usize, height: u16) -> usize {
    let h = height as usize;
    if total <= h {
        return 0;
    }
    let keep = (AREA_ROWS as usize + 2).min(h / 2);
    (focus_line + keep + 1).saturating_sub(h).min(total - h)
}

/// Draws the text areas of `form` at their rows (after the lines were drawn from `top`).
pub fn draw_areas(
    f: &mut ratatui::Frame,
    form: &Form,
    drawn: &Drawn,
    area: Rect,
    top: usize,
    active: bool,
    theme: &Theme,
) {
    for (first, idx) in &drawn.areas {
        let focused = active && form.focus == *idx;
        let rows = area_rows(focused);
        if *first < top || *first + rows as usize > top + area.height as usize {
            continue;
        }
        let Some(mut ta) = form.fields[*idx].area.clone() else {
            continue;
        };
        ta.set_style(theme.base);
        // narrative and evidence wrap at words (a long word at its width)
        ta.set_wrap_mode(WrapMode::WordOrGlyph);
        ta.set_cursor_line_style(Style::default());
        if !focused {
            ta.set_cursor_style(theme.base);
        }
        let x = area.x + 2;
        let rect = Rect::new(
            x,
            area.y + (*first - top) as u16,
            area.width.saturating_sub(3),
            rows,
        );
        f.render_widget(&ta, rect);
    }
}
