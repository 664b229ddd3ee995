//! Drawing the Rules tab (from state only).

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph};

use super::RulesScreen;
use super::detail::item_lines;
use super::screening::ScreeningForm;
use crate::domain::{Lang, sanitize};
use crate::report::RuleDetail;
use crate::t;
use crate::tui::screens::Pane;
use crate::tui::screens::ViewCx;
use crate::tui::text::fit;
use crate::tui::theme::Theme;
use crate::tui::widgets::scroll_pane::{Mark, render_scroll};
use crate::tui::widgets::table::{draw_rows, pane};
use crate::tui::widgets::verdict::verdict_lines;

/// The party rows of the list: the name (Chinese in Chinese when the pack has it) and
/// the list it is on.
fn party_rows<'a>(s: &'a RulesScreen, lang: Lang, width: usize) -> impl Iterator<Item = Line<'a>> {
    s.parties.iter().map(move |h| {
        let p = s
            .pack
            .as_ref()
            .and_then(|pk| pk.parties.iter().find(|p| p.id == h.party_id));
        let name = p
            .map(|p| match (lang, p.name_zh.trim(), p.name_en.trim()) {
                (Lang::Zh, zh, _) if !zh.is_empty() => format!("{zh} · {}", p.list),
                (_, zh, "") => format!("{zh} · {}", p.list),
                (_, _, en) => format!("{en} · {}", p.list),
            })
            .unwrap_or_else(|| h.party_id.clone());
        Line::raw(fit(&sanitize(&name), width))
    })
}

/// List | detail, the list a third of the width (at least 28 columns).
pub fn split(area: Rect) -> (Rect, Rect) {
    let list_w = (area.width / 3).max(28).min(area.width);
    let [l, r] = Layout::horizontal([Constraint::Length(list_w), Constraint::Min(0)]).areas(area);
    (l, r)
}

pub fn render(s: &RulesScreen, f: &mut Frame, area: Rect, v: &ViewCx) {
    let (theme, lang) = (v.theme, v.lang);
    let (left, right) = split(area);
    let list_focus = s.focus == Pane::List;
    let block = pane(t!(lang, "rules-title", count = s.rows()), list_focus, theme);
    let inner = block.inner(left);
    f.render_widget(block, left);
    let [search, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let editing = s.editing.is_some();
    let search_line = if editing || !s.query.text().is_empty() {
        s.query.line("/ ", theme.base, editing)
    } else {
        Line::styled(t!(lang, "rules-search-hint"), theme.dim)
    };
    f.render_widget(Paragraph::new(search_line), search);
    let width = list.width as usize;
    let rows_h = list.height as usize;
    let start = s.selected.saturating_sub(rows_h.saturating_sub(1));
    let items: Vec<Line> = s
        .hits
        .iter()
        .map(|h| {
            let item = s
                .pack
                .as_ref()
                .and_then(|p| p.items.iter().find(|i| i.id == h.item_id));
            // in Chinese the pack's Chinese name, else the English one
            let name = item
                .map(|i| match (lang, i.name_zh.trim()) {
                    (Lang::Zh, zh) if !zh.is_empty() => sanitize(zh).into_owned(),
                    _ => sanitize(&i.name_en).into_owned(),
                })
                .unwrap_or_else(|| sanitize(&h.item_id).into_owned());
            Line::raw(fit(&name, width))
        })
        .chain(party_rows(s, lang, width))
        .chain(s.notices.all().map(|n| {
            let text = s
                .pack
                .as_deref()
                .map(|p| super::notices::row_text(p, n, lang))
                .unwrap_or_default();
            Line::raw(fit(&text, width))
        }))
        .skip(start)
        .take(rows_h)
        .collect();
    let empty = items.is_empty();
    draw_rows(f, list, items, Some(s.selected - start), list_focus, theme);
    if empty {
        let msg = if s.pack.is_none() {
            "rules-no-pack"
        } else {
            "rules-no-match"
        };
        let msg = Line::styled(t!(lang, msg), theme.warn);
        f.render_widget(Paragraph::new(msg), list);
    }

    let detail_focus = s.focus == Pane::Detail;
    if let Some(form) = &s.form {
        let block = pane(t!(lang, "rules-screen-title"), detail_focus, theme);
        let inner = block.inner(right);
        f.render_widget(block, right);
        // the fields on top; the verdict and its reasons below them, scrolled
        let fields = form_rows(form).min(inner.height);
        let [top, rest] =
            Layout::vertical([Constraint::Length(fields), Constraint::Min(0)]).areas(inner);
        form.render(f, top, theme, v.lang);
        let mut lines = Vec::new();
        match &form.result {
            None => lines.push(Line::styled(t!(lang, "scr-fill-in"), theme.dim)),
            Some(r) => verdict_lines(r, lang, theme, &mut lines),
        }
        let block = Block::new().borders(Borders::TOP).border_style(theme.dim);
        let at = (rest, block, Mark::Top);
        render_scroll(f, at, &lines, s.verdict_scroll, (lang, theme));
        return;
    }
    let block = pane(t!(lang, "rules-detail"), detail_focus, theme);
    let lines = detail_lines(s, lang, v.clock.today(), theme);
    let at = (right, block, Mark::Bottom);
    render_scroll(f, at, &lines, s.detail_scroll, (lang, theme));
}

/// Rows the screening form's fields take (a field, and its message when it has one).
pub fn form_rows(form: &ScreeningForm) -> u16 {
    (form.inputs.len() + form.errors.iter().flatten().count()) as u16
}

/// The detail pane's lines: the selected item's or party's detail (from the cached pack).
pub fn detail_lines<'a>(
    s: &'a RulesScreen,
    lang: Lang,
    today: NaiveDate,
    theme: &Theme,
) -> Vec<Line<'a>> {
    match (s.pack.as_deref(), s.selected_item()) {
        (Some(pack), None) if s.selected_notice().is_some() => s
            .selected_notice()
            .map(|n| super::notices::notice_lines(pack, n, lang, theme))
            .unwrap_or_default(),
        (Some(pack), None) if s.selected_party().is_some() => {
            super::parties::party_lines(pack, s.selected_party(), today, lang, theme)
        }
        (Some(pack), Some(item)) => {
            item_lines(&RuleDetail::of_item(pack, item, today), lang, theme)
        }
        _ => vec![Line::styled(t!(lang, "rules-select-hint"), theme.dim)],
    }
}
