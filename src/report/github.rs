//! GitHub Actions workflow commands: one annotation per finding, which the
//! runner shows on the pull request's changed lines and in the job summary:
//!
//! ```text
//! ::error file=plans/a.rect,line=37,col=9,endLine=37,endColumn=23,title=T007::措施 A1.2 已逾期…
//! ```
//!
//! Errors are `error`, warnings `warning`, infos `notice`. The message is
//! followed by the finding's help on a second line. Columns are given only
//! when the finding starts and ends on one line, as GitHub wants;
//! `endColumn` is one past the end, as in every other format. Data is
//! escaped as the runner requires (`%`, CR, LF), property values also `:`
//! and `,`; other control characters of a plan or a file name are shown
//! escaped (`\u{1b}`, see [`super::terminal`]), since the log is read on
//! terminals too. Baseline records that no longer occur are `notice`s without a
//! file; `--statistics`, the notes and the summary follow as plain log text.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{FileReport, Reporter, RunInfo, Summary};
use crate::diagnostic::{Lang, Severity};

/// Renders findings as workflow commands.
pub struct Github {
    lang: Lang,
}

impl Github {
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }
}

/// Escape the message of a workflow command.
pub fn escape_data(text: &str) -> String {
    super::terminal::text(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value of a workflow command.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

impl Reporter for Github {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let path = escape_property(&file.path);
        for located in &file.diagnostics {
            let d = &located.diagnostic;
            let (start, end) = (located.start, located.end);
            let mut place = format!("file={path},line={},", start.line);
            if start.line == end.line {
                let _ = write!(
                    place,
                    "col={},endLine={},endColumn={},",
                    start.column, end.line, end.column
                );
            } else {
                let _ = write!(place, "endLine={},", end.line);
            }
            let mut message = d.message.get(self.lang).to_owned();
            if let Some(help) = &d.help {
                message.push('\n');
                message.push_str(self.lang.pick("建议：", "help: "));
                message.push_str(help.get(self.lang));
            }
            writeln!(
                out,
                "::{} {place}title={}::{}",
                command(d.severity),
                escape_property(d.code.as_str()),
                escape_data(&message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary, run: &RunInfo) -> io::Result<()> {
        if let Some(b) = &run.baseline {
            for key in &b.pruneable {
                let (path, code) = (&key.path, &key.code);
                let node = key.node.as_deref().unwrap_or("-");
                let text = match self.lang {
                    Lang::Zh => format!(
                        "基线 {} 中的记录已不再出现，可用 --write-baseline 删去：{path} {code} {node}",
                        b.file
                    ),
                    Lang::En => format!(
                        "a record of the baseline {} no longer occurs; --write-baseline drops it: {path} {code} {node}",
                        b.file
                    ),
                };
                writeln!(out, "::notice title=rectlint::{}", escape_data(&text))?;
            }
        }
        if let Some(rows) = &run.statistics {
            write!(out, "{}", super::statistics_table(rows, self.lang))?;
        }
        for line in super::notes(s, run, false).lines() {
            writeln!(out, "{line}")?;
        }
        writeln!(out, "{}", super::summary_line(s, self.lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;

    #[test]
    fn columns_only_on_one_line() {
        use crate::diagnostic::Diagnostic;
        use crate::report::FileReport;
        use crate::span::Span;
        use crate::tr;

        let text = "第一行\n第二行\n";
        let mut one = Diagnostic::new(Code::new("T007"), Span::new(3, 9), tr!("甲", "a"));
        one.severity = Severity::Warning;
        let mut two = Diagnostic::new(Code::P001, Span::new(3, 14), tr!("乙", "b"));
        two.severity = Severity::Info;
        let file = FileReport::new("a.rect".into(), text, vec![one, two], false);
        let mut out = Vec::new();
        Github::new(Lang::Zh).file(&mut out, &file).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::notice file=a.rect,line=1,endLine=2,title=P001::乙\n\
             ::warning file=a.rect,line=1,col=2,endLine=1,endColumn=4,title=T007::甲\n"
        );
    }

    #[test]
    fn escapes_as_the_runner_wants() {
        assert_eq!(escape_data("100%\r\nnext: a,b"), "100%25%0D%0Anext: a,b");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        // Other control characters as people are shown them.
        assert_eq!(
            escape_data("a\u{1b}]0;x\u{7}\rb"),
            "a\\u{1b}]0;x\\u{7}\\u{d}b"
        );
        assert_eq!(escape_property("p\u{9b}.rect"), "p\\u{9b}.rect");
    }
}
