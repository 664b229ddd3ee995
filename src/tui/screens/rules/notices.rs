//! The Rules tab's announcements and red flags: their rows in the list (after the items
//! and parties) and their detail, in the officer's language (the pack's Chinese title
//! when it has one; its notes and guidance as the pack words them).

use ratatui::text::{Line, Span};

use crate::domain::{Lang, sanitize};
use crate::i18n;
use crate::rules::pack::{Announcement, AnnouncementStatus, RedFlag};
use crate::rules::{RulePack, search_announcements, search_red_flags};
use crate::t;
use crate::tui::theme::Theme;

/// The matching announcements and red flags (positions in the pack).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notices {
    pub announcements: Vec<usize>,
    pub red_flags: Vec<usize>,
}

/// One row of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    Announcement(usize),
    RedFlag(usize),
}

impl Notices {
    pub fn of(pack: Option<&RulePack>, query: &str) -> Notices {
        pack.map_or_else(Notices::default, |p| Notices {
            announcements: search_announcements(p, query),
            red_flags: search_red_flags(p, query),
        })
    }

    pub fn len(&self) -> usize {
        self.announcements.len() + self.red_flags.len()
    }

    pub fn get(&self, i: usize) -> Option<Notice> {
        match self.announcements.get(i) {
            Some(a) => Some(Notice::Announcement(*a)),
            None => self
                .red_flags
                .get(i - self.announcements.len())
                .map(|r| Notice::RedFlag(*r)),
        }
    }

    /// Every row, in list order.
    pub fn all(&self) -> impl Iterator<Item = Notice> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

fn title<'a>(lang: Lang, en: &'a str, zh: &'a str) -> &'a str {
    match lang {
        Lang::Zh if !zh.trim().is_empty() => zh,
        _ => en,
    }
}

/// The row of the list: a mark, then the number or id and the title.
pub fn row_text(pack: &RulePack, n: Notice, lang: Lang) -> String {
    match n {
        Notice::Announcement(i) => pack.announcements.get(i).map_or_else(String::new, |a| {
            t!(
                lang,
                "notice-announcement-row",
                number = sanitize(&a.number).into_owned(),
                title = sanitize(title(lang, &a.title, &a.title_zh)).into_owned()
            )
        }),
        Notice::RedFlag(i) => pack.red_flags.get(i).map_or_else(String::new, |r| {
            t!(
                lang,
                "notice-red-flag-row",
                id = sanitize(&r.id).into_owned(),
                title = sanitize(title(lang, &r.title, &r.title_zh)).into_owned()
            )
        }),
    }
}

fn field(label: String, value: String, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme.dim),
        Span::raw(value),
    ])
}

fn status_id(s: AnnouncementStatus) -> &'static str {
    match s {
        AnnouncementStatus::InForce => "detail-status-in-force",
        AnnouncementStatus::Suspended => "detail-status-suspended",
        AnnouncementStatus::Superseded => "detail-status-superseded",
        AnnouncementStatus::Framework => "detail-status-framework",
    }
}

fn announcement_lines(a: &Announcement, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let c = |s: &str| sanitize(s).into_owned();
    let l = |id: &str| i18n::text(lang, id);
    let mut out = vec![
        Line::styled(c(title(lang, &a.title, &a.title_zh)), theme.title),
        field(l("notice-number"), c(&a.number), theme),
        field(l("notice-issuers"), c(&a.issuers.join(", ")), theme),
        field(l("notice-published"), a.published.to_string(), theme),
    ];
    if let Some(e) = a.effective {
        out.push(field(l("notice-effective"), e.to_string(), theme));
    }
    if let Some(v) = a.valid_to {
        out.push(field(l("notice-valid-to"), v.to_string(), theme));
    }
    out.push(field(l("notice-status"), l(status_id(a.status)), theme));
    if !a.notes.trim().is_empty() {
        out.push(Line::raw(c(&a.notes)));
    }
    for u in &a.unconfirmed {
        out.push(Line::styled(
            t!(lang, "notice-unconfirmed", what = c(u)),
            theme.warn,
        ));
    }
    out
}

fn red_flag_lines(r: &RedFlag, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    let c = |s: &str| sanitize(s).into_owned();
    let mut out = vec![
        Line::styled(c(title(lang, &r.title, &r.title_zh)), theme.title),
        field(i18n::text(lang, "notice-red-flag"), c(&r.id), theme),
        Line::raw(c(&r.guidance)),
    ];
    if !r.sources.is_empty() {
        out.push(Line::styled(i18n::text(lang, "notice-sources"), theme.dim));
        out.extend(r.sources.iter().map(|s| Line::raw(format!("  {}", c(s)))));
    }
    out
}

/// The detail pane's lines for an announcement or a red flag.
pub fn notice_lines(pack: &RulePack, n: Notice, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
    match n {
        Notice::Announcement(i) => pack
            .announcements
            .get(i)
            .map(|a| announcement_lines(a, lang, theme))
            .unwrap_or_default(),
        Notice::RedFlag(i) => pack
            .red_flags
            .get(i)
            .map(|r| red_flag_lines(r, lang, theme))
            .unwrap_or_default(),
    }
}
