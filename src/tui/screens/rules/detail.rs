//! The Rules tab's detail pane: every fact about an item the officer may need, with its
//! legal basis and sources (from the cached pack; no query).

use ratatui::text::{Line, Span};

use crate::domain::{Lang, sanitize};
use crate::i18n;
use crate::report::{ClauseDetail, RuleDetail, SuspensionLine};
use crate::rules::pack::{AnnouncementStatus, Effect, Item};
use crate::t;
use crate::tui::theme::Theme;

fn status_name(s: AnnouncementStatus) -> &'static str {
    match s {
        AnnouncementStatus::InForce => "detail-status-in-force",
        AnnouncementStatus::Suspended => "detail-status-suspended",
        AnnouncementStatus::Superseded => "detail-status-superseded",
        AnnouncementStatus::Framework => "detail-status-framework",
    }
}

fn effect(e: Effect) -> &'static str {
    match e {
        Effect::Prohibited => "detail-effect-prohibited",
        Effect::LicenceRequired => "detail-effect-licence-required",
        Effect::NeedsReview => "detail-effect-needs-review",
    }
}

fn clean(s: &str) -> String {
    sanitize(s).into_owned()
}

/// Pack text that exists in English only: in Chinese it is shown marked as such.
fn english_marked(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => format!("{} {}", i18n::text(lang, "screen-english-only"), clean(s)),
        Lang::En => clean(s),
    }
}

/// Every fact about an item the officer may need, with its legal basis and sources.
/// In Chinese the item's Chinese name leads; the pack's own notes and sources are shown as
/// the pack words them.
pub fn item_lines<'a>(d: &RuleDetail<'a>, lang: Lang, theme: &Theme) -> Vec<Line<'a>> {
    let item = d.item;
    let (first, second) = match lang {
        Lang::Zh if !item.name_zh.trim().is_empty() => (&item.name_zh, &item.name_en),
        _ => (&item.name_en, &item.name_zh),
    };
    let mut l = vec![Line::from(vec![
        Span::styled(clean(first), theme.title),
        Span::raw("  "),
        Span::raw(clean(second)),
    ])];
    let label = |id: &str| i18n::text(lang, id);
    l.push(owned_field(
        label("detail-item"),
        t!(
            lang,
            "detail-item-family",
            id = clean(&item.id),
            family = clean(&item.family)
        ),
        lang,
        theme,
    ));
    if !item.formulae.is_empty() {
        l.push(owned_field(
            label("detail-formulae"),
            clean(&item.formulae.join(", ")),
            lang,
            theme,
        ));
    }
    let code = item
        .control_code
        .as_deref()
        .map(clean)
        .unwrap_or_else(|| label("detail-not-published"));
    l.push(owned_field(label("detail-control-code"), code, lang, theme));
    let licence = if item.technology {
        "detail-licence-technology"
    } else if item.licence_required {
        "detail-licence-required"
    } else {
        "detail-licence-none"
    };
    l.push(owned_field(
        label("detail-licence"),
        label(licence),
        lang,
        theme,
    ));
    hs_and_criteria(item, lang, theme, &mut l);
    announcement(d, lang, theme, &mut l);
    clauses(&d.clauses, lang, theme, &mut l);
    if !item.notes.is_empty() {
        l.push(Line::raw(""));
        l.push(Line::raw(english_marked(lang, &item.notes)));
    }
    for u in &item.unconfirmed {
        l.push(Line::styled(
            t!(lang, "detail-unconfirmed", what = clean(u)),
            theme.warn,
        ));
    }
    if !item.sources.is_empty() {
        l.push(Line::styled(label("detail-sources"), theme.dim));
        for s in &item.sources {
            l.push(Line::raw(format!("  {}", clean(s))));
        }
    }
    l
}

/// A `label: value` line with words from the catalogue (`label：value` in Chinese).
fn owned_field<'a>(label: String, value: String, lang: Lang, theme: &Theme) -> Line<'a> {
    let label = match lang {
        Lang::Zh => format!("{label}："),
        Lang::En => format!("{label}: "),
    };
    Line::from(vec![Span::styled(label, theme.dim), Span::raw(value)])
}

/// The HS codes and the criteria of an item.
fn hs_and_criteria(item: &Item, lang: Lang, theme: &Theme, l: &mut Vec<Line<'_>>) {
    if !item.hs_codes.is_empty() {
        l.push(Line::styled(i18n::text(lang, "detail-hs-codes"), theme.dim));
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
        let every = i18n::text(lang, "detail-every-grade");
        l.push(owned_field(
            i18n::text(lang, "detail-criteria"),
            every,
            lang,
            theme,
        ));
    } else {
        l.push(Line::styled(
            i18n::text(lang, "detail-criteria-groups"),
            theme.dim,
        ));
        for c in &item.criteria {
            let group = if c.group.is_empty() {
                String::new()
            } else {
                format!(" {}", t!(lang, "detail-group", group = clean(&c.group)))
            };
            let unc = match c.unconfirmed {
                true => format!(" {}", i18n::text(lang, "detail-unconfirmed-mark")),
                false => String::new(),
            };
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
fn announcement(d: &RuleDetail<'_>, lang: Lang, theme: &Theme, l: &mut Vec<Line<'_>>) {
    let Some(a) = d.announcement else {
        return;
    };
    l.push(Line::raw(""));
    l.push(Line::from(vec![
        Span::styled(i18n::text(lang, "detail-announcement") + " ", theme.dim),
        Span::styled(clean(&a.number), theme.title),
    ]));
    // in Chinese the Chinese title first
    let mut titles = vec![&a.title, &a.title_zh];
    if lang == Lang::Zh {
        titles.reverse();
    }
    for t in titles.into_iter().filter(|t| !t.is_empty()) {
        l.push(Line::raw(format!("  {}", clean(t))));
    }
    let effective = a
        .effective
        .map(|d| d.to_string())
        .unwrap_or_else(|| i18n::text(lang, "detail-never-on-its-own"));
    l.push(Line::raw(format!(
        "  {}",
        t!(
            lang,
            "detail-issued",
            issuers = clean(&a.issuers.join(", ")),
            published = a.published.to_string(),
            effective = effective,
            status = i18n::text(lang, status_name(a.status))
        )
    )));
    for sp in &d.suspensions {
        let text = match sp.suspension.clause.as_deref() {
            Some(c) => t!(
                lang,
                "detail-suspended-clause",
                clause = clean(c),
                window = window(sp, lang)
            ),
            None => t!(lang, "detail-suspended", window = window(sp, lang)),
        };
        l.push(Line::styled(format!("  {text}"), theme.warn));
    }
    for u in &a.unconfirmed {
        let text = t!(lang, "detail-unconfirmed", what = clean(u));
        l.push(Line::styled(format!("  {text}"), theme.warn));
    }
}

/// `2025-11-09 → 2026-11-10 by 2025 No. 70`.
fn window(sp: &SuspensionLine<'_>, lang: Lang) -> String {
    let x = sp.suspension;
    t!(
        lang,
        "detail-window",
        start = x.start.to_string(),
        end = x.end.to_string(),
        by = clean(&sp.by)
    )
}

/// The destination and end-use clauses that apply to the item's family; under each,
/// the suspensions that name that clause.
fn clauses(clauses: &[ClauseDetail<'_>], lang: Lang, theme: &Theme, l: &mut Vec<Line<'_>>) {
    if !clauses.is_empty() {
        l.push(Line::raw(""));
        l.push(Line::styled(i18n::text(lang, "detail-clauses"), theme.dim));
    }
    for cd in clauses {
        let c = cd.clause;
        let to = c
            .valid_to
            .map(|d| d.to_string())
            .unwrap_or_else(|| i18n::text(lang, "detail-open"));
        let scope = c
            .country
            .as_deref()
            .map(clean)
            .unwrap_or_else(|| i18n::text(lang, "detail-any-destination"));
        l.push(Line::raw(format!(
            "  {} ({}) {scope}: {} · {} → {to}",
            clean(&c.id),
            clean(cd.announcement_number()),
            i18n::text(lang, effect(c.effect)),
            c.valid_from
        )));
        l.push(Line::raw(format!("    {}", english_marked(lang, &c.text))));
        // whole-announcement suspensions are listed under the announcement
        for sp in cd
            .suspensions
            .iter()
            .filter(|sp| sp.suspension.clause.as_deref() == Some(c.id.as_str()))
        {
            let text = t!(lang, "detail-suspended", window = window(sp, lang));
            l.push(Line::styled(format!("    {text}"), theme.warn));
        }
    }
}
