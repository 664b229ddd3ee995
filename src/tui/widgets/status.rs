//! The tab bar, the footer (key hints or the last message) and the status bar.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::{Lang, sanitize};
use crate::i18n;
use crate::store::PackTrust;
use crate::t;
use crate::tui::theme::Theme;

impl StatusInfo {
    /// The database file's name (sanitized), or "(in memory)" in `lang`.
    pub fn db_words(&self, lang: Lang) -> String {
        match self.db_name.as_str() {
            "" => t!(lang, "app-in-memory"),
            name => sanitize(name).into_owned(),
        }
    }
}

/// What the status bar shows; refreshed after start-up and after writes, never in render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatusInfo {
    pub role: String,
    pub officer: String,
    pub badge: String,
    pub kind: String,
    /// The database file's name; empty for a store in memory (worded by `db_words`).
    pub db_name: String,
    pub pending_sync: i64,
    pub pack_version: Option<String>,
    pub pack_published: Option<NaiveDate>,
    /// signed by headquarters, installed unsigned, or installed here (no mark)
    pub pack_trust: crate::store::PackTrust,
    pub read_only: bool,
    /// The database's world: a training headquarters is marked TRAINING too.
    pub world: crate::domain::World,
}

impl StatusInfo {
    /// A training file or a training headquarters: either is never live data.
    pub fn is_training(&self) -> bool {
        self.kind == "training" || self.world == crate::domain::World::Training
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub level: Level,
    pub text: String,
}

impl Message {
    pub fn error(text: String) -> Message {
        Message {
            level: Level::Error,
            text,
        }
    }

    pub fn info(text: String) -> Message {
        Message {
            level: Level::Info,
            text,
        }
    }
}

/// The tab bar; `mark` (TRAINING) follows the program's name, in words.
pub fn tabs(
    f: &mut Frame,
    area: Rect,
    titles: &[(char, String, bool)],
    mark: Option<&str>,
    theme: &Theme,
) {
    let mut spans = vec![Span::styled(" minspect ", theme.title)];
    if let Some(m) = mark {
        spans.push(Span::styled(
            format!("{m} "),
            theme.warn.add_modifier(ratatui::style::Modifier::BOLD),
        ));
    }
    for (key, title, active) in titles {
        spans.push(Span::styled("│", theme.dim));
        let style = if *active {
            theme.tab_active
        } else {
            theme.base
        };
        spans.push(Span::styled(format!(" {key} {title} "), style));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The footer, on the last line of `area`: the last message, or the screen's key hints.
/// A message wider than the terminal wraps and grows upward over the body (it goes with
/// the next key), so it is never cut mid-sentence; hints that do not fit are left out
/// whole, never cut in half.
pub fn footer(
    f: &mut Frame,
    area: Rect,
    hints: &[(String, String)],
    message: Option<&Message>,
    theme: &Theme,
) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let lines: Vec<Line> = match message {
        Some(m) => {
            let style = if m.level == Level::Error {
                theme.error
            } else {
                theme.ok
            };
            let mut lines: Vec<Line> = super::table::wrap(&sanitize(&m.text), width)
                .into_iter()
                .map(|l| Line::styled(l, style))
                .collect();
            // a message taller than the whole body keeps its end (what to do next)
            let room = usize::from(area.height);
            if lines.len() > room {
                lines.drain(..lines.len() - room);
            }
            lines
        }
        None => vec![hint_line(hints, width, theme)],
    };
    let n = lines.len() as u16;
    let rect = Rect::new(area.x, area.bottom() - n, area.width, n);
    f.render_widget(ratatui::widgets::Clear, rect);
    f.render_widget(Paragraph::new(lines), rect);
}

/// The key hints that fit `width` columns, whole.
fn hint_line<'a>(hints: &[(String, String)], width: usize, theme: &Theme) -> Line<'a> {
    let cols = |t: &str| unicode_width::UnicodeWidthStr::width(t);
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, help) in hints {
        let help = format!(" {help}  ");
        let w = cols(key) + cols(help.trim_end());
        if used + w > width {
            break;
        }
        used += cols(key) + cols(&help);
        spans.push(Span::styled(key.clone(), theme.key));
        spans.push(Span::raw(help));
    }
    Line::from(spans)
}

/// The status bar. When it does not fit, the officer's name and the database file name
/// are shortened (…) first, then the badge and the file name go; role, pending count,
/// rule-pack version and age, and the READ-ONLY / TRAINING marker stay visible. A
/// training file says TRAINING first (DESIGN §7) and keeps the trainee's name whole as
/// long as anything else can give way.
pub fn status_bar(
    f: &mut Frame,
    area: Rect,
    s: &StatusInfo,
    today: NaiveDate,
    lang: Lang,
    theme: &Theme,
) {
    let line = status_text(s, today, area.width as usize, lang);
    f.render_widget(Paragraph::new(Line::styled(line, theme.status)), area);
}

/// The status bar's text, exactly `width` columns.
pub fn status_text(s: &StatusInfo, today: NaiveDate, width: usize, lang: Lang) -> String {
    let pack = match (&s.pack_version, s.pack_published, s.pack_trust) {
        (Some(v), Some(p), trust @ (PackTrust::Signed | PackTrust::Unsigned)) => t!(
            lang,
            match trust {
                PackTrust::Signed => "packs-status-signed",
                _ => "packs-status-unsigned",
            },
            version = sanitize(v).into_owned(),
            days = (today - p).num_days()
        ),
        (Some(v), Some(p), _) => t!(
            lang,
            "status-pack-age",
            version = sanitize(v).into_owned(),
            days = (today - p).num_days()
        ),
        (Some(v), None, _) => t!(lang, "status-pack", version = sanitize(v).into_owned()),
        _ => t!(lang, "status-no-pack"),
    };
    let training = s.is_training();
    let kind = match s.kind.as_str() {
        "" | "field" | "training" => String::new(),
        k => format!(" │ {}", kind_word(lang, k)),
    };
    let first = match training {
        true => format!(" {} │", kind_word(lang, "training")),
        false => String::new(),
    };
    let ro = if s.read_only {
        format!(" {} │", t!(lang, "status-read-only"))
    } else {
        String::new()
    };
    let role = role_word(lang, &s.role);
    let officer = sanitize(&s.officer).into_owned();
    let badge = sanitize(&s.badge).into_owned();
    let db = s.db_words(lang);
    let pending = s.pending_sync;
    let build = |name: &str, badge: &str, db: &str, short: bool| {
        let who = if s.officer.is_empty() {
            t!(lang, "status-not-set-up")
        } else if badge.is_empty() {
            format!("{role} {name}")
        } else {
            format!("{role} {name} {badge}")
        };
        let db = if db.is_empty() {
            String::new()
        } else {
            format!(" │ {db}")
        };
        let sync = if short {
            t!(lang, "status-pending-short", count = pending)
        } else {
            t!(lang, "status-pending", count = pending)
        };
        format!("{first}{ro} {who}{db} │ {sync} │ {pack}{kind}")
    };
    let cols = |t: &str| unicode_width::UnicodeWidthStr::width(t);
    let (mut name, mut badge, mut db, mut short) = (officer.clone(), badge, db.clone(), false);
    // Each step gives up a little more until the text fits; a trainee's name goes last.
    let steps: [u8; 7] = match training {
        true => [0, 2, 3, 4, 5, 1, 6],
        false => [0, 1, 2, 3, 4, 5, 6],
    };
    for step in steps {
        let over = cols(&build(&name, &badge, &db, short)).saturating_sub(width);
        if over == 0 {
            break;
        }
        match step {
            0 => db = shorten(&db, cols(&db).saturating_sub(over).max(8)),
            1 => name = shorten(&name, cols(&name).saturating_sub(over).max(6)),
            2 => short = true,
            3 => badge.clear(),
            4 => db = shorten(&db, cols(&db).saturating_sub(over).max(4)),
            5 => db.clear(),
            _ => name = shorten(&officer, cols(&name).saturating_sub(over).max(2)),
        }
    }
    crate::tui::text::fit(&build(&name, &badge, &db, short), width)
}

/// The role as the status bar says it (`officer` -> 关员 in Chinese); unknown roles as stored.
fn role_word(lang: Lang, role: &str) -> String {
    let id = format!("role-{role}");
    match i18n::has(Lang::En, &id) {
        true => i18n::text(lang, &id),
        false => sanitize(role).into_owned(),
    }
}

/// The database kind's mark (`HQ`, `TRAINING`); unknown kinds upper-cased as stored.
fn kind_word(lang: Lang, kind: &str) -> String {
    let id = format!("kind-{kind}");
    match i18n::has(Lang::En, &id) {
        true => i18n::text(lang, &id),
        false => sanitize(kind).to_uppercase(),
    }
}

/// `s` cut to `width` columns with … when cut (no padding).
fn shorten(s: &str, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(s) <= width {
        return s.to_string();
    }
    crate::tui::text::fit(s, width).trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pack_says_signed_or_unsigned_and_its_age_at_80_columns() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 4, d).unwrap_or_default();
        let mut s = StatusInfo {
            role: "officer".into(),
            officer: "Ouyang Xiaoming-Alexandrovna".into(),
            badge: "GZ-0417".into(),
            kind: "field".into(),
            db_name: "minspect-field-very-long-name.db".into(),
            pending_sync: 3,
            pack_version: Some("2026.04.1".into()),
            pack_published: Some(day(1)),
            pack_trust: PackTrust::Signed,
            read_only: false,
            world: crate::domain::World::Live,
        };
        let text = status_text(&s, day(11), 80, Lang::En);
        assert!(text.contains("pack 2026.04.1 · signed · 10 d"), "{text}");
        assert_eq!(text.chars().count(), 80);
        s.pack_trust = PackTrust::Unsigned;
        let text = status_text(&s, day(11), 80, Lang::En);
        assert!(text.contains("pack 2026.04.1 · UNSIGNED · 10 d"), "{text}");
        let text = status_text(&s, day(11), 80, Lang::Zh);
        assert!(text.contains("未签名 · 10 天"), "{text}");
        s.pack_trust = PackTrust::Local;
        let text = status_text(&s, day(11), 80, Lang::En);
        assert!(text.contains("pack 2026.04.1 · 10 d"), "{text}");
    }
}
