//! The Sync tab's decisions list: each review decision with the shipment it is on (the
//! declaration number), the inspecting officer, the comment, the reviewer and time; the
//! title counts every decision held here (the list shows the newest
//! [`LIST_LIMIT`](super::ops::LIST_LIMIT)); Enter opens the record.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::SyncScreen;
use super::world::id_in;
use crate::domain::{DbKind, sanitize};
use crate::i18n;
use crate::report::SyncOverview;
use crate::report::sync_status::short_time;
use crate::store::Decision;
use crate::t;
use crate::tui::screens::{Pane, ViewCx};
use crate::tui::text::fit;
use crate::tui::widgets::table::{draw_rows, pane};

/// The first row shown so that `selected` is visible in `height` rows.
fn window(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

/// The pane's title: what the decisions are and how many; the key hint after the count
/// gives way first when the title does not fit.
fn title(s: &SyncScreen, d: &SyncOverview, area: Rect, lang: crate::domain::Lang) -> String {
    let total = s.decisions_total as i64;
    let title = if d.kind == DbKind::Hq {
        t!(lang, "sync-decisions-here", count = total)
    } else {
        t!(
            lang,
            id_in(s.world, "sync-decisions-from-hq"),
            count = total
        )
    };
    let fits = |t: &str| unicode_width::UnicodeWidthStr::width(t) + 6 <= usize::from(area.width);
    match title.split_once(" · ") {
        Some((head, _)) if !fits(&title) => head.to_string(),
        _ => title,
    }
}

pub(super) fn render(f: &mut Frame, area: Rect, s: &SyncScreen, d: &SyncOverview, v: &ViewCx) {
    let (theme, lang) = (v.theme, v.lang);
    let focused = s.focus == Pane::Detail;
    let title = title(s, d, area, lang);
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if s.decisions.is_empty() {
        f.render_widget(
            Paragraph::new(Line::styled(i18n::text(lang, "sync-no-reviews"), theme.dim)),
            inner,
        );
        return;
    }
    let w = inner.width as usize;
    let first = window(s.review_scroll, inner.height as usize);
    let lines: Vec<Line> = s
        .decisions
        .iter()
        .skip(first)
        .take(inner.height as usize)
        .map(|r| {
            let style = match r.decision {
                Decision::Approved => theme.ok,
                Decision::Returned => theme.warn,
            };
            let comment = match r.comment.is_empty() {
                true => i18n::text(lang, "sync-no-comment"),
                false => sanitize(&r.comment).into_owned(),
            };
            let none = || "-".to_string();
            let declaration = match r.declaration_no.is_empty() {
                true => none(),
                false => sanitize(&r.declaration_no).into_owned(),
            };
            let officer = match r.officer_badge.is_empty() {
                true => none(),
                false => sanitize(&r.officer_badge).into_owned(),
            };
            let rest = t!(
                lang,
                "sync-decision-line",
                declaration = declaration,
                officer = officer,
                comment = comment,
                reviewer = sanitize(&r.reviewer).into_owned(),
                at = short_time(&r.decided_at)
            );
            Line::from(vec![
                Span::styled(
                    fit(
                        &t!(lang, &format!("review-decision-{}", r.decision.as_str())),
                        9,
                    ) + " ",
                    style,
                ),
                Span::raw(fit(&rest, w.saturating_sub(10))),
            ])
        })
        .collect();
    draw_rows(
        f,
        inner,
        lines,
        Some(s.review_scroll.saturating_sub(first)),
        focused,
        theme,
    );
}
