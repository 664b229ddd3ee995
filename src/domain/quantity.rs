//! Quantities as exact decimal text, weights in integer grams, money in integer minor
//! units with an ISO 4217 currency, and percentages. Never binary floating point for
//! amounts that are stored.

use super::FieldError;

/// Validates a non-negative decimal written with digits and at most one `.`;
/// returns it trimmed. Thousands separators and exponents are refused.
pub fn parse_decimal(field: &str, raw: &str) -> Result<String, FieldError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(FieldError::new(
            field,
            "is empty; enter a number such as 600 or 4000.5",
        ));
    }
    if t.starts_with('-') {
        return Err(FieldError::new(field, format!("'{raw}' is negative")));
    }
    if t.contains(',') {
        return Err(FieldError::new(
            field,
            format!("'{raw}': use '.' as the decimal point and no thousands separators"),
        ));
    }
    let (int, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) || t.ends_with('.') {
        return Err(FieldError::new(
            field,
            format!("'{raw}' is not a decimal number"),
        ));
    }
    Ok(t.to_string())
}

/// A decimal text scaled by 10^`scale` to an integer, exactly; refuses more decimals
/// than `scale` and values that do not fit.
pub fn decimal_scaled(field: &str, raw: &str, scale: u32) -> Result<i64, FieldError> {
    let t = parse_decimal(field, raw)?;
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    let frac = frac.trim_end_matches('0');
    if frac.len() > scale as usize {
        return Err(FieldError::new(
            field,
            format!("'{raw}' has more than {scale} decimal places"),
        ));
    }
    let padded = format!("{int}{frac:0<width$}", width = scale as usize);
    padded
        .parse::<i64>()
        .map_err(|_| FieldError::new(field, format!("'{raw}' is too large")))
}

/// A positive decimal quantity (zero refused).
pub fn parse_positive_decimal(field: &str, raw: &str) -> Result<String, FieldError> {
    let t = parse_decimal(field, raw)?;
    if t.chars().all(|c| c == '0' || c == '.') {
        return Err(FieldError::new(
            field,
            format!("'{raw}' must be greater than zero"),
        ));
    }
    Ok(t)
}

/// Units a quantity may be declared or seized in.
pub const UNITS: &[&str] = &["kg", "g", "t", "pcs", "set", "l", "m3", "ct"];

pub fn parse_unit(field: &str, raw: &str) -> Result<String, FieldError> {
    let t = raw.trim().to_ascii_lowercase();
    let t = match t.as_str() {
        "piece" | "pieces" | "pc" => "pcs".to_string(),
        "sets" => "set".to_string(),
        "tonne" | "tonnes" => "t".to_string(),
        _ => t,
    };
    if UNITS.contains(&t.as_str()) {
        Ok(t)
    } else {
        Err(FieldError::new(
            field,
            format!("'{raw}' is not a unit; use one of {}", UNITS.join(", ")),
        ))
    }
}

/// A weight such as `4000 kg`, `600.5kg`, `25 t` or `750 g` (bare numbers are kg),
/// in whole grams.
pub fn parse_weight_g(field: &str, raw: &str) -> Result<i64, FieldError> {
    let t = raw.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c == '-'))
        .unwrap_or(t.len());
    let (num, unit) = (t[..split].trim(), t[split..].trim().to_ascii_lowercase());
    let scale = match unit.as_str() {
        "" | "kg" => 3,
        "g" => 0,
        "t" => 6,
        other => {
            return Err(FieldError::new(
                field,
                format!("'{other}' is not a weight unit; use kg, g or t"),
            ));
        }
    };
    decimal_scaled(field, num, scale)
}

/// Grams as kilograms for display: `4000000` -> `4000 kg`, `1500` -> `1.5 kg`.
pub fn format_weight_g(grams: i64) -> String {
    let kg = grams / 1000;
    let g = (grams % 1000).abs();
    if g == 0 {
        format!("{kg} kg")
    } else {
        let frac = format!("{g:03}");
        format!("{kg}.{} kg", frac.trim_end_matches('0'))
    }
}

/// Active ISO 4217 currency codes with their minor-unit exponent.
const CURRENCIES: &[(&str, u32)] = &[
    ("AED", 2),
    ("AFN", 2),
    ("ALL", 2),
    ("AMD", 2),
    ("ANG", 2),
    ("AOA", 2),
    ("ARS", 2),
    ("AUD", 2),
    ("AWG", 2),
    ("AZN", 2),
    ("BAM", 2),
    ("BBD", 2),
    ("BDT", 2),
    ("BGN", 2),
    ("BHD", 3),
    ("BIF", 0),
    ("BMD", 2),
    ("BND", 2),
    ("BOB", 2),
    ("BRL", 2),
    ("BSD", 2),
    ("BTN", 2),
    ("BWP", 2),
    ("BYN", 2),
    ("BZD", 2),
    ("CAD", 2),
    ("CDF", 2),
    ("CHF", 2),
    ("CLP", 0),
    ("CNY", 2),
    ("COP", 2),
    ("CRC", 2),
    ("CUP", 2),
    ("CVE", 2),
    ("CZK", 2),
    ("DJF", 0),
    ("DKK", 2),
    ("DOP", 2),
    ("DZD", 2),
    ("EGP", 2),
    ("ERN", 2),
    ("ETB", 2),
    ("EUR", 2),
    ("FJD", 2),
    ("FKP", 2),
    ("GBP", 2),
    ("GEL", 2),
    ("GHS", 2),
    ("GIP", 2),
    ("GMD", 2),
    ("GNF", 0),
    ("GTQ", 2),
    ("GYD", 2),
    ("HKD", 2),
    ("HNL", 2),
    ("HTG", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("IQD", 3),
    ("IRR", 2),
    ("ISK", 0),
    ("JMD", 2),
    ("JOD", 3),
    ("JPY", 0),
    ("KES", 2),
    ("KGS", 2),
    ("KHR", 2),
    ("KMF", 0),
    ("KPW", 2),
    ("KRW", 0),
    ("KWD", 3),
    ("KYD", 2),
    ("KZT", 2),
    ("LAK", 2),
    ("LBP", 2),
    ("LKR", 2),
    ("LRD", 2),
    ("LSL", 2),
    ("LYD", 3),
    ("MAD", 2),
    ("MDL", 2),
    ("MGA", 2),
    ("MKD", 2),
    ("MMK", 2),
    ("MNT", 2),
    ("MOP", 2),
    ("MRU", 2),
    ("MUR", 2),
    ("MVR", 2),
    ("MWK", 2),
    ("MXN", 2),
    ("MYR", 2),
    ("MZN", 2),
    ("NAD", 2),
    ("NGN", 2),
    ("NIO", 2),
    ("NOK", 2),
    ("NPR", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PAB", 2),
    ("PEN", 2),
    ("PGK", 2),
    ("PHP", 2),
    ("PKR", 2),
    ("PLN", 2),
    ("PYG", 0),
    ("QAR", 2),
    ("RON", 2),
    ("RSD", 2),
    ("RUB", 2),
    ("RWF", 0),
    ("SAR", 2),
    ("SBD", 2),
    ("SCR", 2),
    ("SDG", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("SHP", 2),
    ("SLE", 2),
    ("SOS", 2),
    ("SRD", 2),
    ("SSP", 2),
    ("STN", 2),
    ("SVC", 2),
    ("SYP", 2),
    ("SZL", 2),
    ("THB", 2),
    ("TJS", 2),
    ("TMT", 2),
    ("TND", 3),
    ("TOP", 2),
    ("TRY", 2),
    ("TTD", 2),
    ("TWD", 2),
    ("TZS", 2),
    ("UAH", 2),
    ("UGX", 0),
    ("USD", 2),
    ("UYU", 2),
    ("UZS", 2),
    ("VES", 2),
    ("VND", 0),
    ("VUV", 0),
    ("WST", 2),
    ("XAF", 0),
    ("XCD", 2),
    ("XOF", 0),
    ("XPF", 0),
    ("YER", 2),
    ("ZAR", 2),
    ("ZMW", 2),
    ("ZWG", 2),
];

/// The minor-unit exponent of an ISO 4217 code (`USD` 2, `JPY` 0, `KWD` 3).
pub fn currency_exponent(code: &str) -> Option<u32> {
    CURRENCIES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| CURRENCIES[i].1)
}

/// Validates an ISO 4217 code; returns it upper case.
pub fn parse_currency(field: &str, raw: &str) -> Result<String, FieldError> {
    let t = raw.trim().to_ascii_uppercase();
    if currency_exponent(&t).is_some() {
        Ok(t)
    } else {
        Err(FieldError::new(
            field,
            format!("'{raw}' is not an ISO 4217 currency code (e.g. CNY, USD, EUR)"),
        ))
    }
}

/// An amount such as `110661.31` in `currency`, as integer minor units.
pub fn parse_money_minor(field: &str, raw: &str, currency: &str) -> Result<i64, FieldError> {
    let exp = currency_exponent(currency)
        .ok_or_else(|| FieldError::new(field, format!("unknown currency '{currency}'")))?;
    decimal_scaled(field, raw, exp)
}

/// Minor units as an amount for display: (11066131, "USD") -> `110661.31 USD`.
pub fn format_money(minor: i64, currency: &str) -> String {
    let exp = currency_exponent(currency).unwrap_or(2);
    if exp == 0 {
        return format!("{minor} {currency}");
    }
    let div = 10i64.pow(exp);
    format!(
        "{}.{:0width$} {currency}",
        minor / div,
        (minor % div).abs(),
        width = exp as usize
    )
}

/// A percentage from 0 to 100 inclusive.
pub fn parse_percent(field: &str, raw: &str) -> Result<f64, FieldError> {
    let t = raw.trim().trim_end_matches('%').trim();
    parse_decimal(field, t)?;
    let v: f64 = t
        .parse()
        .map_err(|_| FieldError::new(field, format!("'{raw}' is not a number")))?;
    check_percent(field, v)
}

/// Checks a number is a percentage (0 to 100).
pub fn check_percent(field: &str, v: f64) -> Result<f64, FieldError> {
    if !v.is_finite() || !(0.0..=100.0).contains(&v) {
        return Err(FieldError::new(
            field,
            format!("{v} is not a percentage from 0 to 100"),
        ));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        assert_eq!(parse_decimal("q", " 4000.50 ").unwrap(), "4000.50");
        for bad in ["", "4,000", "-1", "1.2.3", "1e3", "abc", ".", "5."] {
            assert!(parse_decimal("q", bad).is_err(), "{bad}");
        }
        assert_eq!(parse_decimal("q", "4,000").unwrap_err().field, "q");
        assert!(parse_positive_decimal("q", "0.000").is_err());
    }

    #[test]
    fn weights_are_exact_grams() {
        assert_eq!(parse_weight_g("w", "4000 kg").unwrap(), 4_000_000);
        assert_eq!(parse_weight_g("w", "25171.85kg").unwrap(), 25_171_850);
        assert_eq!(parse_weight_g("w", "0.5 t").unwrap(), 500_000);
        assert_eq!(parse_weight_g("w", "750 g").unwrap(), 750);
        assert_eq!(parse_weight_g("w", "1.5").unwrap(), 1500);
        assert!(
            parse_weight_g("w", "1.0005 kg")
                .unwrap_err()
                .message
                .contains("3 decimal")
        );
        assert!(parse_weight_g("w", "12 lb").is_err());
        assert_eq!(format_weight_g(25_171_850), "25171.85 kg");
        assert_eq!(format_weight_g(4_000_000), "4000 kg");
    }

    #[test]
    fn money_in_minor_units() {
        assert_eq!(
            parse_money_minor("v", "110661.31", "USD").unwrap(),
            11_066_131
        );
        assert_eq!(parse_money_minor("v", "20000", "CNY").unwrap(), 2_000_000);
        assert_eq!(parse_money_minor("v", "500", "JPY").unwrap(), 500);
        assert!(parse_money_minor("v", "5.5", "JPY").is_err());
        assert_eq!(format_money(11_066_131, "USD"), "110661.31 USD");
        assert_eq!(format_money(1_234, "KWD"), "1.234 KWD");
        assert!(parse_currency("currency", "usd").is_ok());
        assert_eq!(
            parse_currency("currency", "RMB").unwrap_err().field,
            "currency"
        );
        assert!(CURRENCIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn percentages() {
        assert_eq!(parse_percent("p", "55.3 %").unwrap(), 55.3);
        assert!(parse_percent("p", "100.01").is_err());
        assert!(parse_percent("p", "-1").is_err());
        assert!(check_percent("p", f64::NAN).is_err());
    }

    #[test]
    fn units() {
        assert_eq!(parse_unit("unit", "Pieces").unwrap(), "pcs");
        assert!(
            parse_unit("unit", "bags")
                .unwrap_err()
                .message
                .contains("kg, g")
        );
    }
}
