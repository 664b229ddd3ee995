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

    /// The first char to draw so that, in `width` columns, the cursor cell and the text
    /// typed before it show (the field scrolls horizontally as the cursor moves on).
    pub fn scroll_start(&self, width: usize) -> usize {
        use unicode_width::UnicodeWidthChar;
        let chars: Vec<char> = self.text.chars().collect();
        let cursor_w = chars
            .get(self.cursor)
            .map_or(1, |c| c.width().unwrap_or(0).max(1));
        let mut used = cursor_w;
        let mut start = self.cursor.min(chars.len());
        while start > 0 {
            let w = chars[start - 1].width().unwrap_or(0);
            if used + w > width {
                break;
            }
            used += w;
            start -= 1;
        }
        start
    }

    /// Like [`spans`](Self::spans) in `width` columns: focused, the text scrolls so the
    /// cursor is always inside; unfocused, the start shows and a cut end reads `…`.
    pub fn spans_in(&self, style: Style, focused: bool, width: usize) -> Vec<Span<'static>> {
        use unicode_width::UnicodeWidthStr;
        if !focused {
            let t = if self.text.width() > width {
                crate::tui::text::fit(&self.text, width)
                    .trim_end()
                    .to_string()
            } else {
                self.text.clone()
            };
            return vec![Span::styled(t, style)];
        }
        let start = self.scroll_start(width.max(1));
        let view = LineInput {
            text: self.text.chars().skip(start).collect(),
            cursor: self.cursor - start,
        };
        let mut out: Vec<Span<'static>> = view
            .spans(style, true)
            .into_iter()
            .map(|s| Span::styled(s.content.into_owned(), s.style))
            .collect();
        // what lies past the right edge is cut by the frame; the cursor cell is inside
        if let Some(last) = out.last_mut() {
            let room = width.saturating_sub(
                view.text
                    .chars()
                    .take(view.cursor + 1)
                    .collect::<String>()
                    .width(),
            );
            if last.content.width() > room {
                last.content = crate::tui::text::fit(&last.content, room)
                    .trim_end()
                    .to_string()
                    .into();
            }
        }
        out
    }

    /// [`line`](Self::line) in `width` columns (prefix included), scrolled like
    /// [`spans_in`](Self::spans_in).
    pub fn line_in(
        &self,
        prefix: &str,
        style: Style,
        focused: bool,
        width: usize,
    ) -> Line<'static> {
        use unicode_width::UnicodeWidthStr;
        let mut spans = vec![Span::styled(prefix.to_string(), style)];
        spans.extend(self.spans_in(style, focused, width.saturating_sub(prefix.width())));
        Line::from(spans)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(i: &LineInput, width: usize) -> String {
        i.spans_in(Style::default(), true, width)
            .iter()
            .map(|s| s.content.as_ref())
            .collect()
    }

    #[test]
    fn a_long_text_scrolls_so_the_cursor_shows() {
        let text = "Shanghai Example Magnetics Co., Ltd. and its sixty characters";
        let mut i = LineInput::with_text(text);
        // at the end: the last 19 chars and the cursor cell
        assert_eq!(shown(&i, 20), format!("{} ", &text[text.len() - 19..]));
        i.edit(Action::CursorHome);
        assert_eq!(shown(&i, 20).chars().count(), 20);
        assert!(shown(&i, 20).starts_with("Shanghai"));
        // wide characters count two columns
        let i = LineInput::with_text("镓镓镓镓镓");
        assert_eq!(shown(&i, 5), "镓镓 ");
    }

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
