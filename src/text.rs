//! Text laid out for the terminal: the one word-wrapper every screen uses (tables' prose, the
//! guided screens, the body map), measuring display width rather than bytes or chars, so wide
//! characters and combining marks line up.

use unicode_width::UnicodeWidthStr;

/// How many terminal columns `text` takes.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` as lines of at most `width` columns, broken at plain spaces (a longer word stands
/// alone). Nothing else breaks a line: a no-break space keeps "2 min 50 s" whole, and a phone
/// number ("0800 611 116") stays on one line to be read or dialled.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in words(text) {
        if !line.is_empty() && self::width(&line) + 1 + self::width(&word) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` wrapped to `width` with `first` before its first line and `indent` before the rest.
pub fn hang(text: &str, width: usize, first: &str, indent: &str) -> Vec<String> {
    let lead = self::width(first).max(self::width(indent));
    wrap(text, width.saturating_sub(lead).max(10))
        .into_iter()
        .enumerate()
        .map(|(index, line)| format!("{}{line}", if index == 0 { first } else { indent }))
        .collect()
}

/// The words of `text` split at whitespace other than no-break spaces, with runs of digit
/// groups (phone numbers) kept together as one word.
fn words(text: &str) -> Vec<String> {
    let digits = |word: &str| {
        let core = word.trim_end_matches([',', '.', ';', ')', ':']).trim_start_matches('(');
        !core.is_empty() && core.bytes().all(|byte| byte.is_ascii_digit())
    };
    let mut words: Vec<String> = Vec::new();
    let mut previous_digits = false;
    for word in text.split(|c: char| c.is_whitespace() && c != '\u{a0}').filter(|word| !word.is_empty()) {
        let is_digits = digits(word);
        match words.last_mut() {
            Some(last) if previous_digits && is_digits && !last.ends_with([',', ';', ')', ':', '.']) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
        previous_digits = is_digits;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_spaces_and_fit_the_width() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("a verylongword b", 4), ["a", "verylongword", "b"]);
        assert!(wrap("", 10).is_empty());
    }

    #[test]
    fn phone_numbers_and_no_break_spaces_stay_whole() {
        assert_eq!(
            wrap("call Healthline on 0800 611 116 now", 12),
            ["call", "Healthline", "on", "0800 611 116", "now"]
        );
        assert_eq!(wrap("takes 2\u{a0}min\u{a0}50\u{a0}s", 8), ["takes", "2\u{a0}min\u{a0}50\u{a0}s"]);
        assert_eq!(wrap("999, 111", 4), ["999,", "111"], "a comma ends the number");
    }

    #[test]
    fn width_is_display_width() {
        assert_eq!(width("héllo"), 5);
        assert_eq!(width("日本"), 4);
        assert_eq!(wrap("日本 日本 日本", 9), ["日本 日本", "日本"]);
    }

    #[test]
    fn hanging_lines_indent_under_the_first() {
        assert_eq!(hang("one two three", 12, "* ", "  "), ["* one two", "  three"]);
    }
}
