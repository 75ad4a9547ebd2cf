//! The user documentation in `docs/` keeps up with the program: the rule
//! catalog (`docs/rules.md`) is generated from the rules' own documentation
//! and the shipped profiles; every `rect` example of the language page reads
//! as the page says; the language, configuration and command-line pages name
//! every keyword, configuration key and option there is.
//!
//! `UPDATE_DOCS=1 cargo test --test it docs::` rewrites `docs/rules.md`.

use crate::common;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use clap::CommandFactory;
use common::repo;
use rectlint::check::{Dates, FileInfo, Fixable, rules::ALL};
use rectlint::config::{DEFAULT_PROFILE, Profile, SHIPPED};
use rectlint::diagnostic::{Lang, Severity};
use rectlint::engine::check_bytes;
use rectlint::parse::keywords::KEYWORDS;

fn read_doc(name: &str) -> String {
    std::fs::read_to_string(repo().join("docs").join(name))
        .unwrap_or_else(|e| panic!("docs/{name}: {e}"))
}

// ───────────────────────────── docs/language.md ─────────────────────────────

/// The fenced blocks of a Markdown page whose info string is `info`, with
/// the line each starts on.
fn fenced(page: &str, info: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut in_other = false;
    for (number, line) in page.lines().enumerate() {
        if let Some((start, body)) = &mut open {
            if line == "```" {
                blocks.push((*start, std::mem::take(body)));
                open = None;
            } else {
                body.push_str(line);
                body.push('\n');
            }
        } else if in_other {
            in_other = line != "```";
        } else if let Some(rest) = line.strip_prefix("```") {
            if rest == info {
                open = Some((number + 1, String::new()));
            } else {
                in_other = true;
            }
        }
    }
    assert!(open.is_none(), "an unclosed fence");
    blocks
}

/// What an example says of itself: `# expect-clean`, and the codes of
/// `# expect: CODE, CODE`.
fn markers(example: &str) -> (bool, BTreeSet<String>) {
    let mut clean = false;
    let mut expected = BTreeSet::new();
    for line in example.lines().map(str::trim) {
        if line == "# expect-clean" {
            clean = true;
        } else if let Some(codes) = line.strip_prefix("# expect:") {
            expected.extend(
                codes
                    .split([',', ' '])
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    (clean, expected)
}

/// Where a fragment (an example that is not a whole plan) may stand: inside
/// a plan, an issue, a measure or a milestone block of a plan with a
/// feedback date (so that dates without a year can be read).
const CONTEXTS: [(&str, &str); 4] = [
    ("方案 示例 {\n  反馈日期：2024-07-26\n", "}\n"),
    (
        "方案 示例 {\n  反馈日期：2024-07-26\n  问题 A1 示例 {\n",
        "  }\n}\n",
    ),
    (
        "方案 示例 {\n  反馈日期：2024-07-26\n  问题 A1 示例 {\n    措施 A1.1 示例 {\n",
        "    }\n  }\n}\n",
    ),
    (
        "方案 示例 {\n  反馈日期：2024-07-26\n  问题 A1 示例 {\n    措施 A1.1 示例 {\n      节点 {\n",
        "      }\n    }\n  }\n}\n",
    ),
];

/// The codes of what reading `text` finds.
fn reading_codes(text: &str) -> BTreeSet<String> {
    rectlint::parse::parse(text)
        .diagnostics
        .iter()
        .map(code_of)
        .collect()
}

/// A finding's code, as text.
#[allow(clippy::implicit_clone)]
fn code_of(d: &rectlint::diagnostic::Diagnostic) -> String {
    d.code.to_string()
}

/// Every `rect` example of the language page reads as the page says: a whole
/// plan without a syntax error, its errors and warnings those its
/// `# expect` marker names (none for `# expect-clean`); a fragment, inside
/// the plan, issue, measure or milestone it belongs in, with no reading
/// finding but those its marker names.
#[test]
fn every_rect_example_of_the_language_page_reads_as_described() {
    let page = read_doc("language.md");
    let examples = fenced(&page, "rect");
    assert!(examples.len() >= 15, "{} examples", examples.len());
    let profile = Profile::shipped(DEFAULT_PROFILE).unwrap();
    let dates = Dates {
        as_of: None,
        today: Some("2025-04-27".parse().unwrap()),
    };
    let mut clean_plans = 0;
    for (line, example) in &examples {
        let (clean, expected) = markers(example);
        assert!(
            !expected.contains("P001"),
            "docs/language.md:{line}: a `rect` example may not expect a syntax error"
        );
        let whole = rectlint::parse::parse(example);
        if whole.plan.is_some() {
            let checked = check_bytes(example.as_bytes(), &profile, dates, &FileInfo::default());
            let found: BTreeSet<String> = checked
                .diagnostics
                .iter()
                .filter(|d| d.severity != Severity::Info)
                .map(code_of)
                .collect();
            assert!(
                !whole.has_syntax_errors(),
                "docs/language.md:{line}: a syntax error: {:?}",
                whole.diagnostics
            );
            if clean || !expected.is_empty() {
                assert_eq!(
                    found, expected,
                    "docs/language.md:{line}: the errors and warnings of this plan"
                );
            }
            clean_plans += usize::from(clean);
            continue;
        }
        assert!(
            !clean,
            "docs/language.md:{line}: `# expect-clean` is for whole plans"
        );
        let fits = CONTEXTS.iter().any(|(before, after)| {
            let text = format!("{before}{example}{after}");
            reading_codes(&text) == expected
        });
        let tried: Vec<BTreeSet<String>> = CONTEXTS
            .iter()
            .map(|(before, after)| reading_codes(&format!("{before}{example}{after}")))
            .collect();
        assert!(
            fits,
            "docs/language.md:{line}: in no block does this read with the findings {expected:?}; \
             in a plan, issue, measure, milestone it gives {tried:?}"
        );
    }
    assert!(clean_plans >= 2, "{clean_plans} clean plans");
}

/// The complete example of the language page is the plan in
/// `examples/spec-example/`, which the examples test keeps clean with its
/// evidence beside it.
#[test]
fn the_language_page_example_is_the_spec_example() {
    let page = read_doc("language.md");
    let (_, first) = fenced(&page, "rect").into_iter().next().unwrap();
    let mut without_marker = String::new();
    for line in first.lines().filter(|l| l.trim() != "# expect-clean") {
        without_marker.push_str(line);
        without_marker.push('\n');
    }
    let example =
        std::fs::read_to_string(repo().join("examples/spec-example/shenwan.rect")).unwrap();
    assert_eq!(without_marker, example);
}

/// Every spelling of every keyword is on the language page, as code.
#[test]
fn the_language_page_names_every_keyword_spelling() {
    let page = read_doc("language.md");
    for spellings in KEYWORDS {
        for word in spellings.chinese.iter().chain([&spellings.english]) {
            assert!(
                page.contains(&format!("`{word}`")),
                "docs/language.md does not name the keyword `{word}`"
            );
        }
    }
}

// ───────────────────────────── docs/rules.md ─────────────────────────────

/// The rule families, in catalog order: letter, Chinese and English title.
const FAMILIES: [(&str, &str, &str); 6] = [
    ("P", "读取文件", "Reading the file"),
    ("S", "结构与引用", "Structure and references"),
    ("R", "责任", "Responsibility"),
    ("T", "时间", "Time"),
    ("E", "佐证", "Evidence"),
    ("Q", "措辞", "Wording"),
];

/// `错误 error`.
fn severity_words(severity: Severity) -> String {
    format!("{} {}", severity.word(Lang::Zh), severity.word(Lang::En))
}

/// The GitHub anchor of a rule's heading `### CODE name`.
fn anchor(code: &str, name: &str) -> String {
    format!("{}-{name}", code.to_ascii_lowercase())
}

/// A rule's `explain` page with its headings two levels down, so that they
/// sit under the rule's own heading; lines inside code fences are kept.
fn demoted(page: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in page.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && line.starts_with('#') {
            out.push_str("##");
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A TOML value as the profiles section shows it.
fn shown_value(value: &toml::Value) -> String {
    match value {
        toml::Value::Array(items) => items
            .iter()
            .map(|item| {
                format!(
                    "`{}`",
                    item.as_str()
                        .map_or_else(|| item.to_string(), str::to_owned)
                )
            })
            .collect::<Vec<_>>()
            .join(" "),
        toml::Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

/// The profiles section: what each shipped profile sets, and the values
/// every one of them ends up with.
fn render_profiles(out: &mut String) {
    out.push_str("## 内置规则配置 · Shipped profiles\n\n");
    out.push_str(
        "阈值、词表和规则级别都在规则配置（profile）中，内置四种，嵌入在程序中（源文件在 `rules/`）。项目在 `rectlint.toml` 中选择其一并覆盖单项，见[配置](configuration.md)。下表是各配置最终的取值；其后列出每个配置文件自己写了什么。\n\n",
    );
    out.push_str(
        "Every threshold, word list and rule level lives in a profile; four are shipped, embedded in the binary (their sources are in `rules/`). A project picks one in its `rectlint.toml` and overrides single values, see [configuration](configuration.md). The table gives the values each profile ends up with; below it, what each profile file itself sets.\n\n",
    );
    let profiles: Vec<Profile> = SHIPPED
        .iter()
        .map(|(name, _)| Profile::shipped(name).expect("a shipped profile loads"))
        .collect();
    out.push_str("| 键 · key |");
    for p in &profiles {
        let _ = write!(out, " `{}` |", p.name);
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(profiles.len()));
    out.push('\n');
    let mut row = |key: &str, value: &dyn Fn(&Profile) -> String| {
        let _ = write!(out, "| `{key}` |");
        for p in &profiles {
            let _ = write!(out, " {} |", value(p));
        }
        out.push('\n');
    };
    row("description", &|p| p.description.clone());
    row("rectification_window_days", &|p| {
        p.rectification_window_days.to_string()
    });
    row("immediate_days", &|p| p.immediate_days.to_string());
    row("due_soon_days", &|p| p.due_soon_days.to_string());
    row("max_measures_per_leader", &|p| {
        p.max_measures_per_leader.to_string()
    });
    row("closure_evidence", &|p| {
        p.closure_evidence
            .iter()
            .map(|k| format!("`{}`", k.name()))
            .collect::<Vec<_>>()
            .join(" ")
    });
    row("escalate", &|p| format!("`{}`", p.escalate));
    row("[severity]", &|p| {
        if p.severity.is_empty() {
            "—".to_owned()
        } else {
            p.severity
                .iter()
                .map(|(code, level)| format!("{code} = `{}`", format!("{level:?}").to_lowercase()))
                .collect::<Vec<_>>()
                .join("，")
        }
    });
    out.push('\n');

    for (name, text) in SHIPPED {
        let table: toml::Table = toml::from_str(text).expect("a shipped profile is TOML");
        let _ = writeln!(out, "### `{name}`\n");
        if let Some(description) = table.get("description").and_then(toml::Value::as_str) {
            let _ = write!(out, "{description}");
        }
        if name == DEFAULT_PROFILE {
            out.push_str("（默认 · the default）");
        }
        out.push_str("\n\n");
        if let Some(parent) = table.get("extends").and_then(toml::Value::as_str) {
            let _ = writeln!(
                out,
                "以 `{parent}` 为基础，只改下列各项。 · Starts from `{parent}` and changes only what follows.\n"
            );
        }
        let _ = writeln!(out, "| 键 · key | 值 · value |\n|---|---|");
        for (key, value) in &table {
            if matches!(key.as_str(), "extends" | "description" | "severity") {
                continue;
            }
            let _ = writeln!(out, "| `{key}` | {} |", shown_value(value));
        }
        if let Some(severity) = table.get("severity").and_then(toml::Value::as_table) {
            for (code, level) in severity {
                let _ = writeln!(out, "| `[severity]` {code} | {} |", shown_value(level));
            }
        }
        out.push('\n');
    }
}

/// `docs/rules.md`, made from the registry and the shipped profiles.
fn render_rules_page() -> String {
    let mut out = String::new();
    out.push_str(
        "<!-- 本页由 tests/it/docs.rs 根据各规则文件中的说明和 rules/*.toml 生成，请勿手工修改；运行 UPDATE_DOCS=1 cargo test --test it docs:: 重新生成。 · Generated by tests/it/docs.rs from the rules' own documentation and rules/*.toml: do not edit by hand; run UPDATE_DOCS=1 cargo test --test it docs:: to regenerate. -->\n\n",
    );
    out.push_str("# 规则 · Rules\n\n");
    out.push_str(
        "每条规则有固定的代码、名称、默认级别（错误、警告、提示）、一句话说明和说明页。`rectlint explain 代码` 显示与本页相同的说明页；`rectlint rules` 列出每条规则在当前配置下的级别。级别可在 `rectlint.toml` 的 `[severity]` 中逐条调整，见[配置](configuration.md)。错误使检查不通过（退出码 1）；警告只在使用 `--deny warnings` 或超过 `--max-warnings` 时才使检查不通过；提示从不使检查不通过。\n\n",
    );
    out.push_str(
        "Each rule has a stable code, a name, a default severity (error, warning, info), a one-line summary and a documentation page. `rectlint explain CODE` shows the same page as here; `rectlint rules` lists every rule with its level under the active profile. Levels can be changed rule by rule under `[severity]` in `rectlint.toml`, see [configuration](configuration.md). Errors fail the run (exit code 1); warnings fail it only with `--deny warnings` or past `--max-warnings`; infos never do.\n\n",
    );
    out.push_str(
        "**修复 · Fixes.** “安全”的修复不改变方案的含义，`--fix` 即应用；“不安全”的修复可能改变含义（如改正键名），只有 `--fix --unsafe-fixes` 才应用，应用后请核对。 · A *safe* fix never changes what the plan means and `--fix` applies it; an *unsafe* one may (a renamed key), and only `--fix --unsafe-fixes` applies it: check the result.\n\n",
    );
    out.push_str("## 总览 · Overview\n\n");
    out.push_str(
        "| 代码 · code | 名称 · name | 默认级别 · default | 修复 · fix | 检查内容 | checks |\n|---|---|---|---|---|---|\n",
    );
    for rule in ALL {
        let m = rule.meta();
        let fix = match m.fix {
            Fixable::No => "—",
            Fixable::Safe => "安全 safe",
            Fixable::Unsafe => "不安全 unsafe",
        };
        let _ = writeln!(
            out,
            "| [{}](#{}) | `{}` | {} | {fix} | {} | {} |",
            m.code,
            anchor(&m.code, m.name),
            m.name,
            severity_words(m.severity),
            m.summary.0,
            m.summary.1
        );
    }
    out.push('\n');
    render_profiles(&mut out);
    for (letter, zh, en) in FAMILIES {
        let _ = writeln!(out, "## {letter} — {zh} · {en}\n");
        for rule in ALL.iter().filter(|r| r.meta().code.starts_with(letter)) {
            let m = rule.meta();
            let fix = match m.fix {
                Fixable::No => String::new(),
                Fixable::Safe => "；可自动修复（`--fix`） · fixable with `--fix`".to_owned(),
                Fixable::Unsafe => {
                    "；可自动修复（`--fix --unsafe-fixes`，修复后请核对） · fixable with `--fix --unsafe-fixes` (check the result)"
                        .to_owned()
                }
            };
            let _ = writeln!(out, "### {} {}\n", m.code, m.name);
            let _ = writeln!(
                out,
                "默认级别 · default: **{}**{fix}\n",
                severity_words(m.severity)
            );
            let _ = writeln!(out, "{} · {}\n", m.summary.0, m.summary.1);
            out.push_str(&demoted(m.doc.zh));
            out.push('\n');
            out.push_str(&demoted(m.doc.en));
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[test]
fn docs_rules_md_is_up_to_date() {
    let path = repo().join("docs/rules.md");
    let expected = render_rules_page();
    if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    if written != expected {
        let first = written
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| written.lines().count().min(expected.lines().count()));
        panic!(
            "docs/rules.md is not what the rules and profiles say (first difference at line {}).\n\
             Regenerate it with:\n\n    UPDATE_DOCS=1 cargo test --test it docs_rules_md_is_up_to_date\n\n\
             and commit the result.",
            first + 1
        );
    }
}

// ───────────────────────── docs/configuration.md, docs/cli.md ─────────────────────────

/// The keys of `rectlint.toml` and of profile files: the fields of
/// `config::Settings`, read from its source.
fn settings_keys() -> Vec<String> {
    let source = std::fs::read_to_string(repo().join("src/config.rs")).unwrap();
    let start = source
        .find("pub struct Settings {")
        .expect("struct Settings");
    let body = &source[start..start + source[start..].find("\n}").unwrap()];
    body.lines()
        .filter_map(|l| l.trim().strip_prefix("pub "))
        .filter_map(|l| l.split_once(':'))
        .map(|(name, _)| name.trim().to_owned())
        .collect()
}

#[test]
fn the_configuration_page_names_every_key() {
    let page = read_doc("configuration.md");
    let keys = settings_keys();
    assert!(keys.len() >= 20, "{keys:?}");
    for key in keys {
        assert!(
            page.contains(&format!("`{key}`")),
            "docs/configuration.md does not describe the key `{key}`"
        );
    }
}

#[test]
fn the_command_line_page_names_every_command_and_option() {
    let page = read_doc("cli.md");
    let cli = rectlint::cli::Cli::command();
    let mut seen = 0;
    for command in cli.get_subcommands() {
        let name = command.get_name();
        assert!(
            page.contains(&format!("rectlint {name}")),
            "docs/cli.md does not name `rectlint {name}`"
        );
        for arg in command.get_arguments() {
            if let Some(long) = arg.get_long() {
                assert!(
                    page.contains(&format!("--{long}")),
                    "docs/cli.md does not name `{name} --{long}`"
                );
                seen += 1;
            }
            let takes_value = matches!(
                arg.get_action(),
                clap::ArgAction::Set | clap::ArgAction::Append
            );
            for value in arg.get_possible_values() {
                if takes_value && arg.get_long().is_some() {
                    assert!(
                        page.contains(value.get_name()),
                        "docs/cli.md does not name `--{} {}`",
                        arg.get_long().unwrap_or_default(),
                        value.get_name()
                    );
                }
            }
        }
    }
    assert!(seen >= 20, "{seen} options");
}

/// The README points to the documentation in the repository, not to a
/// specification beside it.
#[test]
fn the_readme_points_to_the_docs() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    assert!(
        !readme.contains("shared/spec"),
        "README points outside the repository"
    );
    for page in ["language.md", "rules.md", "configuration.md", "cli.md"] {
        assert!(
            readme.contains(&format!("(docs/{page})")),
            "README does not link docs/{page}"
        );
        assert!(repo().join("docs").join(page).is_file(), "docs/{page}");
    }
}
