//! A one-line text field: the text, a cursor, and how to draw it.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::tui::action::Action;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in chars.
    cursor: usize,
}

impl LineInput {
    pub fn with_text(text: &str) -> LineInput {
        LineInput {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn set(&mut self, text: &str) {
        *self = LineInput::with_text(text);
    }

    fn byte_at(&self, cursor: usize) -> usize {
        self.text
            .char_indices()
            .nth(cursor)
            .map(|(i, _)| i)
            .unwrap_or(self.text.len())
    }

    pub fn insert(&mut self, c: char) {
        if c.is_control() {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Applies an editing action; true when the text changed.
    pub fn edit(&mut self, action: Action) -> bool {
        let len = self.text.chars().count();
        match action {
            Action::DeleteBack if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
                true
            }
            Action::DeleteForward if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
                true
            }
            Action::CursorLeft => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Action::CursorRight => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            Action::CursorHome => {
                self.cursor = 0;
                false
            }
            Action::CursorEnd => {
                self.cursor = len;
                false
            }
            Action::ClearField => {
                let changed = !self.text.is_empty();
                self.set("");
                changed
            }
            _ => false,
        }
    }

    /// True for the actions [`edit`](Self::edit) understands.
    pub fn is_edit(action: Action) -> bool {
        matches!(
            action,
            Action::DeleteBack
                | Action::DeleteForward
                | Action::CursorLeft
                | Action::CursorRight
                | Action::CursorHome
                | Action::CursorEnd
                | Action::ClearField
        )
    }

    /// The text as spans, with the cursor cell reversed when `focused`.
    pub fn spans(&self, style: Style, focused: bool) -> Vec<Span<'_>> {
        if !focused {
            return vec![Span::styled(self.text.as_str(), style)];
        }
        let at = self.byte_at(self.cursor);
        let (before, rest) = self.text.split_at(at);
        let mut chars = rest.chars();
        let cur = chars.next();
        let after = chars.as_str();
        let cursor_style = style.add_modifier(Modifier::REVERSED);
        vec![
            Span::styled(before, style),
            match cur {
                Some(c) => Span::styled(rest[..c.len_utf8()].to_string(), cursor_style),
                None => Span::styled(" ", cursor_style),
            },
            Span::styled(after, style),
        ]
    }

    pub fn line(&self, prefix: &str, style: Style, focused: bool) -> Line<'_> {
        let mut spans = vec![Span::styled(prefix.to_string(), style)];
        spans.extend(self.spans(style, focused));
        Line::from(spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_with_multibyte_text() {
        let mut i = LineInput::default();
        for c in "镓ab".chars() {
            i.insert(c);
        }
        assert!(i.edit(Action::DeleteBack));
        assert_eq!(i.text(), "镓a");
        i.edit(Action::CursorHome);
        assert!(i.edit(Action::DeleteForward));
        assert_eq!(i.text(), "a");
        i.insert('\u{1b}');
        assert_eq!(i.text(), "a");
        assert!(i.edit(Action::ClearField));
        assert_eq!(i.text(), "");
    }
}
