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
    let mut out = String::new();
    fill(&mut out, text, width, "", "");
    out.lines().map(str::to_string).collect()
}

/// `text` wrapped to `width` with `first` before its first line and `indent` before the rest.
pub fn hang(text: &str, width: usize, first: &str, indent: &str) -> Vec<String> {
    let mut out = String::new();
    hang_into(&mut out, text, width, first, indent);
    out.lines().map(str::to_string).collect()
}

/// `hang`, appended to `out` with a newline after every line: no allocation per line or word.
pub fn hang_into(out: &mut String, text: &str, width: usize, first: &str, indent: &str) {
    let lead = self::width(first).max(self::width(indent));
    fill(out, text, width.saturating_sub(lead).max(10), first, indent);
}

/// The wrapper itself, linear in the text: every word is measured once and the line's width is
/// kept as a running sum, never re-measured.
fn fill(out: &mut String, text: &str, width: usize, first: &str, indent: &str) {
    let mut line_width = 0;
    let mut started = false;
    for word in words(text) {
        if started && line_width + 1 + word.width > width {
            out.push('\n');
            out.push_str(indent);
            line_width = 0;
        } else if started {
            out.push(' ');
            line_width += 1;
        } else {
            out.push_str(first);
            started = true;
        }
        word.push_to(out);
        line_width += word.width;
    }
    if started {
        out.push('\n');
    }
}

/// One unbreakable word: a run of the text's pieces (a phone number's digit groups) that is
/// written with single spaces between them.
struct Word<'a> {
    text: &'a str,
    width: usize,
}

impl Word<'_> {
    fn push_to(&self, out: &mut String) {
        for (index, piece) in pieces(self.text).enumerate() {
            if index > 0 {
                out.push(' ');
            }
            out.push_str(piece);
        }
    }
}

/// The text split at whitespace other than no-break spaces.
fn pieces(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() && c != '\u{a0}').filter(|piece| !piece.is_empty())
}

/// A piece's display width; printable ASCII, nearly all of the text, needs no table lookup.
fn piece_width(piece: &str) -> usize {
    if piece.bytes().all(|byte| (b' '..=b'~').contains(&byte)) {
        piece.len()
    } else {
        width(piece)
    }
}

/// The words of `text`, with runs of digit groups (phone numbers) kept together as one word.
fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let digits = |piece: &str| {
        let core = piece.trim_end_matches([',', '.', ';', ')', ':']).trim_start_matches('(');
        !core.is_empty() && core.bytes().all(|byte| byte.is_ascii_digit())
    };
    // A piece joins the word before it when both are digit groups and the first does not end
    // a clause ("999, 111" is two numbers).
    let joins = move |previous: &str, piece: &str| {
        digits(previous) && !previous.ends_with([',', ';', ')', ':', '.']) && digits(piece)
    };
    let mut pieces = pieces(text).peekable();
    std::iter::from_fn(move || {
        let head = pieces.next()?;
        let start = offset(text, head);
        let (mut last, mut width) = (head, piece_width(head));
        while let Some(&next) = pieces.peek() {
            if !joins(last, next) {
                break;
            }
            width += 1 + piece_width(next);
            last = next;
            pieces.next();
        }
        let end = offset(text, last) + last.len();
        Some(Word { text: &text[start..end], width })
    })
}

/// Where `piece`, a slice of `text`, starts in it.
fn offset(text: &str, piece: &str) -> usize {
    piece.as_ptr() as usize - text.as_ptr() as usize
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
