//! The message catalogue: every word the console, the CLI and the reports show, in English
//! and Simplified Chinese (Fluent files `en/*.ftl` and `zh/*.ftl`, one per area, built into
//! the binary).
//!
//! Only `report`, `cli` and `tui` call it: the layers below return ids ([`Msg`]). Fluent
//! gives plural and argument handling; Unicode isolation marks are off (a terminal shows
//! them as stray characters). An id missing from a language falls back to English; an id
//! missing from both shows as itself, and `tests/architecture` fails on either.

mod errors;
mod field;

pub use errors::said_or;
pub use field::{field_error, field_words, problem};

use std::borrow::Cow;
use std::sync::OnceLock;

pub use fluent_bundle::FluentArgs;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};

pub use crate::domain::{Lang, Msg, MsgArg, resolve_lang};

/// The catalogue files of one language: (file name, text).
pub type Files = &'static [(&'static str, &'static str)];

/// The English catalogue, as built into the binary.
pub const EN_FILES: Files = &[
    ("en/chrome.ftl", include_str!("en/chrome.ftl")),
    ("en/cipher.ftl", include_str!("en/cipher.ftl")),
    ("en/keys.ftl", include_str!("en/keys.ftl")),
    ("en/record.ftl", include_str!("en/record.ftl")),
    ("en/screening.ftl", include_str!("en/screening.ftl")),
    ("en/training.ftl", include_str!("en/training.ftl")),
    ("en/review.ftl", include_str!("en/review.ftl")),
    ("en/report.ftl", include_str!("en/report.ftl")),
    ("en/world.ftl", include_str!("en/world.ftl")),
    ("en/limits.ftl", include_str!("en/limits.ftl")),
    ("en/stats.ftl", include_str!("en/stats.ftl")),
    ("en/party.ftl", include_str!("en/party.ftl")),
    ("en/packs.ftl", include_str!("en/packs.ftl")),
    ("en/shipment_card.ftl", include_str!("en/shipment_card.ftl")),
    ("en/send_back.ftl", include_str!("en/send_back.ftl")),
    ("en/cli.ftl", include_str!("en/cli.ftl")),
    ("en/errors.ftl", include_str!("en/errors.ftl")),
    ("en/clauses.ftl", include_str!("en/clauses.ftl")),
    ("en/panes.ftl", include_str!("en/panes.ftl")),
    ("en/form.ftl", include_str!("en/form.ftl")),
    ("en/attach.ftl", include_str!("en/attach.ftl")),
    ("en/rescreen.ftl", include_str!("en/rescreen.ftl")),
    ("en/validate.ftl", include_str!("en/validate.ftl")),
    ("en/editor.ftl", include_str!("en/editor.ftl")),
    ("en/engine.ftl", include_str!("en/engine.ftl")),
    ("en/seal.ftl", include_str!("en/seal.ftl")),
    ("en/readable.ftl", include_str!("en/readable.ftl")),
    ("en/profile.ftl", include_str!("en/profile.ftl")),
    (
        "en/problems_domain.ftl",
        include_str!("en/problems_domain.ftl"),
    ),
    (
        "en/problems_rules.ftl",
        include_str!("en/problems_rules.ftl"),
    ),
    (
        "en/problems_store.ftl",
        include_str!("en/problems_store.ftl"),
    ),
    ("en/pending.ftl", include_str!("en/pending.ftl")),
    ("en/problems_sync.ftl", include_str!("en/problems_sync.ftl")),
    (
        "en/problems_scenario.ftl",
        include_str!("en/problems_scenario.ftl"),
    ),
    ("en/times.ftl", include_str!("en/times.ftl")),
    ("en/discard.ftl", include_str!("en/discard.ftl")),
    ("en/drafts.ftl", include_str!("en/drafts.ftl")),
    (
        "en/screening_form.ftl",
        include_str!("en/screening_form.ftl"),
    ),
];
/// The Simplified Chinese catalogue: the same files.
pub const ZH_FILES: Files = &[
    ("zh/chrome.ftl", include_str!("zh/chrome.ftl")),
    ("zh/cipher.ftl", include_str!("zh/cipher.ftl")),
    ("zh/keys.ftl", include_str!("zh/keys.ftl")),
    ("zh/record.ftl", include_str!("zh/record.ftl")),
    ("zh/screening.ftl", include_str!("zh/screening.ftl")),
    ("zh/training.ftl", include_str!("zh/training.ftl")),
    ("zh/review.ftl", include_str!("zh/review.ftl")),
    ("zh/report.ftl", include_str!("zh/report.ftl")),
    ("zh/world.ftl", include_str!("zh/world.ftl")),
    ("zh/limits.ftl", include_str!("zh/limits.ftl")),
    ("zh/stats.ftl", include_str!("zh/stats.ftl")),
    ("zh/party.ftl", include_str!("zh/party.ftl")),
    ("zh/packs.ftl", include_str!("zh/packs.ftl")),
    ("zh/shipment_card.ftl", include_str!("zh/shipment_card.ftl")),
    ("zh/send_back.ftl", include_str!("zh/send_back.ftl")),
    ("zh/cli.ftl", include_str!("zh/cli.ftl")),
    ("zh/errors.ftl", include_str!("zh/errors.ftl")),
    ("zh/clauses.ftl", include_str!("zh/clauses.ftl")),
    ("zh/panes.ftl", include_str!("zh/panes.ftl")),
    ("zh/form.ftl", include_str!("zh/form.ftl")),
    ("zh/attach.ftl", include_str!("zh/attach.ftl")),
    ("zh/rescreen.ftl", include_str!("zh/rescreen.ftl")),
    ("zh/validate.ftl", include_str!("zh/validate.ftl")),
    ("zh/editor.ftl", include_str!("zh/editor.ftl")),
    ("zh/engine.ftl", include_str!("zh/engine.ftl")),
    ("zh/seal.ftl", include_str!("zh/seal.ftl")),
    ("zh/readable.ftl", include_str!("zh/readable.ftl")),
    ("zh/profile.ftl", include_str!("zh/profile.ftl")),
    (
        "zh/problems_domain.ftl",
        include_str!("zh/problems_domain.ftl"),
    ),
    (
        "zh/problems_rules.ftl",
        include_str!("zh/problems_rules.ftl"),
    ),
    (
        "zh/problems_store.ftl",
        include_str!("zh/problems_store.ftl"),
    ),
    ("zh/pending.ftl", include_str!("zh/pending.ftl")),
    ("zh/problems_sync.ftl", include_str!("zh/problems_sync.ftl")),
    (
        "zh/problems_scenario.ftl",
        include_str!("zh/problems_scenario.ftl"),
    ),
    ("zh/times.ftl", include_str!("zh/times.ftl")),
    ("zh/discard.ftl", include_str!("zh/discard.ftl")),
    ("zh/drafts.ftl", include_str!("zh/drafts.ftl")),
    (
        "zh/screening_form.ftl",
        include_str!("zh/screening_form.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

struct Catalogue {
    en: Bundle,
    zh: Bundle,
}

fn bundle(lang: &str, files: Files) -> Bundle {
    let id = lang.parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    b.set_use_isolating(false);
    for (_, text) in files {
        // a syntax error keeps the entries that parsed, and an id written twice keeps its
        // first text: the catalogue tests fail on either
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = b.add_resource(resource);
    }
    b
}

fn catalogue() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| Catalogue {
        en: bundle("en", EN_FILES),
        zh: bundle("zh", ZH_FILES),
    })
}

fn bundle_of(lang: Lang) -> &'static Bundle {
    match lang {
        Lang::En => &catalogue().en,
        Lang::Zh => &catalogue().zh,
    }
}

fn format(b: &Bundle, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let (name, attr) = match id.split_once('.') {
        Some((n, a)) => (n, Some(a)),
        None => (id, None),
    };
    let msg = b.get_message(name)?;
    let pattern = match attr {
        Some(a) => msg.get_attribute(a)?.value(),
        None => msg.value()?,
    };
    let mut errors = Vec::new();
    Some(b.format_pattern(pattern, args, &mut errors).into_owned())
}

/// The text of `id` (`message` or `message.attribute`) with `args`, in `lang`, else in
/// English, else the id itself.
pub fn text_with(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    format(bundle_of(lang), id, args)
        .or_else(|| format(bundle_of(Lang::En), id, args))
        .unwrap_or_else(|| id.to_string())
}

/// The text of `id` without arguments.
pub fn text(lang: Lang, id: &str) -> String {
    text_with(lang, id, None)
}

/// Words for a [`Msg`] from the layers below; nested messages in the same language, a
/// list joined by the language's separator (`list-separator`).
pub fn msg(lang: Lang, m: &Msg) -> String {
    if field::is_field(m) {
        return field_words(lang, m.text("path"));
    }
    let mut args = FluentArgs::new();
    for (k, v) in &m.args {
        args.set(k.as_str(), value(lang, v));
    }
    text_with(lang, &m.id, Some(&args))
}

fn value(lang: Lang, v: &MsgArg) -> FluentValue<'_> {
    match v {
        MsgArg::Int(n) => FluentValue::from(*n),
        MsgArg::Num(n) => FluentValue::from(*n),
        MsgArg::Text(t) => FluentValue::String(Cow::Borrowed(t.as_str())),
        MsgArg::Msg(m) => FluentValue::String(Cow::Owned(msg(lang, m))),
        MsgArg::List(list) => {
            let parts: Vec<String> = list.iter().map(|m| msg(lang, m)).collect();
            let sep = text(lang, "list-separator");
            // Fluent trims the separator's space: `;` in English is followed by one
            let sep = if lang == Lang::En {
                format!("{sep} ")
            } else {
                sep
            };
            FluentValue::String(Cow::Owned(parts.join(&sep)))
        }
    }
}

/// True when `id` exists in `lang` (the catalogue tests and fallbacks use it).
pub fn has(lang: Lang, id: &str) -> bool {
    format(bundle_of(lang), id, None).is_some()
}

/// `t!(lang, "id")` or `t!(lang, "id", name = value, ...)`: the catalogue text, with
/// Fluent arguments (numbers pick the plural form).
#[macro_export]
macro_rules! t {
    ($lang:expr, $id:expr) => {
        $crate::i18n::text($lang, $id)
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::arg($value)); )+
        $crate::i18n::text_with($lang, $id, Some(&args))
    }};
}

/// A value for `t!`'s arguments: numbers stay numbers (for plurals), the rest is text.
pub fn arg<'a>(v: impl Into<Arg<'a>>) -> FluentValue<'a> {
    match v.into() {
        Arg::Int(n) => FluentValue::from(n),
        Arg::Text(t) => FluentValue::String(t),
    }
}

/// What `t!` accepts as an argument.
pub enum Arg<'a> {
    Int(i64),
    Text(Cow<'a, str>),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Int(n)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Int(i64::from(n))
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Int(i64::from(n))
    }
}

/// The ids of a catalogue text, in file order (`message` and `message.attribute`), and
/// the parse errors (line-numbered), for the catalogue tests.
pub fn ids_of(ftl: &str) -> (Vec<String>, Vec<String>) {
    let (resource, errors) = match FluentResource::try_new(ftl.to_string()) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e.iter().map(|e| format!("{e:?}")).collect()),
    };
    let mut ids = Vec::new();
    for entry in resource.entries() {
        if let fluent_syntax::ast::Entry::Message(m) = entry {
            ids.push(m.id.name.to_string());
            for a in &m.attributes {
                ids.push(format!("{}.{}", m.id.name, a.id.name));
            }
        }
    }
    (ids, errors)
}
