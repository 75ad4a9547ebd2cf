//! The human format: miette's graphical report for each finding (labels
//! aligned under Chinese text, which miette measures in terminal cells), in
//! colour on a terminal and plain otherwise, then a one-line summary.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use super::{FileReport, Reporter, RunInfo, Summary, plural};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::span::LineIndex;

/// Renders findings for people.
pub struct Human {
    handler: GraphicalReportHandler,
    lang: Lang,
}

impl Human {
    /// `color`: whether to use colour (a terminal without `NO_COLOR`);
    /// `width`: where to wrap long messages.
    pub fn new(lang: Lang, color: bool, width: usize) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Self {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_links(false)
                .without_syntax_highlighting(),
            lang,
        }
    }

    /// Render one finding.
    pub fn render(
        &self,
        path: &str,
        text: &str,
        lines: &LineIndex,
        diagnostic: &Diagnostic,
    ) -> String {
        let shown = Shown {
            diagnostic,
            lang: self.lang,
            source: Named {
                name: path,
                text,
                lines,
            },
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &shown).is_err() {
            out = format!(
                "{}: {}\n",
                diagnostic.code,
                diagnostic.message.get(self.lang)
            );
        }
        out
    }
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        let text = file.text.as_deref().unwrap_or("");
        if file.diagnostics.is_empty() {
            return Ok(());
        }
        let lines = LineIndex::new(text);
        for located in &file.diagnostics {
            write!(
                out,
                "{}",
                self.render(&file.path, text, &lines, &located.diagnostic)
            )?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary, run: &RunInfo) -> io::Result<()> {
        if let Some(rows) = &run.statistics {
            write!(out, "{}", super::statistics_table(rows, self.lang))?;
        }
        if s.fixed > 0 {
            let fixed = match self.lang {
                Lang::Zh => format!("已自动修复 {} 处问题。", s.fixed),
                Lang::En => format!(
                    "Fixed {} {}.",
                    s.fixed,
                    plural(s.fixed, "problem", "problems")
                ),
            };
            writeln!(out, "{fixed}")?;
        }
        write!(out, "{}", super::notes(s, run, true))?;
        writeln!(out, "{}", super::summary_line(s, self.lang))
    }
}

/// A file's text with its name and where its lines start, for miette.
///
/// It reads a label's lines itself rather than through miette's reader,
/// which goes over the text from its start for every label (40 s for the
/// benches' huge plan and its 1,735 findings), says a label's context
/// covers as many lines as come before its end (so that two labels far
/// apart in a long plan were drawn with every line between them), and takes
/// a lone `\r` for a line break (where the JSON output does not).
struct Named<'a> {
    name: &'a str,
    text: &'a str,
    lines: &'a LineIndex,
}

impl SourceCode for Named<'_> {
    /// The lines of `span` with `before` lines above and `after` below, as
    /// miette reads them; with none above, from the span's start, and with
    /// none below, to its end.
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.text;
        let start = span.offset().min(text.len());
        let end = span
            .offset()
            .saturating_add(span.len())
            .clamp(start, text.len());
        let line_start = |line: usize| self.lines.line_start(line + 1).unwrap_or(text.len());
        let start_line = self.lines.line_of(start);
        let first = start_line.saturating_sub(before);
        // The line the span ends on, as miette counts it: one that ends with
        // a line break (or is empty at the very start) ends on the next line.
        let last_line = if end > start || start == 0 {
            let last = end.saturating_sub(1);
            let breaks = match text.as_bytes().get(last) {
                Some(b'\n') => true,
                Some(b'\r') => text.as_bytes().get(last + 1) == Some(&b'\n'),
                _ => false,
            };
            self.lines.line_of(last) + usize::from(breaks)
        } else {
            self.lines.line_of(start)
        };
        let last = (last_line + after).min(self.lines.lines() - 1);
        let from = if before == 0 {
            start
        } else {
            line_start(first)
        };
        let to = if after == 0 {
            end
        } else {
            line_start(last + 1)
        };
        // Users count columns in characters, as the JSON output does; miette
        // counts them in bytes.
        let column = match before {
            0 => text
                .get(line_start(start_line)..from)
                .map_or(0, |s| s.chars().count()),
            _ => 0,
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            &text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            first,
            column,
            last - first + 1,
        )))
    }
}

/// A finding in one language, as miette wants it.
struct Shown<'a> {
    diagnostic: &'a Diagnostic,
    lang: Lang,
    source: Named<'a>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shown")
            .field("code", &self.diagnostic.code)
            .finish()
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.diagnostic.message.get(self.lang))
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let d = self.diagnostic;
        Some(Box::new(format!(
            "{}[{}]",
            d.severity.word(self.lang),
            d.code
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let help = self.diagnostic.help.as_ref()?;
        Some(Box::new(help.get(self.lang)))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(
            d.primary.text.as_ref().map(|t| t.get(self.lang).to_owned()),
            d.primary.span,
        );
        let others = d.secondary.iter().map(|l| {
            LabeledSpan::new_with_span(l.text.as_ref().map(|t| t.get(self.lang).to_owned()), l.span)
        });
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts with CRLF and LF breaks, blank lines, wide characters, and with
    /// and without a final line break.
    const TEXTS: [&str; 4] = [
        "甲乙\r\n  丙：丁\n\n戊 {\n  己\r\n}\n末",
        "方案 甲 {\n  问题 A1 乙 {\n  }\n}\n",
        "\n\n一\n",
        "",
    ];

    /// Where a span may start or end: at a character, but not between the
    /// two bytes of a CRLF, where no finding points.
    fn boundaries(text: &str) -> Vec<usize> {
        (0..=text.len())
            .filter(|&i| text.is_char_boundary(i) && !text[..i].ends_with('\r'))
            .collect()
    }

    #[test]
    fn a_span_reads_as_miette_reads_it_but_for_columns_in_characters() {
        for text in TEXTS {
            let lines = LineIndex::new(text);
            let named = Named {
                name: "plan.rect",
                text,
                lines: &lines,
            };
            for &start in &boundaries(text) {
                for &end in boundaries(text).iter().filter(|&&e| e >= start) {
                    for context in [0, 1, 2] {
                        let span = SourceSpan::new(start.into(), end - start);
                        let ours = named.read_span(&span, context, context).unwrap();
                        let theirs = text.read_span(&span, context, context).unwrap();
                        let at = format!("{text:?} {start}..{end} with {context}");
                        // With no context miette reads only where the span
                        // starts, for the header; what it reads is not shown.
                        if context > 0 {
                            assert_eq!(ours.data(), theirs.data(), "{at}");
                            assert_eq!(ours.span(), theirs.span(), "{at}");
                        }
                        assert_eq!(ours.line(), theirs.line(), "{at}");
                        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                        let column = match context {
                            0 => text[line_start..start].chars().count(),
                            _ => 0,
                        };
                        assert_eq!(ours.column(), column, "{at}");
                        assert_eq!(ours.name(), Some("plan.rect"));
                    }
                }
            }
        }
    }

    #[test]
    fn a_context_covers_its_own_lines_and_a_lone_cr_breaks_none() {
        use std::fmt::Write as _;
        let mut text = String::new();
        for i in 1..=100 {
            writeln!(text, "第{i}行").unwrap();
        }
        text.push_str("甲\r乙\n丙");
        let lines = LineIndex::new(&text);
        let named = Named {
            name: "plan.rect",
            text: &text,
            lines: &lines,
        };
        let at = text.find("第80行").unwrap();
        let read = named
            .read_span(&SourceSpan::new(at.into(), 3), 1, 1)
            .unwrap();
        assert_eq!((read.line(), read.line_count()), (78, 3));
        assert_eq!(read.data(), "第79行\n第80行\n第81行\n".as_bytes());
        // As in the JSON output, and as miette draws the line: `\r` alone
        // ends no line.
        let at = text.find('丙').unwrap();
        let read = named
            .read_span(&SourceSpan::new(at.into(), 3), 0, 0)
            .unwrap();
        assert_eq!((read.line(), read.column()), (101, 0));
        assert_eq!(lines.line_col(&text, at).line, 102);
    }
}
