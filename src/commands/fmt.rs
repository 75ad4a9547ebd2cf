//! `rectlint fmt`: read each file (through the size limit and the
//! configuration's line-ending setting), format it with [`crate::fmt`],
//! and write it back atomically in its own encoding, or show what would
//! change.

use std::borrow::Cow;
use std::collections::{BTreeMap, btree_map};
use std::io::{Read, Write};
use std::path::Path;

use crate::cli::FmtArgs;
use crate::commands::RunError;
use crate::commands::walk;
use crate::config::{self, LineEndings, Overrides};
use crate::diagnostic::{Lang, Text};
use crate::fmt::{format, why_not_formatted};
use crate::report::terminal;
use crate::source::Encoding;
use crate::write::{self, WriteError};
use crate::{problem, source, tr};

/// What happened to one file.
enum Outcome {
    Unchanged,
    Changed,
    Failed,
}

/// `rectlint fmt`.
pub fn run(args: &FmtArgs, lang: Lang, out: &mut dyn Write) -> Result<u8, RunError> {
    let cwd = std::env::current_dir()?;
    let inputs = walk::collect(&args.paths, None, &cwd)?;
    let only_check = args.check || args.diff;
    // Each folder's `line_ending` and `max_file_size`, as `check` reads
    // them: a configuration that cannot be read stops the run, as there.
    let mut folders = BTreeMap::new();
    let (mut changed, mut unchanged, mut failed) = (0usize, 0usize, 0usize);
    for input in &inputs {
        let dir = input
            .absolute
            .as_deref()
            .and_then(Path::parent)
            .map_or_else(|| cwd.clone(), Path::to_path_buf);
        let (endings, configured) = match folders.entry(dir) {
            btree_map::Entry::Occupied(known) => *known.get(),
            btree_map::Entry::Vacant(slot) => {
                let resolved = config::resolve(slot.key(), &Overrides::default())?;
                let profile = &resolved.profile;
                *slot.insert((profile.line_ending, profile.max_file_size))
            }
        };
        // `--max-file-size` wins, as for `check`; never above what spans
        // can point into.
        let limit = args
            .max_file_size
            .unwrap_or(configured)
            .min(crate::span::MAX_TEXT - 1);
        let outcome = match &input.path {
            None => stdin(args, endings, limit, lang, out)?,
            // File names and diffs are shown with control characters
            // escaped (`report::terminal`).
            Some(path) => file(
                path,
                &terminal::line(&input.display),
                limit,
                args,
                endings,
                lang,
                out,
            ),
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
        crate::commands::EXIT_FINDINGS
    } else {
        crate::commands::EXIT_OK
    })
}

/// A file as `fmt` writes it.
struct Rewrite<'a> {
    /// The text read.
    old: Cow<'a, str>,
    /// The bytes written: the formatted text, its lines ended as
    /// configured, in UTF-8 with the byte-order mark if the file had one
    /// (GB18030 and UTF-16 become UTF-8).
    bytes: Vec<u8>,
    /// Where in the bytes the text written is (after the mark).
    text: std::ops::Range<usize>,
    /// What changes that a diff of the texts does not show.
    notes: Vec<Text>,
}

impl Rewrite<'_> {
    /// The text written.
    fn text(&self) -> &str {
        std::str::from_utf8(&self.bytes[self.text.clone()]).unwrap_or_default()
    }
}

/// Why `fmt` leaves a file alone.
enum Refusal {
    /// The bytes are not text.
    Unreadable,
    /// The text has syntax errors (the message says where).
    Syntax(Text),
}

/// Format a file's bytes: the formatted text in the file's encoding if it
/// is UTF-8 (with or without a byte-order mark), else in UTF-8; its lines
/// ended as `endings` says (by default as most of the file's lines are).
fn rewrite(bytes: &[u8], endings: LineEndings) -> Result<Rewrite<'_>, Refusal> {
    let (text, _) = source::read_text(bytes);
    let Some((old, encoding)) = text else {
        return Err(Refusal::Unreadable);
    };
    let formatted = format(&old).map_err(|e| Refusal::Syntax(why_not_formatted(&old, &e)))?;
    let ending = endings.of(&old);
    let written = if encoding.is_utf8() {
        encoding
    } else {
        Encoding::Utf8
    };
    let mut notes = Vec::new();
    if written != encoding {
        let name = encoding.name();
        notes.push(tr!(
            "将由 {name} 改写为 UTF-8",
            "would be rewritten in UTF-8 (it is {name})"
        ));
    }
    if matches!(ending.apply(&old), Cow::Owned(_)) {
        let name = ending.name();
        notes.push(tr!(
            "换行符将统一为 {name}",
            "every line would end with {name}"
        ));
    }
    let new = ending.apply(&formatted);
    // UTF-8, with or without a byte-order mark: always encodable.
    let bytes =
        source::encode(&new, written).map_or_else(|_| new.as_bytes().to_vec(), Cow::into_owned);
    let text = bytes.len() - new.len()..bytes.len();
    Ok(Rewrite {
        old,
        bytes,
        text,
        notes,
    })
}

/// Format standard input to standard output.
fn stdin(
    args: &FmtArgs,
    endings: LineEndings,
    limit: u64,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<Outcome, RunError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        complain(lang, "<stdin>", &too_large(None, limit));
        return Ok(Outcome::Failed);
    }
    match rewrite(&bytes, endings) {
        Err(Refusal::Unreadable) => {
            complain(
                lang,
                "<stdin>",
                &tr!("不是可读取的文本", "not readable text"),
            );
            Ok(Outcome::Failed)
        }
        Err(Refusal::Syntax(why)) => {
            complain(lang, "<stdin>", &why);
            Ok(Outcome::Failed)
        }
        Ok(rewrite) => {
            let changed = rewrite.bytes != bytes;
            if args.diff {
                for note in &rewrite.notes {
                    complain(lang, "<stdin>", note);
                }
                write!(
                    out,
                    "{}",
                    terminal::text(&diff(&rewrite.old, rewrite.text(), "<stdin>"))
                )?;
            } else if !args.check {
                out.write_all(&rewrite.bytes)?;
            }
            Ok(if changed {
                Outcome::Changed
            } else {
                Outcome::Unchanged
            })
        }
    }
}

/// Format one file of at most `limit` bytes in place (or check it).
fn file(
    path: &Path,
    shown: &str,
    limit: u64,
    args: &FmtArgs,
    endings: LineEndings,
    lang: Lang,
    out: &mut dyn Write,
) -> Outcome {
    let bytes = match source::read_file(path, limit) {
        Ok(b) => b,
        Err(source::ReadError::NotRegular(special)) => {
            let (zh, en) = (special.name().zh, special.name().en);
            complain(
                lang,
                shown,
                &tr!(
                    "这是{zh}，不是普通文件，未读取",
                    "it is {en}, not a regular file; not read"
                ),
            );
            return Outcome::Failed;
        }
        Err(source::ReadError::TooLarge(size)) => {
            complain(lang, shown, &too_large(Some(size), limit));
            return Outcome::Failed;
        }
        Err(source::ReadError::Io(e)) => {
            let e = e.to_string();
            complain(lang, shown, &tr!("无法读取：{e}", "cannot read it: {e}"));
            return Outcome::Failed;
        }
    };
    let rewrite = match rewrite(&bytes, endings) {
        Ok(r) => r,
        Err(Refusal::Unreadable) => {
            complain(
                lang,
                shown,
                &tr!(
                    "不是可读取的文本，未格式化",
                    "not readable text; not formatted"
                ),
            );
            return Outcome::Failed;
        }
        Err(Refusal::Syntax(why)) => {
            complain(lang, shown, &why);
            return Outcome::Failed;
        }
    };
    if rewrite.bytes == bytes {
        return Outcome::Unchanged;
    }
    if args.diff {
        for note in &rewrite.notes {
            complain(lang, shown, note);
        }
        let _ = write!(
            out,
            "{}",
            terminal::text(&diff(&rewrite.old, rewrite.text(), shown))
        );
    } else if args.check {
        let line = match lang {
            Lang::Zh => format!("需要格式化：{shown}"),
            Lang::En => format!("would reformat: {shown}"),
        };
        let _ = writeln!(out, "{line}");
    } else if let Err(e) = write::replace(path, &bytes, &rewrite.bytes) {
        let why = match e {
            WriteError::Changed => tr!(
                "文件在读取后被修改，未写入",
                "the file changed on disk since it was read; not written"
            ),
            WriteError::Symlink => {
                tr!("是符号链接，未改写", "it is a symbolic link; not rewritten")
            }
            WriteError::Refused(why) => why,
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

/// Why a file over the size limit is not formatted; `size` is unknown for
/// standard input, which is read no further than the limit.
fn too_large(size: Option<u64>, limit: u64) -> Text {
    let limit = problem::shown_size(limit);
    let help = tr!(
        "确需格式化更大的文件时，在 rectlint.toml 中设 max_file_size，或用 --max-file-size",
        "to format larger files, set max_file_size in rectlint.toml or pass --max-file-size"
    );
    let (help_zh, help_en) = (&help.zh, &help.en);
    match size.map(problem::shown_size) {
        Some(size) => tr!(
            "文件过大（{size}），超过上限 {limit}，未格式化；{help_zh}",
            "too large to format ({size}; the limit is {limit}); {help_en}"
        ),
        None => tr!(
            "输入超过上限 {limit}，未格式化；{help_zh}",
            "too large to format (more than the limit of {limit}); {help_en}"
        ),
    }
}

fn complain(lang: Lang, shown: &str, why: &Text) {
    eprintln!("rectlint fmt: {shown}: {}", why.get(lang));
}

/// A unified diff from the file's text to its formatted text.
fn diff(old: &str, new: &str, shown: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(shown, shown)
        .to_string()
}
