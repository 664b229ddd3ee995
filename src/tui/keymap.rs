//! The keymap table: (context, key, action, help). It drives key handling, the help
//! overlay and the footer hints. Users override it with a TOML file naming actions:
//!
//! ```toml
//! [rules]
//! screen_shipment = "S"          # or a list: ["S", "ctrl-s"]
//! [global]
//! quit = ["q", "ctrl-q"]
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

use super::action::Action;

/// Where a binding applies. Each screen has its own context; text contexts send
/// unbound printable keys to the focused field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    Rules,
    Screening,
    Shipments,
    Filter,
    Help,
    Palette,
    Confirm,
    Setup,
}

impl Context {
    pub const ALL: &'static [Context] = &[
        Context::Global,
        Context::Rules,
        Context::Screening,
        Context::Shipments,
        Context::Filter,
        Context::Help,
        Context::Palette,
        Context::Confirm,
        Context::Setup,
    ];

    /// Text contexts take printable keys as input; global bindings on printable keys
    /// do not apply there.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Context::Screening
                | Context::Filter
                | Context::Help
                | Context::Palette
                | Context::Setup
        )
    }

    /// Modal contexts do not fall through to the global bindings at all.
    pub fn is_modal(self) -> bool {
        matches!(self, Context::Confirm | Context::Setup)
    }

    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    fn from_name(name: &str) -> Option<Context> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }
}

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
        let lower = s.to_ascii_lowercase();
        if lower.starts_with("alt-") || lower.starts_with("meta-") {
            return Err(format!(
                "'{s}': Alt chords are not used (they fail over SSH and in some terminals)"
            ));
        }
        if let Some(rest) = lower.strip_prefix("ctrl-") {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Ok(Key::ctrl(c)),
                _ => Err(format!("'{s}': ctrl- takes one letter, e.g. ctrl-s")),
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
                    return Err(format!("'{s}': function keys are f1 to f12"));
                }
                KeyCode::F(n)
            }
            _ => {
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() => KeyCode::Char(c),
                    _ => {
                        return Err(format!(
                            "'{s}' is not a key name (e.g. q, ctrl-s, f1, enter, pgdn)"
                        ));
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

    fn is_printable(&self) -> bool {
        !self.ctrl && matches!(self.code, KeyCode::Char(_))
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub context: Context,
    pub key: Key,
    pub action: Action,
    pub help: &'static str,
    /// Shown in the footer hints.
    pub footer: bool,
}

pub fn bind(context: Context, key: Key, action: Action, help: &'static str) -> Binding {
    Binding {
        context,
        key,
        action,
        help,
        footer: false,
    }
}

/// Like [`bind`], also shown in the footer.
pub fn hint(context: Context, key: Key, action: Action, help: &'static str) -> Binding {
    Binding {
        context,
        key,
        action,
        help,
        footer: true,
    }
}

/// List movement shared by every list screen (one set per context).
pub fn list_bindings(c: Context) -> Vec<Binding> {
    use Action::*;
    vec![
        hint(c, Key::ch('j'), Down, "down"),
        bind(c, Key::plain(KeyCode::Down), Down, "down"),
        hint(c, Key::ch('k'), Up, "up"),
        bind(c, Key::plain(KeyCode::Up), Up, "up"),
        bind(c, Key::plain(KeyCode::PageDown), PageDown, "page down"),
        bind(c, Key::plain(KeyCode::PageUp), PageUp, "page up"),
        bind(c, Key::ch('g'), Top, "first row"),
        bind(c, Key::plain(KeyCode::Home), Top, "first row"),
        bind(c, Key::ch('G'), Bottom, "last row"),
        bind(c, Key::plain(KeyCode::End), Bottom, "last row"),
        hint(c, Key::plain(KeyCode::Tab), NextPane, "next pane"),
        bind(c, Key::plain(KeyCode::BackTab), PrevPane, "previous pane"),
        bind(c, Key::ch('l'), NextPane, "pane right"),
        bind(c, Key::plain(KeyCode::Right), NextPane, "pane right"),
        bind(c, Key::ch('h'), PrevPane, "pane left"),
        bind(c, Key::plain(KeyCode::Left), PrevPane, "pane left"),
        hint(c, Key::plain(KeyCode::Enter), Open, "open"),
        bind(c, Key::plain(KeyCode::Esc), Back, "back"),
        bind(c, Key::plain(KeyCode::Backspace), Back, "back"),
        hint(c, Key::ch('/'), Filter, "filter"),
        bind(c, Key::ch('x'), ClearFilter, "clear filter"),
    ]
}

/// Editing keys of a one-line text field.
pub fn text_bindings(c: Context) -> Vec<Binding> {
    use Action::*;
    vec![
        bind(c, Key::plain(KeyCode::Backspace), DeleteBack, "delete back"),
        bind(c, Key::plain(KeyCode::Delete), DeleteForward, "delete"),
        bind(c, Key::plain(KeyCode::Left), CursorLeft, "cursor left"),
        bind(c, Key::plain(KeyCode::Right), CursorRight, "cursor right"),
        bind(c, Key::plain(KeyCode::Home), CursorHome, "start of field"),
        bind(c, Key::ctrl('a'), CursorHome, "start of field"),
        bind(c, Key::plain(KeyCode::End), CursorEnd, "end of field"),
        bind(c, Key::ctrl('e'), CursorEnd, "end of field"),
        bind(c, Key::ctrl('u'), ClearField, "clear field"),
        bind(c, Key::ctrl('g'), Cancel, "cancel"),
    ]
}

fn defaults() -> Vec<Binding> {
    use Action::*;
    use Context as C;
    let mut v = vec![
        hint(C::Global, Key::ch('?'), Help, "help"),
        bind(C::Global, Key::plain(KeyCode::F(1)), Help, "help"),
        hint(C::Global, Key::ch(':'), Palette, "commands"),
        hint(C::Global, Key::ch('q'), Quit, "quit"),
        bind(C::Global, Key::ctrl('c'), Quit, "quit"),
        bind(C::Global, Key::ch(']'), NextTab, "next tab"),
        bind(C::Global, Key::ch('['), PrevTab, "previous tab"),
    ];
    v.extend(super::screens::tab_bindings());
    v.extend(super::screens::screen_bindings());
    // text filter of a list
    v.extend([
        hint(C::Filter, Key::plain(KeyCode::Enter), Accept, "keep filter"),
        hint(C::Filter, Key::plain(KeyCode::Esc), Cancel, "undo filter"),
    ]);
    v.extend(text_bindings(C::Filter));
    // help overlay (typing filters it)
    v.extend([
        hint(C::Help, Key::plain(KeyCode::Esc), Cancel, "close"),
        bind(C::Help, Key::plain(KeyCode::Enter), Cancel, "close"),
        bind(C::Help, Key::plain(KeyCode::F(1)), Cancel, "close"),
        bind(C::Help, Key::plain(KeyCode::Down), Down, "scroll down"),
        bind(C::Help, Key::plain(KeyCode::Up), Up, "scroll up"),
        bind(
            C::Help,
            Key::plain(KeyCode::PageDown),
            PageDown,
            "page down",
        ),
        bind(C::Help, Key::plain(KeyCode::PageUp), PageUp, "page up"),
        bind(
            C::Help,
            Key::plain(KeyCode::Backspace),
            DeleteBack,
            "delete back",
        ),
        bind(C::Help, Key::ctrl('u'), ClearField, "clear filter"),
        bind(C::Help, Key::ctrl('g'), Cancel, "close"),
    ]);
    // command palette
    v.extend([
        hint(C::Palette, Key::plain(KeyCode::Enter), Accept, "run"),
        hint(C::Palette, Key::plain(KeyCode::Esc), Cancel, "close"),
        bind(C::Palette, Key::plain(KeyCode::Down), Down, "next match"),
        bind(C::Palette, Key::ctrl('n'), Down, "next match"),
        bind(C::Palette, Key::plain(KeyCode::Up), Up, "previous match"),
        bind(C::Palette, Key::ctrl('p'), Up, "previous match"),
    ]);
    v.extend(text_bindings(C::Palette));
    // yes/no dialog
    v.extend([
        hint(C::Confirm, Key::ch('y'), Yes, "yes"),
        bind(C::Confirm, Key::plain(KeyCode::Enter), Yes, "yes"),
        hint(C::Confirm, Key::ch('n'), No, "no"),
        bind(C::Confirm, Key::plain(KeyCode::Esc), No, "no"),
    ]);
    // first-run dialog
    v.extend([
        hint(C::Setup, Key::plain(KeyCode::Enter), Accept, "next / save"),
        hint(C::Setup, Key::plain(KeyCode::Tab), NextField, "next field"),
        bind(C::Setup, Key::plain(KeyCode::Down), NextField, "next field"),
        bind(
            C::Setup,
            Key::plain(KeyCode::BackTab),
            PrevField,
            "previous field",
        ),
        bind(
            C::Setup,
            Key::plain(KeyCode::Up),
            PrevField,
            "previous field",
        ),
        bind(C::Setup, Key::ctrl('c'), Quit, "quit without saving"),
    ]);
    v.extend(
        text_bindings(C::Setup)
            .into_iter()
            .filter(|b| b.action != Cancel),
    );
    v
}

/// The table in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    read_only: bool,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: defaults(),
            read_only: false,
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl Keymap {
    /// Hides write actions (read-only database).
    pub fn set_read_only(&mut self, ro: bool) {
        self.read_only = ro;
    }

    /// The bindings in force (write actions removed when read-only).
    pub fn bindings(&self) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| !(self.read_only && b.action.is_write()))
    }

    /// The action for `key` in `ctx`, falling back to the global bindings (printable
    /// keys do not fall back from a text context; modal contexts never do).
    pub fn lookup(&self, ctx: Context, key: Key) -> Option<Action> {
        let find = |c: Context| {
            self.bindings()
                .find(|b| b.context == c && b.key == key)
                .map(|b| b.action)
        };
        find(ctx).or_else(|| {
            if ctx.is_modal() || (ctx.is_text() && key.is_printable()) {
                None
            } else {
                find(Context::Global)
            }
        })
    }

    /// The rows of the help overlay for `ctx`: its own bindings, then the global ones.
    pub fn help_rows(&self, ctx: Context) -> Vec<&Binding> {
        let mut rows: Vec<&Binding> = self.bindings().filter(|b| b.context == ctx).collect();
        if !ctx.is_modal() {
            rows.extend(self.bindings().filter(|b| {
                b.context == Context::Global && !(ctx.is_text() && b.key.is_printable())
            }));
        }
        rows
    }

    /// Footer hints for `ctx`: (keys, help), one per action.
    pub fn footer(&self, ctx: Context) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for b in self.help_rows(ctx).into_iter().filter(|b| b.footer) {
            if !out.iter().any(|(_, h)| *h == b.help) {
                out.push((b.key.label(), b.help));
            }
        }
        out
    }

    /// The first key bound to `action` in `ctx` (or globally), for hints like "press s".
    pub fn key_for(&self, ctx: Context, action: Action) -> Option<Key> {
        self.bindings()
            .find(|b| b.action == action && (b.context == ctx || b.context == Context::Global))
            .map(|b| b.key)
    }

    /// Applies overrides from TOML text: `[context] action = "key"` or a list of keys.
    /// An override replaces that action's keys in that context; a key it takes is
    /// removed from any other action of the same context.
    pub fn apply_overrides(&mut self, text: &str) -> Result<(), String> {
        let table: BTreeMap<String, BTreeMap<String, KeyList>> = toml::from_str(text)
            .map_err(|e| e.to_string().lines().next().unwrap_or("").to_string())?;
        let mut next = self.bindings.clone();
        for (ctx_name, entries) in table {
            let ctx = Context::from_name(&ctx_name).ok_or_else(|| {
                let names: Vec<String> = Context::ALL.iter().map(|c| c.name()).collect();
                format!(
                    "[{ctx_name}] is not a context (one of {})",
                    names.join(", ")
                )
            })?;
            for (action_name, keys) in entries {
                let action = Action::from_name(&action_name)
                    .ok_or_else(|| format!("[{ctx_name}] {action_name}: no such action"))?;
                let keys = match keys {
                    KeyList::One(k) => vec![k],
                    KeyList::Many(v) => v,
                };
                if keys.is_empty() {
                    return Err(format!("[{ctx_name}] {action_name}: give at least one key"));
                }
                let parsed = keys
                    .iter()
                    .map(|k| Key::parse(k).map_err(|e| format!("[{ctx_name}] {action_name}: {e}")))
                    .collect::<Result<Vec<_>, _>>()?;
                let help = next
                    .iter()
                    .find(|b| b.context == ctx && b.action == action)
                    .map(|b| b.help)
                    .unwrap_or_else(|| action.describe());
                let footer = next
                    .iter()
                    .any(|b| b.context == ctx && b.action == action && b.footer);
                next.retain(|b| {
                    b.context != ctx || (b.action != action && !parsed.contains(&b.key))
                });
                for key in parsed {
                    next.push(Binding {
                        context: ctx,
                        key,
                        action,
                        help,
                        footer,
                    });
                }
            }
        }
        self.bindings = next;
        Ok(())
    }

    /// Where the user's key file lives: `$MINSPECT_KEYS`, else `<config dir>/minspect/keys.toml`.
    pub fn user_file() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("MINSPECT_KEYS").filter(|p| !p.is_empty()) {
            return Some(PathBuf::from(p));
        }
        directories::ProjectDirs::from("", "", "minspect").map(|d| d.config_dir().join("keys.toml"))
    }

    /// The default table with the user's overrides from `path` (if it exists). A bad
    /// file gives the defaults and a message naming the file and the problem.
    pub fn load(path: Option<&Path>) -> (Keymap, Option<String>) {
        let mut km = Keymap::default();
        let Some(path) = path else { return (km, None) };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (km, None),
            Err(e) => {
                return (
                    km,
                    Some(format!(
                        "key file {}: {e}; using the default keys",
                        path.display()
                    )),
                );
            }
        };
        match km.apply_overrides(&text) {
            Ok(()) => (km, None),
            Err(e) => (
                Keymap::default(),
                Some(format!(
                    "key file {}: {e}; using the default keys",
                    path.display()
                )),
            ),
        }
    }
}
