//! The one sanitizer every string from a database, file or bundle passes before it is
//! shown on a terminal: control characters and escape sequences never reach it.

use std::borrow::Cow;

/// Replaces every control character (C0, DEL, C1, and bidi/format overrides) with a
/// visible placeholder: ESC becomes `␛`, other C0 controls their Control Pictures glyph,
/// and the rest `�`. Tabs become a space and newlines are kept only if `keep_newlines`.
pub fn sanitize(input: &str) -> Cow<'_, str> {
    sanitize_with(input, false)
}

pub fn sanitize_multiline(input: &str) -> Cow<'_, str> {
    sanitize_with(input, true)
}

fn needs_escape(c: char, keep_newlines: bool) -> bool {
    if c == '\n' {
        return !keep_newlines;
    }
    c.is_control() || is_format_override(c)
}

fn is_format_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn sanitize_with(input: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !input.chars().any(|c| needs_escape(c, keep_newlines)) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        if !needs_escape(c, keep_newlines) {
            out.push(c);
            continue;
        }
        match c {
            '\t' => out.push(' '),
            '\n' => out.push('⏎'),
            '\u{1b}' => out.push('␛'),
            '\u{7f}' => out.push('␡'),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'))
            }
            _ => out.push('\u{FFFD}'),
        }
    }
    Cow::Owned(out)
}

/// Zero-width, bidi and other invisible format characters: they make a look-alike name
/// ("Exa\u{200B}mple") that neither search nor matching would find.
pub fn is_invisible(c: char) -> bool {
    is_format_override(c)
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{180E}')
}

/// `input` without its invisible characters ([`is_invisible`]), for names stored, searched
/// and matched.
pub fn strip_invisible(input: &str) -> Cow<'_, str> {
    if input.chars().any(is_invisible) {
        Cow::Owned(input.chars().filter(|c| !is_invisible(*c)).collect())
    } else {
        Cow::Borrowed(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("Gallium 镓 99.99%"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_become_visible() {
        let s = sanitize("a\u{1b}[2Jb\u{7}c\u{9b}31md\u{202e}");
        assert_eq!(s, "a␛[2Jb␇c\u{FFFD}31md\u{FFFD}");
        assert!(!s.chars().any(|c| c.is_control()));
    }

    #[test]
    fn invisible_characters_are_removed_from_names() {
        assert_eq!(
            strip_invisible("Exa\u{200B}mple\u{202E} Co.\u{FEFF}"),
            "Example Co."
        );
        assert!(matches!(strip_invisible("镓 Gallium"), Cow::Borrowed(_)));
    }

    #[test]
    fn newlines() {
        assert_eq!(sanitize("a\nb"), "a⏎b");
        assert_eq!(sanitize_multiline("a\nb\r"), "a\nb␍");
    }
}
