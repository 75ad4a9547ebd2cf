//! Fast paths for the shapes nearly every plan line and value has, written
//! by hand because pest spends most of a file's time on them (per-character
//! look-aheads and its call-limit and stack-guard bookkeeping; see
//! benches/README.md). The grammar in `grammar/rectplan.pest` stays the one
//! description of the language: each function here mirrors one rule for its
//! plainest inputs, says `None` for anything else, and the caller then asks
//! the grammar. Tests parse the generated corpus, the examples, the fixtures
//! and random lines both ways and require the same result.

use super::keywords::{KEYWORDS, Keyword};
use super::lines::{Braces, Entry, LineKind, Value, ValueForm};
use crate::span::Span;

/// White space of the language (`ws`): space, tab, ideographic space.
pub(crate) fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：')
}

/// The keyword a whole key spells (`kw_*`: a spelling followed by the end of
/// the key), if any. English spellings ignore ASCII case, as `^"…"` does.
pub(crate) fn keyword(key: &str) -> Option<Keyword> {
    type Table = rustc_hash::FxHashMap<&'static str, Keyword>;
    static TABLES: std::sync::OnceLock<(Table, Table)> = std::sync::OnceLock::new();
    let (chinese, english) = TABLES.get_or_init(|| {
        let (mut chinese, mut english) = (Table::default(), Table::default());
        for s in KEYWORDS {
            for spelling in s.chinese {
                chinese.entry(*spelling).or_insert(s.keyword);
            }
            // The table's English spellings are lower case.
            english.entry(s.english).or_insert(s.keyword);
        }
        (chinese, english)
    });
    if !key.is_ascii() {
        return chinese.get(key).copied();
    }
    // Lowered on the stack: no English keyword is longer than this.
    let mut lowered = [0u8; 32];
    let buffer = lowered.get_mut(..key.len())?;
    buffer.copy_from_slice(key.as_bytes());
    buffer.make_ascii_lowercase();
    english.get(std::str::from_utf8(buffer).ok()?).copied()
}

/// The delimiters of a line, as its bytes spell them: the full-width forms
/// are three bytes long and start with `E3` or `EF`, which no other byte of a
/// character can be (a continuation byte is below `C0`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// ` `, tab, ideographic space (`ws`).
    Ws,
    /// `:` `：`
    Colon,
    /// `{` `｛`
    Open,
    /// `}` `｝`
    Close,
    Other,
}

/// The delimiter at byte `i` (a character's first byte), and its length.
#[inline]
fn mark_at(bytes: &[u8], i: usize) -> (Mark, usize) {
    match bytes[i] {
        b' ' | b'\t' => (Mark::Ws, 1),
        b':' => (Mark::Colon, 1),
        b'{' => (Mark::Open, 1),
        b'}' => (Mark::Close, 1),
        0xE3 if bytes[i + 1..].starts_with(&[0x80, 0x80]) => (Mark::Ws, 3),
        0xEF => match bytes.get(i + 1..i + 3) {
            Some([0xBC, 0x9A]) => (Mark::Colon, 3),
            Some([0xBD, 0x9B]) => (Mark::Open, 3),
            Some([0xBD, 0x9D]) => (Mark::Close, 3),
            _ => (Mark::Other, 1),
        },
        _ => (Mark::Other, 1),
    }
}

/// The length of the character whose first byte is `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// The length of `bytes` without the white space at its end.
fn trim_ws_end(bytes: &[u8]) -> usize {
    let mut end = bytes.len();
    loop {
        match bytes[..end] {
            [.., b' ' | b'\t'] => end -= 1,
            [.., 0xE3, 0x80, 0x80] => end -= 3,
            _ => return end,
        }
    }
}

/// The length of the white space a line starts with.
pub(crate) fn indent_len(line: &str) -> usize {
    skip_ws(line.as_bytes(), 0)
}

/// `text` without the white space of the language (`ws`) at either end.
pub(crate) fn trim_ws(text: &str) -> &str {
    let bytes = text.as_bytes();
    let start = skip_ws(bytes, 0);
    // White space is whole characters: both ends are boundaries.
    text.get(start..start + trim_ws_end(&bytes[start..]))
        .unwrap_or_default()
}

/// Where the white space starting at `from` ends.
fn skip_ws(bytes: &[u8], mut from: usize) -> usize {
    // Byte by byte, not slice by slice: an indentation is a run of spaces.
    while let Some(&b) = bytes.get(from) {
        match b {
            b' ' | b'\t' => from += 1,
            0xE3 if bytes.get(from + 1..from + 3) == Some(&[0x80, 0x80]) => from += 3,
            _ => break,
        }
    }
    from
}

/// For each byte, how far the line's scan steps over the character it
/// starts when that character cannot be a delimiter (its length), and 0 when
/// it may be one: `#` `"` CR, white space, `:` `{` `}`, and the first bytes
/// `E3` `EF` of the full-width delimiters.
static STEP: [u8; 256] = {
    let mut step = [0u8; 256];
    let mut b: u8 = 0;
    loop {
        step[b as usize] = match b {
            b'#' | b'"' | b'\r' | b' ' | b'\t' | b':' | b'{' | b'}' | 0xE3 | 0xEF => 0,
            0xF0.. => 4,
            0xE0.. => 3,
            0xC0.. => 2,
            _ => 1,
        };
        if b == u8::MAX {
            break step;
        }
        b += 1;
    }
};

/// `line` for a line without quotes, without `#` before its comment and
/// without `}` after its key: what the line holds and its comment. `source`
/// is the line, `base` its offset in the file, `indent` the length of its
/// leading white space (the line is not blank). It reads the line's bytes
/// (every delimiter of the language is ASCII or one of a few full-width
/// characters), never decoding a character.
pub(crate) fn line(source: &str, base: usize, indent: usize) -> Option<(LineKind, Option<Span>)> {
    let at = |start: usize, end: usize| Span::new(base + start, base + end);
    let bytes = source.as_bytes();
    let rest = &bytes[indent..];
    if rest.first() == Some(&b'#') {
        return Some((LineKind::Blank, Some(at(indent, source.len()))));
    }
    // One pass over the line: where a comment starts (the first `#` after
    // white space; a quote, a carriage return or a `#` glued to the text is
    // the grammar's, and a line break inside a logical line comes after a
    // `"""`), where the key ends (white space, a colon or an opening brace),
    // and whether a `}` follows the first character. Characters are stepped
    // over whole ([`STEP`]): only those starting with `E3` or `EF` can be
    // delimiters.
    let mut body_end = source.len();
    let mut comment = None;
    let mut key_end = None;
    let mut closes_later = false;
    let mut i = 0;
    while i < rest.len() {
        let b = rest[i];
        let step = STEP[usize::from(b)];
        if step != 0 {
            i += usize::from(step);
            continue;
        }
        if b >= 0x80 {
            // `E3` or `EF`: a three-byte character.
            match mark_at(rest, i).0 {
                Mark::Ws | Mark::Colon | Mark::Open => {
                    key_end.get_or_insert(i);
                }
                Mark::Close => closes_later |= i > 0,
                Mark::Other => {}
            }
            i += 3;
            continue;
        }
        match b {
            b'#' => {
                if !matches!(rest[..i], [.., b' ' | b'\t'] | [.., 0xE3, 0x80, 0x80]) {
                    return None;
                }
                body_end = indent + i;
                comment = Some(at(body_end, source.len()));
                break;
            }
            b'"' | b'\r' => return None,
            b' ' | b'\t' | b':' | b'{' => {
                key_end.get_or_insert(i);
            }
            b'}' => closes_later |= i > 0,
            _ => {}
        }
        i += 1;
    }
    let body = &bytes[indent..trim_ws_end(&bytes[..body_end])];

    if body.is_empty() {
        return None;
    }
    let (first, _) = mark_at(body, 0);
    if first == Mark::Close {
        // `closes`: braces with white space between them.
        let mut braces = Braces::new();
        let mut i = 0;
        while i < body.len() {
            match mark_at(body, i) {
                (Mark::Close, len) => {
                    braces.push(at(indent + i, indent + i + len));
                    i += len;
                }
                (Mark::Ws, len) => i += len,
                _ => return None,
            }
        }
        return Some((LineKind::Closes(braces), comment));
    }
    // A key may not start with a colon or brace, and no `}` may follow it.
    if matches!(first, Mark::Colon | Mark::Open) || closes_later {
        return None;
    }
    let key_len = key_end.unwrap_or(body.len()).min(body.len());
    // The body is a whole line less white space: its delimiters sit on
    // character boundaries.
    let key = source.get(indent..indent + key_len)?;
    let mut entry = Entry {
        key: at(indent, indent + key_len),
        keyword: keyword(key),
        colon: None,
        value: None,
        open: None,
    };
    let mut pos = key_len;
    // `(ws* ~ colon)?`
    let after_ws = skip_ws(body, pos);
    if after_ws < body.len()
        && let (Mark::Colon, len) = mark_at(body, after_ws)
    {
        entry.colon = Some(at(indent + after_ws, indent + after_ws + len));
        pos = after_ws + len;
    }
    // `(ws* ~ text)? ~ (ws* ~ open)?`: the rest, less a final opening brace.
    let value_start = skip_ws(body, pos);
    let mut text_end = body.len();
    let open_len = match body[value_start..] {
        [.., b'{'] => 1,
        [.., 0xEF, 0xBD, 0x9B] => 3,
        _ => 0,
    };
    if open_len > 0 {
        text_end -= open_len;
        entry.open = Some(at(indent + text_end, indent + body.len()));
        text_end = value_start + trim_ws_end(&body[value_start..text_end]);
    }
    if text_end > value_start {
        entry.value = Some(Value {
            span: at(indent + value_start, indent + text_end),
            form: ValueForm::Plain,
        });
    }
    Some((LineKind::Entry(entry), comment))
}

/// Whether the fast paths are used. Tests turn them off on their own
/// thread to read the same input with the grammar alone.
pub(crate) fn enabled() -> bool {
    #[cfg(test)]
    return !tests::GRAMMAR_ONLY.with(std::cell::Cell::get);
    #[cfg(not(test))]
    true
}

/// A byte range of a value's text.
pub(crate) type Range = (usize, usize);

/// Whether a value's text is one the value fast paths take: no white space
/// (of any kind) at either end, so that every rule's leading and trailing
/// `ws*` match nothing.
fn plain(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace)
}

/// `name_list`: the items between the separators `,` `，` `、` `;` `；`
/// (those inside a closed parenthesis do not count), without the white space
/// around them; empty items left out, each handed to `found` in order. The
/// rule matches any text, and so does this.
pub(crate) fn name_list(text: &str, mut found: impl FnMut(Range)) {
    let bytes = text.as_bytes();
    let mut item = |start: usize, end: usize| {
        let part = &bytes[start..end];
        let lead = skip_ws(part, 0);
        if lead < part.len() {
            found((start + lead, start + trim_ws_end(part)));
        }
    };
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (separator, open) = match b {
            b',' | b';' => (true, false),
            b'(' => (false, true),
            0xE3 => (bytes[i + 1..].starts_with(&[0x80, 0x81]), false),
            0xEF => match bytes.get(i + 1..i + 3) {
                Some([0xBC, 0x8C | 0x9B]) => (true, false),
                Some([0xBC, 0x88]) => (false, true),
                _ => (false, false),
            },
            _ => (false, false),
        };
        let len = utf8_len(b);
        if separator {
            item(start, i);
            start = i + len;
        } else if open {
            // `paren_note`: a closed parenthesis is skipped whole.
            if let Some(close) = next_paren(bytes, i + len)
                && (bytes[close] == b')' || bytes[close..].starts_with("）".as_bytes()))
            {
                i = close + utf8_len(bytes[close]);
                continue;
            }
        }
        i += len;
    }
    item(start, bytes.len());
}

/// Where the next parenthesis (`(` `（` `)` `）`) at or after `from` is.
fn next_paren(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr::memchr3(b'(', b')', 0xEF, &bytes[at..]) {
        let i = at + i;
        match bytes[i] {
            b'(' | b')' => return Some(i),
            _ if matches!(bytes.get(i + 1..i + 3), Some([0xBC, 0x88 | 0x89])) => return Some(i),
            _ => at = i + 1,
        }
    }
    None
}

/// `header`: `[ID] [TITLE]`, as ranges. The rule matches any text, and so
/// does this.
pub(crate) fn header(text: &str) -> (Option<Range>, Option<Range>) {
    let start = text.len() - text.trim_start_matches(is_ws).len();
    if start == text.len() {
        return (None, None);
    }
    let id_end = start
        + text[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
            .unwrap_or(text.len() - start);
    let id_ends_well = id_end == text.len() || text[id_end..].starts_with(is_ws);
    if id_end == start || !id_ends_well {
        return (None, Some((start, text.len())));
    }
    let title_start = text.len() - text[id_end..].trim_start_matches(is_ws).len();
    let title = (title_start < text.len()).then_some((title_start, text.len()));
    (Some((start, id_end)), title)
}

/// A date's parts as ranges of the text: year, month, day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct DateParts {
    pub span: Range,
    pub year: Range,
    pub month: Range,
    pub day: Option<Range>,
}

fn digits(text: &str, from: usize, min: usize, max: usize) -> Option<usize> {
    let run = text[from..]
        .bytes()
        .take(max + 1)
        .take_while(u8::is_ascii_digit)
        .count();
    (min..=max).contains(&run).then_some(from + run)
}

impl DateParts {
    /// The same parts of a text that starts `by` bytes later.
    fn shifted(self, by: usize) -> DateParts {
        let shift = |(start, end): Range| (start + by, end + by);
        DateParts {
            span: shift(self.span),
            year: shift(self.year),
            month: shift(self.month),
            day: self.day.map(shift),
        }
    }
}

/// `date_range` for two dates that [`date`] reads joined by `至` or `到`,
/// white space around the joint only.
pub(crate) fn date_range(text: &str) -> Option<(DateParts, DateParts)> {
    if !plain(text) {
        return None;
    }
    let joint = text.find(['至', '到'])?;
    let first = date(&text[..trim_ws_end(&text.as_bytes()[..joint])])?;
    // Both joints are three bytes long.
    let from = skip_ws(text.as_bytes(), joint + 3);
    let second = date(&text[from..])?.shifted(from);
    Some((first, second))
}

/// `number` for digits alone (`12`): the digits.
pub(crate) fn number(text: &str) -> Option<&str> {
    (plain(text) && text.bytes().all(|b| b.is_ascii_digit())).then_some(text)
}

/// `date` for its commonest spellings, the whole text being the date:
/// `2024-07-26` (or `/`, `.`), `2024年7月26日` (or `号`), `2024年7月`,
/// `2024年7月底` (or `末`), the Chinese ones optionally ending in `前`,
/// `之前` or `以前`; ASCII digits, no white space.
pub(crate) fn date(text: &str) -> Option<DateParts> {
    if !plain(text) {
        return None;
    }
    let year = (0, digits(text, 0, 4, 4)?);
    let rest = &text[year.1..];
    // `date_dot`: the two separators need not be the same.
    if rest.starts_with(['-', '/', '.']) {
        let month = (year.1 + 1, digits(text, year.1 + 1, 1, 2)?);
        if !text[month.1..].starts_with(['-', '/', '.']) {
            return None;
        }
        let day = (month.1 + 1, digits(text, month.1 + 1, 1, 2)?);
        return (day.1 == text.len()).then_some(DateParts {
            span: (0, text.len()),
            year,
            month,
            day: Some(day),
        });
    }
    let after_year = year.1 + rest.strip_prefix('年').map(|_| '年'.len_utf8())?;
    let month = (after_year, digits(text, after_year, 1, 2)?);
    let after_month = month.1
        + text[month.1..]
            .strip_prefix('月')
            .map(|_| '月'.len_utf8())?;
    let mut at = after_month;
    let mut day = None;
    if let Some(end) = digits(text, at, 1, 2) {
        day = Some((at, end));
        at = end;
        if let Some(c) = text[at..]
            .chars()
            .next()
            .filter(|c| matches!(c, '日' | '号'))
        {
            at += c.len_utf8();
        }
    } else if let Some(c) = text[at..]
        .chars()
        .next()
        .filter(|c| matches!(c, '底' | '末'))
    {
        at += c.len_utf8();
    }
    let suffix = ["之前", "以前", "前"]
        .iter()
        .find(|s| text[at..].starts_with(*s))
        .map_or(0, |s| s.len());
    (at + suffix == text.len()).then_some(DateParts {
        span: (0, text.len()),
        year,
        month,
        day,
    })
}

/// A status word, and the rule that names it.
pub(crate) fn status_word(word: &str) -> Option<super::grammar::Rule> {
    use super::grammar::Rule;
    let english = [
        ("not-started", Rule::not_started),
        ("in-progress", Rule::in_progress),
        ("done", Rule::done),
        ("closed", Rule::closed),
        ("deferred", Rule::deferred),
    ];
    if let Some((_, rule)) = english.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)) {
        return Some(*rule);
    }
    Some(match word {
        "未启动" | "未开始" => Rule::not_started,
        "推进中" | "整改中" | "进行中" => Rule::in_progress,
        "已完成" | "已整改" => Rule::done,
        "已销号" => Rule::closed,
        "暂缓整改" | "暂缓" => Rule::deferred,
        _ => return None,
    })
}

/// `status` as `WORD` or `WORD DATE` (one plain date, see [`date`]).
pub(crate) fn status(text: &str) -> Option<(super::grammar::Rule, Range, Option<DateParts>)> {
    if !plain(text) {
        return None;
    }
    let word_end = text.find(is_ws).unwrap_or(text.len());
    let rule = status_word(&text[..word_end])?;
    if word_end == text.len() {
        return Some((rule, (0, word_end), None));
    }
    let date_start = text.len() - text[word_end..].trim_start_matches(is_ws).len();
    let parts = date(&text[date_start..])?;
    let shift = |(a, b): Range| (a + date_start, b + date_start);
    Some((
        rule,
        (0, word_end),
        Some(DateParts {
            span: shift(parts.span),
            year: shift(parts.year),
            month: shift(parts.month),
            day: parts.day.map(shift),
        }),
    ))
}

/// An evidence kind's spelling, and the rule that names it.
pub(crate) fn evidence_kind(word: &str) -> Option<super::grammar::Rule> {
    use super::grammar::Rule;
    let english = [
        ("report", Rule::ev_report),
        ("ledger", Rule::ev_ledger),
        ("minutes", Rule::ev_minutes),
        ("regulation", Rule::ev_regulation),
        ("notice", Rule::ev_notice),
        ("photo", Rule::ev_photo),
        ("other", Rule::ev_other),
    ];
    if let Some((_, rule)) = english.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)) {
        return Some(*rule);
    }
    Some(match word {
        "报告" => Rule::ev_report,
        "台账" | "台帐" => Rule::ev_ledger,
        "会议记录" | "会议纪要" | "纪要" => Rule::ev_minutes,
        "制度" | "文件" => Rule::ev_regulation,
        "通报" => Rule::ev_notice,
        "照片" => Rule::ev_photo,
        "其他" | "其它" => Rule::ev_other,
        _ => return None,
    })
}

/// What a reference is, as the grammar's `reference` tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ReferenceParts {
    /// `《…》`: the range of what is inside the marks.
    Title(Range),
    /// Anything else.
    Text,
}

/// An evidence's kind (its rule and range) and reference (its range and what
/// it is), as a fast path read them.
pub(crate) type EvidenceParts = (super::grammar::Rule, Range, Option<(Range, ReferenceParts)>);

/// `evidence` as `KIND` or `KIND REFERENCE`, white space between them and
/// the reference not starting with a colon.
pub(crate) fn evidence(text: &str) -> Option<EvidenceParts> {
    if !plain(text) {
        return None;
    }
    let kind_end = text.find(is_ws).unwrap_or(text.len());
    let rule = evidence_kind(&text[..kind_end])?;
    if kind_end == text.len() {
        return Some((rule, (0, kind_end), None));
    }
    let start = text.len() - text[kind_end..].trim_start_matches(is_ws).len();
    let reference = &text[start..];
    if reference.starts_with(is_colon) {
        return None;
    }
    let parts = match reference.strip_prefix('《').and_then(|r| r.find('》')) {
        Some(close) if start + '《'.len_utf8() + close + '》'.len_utf8() == text.len() => {
            ReferenceParts::Title((start + '《'.len_utf8(), start + '《'.len_utf8() + close))
        }
        _ => ReferenceParts::Text,
    };
    Some((rule, (0, kind_end), Some(((start, text.len()), parts))))
}

/// A date at the start of `text` that is a token of its own, and where
/// what follows it (after white space) starts: `2024-10-31 …`, or a
/// Chinese date ending in `日`, `号` or a `前`. What follows may not start
/// with `前`, `之前` or `以前`, which the date would take.
fn leading_date(text: &str) -> Option<(DateParts, usize)> {
    if !plain(text) {
        return None;
    }
    let token_end = text.find(is_ws).unwrap_or(text.len());
    let token = &text[..token_end];
    let whole = token.ends_with(['日', '号', '前']) || !token.contains('年');
    let parts = date(token).filter(|_| whole)?;
    let rest = text.len() - text[token_end..].trim_start_matches(is_ws).len();
    if text[rest..].starts_with('前')
        || text[rest..].starts_with("之前")
        || text[rest..].starts_with("以前")
    {
        return None;
    }
    Some((parts, rest))
}

fn is_paren(c: char) -> bool {
    matches!(c, '(' | '（' | ')' | '）')
}

/// A one-line milestone's parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct MilestoneParts {
    pub date: DateParts,
    pub text: Option<Range>,
    pub status: Option<(super::grammar::Rule, Range)>,
}

/// `milestone` as `DATE [TEXT] [（STATUS）]`: parentheses only around a
/// status word that ends the value.
pub(crate) fn milestone(text: &str) -> Option<MilestoneParts> {
    let (date, rest) = leading_date(text)?;
    let mut text_end = text.len();
    let mut status = None;
    if text[rest..].contains(is_paren) {
        let close = text
            .chars()
            .next_back()
            .filter(|c| matches!(c, ')' | '）'))?;
        let body = &text[..text.len() - close.len_utf8()];
        let open = body.rfind(['(', '（']).filter(|&open| open >= rest)?;
        let open_len = body[open..].chars().next().map_or(1, char::len_utf8);
        let word = (open + open_len, body.len());
        let rule = status_word(text.get(word.0..word.1)?)?;
        if text[rest..open].contains(is_paren) {
            return None;
        }
        status = Some((rule, word));
        text_end = rest + text[rest..open].trim_end_matches(is_ws).len();
    }
    Some(MilestoneParts {
        date,
        text: (text_end > rest).then_some((rest, text_end)),
        status,
    })
}

/// `who_date` as `WHO DATE`, where WHO holds no digit and no character a
/// date can start with, so that the date is the last word.
pub(crate) fn who_date(text: &str) -> Option<(Range, DateParts)> {
    if !plain(text) {
        return None;
    }
    let who_end = text.rfind(is_ws)?;
    let date_start = who_end + text[who_end..].chars().next().map_or(1, char::len_utf8);
    let who = text[..who_end].trim_end_matches(is_ws);
    let date_like = |c: char| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || matches!(
                c,
                '年' | '今' | '上' | '下' | '第' | '一' | '二' | '三' | '四'
            )
    };
    if who.is_empty() || who.contains(date_like) {
        return None;
    }
    let parts = date(&text[date_start..])?;
    let shift = |(a, b): Range| (a + date_start, b + date_start);
    Some((
        (0, who.len()),
        DateParts {
            span: shift(parts.span),
            year: shift(parts.year),
            month: shift(parts.month),
            day: parts.day.map(shift),
        },
    ))
}

/// `review` as `DATE [TEXT]`, the text not starting with a list separator.
pub(crate) fn review(text: &str) -> Option<(DateParts, Option<Range>)> {
    let (date, rest) = leading_date(text)?;
    if text[rest..].starts_with([',', '，', '、', ';', '；']) {
        return None;
    }
    Some((date, (rest < text.len()).then_some((rest, text.len()))))
}

/// The benchmarks' plan generator, for the tests that compare the fast paths
/// with the grammar.
#[cfg(test)]
#[path = "../../benches/plangen/mod.rs"]
#[allow(dead_code)]
mod plangen;

#[cfg(test)]
pub(crate) mod tests {
    use proptest::prelude::*;

    use super::plangen;

    use super::*;
    use crate::parse::lines::{Line, read_line_with_grammar};

    thread_local! {
        /// Set: this thread reads with the grammar alone.
        pub(crate) static GRAMMAR_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// `read` with the grammar alone, on this thread. (Files of a megabyte
    /// or more have their lines read on other threads, where the fast paths
    /// stay on: keep test inputs smaller.)
    pub(crate) fn with_grammar_only<T>(read: impl FnOnce() -> T) -> T {
        GRAMMAR_ONLY.with(|g| g.set(true));
        let out = read();
        GRAMMAR_ONLY.with(|g| g.set(false));
        out
    }

    /// A file read with and without the fast paths gives the same lines,
    /// tree, model and findings.
    pub(crate) fn same_both_ways(text: &str) {
        let fast = crate::parse::parse(text);
        let slow = with_grammar_only(|| crate::parse::parse(text));
        assert_eq!(fast.lines, slow.lines, "{text}");
        assert_eq!(fast.tree, slow.tree, "{text}");
        assert_eq!(fast.plan, slow.plan, "{text}");
        assert_eq!(fast.suppressions, slow.suppressions, "{text}");
        assert_eq!(fast.diagnostics, slow.diagnostics, "{text}");
    }

    #[test]
    fn every_plan_reads_the_same_with_and_without_the_fast_paths() {
        for plan in plans() {
            assert!(plan.len() < 1 << 20);
            same_both_ways(&plan);
        }
    }

    #[test]
    fn plan_values_read_the_same_with_and_without_the_fast_paths() {
        for (period, count, kind) in [
            ("2024-03-29 至 2024-06-28", "12", "巡察"),
            ("2024年3月29日至2024年6月28日", "１２", "审计"),
            ("2024-03-29到2024-06-28", " 7 ", "其它"),
            ("2024-03-29至6月28日", "12个", "AUDIT"),
            ("2024-06-28至2024-03-29", "0", "巡视"),
            ("2024-02-30至2024-03-01", "99999999", "其他"),
            ("2024年3月前至2024年6月底", "12 项", "督查"),
            ("2024-03-29至2024-06-28至2024-07-01", "1２", "巡 察"),
            ("2024-03-29\u{a0}至2024-06-28", "-1", "xuncha"),
        ] {
            same_both_ways(&format!(
                "方案 P {{\n  反馈日期：2024-07-26\n  巡察期间：{period}\n  问题数：{count}\n  \
                 类型：{kind}\n}}\n"
            ));
        }
    }

    fn value() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            " ",
            "\t",
            "\u{3000}",
            "\u{a0}",
            ":",
            "：",
            "、",
            "，",
            ",",
            "；",
            "(",
            "（",
            ")",
            "）",
            "《",
            "》",
            "#",
            "\"",
            "{",
            "李明",
            "王芳",
            "副局长",
            "刑侦大队",
            "2024",
            "-",
            "/",
            ".",
            "07",
            "7",
            "26",
            "31",
            "年",
            "月",
            "日",
            "号",
            "底",
            "末",
            "前",
            "之前",
            "以前",
            "已完成",
            "推进中",
            "暂缓",
            "DONE",
            "长期坚持",
            "长期",
            "立行立改",
            "immediate",
            "制度",
            "台账",
            "report",
            "evidence/a.xlsx",
            "A1.1",
            "x",
            "0",
            "2024-10-31 ",
            "完成培训",
            "（已完成）",
            "(推进中)",
            "（完工）",
            "市委巡察办 ",
            "上半年",
            "第三季度",
            "2024-10-31",
            "日",
            "至",
            "到",
            "~",
            "6月28日",
            "12",
            "１２",
            "个",
            "巡察",
            "审计",
            "其它",
            "Audit",
        ]);
        prop::collection::vec(piece, 1..8).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn random_values_read_the_same_with_and_without_the_fast_paths(
            header in value(),
            leader in value(),
            deadline in value(),
            status in value(),
            completed in value(),
            evidence in value(),
            milestone in value(),
            verified in value(),
            review in value(),
            plan_fields in (value(), value(), value()),
        ) {
            let (period, count, kind) = plan_fields;
            let text = format!(
                "方案 P {{\n  反馈日期：2024-07-26\n  巡察期间：{period}\n  问题数：{count}\n  \
                 类型：{kind}\n  问题 {header} {{\n    措施 {header} {{\n      \
                 责任领导：{leader}\n      时限：{deadline}\n      状态：{status}\n      \
                 完成日期：{completed}\n      佐证：{evidence}\n      节点：{milestone}\n      \
                 验收：{verified}\n      回头看：{review}\n    }}\n  }}\n}}\n"
            );
            same_both_ways(&text);
        }
    }

    /// Every plan the project has: examples, fixtures, and generated plans.
    pub(crate) fn plans() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["examples", "tests/fixtures"] {
            for entry in ignore::WalkBuilder::new(root.join(dir))
                .hidden(false)
                .build()
                .flatten()
            {
                if entry.path().extension().is_some_and(|e| e == "rect")
                    && let Ok(text) = std::fs::read_to_string(entry.path())
                {
                    out.push(text);
                }
            }
        }
        assert!(out.len() > 50);
        out.push(plangen::plan(plangen::TYPICAL));
        out.push(plangen::plan(plangen::Shape {
            measures: 2000,
            seed: 7,
        }));
        out.extend((0..20).map(plangen::repository_plan));
        out
    }

    /// The line as the grammar reads it: what it holds and its comment, or
    /// `None` when it is a syntax error.
    fn by_grammar(source: &str) -> Option<(LineKind, Option<Span>)> {
        let indent = source.len() - source.trim_start_matches(is_ws).len();
        let blank = Line {
            span: Span::new(0, source.len()),
            indent: Span::new(0, indent),
            kind: LineKind::Blank,
            comment: None,
        };
        let mut found = Vec::new();
        let line = read_line_with_grammar(source, blank.span, blank.clone(), &mut found);
        found.is_empty().then_some((line.kind, line.comment))
    }

    /// The fast path, where it answers, agrees with the grammar.
    fn agrees(source: &str) -> bool {
        let indent = source.len() - source.trim_start_matches(is_ws).len();
        if indent == source.len() {
            return false;
        }
        match line(source, 0, indent) {
            Some(fast) => {
                assert_eq!(Some(fast), by_grammar(source), "{source:?}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn every_line_of_every_plan_reads_as_the_grammar_reads_it() {
        let (mut fast, mut all) = (0, 0);
        for plan in plans() {
            for source in plan.lines() {
                all += 1;
                fast += usize::from(agrees(source));
            }
        }
        // The fast path answers for nearly every line.
        assert!(fast * 10 > all * 8, "{fast} of {all}");
    }

    #[test]
    fn tricky_lines_read_as_the_grammar_reads_them() {
        for source in [
            "责任领导：李明",
            "责任领导 ： 李明  ",
            "责任领导：",
            "责任领导:{",
            "问题 A1 标题 {  # 说明",
            "问题{",
            "问题 {{",
            "问题 a{b {",
            "问题 a { b",
            "措施 A1.1 建立制度｛",
            "  ｝ ｝ # 结束",
            "}}",
            "} x",
            "目标：第#3号文件 # 注释",
            "目标：#3",
            "# 只有注释",
            "key::value",
            "PLAN x {",
            "Plan:x",
            "责任领导李明",
            "单位\u{3000}某局",
            "日期 2024-01-01 #",
            "节点 {\t# c",
            "a\u{a0}b c",
            "{",
            "：x",
            "目标：完成｝",
            "目标：完成 ｝",
            "责任领导：李明（副局长），王芳",
            "目标：甲　# 注释",
            "目标：甲\t#注释",
            "问题｛",
            "「键」：值｛",
            "键「：值",
            "键\u{3001}值",
            "键：值\r",
            "｝\u{3000}｝",
            "｝，",
        ] {
            agrees(source);
        }
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            " ",
            "\t",
            "\u{3000}",
            ":",
            "：",
            "{",
            "｛",
            "}",
            "｝",
            "#",
            "\"",
            "方案",
            "问题",
            "责任领导",
            "plan",
            "PLAN",
            "日期",
            "A1.1",
            "李明",
            "x",
            "、",
            "\u{a0}",
            "《",
            "》",
            "2024-07-26",
            "「",
            "（",
            "，",
            "\r",
        ])
    }

    proptest! {
        #[test]
        fn white_space_is_skipped_as_the_grammar_has_it(
            text in "[ \t\u{3000}\u{3001}\u{30000}a：]{0,12}"
        ) {
            prop_assert_eq!(trim_ws(&text), text.trim_matches(is_ws));
            let indent = text.len() - text.trim_start_matches(is_ws).len();
            prop_assert_eq!(indent_len(&text), indent);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn random_lines_read_as_the_grammar_reads_them(
            pieces in prop::collection::vec(piece(), 1..12)
        ) {
            agrees(&pieces.concat());
        }
    }
}
