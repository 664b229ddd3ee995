//! The Rules tab's detail pane: every fact about an item the officer may need, with its
//! legal basis and sources (from the cached pack; no query).

use ratatui::text::{Line, Span};

use crate::domain::sanitize;
use crate::report::{ClauseDetail, RuleDetail, SuspensionLine};
use crate::rules::pack::{AnnouncementStatus, Effect, Item};
use crate::tui::theme::Theme;
use crate::tui::widgets::table::field;

fn status_name(s: AnnouncementStatus) -> &'static str {
    match s {
        AnnouncementStatus::InForce => "in force",
        AnnouncementStatus::Suspended => "SUSPENDED",
        AnnouncementStatus::Superseded => "superseded",
        AnnouncementStatus::Framework => "framework",
    }
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
pub fn item_lines<'a>(d: &RuleDetail<'a>, theme: &Theme) -> Vec<Line<'a>> {
    let item = d.item;
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
    hs_and_criteria(item, theme, &mut l);
    announcement(d, theme, &mut l);
    clauses(&d.clauses, theme, &mut l);
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

/// The HS codes and the criteria of an item.
fn hs_and_criteria(item: &Item, theme: &Theme, l: &mut Vec<Line<'_>>) {
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
}

/// The announcement that lists the item, its suspensions and open questions.
fn announcement(d: &RuleDetail<'_>, theme: &Theme, l: &mut Vec<Line<'_>>) {
    let Some(a) = d.announcement else {
        return;
    };
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
    for sp in &d.suspensions {
        let clause = sp
            .suspension
            .clause
            .as_deref()
            .map(|c| format!(" clause {}", clean(c)))
            .unwrap_or_default();
        l.push(Line::styled(
            format!("  suspended{clause} {}", window(sp)),
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

/// `2025-11-09 → 2026-11-10 by 2025 No. 70`.
fn window(sp: &SuspensionLine<'_>) -> String {
    let x = sp.suspension;
    format!("{} → {} by {}", x.start, x.end, clean(&sp.by))
}

/// The destination and end-use clauses that apply to the item's family; under each,
/// the suspensions that name that clause.
fn clauses(clauses: &[ClauseDetail<'_>], theme: &Theme, l: &mut Vec<Line<'_>>) {
    if !clauses.is_empty() {
        l.push(Line::raw(""));
        l.push(Line::styled("Destination and end-use clauses", theme.dim));
    }
    for cd in clauses {
        let c = cd.clause;
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
            clean(cd.announcement_number()),
            effect(c.effect),
            c.valid_from
        )));
        l.push(Line::raw(format!("    {}", clean(&c.text))));
        // whole-announcement suspensions are listed under the announcement
        for sp in cd
            .suspensions
            .iter()
            .filter(|sp| sp.suspension.clause.as_deref() == Some(c.id.as_str()))
        {
            l.push(Line::styled(
                format!("    suspended {}", window(sp)),
                theme.warn,
            ));
        }
    }
}
