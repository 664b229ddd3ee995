//! Drawing the Rules tab (from state only).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Pane;
use super::rules::RulesScreen;
use crate::domain::sanitize;
use crate::rules::RulePack;
use crate::rules::pack::{AnnouncementStatus, Effect, Item};
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{draw_rows, field, fit, pane};

/// List | detail, the list a third of the width (at least 28 columns).
pub fn split(area: Rect) -> (Rect, Rect) {
    let list_w = (area.width / 3).max(28).min(area.width);
    let [l, r] = Layout::horizontal([Constraint::Length(list_w), Constraint::Min(0)]).areas(area);
    (l, r)
}

pub fn render(s: &RulesScreen, f: &mut Frame, area: Rect, theme: &Theme) {
    let (left, right) = split(area);
    let list_focus = s.focus == Pane::List;
    let block = pane(format!("Rules ({})", s.hits.len()), list_focus, theme);
    let inner = block.inner(left);
    f.render_widget(block, left);
    let [search, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let editing = s.editing.is_some();
    let search_line = if editing || !s.query.text().is_empty() {
        s.query.line("/ ", theme.base, editing)
    } else {
        Line::styled("/ to search", theme.dim)
    };
    f.render_widget(Paragraph::new(search_line), search);
    let width = list.width as usize;
    let rows_h = list.height as usize;
    let start = s.selected.saturating_sub(rows_h.saturating_sub(1));
    let items: Vec<Line> = s
        .hits
        .iter()
        .skip(start)
        .take(rows_h)
        .map(|h| {
            let item = s
                .pack
                .as_ref()
                .and_then(|p| p.items.iter().find(|i| i.id == h.item_id));
            let name = item
                .map(|i| sanitize(&i.name_en).into_owned())
                .unwrap_or_else(|| sanitize(&h.item_id).into_owned());
            Line::raw(fit(&name, width))
        })
        .collect();
    let empty = items.is_empty();
    draw_rows(f, list, items, Some(s.selected - start), list_focus, theme);
    if empty {
        let msg = if s.pack.is_none() {
            "no rule pack installed"
        } else {
            "no item matches"
        };
        f.render_widget(Paragraph::new(Line::styled(msg, theme.warn)), list);
    }

    let detail_focus = s.focus == Pane::Detail;
    if let Some(form) = &s.form {
        let block = pane("Screen a shipment (Esc closes)", detail_focus, theme);
        let inner = block.inner(right);
        f.render_widget(block, right);
        form.render(f, inner, theme);
        return;
    }
    let block = pane("Detail", detail_focus, theme);
    let inner = block.inner(right);
    f.render_widget(block, right);
    let lines = match (s.pack.as_deref(), s.selected_item()) {
        (Some(pack), Some(item)) => item_lines(pack, item, theme),
        _ => vec![Line::styled(
            "Select an item; s screens a shipment.",
            theme.dim,
        )],
    };
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((s.detail_scroll, 0)),
        inner,
    );
}

fn status_name(s: AnnouncementStatus) -> &'static str {
    match s {
        AnnouncementStatus::InForce => "in force",
        AnnouncementStatus::Suspended => "SUSPENDED",
        AnnouncementStatus::Superseded => "superseded",
        AnnouncementStatus::Framework => "framework",
    }
}

/// An announcement cited by its number (`2025 No. 72`), else by its id.
fn number<'a>(pack: &'a RulePack, id: &'a str) -> String {
    clean(
        pack.announcements
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.number.as_str())
            .unwrap_or(id),
    )
}

fn effect(e: Effect) -> &'static str {
    match e {
        Effect::Prohibited => "prohibited",
        Effect::LicenceRequired => "licence required",
        Effect::NeedsReview => "needs review",
    }
}

fn clean(s: &str) -> String {
    sanitize(s).into_owned()
}

/// Every fact about an item the officer may need, with its legal basis and sources.
pub fn item_lines<'a>(pack: &'a RulePack, item: &'a Item, theme: &Theme) -> Vec<Line<'a>> {
    let mut l = vec![Line::from(vec![
        Span::styled(clean(&item.name_en), theme.title),
        Span::raw("  "),
        Span::raw(clean(&item.name_zh)),
    ])];
    l.push(field(
        "Item",
        format!("{} · family {}", clean(&item.id), clean(&item.family)),
        theme,
    ));
    if !item.formulae.is_empty() {
        l.push(field("Formulae", clean(&item.formulae.join(", ")), theme));
    }
    l.push(field(
        "Control code",
        item.control_code
            .as_deref()
            .map(clean)
            .unwrap_or_else(|| "not published".into()),
        theme,
    ));
    l.push(field(
        "Licence",
        if item.technology {
            "technology item (not goods)"
        } else if item.licence_required {
            "export licence required"
        } else {
            "no licence"
        },
        theme,
    ));
    if !item.hs_codes.is_empty() {
        l.push(Line::styled("HS codes", theme.dim));
        for h in &item.hs_codes {
            let note = if h.note.is_empty() {
                String::new()
            } else {
                format!("  {}", clean(&h.note))
            };
            l.push(Line::raw(format!("  {}{note}", clean(&h.code))));
        }
    }
    if item.criteria.is_empty() {
        l.push(field("Criteria", "every grade", theme));
    } else {
        l.push(Line::styled(
            "Criteria (all of a group; any group)",
            theme.dim,
        ));
        for c in &item.criteria {
            let group = if c.group.is_empty() {
                String::new()
            } else {
                format!(" [group {}]", clean(&c.group))
            };
            let unc = if c.unconfirmed { " UNCONFIRMED" } else { "" };
            l.push(Line::raw(format!(
                "  {} {} {}{group}{unc}",
                clean(&c.measurement),
                c.op.symbol(),
                c.value
            )));
        }
    }
    if let Some(a) = pack
        .announcements
        .iter()
        .find(|a| a.id == item.announcement)
    {
        l.push(Line::raw(""));
        l.push(Line::from(vec![
            Span::styled("Announcement ", theme.dim),
            Span::styled(clean(&a.number), theme.title),
        ]));
        l.push(Line::raw(format!("  {}", clean(&a.title))));
        if !a.title_zh.is_empty() {
            l.push(Line::raw(format!("  {}", clean(&a.title_zh))));
        }
        l.push(Line::raw(format!(
            "  issued by {} · published {} · effective {} · {}",
            clean(&a.issuers.join(", ")),
            a.published,
            a.effective
                .map(|d| d.to_string())
                .unwrap_or_else(|| "never on its own".into()),
            status_name(a.status)
        )));
        for sp in pack.suspensions.iter().filter(|sp| sp.target == a.id) {
            let clause = sp
                .clause
                .as_deref()
                .map(|c| format!(" clause {}", clean(c)))
                .unwrap_or_default();
            l.push(Line::styled(
                format!(
                    "  suspended{clause} {} → {} by {}",
                    sp.start,
                    sp.end,
                    number(pack, &sp.by)
                ),
                theme.warn,
            ));
        }
        for u in &a.unconfirmed {
            l.push(Line::styled(
                format!("  UNCONFIRMED: {}", clean(u)),
                theme.warn,
            ));
        }
    }
    let clauses: Vec<_> = pack
        .clauses
        .iter()
        .filter(|c| c.families.is_empty() || c.families.contains(&item.family))
        .collect();
    if !clauses.is_empty() {
        l.push(Line::raw(""));
        l.push(Line::styled("Destination and end-use clauses", theme.dim));
    }
    for c in clauses {
        let to = c
            .valid_to
            .map(|d| d.to_string())
            .unwrap_or_else(|| "open".into());
        let scope = c
            .country
            .as_deref()
            .map(clean)
            .unwrap_or_else(|| "any destination".into());
        l.push(Line::raw(format!(
            "  {} ({}) {scope}: {} · {} → {to}",
            clean(&c.id),
            number(pack, &c.announcement),
            effect(c.effect),
            c.valid_from
        )));
        l.push(Line::raw(format!("    {}", clean(&c.text))));
        for sp in pack
            .suspensions
            .iter()
            .filter(|sp| sp.clause.as_deref() == Some(c.id.as_str()))
        {
            l.push(Line::styled(
                format!(
                    "    suspended {} → {} by {}",
                    sp.start,
                    sp.end,
                    number(pack, &sp.by)
                ),
                theme.warn,
            ));
        }
    }
    if !item.notes.is_empty() {
        l.push(Line::raw(""));
        l.push(Line::raw(clean(&item.notes)));
    }
    for u in &item.unconfirmed {
        l.push(Line::styled(
            format!("UNCONFIRMED: {}", clean(u)),
            theme.warn,
        ));
    }
    if !item.sources.is_empty() {
        l.push(Line::styled("Sources", theme.dim));
        for s in &item.sources {
            l.push(Line::raw(format!("  {}", clean(s))));
        }
    }
    l
}
