//! `JUnit` XML, for CI systems that show test reports (GitLab, Jenkins, Azure
//! Pipelines…): one `<testsuite>` named `rectlint`, one `<testcase>` per
//! checked file (passing files too), named by its path.
//!
//! A file whose findings fail the run (errors; warnings too with `--deny
//! warnings` or past `--max-warnings`) gets **one** `<failure>` listing all
//! its findings, one per line (`path:line:column: severity[CODE] message`,
//! its help indented below), with their count as the `message`. One failure
//! per file rather than one per finding because `JUnit` consumers show only
//! the first `<failure>` of a test case (GitLab, Jenkins), and the common
//! `JUnit` schema allows only one. A file with findings that do not fail the
//! run lists them in `<system-out>` instead. No timings: the same run gives
//! the same bytes.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{FileReport, Reporter, RunInfo, Summary, plural};
use crate::diagnostic::{Lang, Severity};

/// Renders the run as a `JUnit` report.
pub struct Junit {
    lang: Lang,
    files: Vec<File>,
}

struct File {
    path: String,
    findings: Vec<Finding>,
}

struct Finding {
    severity: Severity,
    /// `path:line:column: severity[CODE] message`, help below.
    text: String,
}

impl Junit {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            files: Vec::new(),
        }
    }
}

/// Escape text for XML content or a double-quoted attribute. Control
/// characters, which XML 1.0 cannot hold (C0) or a reader's terminal may
/// obey (DEL, C1, the bidirectional overrides), are written out as
/// `\u{1b}`, as the human format shows them; U+FFFE and U+FFFF, which XML
/// cannot hold either, become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if super::terminal::is_control(c) => super::terminal::push_escaped(&mut out, c),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Like [`escape`], keeping line breaks and tabs as they are (for element
/// content, where they are safe and easier to read).
fn escape_content(text: &str) -> String {
    escape(text)
        .replace("&#10;", "\n")
        .replace("&#13;", "\r")
        .replace("&#9;", "\t")
}

impl Reporter for Junit {
    fn file(&mut self, _out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let findings = file
            .diagnostics
            .iter()
            .map(|located| {
                let d = &located.diagnostic;
                let mut text = format!(
                    "{}:{}:{}: {}[{}] {}",
                    file.path,
                    located.start.line,
                    located.start.column,
                    d.severity.word(self.lang),
                    d.code,
                    d.message.get(self.lang)
                );
                if let Some(help) = &d.help {
                    let _ = write!(
                        text,
                        "\n    {}{}",
                        self.lang.pick("建议：", "help: "),
                        help.get(self.lang)
                    );
                }
                Finding {
                    severity: d.severity,
                    text,
                }
            })
            .collect();
        self.files.push(File {
            path: file.path.clone(),
            findings,
        });
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _s: &Summary, run: &RunInfo) -> io::Result<()> {
        let failing = |f: &File| f.findings.iter().any(|x| run.fails(x.severity));
        let tests = self.files.len();
        let failures = self.files.iter().filter(|f| failing(f)).count();
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="rectlint" tests="{tests}" failures="{failures}" errors="0">"#
        )?;
        writeln!(
            out,
            r#"  <testsuite name="rectlint" tests="{tests}" failures="{failures}" errors="0" skipped="0">"#
        )?;
        for file in &self.files {
            let path = escape(&file.path);
            let open = format!(r#"    <testcase name="{path}" classname="rectlint" file="{path}""#);
            if file.findings.is_empty() {
                writeln!(out, "{open}/>")?;
                continue;
            }
            writeln!(out, "{open}>")?;
            let body: Vec<&str> = file.findings.iter().map(|f| f.text.as_str()).collect();
            let body = escape_content(&body.join("\n"));
            if failing(file) {
                let message = escape(&self.counts(&file.findings));
                writeln!(
                    out,
                    r#"      <failure message="{message}" type="rectlint">{body}</failure>"#
                )?;
            } else {
                writeln!(out, "      <system-out>{body}</system-out>")?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
        writeln!(out, "</testsuites>")
    }
}

impl Junit {
    /// "2 个错误，1 个警告" / "2 errors, 1 warning".
    fn counts(&self, findings: &[Finding]) -> String {
        let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
        let parts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .map(|s| (s, count(s)))
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| match (self.lang, s) {
                (Lang::Zh, s) => format!("{n} 个{}", s.word(Lang::Zh)),
                (Lang::En, Severity::Error) => format!("{n} {}", plural(n, "error", "errors")),
                (Lang::En, Severity::Warning) => {
                    format!("{n} {}", plural(n, "warning", "warnings"))
                }
                (Lang::En, Severity::Info) => format!("{n} {}", plural(n, "info", "infos")),
            })
            .collect();
        parts.join(self.lang.pick("，", ", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_xml_cannot_hold() {
        assert_eq!(
            escape("a<b>&\"c'\n\u{1}\u{1b}\u{9b}\u{ffff}"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;\\u{1}\\u{1b}\\u{9b}\u{fffd}"
        );
        assert_eq!(escape_content("a\n<b>"), "a\n&lt;b&gt;");
    }
}
