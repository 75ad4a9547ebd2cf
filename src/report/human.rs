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
    pub fn render(&self, path: &str, text: &str, diagnostic: &Diagnostic) -> String {
        let shown = Shown {
            diagnostic,
            lang: self.lang,
            source: Named { name: path, text },
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
        for located in &file.diagnostics {
            write!(
                out,
                "{}",
                self.render(&file.path, text, &located.diagnostic)
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

/// A file's text with its name, for miette.
struct Named<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for Named<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        // miette counts the column in bytes; users count characters (and so
        // does the JSON output).
        let start = inner.span().offset().min(self.text.len());
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..start)
            .map_or(inner.column(), |s| s.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
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
