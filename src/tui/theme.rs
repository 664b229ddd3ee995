//! Styles. Text uses the terminal's own foreground and background; accents come from
//! the 16 ANSI colours (8 when the terminal reports fewer than 16). With NO_COLOR no
//! colour is used at all and the selection is REVERSED + BOLD (crossterm turns colour
//! changes into full resets under NO_COLOR, which would also drop the modifiers).

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

use crate::rules::Verdict;
use crate::store::Decision;
use crate::tui::text::fit;

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub no_color: bool,
    pub base: Style,
    pub dim: Style,
    /// Example text shown in an empty field (never drawn on a read-only form).
    pub hint: Style,
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub key: Style,
    pub error: Style,
    pub warn: Style,
    pub ok: Style,
    pub tab_active: Style,
    pub status: Style,
}

impl Theme {
    /// The theme for this terminal: `no_color` from --no-color/NO_COLOR, `colors` from
    /// `crossterm::style::available_color_count()`.
    pub fn new(no_color: bool, colors: u16) -> Theme {
        if no_color {
            return Theme::mono();
        }
        let bright = colors >= 16;
        let pick = |light: Color, dark: Color| if bright { light } else { dark };
        let accent = pick(Color::LightCyan, Color::Cyan);
        Theme {
            no_color: false,
            base: Style::new(),
            dim: Style::new().fg(pick(Color::DarkGray, Color::Blue)),
            hint: Style::new()
                .fg(pick(Color::DarkGray, Color::Blue))
                .add_modifier(Modifier::ITALIC),
            title: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            border: Style::new().fg(pick(Color::DarkGray, Color::Blue)),
            border_focused: Style::new().fg(accent),
            selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new()
                .fg(pick(Color::LightYellow, Color::Yellow))
                .add_modifier(Modifier::BOLD),
            error: Style::new()
                .fg(pick(Color::LightRed, Color::Red))
                .add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            ok: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            tab_active: Style::new()
                .fg(accent)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            status: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// No colours: emphasis by modifiers only.
    pub fn mono() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            no_color: true,
            base: Style::new(),
            dim: Style::new(),
            hint: Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            title: bold,
            border: Style::new(),
            border_focused: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            key: bold,
            error: bold,
            warn: bold,
            ok: bold,
            tab_active: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            status: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The terminal's theme from the environment.
    pub fn detect(no_color: bool) -> Theme {
        Theme::new(no_color, crossterm::style::available_color_count())
    }

    /// The example shown in an empty editable field, cut to `width` columns. Without
    /// colour it is also bracketed, `[Ga 30, Zn 70]`, so it never reads as a typed value
    /// (DIM/ITALIC alone may be dropped: see the module comment).
    pub fn placeholder(&self, example: &str, width: usize) -> Span<'static> {
        let text = if self.no_color {
            format!("[{example}]")
        } else {
            example.to_string()
        };
        Span::styled(fit(&text, width), self.hint)
    }

    pub fn verdict(&self, v: Verdict) -> Style {
        match v {
            Verdict::Prohibited => self.error,
            Verdict::LicenceRequired => self.warn,
            Verdict::NeedsReview => self.warn,
            Verdict::NotControlled => self.ok,
        }
    }

    /// A review decision: approved in the ok colour, returned as an error.
    pub fn decision(&self, d: Decision) -> Style {
        match d {
            Decision::Approved => self.ok,
            Decision::Returned => self.error,
        }
    }
}
