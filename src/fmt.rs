//! `rectlint fmt`: one canonical layout for a plan, without losing a word.
//!
//! The formatter works on the file's lines, not on the model, so that every
//! comment and every value stays exactly as written. It changes only layout:
//! two spaces of indentation per block, one item per line, `KEY：VALUE` with
//! the colon the file mostly uses, headers as `KEYWORD ID TITLE {`, ASCII
//! braces each closing brace on its own line, at most one blank line in a
//! row (none just inside a brace), no trailing white space, a final newline,
//! and keywords in the language (Chinese or English) the file mostly uses.
//! It never reorders anything and never rewrites a value.

use std::io::{Read, Write};
use std::path::Path;

use crate::cli::FmtArgs;
use crate::diagnostic::{Diagnostic, Lang, Text};
use crate::lint::{self, RunError};
use crate::parse::keywords::Keyword;
use crate::parse::lines::{Entry, Line, LineKind};
use crate::parse::parse;
use crate::report::terminal;
use crate::span::LineIndex;
use crate::write::{self, WriteError};
use crate::{source, tr};

/// Why a file cannot be formatted.
#[derive(Debug, Clone)]
pub struct Unformattable {
    /// The syntax errors (P001) to fix first.
    pub errors: Vec<Diagnostic>,
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

/// Format a plan's text. Files with syntax errors are not formatted.
pub fn format(text: &str) -> Result<String, Unformattable> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = parse(text);
    if parsed.has_syntax_errors() {
        let errors = parsed
            .diagnostics
            .into_iter()
            .filter(|d| d.code == "P001")
            .collect();
        return Err(Unformattable { errors });
    }
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
    Ok(out.finish())
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

    /// `KEYWORD ID TITLE {`: no colon, single spaces, an ASCII brace.
    fn header(&self, text: &str, entry: &Entry, context: Context) -> String {
        if context != Context::Normal {
            let end = entry.value.map_or(entry.key.end(), |v| v.span.end());
            return format!("{} {{", &text[entry.key.start()..end]);
        }
        let mut out = self.key(text, entry).to_owned();
        if let Some(v) = entry.value {
            out.push(' ');
            out.push_str(&single_space_after_id(&text[v.span.range()]));
        }
        out.push_str(" {");
        out
    }

    /// `KEY：VALUE` with the file's colon; lines of `部门` and unknown blocks
    /// as written.
    fn field(&self, text: &str, entry: &Entry, context: Context) -> String {
        let value = entry
            .value
            .map(|v| text[v.span.range()].replace("\r\n", "\n"));
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
        match (value, self.colon) {
            (Some(v), ColonStyle::FullWidth) => {
                out.push('：');
                out.push_str(&v);
            }
            (Some(v), ColonStyle::Ascii) => {
                out.push_str(": ");
                out.push_str(&v);
            }
            (Some(v), ColonStyle::Space) => {
                out.push(' ');
                out.push_str(&v);
            }
            (None, _) if entry.colon.is_some() => out.push(if self.colon == ColonStyle::Ascii {
                ':'
            } else {
                '：'
            }),
            (None, _) => {}
        }
        out
    }
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

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed,
    Failed,
}

/// `rectlint fmt`.
pub fn run(args: &FmtArgs, lang: Lang, out: &mut dyn Write) -> Result<u8, RunError> {
    let cwd = std::env::current_dir()?;
    let inputs = lint::collect(&args.paths, None, &cwd)?;
    let only_check = args.check || args.diff;
    let (mut changed, mut unchanged, mut failed) = (0usize, 0usize, 0usize);
    for input in &inputs {
        let outcome = match &input.path {
            None => stdin(args, lang, out)?,
            // File names and diffs are shown with control characters
            // escaped (`report::terminal`).
            Some(path) => file(path, &terminal::line(&input.display), args, lang, out),
        };
        match outcome {
            Outcome::Unchanged => unchanged += 1,
            Outcome::Changed => changed += 1,
            Outcome::Failed => failed += 1,
        }
    }
    if inputs.iter().all(|i| i.path.is_some()) {
        let summary = match (lang, only_check) {
            (Lang::Zh, true) => format!("{changed} 个文件需要格式化，{unchanged} 个文件无需改动。"),
            (Lang::Zh, false) => format!("已格式化 {changed} 个文件，{unchanged} 个文件无需改动。"),
            (Lang::En, true) => {
                format!("{changed} file(s) would be reformatted, {unchanged} left unchanged.")
            }
            (Lang::En, false) => {
                format!("Reformatted {changed} file(s), {unchanged} left unchanged.")
            }
        };
        if failed > 0 {
            let failed_line = match lang {
                Lang::Zh => format!("{failed} 个文件无法格式化。"),
                Lang::En => format!("{failed} file(s) could not be formatted."),
            };
            writeln!(out, "{summary}\n{failed_line}")?;
        } else {
            writeln!(out, "{summary}")?;
        }
    }
    let failing = failed > 0 || (only_check && changed > 0);
    Ok(if failing {
        crate::EXIT_FINDINGS
    } else {
        crate::EXIT_OK
    })
}

/// Format standard input to standard output.
fn stdin(args: &FmtArgs, lang: Lang, out: &mut dyn Write) -> Result<Outcome, RunError> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    let (text, _) = source::read_text(&bytes);
    let Some(text) = text else {
        complain(
            lang,
            "<stdin>",
            &tr!("不是可读取的文本", "not readable text"),
        );
        return Ok(Outcome::Failed);
    };
    match format(&text) {
        Err(e) => {
            complain(lang, "<stdin>", &syntax_message(&text, &e));
            Ok(Outcome::Failed)
        }
        Ok(formatted) => {
            let changed = formatted.as_bytes() != bytes.as_slice();
            if args.diff {
                write!(
                    out,
                    "{}",
                    terminal::text(&diff(&text, &formatted, "<stdin>"))
                )?;
            } else if !args.check {
                out.write_all(formatted.as_bytes())?;
            }
            Ok(if changed {
                Outcome::Changed
            } else {
                Outcome::Unchanged
            })
        }
    }
}

/// Format one file in place (or check it).
fn file(path: &Path, shown: &str, args: &FmtArgs, lang: Lang, out: &mut dyn Write) -> Outcome {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let e = e.to_string();
            complain(lang, shown, &tr!("无法读取：{e}", "cannot read it: {e}"));
            return Outcome::Failed;
        }
    };
    let (text, _) = source::read_text(&bytes);
    let Some(text) = text else {
        complain(
            lang,
            shown,
            &tr!(
                "不是可读取的文本，未格式化",
                "not readable text; not formatted"
            ),
        );
        return Outcome::Failed;
    };
    let formatted = match format(&text) {
        Ok(f) => f,
        Err(e) => {
            complain(lang, shown, &syntax_message(&text, &e));
            return Outcome::Failed;
        }
    };
    if formatted.as_bytes() == bytes.as_slice() {
        return Outcome::Unchanged;
    }
    if args.diff {
        let _ = write!(out, "{}", terminal::text(&diff(&text, &formatted, shown)));
    } else if args.check {
        let line = match lang {
            Lang::Zh => format!("需要格式化：{shown}"),
            Lang::En => format!("would reformat: {shown}"),
        };
        let _ = writeln!(out, "{line}");
    } else if let Err(e) = write::replace(path, &bytes, formatted.as_bytes()) {
        let why = match e {
            WriteError::Changed => tr!(
                "文件在读取后被修改，未写入",
                "the file changed on disk since it was read; not written"
            ),
            WriteError::Symlink => {
                tr!("是符号链接，未改写", "it is a symbolic link; not rewritten")
            }
            WriteError::Io(e) => {
                let e = e.to_string();
                tr!(
                    "写入失败，原文件未改动：{e}",
                    "could not write it, the file is unchanged: {e}"
                )
            }
        };
        complain(lang, shown, &why);
        return Outcome::Failed;
    }
    Outcome::Changed
}

fn complain(lang: Lang, shown: &str, why: &Text) {
    eprintln!("rectlint fmt: {shown}: {}", why.get(lang));
}

fn syntax_message(text: &str, e: &Unformattable) -> Text {
    let Some(first) = e.errors.first() else {
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

/// A unified diff from the file's text to its formatted text.
fn diff(old: &str, new: &str, shown: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(shown, shown)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::format;

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
        let errors = format("方案 甲 {\n  问题 {\n").unwrap_err().errors;
        assert_eq!(errors[0].code, "P001");
    }
}
