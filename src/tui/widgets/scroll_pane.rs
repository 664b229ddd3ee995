//! A scrollable pane of text: its lines wrapped to the pane's width (at spaces, a long word
//! split), scrolled by a row offset held in the screen's state, never past its end (a
//! large offset such as `G` gives shows the last page, never a blank pane), and a mark
//! on the bottom border when there is more below (or above). Every detail and verdict
//! pane draws through it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

use crate::domain::Lang;
use crate::i18n;
use crate::tui::theme::Theme;
use crate::tui::widgets::table::draw_lines;

/// One row of output while wrapping.
struct Row<'a> {
    spans: Vec<Span<'a>>,
    width: usize,
}

/// `lines` wrapped to `width` columns: one output line per screen row, styles kept.
pub fn wrap<'a>(lines: &[Line<'a>], width: usize) -> Vec<Line<'a>> {
    let width = width.max(1);
    let mut out = Vec::new();
    for line in lines {
        let mut rows: Vec<Row<'a>> = vec![Row {
            spans: Vec::new(),
            width: 0,
        }];
        for span in &line.spans {
            for word in span.content.split_inclusive(' ') {
                place(&mut rows, word, span.style, width);
            }
        }
        out.extend(rows.into_iter().map(|r| {
            let mut l = Line::from(r.spans);
            l.style = line.style;
            l
        }));
    }
    out
}

/// Puts one word (with its trailing space) on the last row, or on a new one.
fn place<'a>(rows: &mut Vec<Row<'a>>, word: &str, style: Style, width: usize) {
    let w = word.trim_end().width();
    let Some(last) = rows.last() else {
        return;
    };
    // an indent alone stays with the word that follows it
    let blank = last.spans.iter().all(|s| s.content.trim().is_empty());
    if !blank && last.width + w > width {
        rows.push(Row {
            spans: Vec::new(),
            width: 0,
        });
    }
    let mut piece = String::new();
    let mut piece_w = 0;
    for c in word.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        let used = rows.last().map_or(0, |r| r.width);
        if used + piece_w + cw > width && c != ' ' {
            push_piece(rows, std::mem::take(&mut piece), piece_w, style);
            piece_w = 0;
            rows.push(Row {
                spans: Vec::new(),
                width: 0,
            });
        }
        piece.push(c);
        piece_w += cw;
    }
    push_piece(rows, piece, piece_w, style);
}

fn push_piece<'a>(rows: &mut [Row<'a>], piece: String, w: usize, style: Style) {
    if piece.is_empty() {
        return;
    }
    if let Some(r) = rows.last_mut() {
        r.spans.push(Span::styled(piece, style));
        r.width += w;
    }
}

/// The offset actually shown: at most the one that shows the last page.
pub fn clamp(scroll: u16, rows: usize, height: u16) -> usize {
    (scroll as usize).min(rows.saturating_sub(height as usize))
}

/// Where the "more" mark goes: on the block's bottom border, or on its top one (a pane
/// below a form, whose only border is the rule above it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Bottom,
    Top,
}

/// Draws `block` on `area` and `lines` inside it, wrapped and scrolled by `scroll` rows
/// (clamped to the last page); the border says when more is below or above.
pub fn render_scroll(
    f: &mut Frame,
    (area, block, at): (Rect, Block<'_>, Mark),
    lines: &[Line<'_>],
    scroll: u16,
    (lang, theme): (Lang, &Theme),
) {
    let inner = block.inner(area);
    let rows = wrap(lines, inner.width as usize);
    let top = clamp(scroll, rows.len(), inner.height);
    let below = rows.len() > top + inner.height as usize;
    let mark = match (top > 0, below) {
        (_, true) => Some("scroll-more-below"),
        (true, false) => Some("scroll-more-above"),
        (false, false) => None,
    };
    let block = match (mark, at) {
        (Some(id), Mark::Bottom) => {
            block.title_bottom(Line::styled(i18n::text(lang, id), theme.key).right_aligned())
        }
        (Some(id), Mark::Top) => {
            block.title_top(Line::styled(i18n::text(lang, id), theme.key).right_aligned())
        }
        (None, _) => block,
    };
    f.render_widget(block, area);
    draw_lines(f, inner, &rows, top);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_at_spaces_splits_long_words_and_keeps_wide_characters_whole() {
        let l = [Line::raw("destination ban for military end use")];
        assert_eq!(
            texts(&wrap(&l, 12)),
            ["destination ", "ban for ", "military end ", "use"]
        );
        assert_eq!(
            texts(&wrap(&[Line::raw("abcdefghij")], 4)),
            ["abcd", "efgh", "ij"]
        );
        assert_eq!(texts(&wrap(&[Line::raw("钨钨钨")], 4)), ["钨钨", "钨"]);
        assert_eq!(texts(&wrap(&[Line::raw("")], 4)), [""]);
        assert_eq!(texts(&wrap(&[Line::raw("  abcdef")], 4)), ["  ab", "cdef"]);
    }

    #[test]
    fn never_scrolls_past_the_last_page() {
        assert_eq!(clamp(500, 30, 10), 20);
        assert_eq!(clamp(3, 30, 10), 3);
        assert_eq!(clamp(9, 5, 10), 0);
    }
}
