//! The JSON format of CLI.md: one document with the run's summary and every
//! finding, sorted by path, line, column and code. Two sections are added
//! after `diagnostics` only when asked for, so the document of CLI.md is
//! unchanged otherwise: `statistics` (with `--statistics`: `code` and
//! `count`, most frequent first) and `baseline` (with `--baseline` or
//! `--write-baseline`: the file, how many findings it hid, the records that
//! no longer occur, and with `--write-baseline` how many were recorded).

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

use super::{FileReport, Located, Reporter, RunInfo, Summary};
use crate::diagnostic::Lang;

/// Renders the run as one JSON document. The findings come first, the
/// counts that head the document only at the end: each file's findings are
/// rendered as they come, while the next files are checked (a file with
/// many findings by the worker that checked it, on every core: [`render`]),
/// and kept as text, and the document is written around them at the end,
/// byte for byte as `serde_json::to_writer_pretty` writes the whole (a test
/// holds it to that).
pub struct Json {
    lang: Lang,
    /// The elements of the `diagnostics` array, each after its separator,
    /// indented for their place in the document.
    diagnostics: Vec<u8>,
}

impl Json {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            diagnostics: Vec::new(),
        }
    }
}

/// The members before `diagnostics`.
#[derive(Serialize)]
struct Head<'a> {
    version: u32,
    tool: Tool,
    as_of: Option<&'a str>,
    profile: Option<&'a str>,
    summary: Counts,
}

impl<'a> Head<'a> {
    fn new(s: &Summary, run: &'a RunInfo) -> Self {
        Head {
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
        }
    }
}

/// The members after `diagnostics`, when asked for.
#[derive(Serialize)]
struct Tail<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<Vec<Count<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineSection<'a>>,
}

impl<'a> Tail<'a> {
    fn new(run: &'a RunInfo) -> Self {
        Tail {
            statistics: run.statistics.as_ref().map(|rows| {
                rows.iter()
                    .map(|(code, count)| Count {
                        code: code.as_str(),
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
        }
    }
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
struct Entry<'a> {
    code: &'a str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    node: Option<&'a str>,
    fixable: bool,
}

impl<'a> Entry<'a> {
    fn new(located: &'a Located, path: &'a str, lang: Lang) -> Self {
        let d = &located.diagnostic;
        Entry {
            code: d.code.as_str(),
            severity: d.severity.as_str(),
            message: d.message.get(lang),
            help: d.help.as_ref().map(|h| h.get(lang)),
            path,
            line: located.start.line,
            column: located.start.column,
            end_line: located.end.line,
            end_column: located.end.column,
            node: d.node.as_deref(),
            fixable: d.fix.is_some(),
        }
    }
}

/// Where the `diagnostics` array's elements stand: two levels in.
const ELEMENT_INDENT: &[u8] = b"    ";

/// A file with at least twice this many findings has them rendered on every
/// core, this many at a time.
const PARALLEL_ENTRIES: usize = 256;

/// Whether `file` has enough findings to have them rendered on every core of
/// the current pool ([`render`]), by the worker that checked it.
pub fn renders_in_parallel(file: &FileReport) -> bool {
    file.diagnostics.len() >= 2 * PARALLEL_ENTRIES && rayon::current_num_threads() > 1
}

/// The findings of `file` as elements of the `diagnostics` array, each after
/// `,\n`; a large file's rendered on every core ([`renders_in_parallel`]).
/// A worker that renders them ahead keeps them in [`FileReport::json`], and
/// the thread that writes the report only copies them.
pub fn render(file: &FileReport, lang: Lang) -> io::Result<Vec<u8>> {
    let render = |entries: &[Located]| {
        let mut out = Vec::new();
        render_into(&mut out, entries, &file.path, lang, false).map(|()| out)
    };
    if !renders_in_parallel(file) {
        return render(&file.diagnostics);
    }
    let pieces = file
        .diagnostics
        .par_chunks(PARALLEL_ENTRIES)
        .map(render)
        .collect::<io::Result<Vec<Vec<u8>>>>()?;
    Ok(pieces.concat())
}

/// Render `entries` after what `out` holds, each after `,\n` (the `first`
/// after `\n` only).
fn render_into(
    out: &mut Vec<u8>,
    entries: &[Located],
    path: &str,
    lang: Lang,
    mut first: bool,
) -> io::Result<()> {
    let mut scratch = Vec::new();
    for located in entries {
        out.extend_from_slice(if first { b"\n" } else { b",\n" });
        first = false;
        scratch.clear();
        serde_json::to_writer_pretty(&mut scratch, &Entry::new(located, path, lang))
            .map_err(io::Error::other)?;
        // Every line break of the rendering is between its tokens (JSON
        // strings escape theirs): each line moves in as a whole.
        for (i, line) in scratch.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                out.push(b'\n');
            }
            out.extend_from_slice(ELEMENT_INDENT);
            out.extend_from_slice(line);
        }
    }
    Ok(())
}

impl Reporter for Json {
    fn file(&mut self, _out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        // The array's first element follows its `[` on a line of its own.
        let first = self.diagnostics.is_empty();
        match &file.json {
            Some(json) if json.lang == self.lang => {
                let entries = &json.entries;
                let skip = usize::from(first && entries.starts_with(b","));
                self.diagnostics.extend_from_slice(&entries[skip..]);
                Ok(())
            }
            // Rendered here, on this one thread, unless a worker did it.
            _ => render_into(
                &mut self.diagnostics,
                &file.diagnostics,
                &file.path,
                self.lang,
                first,
            ),
        }
    }

    fn finish(&mut self, out: &mut dyn Write, s: &Summary, run: &RunInfo) -> io::Result<()> {
        let (head, tail) = (Head::new(s, run), Tail::new(run));
        let head = serde_json::to_vec_pretty(&head).map_err(io::Error::other)?;
        let tail = serde_json::to_vec_pretty(&tail).map_err(io::Error::other)?;
        // `{…\n}` less its closing line, then the members that follow.
        out.write_all(head.strip_suffix(b"\n}").unwrap_or(&head))?;
        out.write_all(b",\n  \"diagnostics\": ")?;
        if self.diagnostics.is_empty() {
            out.write_all(b"[]")?;
        } else {
            out.write_all(b"[")?;
            out.write_all(&self.diagnostics)?;
            out.write_all(b"\n  ]")?;
        }
        // `{}` when neither is asked for, else `{\n  …\n}`.
        match tail.strip_prefix(b"{") {
            Some(members) if members != b"}" => {
                out.write_all(b",")?;
                out.write_all(members)?;
            }
            _ => out.write_all(b"\n}")?,
        }
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;
    use crate::diagnostic::{Diagnostic, Fix, Severity};
    use crate::report::BaselineReport;
    use crate::span::Span;
    use crate::tr;

    /// The whole document as one value, as the format was first written:
    /// the reference the streamed rendering must equal byte for byte.
    #[derive(Serialize)]
    struct Document<'a> {
        #[serde(flatten)]
        head: Head<'a>,
        diagnostics: Vec<Entry<'a>>,
        #[serde(flatten)]
        tail: Tail<'a>,
    }

    fn files() -> Vec<FileReport> {
        let text = "方案 甲 {\n  问题数：\"2\"\n}\n";
        let mut first = Diagnostic::new(
            Code::new("S006"),
            Span::new(9, 21),
            tr!("数目“不对”", "a \"wrong\"\ncount"),
        )
        .with_help(tr!("改为 1", "make it 1\tor\\so"))
        .with_node("甲");
        first.severity = Severity::Warning;
        first.fix = Some(Fix::unsafe_replace(Span::new(16, 19), "1"));
        let mut second = Diagnostic::new(Code::P001, Span::point(0), tr!("乙", "b"));
        second.severity = Severity::Info;
        vec![
            FileReport::new("a.rect".into(), text, vec![first, second], false),
            FileReport::new("empty.rect".into(), "", Vec::new(), false),
            FileReport::new(
                "子/b.rect".into(),
                text,
                vec![Diagnostic::new(
                    Code::new("T007"),
                    Span::new(0, 6),
                    tr!("丙", "c"),
                )],
                false,
            ),
        ]
    }

    fn reference(files: &[FileReport], lang: Lang, s: &Summary, run: &RunInfo) -> String {
        let document = Document {
            head: Head::new(s, run),
            diagnostics: files
                .iter()
                .flat_map(|f| f.diagnostics.iter().map(|l| Entry::new(l, &f.path, lang)))
                .collect(),
            tail: Tail::new(run),
        };
        serde_json::to_string_pretty(&document).unwrap() + "\n"
    }

    fn streamed(files: &[FileReport], lang: Lang, s: &Summary, run: &RunInfo) -> String {
        let mut json = Json::new(lang);
        let mut out = Vec::new();
        for file in files {
            json.file(&mut out, file).unwrap();
        }
        assert!(out.is_empty(), "nothing is written before the end");
        json.finish(&mut out, s, run).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_streamed_document_is_the_whole_one() {
        let all = files();
        let plain = RunInfo {
            lang: Lang::Zh,
            as_of: Some("2025-04-27".into()),
            profile: None,
            statistics: None,
            baseline: None,
            warnings_fail: None,
        };
        let asked = RunInfo {
            profile: Some("strict".into()),
            statistics: Some(vec![(Code::new("S006"), 1), (Code::P001, 1)]),
            baseline: Some(BaselineReport {
                file: "基线.json".into(),
                hidden: 2,
                pruneable: vec![crate::baseline::Key {
                    path: "a.rect".into(),
                    code: Code::new("T007"),
                    node: None,
                    content: "0123456789abcdef".into(),
                }],
                written: Some(3),
            }),
            ..plain.clone()
        };
        let only_baseline = RunInfo {
            statistics: None,
            ..asked.clone()
        };
        let mut summary = Summary::default();
        for file in &all {
            summary.add(file);
        }
        for files in [&all[..], &all[1..2], &[]] {
            for run in [&plain, &asked, &only_baseline] {
                for lang in [Lang::Zh, Lang::En] {
                    assert_eq!(
                        streamed(files, lang, &summary, run),
                        reference(files, lang, &summary, run)
                    );
                }
            }
        }
        // What the reference gives is the format of CLI.md.
        let empty = streamed(&[], Lang::Zh, &Summary::default(), &plain);
        assert!(empty.contains("\n  \"diagnostics\": []\n}\n"), "{empty}");
        let some = streamed(&all, Lang::En, &summary, &plain);
        assert!(
            some.contains("  \"diagnostics\": [\n    {\n      \"code\": \"P001\",\n"),
            "{some}"
        );
        assert!(
            some.contains("\"message\": \"a \\\"wrong\\\"\\ncount\""),
            "{some}"
        );
    }

    #[test]
    fn findings_rendered_ahead_give_the_same_document_on_one_thread_or_many() {
        let text = "方案 甲 {\n}\n".repeat(400);
        let many: Vec<Diagnostic> = (0..3 * PARALLEL_ENTRIES + 7)
            .map(|i| {
                let at = (i % 400) * 15;
                Diagnostic::new(
                    Code::new("T007"),
                    Span::new(at, at + 6),
                    tr!("逾期“{i}”", "overdue \"{i}\""),
                )
                .with_help(tr!("改", "fix\tit"))
            })
            .collect();
        let mut all = files();
        all.insert(1, FileReport::new("大.rect".into(), &text, many, false));
        let run = RunInfo {
            lang: Lang::Zh,
            as_of: None,
            profile: None,
            statistics: None,
            baseline: None,
            warnings_fail: None,
        };
        let mut summary = Summary::default();
        for file in &all {
            summary.add(file);
        }
        for lang in [Lang::Zh, Lang::En] {
            let expected = reference(&all, lang, &summary, &run);
            for threads in [1, 2] {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .unwrap();
                let mut ahead = all.clone();
                for file in &mut ahead {
                    let entries = pool.install(|| render(file, lang)).unwrap();
                    file.json = Some(super::super::Rendered { lang, entries });
                }
                assert_eq!(streamed(&ahead, lang, &summary, &run), expected);
            }
            // Rendered in the other language: rendered again.
            let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
            let mut stale = all.clone();
            for file in &mut stale {
                let entries = render(file, other).unwrap();
                file.json = Some(super::super::Rendered {
                    lang: other,
                    entries,
                });
            }
            assert_eq!(streamed(&stale, lang, &summary, &run), expected);
        }
    }
}
