//! rectlint checks rectification plans (整改方案) written in the `.rect`
//! language before they are submitted.
//!
//! The crate is built in one-way layers; a module imports only from its own
//! layer or the layers before it (a test, `tests/it/layers.rs`, holds it to
//! that):
//!
//! 0. **Leaves**: `span` (byte spans, line and column in characters or
//!    UTF-16), `code` (a rule's code), `hash`, `suggest` (did-you-mean),
//!    `limits` (tuning constants).
//! 1. **Reading**: `diagnostic` (the finding type and its two languages),
//!    `problem` (what reading can find wrong, worded in one place),
//!    `source` (bytes to text: UTF-8, GB18030, UTF-16), `parse` (the
//!    grammar and the reader) and `model` (the typed plan, a span on every
//!    node).
//! 2. **Checking**: `check` (the rule registry, the rules, suppressions,
//!    and `check::files`, the file system the evidence rules look in),
//!    `config` (profiles and `rectlint.toml`), `fix`, `fmt` (the pure
//!    formatter) and `engine`, the core API: [`check_text`] checks one text
//!    under a resolved configuration and returns its findings and their
//!    fixes, printing nothing ([`check_bytes`] decodes a file's bytes
//!    first).
//! 3. **Front ends**: `cli` (the command line), `commands` (one module per
//!    subcommand, and `commands::walk`, finding the files of a run), `report` (the output formats),
//!    `baseline`, `write` (atomic rewrites) and `hugepages` (memory advice
//!    for large runs).
//!
//! [`run`] ties the front ends together for `main`.

pub mod baseline;
pub mod check;
pub mod cli;
pub mod code;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod engine;
pub mod fix;
pub mod fmt;
pub mod hash;
pub mod hugepages;
pub mod limits;
pub mod model;
pub mod parse;
pub mod problem;
pub mod report;
pub mod source;
pub mod span;
pub mod suggest;
pub mod write;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::cli::{Cli, Command};
use crate::diagnostic::Lang;

pub use commands::{EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};
pub use engine::{Checked, check_bytes, check_text};

/// Run rectlint with these arguments, writing to standard output and error.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_FAILURE
            } else {
                EXIT_OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Check(args) => commands::check::run(args, lang, &mut out)
            .map(|o| if o.failed { EXIT_FINDINGS } else { EXIT_OK }),
        Command::Explain(args) => commands::explain::run(&args.code, lang, &mut out),
        Command::Rules(args) => commands::rules::run(args, lang, &mut out),
        Command::Fmt(args) => commands::fmt::run(args, lang, &mut out),
        Command::Completions(args) => {
            clap_complete::generate(args.shell, &mut Cli::command(), "rectlint", &mut out);
            Ok(EXIT_OK)
        }
        Command::Man(args) => commands::man::run(args, &mut out),
    };
    let _ = out.flush();
    ExitCode::from(match result {
        Ok(code) => code,
        Err(e) => {
            report_error(&e, lang);
            EXIT_FAILURE
        }
    })
}

/// Say why a run could not be done. What is said may quote file names and
/// files: control characters are shown escaped.
fn report_error(error: &commands::RunError, lang: Lang) {
    let shown = |text: &str| report::terminal::text(text).into_owned();
    let stderr = &mut std::io::stderr();
    match error {
        commands::RunError::Usage(text) => {
            let _ = writeln!(stderr, "rectlint: {}", shown(text.get(lang)));
        }
        commands::RunError::Config(e) => {
            let handler = miette::GraphicalReportHandler::new_themed(
                miette::GraphicalTheme::unicode_nocolor(),
            );
            let mut out = String::new();
            if handler.render_report(&mut out, e).is_ok() {
                let _ = write!(stderr, "{}", shown(&out));
            } else {
                let _ = writeln!(stderr, "rectlint: {}", shown(&e.to_string()));
            }
        }
        commands::RunError::Io(e) => {
            let _ = writeln!(stderr, "rectlint: {}", shown(&e.to_string()));
        }
    }
}
