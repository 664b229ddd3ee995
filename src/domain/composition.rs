//! Chemical element symbols and declared composition strings
//! (the "declaration elements" text, e.g. `Pr 4.49%, Nd 13.5%, Fe 65.7%, B 0.95%`).

use std::collections::BTreeMap;

use super::{FieldError, Msg};

const ELEMENTS: [&str; 118] = [
    "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl",
    "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As",
    "Se", "Br", "Kr", "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In",
    "Sn", "Sb", "Te", "I", "Xe", "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb",
    "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl",
    "Pb", "Bi", "Po", "At", "Rn", "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk",
    "Cf", "Es", "Fm", "Md", "No", "Lr", "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh",
    "Fl", "Mc", "Lv", "Ts", "Og",
];

/// True for a chemical element symbol, case-sensitive (`Dy`, not `DY`).
pub fn is_element(s: &str) -> bool {
    ELEMENTS.contains(&s)
}

/// Element -> percent read from a declared composition string. Every `Symbol number%`
/// pair is taken (`Nd 13.5%`, `Dy:0.36 %`, `Bi=58%`); other text (brand, shape, the
/// pipes of a declaration-elements string) is ignored. Each percentage must be 0-100
/// and their sum at most 100 (+0.5 rounding).
pub fn parse_composition(field: &str, raw: &str) -> Result<BTreeMap<String, f64>, FieldError> {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_alpha = i > 0 && chars[i - 1].is_ascii_alphabetic();
        if !c.is_ascii_uppercase() || prev_alpha {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if j < chars.len() && chars[j].is_ascii_lowercase() {
            j += 1;
        }
        let symbol: String = chars[i..j].iter().collect();
        if j < chars.len() && chars[j].is_ascii_alphabetic() || !is_element(&symbol) {
            i = j;
            continue;
        }
        let mut k = j;
        while k < chars.len() && matches!(chars[k], ' ' | ':' | '=') {
            k += 1;
        }
        let start = k;
        while k < chars.len() && (chars[k].is_ascii_digit() || chars[k] == '.') {
            k += 1;
        }
        let number: String = chars[start..k].iter().collect();
        let mut m = k;
        while m < chars.len() && chars[m] == ' ' {
            m += 1;
        }
        if number.is_empty() || m >= chars.len() || chars[m] != '%' {
            i = j;
            continue;
        }
        let path = format!("{field}.{symbol}");
        let v: f64 = number
            .parse()
            .map_err(|_| FieldError::new(&path, Msg::new("dp-not-number").arg("raw", &number)))?;
        super::check_percent(&path, v)?;
        if out.insert(symbol.clone(), v).is_some() {
            return Err(FieldError::new(&path, Msg::new("dp-twice")));
        }
        i = m + 1;
    }
    check_composition_sum(field, &out)?;
    Ok(out)
}

/// Refuses a composition whose percentages add up to more than 100 (+0.5 for rounding).
pub fn check_composition_sum(field: &str, parts: &BTreeMap<String, f64>) -> Result<(), FieldError> {
    let sum: f64 = parts.values().sum();
    if sum > 100.5 {
        return Err(FieldError::new(
            field,
            Msg::new("dp-sum-over").arg("sum", format!("{sum:.2}")),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_declaration_elements() {
        let c = parse_composition(
            "composition",
            "0|2|Pr 4.49%, Nd 13.5%, Fe 65.7%, B 0.95%, Ce 15.36%|no brand|round|[A]28%",
        )
        .unwrap();
        assert_eq!(c.len(), 5);
        assert_eq!(c["Nd"], 13.5);
        assert_eq!(c["B"], 0.95);
        assert!(!c.contains_key("A"));
    }

    #[test]
    fn ignores_words_and_formulae_without_percent() {
        let c =
            parse_composition("composition", "Solder paste Sn42Bi58, Sn 42 %, Bi: 58%").unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c["Bi"], 58.0);
        assert!(
            parse_composition("composition", "Tin paste, no brand")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn refuses_bad_percentages() {
        let e = parse_composition("composition", "Nd 130%").unwrap_err();
        assert_eq!(e.field, "composition.Nd");
        let e = parse_composition("composition", "Fe 70%, Nd 40%").unwrap_err();
        assert!(e.message.contains("110.00"), "{}", e.message);
        assert!(parse_composition("composition", "Nd 1%, Nd 2%").is_err());
    }
}
