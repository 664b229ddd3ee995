//! Identifier formats with check characters: UN/LOCODE, the unified social credit code
//! (GB 32100-2015) and ISO 6346 container numbers.

use serde::{Deserialize, Serialize};

use super::{FieldError, Msg, is_country};

/// A UN/LOCODE: ISO 3166 alpha-2 country + 3 letters or digits 2-9 (`CNSHA`, `CNNGB`).
/// A space between the parts is accepted on input.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Locode(String);

impl Locode {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let t: String = raw.trim().to_ascii_uppercase().replace(' ', "");
        if t.len() != 5 || !t.is_ascii() {
            return Err(FieldError::new(
                field,
                Msg::new("dp-not-locode").arg("raw", raw),
            ));
        }
        let (country, place) = t.split_at(2);
        if !is_country(country) {
            return Err(FieldError::new(
                field,
                Msg::new("dp-locode-country")
                    .arg("raw", raw)
                    .arg("country", country),
            ));
        }
        if !place
            .chars()
            .all(|c| c.is_ascii_uppercase() || ('2'..='9').contains(&c))
        {
            return Err(FieldError::new(
                field,
                Msg::new("dp-locode-place")
                    .arg("raw", raw)
                    .arg("place", place),
            ));
        }
        Ok(Locode(t))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

const USCC_CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// The GB 32100-2015 check character of the first 17 characters, or None when one of
/// them is outside the code's character set.
pub fn credit_code_check_char(first17: &str) -> Option<char> {
    let mut sum = 0u32;
    for (c, w) in first17.chars().zip(USCC_WEIGHTS) {
        sum += USCC_CHARSET.find(c)? as u32 * w;
    }
    let check = (31 - sum % 31) % 31;
    USCC_CHARSET.chars().nth(check as usize)
}

/// An 18-character unified social credit code (统一社会信用代码, GB 32100-2015):
/// registration authority, entity type, 6-digit administrative division, 9-character
/// organization code, check character. Letters I, O, Z, S, V never occur.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CreditCode(String);

impl CreditCode {
    /// As officers copy it: registers print it in groups (`91 110000 600037341L`) and
    /// lower case is common; spaces and hyphens go and letters are upper-cased first.
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let t: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
            .to_ascii_uppercase();
        let n = t.chars().count();
        if n != 18 {
            return Err(FieldError::new(
                field,
                Msg::new("dp-uscc-length")
                    .arg("raw", raw)
                    .arg("n", n.to_string()),
            ));
        }
        if let Some(bad) = t.chars().find(|c| !USCC_CHARSET.contains(*c)) {
            return Err(FieldError::new(
                field,
                Msg::new("dp-uscc-char")
                    .arg("raw", raw)
                    .arg("bad", bad.to_string()),
            ));
        }
        if !"123456789ANY".contains(&t[0..1]) {
            return Err(FieldError::new(
                field,
                Msg::new("dp-uscc-authority")
                    .arg("raw", raw)
                    .arg("code", &t[0..1]),
            ));
        }
        if !t[2..8].chars().all(|c| c.is_ascii_digit()) {
            return Err(FieldError::new(
                field,
                Msg::new("dp-uscc-division").arg("raw", raw),
            ));
        }
        let (Some(expected), Some(got)) = (credit_code_check_char(&t[..17]), t.chars().nth(17))
        else {
            return Err(FieldError::new(
                field,
                Msg::new("dp-not-uscc").arg("raw", raw),
            ));
        };
        if expected != got {
            return Err(FieldError::new(
                field,
                Msg::new("dp-uscc-check")
                    .arg("raw", raw)
                    .arg("got", got.to_string())
                    .arg("expected", expected.to_string()),
            ));
        }
        Ok(CreditCode(t))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// ISO 6346 letter values: A=10, skipping multiples of 11.
fn iso6346_value(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    if !c.is_ascii_uppercase() {
        return None;
    }
    let mut v = 10;
    for l in 'A'..=c {
        if l != 'A' {
            v += 1;
            if v % 11 == 0 {
                v += 1;
            }
        }
    }
    Some(v)
}

/// The ISO 6346 check digit of the first 10 characters (owner code, category, serial).
pub fn container_check_digit(first10: &str) -> Option<u32> {
    let mut sum = 0u32;
    for (i, c) in first10.chars().enumerate() {
        sum += iso6346_value(c)? << i;
    }
    Some(sum % 11 % 10)
}

/// An ISO 6346 container number: 3-letter owner code, category U/J/Z, 6-digit serial,
/// check digit (`CSQU3054383`). Spaces and dashes are accepted on input.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ContainerNo(String);

impl ContainerNo {
    pub fn parse(field: &str, raw: &str) -> Result<Self, FieldError> {
        let t: String = raw
            .trim()
            .to_ascii_uppercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect();
        let ok_shape = t.len() == 11
            && t.is_ascii()
            && t[..3].chars().all(|c| c.is_ascii_uppercase())
            && matches!(&t[3..4], "U" | "J" | "Z")
            && t[4..].chars().all(|c| c.is_ascii_digit());
        if !ok_shape {
            return Err(FieldError::new(
                field,
                Msg::new("dp-container-shape").arg("raw", raw),
            ));
        }
        let (Some(expected), Ok(got)) = (container_check_digit(&t[..10]), t[10..].parse::<u32>())
        else {
            return Err(FieldError::new(
                field,
                Msg::new("dp-not-container").arg("raw", raw),
            ));
        };
        if expected != got {
            return Err(FieldError::new(
                field,
                Msg::new("dp-container-check")
                    .arg("raw", raw)
                    .arg("got", got.to_string())
                    .arg("expected", expected.to_string()),
            ));
        }
        Ok(ContainerNo(t))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_code_copied_in_groups_or_lower_case_is_the_same_code() {
        let grouped = CreditCode::parse("c", "91 110000 600037341L").map(|c| c.0);
        let plain = CreditCode::parse("c", "91110000600037341L").map(|c| c.0);
        assert!(plain.is_ok(), "{plain:?}");
        assert_eq!(grouped, plain);
        assert_eq!(
            CreditCode::parse("c", "91110000600037341l").map(|c| c.0),
            plain
        );
        assert!(
            CreditCode::parse("c", "91 110000 600037341").is_err(),
            "17 characters"
        );
    }

    #[test]
    fn locodes() {
        assert_eq!(Locode::parse("locode", "cnsha").unwrap().as_str(), "CNSHA");
        assert_eq!(Locode::parse("locode", "CN NGB").unwrap().as_str(), "CNNGB");
        assert!(
            Locode::parse("locode", "XXSHA")
                .unwrap_err()
                .message
                .contains("country=XX,")
        );
        assert!(Locode::parse("locode", "CNSH1").is_err()); // digits 0 and 1 are not used
        assert!(Locode::parse("locode", "CNSH").is_err());
        assert_eq!(
            Locode::parse("inspection.locode", "").unwrap_err().field,
            "inspection.locode"
        );
    }

    #[test]
    fn credit_code_checksum() {
        // the worked example published with GB 32100-2015
        assert_eq!(credit_code_check_char("91350100M000100Y4"), Some('3'));
        assert!(CreditCode::parse("c", "91350100M000100Y43").is_ok());
        let wrong = CreditCode::parse("c", "91350100M000100Y44").unwrap_err();
        assert!(wrong.message.contains("expected=3,"), "{}", wrong.message);
        assert!(
            CreditCode::parse("c", "91350100M000100O43")
                .unwrap_err()
                .message
                .contains("bad=O,")
        );
        assert!(
            CreditCode::parse("c", "9135010")
                .unwrap_err()
                .message
                .contains("n=7,")
        );
        assert!(CreditCode::parse("c", "913A0100M000100Y43").is_err());
    }

    #[test]
    fn container_numbers() {
        assert_eq!(container_check_digit("CSQU305438"), Some(3));
        assert!(ContainerNo::parse("c", "CSQU 305438-3").is_ok());
        assert!(ContainerNo::parse("c", "MSKU9070323").is_ok());
        assert!(
            ContainerNo::parse("c", "CSQU3054384")
                .unwrap_err()
                .message
                .contains("expected=3,")
        );
        assert!(ContainerNo::parse("c", "CSQX3054383").is_err());
    }

    #[test]
    fn letter_values_skip_multiples_of_eleven() {
        assert_eq!(iso6346_value('A'), Some(10));
        assert_eq!(iso6346_value('B'), Some(12));
        assert_eq!(iso6346_value('K'), Some(21));
        assert_eq!(iso6346_value('L'), Some(23));
        assert_eq!(iso6346_value('U'), Some(32));
        assert_eq!(iso6346_value('V'), Some(34));
        assert_eq!(iso6346_value('Z'), Some(38));
    }

    proptest::proptest! {
        /// Any body gets a check character that validates, and every single-character
        /// substitution in the body is caught (mod 31 with weights prime to 31).
        #[test]
        fn credit_code_catches_every_single_substitution(
            body in "[1-9ANY][0-9A-HJ-NP-RTUWXY][0-9]{6}[0-9A-HJ-NP-RTUWXY]{9}",
            pos in 0usize..17,
            sub in 0usize..31,
        ) {
            let check = credit_code_check_char(&body).unwrap();
            let code = format!("{body}{check}");
            let ok = CreditCode::parse("c", &code).is_ok();
            proptest::prop_assert!(ok);
            let mut chars: Vec<char> = code.chars().collect();
            let replacement = USCC_CHARSET.chars().nth(sub).unwrap();
            proptest::prop_assume!(chars[pos] != replacement);
            chars[pos] = replacement;
            let typo: String = chars.into_iter().collect();
            let refused = CreditCode::parse("c", &typo).is_err();
            proptest::prop_assert!(refused, "{} accepted", typo);
        }

        #[test]
        fn container_numbers_round_trip(owner in "[A-Z]{3}", cat in "[UJZ]", serial in "[0-9]{6}") {
            let body = format!("{owner}{cat}{serial}");
            let check = container_check_digit(&body).unwrap();
            let parsed = ContainerNo::parse("c", &format!("{body}{check}")).unwrap();
            proptest::prop_assert_eq!(parsed.as_str(), format!("{body}{check}"));
            let wrong = (check + 1) % 10;
            let typo = format!("{body}{wrong}");
            proptest::prop_assert!(ContainerNo::parse("c", &typo).is_err());
        }
    }
}
