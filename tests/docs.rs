//! The user documentation in `docs/` keeps up with the program: every
//! `rect` example of the language page reads as the page says, and the page
//! names every keyword there is.

mod common;

use std::collections::BTreeSet;

use common::repo;
use rectlint::check::{Dates, FileInfo};
use rectlint::config::{DEFAULT_PROFILE, Profile};
use rectlint::diagnostic::Severity;
use rectlint::lint::check_bytes;
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
