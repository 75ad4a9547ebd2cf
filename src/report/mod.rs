//! Rendering: the only place that turns findings into text for people or
//! programs. Nothing here knows a rule by name.

pub mod human;
pub mod json;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::span::{LineCol, LineIndex};

/// A finding with its place in lines and columns.
#[derive(Clone, Debug)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: LineCol,
    pub end: LineCol,
}

/// One checked file, ready to render.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path as shown: relative to the working directory when it is
    /// inside it, `/`-separated.
    pub path: String,
    /// The file's text, kept only for formats that quote it.
    pub text: Option<String>,
    pub diagnostics: Vec<Located>,
}

impl FileReport {
    /// Locate the findings of a file in its text.
    pub fn new(path: String, text: &str, diagnostics: Vec<Diagnostic>, keep_text: bool) -> Self {
        let index = LineIndex::new(text);
        let mut diagnostics: Vec<Located> = diagnostics
            .into_iter()
            .map(|d| Located {
                start: index.line_col(text, d.primary.span.start),
                end: index.line_col(text, d.primary.span.end),
                diagnostic: d,
            })
            .collect();
        diagnostics.sort_by(|a, b| {
            (a.start, &a.diagnostic.code, a.end, &a.diagnostic.message.en).cmp(&(
                b.start,
                &b.diagnostic.code,
                b.end,
                &b.diagnostic.message.en,
            ))
        });
        Self {
            path,
            text: keep_text.then(|| text.to_owned()),
            diagnostics,
        }
    }
}

/// Counts over a whole run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Fixes applied by `--fix`.
    pub fixed: usize,
}

impl Summary {
    pub fn add(&mut self, file: &FileReport) {
        self.files += 1;
        for d in &file.diagnostics {
            match d.diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// What every output format knows about the run.
#[derive(Clone, Debug)]
pub struct RunInfo {
    pub lang: Lang,
    /// The as-of date of the run, when one date holds for every file.
    pub as_of: Option<String>,
    /// The profile, when one holds for every file.
    pub profile: Option<String>,
}

/// An output format: told about each file in order, then about the end.
pub trait Reporter {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, run: &RunInfo) -> io::Result<()>;
}
