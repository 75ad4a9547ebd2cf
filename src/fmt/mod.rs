//! The formatter: one canonical layout for a plan, without losing a word.
//!
//! The formatter works on the file's lines, not on the model, so that every
//! comment and every value stays exactly as written. It changes only layout:
//! two spaces of indentation per block, one item per line, `KEY：VALUE` with
//! the colon the file mostly uses, headers as `KEYWORD ID TITLE {`, ASCII
//! braces each closing brace on its own line, at most one blank line in a
//! row (none just inside a brace), no trailing white space, a final newline,
//! and keywords in the language (Chinese or English) the file mostly uses.
//! It never reorders anything and never rewrites a value: where the file's
//! colon would change how a value reads (a value starting with `#` or a
//! colon), the colon stays. Before anything is written the formatted text is
//! read again, and a file whose keys, values, blocks or comments would read
//! differently is left as it is.

use std::borrow::Cow;

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Text};
use crate::parse::keywords::Keyword;
use crate::parse::lines::{Entry, Line, LineKind, Value, ValueForm, value_text};
use crate::parse::{Parsed, parse};
use crate::span::LineIndex;
use crate::tr;

mod digest;

/// Why a file cannot be formatted.
#[derive(Debug, Clone)]
pub enum Unformattable {
    /// The syntax errors (P001) to fix first, or why the text could not be
    /// read at all (P007).
    Syntax(Vec<Diagnostic>),
    /// The formatted text would not read as the file does (a defect of
    /// `fmt`, which then writes nothing): the 1-based line of the file
    /// where the first difference is, when one line can be named.
    WouldChange { line: Option<usize> },
}

/// How the file writes the colon after a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ColonStyle {
    /// `责任领导：李明`
    FullWidth,
    /// `leader: 李明`
    Ascii,
    /// `责任领导 李明`
    Space,
}

/// What the lines of a block are, for layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Context {
    /// Fields and blocks of the language.
    Normal,
    /// `NAME：ROLE` lines of `人员`.
    People,
    /// Lines kept as written: `部门` lists and unknown blocks.
    Verbatim,
}

/// Format a plan's text. Files with syntax errors are not formatted, nor
/// any whose formatted text would read differently.
pub fn format(text: &str) -> Result<String, Unformattable> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A lone CR is a line break, as the reader of files takes it (an
    // editor's buffer may hold one).
    let text = crate::source::lone_crs_as_line_feeds(Cow::Borrowed(text));
    let text: &str = &text;
    let parsed = parse(text);
    if parsed.has_syntax_errors() {
        let errors = parsed
            .diagnostics
            .into_iter()
            .filter(|d| d.code == Code::P001 || d.code == Code::P007)
            .collect();
        return Err(Unformattable::Syntax(errors));
    }
    let formatted = layout(text, &parsed);
    verify(text, &parsed, &formatted)?;
    Ok(formatted)
}

/// The canonical layout of a text without syntax errors.
fn layout(text: &str, parsed: &Parsed) -> String {
    let style = Style::of(text, &parsed.lines);
    let mut out = Output::default();
    let mut stack: Vec<Context> = Vec::new();
    for line in &parsed.lines {
        let comment = line.comment.map(|c| text[c.range()].trim_end());
        match &line.kind {
            LineKind::Blank | LineKind::Invalid => match comment {
                Some(c) => out.line(stack.len(), c, Kind::Plain),
                None => out.blank(),
            },
            LineKind::Closes(braces) => {
                for (i, _) in braces.iter().enumerate() {
                    stack.pop();
                    let mut brace = String::from("}");
                    if i + 1 == braces.len()
                        && let Some(c) = comment
                    {
                        brace.push(' ');
                        brace.push_str(c);
                    }
                    out.line(stack.len(), &brace, Kind::Close);
                }
            }
            LineKind::Entry(entry) => {
                let context = stack.last().copied().unwrap_or(Context::Normal);
                let mut item = if entry.open.is_some() {
                    style.header(text, entry, context)
                } else {
                    style.field(text, entry, context)
                };
                if let Some(c) = comment {
                    item.push(' ');
                    item.push_str(c);
                }
                let kind = if entry.open.is_some() {
                    Kind::Open
                } else {
                    Kind::Plain
                };
                out.line(stack.len(), &item, kind);
                if entry.open.is_some() {
                    stack.push(match (context, entry.keyword) {
                        (Context::Normal, Some(Keyword::People)) => Context::People,
                        (Context::Normal, Some(kw))
                            if kw.opens().is_some() && kw != Keyword::Departments =>
                        {
                            Context::Normal
                        }
                        _ => Context::Verbatim,
                    });
                }
            }
        }
    }
    out.finish()
}

/// What kind of line was written last, for the blank-line rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Open,
    Close,
    Plain,
}

#[derive(Default)]
struct Output {
    text: String,
    last: Option<Kind>,
    pending_blank: bool,
}

impl Output {
    fn blank(&mut self) {
        self.pending_blank = true;
    }

    fn line(&mut self, depth: usize, content: &str, kind: Kind) {
        // At most one blank line, none at the start, none just inside braces.
        if self.pending_blank && self.last.is_some_and(|k| k != Kind::Open) && kind != Kind::Close {
            self.text.push('\n');
        }
        self.pending_blank = false;
        for _ in 0..depth {
            self.text.push_str("  ");
        }
        self.text
            .push_str(content.trim_end_matches([' ', '\t', '\u{3000}']));
        self.text.push('\n');
        self.last = Some(kind);
    }

    fn finish(self) -> String {
        self.text
    }
}

/// The file's habits: which colon, which keyword language.
struct Style {
    colon: ColonStyle,
    english: bool,
}

impl Style {
    fn of(text: &str, lines: &[Line]) -> Style {
        let (mut full, mut ascii, mut space, mut english, mut chinese) = (0, 0, 0, 0, 0);
        for line in lines {
            let LineKind::Entry(e) = &line.kind else {
                continue;
            };
            if e.keyword.is_some() {
                if text[e.key.range()].is_ascii() {
                    english += 1;
                } else {
                    chinese += 1;
                }
            }
            if e.open.is_none() && e.value.is_some() {
                match e.colon.map(|c| &text[c.range()]) {
                    Some("：") => full += 1,
                    Some(_) => ascii += 1,
                    None => space += 1,
                }
            }
        }
        let colon = if ascii > full && ascii >= space {
            ColonStyle::Ascii
        } else if space > full && space > ascii {
            ColonStyle::Space
        } else {
            ColonStyle::FullWidth
        };
        Style {
            colon,
            english: english > chinese,
        }
    }

    /// The key as `fmt` writes it: a keyword in the file's language (a
    /// Chinese spelling is kept as it is), anything else as written.
    fn key<'t>(&self, text: &'t str, entry: &Entry) -> &'t str {
        let written = &text[entry.key.range()];
        match entry.keyword {
            Some(kw) if written.is_ascii() != self.english => kw.spelling(self.english),
            Some(kw) if self.english => kw.spelling(true),
            _ => written,
        }
    }

    /// `KEYWORD ID TITLE {`: no colon (unless the title needs one), single
    /// spaces, an ASCII brace.
    fn header(&self, text: &str, entry: &Entry, context: Context) -> String {
        if context != Context::Normal {
            let end = entry.value.map_or(entry.key.end(), |v| v.span.end());
            return format!("{} {{", &text[entry.key.start()..end]);
        }
        let mut out = self.key(text, entry).to_owned();
        if let Some(v) = entry.value {
            let raw = &text[v.span.range()];
            // `问题：#1 标题 {` keeps its colon: after a space, `#1 标题 {`
            // would be a comment.
            out.push_str(if needs_colon(v, raw) {
                written_colon(text, entry)
            } else {
                " "
            });
            out.push_str(&single_space_after_id(raw));
        }
        out.push_str(" {");
        out
    }

    /// `KEY：VALUE` with the file's colon, unless that would change how the
    /// value reads; lines of `部门` and unknown blocks as written.
    fn field(&self, text: &str, entry: &Entry, context: Context) -> String {
        if context == Context::Verbatim {
            let end = entry.value.map_or(entry.key.end(), |v| v.span.end());
            return text[entry.key.start()..end].replace("\r\n", "\n");
        }
        let key = if context == Context::People {
            &text[entry.key.range()]
        } else {
            self.key(text, entry)
        };
        let mut out = key.to_owned();
        let Some(v) = entry.value else {
            if entry.colon.is_some() {
                out.push(if self.colon == ColonStyle::Ascii {
                    ':'
                } else {
                    '：'
                });
            }
            return out;
        };
        let value = text[v.span.range()].replace("\r\n", "\n");
        // In `人员`, a line without a colon after the first word whose rest
        // holds one (`Lee Ming: Deputy Director`) names `Lee Ming`: it is
        // kept as written, and a colon after the first word stays.
        let role_with_colon =
            context == Context::People && v.form == ValueForm::Plain && value.contains([':', '：']);
        if role_with_colon && entry.colon.is_none() {
            return text[entry.key.start()..v.span.end()].to_owned();
        }
        let separator = match self.colon {
            ColonStyle::FullWidth => "：",
            // `备注:#3号`: after `: `, `#3号` would be a comment.
            ColonStyle::Ascii if needs_colon(v, &value) && value.starts_with('#') => ":",
            ColonStyle::Ascii => ": ",
            // `备注：#3号` and `备注：：重要` keep their colon: after a space,
            // `#3号` would be a comment and `：` the key's colon.
            ColonStyle::Space if needs_colon(v, &value) || role_with_colon => {
                written_colon(text, entry)
            }
            ColonStyle::Space => " ",
        };
        out.push_str(separator);
        out.push_str(&value);
        out
    }
}

/// Whether a value reads differently after white space than right after a
/// colon: a plain value starting with `#` (after white space, a comment) or
/// with a colon (after white space, the key's colon).
fn needs_colon(value: Value, raw: &str) -> bool {
    value.form == ValueForm::Plain && raw.starts_with(['#', ':', '：'])
}

/// The colon an entry was written with, `：` if it has none.
fn written_colon<'t>(text: &'t str, entry: &Entry) -> &'t str {
    entry.colon.map_or("：", |c| &text[c.range()])
}

/// `A1   标题` → `A1 标题`: one space between an ID and the title.
fn single_space_after_id(header: &str) -> String {
    let id_len = header
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .unwrap_or(header.len());
    let rest = &header[id_len..];
    let trimmed = rest.trim_start_matches([' ', '\t', '\u{3000}']);
    if id_len > 0 && trimmed.len() < rest.len() && !trimmed.is_empty() {
        format!("{} {trimmed}", &header[..id_len])
    } else {
        header.to_owned()
    }
}

/// Read the formatted text again: it must hold the same blocks, keys,
/// values and comments, in the same order, and give the same model (spans
/// aside) as the file.
fn verify(text: &str, parsed: &Parsed, formatted: &str) -> Result<(), Unformattable> {
    let (digest, again) = rayon::join(|| model_digest(parsed), || parse(formatted));
    let mut before = Reading::new(text, &parsed.lines);
    let mut after = Reading::new(formatted, &again.lines);
    loop {
        match (before.next(), after.next()) {
            (None, None) => break,
            (Some((_, a)), Some((_, b))) if a == b => {}
            (first, _) => {
                let line = first.map(|(index, _)| {
                    let at = parsed.lines[index].span.start();
                    text[..at].bytes().filter(|&b| b == b'\n').count() + 1
                });
                return Err(Unformattable::WouldChange { line });
            }
        }
    }
    if again.has_syntax_errors() || digest != model_digest(&again) {
        return Err(Unformattable::WouldChange { line: None });
    }
    Ok(())
}

/// What one line gives the reader, layout aside.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'t> {
    /// A comment on a line of its own.
    Comment(&'t str),
    /// A field, a block header or a line of `人员`, `部门` or an unknown
    /// block, with the comment after it.
    Entry {
        key: Key<'t>,
        value: Option<(ValueForm, Cow<'t, str>)>,
        opens: bool,
        comment: Option<&'t str>,
    },
    /// A closing brace, with the comment after the last one of a line.
    Close(Option<&'t str>),
}

/// A key: a keyword however spelled, or as written (any key inside `人员`,
/// `部门` and unknown blocks, where keywords are plain words).
#[derive(Debug, PartialEq, Eq)]
enum Key<'t> {
    Keyword(Keyword),
    Written(&'t str),
}

/// The pieces of a text's lines, each with the index of its line.
struct Reading<'t> {
    text: &'t str,
    lines: &'t [Line],
    next: usize,
    /// For each open block: whether its lines are plain words (as
    /// `parse::tree` decides).
    plain: Vec<bool>,
    /// Closing braces of the current line still to give, and its comment.
    closes: usize,
    close_comment: Option<&'t str>,
}

impl<'t> Reading<'t> {
    fn new(text: &'t str, lines: &'t [Line]) -> Self {
        Reading {
            text,
            lines,
            next: 0,
            plain: Vec::new(),
            closes: 0,
            close_comment: None,
        }
    }
}

impl<'t> Iterator for Reading<'t> {
    type Item = (usize, Piece<'t>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.closes > 0 {
            self.closes -= 1;
            self.plain.pop();
            let comment = if self.closes == 0 {
                self.close_comment.take()
            } else {
                None
            };
            return Some((self.next - 1, Piece::Close(comment)));
        }
        loop {
            let index = self.next;
            let line = self.lines.get(index)?;
            self.next += 1;
            let text = self.text;
            let comment = line.comment.map(|c| text[c.range()].trim_end());
            match &line.kind {
                LineKind::Blank | LineKind::Invalid => {
                    if let Some(c) = comment {
                        return Some((index, Piece::Comment(c)));
                    }
                }
                LineKind::Closes(braces) => {
                    self.closes = braces.len();
                    self.close_comment = comment;
                    return self.next();
                }
                LineKind::Entry(entry) => {
                    let plain = self.plain.last().copied().unwrap_or(false);
                    let key = match entry.keyword {
                        Some(kw) if !plain => Key::Keyword(kw),
                        _ => Key::Written(&text[entry.key.range()]),
                    };
                    let opens = entry.open.is_some();
                    let value = entry.value.map(|v| {
                        let read = match v.form {
                            // The gap after a header's ID is layout.
                            ValueForm::Plain if opens && !plain => {
                                Cow::Owned(single_space_after_id(&text[v.span.range()]))
                            }
                            ValueForm::Plain => Cow::Borrowed(&text[v.span.range()]),
                            _ => Cow::Owned(value_text(text, v)),
                        };
                        (v.form, read)
                    });
                    if opens {
                        self.plain.push(
                            plain
                                || entry.keyword.and_then(Keyword::opens).is_none()
                                || matches!(
                                    entry.keyword,
                                    Some(Keyword::People | Keyword::Departments)
                                ),
                        );
                    }
                    let piece = Piece::Entry {
                        key,
                        value,
                        opens,
                        comment,
                    };
                    return Some((index, piece));
                }
            }
        }
    }
}

/// A digest of the model of a parse, its spans left out.
fn model_digest(parsed: &Parsed) -> [u64; 2] {
    digest::digest(&parsed.plan)
}

pub fn why_not_formatted(text: &str, e: &Unformattable) -> Text {
    let errors = match e {
        Unformattable::Syntax(errors) => errors,
        Unformattable::WouldChange { line: Some(line) } => {
            return tr!(
                "未格式化：格式化后第 {line} 行的内容会读成别的意思（这是 rectlint 的缺陷，请报告）",
                "not formatted: formatting would change what line {line} reads as (a defect of rectlint; please report it)"
            );
        }
        Unformattable::WouldChange { line: None } => {
            return tr!(
                "未格式化：格式化后的内容会读成别的意思（这是 rectlint 的缺陷，请报告）",
                "not formatted: formatting would change what the file reads as (a defect of rectlint; please report it)"
            );
        }
    };
    let Some(first) = errors.first() else {
        return tr!(
            "有语法错误，未格式化",
            "it has syntax errors; not formatted"
        );
    };
    let at = LineIndex::new(text).line_col(text, first.primary.span.start());
    let (line, column, zh, en) = (at.line, at.column, &first.message.zh, &first.message.en);
    tr!(
        "有语法错误，未格式化（第 {line} 行第 {column} 列：{zh}）",
        "not formatted: syntax error at {line}:{column}: {en}"
    )
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::{Unformattable, format, model_digest, verify, why_not_formatted};
    use crate::parse::lines::{LineKind, value_text};
    use crate::parse::parse;

    /// The value of the entry on `line` (0-based) as read.
    fn value_on(text: &str, line: usize) -> Option<String> {
        match &parse(text).lines[line].kind {
            LineKind::Entry(e) => e.value.map(|v| value_text(text, v)),
            other => panic!("line {line} is {other:?}"),
        }
    }

    #[test]
    fn a_lone_carriage_return_is_a_line_break() {
        let formatted = format("方案 甲 {\r  备注：x\r}\r").unwrap();
        assert_eq!(formatted, "方案 甲 {\n  备注：x\n}\n");
    }

    #[test]
    fn canonical_text_is_left_alone() {
        let text = "# 注释\n方案 甲 {\n  被巡察单位：某局\n\n  问题 A1 标题 {\n    措施 A1.1 措施 {\n      责任领导：李明  # 说明\n    }\n  }\n}\n";
        let expected = text.replace("李明  #", "李明 #");
        assert_eq!(format(text).unwrap(), expected);
        assert_eq!(format(&expected).unwrap(), expected);
    }

    #[test]
    fn messy_layout_becomes_canonical() {
        let text = "\u{3000}方案   甲｛\r\n\r\n\r\n   被巡察单位 :  某局   \r\n\t问题  A1    标题 {   # 注释\r\n\r\n措施：A1.1 措施{\r\n责任领导 李明\r\n      时限：2024-09-30\r\n   } }\r\n｝";
        let expected = "方案 甲 {\n  被巡察单位：某局\n  问题 A1 标题 { # 注释\n    措施 A1.1 措施 {\n      责任领导：李明\n      时限：2024-09-30\n    }\n  }\n}\n";
        assert_eq!(format(text).unwrap(), expected);
    }

    #[test]
    fn the_file_majority_decides_colon_and_keyword_language() {
        let text = "plan P {\n  unit: 某局\n  inspector: 某组\n  反馈日期 2024-07-26\n}\n";
        assert_eq!(
            format(text).unwrap(),
            "plan P {\n  unit: 某局\n  inspector: 某组\n  feedback: 2024-07-26\n}\n"
        );
        let text = "方案 P {\n  被巡察单位 某局\n  巡察组 某组\n  feedback: 2024-07-26\n}\n";
        assert_eq!(
            format(text).unwrap(),
            "方案 P {\n  被巡察单位 某局\n  巡察组 某组\n  反馈日期 2024-07-26\n}\n"
        );
    }

    #[test]
    fn values_people_and_department_lines_are_kept() {
        let text = "方案 甲 {\n  人员 {\n    陈国强:分局党委书记、局长\n  }\n  部门 {\n    法制大队 、刑侦大队\n  }\n  问题 A1 x {\n    原因：\"\"\"\n      第一行\n    \"\"\"\n    来源：  \"  引号 \"  \n  }\n}\n";
        let formatted = format(text).unwrap();
        assert!(
            formatted.contains("    陈国强：分局党委书记、局长\n"),
            "{formatted}"
        );
        assert!(
            formatted.contains("    法制大队 、刑侦大队\n"),
            "{formatted}"
        );
        assert!(
            formatted.contains("    原因：\"\"\"\n      第一行\n    \"\"\"\n"),
            "{formatted}"
        );
        assert!(formatted.contains("    来源：\"  引号 \"\n"), "{formatted}");
    }

    #[test]
    fn syntax_errors_are_not_formatted() {
        let Err(super::Unformattable::Syntax(errors)) = format("方案 甲 {\n  问题 {\n") else {
            panic!("formatted");
        };
        assert_eq!(errors[0].code, "P001");
    }

    /// Issue 27.5: after `: ` or a space, `#3号` would be a comment.
    #[test]
    fn a_value_starting_with_hash_keeps_its_colon() {
        let ascii = "方案 甲 {\n  被巡察单位: 某局\n  巡察组: 某组\n  备注：#3号\n  问题：#1 标题 {\n  }\n}\n";
        let formatted = format(ascii).unwrap();
        assert_eq!(
            formatted,
            "方案 甲 {\n  被巡察单位: 某局\n  巡察组: 某组\n  备注:#3号\n  问题：#1 标题 {\n  }\n}\n"
        );
        assert_eq!(value_on(&formatted, 3).as_deref(), Some("#3号"));
        assert_eq!(value_on(&formatted, 4).as_deref(), Some("#1 标题"));
        assert_eq!(format(&formatted).unwrap(), formatted);
        let space = "方案 甲 {\n  被巡察单位 某局\n  巡察组 某组\n  备注：# 待定\n  问题:#1 标题 {\n  }\n}\n";
        let formatted = format(space).unwrap();
        assert_eq!(formatted, space);
        assert_eq!(value_on(&formatted, 3).as_deref(), Some("# 待定"));
    }

    /// Issue 27.6: after a space, `：重要` would lose its colon to the key.
    #[test]
    fn a_value_starting_with_a_colon_keeps_its_colon() {
        let text = "方案 甲 {\n  被巡察单位 某局\n  巡察组 某组\n  备注：：重要\n  目标 :x\n  问题：：x {\n  }\n}\n";
        let formatted = format(text).unwrap();
        assert_eq!(
            formatted,
            "方案 甲 {\n  被巡察单位 某局\n  巡察组 某组\n  备注：：重要\n  目标 x\n  问题：：x {\n  }\n}\n"
        );
        assert_eq!(value_on(&formatted, 3).as_deref(), Some("：重要"));
        assert_eq!(format(&formatted).unwrap(), formatted);
    }

    /// `Lee Ming: Deputy Director` names `Lee Ming`; `Lee：Ming: …` would
    /// name `Lee`.
    #[test]
    fn a_name_with_spaces_keeps_its_line() {
        let text = "方案 甲 {\n  被巡察单位：某局\n  人员 {\n    Lee   Ming: Deputy Director\n    张伟：局长:兼职\n  }\n}\n";
        assert_eq!(format(text).unwrap(), text);
        let spaced = text.replace("单位：", "单位 ");
        assert_eq!(format(&spaced).unwrap(), spaced);
    }

    /// What `fmt` wrote before issue 27 for a `#` value and a `：` value is
    /// refused, and the line named.
    #[test]
    fn output_that_reads_differently_is_refused() {
        let text = "方案 甲 {\n  被巡察单位: 某局\n  备注：#3号\n}\n";
        let wrong = "方案 甲 {\n  被巡察单位: 某局\n  备注: #3号\n}\n";
        let result = verify(text, &parse(text), wrong);
        assert!(
            matches!(result, Err(Unformattable::WouldChange { line: Some(3) })),
            "{result:?}"
        );
        let why = why_not_formatted(text, &result.unwrap_err());
        assert_eq!(
            why.en,
            "not formatted: formatting would change what line 3 reads as (a defect of rectlint; please report it)"
        );
        assert!(
            why.zh.starts_with("未格式化：格式化后第 3 行"),
            "{}",
            why.zh
        );
        let text = "方案 甲 {\n  被巡察单位 某局\n  问题 A1 x {\n    原因：：重要\n  }\n}\n";
        let wrong = text.replace("原因：：", "原因 ：");
        let result = verify(text, &parse(text), &wrong);
        assert!(
            matches!(result, Err(Unformattable::WouldChange { line: Some(4) })),
            "{result:?}"
        );
        let header = "方案 甲 {\n  问题：#1 标题 {\n  }\n}\n";
        let wrong = "方案 甲 {\n  问题 #1 标题 {\n  }\n}\n";
        assert!(verify(header, &parse(header), wrong).is_err());
        let text = "方案 甲 {\n  人员 {\n    Lee Ming: Deputy\n  }\n}\n";
        let wrong = text.replace("Lee Ming", "Lee：Ming");
        assert!(verify(text, &parse(text), &wrong).is_err());
    }

    /// The model's digest leaves out where things are, not what they are.
    #[test]
    fn the_model_digest_ignores_spans_only() {
        let text = "方案 甲 {\n  被巡察单位：某局\n  问题 A1 x {\n    措施 A1.1 y {\n      时限：2024-09-30\n    }\n  }\n}\n";
        let moved = text.replace("  ", "      ").replace("：", "  ：  ");
        let digest = |t: &str| model_digest(&parse(t));
        assert_eq!(digest(text), digest(&moved));
        assert_ne!(digest(text), digest(&text.replace("09-30", "09-29")));
        assert_ne!(digest(text), digest(&text.replace("A1.1", "A1.2")));
        // Many chunks of JSON, the spans of one file longer than the other's.
        let mut big = String::from("方案 甲 {\n");
        for i in 0..2000 {
            let _ = write!(big, "  问题 A{i} x {{\n    原因：第{i}个\n  }}\n");
        }
        big.push_str("}\n");
        let moved = big.replace("  ", "            ");
        assert_eq!(digest(&big), digest(&moved));
        assert_ne!(digest(&big), digest(&big.replace("第1999个", "第1998个")));
    }
}
