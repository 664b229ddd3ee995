//! Text measured in terminal columns: cutting and padding to a width. Plain strings in,
//! plain strings out (no styles), so the theme and every widget may use it.

/// Cuts `s` to `width` display columns (with … when cut) and pads it to exactly `width`.
pub fn fit(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut w = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    let limit = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > limit {
            break;
        }
        out.push(c);
        w += cw;
    }
    if total > width && width > 0 {
        out.push('…');
        w += 1;
    }
    while w < width {
        out.push(' ');
        w += 1;
    }
    out
}

/// Shortens every word of `s` wider than `width` columns by cutting out its middle (`…`),
/// keeping its start and its end (a path's directory and its file name), so a message that
/// wraps never hides a long path or id past the lines it may use.
pub fn elide_long_words(s: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if width < 5 {
        return s.to_string();
    }
    let word = |w: &str| -> String {
        if w.width() <= width {
            return w.to_string();
        }
        let chars: Vec<char> = w.chars().collect();
        let keep = width - 1;
        let head = keep / 3;
        let (mut a, mut b) = (String::new(), String::new());
        let mut used = 0;
        for c in &chars {
            let cw = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            if used + cw > head {
                break;
            }
            a.push(*c);
            used += cw;
        }
        for c in chars.iter().rev() {
            let cw = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            if used + cw > keep {
                break;
            }
            b.insert(0, *c);
            used += cw;
        }
        format!("{a}…{b}")
    };
    s.split(' ').map(word).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::{elide_long_words, fit};

    #[test]
    fn long_words_lose_their_middle_and_keep_both_ends() {
        assert_eq!(elide_long_words("to /a/b", 10), "to /a/b");
        let out = elide_long_words("to /tmp/usb/minspect-receipt-0123456789.receipt", 20);
        assert_eq!(out, "to /tmp/u…56789.receipt");
        assert!(
            out.split(' ')
                .all(|w| unicode_width::UnicodeWidthStr::width(w) <= 20)
        );
    }

    #[test]
    fn fit_cuts_and_pads_by_width() {
        assert_eq!(fit("abc", 5), "abc  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("镓镓镓", 4), "镓… ");
    }
}
