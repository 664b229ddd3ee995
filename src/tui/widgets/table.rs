//! Pane frames and selectable lists.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use crate::tui::theme::Theme;

/// A bordered pane; the focused one has a highlighted border and a marked title.
pub fn pane<'a>(title: impl Into<String>, focused: bool, theme: &Theme) -> Block<'a> {
    let title: String = title.into();
    let (border, mark) = if focused {
        (theme.border_focused, "▶ ")
    } else {
        (theme.border, "")
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Line::from(vec![Span::styled(
            format!(" {mark}{title} "),
            theme.title,
        )]))
}

/// Draws `rows` (already cut to fit) with row `selected` highlighted.
pub fn draw_rows(
    f: &mut Frame,
    area: Rect,
    rows: Vec<Line<'_>>,
    selected: Option<usize>,
    focused: bool,
    theme: &Theme,
) {
    let sel_style = if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    };
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if Some(i) == selected {
                l.style(sel_style)
            } else {
                l
            }
        })
        .collect();
    draw_lines(f, area, &lines, 0);
}

/// Draws lines cut at the area's width, from line `scroll` on. Cheaper than a
/// Paragraph (no wrapping or alignment pass): the big tables and panes use it.
pub fn draw_lines(f: &mut Frame, area: Rect, lines: &[Line<'_>], scroll: usize) {
    let buf = f.buffer_mut();
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .enumerate()
    {
        let y = area.y + i as u16;
        if line.style != Style::default() {
            buf.set_style(Rect::new(area.x, y, area.width, 1), line.style);
        }
        buf.set_line(area.x, y, line, area.width);
    }
}

/// A rectangle of at most `w`x`h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// Clears `area` and frames it as a modal window.
pub fn modal(f: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    cut_wide_at_left_edge(f, area);
    f.render_widget(Clear, area);
    let block = pane(title.to_string(), true, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

/// A double-width character (a Chinese name in the list below) that starts in the column
/// left of `area` would be cut in half by the modal's left border and hide it: it is
/// replaced by a space first.
fn cut_wide_at_left_edge(f: &mut Frame, area: Rect) {
    use unicode_width::UnicodeWidthStr;
    let Some(x) = area.x.checked_sub(1) else {
        return;
    };
    let buf = f.buffer_mut();
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((x, y))
            && cell.symbol().width() > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// A `label: value` line.
pub fn field<'a>(label: &'a str, value: impl Into<String>, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.dim),
        Span::styled(value.into(), Style::new()),
    ])
}

/// `text` broken into lines of at most `width` columns, at spaces where it can (a word
/// wider than the line, or text without spaces such as Chinese, breaks between
/// characters). Nothing is dropped: every character of `text` is on some line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let width = width.max(1);
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ') {
            let sep = usize::from(!line.is_empty());
            if line.width() + sep + word.width() <= width {
                if sep == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // a word wider than the line breaks between characters
            for c in word.chars() {
                if !line.is_empty() && line.width() + c.width().unwrap_or(0) > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_keeps_every_character_within_the_width() {
        let text =
            "Discard what you typed and quit? 未保存的内容将丢失，确定退出吗 abcdefghijklmnop";
        for w in [2, 5, 12, 30] {
            let lines = wrap(text, w);
            assert!(
                lines
                    .iter()
                    .all(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) <= w),
                "{w}: {lines:?}"
            );
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let want: String = text.chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, want, "{w}");
        }
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
    }
}
