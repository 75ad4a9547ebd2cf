//! The JSON format of CLI.md: one document with the run's summary and every
//! finding, sorted by path, line, column and code. Two sections are added
//! after `diagnostics` only when asked for, so the document of CLI.md is
//! unchanged otherwise: `statistics` (with `--statistics`: `code` and
//! `count`, most frequent first) and `baseline` (with `--baseline` or
//! `--write-baseline`: the file, how many findings it hid, the records that
//! no longer occur, and with `--write-baseline` how many were recorded).

use std::io::{self, Write};

use serde::Serialize;

use super::{FileReport, Reporter, RunInfo, Summary};
use crate::diagnostic::Lang;

/// Renders the run as one JSON document.
pub struct Json {
    lang: Lang,
    entries: Vec<Entry>,
}

impl Json {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            entries: Vec::new(),
        }
    }
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    tool: Tool,
    as_of: Option<&'a str>,
    profile: Option<&'a str>,
    summary: Counts,
    diagnostics: &'a [Entry],
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<Count<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineSection<'a>>,
}

#[derive(Serialize)]
struct Count<'a> {
    code: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct BaselineSection<'a> {
    file: &'a str,
    hidden: usize,
    pruneable: &'a [crate::baseline::Key],
    #[serde(skip_serializing_if = "Option::is_none")]
    written: Option<usize>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Counts {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct Entry {
    code: String,
    severity: &'static str,
    message: String,
    help: Option<String>,
    path: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    node: Option<String>,
    fixable: bool,
}

impl Reporter for Json {
    fn file(&mut self, _out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for located in &file.diagnostics {
            let d = &located.diagnostic;
            self.entries.push(Entry {
                code: d.code.clone(),
                severity: d.severity.as_str(),
                message: d.message.get(self.lang).to_owned(),
                help: d.help.as_ref().map(|h| h.get(self.lang).to_owned()),
                path: file.path.clone(),
                line: located.start.line,
                column: located.start.column,
                end_line: located.end.line,
                end_column: located.end.column,
                node: d.node.clone(),
                fixable: d.fix.is_some(),
            });
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary, run: &RunInfo) -> io::Result<()> {
        let document = Document {
            version: 1,
            tool: Tool {
                name: "rectlint",
                version: env!("CARGO_PKG_VERSION"),
            },
            as_of: run.as_of.as_deref(),
            profile: run.profile.as_deref(),
            summary: Counts {
                files: s.files,
                errors: s.errors,
                warnings: s.warnings,
                infos: s.infos,
            },
            diagnostics: &self.entries,
            statistics: run.statistics.as_ref().map(|rows| {
                rows.iter()
                    .map(|(code, count)| Count {
                        code,
                        count: *count,
                    })
                    .collect()
            }),
            baseline: run.baseline.as_ref().map(|b| BaselineSection {
                file: &b.file,
                hidden: b.hidden,
                pruneable: &b.pruneable,
                written: b.written,
            }),
        };
        serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::other)?;
        writeln!(out)
    }
}
