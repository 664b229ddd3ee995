//! Element contents written in a declared description, as in the declaration elements
//! string of a customs declaration (`0|2|Nd 14.00%, Pr 4.71%, Gd 0.33%|no brand`). Pure.

use std::collections::BTreeMap;

use super::elements::is_element_symbol;

/// Element symbol -> percent for every `Sym 12.3%` / `Sym12.3%` / `Sym: 12.3 %` in `text`.
pub fn declared_composition(text: &str) -> BTreeMap<String, f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_uppercase() && (i == 0 || !chars[i - 1].is_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if j < chars.len() && chars[j].is_ascii_lowercase() {
            j += 1;
        }
        let symbol: String = chars[i..j].iter().collect();
        let mut k = j;
        while k < chars.len() && matches!(chars[k], ' ' | ':' | '=') {
            k += 1;
        }
        let num_start = k;
        while k < chars.len() && (chars[k].is_ascii_digit() || chars[k] == '.') {
            k += 1;
        }
        let number: String = chars[num_start..k].iter().collect();
        let mut p = k;
        while p < chars.len() && chars[p] == ' ' {
            p += 1;
        }
        if is_element_symbol(&symbol)
            && p < chars.len()
            && matches!(chars[p], '%' | '％')
            && let Ok(v) = number.parse::<f64>()
            && (0.0..=100.0).contains(&v)
        {
            out.insert(symbol, v);
            i = p + 1;
        } else {
            i = j;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declaration_elements() {
        let d = declared_composition("0|2|Nd 14.00%, Pr 4.71%, Gd0.33%|no brand|round|[A]28%");
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(d["Nd"], 14.0);
        assert_eq!(d["Gd"], 0.33);
        assert!(declared_composition("Sn42Bi58 solder paste, CO 5%, pH 7%, Dy: 3 ％").len() == 1);
        assert!(declared_composition("Xx 5%").is_empty());
    }
}
