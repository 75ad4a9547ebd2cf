//! The driver of `check`: find the files (walking folders in parallel), keep
//! this shard's, resolve their configuration, read, parse and check them in
//! parallel, hide what the baseline records, and hand the results, in path
//! order, to the chosen output format; then decide whether the run fails.
//! Files are taken in chunks, so memory grows with the largest file, not
//! with the number of files.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::baseline::{self, Baseline};
use crate::check::{self, Dates, FileInfo};
use crate::cli::{CheckArgs, Deny, Format};
use crate::commands::RunError;
use crate::commands::walk::{
    Exclude, Input, Scope, Walk, collect_walking, config_key, in_shard, shown_bytes,
};
use crate::config::{self, Overrides, Profile, Resolved};
use crate::diagnostic::{Lang, Text};
use crate::engine::{Checked, check_bytes, check_text};
use crate::limits::PARALLEL_FILE_BYTES;
use crate::problem::ReadProblem;
use crate::report::json::{self, Json};
use crate::report::{
    self, BaselineReport, FileReport, Rendered, Reporter, RunInfo, Statistics, Summary,
    WarningsFail, github::Github, gitlab::Gitlab, human::Human, junit::Junit, sarif::Sarif,
};
use crate::write::{self, WriteError};
use crate::{fix, source, tr};

/// Files checked ahead of the one reported next, at most: their results are
/// all that is held. Enough that the workers always have files queued while
/// the results are reported (handing over a chunk of files at a time left
/// both cores idle for milliseconds at every chunk on a 2-core machine).
const IN_FLIGHT: usize = 512;
/// Files checked one after another by one task, whose results come back
/// together: a few milliseconds of work, so that the reporting thread is
/// not woken for every file.
const GROUP: usize = 16;
/// Reports with at least this many findings are freed on another thread.
const BACKGROUND_FREE_FINDINGS: usize = 256;

/// The result of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub summary: Summary,
    /// Whether anything at or above the failing severity was found.
    pub failed: bool,
}

/// The most threads `--jobs` gets: four per core. More only cost time
/// (thousands of threads took minutes for two files).
fn max_threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get) * 4
}

/// Run `check`.
pub fn run(args: &CheckArgs, lang: Lang, out: &mut dyn Write) -> Result<Outcome, RunError> {
    let cwd = std::env::current_dir()?;
    // 0, as without `--jobs`, leaves the count to rayon: every core.
    let threads = args.jobs.min(max_threads());
    let walk = Walk {
        exclude: Exclude::new(&args.exclude)?,
        threads,
    };
    let mut inputs = collect_walking(&args.paths, args.stdin_filename.as_deref(), &cwd, &walk)?;
    if let Some(shard) = args.shard {
        inputs.retain(|i| in_shard(&i.display, shard));
    }
    let scope = Scope::new(&args.paths, &inputs, &cwd, args.shard);
    let mut matcher = match &args.baseline {
        Some(file) => Some(Baseline::new(
            baseline::read(file).map_err(RunError::Usage)?,
        )),
        None => None,
    };
    // An existing file at --write-baseline must be a baseline: it is read
    // first, so a wrong path never overwrites something else.
    let kept = match &args.write_baseline {
        Some(file) if file.exists() => baseline::read(file)
            .map_err(RunError::Usage)?
            .into_iter()
            .filter(|k| !scope.contains(&k.path))
            .collect(),
        _ => Vec::new(),
    };
    let overrides = Overrides {
        profile: args.config.profile.clone(),
        config: args.config.config.as_ref().map(|c| cwd.join(c)),
        allow_redaction: args.allow_redaction,
    };
    let configs = resolve_configs(&inputs, &overrides, &cwd)?;
    let dates = Dates {
        as_of: args.as_of,
        today: None,
    };

    let keep_text = args.format == Format::Human;
    // `--fix -`: standard output is the plan's text, fixed or not; the
    // findings go to standard error.
    let stdin_fix =
        args.fix && !args.diff && matches!(inputs.as_slice(), [only] if only.path.is_none());
    let color = args.format == Format::Human
        && if stdin_fix {
            std::io::IsTerminal::is_terminal(&std::io::stderr())
        } else {
            std::io::IsTerminal::is_terminal(&std::io::stdout())
        }
        && std::env::var_os("NO_COLOR").is_none();
    let width = if color {
        terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0).max(40))
    } else {
        100
    };
    let mut reporter = reporter(args.format, lang, &cwd, color, width);

    // Standard input is read through the same size limit as a file: one
    // byte past it is enough to report it too large (`check - < /dev/zero`
    // must not read until memory runs out).
    let mut stdin = None;
    if let Some(input) = inputs.iter().find(|i| i.path.is_none()) {
        let resolved = &configs[&config_key(input, &cwd)];
        let limit = args
            .max_file_size
            .unwrap_or(resolved.profile.max_file_size)
            .min(crate::span::MAX_TEXT - 1);
        let mut bytes = Vec::new();
        io::stdin()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)?;
        stdin = Some(bytes);
    }
    // One small file (a plan checked on every save) is checked on one
    // thread: nothing in it is done in parallel, and a second worker would
    // only cost its start.
    let one_small_file = match inputs.as_slice() {
        [only] => match &only.path {
            Some(path) => {
                std::fs::metadata(path).is_ok_and(|m| m.len() < PARALLEL_FILE_BYTES as u64)
            }
            None => stdin
                .as_ref()
                .is_some_and(|b| b.len() < PARALLEL_FILE_BYTES),
        },
        _ => false,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(if one_small_file { 1 } else { threads })
        .build()
        .map_err(|e| RunError::Io(io::Error::other(e)))?;

    let fix = args.fix.then_some(FixRequest {
        mode: if args.unsafe_fixes {
            fix::Mode::Unsafe
        } else {
            fix::Mode::Safe
        },
        diff: args.diff,
    });
    if fix.is_some() && stdin.is_some() && inputs.len() > 1 {
        return Err(RunError::Usage(tr!(
            "--fix 读标准输入时不能同时检查其他文件",
            "--fix on standard input cannot be combined with other files"
        )));
    }

    // Paths named on the command line are read whatever they hold; binary
    // files met while walking folders are skipped with a note.
    let named: BTreeSet<&Path> = args.paths.iter().map(PathBuf::as_path).collect();
    let mut summary = Summary::default();
    let mut statistics = Statistics::default();
    let mut recorded = Vec::new();
    let mut hidden = 0;
    let mut as_of_seen = BTreeSet::new();
    let mut profiles_seen = BTreeSet::new();
    let mut write_failed = false;
    let mut would_change = false;
    // A file with many findings has their JSON rendered on every core by the
    // worker that checked it, unless a baseline may still take some out
    // below (or no report is written).
    let render_json = args.format == Format::Json
        && matcher.is_none()
        && args.write_baseline.is_none()
        && fix.is_none_or(|f| !f.diff);
    let check_input = |input: &Input| -> Done {
        let resolved = &configs[&config_key(input, &cwd)];
        let intake = Intake {
            max_file_size: args.max_file_size.unwrap_or(resolved.profile.max_file_size),
            walked: input.path.as_deref().is_some_and(|p| !named.contains(p)),
        };
        let stdin = stdin.as_deref();
        let mut done = check_one(input, resolved, dates, stdin, keep_text, fix, intake);
        if let Some(path) = &input.path {
            let bytes = shown_bytes(path, &cwd);
            if bytes != done.report.path.as_bytes() {
                done.report.raw_path = Some(bytes);
            }
        }
        if render_json && !done.skipped && json::renders_in_parallel(&done.report) {
            // A rendering that fails is tried again, and reported, when the
            // report is written.
            done.report.json = json::render(&done.report, lang)
                .ok()
                .map(|entries| Rendered { lang, entries });
        }
        done
    };
    let mut report = |mut done: Done| -> Result<(), RunError> {
        if done.skipped {
            let path = report::terminal::line(&done.report.path);
            let note = match lang {
                Lang::Zh => format!("rectlint: 跳过二进制文件 {path}"),
                Lang::En => format!("rectlint: skipped {path}: a binary file"),
            };
            eprintln!("{note}");
            return Ok(());
        }
        let file = &mut done.report;
        if args.write_baseline.is_some() {
            // What is recorded now is, by definition, not new.
            recorded.extend(file.diagnostics.iter().map(|l| l.key(&file.path)));
            hidden += file.diagnostics.len();
            file.diagnostics.clear();
        } else if let Some(matcher) = &mut matcher {
            let before = file.diagnostics.len();
            let path = file.path.clone();
            file.diagnostics.retain(|l| !matcher.take(&l.key(&path)));
            hidden += before - file.diagnostics.len();
        }
        summary.add(&done.report);
        statistics.add(&done.report);
        summary.fixed += done.fixed;
        as_of_seen.insert(done.as_of);
        profiles_seen.insert(done.profile);
        if let Some(diff) = done.diff {
            would_change = true;
            // A diff is shown to people: control characters escaped.
            write!(out, "{}", report::terminal::text(&diff))?;
            return Ok(());
        }
        if let Some(why) = done.write_error {
            write_failed = true;
            let path = report::terminal::line(&done.report.path);
            eprintln!("rectlint: {path}: {}", why.get(lang));
        }
        if stdin_fix {
            // The whole text, even when nothing was fixed (or nothing could
            // be read): `check --fix - < a.rect > b.rect` never empties it.
            let text = done.fixed_stdin.as_deref().or(stdin.as_deref());
            out.write_all(text.unwrap_or_default())?;
            reporter.file(&mut io::stderr().lock(), &done.report)?;
        } else if fix.is_none_or(|f| !f.diff) {
            reporter.file(out, &done.report)?;
        }
        // A large report takes a while to free: on another thread, while
        // the run goes on (or ends), unless there is one thread only.
        if done.report.diagnostics.len() >= BACKGROUND_FREE_FINDINGS
            && pool.current_num_threads() > 1
        {
            let report = done.report;
            pool.spawn(move || drop(report));
        }
        Ok(())
    };
    if pool.current_num_threads() == 1 {
        // One thread: a group is checked on the pool's one worker (so that
        // what a large file does in parallel stays on it), then reported
        // here while the worker waits, and so on: one thread works at a time.
        for group in inputs.chunks(GROUP) {
            let done: Vec<Done> = pool.install(|| group.iter().map(check_input).collect());
            done.into_iter().try_for_each(&mut report)?;
        }
    } else {
        pool.in_place_scope(|scope| -> Result<(), RunError> {
            // Files are checked a group at a time, each group a task that
            // the workers take in order; this thread reports the groups in
            // order as they come. At most IN_FLIGHT files are checked ahead
            // of the one reported next, so memory does not grow with the
            // number of files, and the workers never wait for this thread
            // to hand them more.
            let groups: Vec<&[Input]> = inputs.chunks(GROUP).collect();
            let (sender, receiver) = std::sync::mpsc::channel();
            let check_input = &check_input;
            let spawn = |index: usize| {
                let sender = sender.clone();
                let group = groups[index];
                scope.spawn(move |_| {
                    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        group.iter().map(check_input).collect::<Vec<Done>>()
                    }));
                    // The receiver is gone only when reporting failed.
                    let _ = sender.send((index, done));
                });
            };
            let mut spawned = groups.len().min(IN_FLIGHT / GROUP);
            (0..spawned).for_each(spawn);
            let mut ready = BTreeMap::new();
            let mut next_to_report = 0;
            while next_to_report < groups.len() {
                let Ok((index, done)) = receiver.recv() else {
                    break;
                };
                ready.insert(index, done);
                while let Some(group) = ready.remove(&next_to_report) {
                    next_to_report += 1;
                    if spawned < groups.len() {
                        spawn(spawned);
                        spawned += 1;
                    }
                    let group = group.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    group.into_iter().try_for_each(&mut report)?;
                }
            }
            Ok(())
        })?;
    }
    if fix.is_some_and(|f| f.diff) {
        let line = match lang {
            Lang::Zh => format!("可自动修复 {} 处问题。", summary.fixed),
            Lang::En => format!("{} fix(es) available.", summary.fixed),
        };
        writeln!(out, "{line}")?;
        out.flush()?;
        return Ok(Outcome {
            summary,
            failed: would_change,
        });
    }
    let mut baseline_report = None;
    if let Some(file) = &args.write_baseline {
        let written = recorded.len();
        recorded.extend(kept);
        baseline::write(file, recorded).map_err(RunError::Usage)?;
        baseline_report = Some(BaselineReport {
            file: file.display().to_string(),
            hidden: 0,
            pruneable: Vec::new(),
            written: Some(written),
        });
    } else if let (Some(file), Some(matcher)) = (&args.baseline, &matcher) {
        baseline_report = Some(BaselineReport {
            file: file.display().to_string(),
            hidden,
            pruneable: matcher.unmatched(|path| scope.contains(path)),
            written: None,
        });
    }
    let warnings_fail = if args.deny == Some(Deny::Warnings) && summary.warnings > 0 {
        Some(WarningsFail::Denied)
    } else {
        args.max_warnings
            .filter(|&max| summary.warnings > max)
            .map(|max| WarningsFail::TooMany { max })
    };
    let run = RunInfo {
        lang,
        as_of: match (dates.as_of, as_of_seen.len()) {
            (Some(d), _) => Some(d.to_string()),
            (None, 1) => as_of_seen.first().map(ToString::to_string),
            _ => None,
        },
        profile: if profiles_seen.len() == 1 {
            profiles_seen.pop_first()
        } else {
            None
        },
        statistics: args.statistics.then(|| statistics.rows()),
        baseline: baseline_report,
        warnings_fail,
    };
    if stdin_fix {
        out.flush()?;
        reporter.finish(&mut io::stderr().lock(), &summary, &run)?;
    } else {
        reporter.finish(out, &summary, &run)?;
        out.flush()?;
    }
    // Machine formats keep their documents clean: what people should read
    // goes to standard error (GitHub's commands are the log itself).
    if !matches!(args.format, Format::Human | Format::Github) {
        let mut notes = report::notes(&summary, &run, true);
        if let (Some(rows), false) = (&run.statistics, args.format == Format::Json) {
            notes.push_str(&report::statistics_table(rows, lang));
        }
        eprint!("{notes}");
    }
    Ok(Outcome {
        summary,
        failed: summary.errors > 0 || warnings_fail.is_some() || write_failed,
    })
}

/// Everything a run does with one file's bytes, on any bytes: check them,
/// and check them as a text (as an editor would, [`check_text`]) when they
/// are UTF-8; render the findings in every format and both languages,
/// apply the safe and then the unsafe fixes and check the result, format
/// the text and check that. The fuzz target (`fuzz/`) and the robustness
/// tests run this, so that both try the same paths. Nothing in it may
/// panic.
///
/// # Panics
///
/// When `fmt` would change what the text reads as (and so refuses to
/// format it), or when the bytes and the text they spell are found
/// different things: defects the fuzzer is to report.
pub fn exercise(bytes: &[u8], profile: &Profile, dates: Dates) {
    let file = FileInfo::default();
    let checked = check_bytes(bytes, profile, dates, &file);
    // UTF-8 without a byte-order mark, and text (no NUL): the text itself.
    if let Ok(text) = std::str::from_utf8(bytes)
        && !text.starts_with('\u{feff}')
        && !text.contains('\0')
    {
        let as_text = check_text(text, profile, dates, &file);
        assert_eq!(as_text.text, checked.text, "the text read");
        assert_eq!(
            as_text.diagnostics, checked.diagnostics,
            "the findings of the bytes and of their text"
        );
    }
    render_every_way(&checked, profile);
    let ending = source::LineEnding::of(&checked.text);
    for mode in [fix::Mode::Safe, fix::Mode::Unsafe] {
        let (fixed, applied) = fix::apply(&checked.text, &checked.diagnostics, mode, ending);
        if applied > 0
            && let Ok(encoded) = source::encode(&fixed, checked.encoding)
        {
            check_bytes(&encoded, profile, dates, &file);
        }
    }
    match crate::fmt::format(&checked.text) {
        Ok(formatted) => {
            check_bytes(formatted.as_bytes(), profile, dates, &file);
        }
        Err(crate::fmt::Unformattable::WouldChange { line }) => {
            panic!("fmt would change what the text reads as (line {line:?})")
        }
        Err(crate::fmt::Unformattable::Syntax(_)) => {}
    }
}

/// Spaces put before a file's first finding by [`long_lines`]: past
/// display column 65,535, where miette once panicked.
pub const LONG_LINE_SHIFT: usize = 70_000;
/// Stray `}` put on one line by [`long_lines`]: each finding once reprinted
/// the whole line (1.2 GB of output).
pub const LONG_LINE_FINDINGS: usize = 20_000;

/// `bytes` made into long lines, decoded: with [`LONG_LINE_SHIFT`] spaces
/// put right before its first finding (at the start when there is none),
/// which then lies that far along its line; and with a line of
/// [`LONG_LINE_FINDINGS`] stray `}` after it. What bytes are not text are
/// left out.
pub fn long_lines(bytes: &[u8], profile: &Profile, dates: Dates) -> [Vec<u8>; 2] {
    let checked = check_bytes(bytes, profile, dates, &FileInfo::default());
    let text: &str = &checked.text;
    let first = checked
        .diagnostics
        .iter()
        .map(|d| d.primary.span.start())
        .min()
        .unwrap_or(0)
        .min(text.len());
    let mut at = first;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let mut shifted = String::with_capacity(text.len() + LONG_LINE_SHIFT);
    shifted.push_str(&text[..at]);
    shifted.push_str(&" ".repeat(LONG_LINE_SHIFT));
    shifted.push_str(&text[at..]);
    let mut braces = text.to_owned();
    if !braces.is_empty() && !braces.ends_with('\n') {
        braces.push('\n');
    }
    braces.push_str(&"} ".repeat(LONG_LINE_FINDINGS));
    braces.push('\n');
    [shifted.into_bytes(), braces.into_bytes()]
}

/// [`exercise`] on each of [`long_lines`]. The fuzz target runs it on some
/// inputs (it takes a while: 20,000 findings rendered every way), the
/// robustness tests on some mutants.
pub fn exercise_long_lines(bytes: &[u8], profile: &Profile, dates: Dates) {
    for variant in long_lines(bytes, profile, dates) {
        exercise(&variant, profile, dates);
    }
}

/// Render a checked file in every format and both languages, and the human
/// format once more in colour and 40 columns wide: each output, in memory,
/// with its language, format and whether it is that narrow one.
fn render_every_way(checked: &Checked, profile: &Profile) -> Vec<(Lang, Format, bool, Vec<u8>)> {
    let report = FileReport::new(
        "plan.rect".to_owned(),
        &checked.text,
        checked.diagnostics.clone(),
        true,
    );
    let mut summary = Summary::default();
    summary.add(&report);
    let ways = <Format as clap::ValueEnum>::value_variants()
        .iter()
        .map(|&format| (format, false))
        .chain([(Format::Human, true)]);
    let mut outputs = Vec::new();
    for lang in [Lang::Zh, Lang::En] {
        let run = RunInfo {
            lang,
            as_of: Some(checked.as_of.to_string()),
            profile: Some(profile.name.clone()),
            statistics: None,
            baseline: None,
            warnings_fail: None,
        };
        for (format, narrow) in ways.clone() {
            let (color, width) = if narrow { (true, 40) } else { (false, 100) };
            let mut reporter = reporter(format, lang, Path::new("/"), color, width);
            let mut out = Vec::new();
            let written = reporter
                .file(&mut out, &report)
                .and_then(|()| reporter.finish(&mut out, &summary, &run));
            written.expect("writing into memory does not fail");
            outputs.push((lang, format, narrow, out));
        }
    }
    outputs
}

/// The reporter of `format`; `color` and `width` are the human format's.
fn reporter(
    format: Format,
    lang: Lang,
    cwd: &Path,
    color: bool,
    width: usize,
) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(Human::new(lang, color, width)),
        Format::Json => Box::new(Json::new(lang)),
        Format::Sarif => Box::new(Sarif::new(lang, cwd)),
        Format::Github => Box::new(Github::new(lang)),
        Format::Gitlab => Box::new(Gitlab::new(lang)),
        Format::Junit => Box::new(Junit::new(lang)),
    }
}

/// What `--fix` asks for.
#[derive(Clone, Copy, Debug)]
struct FixRequest {
    mode: fix::Mode,
    /// Print the diff instead of writing.
    diff: bool,
}

/// How an input is taken in.
#[derive(Clone, Copy, Debug)]
struct Intake {
    /// Larger files are not read.
    max_file_size: u64,
    /// Met while walking a folder (not named on the command line).
    walked: bool,
}

/// One input, checked (and fixed, if asked).
struct Done {
    /// A binary file met while walking: not checked, not counted.
    skipped: bool,
    report: FileReport,
    as_of: Date,
    profile: String,
    /// Fixes applied (or, with `--diff`, that would be).
    fixed: usize,
    /// With `--diff`: the changes the fixes make.
    diff: Option<String>,
    /// The fixed bytes of standard input, when a fix changed them.
    fixed_stdin: Option<Vec<u8>>,
    /// Why the fixed file could not be written.
    write_error: Option<Text>,
}

/// Whether `text`, read from `bytes` in `encoding`, is written back as the
/// same bytes: always in UTF-8 and UTF-16; in GB18030 unless the file holds
/// one of the few sequences that read as a character the encoder writes
/// otherwise (`80` reads as €, written `A2 E3`).
fn round_trips(text: &str, encoding: source::Encoding, bytes: &[u8]) -> bool {
    match encoding {
        source::Encoding::Gb18030 | source::Encoding::Gb18030Bom => {
            source::encode(text, encoding).is_ok_and(|encoded| *encoded == *bytes)
        }
        _ => true,
    }
}

/// Read and check one input; with `fix`, fix it until nothing more applies
/// and report what remains.
fn check_one(
    input: &Input,
    resolved: &Resolved,
    dates: Dates,
    stdin: Option<&[u8]>,
    keep_text: bool,
    fix: Option<FixRequest>,
    intake: Intake,
) -> Done {
    let profile = &resolved.profile;
    let file = FileInfo {
        path: input.absolute.clone(),
        root: resolved.root.clone(),
        // Evidence is looked up on the disk.
        files: None,
    };
    let unread = |problem: ReadProblem| Done {
        skipped: false,
        report: FileReport::new(
            input.display.clone(),
            "",
            check::finalize(vec![problem.at(crate::span::Span::point(0))], profile),
            keep_text,
        ),
        as_of: dates.as_of(None),
        profile: profile.name.clone(),
        fixed: 0,
        diff: None,
        fixed_stdin: None,
        write_error: None,
    };
    let size = match &input.path {
        None => stdin.unwrap_or_default().len() as u64,
        Some(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
    };
    // Spans point into texts under 4 GiB: no limit goes higher.
    let limit = intake.max_file_size.min(crate::span::MAX_TEXT - 1);
    if size > limit {
        return unread(ReadProblem::TooLarge { size, limit });
    }
    crate::hugepages::prepare_for(size);
    let bytes = match &input.path {
        None => stdin.unwrap_or_default().to_vec(),
        Some(path) => match source::read_file(path, limit) {
            Ok(bytes) => bytes,
            Err(source::ReadError::TooLarge(size)) => {
                return unread(ReadProblem::TooLarge { size, limit });
            }
            Err(source::ReadError::NotRegular(special)) => {
                return unread(ReadProblem::NotRegular {
                    what: special.name(),
                });
            }
            Err(source::ReadError::Io(e)) => {
                return unread(ReadProblem::Unreadable {
                    error: e.to_string(),
                });
            }
        },
    };
    if intake.walked && source::is_binary(&bytes) {
        return Done {
            skipped: true,
            ..unread(ReadProblem::Binary)
        };
    }
    let mut checked = check_bytes(&bytes, profile, dates, &file);
    let mut done = Done {
        skipped: false,
        report: FileReport::new(input.display.clone(), "", Vec::new(), false),
        as_of: checked.as_of,
        profile: profile.name.clone(),
        fixed: 0,
        diff: None,
        fixed_stdin: None,
        write_error: None,
    };
    if let Some(request) = fix {
        let original = checked.text.clone().into_owned();
        // The fixed file is written as the original was: its encoding and
        // byte-order mark, and the lines the fixes add end as most of its
        // lines do.
        let encoding = checked.encoding;
        let ending = source::LineEnding::of(&original);
        let mut fixed_bytes = Vec::new();
        for _ in 0..fix::MAX_PASSES {
            let (text, applied) =
                fix::apply(&checked.text, &checked.diagnostics, request.mode, ending);
            if applied == 0 || text == checked.text {
                break;
            }
            if done.fixed == 0 && !round_trips(&original, encoding, &bytes) {
                let name = encoding.name();
                done.write_error = Some(tr!(
                    "文件按 {name} 读取后无法原样写回，修复未写入；请先另存为 UTF-8",
                    "the file, read as {name}, would not be written back byte for byte; the fixes were not written (save it as UTF-8 first)"
                ));
                break;
            }
            // What is checked again is what would be written.
            let encoded = if encoding == source::Encoding::Utf8 {
                text.into_bytes()
            } else {
                match source::encode(&text, encoding) {
                    Ok(bytes) => bytes.into_owned(),
                    // Nothing a fix writes is beyond the file's encoding
                    // (it came from the file, or is ASCII).
                    Err(_) => break,
                }
            };
            done.fixed += applied;
            checked = check_bytes(&encoded, profile, dates, &file).into_owned();
            fixed_bytes = encoded;
        }
        if checked.text != original {
            match (&input.path, request.diff) {
                (_, true) => {
                    done.diff = Some(
                        similar::TextDiff::from_lines(original.as_str(), &*checked.text)
                            .unified_diff()
                            .context_radius(3)
                            .header(&input.display, &input.display)
                            .to_string(),
                    );
                }
                (None, false) => done.fixed_stdin = Some(fixed_bytes),
                (Some(path), false) => {
                    if let Err(e) = write::replace(path, &bytes, &fixed_bytes) {
                        done.write_error = Some(match e {
                            WriteError::Changed => tr!(
                                "文件在读取后被修改，修复未写入",
                                "the file changed on disk since it was read; the fixes were not written"
                            ),
                            WriteError::Symlink => {
                                tr!(
                                    "是符号链接，修复未写入",
                                    "it is a symbolic link; the fixes were not written"
                                )
                            }
                            WriteError::Refused(why) => why,
                            WriteError::Io(e) => {
                                let e = e.to_string();
                                tr!(
                                    "写入失败，原文件未改动：{e}",
                                    "could not write the fixes, the file is unchanged: {e}"
                                )
                            }
                        });
                        // Nothing was fixed: report the file as it stands.
                        done.fixed = 0;
                        checked = check_bytes(&bytes, profile, dates, &file);
                    }
                }
            }
        }
    }
    done.report = FileReport::new(
        input.display.clone(),
        &checked.text,
        checked.diagnostics,
        keep_text,
    );
    done
}

/// Resolve the configuration of every folder holding an input, once each.
fn resolve_configs(
    inputs: &[Input],
    overrides: &Overrides,
    cwd: &Path,
) -> Result<BTreeMap<PathBuf, Resolved>, RunError> {
    let mut configs = BTreeMap::new();
    for input in inputs {
        let key = config_key(input, cwd);
        if let std::collections::btree_map::Entry::Vacant(slot) = configs.entry(key) {
            let resolved = config::resolve(slot.key(), overrides)?;
            slot.insert(resolved);
        }
    }
    Ok(configs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the fuzz target renders is the finding itself, in every format
    /// and language.
    #[test]
    fn every_way_of_rendering_shows_the_finding() {
        let bytes =
            include_bytes!("../../tests/fixtures/rules/E001/bad-finished-without-evidence.rect");
        let profile = Profile::shipped("strict").unwrap();
        let dates = Dates {
            as_of: None,
            today: Some(jiff::civil::date(2025, 4, 27)),
        };
        let checked = check_bytes(bytes, &profile, dates, &FileInfo::default());
        let outputs = render_every_way(&checked, &profile);
        let formats = <Format as clap::ValueEnum>::value_variants().len();
        assert_eq!(outputs.len(), 2 * (formats + 1));
        for (lang, format, narrow, out) in &outputs {
            let out = String::from_utf8_lossy(out);
            let what = format!("{lang:?} {format:?} narrow {narrow}: {out}");
            assert!(out.contains("E001"), "{what}");
            // The narrow human format wraps the message.
            if !narrow {
                let message = match lang {
                    Lang::Zh => "没有任何佐证材料",
                    Lang::En => "no evidence",
                };
                assert!(out.contains(message), "{what}");
            }
            // The plain human format draws the line of the finding (in
            // colour its number is wrapped in escape codes).
            if *format == Format::Human && !narrow {
                assert!(out.contains("16 │"), "{what}");
            }
        }
    }
}
