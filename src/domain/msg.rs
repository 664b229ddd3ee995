//! What the pure layers say, as a message id with its arguments, and the languages the
//! catalogue speaks. `domain`, `rules`, `store` and `sync` return a [`Msg`]; only
//! `report`, `cli` and `tui` turn it into words (through `crate::i18n`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A message id (a key of the catalogue, e.g. `hit-controlled`) and its named arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    pub id: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, MsgArg>,
}

/// One argument of a message: a number (plural rules apply), a text, a message of its
/// own (rendered in the same language), or a list of messages (rendered and joined).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MsgArg {
    Int(i64),
    Num(f64),
    Text(String),
    Msg(Box<Msg>),
    List(Vec<Msg>),
}

impl Msg {
    pub fn new(id: &str) -> Self {
        Msg {
            id: id.to_string(),
            args: BTreeMap::new(),
        }
    }

    /// The message with one more argument.
    pub fn arg(mut self, name: &str, value: impl Into<MsgArg>) -> Self {
        self.args.insert(name.to_string(), value.into());
        self
    }

    /// The message without the catalogue, for logs and for the layers that keep a text:
    /// the id with its arguments (`v-not-country(value=XX)`); a field problem as
    /// `path: problem`. A person reads it through `crate::i18n` instead.
    pub fn plain(&self) -> String {
        let arg = |k: &str| self.args.get(k).map(MsgArg::plain).unwrap_or_default();
        match self.id.as_str() {
            "field" => return arg("path"),
            "problem-text" => return arg("text"),
            "field-problem" => return format!("{}: {}", arg("field"), arg("problem")),
            _ => {}
        }
        if self.args.is_empty() {
            return self.id.clone();
        }
        let args: Vec<String> = self
            .args
            .iter()
            .map(|(k, v)| format!("{k}={}", v.plain()))
            .collect();
        format!("{}({})", self.id, args.join(", "))
    }

    /// The text argument `name`, empty when absent or a number.
    pub fn text(&self, name: &str) -> &str {
        match self.args.get(name) {
            Some(MsgArg::Text(t)) => t,
            _ => "",
        }
    }
}

impl MsgArg {
    /// The argument without the catalogue (see [`Msg::plain`]).
    pub fn plain(&self) -> String {
        match self {
            MsgArg::Int(n) => n.to_string(),
            MsgArg::Num(n) => n.to_string(),
            MsgArg::Text(t) => t.clone(),
            MsgArg::Msg(m) => m.plain(),
            MsgArg::List(l) => l.iter().map(Msg::plain).collect::<Vec<_>>().join("; "),
        }
    }
}

impl From<Msg> for MsgArg {
    fn from(m: Msg) -> Self {
        MsgArg::Msg(Box::new(m))
    }
}

impl From<Vec<Msg>> for MsgArg {
    fn from(v: Vec<Msg>) -> Self {
        MsgArg::List(v)
    }
}

impl From<&str> for MsgArg {
    fn from(s: &str) -> Self {
        MsgArg::Text(s.to_string())
    }
}

impl From<String> for MsgArg {
    fn from(s: String) -> Self {
        MsgArg::Text(s)
    }
}

impl From<&String> for MsgArg {
    fn from(s: &String) -> Self {
        MsgArg::Text(s.clone())
    }
}

impl From<i64> for MsgArg {
    fn from(n: i64) -> Self {
        MsgArg::Int(n)
    }
}

impl From<usize> for MsgArg {
    fn from(n: usize) -> Self {
        MsgArg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<f64> for MsgArg {
    fn from(n: f64) -> Self {
        MsgArg::Num(n)
    }
}

/// The languages of the interface. Machine output (JSON keys and values, CSV headers,
/// key-file action names, exit codes) never changes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code stored and accepted by `--lang`: `en` or `zh`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// `en` or `zh` (any case, `zh-CN`, `zh_Hans` and the like too); None for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let code = s.trim().to_ascii_lowercase();
        let base = code.split(['-', '_', '.', '@']).next().unwrap_or("");
        match base {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language of a POSIX locale value (`zh_CN.UTF-8` -> zh); English for any other
    /// set locale (`C`, `fr_FR.UTF-8`), None when the value is empty.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        Some(Lang::parse(v).unwrap_or(Lang::En))
    }

    /// The other language (the palette's switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

/// The interface language, in DESIGN section 7's order: `--lang`, else `MINSPECT_LANG`,
/// else the officer's stored choice, else the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`,
/// else English. A `--lang` or `MINSPECT_LANG` that is neither `en` nor `zh` is refused
/// (the name of the setting is the error).
pub fn resolve_lang(
    flag: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
    stored: Option<Lang>,
) -> Result<Lang, &'static str> {
    if let Some(f) = flag {
        return Lang::parse(f).ok_or("--lang");
    }
    if let Some(v) = env("MINSPECT_LANG").filter(|v| !v.trim().is_empty()) {
        return Lang::parse(&v).ok_or("MINSPECT_LANG");
    }
    if let Some(l) = stored {
        return Ok(l);
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(l) = env(var).as_deref().and_then(Lang::from_locale) {
            return Ok(l);
        }
    }
    Ok(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_order_is_flag_env_stored_locale_english() {
        let all = [("MINSPECT_LANG", "en"), ("LANG", "zh_CN.UTF-8")];
        assert_eq!(resolve_lang(Some("zh"), env(&all), None), Ok(Lang::Zh));
        assert_eq!(resolve_lang(None, env(&all), Some(Lang::Zh)), Ok(Lang::En));
        let no_env = [("LANG", "zh_CN.UTF-8")];
        assert_eq!(
            resolve_lang(None, env(&no_env), Some(Lang::En)),
            Ok(Lang::En)
        );
        assert_eq!(resolve_lang(None, env(&no_env), None), Ok(Lang::Zh));
        let messages = [("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")];
        assert_eq!(resolve_lang(None, env(&messages), None), Ok(Lang::En));
        let lc_all = [("LC_ALL", "zh_TW.UTF-8"), ("LC_MESSAGES", "C")];
        assert_eq!(resolve_lang(None, env(&lc_all), None), Ok(Lang::Zh));
        assert_eq!(resolve_lang(None, env(&[("LANG", "")]), None), Ok(Lang::En));
        assert_eq!(resolve_lang(None, env(&[]), None), Ok(Lang::En));
    }

    #[test]
    fn an_unknown_language_is_refused_by_name() {
        assert_eq!(resolve_lang(Some("fr"), env(&[]), None), Err("--lang"));
        let bad = [("MINSPECT_LANG", "klingon")];
        assert_eq!(resolve_lang(None, env(&bad), None), Err("MINSPECT_LANG"));
        assert_eq!(Lang::parse("ZH-cn"), Some(Lang::Zh));
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Some(Lang::En));
    }
}
