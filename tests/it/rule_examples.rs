//! Every rule's documentation teaches the truth: each code block under its
//! bad heading (`## 错误示例`, `## Example`) gives a finding of that rule,
//! and each under its good heading (`## 正确写法`, `## Use instead`) gives
//! none, in both languages.
//!
//! Most examples are fragments: a measure, the fields of a measure, a
//! `人员` block beside a measure, a `反馈日期` above a `……` standing for the
//! rest of the plan. A fragment is made into the smallest plan it fits: its
//! plan-level items (fields and blocks a plan holds) in a plan with a
//! `反馈日期` (unless the fragment gives one), its measures in issues named
//! after their ids, loose measure fields in one measure. Each example is
//! checked as `plan.rect` at the root of a fresh folder, as of its
//! `报告日期`, else 2025-04-27; what a rule needs besides the text is set
//! up in [`SETUPS`], with a note saying why. P002's examples are commands
//! and what they print: [`p002_examples_run_as_shown`] runs them.

use crate::common::Run;

use std::fmt::Write as _;
use std::path::Path;

use rectlint::check::rules::ALL;
use rectlint::check::{Dates, FileInfo, HEADINGS_EN, HEADINGS_ZH};
use rectlint::config::{self, Overrides};
use rectlint::diagnostic::Diagnostic;
use rectlint::engine::check_bytes;
use rectlint::parse::keywords::{BlockKind, KEYWORDS, Keyword};

/// What a rule's examples need besides their text.
struct Setup {
    code: &'static str,
    /// Why, as a reader of the test should know it.
    note: &'static str,
    /// A `rectlint.toml` in the example's folder.
    config: Option<&'static str>,
    /// Files that exist beside the good examples (bad ones have none).
    files_for_good: &'static [&'static str],
}

const SETUPS: &[Setup] = &[
    Setup {
        code: "R004",
        note: "the example says it assumes `max_measures_per_leader = 2` in rectlint.toml",
        config: Some("max_measures_per_leader = 2\n"),
        files_for_good: &[],
    },
    Setup {
        code: "E003",
        note: "the good example's evidence file exists beside the plan, as its text says",
        config: None,
        files_for_good: &["evidence/A1.1/办案队伍台账.xlsx"],
    },
];

/// Rules whose examples are not plans, and the test that checks them.
const NOT_PLANS: &[(&str, &str)] = &[
    (
        "P002",
        "commands and what they print, run by p002_examples_run_as_shown",
    ),
    (
        "P007",
        "commands and what they print, run by p007_examples_run_as_shown",
    ),
];

/// The code blocks of the section of `doc` under `heading`.
fn blocks(doc: &str, heading: &str) -> Vec<String> {
    let start = doc
        .find(&format!("{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading}"));
    let section = &doc[start + heading.len()..];
    let section = section.find("\n## ").map_or(section, |end| &section[..end]);
    let mut out = Vec::new();
    let mut open: Option<String> = None;
    for line in section.lines() {
        match &mut open {
            None if line.starts_with("```") => open = Some(String::new()),
            None => {}
            Some(body) if line == "```" => {
                out.push(std::mem::take(body));
                open = None;
            }
            Some(body) => {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    assert!(open.is_none(), "an unclosed code block under {heading}");
    out
}

/// Where an item of a fragment belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    /// A whole plan.
    Whole,
    /// Inside a plan.
    Plan,
    /// A measure, inside an issue.
    Issue,
    /// Inside a measure.
    Measure,
}

/// The keyword an item starts with.
fn keyword(item: &str) -> Option<Keyword> {
    let line = item
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    let word = line
        .split(['：', ':', ' ', '\u{3000}', '{'])
        .next()
        .unwrap_or_default();
    KEYWORDS
        .iter()
        .find(|k| k.english == word || k.chinese.contains(&word))
        .map(|k| k.keyword)
}

fn level(item: &str) -> Level {
    match keyword(item) {
        Some(Keyword::Plan) => Level::Whole,
        Some(Keyword::Measure) => Level::Issue,
        Some(k) if BlockKind::Plan.allowed().contains(&k) => Level::Plan,
        _ => Level::Measure,
    }
}

/// The items of a fragment: each line at the top level with the block it
/// opens and the comments above it; `……` (the rest of the plan) left out.
fn items(fragment: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for line in fragment.lines() {
        let trimmed = line.trim();
        if trimmed == "……" {
            continue;
        }
        let comment = trimmed.starts_with('#');
        if depth == 0 && current.lines().any(|l| !l.trim().starts_with('#')) {
            items.push(std::mem::take(&mut current));
        }
        current.push_str(line);
        current.push('\n');
        if !comment {
            let opens = trimmed.matches('{').count();
            let closes = trimmed.matches('}').count();
            depth = (depth + opens).saturating_sub(closes);
        }
    }
    if !current.is_empty() {
        items.push(current);
    }
    items
}

fn indented(text: &str, by: usize) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let _ = writeln!(out, "{:by$}{line}", "");
    }
    out
}

/// The smallest plan `fragment` fits in (itself when it is one).
fn as_plan(fragment: &str) -> String {
    let items = items(fragment);
    if items.iter().any(|i| level(i) == Level::Whole) {
        return fragment.to_owned();
    }
    let mut plan = String::from("方案 示例 {\n");
    if !items.iter().any(|i| keyword(i) == Some(Keyword::Feedback)) {
        plan.push_str("  反馈日期：2024-07-26\n");
    }
    for item in items.iter().filter(|i| level(i) == Level::Plan) {
        plan.push_str(&indented(item, 2));
    }
    // Measures in issues named after their ids: A1.2 in A1.
    let mut issues: Vec<(String, String)> = Vec::new();
    for item in items.iter().filter(|i| level(i) == Level::Issue) {
        let header = item
            .lines()
            .find(|l| !l.trim().starts_with('#'))
            .unwrap_or_default();
        let id = header.split_whitespace().nth(1).unwrap_or("A1.1");
        let issue = id.rsplit_once('.').map_or("A1", |(issue, _)| issue);
        match issues.iter_mut().find(|(name, _)| name == issue) {
            Some((_, body)) => body.push_str(&indented(item, 4)),
            None => issues.push((issue.to_owned(), indented(item, 4))),
        }
    }
    for (id, body) in &issues {
        let _ = write!(plan, "  问题 {id} 示例 {{\n{body}  }}\n");
    }
    let fields: String = items
        .iter()
        .filter(|i| level(i) == Level::Measure)
        .map(|i| indented(i, 6))
        .collect();
    if !fields.is_empty() {
        let _ = write!(
            plan,
            "  问题 A1 示例 {{\n    措施 A1.1 示例 {{\n{fields}    }}\n  }}\n"
        );
    }
    plan.push_str("}\n");
    plan
}

/// The line of `text` that `offset` lies on.
fn line_at(text: &str, offset: usize) -> &str {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    &text[start..end]
}

/// The findings of `plan` as `plan.rect` in a fresh folder (a repository
/// of its own) holding `files` and, if given, a `rectlint.toml`.
fn check_in_folder(plan: &str, config: Option<&str>, files: &[&str]) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    if let Some(config) = config {
        std::fs::write(dir.path().join("rectlint.toml"), config).unwrap();
    }
    for file in files {
        let path = dir.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    }
    let path = dir.path().join("plan.rect");
    std::fs::write(&path, plan).unwrap();
    let resolved = config::resolve(dir.path(), &Overrides::default()).unwrap();
    let dates = Dates {
        as_of: None,
        today: Some("2025-04-27".parse().unwrap()),
    };
    let file = FileInfo {
        path: Some(path),
        root: resolved.root.clone(),
        files: None,
    };
    check_bytes(plan.as_bytes(), &resolved.profile, dates, &file).diagnostics
}

#[test]
fn every_rules_bad_examples_give_its_finding_and_good_ones_none() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in ALL {
        let meta = rule.meta();
        let code = meta.code;
        if NOT_PLANS.iter().any(|(c, _)| *c == code) {
            continue;
        }
        let setup = SETUPS.iter().find(|s| s.code == code);
        let config = setup.and_then(|s| s.config);
        let mut examples: Vec<(bool, &str, String)> = Vec::new();
        for (doc, [.., bad, good]) in [(meta.doc.zh, HEADINGS_ZH), (meta.doc.en, HEADINGS_EN)] {
            for (is_bad, heading) in [(true, bad), (false, good)] {
                let found = blocks(doc, heading);
                if found.is_empty() {
                    failures.push(format!("{code}: no code block under {heading}"));
                }
                for block in found {
                    if !examples.iter().any(|(b, _, e)| *b == is_bad && *e == block) {
                        examples.push((is_bad, heading, block));
                    }
                }
            }
        }
        for (is_bad, heading, example) in examples {
            checked += 1;
            let plan = as_plan(&example);
            let files = match setup {
                Some(s) if !is_bad => s.files_for_good,
                _ => &[],
            };
            let found = check_in_folder(&plan, config, files);
            let of_rule = found.iter().filter(|d| d.code == code).count();
            // A bad example is to show the finding on its own lines, not
            // on those wrapped around it.
            let own_lines: Vec<&str> = example.lines().map(str::trim).collect();
            let on_own_lines = found
                .iter()
                .filter(|d| d.code == code)
                .any(|d| own_lines.contains(&line_at(&plan, d.primary.span.start()).trim()));
            let unreadable: Vec<&Diagnostic> = found
                .iter()
                .filter(|d| d.code == "P001" && code != "P001")
                .collect();
            let problem = if !unreadable.is_empty() {
                Some(format!("does not read: {:?}", unreadable[0].message))
            } else if is_bad && of_rule == 0 {
                Some(format!("gives no {code}"))
            } else if is_bad && !on_own_lines {
                Some(format!("gives {code} only on the lines wrapped around it"))
            } else if !is_bad && of_rule > 0 {
                Some(format!("gives {of_rule} finding(s) of {code}"))
            } else {
                None
            };
            if let Some(problem) = problem {
                let codes: Vec<&str> = found.iter().map(|d| d.code.as_str()).collect();
                failures.push(format!(
                    "{code}, under {heading}: the example {problem}\n{example}checked as\n{plan}all findings: {codes:?}\n"
                ));
            }
        }
    }
    assert!(
        checked >= 2 * (ALL.len() - NOT_PLANS.len()),
        "{checked} examples"
    );
    assert!(
        failures.is_empty(),
        "{} examples teach the wrong thing:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every rule named in [`SETUPS`] and [`NOT_PLANS`] exists: a note cannot
/// outlive its rule.
#[test]
fn every_note_on_an_example_names_a_rule() {
    let codes = SETUPS
        .iter()
        .map(|s| (s.code, s.note))
        .chain(NOT_PLANS.iter().copied());
    for (code, note) in codes {
        assert!(
            ALL.iter().any(|r| r.meta().code == code),
            "{code} ({note}) is no rule"
        );
        assert!(!note.is_empty());
    }
}

/// The plan a command names.
fn plan_file(args: &[String]) -> &str {
    args.iter()
        .find(|a| Path::new(a).extension().is_some_and(|e| e == "rect"))
        .expect("the command names a plan")
}

/// P002's examples are commands and what they print: run on a plan saved
/// in GB18030, the bad one prints the finding it shows; after the good one
/// the file is UTF-8 and P002 is gone.
#[test]
fn p002_examples_run_as_shown() {
    let meta = ALL.iter().find(|r| r.meta().code == "P002").unwrap().meta();
    let plan = crate::common::plan("");
    let (gb18030, _, _) = encoding_rs::GB18030.encode(&plan);
    for (doc, [.., bad, good]) in [(meta.doc.zh, HEADINGS_ZH), (meta.doc.en, HEADINGS_EN)] {
        let transcript = |heading: &str| -> (Vec<String>, Vec<String>) {
            let block = blocks(doc, heading).concat();
            let mut lines = block.lines();
            let command = lines.next().unwrap();
            let args = command
                .strip_prefix("$ rectlint ")
                .unwrap_or_else(|| panic!("P002 {heading}: not a command: {command}"));
            (
                args.split_whitespace().map(str::to_owned).collect(),
                lines.map(str::to_owned).collect(),
            )
        };
        let (args, printed) = transcript(bad);
        let file = plan_file(&args);
        let run = Run::new().file(file, gb18030.as_ref());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run.exec(&args);
        assert!(!printed.is_empty(), "P002 {bad}: the output is not shown");
        for line in &printed {
            // `警告[P002] message` stands for the heading and the message,
            // printed on lines of their own.
            let (heading, message) = line.split_once("] ").unwrap();
            assert!(
                out.stdout.contains(&format!("{heading}]\n")),
                "P002 {bad}: `{heading}]` is not printed:\n{}",
                out.stdout
            );
            assert!(
                out.stdout.contains(message),
                "P002 {bad}: `{message}` is not printed:\n{}",
                out.stdout
            );
        }

        let (args, printed) = transcript(good);
        assert!(printed.is_empty(), "P002 {good}: {printed:?}");
        let file = plan_file(&args);
        let run = Run::new().file(file, gb18030.as_ref());
        let fmt: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run.exec(&fmt);
        assert_eq!(out.code, 0, "P002 {good}: {out:?}");
        let written = std::fs::read(run.path().join(file)).unwrap();
        let written = String::from_utf8(written).expect("rewritten in UTF-8");
        assert!(
            written.contains("被巡察单位：某局"),
            "P002 {good}: {written}"
        );
        let out = run.exec(&["check", file, "--format", "json"]);
        assert!(!out.stdout.contains("P002"), "P002 {good}: {}", out.stdout);
    }
}

/// P007's examples are commands: the bad one on a Word document renamed
/// to `.rect` (a zip archive, NUL bytes in it) prints what it shows; the good
/// one, on a plan of UTF-8 text, gives no P007.
#[test]
fn p007_examples_run_as_shown() {
    let meta = ALL.iter().find(|r| r.meta().code == "P007").unwrap().meta();
    let word = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml";
    for (doc, [.., bad, good]) in [(meta.doc.zh, HEADINGS_ZH), (meta.doc.en, HEADINGS_EN)] {
        let block = blocks(doc, bad).concat();
        let mut lines = block.lines();
        let command = lines.next().unwrap();
        let args: Vec<&str> = command
            .strip_prefix("$ rectlint ")
            .unwrap_or_else(|| panic!("P007 {bad}: not a command: {command}"))
            .split_whitespace()
            .collect();
        let file = args[1];
        let out = Run::new().file(file, word).exec(&args);
        assert_eq!(out.code, 1, "P007 {bad}: {out:?}");
        let printed: Vec<&str> = lines.collect();
        assert!(!printed.is_empty(), "P007 {bad}: the output is not shown");
        for line in printed {
            let (heading, message) = line.split_once("] ").unwrap();
            assert!(
                out.stdout.contains(&format!("{heading}]\n")) && out.stdout.contains(message),
                "P007 {bad}: `{line}` is not printed:\n{}",
                out.stdout
            );
        }
        let block = blocks(doc, good).concat();
        let args: Vec<&str> = block
            .lines()
            .next()
            .unwrap()
            .strip_prefix("$ rectlint ")
            .unwrap()
            .split_whitespace()
            .collect();
        let run = Run::new().file(args[1], crate::common::plan(""));
        let out = run.exec(&[args.as_slice(), &["--format", "json"]].concat());
        assert!(!out.stdout.contains("P007"), "P007 {good}: {}", out.stdout);
    }
}

/// The wrapping keeps whole plans as they are and puts each item of a
/// fragment where it belongs.
#[test]
fn fragments_are_made_into_the_plans_they_belong_in() {
    let whole = "方案 甲 {\n  反馈日期：2024-07-26\n}\n";
    assert_eq!(as_plan(whole), whole);
    assert_eq!(
        as_plan(
            "报告日期：2025-04-27\n……\n人员 {\n  李明：副局长\n}\n措施 A2.1 甲 {\n  责任领导：李明\n}\n"
        ),
        "方案 示例 {\n  反馈日期：2024-07-26\n  报告日期：2025-04-27\n  人员 {\n    李明：副局长\n  }\n  问题 A2 示例 {\n    措施 A2.1 甲 {\n      责任领导：李明\n    }\n  }\n}\n"
    );
    assert_eq!(
        as_plan("反馈日期：2024年7月26日\n# rectlint: allow T004 理由\n佐证：制度 《甲》\n"),
        "方案 示例 {\n  反馈日期：2024年7月26日\n  问题 A1 示例 {\n    措施 A1.1 示例 {\n      # rectlint: allow T004 理由\n      佐证：制度 《甲》\n    }\n  }\n}\n"
    );
}
