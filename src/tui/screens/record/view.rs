//! Drawing the Record tab from its state: the drafts list, or the editor (section bar,
//! the focused form with inline messages, the live screening and suggestions), and the
//! confirmation / receipt-path windows. Never queries.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::form::{Drawn, draw_areas, draw_form, scroll_for};
use super::{Editor, Item, PromptKind, RecordScreen, Section};
use crate::domain::{Lang, sanitize};
use crate::i18n;
use crate::report::ReviewLine;
use crate::t;
use crate::tui::screens::ViewCx;
use crate::tui::text::fit;
use crate::tui::theme::Theme;
use crate::tui::widgets::scroll_pane::{Mark, render_scroll};
use crate::tui::widgets::table::{centered, modal, pane};
use crate::tui::widgets::verdict::verdict_lines;

/// Narrowest screening panel (at 80 columns); wider terminals give it a third.
const PANEL_W: u16 = 32;

pub fn render(s: &RecordScreen, f: &mut Frame, area: Rect, v: &ViewCx) {
    let theme = v.theme;
    match &s.editor {
        Some(ed) => {
            editor(ed, f, area, v);
            ed.discard.render(f, area, v.lang, theme);
        }
        None => super::drafts::render(s, f, area, v),
    }
    if let Some(p) = &s.prompt {
        let (title, ask) = match p.kind {
            PromptKind::ReceiptPath => ("record-receipt-title", "record-receipt-ask"),
            PromptKind::AmendReason => ("record-amend-title", "record-amend-ask"),
            PromptKind::AttachPath => ("attach-title", "attach-path"),
            PromptKind::AttachCaption => ("attach-title", "attach-caption"),
            PromptKind::DeclarationPath => ("profile-decl-title", "profile-decl-ask"),
        };
        let lang = v.lang;
        let title = i18n::text(lang, title);
        let inner = modal(f, centered(area, 70, 7), &title, theme);
        let lines = vec![
            Line::raw(i18n::text(lang, ask)),
            p.input
                .line_in("> ", theme.base, true, inner.width as usize),
            Line::raw(""),
            Line::styled(i18n::text(lang, prompt_keys(p.kind)), theme.key),
        ];
        f.render_widget(Paragraph::new(lines), inner);
    }
}

/// The keys line under a prompt (the path prompt also completes with Tab).
fn prompt_keys(kind: PromptKind) -> &'static str {
    match kind {
        PromptKind::AttachPath => "attach-hint",
        PromptKind::DeclarationPath => "profile-decl-hint",
        _ => "record-prompt-keys",
    }
}

fn section_bar(ed: &Editor, f: &mut Frame, area: Rect, lang: Lang, theme: &Theme) {
    let mut spans = Vec::new();
    for s in Section::ALL {
        let n = match s {
            Section::Measurements => Some(ed.measurements.len()),
            Section::Findings => Some(ed.findings.len()),
            Section::Seizures => Some(ed.seizures.len()),
            _ => None,
        };
        let title = i18n::text(lang, s.title());
        let label = match n {
            Some(n) => format!(" {title} {n} "),
            None => format!(" {title} "),
        };
        let style = if s == ed.section() {
            theme.tab_active
        } else {
            theme.dim
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::styled("│", theme.dim));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn summary(section: Section, item: &Item) -> String {
    let g = |n: &str| sanitize(item.form.get(n).trim()).into_owned();
    let parts = match section {
        Section::Measurements => vec![g("name"), g("element"), g("value"), g("unit"), g("method")],
        Section::Findings => vec![
            g("kind"),
            if item.suggested {
                "(suggested)".into()
            } else {
                String::new()
            },
            g("found"),
        ],
        _ => vec![g("goods"), g("quantity"), g("unit"), g("seal_nos")],
    };
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Lines above the form of a list section: one per item (the selected one marked).
fn list_lines<'a>(ed: &Editor, width: usize, lang: Lang, theme: &Theme) -> Vec<Line<'a>> {
    let section = ed.section();
    let mut out = Vec::new();
    let items = ed.items(section).map(Vec::as_slice).unwrap_or(&[]);
    if items.is_empty() {
        let what = match section {
            Section::Measurements => "record-no-measurements",
            Section::Findings => "record-no-findings",
            Section::Seizures => "record-no-seizures",
            _ => "record-no-custody",
        };
        out.push(Line::styled(i18n::text(lang, what), theme.dim));
        return out;
    }
    for (i, it) in items.iter().enumerate() {
        let mark = if i == ed.item { "›" } else { " " };
        let style = if i == ed.item {
            theme.title
        } else {
            theme.base
        };
        out.push(Line::styled(
            fit(&format!("{mark}{}. {}", i + 1, summary(section, it)), width),
            style,
        ));
        if section == Section::Custody {
            for (k, c) in ed.custody_log.get(i).into_iter().flatten().enumerate() {
                out.push(Line::styled(
                    fit(
                        &format!(
                            "    #{} {} → {} · {} · {}",
                            k + 1,
                            sanitize(&c.from_party),
                            sanitize(&c.to_party),
                            sanitize(&c.at),
                            sanitize(&c.reason)
                        ),
                        width,
                    ),
                    theme.dim,
                ));
            }
        }
    }
    let label = match (section, ed.editable()) {
        (Section::Custody, Err(why)) => why,
        (Section::Custody, Ok(())) => "record-next-transfer",
        _ => "record-selected-row",
    };
    out.push(Line::styled(i18n::text(lang, label), theme.dim));
    out
}

fn editor(ed: &Editor, f: &mut Frame, area: Rect, v: &ViewCx) {
    let theme = v.theme;
    let lang = v.lang;
    section_bar(ed, f, Rect::new(area.x, area.y, area.width, 1), lang, theme);
    let body = Rect::new(
        area.x,
        area.y + 1,
        area.width,
        area.height.saturating_sub(1),
    );
    let panel_w = (body.width / 3).clamp(PANEL_W.min(body.width / 2), 60);
    let left = Rect::new(body.x, body.y, body.width - panel_w, body.height);
    let right = Rect::new(body.x + left.width, body.y, panel_w, body.height);
    let section = ed.section();
    let state = if ed.finalized {
        "record-finalized"
    } else if ed.shipment_id.is_some() {
        "record-draft-saved"
    } else {
        "record-new"
    };
    let title = i18n::text(lang, section.title());
    let block = pane(
        format!("{title} · {}", i18n::text(lang, state)),
        true,
        theme,
    );
    let mut inner = block.inner(left);
    f.render_widget(block, left);
    if let Some(last) = ed.reviews.last() {
        inner = review_banner(last, ed.finalized, f, inner, v);
    }
    let head = match section {
        Section::Shipment | Section::Inspection => Vec::new(),
        _ => list_lines(ed, inner.width as usize, lang, theme),
    };
    form_pane(ed, head, f, inner, lang, theme);
    panel(ed, f, right, v);
}

fn panel(ed: &Editor, f: &mut Frame, area: Rect, v: &ViewCx) {
    let theme = v.theme;
    let lang = v.lang;
    let block = pane(i18n::text(lang, "record-screening"), false, theme);
    let mut verdict = Vec::new();
    let sh = &ed.shipment_base;
    let no_goods = [&sh.description, &sh.hs_code, &sh.composition]
        .iter()
        .all(|t| t.trim().is_empty());
    match &ed.screening {
        // nothing about the goods yet: no verdict to give, not NOT CONTROLLED
        Some(_) if no_goods && ed.measurements.is_empty() => verdict.push(Line::styled(
            i18n::text(lang, "record-not-enough-facts"),
            theme.dim,
        )),
        Some(s) => verdict_lines(s, v.lang, theme, &mut verdict),
        None => verdict.push(Line::styled(i18n::text(lang, "record-no-pack"), theme.warn)),
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut rest = verdict.into_iter();
    lines.extend(rest.next());
    if !ed.reviews.is_empty() {
        lines.push(Line::styled(
            t!(lang, "record-review-decisions", count = ed.reviews.len()),
            theme.title,
        ));
        for r in ed.reviews.iter().rev() {
            lines.push(Line::styled(
                format!("• {}", r.text(false)),
                theme.decision(r.decision),
            ));
        }
    }
    if !ed.problems.is_empty() {
        lines.push(Line::styled(
            i18n::text(lang, "record-cannot-finalize"),
            theme.error,
        ));
        for p in &ed.problems {
            lines.push(Line::styled(format!("• {}", sanitize(p)), theme.error));
        }
    }
    if !ed.suggestions.is_empty() && !ed.finalized {
        lines.push(Line::styled(
            i18n::text(lang, "record-suggested"),
            theme.warn,
        ));
        for s in &ed.suggestions {
            lines.push(Line::raw(format!(
                "• {}: {}",
                s.finding.kind.label(),
                sanitize(&s.finding.found)
            )));
        }
    }
    lines.extend(rest);
    let width = area.width.saturating_sub(2) as usize;
    lines.extend(super::attach::attachment_lines(ed, width, lang, theme));
    let at = (area, block, Mark::Bottom);
    render_scroll(f, at, &lines, ed.panel_scroll, (lang, theme));
}

/// The latest review decision above the form: what, when, who; then the comment (a
/// return: "returned: <comment>" and, on a finalized record, the key that amends it). The
/// area left below it.
fn review_banner(
    last: &ReviewLine,
    finalized: bool,
    f: &mut Frame,
    inner: Rect,
    v: &ViewCx,
) -> Rect {
    let theme = v.theme;
    let w = inner.width as usize;
    let mut banner = vec![Line::styled(
        fit(&last.head(), w),
        theme.decision(last.decision),
    )];
    let amend = v.keymap.key_for(
        crate::tui::keymap::Context::RecordForm,
        crate::tui::action::Action::Amend,
    );
    if last.decision == crate::store::Decision::Returned && !last.comment.is_empty() {
        let comment = sanitize(&last.comment).into_owned();
        banner.push(Line::styled(
            fit(&t!(v.lang, "send-back-returned", comment = comment), w),
            theme.title,
        ));
        if let Some(key) = amend.filter(|_| finalized) {
            banner.push(Line::styled(
                fit(&t!(v.lang, "send-back-amend", key = key.label()), w),
                theme.dim,
            ));
        }
    } else if !last.comment.is_empty() {
        banner.push(Line::styled(
            fit(&format!("  {}", sanitize(&last.comment)), w),
            theme.title,
        ));
    }
    let n = (banner.len() as u16).min(inner.height.saturating_sub(1));
    f.render_widget(
        Paragraph::new(banner),
        Rect::new(inner.x, inner.y, inner.width, n),
    );
    Rect::new(inner.x, inner.y + n, inner.width, inner.height - n)
}

/// The focused form below `head` (the list of a list section), scrolled so the focus
/// shows; text areas drawn over their rows.
fn form_pane<'a>(
    ed: &'a Editor,
    mut head: Vec<Line<'a>>,
    f: &mut Frame,
    inner: Rect,
    lang: Lang,
    theme: &Theme,
) {
    let section = ed.section();
    let editable = ed.editable().is_ok();
    if let Some(form) = ed
        .form()
        .filter(|_| section != Section::Custody || editable)
    {
        let drawn = draw_form(form, inner.width, editable, lang, theme);
        let offset = head.len();
        let focus_line = drawn.focus_line + offset;
        head.extend(drawn.lines.iter().cloned());
        let top = scroll_for(focus_line, head.len(), inner.height);
        let visible: Vec<Line> = head.into_iter().skip(top).collect();
        f.render_widget(Paragraph::new(visible), inner);
        let shifted = Drawn {
            lines: Vec::new(),
            focus_line,
            areas: drawn.areas.iter().map(|(l, i)| (l + offset, *i)).collect(),
        };
        draw_areas(f, form, &shifted, inner, top, editable, theme);
    } else {
        f.render_widget(Paragraph::new(head), inner);
    }
}
