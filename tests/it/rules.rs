//! Rule fixtures: for every rule a folder `tests/fixtures/rules/CODE/` of
//! plans. A `bad-*.rect` file lists the findings of that rule it must give,
//! one comment each:
//!
//! ```text
//! # expect: T007 12:9 已逾期
//! ```
//!
//! (code, line:column of the finding, and words its Chinese message holds).
//! The file must give exactly those findings of that code. An `ok-*.rect`
//! file is a near miss: it must give no finding of that code. Either may set
//! `# as-of: DATE` and `# profile: NAME`; files are judged as of 2025-04-27
//! unless they say otherwise or give a `报告日期`. Beside a fixture, a
//! `*.fixed.rect` or `*.unsafe-fixed.rect` file is the text its fixes give
//! (`fixed.rs` checks those), not a fixture.

use std::path::{Path, PathBuf};

use rectlint::check::{Dates, FileInfo};
use rectlint::config::{self, Overrides, Resolved};
use rectlint::diagnostic::Lang;
use rectlint::engine::check_bytes;
use rectlint::span::LineIndex;

pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

struct Expected {
    code: String,
    line: usize,
    column: usize,
    words: String,
}

fn directive<'a>(text: &'a str, name: &str) -> impl Iterator<Item = &'a str> {
    let prefix = format!("# {name}:");
    text.lines()
        .filter_map(move |l| l.trim_start().strip_prefix(prefix.as_str()).map(str::trim))
}

fn expectations(text: &str) -> Vec<Expected> {
    directive(text, "expect")
        .map(|e| {
            let mut parts = e.splitn(3, ' ');
            let code = parts.next().unwrap_or_default().to_owned();
            let place = parts.next().unwrap_or_default();
            let (line, column) = place
                .split_once(':')
                .unwrap_or_else(|| panic!("bad expect line: {e}"));
            Expected {
                code,
                line: line.parse().unwrap(),
                column: column.parse().unwrap(),
                words: parts.next().unwrap_or_default().trim().to_owned(),
            }
        })
        .collect()
}

/// How the fixture at `path`, holding `text`, is checked: under its
/// folder's configuration and its `# profile:`, as of its `# as-of:` (else
/// its `报告日期`, else 2025-04-27).
pub(crate) fn setting(path: &Path, text: &str) -> (Resolved, Dates, FileInfo) {
    let dir = path.parent().unwrap();
    let overrides = Overrides {
        profile: directive(text, "profile").next().map(str::to_owned),
        ..Overrides::default()
    };
    let resolved = config::resolve(dir, &overrides).unwrap();
    let as_of = directive(text, "as-of").next().map(|d| d.parse().unwrap());
    let dates = Dates {
        as_of,
        today: Some("2025-04-27".parse().unwrap()),
    };
    let file = FileInfo {
        path: Some(path.to_path_buf()),
        root: resolved.root.clone(),
        files: None,
    };
    (resolved, dates, file)
}

/// (code, line, column, Chinese message) of every finding of `code`.
fn findings(path: &Path, code: &str) -> Vec<(usize, usize, String, String)> {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (resolved, dates, file) = setting(path, &text);
    let checked = check_bytes(&bytes, &resolved.profile, dates, &file);
    let index = LineIndex::new(&checked.text);
    checked
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let at = index.line_col(&checked.text, d.primary.span.start());
            (
                at.line,
                at.column,
                d.message.get(Lang::Zh).to_owned(),
                d.message.get(Lang::En).to_owned(),
            )
        })
        .collect()
}

/// Whether `path` is the text a fixture's fixes give (`*.fixed.rect`,
/// `*.unsafe-fixed.rect`) rather than a fixture.
pub(crate) fn is_fixed_text(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".fixed.rect") || n.ends_with(".unsafe-fixed.rect"))
}

/// The fixtures in `dir`, in name order.
pub(crate) fn plans(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "rect") && !is_fixed_text(p));
    files.sort();
    files
}

#[test]
fn every_fixture_gives_exactly_its_expected_findings() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in rectlint::check::rules::ALL {
        let code = rule.meta().code.as_str();
        for path in plans(&fixtures().join(code)) {
            checked += 1;
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            let expected = expectations(&text);
            let found = findings(&path, code);
            if name.starts_with("bad-") && expected.is_empty() {
                failures.push(format!(
                    "{code}/{name}: a bad- fixture lists no `# expect:`"
                ));
            }
            if name.starts_with("ok-") && !expected.is_empty() {
                failures.push(format!(
                    "{code}/{name}: an ok- fixture may not expect findings"
                ));
            }
            for e in &expected {
                if e.code != code {
                    failures.push(format!(
                        "{code}/{name}: expects {} in the folder of {code}",
                        e.code
                    ));
                }
                let hit = found
                    .iter()
                    .any(|(l, c, zh, _)| *l == e.line && *c == e.column && zh.contains(&e.words));
                if !hit {
                    failures.push(format!(
                        "{code}/{name}: expected {} at {}:{} with “{}”, found {found:?}",
                        e.code, e.line, e.column, e.words
                    ));
                }
            }
            if found.len() != expected.len() {
                failures.push(format!(
                    "{code}/{name}: expected {} finding(s) of {code}, found {}: {found:?}",
                    expected.len(),
                    found.len()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} fixtures failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_trigger_and_a_near_miss() {
    let mut missing = Vec::new();
    for rule in rectlint::check::rules::ALL {
        let code = rule.meta().code.as_str();
        let files = plans(&fixtures().join(code));
        let has = |prefix: &str| {
            files
                .iter()
                .any(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        };
        if !has("bad-") || !has("ok-") {
            missing.push(code);
        }
    }
    assert!(
        missing.is_empty(),
        "rules without a bad- and an ok- fixture: {missing:?}"
    );
}

/// A misspelt name met in several measures gets its suggestion each time
/// (S004 and S005 look each unknown name up once), and another misspelt
/// name its own.
#[test]
fn every_unknown_name_gets_its_own_suggestion_however_often_it_is_met() {
    let path = fixtures().join("S004/bad-a-name-met-twice.rect");
    let bytes = std::fs::read(path).unwrap();
    let profile = config::Profile::shipped("xuncha").unwrap();
    let dates = Dates {
        as_of: Some("2025-04-27".parse().unwrap()),
        today: None,
    };
    let checked = check_bytes(&bytes, &profile, dates, &FileInfo::default());
    let helps = |code: &str| -> Vec<String> {
        checked
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| d.help.as_ref().unwrap().get(Lang::Zh).to_owned())
            .collect()
    };
    assert_eq!(
        helps("S004"),
        ["是否想写“李明”？", "是否想写“孙强”？", "是否想写“李明”？"]
    );
    assert_eq!(
        helps("S005"),
        [
            "是否想写“办公室”？",
            "是否想写“刑侦大队”？",
            "是否想写“办公室”？"
        ]
    );
}
