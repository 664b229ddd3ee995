//! A key of the table: a code and whether Ctrl is held (Alt is never used).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as written in the table: a code and whether Ctrl is held. Alt is never used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// The key of a terminal event (Shift is folded into the character).
    pub fn of(ev: &KeyEvent) -> Key {
        let code = match ev.code {
            KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }

    /// Parses `q`, `?`, `G`, `ctrl-c`, `f1`, `enter`, `esc`, `tab`, `shift-tab`, `up`,
    /// `pgdn`, `space` ... Alt chords are refused.
    pub fn parse(s: &str) -> Result<Key, String> {
        Key::parse_in(s, crate::domain::Lang::En)
    }

    /// [`Key::parse`], its problem said in `lang`.
    pub fn parse_in(s: &str, lang: crate::domain::Lang) -> Result<Key, String> {
        let lower = s.to_ascii_lowercase();
        if lower.starts_with("alt-") || lower.starts_with("meta-") {
            return Err(crate::t!(lang, "keyfile-alt", key = s));
        }
        if let Some(rest) = lower.strip_prefix("ctrl-") {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Ok(Key::ctrl(c)),
                _ => Err(crate::t!(lang, "keyfile-ctrl", key = s)),
            };
        }
        let code = match lower.as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            f if f.starts_with('f') && f.len() > 1 && f[1..].parse::<u8>().is_ok() => {
                let n: u8 = f[1..].parse().unwrap_or(0);
                if !(1..=12).contains(&n) {
                    return Err(crate::t!(lang, "keyfile-fn", key = s));
                }
                KeyCode::F(n)
            }
            _ => {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => KeyCode::Char(c),
                    _ => {
                        return Err(crate::t!(lang, "keyfile-not-a-key", key = s));
                    }
                }
            }
        };
        Ok(Key::plain(code))
    }

    /// How the key is shown in help and footers.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl { format!("C-{base}") } else { base }
    }

    pub(super) fn is_printable(&self) -> bool {
        !self.ctrl && matches!(self.code, KeyCode::Char(_))
    }
}
