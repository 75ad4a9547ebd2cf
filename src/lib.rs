//! rectlint checks rectification plans (整改方案) written in the `.rect`
//! language before they are submitted.
//!
//! Data flows one way: a file's bytes are decoded (`source`), read into a
//! typed model with spans on every node (`parse` → `model`), checked by the
//! rules the profile enables (`check`, configured by `config`), and rendered
//! (`report`). `lint` drives a whole run over many files in parallel; `cli`
//! holds the command line and [`run`] ties it together for `main`.

pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod fmt;
pub mod hash;
pub mod hugepages;
pub mod lint;
pub mod model;
pub mod parse;
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

/// Exit code: nothing at or above the failing severity.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings at or above the failing severity.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the run could not be done.
pub const EXIT_FAILURE: u8 = 2;

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
        Command::Check(args) => {
            lint::run(args, lang, &mut out).map(|o| if o.failed { EXIT_FINDINGS } else { EXIT_OK })
        }
        Command::Explain(args) => explain(&args.code, lang, &mut out),
        Command::Rules(args) => rules(args, lang, &mut out),
        Command::Fmt(args) => fmt::run(args, lang, &mut out),
        Command::Completions(args) => {
            clap_complete::generate(args.shell, &mut Cli::command(), "rectlint", &mut out);
            Ok(EXIT_OK)
        }
        Command::Man(args) => man(args, &mut out),
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
fn report_error(error: &lint::RunError, lang: Lang) {
    let shown = |text: &str| report::terminal::text(text).into_owned();
    let stderr = &mut std::io::stderr();
    match error {
        lint::RunError::Usage(text) => {
            let _ = writeln!(stderr, "rectlint: {}", shown(text.get(lang)));
        }
        lint::RunError::Config(e) => {
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
        lint::RunError::Io(e) => {
            let _ = writeln!(stderr, "rectlint: {}", shown(&e.to_string()));
        }
    }
}

/// `rectlint explain CODE`.
fn explain(code: &str, lang: Lang, out: &mut dyn Write) -> Result<u8, lint::RunError> {
    let Some(rule) = check::rule(code) else {
        let known: Vec<&str> = check::rules::ALL.iter().map(|r| r.meta().code).collect();
        let guess = suggest::closest(code, known.iter().copied());
        let text = match guess {
            Some(g) => tr!(
                "没有规则 {code}；是否想查 {g}？",
                "there is no rule {code}; did you mean {g}?"
            ),
            None => tr!(
                "没有规则 {code}；用 rectlint rules 查看全部规则",
                "there is no rule {code}; see them all with `rectlint rules`"
            ),
        };
        return Err(lint::RunError::Usage(text));
    };
    let meta = rule.meta();
    let severity = meta.severity.word(lang);
    let fixable = match (meta.fix, lang) {
        (check::Fixable::Safe, Lang::Zh) => "，可自动修复（--fix）",
        (check::Fixable::Safe, Lang::En) => ", fixable with --fix",
        (check::Fixable::Unsafe, Lang::Zh) => "，可自动修复（--fix --unsafe-fixes，修复后请核对）",
        (check::Fixable::Unsafe, Lang::En) => {
            ", fixable with --fix --unsafe-fixes (check the result)"
        }
        (check::Fixable::No, _) => "",
    };
    writeln!(out, "# {} {}（{severity}{fixable}）", meta.code, meta.name)?;
    writeln!(out)?;
    writeln!(out, "{}", meta.summary(lang))?;
    writeln!(out)?;
    write!(out, "{}", meta.doc(lang))?;
    Ok(EXIT_OK)
}

/// `rectlint man`: the pages are made from the clap definitions, so they
/// are never stale.
fn man(args: &cli::ManArgs, out: &mut dyn Write) -> Result<u8, lint::RunError> {
    let cmd = Cli::command();
    if let Some(dir) = &args.dir {
        let written =
            std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(cmd, dir));
        if let Err(e) = written {
            let (shown, e) = (dir.display().to_string(), e.to_string());
            return Err(lint::RunError::Usage(tr!(
                "无法把手册页写入 {shown}：{e}",
                "cannot write the man pages into {shown}: {e}"
            )));
        }
        return Ok(EXIT_OK);
    }
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let page = match &args.command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                return Err(lint::RunError::Usage(tr!(
                    "没有子命令 {name}",
                    "there is no command {name}"
                )));
            }
        },
    };
    clap_mangen::Man::new(page).render(out)?;
    Ok(EXIT_OK)
}

/// `rectlint rules`.
fn rules(args: &cli::RulesArgs, lang: Lang, out: &mut dyn Write) -> Result<u8, lint::RunError> {
    let cwd = std::env::current_dir()?;
    let overrides = config::Overrides {
        profile: args.config.profile.clone(),
        config: args.config.config.as_ref().map(|c| cwd.join(c)),
        allow_redaction: false,
    };
    let resolved = config::resolve(&cwd, &overrides)?;
    let profile = &resolved.profile;
    let active = match lang {
        Lang::Zh => format!("当前配置：{}", profile.name),
        Lang::En => format!("active profile: {}", profile.name),
    };
    writeln!(out, "{active}")?;
    for rule in check::rules::ALL {
        let meta = rule.meta();
        let level = match profile.level(meta.code, meta.severity).severity() {
            Some(s) => s.as_str(),
            None => "off",
        };
        writeln!(
            out,
            "{}  {:<7}  {:<7}  {}",
            meta.code,
            meta.severity.as_str(),
            level,
            meta.summary(lang)
        )?;
    }
    Ok(EXIT_OK)
}
