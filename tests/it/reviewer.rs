//! A plan full of the mistakes RULES.md describes: `check` finds each one a
//! reviewer would find, and nothing about its syntax.

use crate::common;

use std::collections::BTreeSet;

use common::{Run, repo};
use rectlint::check::rules::ALL;

#[test]
fn every_mistake_a_reviewer_would_find_is_found() {
    let out = Run::new().cwd(&repo()).exec(&[
        "check",
        "tests/fixtures/reviewer/full-of-mistakes.rect",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let found: BTreeSet<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    let expected: BTreeSet<&str> = ALL
        .iter()
        .map(|r| r.meta().code.as_str())
        .filter(|c| !c.starts_with('P'))
        .collect();
    let missed: Vec<&&str> = expected.difference(&found).collect();
    assert!(missed.is_empty(), "not found: {missed:?}");
    assert!(!found.iter().any(|c| c.starts_with('P')), "{found:?}");
}
