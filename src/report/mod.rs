//! Rendering: the only place that turns findings into text for people or
//! programs. Nothing here knows a rule by name.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod terminal;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::baseline;
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::hash;
use crate::span::{LineCol, Span, line_cols_sorted};

/// A finding with its place in lines and columns.
#[derive(Clone, Debug)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: LineCol,
    pub end: LineCol,
    /// Where each secondary label of the diagnostic starts and ends.
    pub secondary: Vec<(LineCol, LineCol)>,
    /// A stable hash (16 hexadecimal digits) of the text at the primary
    /// span, runs of white space made one space. With the path, the code
    /// and the node it identifies the finding across edits that do not
    /// touch it: the line number plays no part.
    pub content: String,
    /// How many findings of the file before this one share its path, code,
    /// node and content (0 for the first), so that identical findings keep
    /// distinct fingerprints.
    pub occurrence: usize,
}

impl Located {
    /// The baseline key of this finding in the file at `path`.
    pub fn key(&self, path: &str) -> baseline::Key {
        baseline::Key {
            path: path.to_owned(),
            code: self.diagnostic.code,
            node: self.diagnostic.node.clone(),
            content: self.content.clone(),
        }
    }

    /// A fingerprint of the finding that survives unrelated edits: 32
    /// hexadecimal digits from its path, code, node, content and occurrence.
    pub fn fingerprint(&self, path: &str) -> String {
        let occurrence = self.occurrence.to_string();
        hash::fingerprint([
            path,
            self.diagnostic.code.as_str(),
            self.diagnostic.node.as_deref().unwrap_or(""),
            &self.content,
            &occurrence,
        ])
    }
}

/// The hash of what is written at `span`, white space normalised: its words
/// joined by one space, hashed as they come.
fn content_hash(text: &str, span: Span) -> String {
    let written = text.get(span.range()).unwrap_or("");
    let mut hash = hash::Fnv64::new();
    for (i, word) in written.split_whitespace().enumerate() {
        if i > 0 {
            hash.write(b" ");
        }
        hash.write(word.as_bytes());
    }
    format!("{:016x}", hash.finish())
}

/// One checked file, ready to render.
#[derive(Clone, Debug)]
pub struct FileReport {
    /// The path as shown: relative to the working directory when it is
    /// inside it, `/`-separated.
    pub path: String,
    /// The bytes of the shown path as the file system has them, when they
    /// are not `path` (a name that is not UTF-8, shown with `\xFE`): SARIF
    /// points at the file with them.
    pub raw_path: Option<Vec<u8>>,
    /// The file's text, kept only for formats that quote it.
    pub text: Option<String>,
    pub diagnostics: Vec<Located>,
    /// The findings already rendered for the JSON format, by the worker that
    /// checked the file ([`json::render`]): only for a file with many of
    /// them, in the JSON format, when no baseline may take some out.
    pub json: Option<Rendered>,
}

/// Findings rendered ahead for the JSON format, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub lang: Lang,
    pub entries: Vec<u8>,
}

impl FileReport {
    /// Locate the findings of a file in its text.
    pub fn new(path: String, text: &str, diagnostics: Vec<Diagnostic>, keep_text: bool) -> Self {
        // Every offset to locate, in order, located in one pass.
        let mut offsets: Vec<usize> = diagnostics
            .iter()
            .flat_map(|d| {
                std::iter::once(d.primary.span)
                    .chain(d.secondary.iter().map(|l| l.span))
                    .flat_map(|s| [s.start(), s.end()])
            })
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let places = line_cols_sorted(text, &offsets);
        let at = |offset: usize| places[offsets.partition_point(|&o| o < offset)];
        let mut diagnostics: Vec<Located> = diagnostics
            .into_iter()
            .map(|d| Located {
                start: at(d.primary.span.start()),
                end: at(d.primary.span.end()),
                secondary: d
                    .secondary
                    .iter()
                    .map(|l| (at(l.span.start()), at(l.span.end())))
                    .collect(),
                content: content_hash(text, d.primary.span),
                occurrence: 0,
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
        let mut seen: rustc_hash::FxHashMap<(Code, Option<&str>, &str), usize> =
            rustc_hash::FxHashMap::default();
        let occurrences: Vec<usize> = diagnostics
            .iter()
            .map(|located| {
                let d = &located.diagnostic;
                let count = seen
                    .entry((d.code, d.node.as_deref(), &located.content))
                    .or_default();
                *count += 1;
                *count - 1
            })
            .collect();
        for (located, occurrence) in diagnostics.iter_mut().zip(occurrences) {
            located.occurrence = occurrence;
        }
        Self {
            path,
            raw_path: None,
            text: keep_text.then(|| text.to_owned()),
            diagnostics,
            json: None,
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

/// Findings per rule code, for `--statistics`.
#[derive(Clone, Debug, Default)]
pub struct Statistics {
    counts: BTreeMap<Code, usize>,
}

impl Statistics {
    pub fn add(&mut self, file: &FileReport) {
        for d in &file.diagnostics {
            *self.counts.entry(d.diagnostic.code).or_default() += 1;
        }
    }

    /// `(code, count)`, most frequent first, ties by code.
    pub fn rows(&self) -> Vec<(Code, usize)> {
        let mut rows: Vec<(Code, usize)> = self.counts.iter().map(|(&c, &n)| (c, n)).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        rows
    }
}

/// `--statistics` as a table for people: count, code, the rule's summary.
pub fn statistics_table(rows: &[(Code, usize)], lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut out = String::from(lang.pick("各规则的问题数：\n", "Findings per rule:\n"));
    let width = rows
        .iter()
        .map(|r| r.1.to_string().len())
        .max()
        .unwrap_or(1);
    for (code, count) in rows {
        let summary = crate::check::rule(*code).map_or("", |r| r.meta().summary(lang));
        let _ = writeln!(out, "  {count:>width$}  {code}  {summary}");
    }
    out
}

/// What a baseline did to the run.
#[derive(Clone, Debug, Default)]
pub struct BaselineReport {
    /// The baseline file, as given.
    pub file: String,
    /// Findings recorded in it, and so not shown.
    pub hidden: usize,
    /// Records of findings that no longer occur: `--write-baseline` drops
    /// them.
    pub pruneable: Vec<baseline::Key>,
    /// With `--write-baseline`: how many findings were recorded.
    pub written: Option<usize>,
}

/// Why warnings fail the run, if they do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WarningsFail {
    /// `--deny warnings`, and there are some.
    Denied,
    /// More warnings than `--max-warnings` allows.
    TooMany { max: usize },
}

/// What every output format knows about the run.
#[derive(Clone, Debug)]
pub struct RunInfo {
    pub lang: Lang,
    /// The as-of date of the run, when one date holds for every file.
    pub as_of: Option<String>,
    /// The profile, when one holds for every file.
    pub profile: Option<String>,
    /// With `--statistics`: findings per rule, most frequent first.
    pub statistics: Option<Vec<(Code, usize)>>,
    /// With `--baseline` or `--write-baseline`.
    pub baseline: Option<BaselineReport>,
    /// Whether warnings fail this run, and why.
    pub warnings_fail: Option<WarningsFail>,
}

impl RunInfo {
    /// Whether a finding of this severity fails the run.
    pub fn fails(&self, severity: Severity) -> bool {
        severity == Severity::Error
            || (severity == Severity::Warning && self.warnings_fail.is_some())
    }
}

/// An output format: told about each file in order, then about the end.
pub trait Reporter {
    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary, run: &RunInfo) -> io::Result<()>;
}

/// The one-line summary of a run, for people.
pub fn summary_line(s: &Summary, lang: Lang) -> String {
    if s.errors + s.warnings + s.infos == 0 {
        match lang {
            Lang::Zh => format!("检查了 {} 个文件，未发现问题。", s.files),
            Lang::En => format!(
                "Checked {} {}: no problems found.",
                s.files,
                plural(s.files, "file", "files")
            ),
        }
    } else {
        match lang {
            Lang::Zh => format!(
                "检查了 {} 个文件：{} 个错误，{} 个警告，{} 个提示。",
                s.files, s.errors, s.warnings, s.infos
            ),
            Lang::En => format!(
                "Checked {} {}: {} {}, {} {}, {} {}.",
                s.files,
                plural(s.files, "file", "files"),
                s.errors,
                plural(s.errors, "error", "errors"),
                s.warnings,
                plural(s.warnings, "warning", "warnings"),
                s.infos,
                plural(s.infos, "info", "infos"),
            ),
        }
    }
}

/// Notes for people about the baseline and about failing warnings, one per
/// line, each ending in a newline; `pruneable`: whether to list the baseline
/// records that no longer occur.
pub fn notes(s: &Summary, run: &RunInfo, pruneable: bool) -> String {
    use std::fmt::Write as _;
    let lang = run.lang;
    let mut out = String::new();
    if let Some(b) = &run.baseline {
        // The baseline's name and records are shown escaped: a baseline
        // comes with the repository.
        let file = terminal::line(&b.file);
        if let Some(n) = b.written {
            let _ = writeln!(
                out,
                "{}",
                match lang {
                    Lang::Zh => format!("已把 {n} 个问题记录到基线 {file}。"),
                    Lang::En => format!(
                        "Recorded {n} {} in the baseline {file}.",
                        plural(n, "finding", "findings")
                    ),
                }
            );
        } else if b.hidden > 0 {
            let n = b.hidden;
            let _ = writeln!(
                out,
                "{}",
                match lang {
                    Lang::Zh => format!("基线 {file} 中记录的 {n} 个问题未显示。"),
                    Lang::En => format!(
                        "{n} {} recorded in the baseline {file} not shown.",
                        plural(n, "finding", "findings")
                    ),
                }
            );
        }
        if pruneable && !b.pruneable.is_empty() {
            let n = b.pruneable.len();
            let _ = writeln!(
                out,
                "{}",
                match lang {
                    Lang::Zh => format!(
                        "基线 {file} 中有 {n} 条记录已不再出现，可用 --write-baseline 删去："
                    ),
                    Lang::En => format!(
                        "{n} {} of the baseline {file} no longer {}; --write-baseline drops them:",
                        plural(n, "record", "records"),
                        plural(n, "occurs", "occur"),
                    ),
                }
            );
            for key in &b.pruneable {
                let node = terminal::line(key.node.as_deref().unwrap_or("-"));
                let (path, code) = (terminal::line(&key.path), terminal::line(key.code.as_str()));
                let _ = writeln!(out, "  {path}  {code}  {node}");
            }
        }
    }
    match run.warnings_fail {
        Some(WarningsFail::Denied) if s.warnings > 0 => {
            let _ = writeln!(
                out,
                "{}",
                lang.pick(
                    "按 --deny warnings，警告也使检查不通过。",
                    "With --deny warnings, warnings fail the run."
                )
            );
        }
        Some(WarningsFail::TooMany { max }) => {
            let n = s.warnings;
            let _ = writeln!(
                out,
                "{}",
                match lang {
                    Lang::Zh => format!("警告 {n} 个，多于 --max-warnings 允许的 {max} 个。"),
                    Lang::En => format!(
                        "{n} {}, more than --max-warnings allows ({max}).",
                        plural(n, "warning", "warnings")
                    ),
                }
            );
        }
        _ => {}
    }
    out
}

pub(crate) fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
