//! A field named in a problem: its path (`shipment.destination`, `measurements[1].value`)
//! in English, and in Chinese the form's label before the path (`目的国（shipment.destination）`),
//! so an officer reads the field's name in the language and the path stays searchable.

use super::{has, text};
use crate::domain::{FieldError, Lang, Msg};

/// The id a problem uses for its field (`Msg::new("field").arg("path", ..)`).
pub const FIELD_ID: &str = "field";

/// (first path segment, prefix of the form's label ids)
const SECTIONS: &[(&str, &str)] = &[
    ("shipment", "ship"),
    ("inspection", "insp"),
    ("measurements", "meas"),
    ("findings", "find"),
    ("seizures", "seiz"),
    ("custody_event", "cust"),
    ("custody", "cust"),
];

fn bare(segment: &str) -> &str {
    segment.split('[').next().unwrap_or(segment)
}

/// The form's label of `path` in `lang`, None when the catalogue has none.
pub fn label(lang: Lang, path: &str) -> Option<String> {
    let mut parts = path.split('.').map(bare);
    let first = parts.next().unwrap_or("");
    let section = SECTIONS.iter().find(|(s, _)| *s == first);
    let found = match (section, parts.next()) {
        (Some((_, prefix)), Some(name)) => format!("{prefix}-{name}"),
        (Some(_), None) => format!("section-{first}"),
        (None, _) => SECTIONS
            .iter()
            .map(|(_, prefix)| format!("{prefix}-{first}"))
            .find(|id| has(lang, id))?,
    };
    has(lang, &found).then(|| text(lang, &found))
}

/// The field as a problem names it in `lang`.
pub fn field_words(lang: Lang, path: &str) -> String {
    match (lang, label(lang, path)) {
        (Lang::En, _) | (_, None) => path.to_string(),
        (_, Some(l)) => format!("{l}（{path}）"),
    }
}

/// `field: problem` in `lang` (the CLI's line, the console's status line).
pub fn field_error(lang: Lang, e: &FieldError) -> String {
    super::msg(lang, &e.to_msg())
}

/// The problem alone, in `lang` (shown after the field in a form).
pub fn problem(lang: Lang, e: &FieldError) -> String {
    super::msg(lang, &e.problem_msg())
}

/// True when `m` names a field (rendered by [`field_words`]).
pub(super) fn is_field(m: &Msg) -> bool {
    m.id == FIELD_ID
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_reads_as_its_path_in_english_and_with_its_label_in_chinese() {
        assert_eq!(
            field_words(Lang::En, "shipment.destination"),
            "shipment.destination"
        );
        assert_eq!(
            field_words(Lang::Zh, "shipment.destination"),
            "目的国（shipment.destination）"
        );
        let value = field_words(Lang::Zh, "measurements[1].value");
        assert!(value.ends_with("（measurements[1].value）") && !value.starts_with('（'));
        assert_eq!(
            field_words(Lang::Zh, "destination"),
            "目的国（destination）"
        );
        assert_eq!(field_words(Lang::Zh, "file"), "file");
        let e = FieldError::new(
            "consignee",
            Msg::new("v-empty-enter").arg("what", Msg::new("v-what-consignee")),
        );
        assert_eq!(
            field_error(Lang::En, &e),
            "consignee: is empty; enter the consignee"
        );
        assert_eq!(
            e.to_string(),
            "consignee: v-empty-enter(what=v-what-consignee)"
        );
        assert_eq!(problem(Lang::Zh, &e), "为空；请填写收货人");
    }
}
