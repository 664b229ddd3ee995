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

use serde::{Deserialize, Serialize};

use crate::domain::Lang;
use crate::tui::action::Action;

mod defaults;
mod key;
mod record_view;
mod rescreen;
mod shared;
mod tabs;
mod training;

use defaults::defaults;
pub use key::Key;
pub use shared::{list_bindings, text_bindings};

/// Where a binding applies. Each screen has its own context; text contexts send
/// unbound printable keys to the focused field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    Rules,
    Screening,
    Shipments,
    Record,
    RecordForm,
    /// A finalized record being read: no writing keys but custody, receipt, amendment.
    RecordView,
    /// The next custody transfer of a finalized record's seizure.
    RecordCustody,
    RecordPrompt,
    Sync,
    SyncHq,
    SyncPrompt,
    /// The Review tab (headquarters): the queue and the record view.
    Review,
    /// The comment of a review decision being made.
    ReviewComment,
    /// The Review tab's statistics view.
    ReviewStats,
    /// The re-screening list (Rules tab on a laptop, Review tab at headquarters).
    Rescreen,
    Filter,
    Help,
    Palette,
    Confirm,
    Setup,
    /// The training briefing or debrief window.
    Training,
}

impl Context {
    pub const ALL: &'static [Context] = &[
        Context::Global,
        Context::Rules,
        Context::Screening,
        Context::Shipments,
        Context::Record,
        Context::RecordForm,
        Context::RecordView,
        Context::RecordCustody,
        Context::RecordPrompt,
        Context::Sync,
        Context::SyncHq,
        Context::SyncPrompt,
        Context::Review,
        Context::ReviewComment,
        Context::ReviewStats,
        Context::Rescreen,
        Context::Filter,
        Context::Help,
        Context::Palette,
        Context::Confirm,
        Context::Setup,
        Context::Training,
    ];

    /// Text contexts take printable keys as input; global bindings on printable keys
    /// do not apply there.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Context::Screening
                | Context::RecordForm
                | Context::RecordCustody
                | Context::RecordPrompt
                | Context::SyncPrompt
                | Context::ReviewComment
                | Context::Filter
                | Context::Help
                | Context::Palette
                | Context::Setup
        )
    }

    /// Modal contexts do not fall through to the global bindings at all.
    pub fn is_modal(self) -> bool {
        matches!(self, Context::Confirm | Context::Setup | Context::Training)
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

/// The table in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
    read_only: bool,
    /// A headquarters database: field-officer writes are absent.
    hq: bool,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: defaults(),
            read_only: false,
            hq: false,
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

    /// Hides field-officer writes (a headquarters database records no field work).
    pub fn set_headquarters(&mut self, hq: bool) {
        self.hq = hq;
    }

    /// The bindings in force (write actions removed when read-only, field-officer
    /// writes at headquarters).
    pub fn bindings(&self) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| {
            !((self.read_only && b.action.is_write()) || (self.hq && b.action.is_field_write()))
        })
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
        self.apply_overrides_in(text, Lang::En)
    }

    /// [`Keymap::apply_overrides`], its problem said in `lang`.
    pub fn apply_overrides_in(&mut self, text: &str, lang: Lang) -> Result<(), String> {
        let table: BTreeMap<String, BTreeMap<String, KeyList>> = toml::from_str(text)
            .map_err(|e| e.to_string().lines().next().unwrap_or("").to_string())?;
        let mut next = self.bindings.clone();
        for (ctx_name, entries) in table {
            let ctx = Context::from_name(&ctx_name).ok_or_else(|| {
                let names: Vec<String> = Context::ALL.iter().map(|c| c.name()).collect();
                crate::t!(
                    lang,
                    "keyfile-context",
                    context = ctx_name.as_str(),
                    names = names.join(", ")
                )
            })?;
            for (action_name, keys) in entries {
                let action = Action::from_name(&action_name).ok_or_else(|| {
                    crate::t!(
                        lang,
                        "keyfile-action",
                        context = ctx_name.as_str(),
                        action = action_name.as_str()
                    )
                })?;
                let keys = match keys {
                    KeyList::One(k) => vec![k],
                    KeyList::Many(v) => v,
                };
                if keys.is_empty() {
                    return Err(crate::t!(
                        lang,
                        "keyfile-no-key",
                        context = ctx_name.as_str(),
                        action = action_name.as_str()
                    ));
                }
                let parsed = keys
                    .iter()
                    .map(|k| {
                        Key::parse_in(k, lang).map_err(|e| {
                            crate::t!(
                                lang,
                                "keyfile-bad-key",
                                context = ctx_name.as_str(),
                                action = action_name.as_str(),
                                error = e
                            )
                        })
                    })
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
        Keymap::load_in(path, Lang::En)
    }

    /// [`Keymap::load`], its message in `lang`.
    pub fn load_in(path: Option<&Path>, lang: Lang) -> (Keymap, Option<String>) {
        let mut km = Keymap::default();
        let Some(path) = path else { return (km, None) };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (km, None),
            Err(e) => {
                return (
                    km,
                    Some(crate::t!(
                        lang,
                        "keyfile-problem",
                        path = path.display().to_string(),
                        error = e.to_string()
                    )),
                );
            }
        };
        match km.apply_overrides_in(&text, lang) {
            Ok(()) => (km, None),
            Err(e) => (
                Keymap::default(),
                Some(crate::t!(
                    lang,
                    "keyfile-problem",
                    path = path.display().to_string(),
                    error = e
                )),
            ),
        }
    }
}
