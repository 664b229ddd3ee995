//! Draws the Sync tab from its state (no queries): a summary, the queued records (at
//! headquarters: what is held per device), review decisions, and the prompt or confirm
//! modal when one is open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::ops::Op;
use super::queued::Table;
use super::world::{self, id_in};
use super::{Mode, SyncScreen};
use crate::domain::{DbKind, Lang, World, sanitize};
use crate::i18n;
use crate::report::SyncOverview;
use crate::t;
use crate::tui::screens::{Pane, ViewCx};
use crate::tui::text::{elide_long_words, fit};
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{centered, draw_rows, modal, pane, wrap};

/// The summary's lines fitted to `width`; the first is the title. The training world has
/// its own: it speaks of the training headquarters.
fn summary(
    d: &SyncOverview,
    w: World,
    pack: String,
    width: usize,
    lang: Lang,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = world::summary(d, w, lang).unwrap_or_else(|| d.summary_in(lang));
    lines.push(pack);
    // a laptop's last line: whether its next bundle is sealed, and why not
    if d.kind != DbKind::Hq {
        lines.push(match &d.sealed_to {
            Some(hq) => t!(lang, "seal-status-sealed", hq = sanitize(hq).into_owned()),
            None => i18n::text(lang, "seal-status-unsealed"),
        });
    }
    // a line wider than the pane wraps (never cut: the oldest record's time is its end)
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        for part in wrap(l, width) {
            out.push(match i {
                0 => Line::styled(part, theme.title),
                _ => Line::raw(part),
            });
        }
    }
    out
}

/// The active pack: version, signed (by whom) or not, publication date and age in days.
fn pack_line(p: Option<&crate::store::PackStatus>, v: &ViewCx) -> String {
    use crate::store::PackTrust;
    let Some(p) = p else {
        return i18n::text(v.lang, "packs-line-none");
    };
    let version = sanitize(&p.version).into_owned();
    let published = p.published.map(|d| d.to_string()).unwrap_or_default();
    let days = p
        .published
        .map(|d| (v.clock.today() - d).num_days())
        .unwrap_or_default();
    match p.trust {
        PackTrust::Signed => {
            let hq = p.signer_name.as_ref().or(p.signed_by.as_ref());
            let hq = sanitize(hq.map(String::as_str).unwrap_or("")).into_owned();
            t!(
                v.lang,
                "packs-line-signed",
                version = version,
                hq = hq,
                published = published,
                days = days
            )
        }
        PackTrust::Unsigned => {
            t!(
                v.lang,
                "packs-line-unsigned",
                version = version,
                published = published,
                days = days
            )
        }
        PackTrust::Local => {
            t!(
                v.lang,
                "packs-line-local",
                version = version,
                published = published,
                days = days
            )
        }
    }
}

/// The last write's outcome, wrapped over two lines (long refusals name ids); a path or id
/// wider than two thirds of the line loses its middle, so it wraps onto the lines shown.
fn outcome(f: &mut Frame, area: Rect, s: &SyncScreen, theme: &Theme) {
    if let Some(o) = &s.outcome {
        let style = if o.ok { theme.ok } else { theme.error };
        f.render_widget(
            Paragraph::new(Line::styled(
                elide_long_words(&o.text, area.width as usize * 2 / 3),
                style,
            ))
            .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
    }
}

/// The first visible row so that `selected` is on screen.
fn window(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// Headquarters: what is held per field device.
fn held_table(d: &SyncOverview, area: Rect, wld: World, lang: Lang) -> Table {
    let w = (area.width as usize).saturating_sub(2);
    let id_w = w.saturating_sub(20 + 10 + 10 + 3).max(8);
    let col = |id: &str| i18n::text(lang, id);
    (
        t!(
            lang,
            id_in(wld, "sync-held-title"),
            count = d.status.devices.len()
        ),
        format!(
            "{} {} {} {}",
            fit(&col("sync-col-name"), 20),
            fit(&col("sync-col-device-id"), id_w),
            fit(&col("sync-col-records"), 10),
            col("sync-col-head-seq")
        ),
        d.status
            .devices
            .iter()
            .map(|h| {
                format!(
                    "{} {} {} {}",
                    fit(&sanitize(&h.name), 20),
                    fit(&sanitize(&h.device_id), id_w),
                    fit(&h.records.to_string(), 10),
                    h.head_seq
                )
            })
            .collect(),
    )
}

fn queue(f: &mut Frame, area: Rect, s: &SyncScreen, d: &SyncOverview, v: &ViewCx) {
    let (lang, theme) = (v.lang, v.theme);
    let focused = s.focus == Pane::List;
    let (title, header, rows) = if d.kind == DbKind::Hq {
        held_table(d, area, s.world, lang)
    } else {
        super::queued::table(s, d, area, lang)
    };
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    f.render_widget(
        Paragraph::new(Line::styled(header, theme.dim)),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let body = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    if rows.is_empty() {
        let text = if d.kind == DbKind::Hq {
            i18n::text(lang, id_in(s.world, "sync-nothing-received"))
        } else {
            i18n::text(lang, id_in(s.world, "sync-nothing-waiting"))
        };
        let text = Line::styled(text, theme.dim);
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), body);
        return;
    }
    let first = window(s.selected, body.height as usize);
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(first)
        .take(body.height as usize)
        .map(Line::raw)
        .collect();
    draw_rows(f, body, lines, Some(s.selected - first), focused, theme);
}

fn prompt(f: &mut Frame, area: Rect, s: &SyncScreen, input_line: Line, v: &ViewCx) {
    let Mode::Prompt { op, error, .. } = &s.mode else {
        return;
    };
    let (t, lang) = (v.theme, v.lang);
    let (title, help) = match op {
        Op::Export => ("sync-export-title", "sync-export-ask"),
        Op::Ack => ("sync-ack-title", "sync-ack-ask"),
        Op::Import => ("sync-import-title", "sync-import-ask"),
    };
    let (title, help) = (id_in(s.world, title), id_in(s.world, help));
    let rect = centered(area, 76, 8);
    let inner = modal(f, rect, &i18n::text(lang, title), t);
    let mut lines = vec![Line::raw(i18n::text(lang, help)), input_line, Line::raw("")];
    match error.as_deref() {
        Some(e) => lines.push(Line::styled(sanitize(e).into_owned(), t.error)),
        None => lines.push(Line::styled(i18n::text(lang, "sync-prompt-keys"), t.key)),
    }
    f.render_widget(
        Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
        inner,
    );
}

pub fn render(s: &SyncScreen, f: &mut Frame, area: Rect, v: &ViewCx) {
    let theme = v.theme;
    let Some(d) = &s.data else {
        let text = match s.load_error.as_deref() {
            Some(e) => sanitize(e).into_owned(),
            None => i18n::text(v.lang, "sync-reading"),
        };
        f.render_widget(Paragraph::new(Line::styled(text, theme.error)), area);
        return;
    };
    // the summary's lines (wrapped at the pane's inner width) set its height
    let pack = pack_line(s.pack.as_ref(), v);
    let lines = summary(
        d,
        s.world,
        pack,
        area.width.saturating_sub(2) as usize,
        v.lang,
        theme,
    );
    let facts_h = (lines.len() as u16).min(area.height.saturating_sub(12).max(5));
    let rest = area.height.saturating_sub(facts_h + 4);
    let review_h = (rest / 3).max(5);
    let [top, mid, bottom] = Layout::vertical([
        Constraint::Length(facts_h + 4),
        Constraint::Min(4),
        Constraint::Length(review_h),
    ])
    .areas(area);
    let block = pane(i18n::text(v.lang, "tab-sync"), false, theme);
    let inner = block.inner(top);
    f.render_widget(block, top);
    let [facts, result] =
        Layout::vertical([Constraint::Length(facts_h), Constraint::Min(0)]).areas(inner);
    f.render_widget(Paragraph::new(lines), facts);
    outcome(f, result, s, theme);
    queue(f, mid, s, d, v);
    super::decisions::render(f, bottom, s, d, v);
    match &s.mode {
        Mode::Browse => {}
        Mode::Prompt { op, input, .. } => prompt(
            f,
            area,
            s,
            input.line(
                &(i18n::text(
                    v.lang,
                    if *op == Op::Export {
                        "sync-directory"
                    } else {
                        "sync-file"
                    },
                ) + " "),
                theme.base,
                true,
            ),
            v,
        ),
    }
}
