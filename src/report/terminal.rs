//! Text from a plan, a file name or a baseline made safe to show on a
//! terminal: control characters written out as `\u{1b}`, as ripgrep and git
//! show them, so that a plan's title cannot set a reviewer's window title
//! (OSC 0), write their clipboard (OSC 52), move the cursor or rewrite what
//! was printed before.
//!
//! Escaped: the C0 controls (`\u{0}`–`\u{1f}`) but the tab, DEL
//! (`\u{7f}`), the C1 controls (`\u{80}`–`\u{9f}`, which some terminals obey
//! as their C0 escapes) and the bidirectional overrides and isolates
//! (`\u{202a}`–`\u{202e}`, `\u{2066}`–`\u{2069}`), which make text read in
//! another order than it is written. A tab stays a tab (the human format
//! draws it as spaces to the next multiple of four). Text of several lines
//! ([`text`]) keeps its line breaks, LF or CRLF; a lone CR is escaped.
//!
//! Machine formats (JSON, SARIF, GitLab, `JUnit`) escape what their syntax
//! requires and are not passed through here.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` is shown escaped ([`line()`] also escapes line breaks).
pub fn is_control(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}'
        | '\u{a}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// Write `c` as shown: `\u{1b}`.
pub fn push_escaped(out: &mut String, c: char) {
    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
}

/// One line of text as shown: every control character escaped, line
/// breaks too.
pub fn line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_control(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text of any number of lines as shown: control characters escaped but
/// line breaks (`\n`, and `\r` right before one).
pub fn text(text: &str) -> Cow<'_, str> {
    let mut chars = text.chars().peekable();
    let needs = text.char_indices().any(|(i, c)| {
        is_control(c) && c != '\n' && !(c == '\r' && text[i + 1..].starts_with('\n'))
    });
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    while let Some(c) = chars.next() {
        let keep = c == '\n' || (c == '\r' && chars.peek() == Some(&'\n'));
        if is_control(c) && !keep {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How many characters [`line()`] shows for `c`.
pub fn shown_len(c: char) -> usize {
    if is_control(c) {
        // `\u{` + hexadecimal digits + `}`
        4 + format!("{:x}", u32::from(c)).len()
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        assert_eq!(
            line("标题\u{1b}]0;pwned\u{7}\t甲\u{9b}2J\u{7f}\u{202e}"),
            "标题\\u{1b}]0;pwned\\u{7}\t甲\\u{9b}2J\\u{7f}\\u{202e}"
        );
        assert_eq!(line("a\r\nb\n"), "a\\u{d}\\u{a}b\\u{a}");
        assert!(matches!(line("无害的 text\t"), Cow::Borrowed(_)));
    }

    #[test]
    fn text_keeps_its_line_breaks() {
        assert_eq!(text("a\r\nb\nc\rd\u{1}"), "a\r\nb\nc\\u{d}d\\u{1}");
        assert_eq!(text("末\r"), "末\\u{d}");
        assert!(matches!(text("a\r\nb\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn shown_lengths_match() {
        for c in [
            '\u{0}', '\u{1b}', '\u{7f}', '\u{9f}', '\u{2066}', 'a', '甲', '\t',
        ] {
            assert_eq!(shown_len(c), line(&c.to_string()).chars().count(), "{c:?}");
        }
    }
}
