//! Choosing instead of typing: the options of a field (a closed set, a picker, or an
//! open one, a completion), how typed text narrows them, and how the short list is drawn.
//!
//! A picker's typed text is a filter, never the value: Enter (or Tab with a filter) takes
//! the highlighted option, Esc leaves the value unchanged. A completion's typed text is
//! the value; Enter takes the highlighted suggestion, Tab keeps the text as typed.

use std::rc::Rc;

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;
use crate::tui::widgets::input::LineInput;

/// Rows of the short list under a field.
pub const LIST_ROWS: usize = 5;

/// The options of a field: (value stored, words shown beside it).
#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    pub options: Rc<Vec<(String, String)>>,
    /// Only these values: the field is a picker. Else a completion of free text.
    pub closed: bool,
}

impl Choices {
    pub fn closed(options: Vec<(String, String)>) -> Choices {
        Choices {
            options: Rc::new(options),
            closed: true,
        }
    }

    pub fn open(options: Vec<(String, String)>) -> Choices {
        Choices {
            options: Rc::new(options),
            closed: false,
        }
    }

    /// The options `query` narrows to, best first: the value equal to it, values that
    /// start with it, then values or words containing it (case ignored).
    pub fn matches(&self, query: &str) -> Vec<&(String, String)> {
        let q = query.trim().to_lowercase();
        let rank = |(v, l): &(String, String)| {
            let v = v.to_lowercase();
            if q.is_empty() {
                Some(2)
            } else if v == q {
                Some(0)
            } else if v.starts_with(&q) {
                Some(1)
            } else if v.contains(&q) || l.to_lowercase().contains(&q) {
                Some(2)
            } else {
                None
            }
        };
        let mut out: Vec<(u8, &(String, String))> = self
            .options
            .iter()
            .filter_map(|o| rank(o).map(|r| (r, o)))
            .collect();
        out.sort_by_key(|(r, _)| *r);
        out.into_iter().map(|(_, o)| o).collect()
    }
}

/// A picker's list being narrowed: the typed filter and the highlighted match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pick {
    pub filter: LineInput,
    pub selected: usize,
}

/// What a key did to a field with options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    /// Not a key of the list: the form handles it.
    NotMine,
    /// The list moved or narrowed; the value is unchanged.
    Moved,
    /// An option was taken (true when the value changed); the focus moves on.
    Chosen(bool),
    /// The list was closed and the value left unchanged.
    Closed,
}

/// The short list: at most [`LIST_ROWS`] matches around the highlighted one, each
/// `value · words`, indented under the field's value.
pub fn list_lines(
    matches: &[&(String, String)],
    selected: usize,
    indent: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let first = selected.saturating_sub(LIST_ROWS - 1);
    let w = width.saturating_sub(indent + 2);
    matches
        .iter()
        .enumerate()
        .skip(first)
        .take(LIST_ROWS)
        .map(|(i, (v, l))| {
            let text = if l.is_empty() || l == v {
                v.clone()
            } else {
                format!("{v} · {l}")
            };
            let text = crate::tui::text::fit(&text, w);
            let style = if i == selected {
                theme.base.add_modifier(Modifier::REVERSED)
            } else {
                theme.dim
            };
            let mark = if i == selected { "▸ " } else { "  " };
            Line::from(vec![
                Span::raw(" ".repeat(indent)),
                Span::styled(format!("{mark}{}", text.trim_end()), style),
            ])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(v: &[&str]) -> Choices {
        Choices::closed(v.iter().map(|s| (s.to_string(), String::new())).collect())
    }

    #[test]
    fn typing_narrows_exact_first() {
        let c = opts(&["query_issued", "released", "held", "seized", "referred"]);
        let m: Vec<&str> = c.matches("re").iter().map(|o| o.0.as_str()).collect();
        assert_eq!(m, ["released", "referred"]);
        let m: Vec<&str> = c.matches("ed").iter().map(|o| o.0.as_str()).collect();
        assert_eq!(m, ["query_issued", "released", "seized", "referred"]);
        assert_eq!(c.matches("held")[0].0, "held");
        assert!(c.matches("confiscated").is_empty());
        assert_eq!(c.matches("").len(), 5);
    }
}
