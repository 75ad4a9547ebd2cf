//! Lines: the file split into logical lines (a triple-quoted block keeps its
//! lines together), each read with the grammar's `line` rule. A line that
//! cannot be read is one P001 and reading goes on with the next.

use pest::Parser;
use pest::iterators::Pair;
use rayon::prelude::*;

use super::expected;
use super::fast;
use super::grammar::{RectParser, Rule};
use super::keywords::Keyword;
use crate::diagnostic::Diagnostic;
use crate::problem::ReadProblem;
use crate::span::Span;

/// One logical line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line without its line break (several physical lines for a
    /// triple-quoted block).
    pub span: Span,
    /// Leading white space.
    pub indent: Span,
    pub kind: LineKind,
    /// A comment at the end of the line (or the whole line).
    pub comment: Option<Span>,
}

/// What a logical line holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing but white space and perhaps a comment.
    Blank,
    /// One or more closing braces.
    Closes(Braces),
    /// A key with an optional value and an optional opening brace.
    Entry(Entry),
    /// A line that could not be read (a P001 was reported).
    Invalid,
}

/// The braces of a line of closing braces: nearly always one, held inline.
pub type Braces = smallvec::SmallVec<[Span; 2]>;

/// `KEY[:] [VALUE] [{]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub key: Span,
    /// The keyword the key spells, if it is one.
    pub keyword: Option<Keyword>,
    pub colon: Option<Span>,
    pub value: Option<Value>,
    /// The opening brace at the end of the line.
    pub open: Option<Span>,
}

impl Entry {
    /// The whole entry, key to value or brace.
    pub fn span(&self) -> Span {
        let mut span = self.key;
        if let Some(v) = &self.value {
            span = span.join(v.span);
        }
        if let Some(o) = self.open {
            span = span.join(o);
        }
        span
    }
}

/// A value as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value {
    /// The value, with its quotes if it has any.
    pub span: Span,
    pub form: ValueForm,
}

/// How a value was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueForm {
    /// Rest-of-line text, trimmed.
    Plain,
    /// `"…"` with escapes.
    Quoted,
    /// `"""…"""` over one or more lines.
    Triple,
}

/// Files at least this long have their lines read on every core,
const PARALLEL_BYTES: usize = 1 << 20;
/// this many lines at a time.
const PARALLEL_CHUNK: usize = 4096;

/// Split `text` into logical lines and read each one; the lines of a large
/// file are read in parallel, the findings kept in line order.
pub fn read(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Line> {
    let spans = split(text, diagnostics);
    if text.len() < PARALLEL_BYTES {
        return spans
            .into_iter()
            .map(|span| read_line(text, span, diagnostics))
            .collect();
    }
    // Syntax errors are rare: each is kept with its line's number and put
    // back in line order.
    let found = std::sync::Mutex::new(Vec::new());
    let lines: Vec<Line> = spans
        .par_iter()
        .with_min_len(PARALLEL_CHUNK)
        .enumerate()
        .map(|(i, &span)| {
            let mut local = Vec::new();
            let line = read_line(text, span, &mut local);
            if !local.is_empty() {
                let mut found = found
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                found.extend(local.into_iter().map(|d| (i, d)));
            }
            line
        })
        .collect();
    let mut found = found
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    found.sort_by_key(|(i, _)| *i);
    diagnostics.extend(found.into_iter().map(|(_, d)| d));
    lines
}

/// The spans of the logical lines of `text`, without their line breaks.
fn split(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<Span> {
    // Without triple quotes, a logical line is a physical one.
    if memchr::memmem::find(text.as_bytes(), b"\"\"\"").is_none() {
        return physical_lines(text);
    }
    let mut spans = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = physical_end(text, start);
        if let Some(open) = find_triple_opener(&text[start..end]) {
            let open = start + open;
            match find_triple_closer(text, open + 3, end) {
                Some(close) => end = physical_end(text, close),
                None => diagnostics
                    .push(ReadProblem::TripleQuoteNotClosed.at(Span::new(open, open + 3))),
            }
        }
        spans.push(without_cr(text.as_bytes(), start, end));
        start = end + 1;
    }
    spans
}

/// The span of the physical line `start..end` less the `\r` of a `\r\n`.
fn without_cr(bytes: &[u8], start: usize, end: usize) -> Span {
    if end > start && bytes[end - 1] == b'\r' {
        Span::new(start, end - 1)
    } else {
        Span::new(start, end)
    }
}

/// The spans of the physical lines of `text`, without their line breaks
/// (`\n` or `\r\n`); a large text's are found in pieces on every core.
fn physical_lines(text: &str) -> Vec<Span> {
    let pieces = if text.len() < PARALLEL_BYTES {
        1
    } else {
        rayon::current_num_threads() * 4
    };
    physical_lines_in_pieces(text.as_bytes(), pieces)
}

/// [`physical_lines`], the text cut into about `pieces` pieces after line
/// breaks, each piece's lines found apart.
fn physical_lines_in_pieces(bytes: &[u8], pieces: usize) -> Vec<Span> {
    let mut cuts = vec![0];
    for k in 1..pieces {
        let from = (bytes.len() * k / pieces).max(*cuts.last().unwrap_or(&0));
        let cut = memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i + 1);
        if cut < bytes.len() && cut > *cuts.last().unwrap_or(&0) {
            cuts.push(cut);
        }
    }
    cuts.push(bytes.len());
    if cuts.len() == 2 {
        return lines_starting_in(bytes, 0, bytes.len());
    }
    let found: Vec<Vec<Span>> = cuts
        .par_windows(2)
        .map(|w| lines_starting_in(bytes, w[0], w[1]))
        .collect();
    found.concat()
}

/// The spans of the physical lines that start in `start..end`, where `start`
/// starts a line and `end` is just after a line break or the end of the text.
fn lines_starting_in(bytes: &[u8], start: usize, end: usize) -> Vec<Span> {
    let piece = &bytes[start..end];
    let mut spans = Vec::with_capacity(memchr::memchr_iter(b'\n', piece).count() + 1);
    let mut line = start;
    for at in memchr::memchr_iter(b'\n', piece) {
        spans.push(without_cr(bytes, line, start + at));
        line = start + at + 1;
    }
    if line < end {
        spans.push(without_cr(bytes, line, end));
    }
    spans
}

/// The offset of the `\n` ending the physical line that starts at `start`,
/// or the end of the text.
fn physical_end(text: &str, start: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i)
}

/// The offset of a `"""` that opens a block on this line and is not closed on
/// it, outside any comment or quoted string. One pass over the line: a block
/// opened and closed on it is stepped over, and the scan goes on after it as
/// at the start of a line (a run of `"""x"""` on a long line is read in
/// linear time and constant stack).
fn find_triple_opener(line: &str) -> Option<usize> {
    if !line.as_bytes().contains(&b'"') || !line.contains("\"\"\"") {
        return None;
    }
    let bytes = line.as_bytes();
    let mut in_quote = false;
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quote {
            match b {
                b'\\' => i += 1,
                b'"' => in_quote = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if bytes[i..].starts_with(b"\"\"\"") {
            match memchr::memmem::find(&bytes[i + 3..], b"\"\"\"") {
                Some(close) => {
                    i += 3 + close + 3;
                    after_space = true;
                    continue;
                }
                None => return Some(i),
            }
        }
        match b {
            b'"' => in_quote = true,
            b'#' if after_space => return None,
            _ => {}
        }
        after_space = matches!(b, b' ' | b'\t') || bytes[..=i].ends_with("\u{3000}".as_bytes());
        i += 1;
    }
    None
}

/// The offset just after the `"""` that closes a block opened before `from`.
fn find_triple_closer(text: &str, from: usize, line_end: usize) -> Option<usize> {
    let at = text[from..].find("\"\"\"")? + from;
    (at >= line_end).then_some(at + 3)
}

/// Read one logical line with the grammar.
fn read_line(text: &str, span: Span, diagnostics: &mut Vec<Diagnostic>) -> Line {
    let source = &text[span.range()];
    let indent_len = fast::indent_len(source);
    let indent = Span::new(span.start(), span.start() + indent_len);
    let blank = Line {
        span,
        indent,
        kind: LineKind::Blank,
        comment: None,
    };
    if indent_len == source.len() {
        return blank;
    }
    if fast::enabled()
        && let Some((kind, comment)) = fast::line(source, span.start(), indent_len)
    {
        return Line {
            kind,
            comment,
            ..blank
        };
    }
    read_line_with_grammar(text, span, blank, diagnostics)
}

/// Read one logical line with the grammar's `line` rule.
pub(super) fn read_line_with_grammar(
    text: &str,
    span: Span,
    blank: Line,
    diagnostics: &mut Vec<Diagnostic>,
) -> Line {
    let source = &text[span.range()];
    match RectParser::parse(Rule::line, source) {
        Ok(mut pairs) => {
            let mut line = blank;
            let Some(top) = pairs.next() else { return line };
            for pair in top.into_inner() {
                let at = |p: &Pair<Rule>| span_of(p, span.start());
                match pair.as_rule() {
                    Rule::closes => {
                        line.kind = LineKind::Closes(pair.into_inner().map(|c| at(&c)).collect());
                    }
                    Rule::entry => line.kind = LineKind::Entry(read_entry(pair, span.start())),
                    Rule::comment => line.comment = Some(at(&pair)),
                    _ => {}
                }
            }
            line
        }
        Err(error) => {
            diagnostics.push(expected::syntax_error(text, span.start(), &error));
            Line {
                kind: LineKind::Invalid,
                ..blank
            }
        }
    }
}

/// `entry = { key ~ (sep ~ value)? ~ (ws* ~ open)? }`
fn read_entry(pair: Pair<Rule>, base: usize) -> Entry {
    let mut entry = Entry {
        key: Span::default(),
        keyword: None,
        colon: None,
        value: None,
        open: None,
    };
    for part in pair.into_inner() {
        let span = span_of(&part, base);
        match part.as_rule() {
            Rule::key => {
                entry.key = span;
                entry.keyword = part
                    .into_inner()
                    .find_map(|p| Keyword::from_rule(p.as_rule()));
            }
            Rule::colon => entry.colon = Some(span),
            Rule::text | Rule::glued_text => {
                entry.value = Some(Value {
                    span,
                    form: ValueForm::Plain,
                });
            }
            Rule::quoted => {
                entry.value = Some(Value {
                    span,
                    form: ValueForm::Quoted,
                });
            }
            Rule::triple => {
                entry.value = Some(Value {
                    span,
                    form: ValueForm::Triple,
                });
            }
            Rule::open => entry.open = Some(span),
            _ => {}
        }
    }
    entry
}

/// The span of a pair within a line that starts at `base`.
pub(crate) fn span_of(pair: &Pair<Rule>, base: usize) -> Span {
    let s = pair.as_span();
    Span::new(base + s.start(), base + s.end())
}

/// The text of a value: unescaped for `"…"`, dedented for `"""…"""`.
pub fn value_text(text: &str, value: Value) -> String {
    let raw = &text[value.span.range()];
    match value.form {
        ValueForm::Plain => raw.to_owned(),
        ValueForm::Quoted => unescape(&raw[1..raw.len() - 1]),
        ValueForm::Triple => dedent(&raw[3..raw.len() - 3]),
    }
}

fn unescape(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(c @ ('"' | '\\')) => out.push(c),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// The text of a triple-quoted block: the line break after the opening quotes
/// and the white space before the closing ones dropped, the indentation the
/// lines share removed, line breaks as `\n`.
fn dedent(inner: &str) -> String {
    let inner = inner.replace("\r\n", "\n");
    let inner = inner.strip_prefix('\n').unwrap_or(&inner);
    let inner = inner.trim_end_matches([' ', '\t', '\u{3000}']);
    let inner = inner.strip_suffix('\n').unwrap_or(inner);
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\u{3000}');
    let common = inner
        .lines()
        .filter(|l| !l.trim_matches(is_ws).is_empty())
        .map(|l| l.len() - l.trim_start_matches(is_ws).len())
        .min()
        .unwrap_or(0);
    inner
        .lines()
        .map(|l| {
            let cut = (0..=common.min(l.len()))
                .rev()
                .find(|&i| l.is_char_boundary(i))
                .unwrap_or(0);
            if l[..cut].chars().all(is_ws) {
                &l[cut..]
            } else {
                l.trim_start_matches(is_ws)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Cut into pieces or not, a text has the same physical lines.
        #[test]
        fn physical_lines_in_pieces_are_the_lines(
            text in "[a\n\r方 ]{0,64}",
            pieces in 1usize..12,
        ) {
            let whole = lines_starting_in(text.as_bytes(), 0, text.len());
            prop_assert_eq!(physical_lines_in_pieces(text.as_bytes(), pieces), whole);
        }
    }

    #[test]
    fn physical_lines_end_at_line_breaks() {
        let spans = |text: &str| physical_lines_in_pieces(text.as_bytes(), 3);
        assert_eq!(spans(""), []);
        assert_eq!(spans("\n"), [Span::new(0, 0)]);
        assert_eq!(spans("a\r\nb\n"), [Span::new(0, 1), Span::new(3, 4)]);
        assert_eq!(
            spans("a\nb\nc"),
            [Span::new(0, 1), Span::new(2, 3), Span::new(4, 5)]
        );
    }

    fn lines(text: &str) -> (Vec<Line>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let lines = read(text, &mut diags);
        (lines, diags)
    }

    fn entry(text: &str) -> Entry {
        let (lines, diags) = lines(text);
        assert!(diags.is_empty(), "{diags:?}");
        match &lines[0].kind {
            LineKind::Entry(e) => e.clone(),
            other => panic!("{other:?}"),
        }
    }

    fn slice(text: &str, span: Span) -> &str {
        &text[span.range()]
    }

    #[test]
    fn key_colon_value_in_every_spelling() {
        for text in [
            "责任领导：李明",
            "责任领导: 李明",
            "责任领导 李明",
            "责任领导　李明",
            "leader:李明",
        ] {
            let e = entry(text);
            assert_eq!(e.keyword, Some(Keyword::Leader), "{text}");
            assert_eq!(slice(text, e.value.unwrap().span), "李明", "{text}");
        }
    }

    #[test]
    fn an_empty_value_is_no_value() {
        for text in ["责任领导：", "责任领导 ：  # 待定", "责任领导:{"] {
            let e = entry(text);
            assert_eq!(e.keyword, Some(Keyword::Leader), "{text}");
            assert!(e.value.is_none(), "{text}");
            assert!(e.colon.is_some(), "{text}");
        }
    }

    #[test]
    fn comments_after_values_and_braces() {
        let text = "问题 A1 标题 {  # 说明";
        let (ls, _) = lines(text);
        let LineKind::Entry(e) = &ls[0].kind else {
            panic!()
        };
        assert_eq!(slice(text, e.value.unwrap().span), "A1 标题");
        assert!(e.open.is_some());
        assert_eq!(slice(text, ls[0].comment.unwrap()), "# 说明");
        let text = "目标：第#3号文件 # 注释";
        let (ls, _) = lines(text);
        let LineKind::Entry(e) = &ls[0].kind else {
            panic!()
        };
        assert_eq!(slice(text, e.value.unwrap().span), "第#3号文件");
        assert_eq!(slice(text, ls[0].comment.unwrap()), "# 注释");
    }

    #[test]
    fn full_width_braces_and_glued_braces() {
        let text = "措施 A1.1 建立制度｛";
        let e = entry(text);
        assert_eq!(e.keyword, Some(Keyword::Measure));
        assert_eq!(slice(text, e.value.unwrap().span), "A1.1 建立制度");
        assert_eq!(slice(text, e.open.unwrap()), "｛");
        let (ls, diags) = lines("  ｝ ｝ # 结束");
        assert!(diags.is_empty());
        assert!(matches!(&ls[0].kind, LineKind::Closes(c) if c.len() == 2));
        let text = "目标：完成{某事}的建设";
        assert_eq!(
            slice(text, entry(text).value.unwrap().span),
            "完成{某事}的建设"
        );
    }

    #[test]
    fn quoted_values_keep_spaces_and_hashes() {
        let text = r#"内容："  前后有空格 # 不是注释 \"引\" \\ "  # 注释"#;
        let e = entry(text);
        let v = e.value.unwrap();
        assert_eq!(v.form, ValueForm::Quoted);
        assert_eq!(value_text(text, v), "  前后有空格 # 不是注释 \"引\" \\ ");
        let text = r#"目标："双一流"建设"#;
        let v = entry(text).value.unwrap();
        assert_eq!(v.form, ValueForm::Plain);
        assert_eq!(value_text(text, v), r#""双一流"建设"#);
    }

    #[test]
    fn triple_quoted_blocks_span_lines() {
        let text = "内容：\"\"\"\n    第一行\n      第二行\n    \"\"\"  # 注释\r\n状态：推进中\n";
        let (ls, diags) = lines(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(ls.len(), 2);
        let LineKind::Entry(e) = &ls[0].kind else {
            panic!()
        };
        assert_eq!(value_text(text, e.value.unwrap()), "第一行\n  第二行");
        assert!(ls[0].comment.is_some());
        let LineKind::Entry(e) = &ls[1].kind else {
            panic!()
        };
        assert_eq!(e.keyword, Some(Keyword::Status));
    }

    #[test]
    fn unclosed_triple_quote_is_p001() {
        let (_, diags) = lines("内容：\"\"\"\n没有结束\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "P001");
        assert_eq!(diags[0].span(), Span::new(9, 12));
    }

    #[test]
    fn triple_quoted_blocks_closed_on_their_line_are_stepped_over() {
        assert_eq!(find_triple_opener(r#"a """x""" b"#), None);
        assert_eq!(find_triple_opener(r#""""x""" """y"#), Some(8));
        assert_eq!(find_triple_opener(r##""""x"""# """y"##), None);
        assert_eq!(find_triple_opener(r#""""x""" """""#), Some(8));
        assert_eq!(find_triple_opener(r#"k "a\"b" """"#), Some(9));
    }

    /// A long line of `"""x"""` pairs is read in one pass on a small stack:
    /// the search for an opener recursed once per pair (a 1 MB line
    /// overflowed the stack) and was quadratic.
    #[test]
    fn a_long_run_of_closed_triple_quotes_is_read_on_a_small_stack() {
        let run = "\"\"\"x\"\"\"".repeat(150_000);
        let open = format!("{run}\"\"\"");
        let (found, open_found) = std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn(move || (find_triple_opener(&run), find_triple_opener(&open)))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(found, None);
        assert_eq!(open_found, Some(150_000 * 7));
        let text = format!("备注：a{}\n", "\"\"\"x\"\"\"".repeat(150_000));
        let (ls, diags) = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || lines(&text))
            .unwrap()
            .join()
            .unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(ls.len(), 1);
    }

    #[test]
    fn crlf_and_final_line_without_break() {
        let text = "a：b\r\nc：d";
        let (ls, _) = lines(text);
        assert_eq!(ls.len(), 2);
        assert_eq!(slice(text, ls[0].span), "a：b");
        assert_eq!(slice(text, ls[1].span), "c：d");
    }

    #[test]
    fn a_lone_brace_is_a_readable_error() {
        let (ls, diags) = lines("方案\n{\n");
        assert_eq!(ls[1].kind, LineKind::Invalid);
        assert_eq!(diags[0].code, "P001");
        assert!(diags[0].message.zh.contains('{'), "{:?}", diags[0].message);
    }

    #[test]
    fn a_brace_after_a_value_is_a_readable_error() {
        let (_, diags) = lines("责任领导：李明 }");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].span().start(), "责任领导：李明 ".len());
    }
}
