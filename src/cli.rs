//! The command line, as clap definitions only.

// Flags are booleans; clap structs have many of them by nature.
#![allow(clippy::struct_excessive_bools)]

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::diagnostic::Lang;

/// 检查整改方案（.rect）是否合格 · Check rectification plans (.rect) before they are submitted.
#[derive(Debug, Parser)]
#[command(name = "rectlint", version, long_about = None, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// 信息的语言（默认取自 LANG，否则为中文） · language of messages (default: from LANG, else Chinese)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// 检查方案文件和文件夹 · lint plan files and folders
    Check(CheckArgs),
    /// 显示一条规则的说明和示例 · show a rule's documentation with examples
    Explain(ExplainArgs),
    /// 列出全部规则及其级别 · list every rule with its severity
    Rules(RulesArgs),
    /// 把方案改写为统一格式（保留全部注释和取值） · rewrite plans in canonical form (every comment and value kept)
    Fmt(FmtArgs),
    /// 打印命令行补全脚本 · print shell completions
    Completions(CompletionsArgs),
    /// 打印 man 手册页（roff 格式） · print the man page (roff)
    Man(ManArgs),
}

/// Where configuration comes from.
#[derive(Debug, Args, Clone, Default)]
pub struct ConfigArgs {
    /// 规则配置：内置名称（xuncha、xunshi、audit、strict）或文件路径 · profile: a shipped name (xuncha, xunshi, audit, strict) or a file
    #[arg(long, value_name = "NAME|FILE")]
    pub profile: Option<String>,

    /// 配置文件（默认：从被检查文件向上最近的 rectlint.toml） · config file (default: the nearest rectlint.toml above each checked file)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 方案文件或文件夹（文件夹中的全部 *.rect）；- 表示标准输入 · plan files or folders (every *.rect in them); - reads standard input
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// 输出格式 · output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// 判断逾期的日期（默认：方案的报告日期，否则今天） · the date overdue is judged against (default: the plan's 报告日期, else today)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<Date>,

    #[command(flatten)]
    pub config: ConfigArgs,

    /// 把成串的 * 和 × 视为公开发布时的脱敏处理，不作占位符报告 · accept runs of * and × as redaction, not placeholders
    #[arg(long)]
    pub allow_redaction: bool,

    /// 标准输入的文件名，用于显示和定位佐证材料 · the name of standard input, shown and used to find evidence files
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,

    /// 自动修复可安全修复的问题（先写入临时文件再替换） · apply the safe fixes (written atomically)
    #[arg(long)]
    pub fix: bool,

    /// 与 --fix 同用：也应用可能改变含义的修复 · with --fix, also apply fixes that may change meaning
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,

    /// 与 --fix 同用：只显示修复的改动，不写入 · with --fix, print the changes as a unified diff instead of writing
    #[arg(long, requires = "fix")]
    pub diff: bool,

    /// 并行线程数（默认或 0：全部核心；至多每核 4 个） · threads (default or 0: all cores; at most four per core)
    #[arg(long, short = 'j', value_name = "N", value_parser = parse_jobs, default_value_t = 0, hide_default_value = true)]
    pub jobs: usize,

    /// 警告也导致检查不通过（退出码 1） · warnings fail the run too (exit 1)
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Option<Deny>,

    /// 警告多于 N 个时检查不通过 · fail the run when there are more than N warnings
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,

    /// 在结果之后列出每条规则的问题数，多者在前 · after the findings, a count per rule, most frequent first
    #[arg(long)]
    pub statistics: bool,

    /// 遍历文件夹时跳过匹配的路径（含 / 的模式相对于当前目录，否则匹配任一级名称；可重复） · when walking folders, skip matching paths (a glob with / is relative to the working directory, one without matches any path component; repeatable)
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// 只检查按路径哈希分成 N 份后的第 I 份（I 从 1 开始），供多台 CI 机器分担 · check only the I-th of N parts of the files (split by a hash of the path; I counts from 1), to share a run between CI runners
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,

    /// 不报告基线文件中记录过的问题，只报告新问题 · hide the findings recorded in this baseline file and report only new ones
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// 把当前的全部问题记录为基线（删去不再出现的记录） · record the current findings as the baseline (dropping records that no longer occur)
    #[arg(long, value_name = "FILE", conflicts_with = "diff")]
    pub write_baseline: Option<PathBuf>,

    /// 超过此大小的文件不读取（默认 64MB，或 `rectlint.toml` 的 `max_file_size`） · files larger than this are not read (default 64MB, or `max_file_size` in `rectlint.toml`)
    #[arg(long, value_name = "SIZE", value_parser = crate::config::parse_size)]
    pub max_file_size: Option<u64>,
}

/// An output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// 供人阅读 · for people
    Human,
    /// 供程序读取（见 CLI.md） · for programs (see CLI.md)
    Json,
    /// SARIF 2.1.0，供 GitHub 代码扫描等使用 · SARIF 2.1.0, for GitHub code scanning and other viewers
    Sarif,
    /// GitHub Actions 的标注命令 · GitHub Actions workflow annotations
    Github,
    /// GitLab 代码质量报告 · GitLab Code Quality report
    Gitlab,
    /// `JUnit` XML，每个文件一个测试用例 · `JUnit` XML, one test case per file
    Junit,
}

/// What `--deny` turns into failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// 警告 · warnings
    Warnings,
}

/// `--shard I/N`: the `index`-th (1-based) of `count` parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// 命令行（shell） · the shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// 只打印这个子命令的手册页（rectlint-COMMAND(1)） · print only this command's page (rectlint-COMMAND(1))
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub command: Option<String>,

    /// 把全部手册页（rectlint.1、rectlint-check.1……）写入这个文件夹 · write every page (rectlint.1, rectlint-check.1, …) into this folder
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// 方案文件或文件夹；- 表示从标准输入读、向标准输出写 · plan files or folders; - formats standard input to standard output
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// 只检查不改写：有文件需要格式化时退出码为 1 · only check: exit 1 if a file would change
    #[arg(long)]
    pub check: bool,

    /// 只显示改动（统一差异格式），不改写 · show the changes as a unified diff instead of writing
    #[arg(long)]
    pub diff: bool,

    /// 超过此大小的文件不读取、不格式化（默认 64MB，或 `rectlint.toml` 的 `max_file_size`） · files larger than this are neither read nor formatted (default 64MB, or `max_file_size` in `rectlint.toml`)
    #[arg(long, value_name = "SIZE", value_parser = crate::config::parse_size)]
    pub max_file_size: Option<u64>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// 规则代码，如 T007 · the rule's code, such as T007
    pub code: String,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Read `I/N` with `1 <= I <= N`.
fn parse_shard(text: &str) -> Result<Shard, String> {
    let wrong = || format!("应为 I/N，1 ≤ I ≤ N · expected I/N with 1 <= I <= N: {text}");
    let (index, count) = text.split_once('/').ok_or_else(wrong)?;
    let index: u64 = index.trim().parse().map_err(|_| wrong())?;
    let count: u64 = count.trim().parse().map_err(|_| wrong())?;
    if index == 0 || index > count {
        return Err(wrong());
    }
    Ok(Shard { index, count })
}

/// Read `--jobs`: a number of threads, 0 for as many as there are cores
/// (the default), as ripgrep's `--threads 0` does.
fn parse_jobs(text: &str) -> Result<usize, String> {
    text.trim().parse().map_err(|_| {
        format!(
            "应为线程数（0 表示全部核心） · expected a number of threads (0: all cores): {text}"
        )
    })
}

/// Read a date as the plan language writes one (`2025-04-27`, `2025年4月27日`).
fn parse_date(text: &str) -> Result<Date, String> {
    crate::parse::read_date(text)
        .ok_or_else(|| format!("无法识别日期 · not a date: {text} (2025-04-27)"))
}
