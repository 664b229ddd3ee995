//! Training: the briefing window (the scenario, what is found at the goods, how to take
//! readings), the debrief window (each key item beside what the trainee did), and the
//! Sync tab of a training file, which never leaves the laptop.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::table::{centered, draw_lines, modal};
use crate::domain::{Lang, sanitize};
use crate::fixture::scenario::grade::ShipmentGrade;
use crate::i18n;
use crate::store::TrainingSetup;
use crate::t;
use crate::tui::theme::Theme;

/// How a line of a window is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Text,
    Good,
    Bad,
    Dim,
}

/// What a training window shows (its words are made in the language of the moment).
#[derive(Debug, Clone, PartialEq)]
pub enum PanelContent {
    Briefing(Box<TrainingSetup>),
    Debrief { title: String, grade: ShipmentGrade },
}

/// A window of text the trainee scrolls and closes.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingPanel {
    pub content: PanelContent,
    pub scroll: usize,
}

/// A window's words: title, paragraphs (wrapped when drawn) and the keys line.
pub struct PanelText {
    pub title: String,
    pub paragraphs: Vec<(Tone, String)>,
    pub footer: String,
}

impl TrainingPanel {
    pub fn new(content: PanelContent) -> TrainingPanel {
        TrainingPanel { content, scroll: 0 }
    }

    pub fn text(&self, lang: Lang) -> PanelText {
        match &self.content {
            PanelContent::Briefing(s) => briefing(s, lang),
            PanelContent::Debrief { title, grade } => debrief(title, grade, lang),
        }
    }
}

/// The briefing: every scenario of the file, what the trainee finds at the goods.
fn briefing(setup: &TrainingSetup, lang: Lang) -> PanelText {
    let mut p = vec![(
        Tone::Dim,
        t!(
            lang,
            "training-briefing-for",
            trainee = sanitize(&setup.trainee).into_owned()
        ),
    )];
    for sc in &setup.scenarios {
        p.push((Tone::Heading, sanitize(&sc.title).into_owned()));
        if let Some(d) = &sc.date {
            p.push((
                Tone::Dim,
                t!(lang, "training-briefing-date", date = d.clone()),
            ));
        }
        p.push((Tone::Text, sanitize(sc.briefing.trim()).into_owned()));
        for sh in &sc.shipments {
            let dec = sanitize(&sh.declared.declaration_no).into_owned();
            p.push((
                Tone::Dim,
                t!(
                    lang,
                    "training-briefing-shipment",
                    reference = sh.reference.clone(),
                    declaration = dec
                ),
            ));
            for d in &sh.documents {
                p.push((
                    Tone::Text,
                    format!("• {}: {}", sanitize(&d.title), sanitize(&d.text)),
                ));
            }
            for s in &sh.seals {
                let state = i18n::text(lang, &format!("training-seal-{}", s.state));
                p.push((
                    Tone::Text,
                    t!(
                        lang,
                        "training-briefing-seal",
                        number = sanitize(&s.number).into_owned(),
                        state = state
                    ),
                ));
            }
            if !sh.readings.is_empty() {
                p.push((
                    Tone::Text,
                    t!(
                        lang,
                        "training-briefing-readings",
                        count = sh.readings.len()
                    ),
                ));
            }
        }
    }
    p.push((Tone::Dim, t!(lang, "training-briefing-keys")));
    PanelText {
        title: t!(lang, "training-briefing-title"),
        paragraphs: p,
        footer: t!(lang, "training-panel-keys"),
    }
}

/// The debrief of one finalized shipment: each key item, expected and done.
fn debrief(title: &str, g: &ShipmentGrade, lang: Lang) -> PanelText {
    let mut p = vec![(
        Tone::Heading,
        t!(
            lang,
            "training-debrief-score",
            title = sanitize(title).into_owned(),
            shipment = g.shipment.clone(),
            points = g.points,
            max = g.max
        ),
    )];
    let none = t!(lang, "training-debrief-nothing");
    for it in &g.items {
        let tone = if it.missed() { Tone::Bad } else { Tone::Good };
        let mark = if it.missed() { "✗" } else { "✓" };
        let shown = |s: &str| {
            if s.is_empty() {
                none.clone()
            } else {
                sanitize(s).into_owned()
            }
        };
        p.push((
            tone,
            t!(
                lang,
                "training-debrief-item",
                mark = mark,
                item = it.item.clone(),
                expected = shown(&it.expected),
                done = shown(&it.done),
                points = it.points,
                max = it.max
            ),
        ));
        if !it.why.is_empty() {
            p.push((Tone::Dim, format!("  {}", sanitize(&it.why))));
        }
    }
    PanelText {
        title: t!(lang, "training-debrief-title"),
        paragraphs: p,
        footer: t!(lang, "training-panel-keys"),
    }
}

/// `text` cut into lines of at most `width` columns, at spaces where possible.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let cols = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let mut out = Vec::new();
    for para in text.lines() {
        // a paragraph's leading spaces indent each of its lines
        let body = para.trim_start_matches(' ');
        let indent = " ".repeat(para.len() - body.len());
        let width = width.saturating_sub(indent.len()).max(8);
        let first = out.len();
        let mut line = String::new();
        for word in body.split(' ') {
            let sep = usize::from(!line.is_empty());
            if cols(&line) + sep + cols(word) > width && !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            while cols(&line) > width {
                let cut = crate::tui::text::fit(&line, width).trim_end().to_string();
                let rest: String = line.chars().skip(cut.chars().count()).collect();
                out.push(cut);
                line = rest;
            }
        }
        out.push(line);
        for l in &mut out[first..] {
            l.insert_str(0, &indent);
        }
    }
    out
}

/// The window's lines at `width`.
pub fn lines(p: &PanelText, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (tone, text) in &p.paragraphs {
        let style = match tone {
            Tone::Heading => theme.title,
            Tone::Text => theme.base,
            Tone::Good => theme.ok,
            Tone::Bad => theme.error,
            Tone::Dim => theme.dim,
        };
        if *tone == Tone::Heading && !out.is_empty() {
            out.push(Line::raw(""));
        }
        out.extend(
            wrap(text, width)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    }
    out
}

/// Draws the window over `area`.
pub fn render(f: &mut Frame, area: Rect, panel: &TrainingPanel, lang: Lang, theme: &Theme) {
    let p = panel.text(lang);
    let rect = centered(area, 76, area.height.saturating_sub(2));
    let inner = modal(f, rect, &p.title, theme);
    if inner.height < 2 {
        return;
    }
    let body = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
    let all = lines(&p, body.width as usize, theme);
    let max = all.len().saturating_sub(body.height as usize);
    draw_lines(f, body, &all, panel.scroll.min(max));
    let foot = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
    f.render_widget(Paragraph::new(Line::styled(p.footer, theme.key)), foot);
}
