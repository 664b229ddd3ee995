//! The engine's words in Chinese: `minspect --lang zh screen` of the example case (NdFeB
//! magnets with dysprosium to Switzerland) shows no English word: the reasons, the red flag
//! with the pack's guidance and the notes come from their message ids and the pack's
//! Chinese texts; only codes, ids, element symbols, units and the officer's own quoted
//! words stay as they are.

use super::commands::{DY, bin, fresh, stdout};

/// The English words of `text`: runs of ASCII letters, leaving out the officer's quoted
/// words (“...”), announcement numbers (`2025 No. 18`), codes and ids (any run touching a
/// digit, `-`, `_` or `.`), element symbols and short acronyms (HS, XRF).
pub(crate) fn english_words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '“' => quoted = true,
            '”' => quoted = false,
            _ if !quoted => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.replace(" No. ", " ");
    let mut out = Vec::new();
    for token in plain.split(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c))) {
        let token = token.trim_end_matches('.');
        let code = token
            .chars()
            .any(|c| c.is_ascii_digit() || "-_.".contains(c));
        let short =
            token.len() <= 3 && token.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        let unit = ["kg", "g", "t", "pcs", "ppm", "mm", "MPa"].contains(&token);
        if token.len() >= 2 && !code && !short && !unit {
            out.push(token.to_string());
        }
    }
    out
}

#[test]
fn the_example_case_screened_in_chinese_has_no_english_word() {
    let (_dir, db) = fresh();
    let zh = stdout(
        bin(&db)
            .args(["--lang", "zh", "screen", "--facts", "-"])
            .write_stdin(DY),
    );
    assert!(
        zh.contains("虚报、瞒报成分含量："),
        "the red flag's title: {zh}"
    );
    assert!(
        zh.contains("不存在最低含量豁免"),
        "the pack's guidance: {zh}"
    );
    assert!(
        zh.contains("未测 Tb（成分中没有；须 tb_pct > 0）"),
        "the note: {zh}"
    );
    assert_eq!(english_words(&zh), Vec::<String>::new(), "{zh}");
    // English is unchanged, word for word what the engine stores
    let en = stdout(bin(&db).args(["screen", "--facts", "-"]).write_stdin(DY));
    assert!(
        en.contains("Under-declared content or composition: Dy 0.18 % found"),
        "{en}"
    );
    assert!(
        en.contains("Tb not measured (absent from the composition"),
        "{en}"
    );
}

#[test]
fn the_word_check_sees_english_and_lets_codes_pass() {
    assert_eq!(
        english_words("Export needs a licence"),
        ["Export", "needs", "licence"]
    );
    let ok = "含镝（2025 No. 18，1C905.a.4）：Dy 0.18 %，dy_pct > 0，HS 8505111000，“permanent magnet”，re-dy-magnet";
    assert_eq!(english_words(ok), Vec::<String>::new());
}
