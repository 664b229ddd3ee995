//! Party names made comparable: full-width forms folded to ASCII, lower case, punctuation
//! dropped, legal-form words (Co., Ltd., Inc., Corporation, LLC, GmbH, 有限公司, 股份有限公司
//! ...) removed, tokens sorted. Pure.

/// Legal-form words dropped wherever they stand (after dots are removed: `s.r.o.` is `sro`).
const LEGAL_ANYWHERE: &[&str] = &[
    "co",
    "ltd",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "llc",
    "gmbh",
    "mbh",
    "plc",
    "limited",
    "spa",
    "srl",
    "sro",
    "bv",
    "nv",
    "uab",
    "kk",
    "pte",
    "pty",
    "lp",
    "llp",
];
/// Legal-form words dropped only as the last word (elsewhere they are ordinary words).
const LEGAL_AT_END: &[&str] = &["company", "as", "ag", "sa", "se", "ab", "oy", "partnership"];
/// Words that carry no identity.
const STOP: &[&str] = &["and", "the", "of"];
/// Chinese (and Japanese) legal forms, longest first: dropped at the end or the start.
const LEGAL_ZH: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "株式会社",
    "公司",
];

/// Full-width ASCII (`ＡＢＣ１２３（）`) and the ideographic space folded to ASCII.
fn fold_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Strips Chinese legal forms from the end (repeatedly) and from the start of a token.
fn strip_zh(mut t: &str) -> &str {
    loop {
        let before = t;
        for form in LEGAL_ZH {
            if t.len() > form.len() {
                t = t.strip_suffix(form).unwrap_or(t);
            }
            if t.len() > form.len() && *form == "株式会社" {
                t = t.strip_prefix(form).unwrap_or(t);
            }
        }
        if t == before {
            return t;
        }
    }
}

/// The words of a name: width folded, lower case, dots and apostrophes removed inside
/// words (`S.p.A.` is `spa`), every other non-alphanumeric character a separator, Chinese
/// legal forms and the legal-form and stop words dropped.
pub(super) fn words(name: &str) -> Vec<String> {
    // zero-width and bidi characters go first: they would otherwise split a word in two
    let name = crate::domain::strip_invisible(name);
    let folded: String = name
        .chars()
        .map(fold_width)
        .flat_map(char::to_lowercase)
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    // "洛克希德·马丁": Chinese words around a separator are one name
    let mut merged: Vec<String> = Vec::new();
    for t in folded.split_whitespace() {
        match merged.last_mut() {
            Some(prev) if prev.chars().any(is_cjk) && t.chars().any(is_cjk) => prev.push_str(t),
            _ => merged.push(t.to_string()),
        }
    }
    let mut out: Vec<String> = merged
        .iter()
        .map(|t| {
            if t.chars().any(is_cjk) {
                strip_zh(t).to_string()
            } else {
                t.to_string()
            }
        })
        .filter(|t| !t.is_empty() && !LEGAL_ANYWHERE.contains(&t.as_str()))
        .filter(|t| !STOP.contains(&t.as_str()))
        .collect();
    while out.len() > 1
        && out
            .last()
            .is_some_and(|t| LEGAL_AT_END.contains(&t.as_str()))
    {
        out.pop();
    }
    out
}

/// The normalised, token-sorted form that names are scored on.
pub fn normalize_name(name: &str) -> String {
    let mut w = words(name);
    w.sort();
    w.join(" ")
}

/// The index keys of a normalised name: each word and its first three characters (a
/// word typed with a slip after them still finds its candidates), and each pair of
/// neighbouring characters of a Chinese word.
pub(super) fn index_keys(normalized: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for w in normalized.split(' ').filter(|w| !w.is_empty()) {
        let chars: Vec<char> = w.chars().collect();
        if chars.iter().any(|c| is_cjk(*c)) {
            if chars.len() == 1 {
                keys.push(w.to_string());
            }
            keys.extend(chars.windows(2).map(|p| p.iter().collect::<String>()));
            continue;
        }
        keys.push(w.to_string());
        if chars.len() > 3 {
            keys.push(format!("{}~", chars[..3].iter().collect::<String>()));
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Jaro-Winkler similarity of two normalised names (1.0 = the same).
pub(super) fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    strsim::jaro_winkler(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_forms_case_width_and_punctuation_go() {
        let n = normalize_name;
        assert_eq!(n("Lockheed Martin Corporation"), "lockheed martin");
        assert_eq!(n("LOCKHEED-MARTIN CORP."), "lockheed martin");
        assert_eq!(n("ＬＯＣＫＨＥＥＤ　ＭＡＲＴＩＮ"), "lockheed martin");
        // a look-alike with zero-width and bidi characters inside is the same name
        assert_eq!(n("Lock\u{200b}heed Mar\u{202e}tin"), "lockheed martin");
        assert_eq!(n("Martin, Lockheed Co., Ltd."), "lockheed martin");
        assert_eq!(n("Gibbs&Cox, Inc."), "cox gibbs");
        assert_eq!(
            n("Boeing Defense, Space & Security"),
            "boeing defense security space"
        );
        assert_eq!(n("Lafert S.p.A."), "lafert");
        assert_eq!(n("OMNIPOL a.s."), "omnipol");
        assert_eq!(n("Sindlhauser Materials GmbH"), "materials sindlhauser");
        assert_eq!(n("HENSOLDT AG"), "hensoldt");
        assert_eq!(
            n("Edge Autonomy Operations LLC"),
            "autonomy edge operations"
        );
        assert_eq!(n("通用动力公司"), "通用动力");
        assert_eq!(n("汉翔航空工业股份有限公司"), "汉翔航空工业");
        assert_eq!(n("辛德豪瑟材料有限公司"), "辛德豪瑟材料");
        assert_eq!(n("三菱材料株式会社"), "三菱材料");
        assert_eq!(n("洛克希德·马丁公司"), "洛克希德马丁");
        // a legal word inside a name stays when it is an ordinary word there
        assert_eq!(n("Company of Heroes AS"), "company heroes");
        assert_eq!(n("公司"), "公司");
    }

    #[test]
    fn index_keys_are_words_prefixes_and_chinese_pairs() {
        assert_eq!(
            index_keys("lockheed martin"),
            ["lockheed", "loc~", "martin", "mar~"]
        );
        assert_eq!(index_keys("通用动力"), ["动力", "用动", "通用"]);
    }
}
