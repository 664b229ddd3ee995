//! The tab bar, the footer (key hints or the last message) and the status bar.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::sanitize;
use crate::tui::theme::Theme;

/// What the status bar shows; refreshed after start-up and after writes, never in render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatusInfo {
    pub role: String,
    pub officer: String,
    pub badge: String,
    pub kind: String,
    pub db_name: String,
    pub pending_sync: i64,
    pub pack_version: Option<String>,
    pub pack_published: Option<NaiveDate>,
    pub read_only: bool,
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

pub fn tabs(f: &mut Frame, area: Rect, titles: &[(char, &str, bool)], theme: &Theme) {
    let mut spans = vec![Span::styled(" minspect ", theme.title)];
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

pub fn footer(
    f: &mut Frame,
    area: Rect,
    hints: &[(String, &str)],
    message: Option<&Message>,
    theme: &Theme,
) {
    let line = match message {
        Some(m) => {
            let style = if m.level == Level::Error {
                theme.error
            } else {
                theme.ok
            };
            Line::styled(sanitize(&m.text).into_owned(), style)
        }
        None => {
            let mut spans = Vec::new();
            for (key, help) in hints {
                spans.push(Span::styled(key.clone(), theme.key));
                spans.push(Span::raw(format!(" {help}  ")));
            }
            Line::from(spans)
        }
    };
    f.render_widget(Paragraph::new(line), area);
}

pub fn status_bar(f: &mut Frame, area: Rect, s: &StatusInfo, today: NaiveDate, theme: &Theme) {
    let pack = match (&s.pack_version, s.pack_published) {
        (Some(v), Some(p)) => format!("pack {} · {} d", sanitize(v), (today - p).num_days()),
        (Some(v), None) => format!("pack {}", sanitize(v)),
        _ => "no rule pack".to_string(),
    };
    let who = if s.officer.is_empty() {
        "not set up".to_string()
    } else {
        format!("{} {} {}", s.role, sanitize(&s.officer), sanitize(&s.badge))
    };
    let kind = match s.kind.as_str() {
        "" | "field" => String::new(),
        k => format!(" │ {}", k.to_uppercase()),
    };
    let ro = if s.read_only { " READ-ONLY │" } else { "" };
    let text = format!(
        "{ro} {who} │ {} │ sync {} pending │ {pack}{kind}",
        sanitize(&s.db_name),
        s.pending_sync
    );
    let width = area.width as usize;
    let line = super::table::fit(&text, width);
    f.render_widget(Paragraph::new(Line::styled(line, theme.status)), area);
}
