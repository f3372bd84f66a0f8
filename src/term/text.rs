//! Text laid out for the terminal: the one word-wrapper every screen uses (tables' prose, the
//! guided screens, the body map), measuring display width rather than bytes or chars, so wide
//! characters and combining marks line up.

use unicode_width::UnicodeWidthStr;

/// `text` with every run of more than `MAX_WORD` characters without a space cut to its start,
/// its last three characters and a count: an error that echoes a value (a 120 KB argument, a pasted file) stays one readable
/// line and still says what was wrong.
pub fn cut_long_words(text: &str) -> std::borrow::Cow<'_, str> {
    const MAX_WORD: usize = 100;
    const KEPT: usize = 60;
    if !text.split(' ').any(|word| word.chars().count() > MAX_WORD) {
        return text.into();
    }
    let words: Vec<String> = text
        .split(' ')
        .map(|word| {
            let count = word.chars().count();
            if count > MAX_WORD {
                // The start, and the end's closing quote or punctuation.
                let start: String = word.chars().take(KEPT).collect();
                let end: String = word.chars().skip(count - 3).collect();
                format!("{start}...{end} ({} characters left out)", count - KEPT - 3)
            } else {
                word.to_string()
            }
        })
        .collect();
    words.join(" ").into()
}

/// `text` with every control character written as its escape (`\u{1b}`, `\n`): what a history
/// file, a synced copy or a typed value holds must never reach a terminal as a command (a title
/// change, a screen clear, a clipboard write) or break a line in two.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return text.into();
    }
    text.chars()
        .map(|c| if c.is_control() { c.escape_debug().to_string() } else { c.to_string() })
        .collect::<String>()
        .into()
}

/// How many terminal columns `text` takes.
pub fn width(text: &str) -> usize {
    // Printable ASCII, most of what is measured, is a column a byte.
    if text.bytes().all(|byte| (b' '..=b'~').contains(&byte)) {
        return text.len();
    }
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

/// The wrapper itself, linear in the text.
fn fill(out: &mut String, text: &str, width: usize, first: &str, indent: &str) {
    // An inline command in backticks is never split across lines (its spaces do not break).
    let (plain, ticks) = scan(text);
    if plain {
        fill_plain(out, text, width, first, indent, ticks);
    } else {
        fill_words(out, text, width, first, indent, ticks);
    }
}

/// Printable ASCII with its words one space apart, as nearly all of the dataset's prose is: a
/// column a byte, and every line a slice of the text.
/// Also says whether the text has a backtick, in the same pass.
fn scan(text: &str) -> (bool, bool) {
    // A fold rather than `all`: no early exit, so the compiler checks many bytes at a time.
    let (printable, ticks) = text
        .bytes()
        .fold((true, false), |(ok, ticks), byte| (ok & (b' '..=b'~').contains(&byte), ticks | (byte == b'`')));
    (printable && !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  "), ticks)
}

/// `fill_words` for plain text, line by line: each line ends at the last space within the width
/// where a break is allowed, found by looking back from the width, so each byte is looked at
/// about once whatever the number of words.
fn fill_plain(out: &mut String, text: &str, width: usize, first: &str, indent: &str, ticks: bool) {
    let mut start = 0;
    let mut lead = first;
    while start < text.len() {
        let rest = &text[start..];
        let end = if rest.len() <= width { rest.len() } else { line_end(rest, width, ticks) };
        out.push_str(lead);
        out.push_str(&rest[..end]);
        out.push('\n');
        lead = indent;
        // Past the space the line ended at.
        start += end + 1;
    }
}

/// Where the first line of `rest` (longer than `width`, plain) ends: the last space at or before
/// `width` that may break, else the first word is wider than the line and stands alone. With
/// `ticks`, a space inside backticks does not break (a line never starts inside them).
fn line_end(rest: &str, width: usize, ticks: bool) -> usize {
    if ticks {
        return quoted_line_end(rest, width);
    }
    let bytes = rest.as_bytes();
    let may_break = |at: usize| bytes[at] == b' ' && !joined(rest, at);
    (1..=width)
        .rev()
        .find(|&at| may_break(at))
        .or_else(|| (width + 1..bytes.len()).find(|&at| may_break(at)))
        .unwrap_or(bytes.len())
}

/// `line_end` for text with backticks, in one pass that keeps track of whether it is inside
/// them.
fn quoted_line_end(rest: &str, width: usize) -> usize {
    let mut inside = false;
    let mut last = None;
    for (at, &byte) in rest.as_bytes().iter().enumerate() {
        if byte == b'`' {
            inside = !inside;
        } else if byte == b' ' && at > 0 && !inside && !joined(rest, at) {
            if at > width {
                return last.unwrap_or(at);
            }
            last = Some(at);
        }
    }
    last.unwrap_or(rest.len())
}

/// The space at `space` holds a phone number together: digit groups on both sides.
fn joined(text: &str, space: usize) -> bool {
    let bytes = text.as_bytes();
    if !(bytes[space - 1].is_ascii_digit() && matches!(bytes.get(space + 1), Some(b'0'..=b'9' | b'('))) {
        return false;
    }
    let before = &text[text[..space].rfind(' ').map_or(0, |at| at + 1)..space];
    let after = &text[space + 1..];
    let after = &after[..after.find(' ').unwrap_or(after.len())];
    is_digits(before) && is_digits(after)
}

/// Any text: one pass over its bytes finds the words and their widths, the line's width is a
/// running sum, and a line's words are copied in one piece where the text has them one space
/// apart.
fn fill_words(out: &mut String, text: &str, width: usize, first: &str, indent: &str, ticks: bool) {
    // The part of `text` written out as it stands, not yet copied.
    let mut pending = 0..0;
    let mut line_width = 0;
    let mut started = false;
    for word in words(text, ticks) {
        if !started {
            out.push_str(first);
            started = true;
        } else if line_width + 1 + word.width > width {
            out.push_str(&text[pending.clone()]);
            pending = 0..0;
            out.push('\n');
            out.push_str(indent);
            line_width = 0;
        } else if word.verbatim
            && !pending.is_empty()
            && text[pending.end..].starts_with(' ')
            && pending.end + 1 == word.start
        {
            pending.end = word.end;
            line_width += 1 + word.width;
            continue;
        } else {
            out.push_str(&text[pending.clone()]);
            pending = 0..0;
            out.push(' ');
            line_width += 1;
        }
        if word.verbatim {
            pending = word.start..word.end;
        } else {
            word.push_to(text, out);
        }
        line_width += word.width;
    }
    out.push_str(&text[pending]);
    if started {
        out.push('\n');
    }
}

/// One unbreakable word of the text: a piece between spaces, or a run of digit groups (a
/// phone number), which is written with single spaces between them.
struct Word {
    start: usize,
    end: usize,
    width: usize,
    /// The text has it as it is written: one piece, or pieces one plain space apart.
    verbatim: bool,
}

impl Word {
    fn push_to(&self, text: &str, out: &mut String) {
        let mut at = self.start;
        let mut first = true;
        while let Some(piece) = piece_at(text, at).filter(|piece| piece.start < self.end) {
            if !first {
                out.push(' ');
            }
            out.push_str(&text[piece.start..piece.end]);
            first = false;
            at = piece.end;
        }
    }
}

/// A run of text between whitespace other than no-break spaces.
#[derive(Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    width: usize,
}

/// The length of the whitespace character at `at` (a no-break space is not one), or 0.
fn space_at(text: &str, at: usize) -> usize {
    match text.as_bytes()[at] {
        b'\t'..=b'\r' | b' ' => 1,
        0..=0x7f => 0,
        _ => match text[at..].chars().next() {
            Some(c) if c.is_whitespace() && c != '\u{a0}' => c.len_utf8(),
            _ => 0,
        },
    }
}

/// The first piece at or after `at`, with its display width.
fn piece_at(text: &str, mut at: usize) -> Option<Piece> {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        match space_at(text, at) {
            0 => break,
            length => at += length,
        }
    }
    if at == bytes.len() {
        return None;
    }
    let start = at;
    // Printable ASCII, nearly all of the text, is one column a byte: no table lookup.
    let mut plain = true;
    while at < bytes.len() {
        let byte = bytes[at];
        if (b'!'..=b'~').contains(&byte) {
            at += 1;
        } else if byte < 0x80 {
            if space_at(text, at) > 0 {
                break;
            }
            plain = false;
            at += 1;
        } else {
            if space_at(text, at) > 0 {
                break;
            }
            plain = false;
            at += text[at..].chars().next().map_or(1, char::len_utf8);
        }
    }
    let width = if plain { at - start } else { self::width(&text[start..at]) };
    Some(Piece { start, end: at, width })
}

/// A digit group, as in a phone number: digits, perhaps in brackets or before punctuation.
fn is_digits(piece: &str) -> bool {
    if !matches!(piece.as_bytes().first(), Some(b'0'..=b'9' | b'(')) {
        return false;
    }
    let core = piece.trim_end_matches([',', '.', ';', ')', ':']).trim_start_matches('(');
    !core.is_empty() && core.bytes().all(|byte| byte.is_ascii_digit())
}

/// The words of `text`, with runs of digit groups (phone numbers) and inline commands in
/// backticks kept together as one word.
/// Without `ticks` (most text has no backticks), no word is looked at for them.
fn words(text: &str, ticks: bool) -> impl Iterator<Item = Word> + '_ {
    let mut next = piece_at(text, 0);
    std::iter::from_fn(move || {
        let head = next?;
        let mut word = Word { start: head.start, end: head.end, width: head.width, verbatim: true };
        next = piece_at(text, head.end);
        let mut last = &text[head.start..head.end];
        // A digit group joins the one before it unless that one ends a clause ("999, 111").
        while let Some(piece) = next {
            let candidate = &text[piece.start..piece.end];
            let quoted = ticks && text[word.start..word.end].bytes().filter(|&byte| byte == b'`').count() % 2 == 1;
            let phone = is_digits(last) && !last.ends_with([',', ';', ')', ':', '.']) && is_digits(candidate);
            if !(quoted || phone) {
                break;
            }
            word.verbatim &= piece.start == word.end + 1 && text.as_bytes()[word.end] == b' ';
            word.end = piece.end;
            word.width += 1 + piece.width;
            last = candidate;
            next = piece_at(text, piece.end);
        }
        Some(word)
    })
}

/// The known name closest to `wrong`, when it is close enough to be a likely typo.
pub fn nearest<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong = wrong.trim().to_lowercase();
    known
        .into_iter()
        .map(|name| (strsim::jaro_winkler(&wrong, &name.to_lowercase()), name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// The glyphs backpain draws itself, each with the ASCII character shown instead where the
/// terminal cannot show them (`LANG=C`, `TERM=dumb`, a non-UTF-8 locale): one column each, as
/// the glyph is, so a table or a screen laid out with the glyph does not drift. Other text (a
/// person's note in their own language) passes as it is.
const GLYPHS: [(char, char); 25] = [
    ('\u{b7}', '-'),   // ·
    ('\u{d7}', 'x'),   // ×
    ('\u{a0}', ' '),   // no-break space
    ('\u{2588}', '#'), // █
    ('\u{2591}', '.'), // ░
    ('\u{2592}', '+'), // ▒
    ('\u{2593}', '#'), // ▓
    ('\u{2192}', '>'), // →
    ('\u{2191}', '^'), // ↑
    ('\u{2193}', 'v'), // ↓
    ('\u{b0}', 'o'),   // °
    ('\u{2013}', '-'), // –
    ('\u{2014}', '-'), // —
    ('\u{2018}', '\''),
    ('\u{2019}', '\''),
    ('\u{201c}', '"'),
    ('\u{201d}', '"'),
    ('\u{2026}', '.'), // …
    ('\u{2581}', '_'), // ▁ to ▇: a sparkline's heights
    ('\u{2582}', '_'),
    ('\u{2583}', '-'),
    ('\u{2584}', '-'),
    ('\u{2585}', '='),
    ('\u{2586}', '='),
    ('\u{2587}', '#'),
];

/// `text` with backpain's own glyphs in ASCII (`GLYPHS`).
pub fn ascii_glyphs(text: &str) -> std::borrow::Cow<'_, str> {
    let glyph = |c: char| GLYPHS.iter().find(|(glyph, _)| *glyph == c).map(|(_, ascii)| *ascii);
    if text.is_ascii() || !text.chars().any(|c| glyph(c).is_some()) {
        return text.into();
    }
    text.chars().map(|c| glyph(c).unwrap_or(c)).collect::<String>().into()
}

/// A writer that shows backpain's glyphs in ASCII (`ascii_glyphs`) on their way through, for
/// output drawn as it goes (a guided session); a character cut between two writes waits for
/// the rest of it.
pub struct AsciiGlyphs<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> AsciiGlyphs<W> {
    pub fn new(inner: W) -> Self {
        AsciiGlyphs { inner, pending: Vec::new() }
    }
}

impl<W: std::io::Write> std::io::Write for AsciiGlyphs<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let whole = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            // Up to a character cut short at the end; invalid bytes elsewhere pass as they are.
            Err(err) if err.error_len().is_none() => err.valid_up_to(),
            Err(_) => self.pending.len(),
        };
        let (done, rest) = self.pending.split_at(whole);
        match std::str::from_utf8(done) {
            Ok(text) => self.inner.write_all(ascii_glyphs(text).as_bytes())?,
            Err(_) => self.inner.write_all(done)?,
        }
        self.pending = rest.to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_echoed_value_is_cut_and_counted() {
        let long = "x".repeat(120_000);
        let line = format!("unknown location `{long}`; valid: lower, upper");
        let cut = cut_long_words(&line);
        assert!(cut.len() < 200, "{cut}");
        assert!(cut.contains("characters left out") && cut.ends_with(" valid: lower, upper"), "{cut}");
        assert!(cut.contains("...x`;"), "the closing quote stays: {cut}");
        assert!(matches!(cut_long_words("a short line"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn control_characters_are_shown_escaped_and_plain_text_is_untouched() {
        assert_eq!(printable("after a long drive"), "after a long drive");
        assert_eq!(printable("a\x1b]0;pwned\x07b\nc"), "a\\u{1b}]0;pwned\\u{7}b\\nc");
        assert!(matches!(printable("plain"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn lines_break_at_spaces_and_fit_the_width() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        // An inline command stays whole on one line, in plain text and in any text.
        assert_eq!(
            wrap("log pain with `backpain log pain N --location LOC` today", 30),
            ["log pain with", "`backpain log pain N --location LOC`", "today"]
        );
        assert_eq!(
            wrap("log pain · with `backpain log pain N --location LOC` today", 30),
            ["log pain · with", "`backpain log pain N --location LOC`", "today"]
        );
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
    fn runs_of_whitespace_become_one_space_and_numbers_join_across_them() {
        assert_eq!(wrap("one  two\nthree\t four", 80), ["one two three four"]);
        assert_eq!(wrap("call 0800\n611  116 now", 80), ["call 0800 611 116 now"]);
        assert_eq!(wrap("  lead and trail  ", 80), ["lead and trail"]);
        assert_eq!(wrap("a\u{2003}b\u{a0}c", 80), ["a b\u{a0}c"], "an em space breaks, a no-break space does not");
        assert_eq!(hang("aa bb cc dd", 12, "> ", "  "), ["> aa bb cc", "  dd"]);
    }

    /// Plain text takes the line-by-line path; the same text with a tab in it the word-by-word
    /// one. Both must wrap alike.
    #[test]
    fn plain_and_general_text_wrap_alike() {
        let texts = [
            "Call 999 now, or 0800 611 116 (24 h) for advice: 112 works too; 116 117 (DE).",
            "a verylongwordthatdoesnotfit b cc ddd 12 34 56, 7 (8) 9: 10 11. 12",
            "x",
            "one two three four five six seven eight nine ten eleven twelve thirteen",
            "see `backpain log pain N --location LOC` or `backpain stats` then `x`",
        ];
        for text in texts {
            for width in 1..40 {
                let mut general = String::new();
                fill_words(&mut general, &text.replacen(' ', "\t", 1), width, "", "", text.contains('`'));
                let mut plain = String::new();
                fill_plain(&mut plain, text, width, "", "", text.contains('`'));
                assert_eq!(plain, general, "{text:?} at {width}");
            }
        }
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

    #[test]
    fn glyphs_become_ascii_of_the_same_width_and_other_text_stays() {
        assert_eq!(ascii_glyphs("10 \u{d7} 5 s \u{b7} seated [\u{2588}\u{2588}\u{2591}]"), "10 x 5 s - seated [##.]");
        assert_eq!(ascii_glyphs("R\u{fc}cken"), "R\u{fc}cken", "a person's words are theirs");
        let mut out = AsciiGlyphs::new(Vec::new());
        let bytes = "a \u{b7} b".as_bytes();
        use std::io::Write;
        // The middle dot cut between two writes.
        out.write_all(&bytes[..3]).unwrap();
        out.write_all(&bytes[3..]).unwrap();
        assert_eq!(String::from_utf8(out.inner).unwrap(), "a - b");
    }
}
