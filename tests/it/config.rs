//! `rectlint.toml` and profiles change the result as documented: a
//! threshold, a word list, a severity, a profile by name or by file, the
//! nearest configuration file, and `--profile` / `--config` over them.

use crate::common;

use common::{Run, plan};
use serde_json::Value;

/// (code, severity) of every finding.
fn findings(out: &common::Output) -> Vec<(String, String)> {
    let doc: Value = serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {out:?}"));
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn has(out: &common::Output, code: &str, severity: &str) -> bool {
    findings(out).contains(&(code.to_owned(), severity.to_owned()))
}

/// The template plan with its deadline 158 days after the feedback date.
fn late_plan() -> String {
    plan("").replace("时限：2024-09-30", "时限：2024-12-31")
}

#[test]
fn a_threshold_override_changes_the_result() {
    let run = Run::new().file("p.rect", late_plan());
    assert!(!has(
        &run.exec(&["check", "p.rect", "--format", "json"]),
        "T004",
        "warning"
    ));
    let run = Run::new()
        .file("p.rect", late_plan())
        .file("rectlint.toml", "rectification_window_days = 90\n");
    let out = run.exec(&["check", "p.rect", "--format", "json"]);
    assert!(has(&out, "T004", "warning"), "{out:?}");
    assert_eq!(out.code, 0, "a warning does not fail the run");
}

#[test]
fn a_word_list_override_changes_the_result() {
    let text = plan("").replace("责任部门：办公室", "责任部门：整改专班");
    let run = Run::new().file("p.rect", &text);
    assert!(!has(
        &run.exec(&["check", "p.rect", "--format", "json"]),
        "R006",
        "warning"
    ));
    let run = Run::new().file("p.rect", &text).file(
        "rectlint.toml",
        "collective_names = [\"专班\", \"各单位\"]\n",
    );
    assert!(has(
        &run.exec(&["check", "p.rect", "--format", "json"]),
        "R006",
        "warning"
    ));
}

#[test]
fn a_severity_override_changes_the_result_and_the_exit_code() {
    let run = Run::new().file("p.rect", late_plan()).file(
        "rectlint.toml",
        "rectification_window_days = 90\n\n[severity]\nT004 = \"error\"\n",
    );
    let out = run.exec(&["check", "p.rect", "--format", "json"]);
    assert!(has(&out, "T004", "error"), "{out:?}");
    assert_eq!(out.code, 1);
    let text = plan("").replace("      责任人：王芳\n", "");
    let run = Run::new().file("p.rect", &text);
    assert!(has(
        &run.exec(&["check", "p.rect", "--format", "json"]),
        "R007",
        "info"
    ));
    let run = Run::new()
        .file("p.rect", &text)
        .file("rectlint.toml", "[severity]\nR007 = \"off\"\n");
    assert!(findings(&run.exec(&["check", "p.rect", "--format", "json"])).is_empty());
}

#[test]
fn a_shipped_profile_by_name() {
    let text = plan("").replace("      责任人：王芳\n", "");
    let run = Run::new()
        .file("p.rect", &text)
        .file("rectlint.toml", "profile = \"strict\"\n");
    let out = run.exec(&["check", "p.rect", "--format", "json"]);
    assert!(has(&out, "R007", "warning"), "{out:?}");
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["profile"], "strict");
}

#[test]
fn a_profile_file_of_the_project() {
    let run = Run::new()
        .file("p.rect", late_plan())
        .file(
            "rules/ours.toml",
            "extends = \"xuncha\"\nrectification_window_days = 60\n",
        )
        .file("rectlint.toml", "profile = \"rules/ours.toml\"\n");
    assert!(has(
        &run.exec(&["check", "p.rect", "--format", "json"]),
        "T004",
        "warning"
    ));
}

#[test]
fn the_nearest_configuration_wins() {
    let run = Run::new()
        .file("rectlint.toml", "rectification_window_days = 90\n")
        .file("a/p.rect", late_plan())
        .file("b/rectlint.toml", "rectification_window_days = 365\n")
        .file("b/p.rect", late_plan());
    let out = run.exec(&["check", ".", "--format", "json"]);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    let paths: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "T004")
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["a/p.rect"]);
}

#[test]
fn profile_and_config_options_take_precedence() {
    let run = Run::new()
        .file("p.rect", late_plan())
        .file("rectlint.toml", "profile = \"xuncha\"\n")
        .file("ci.toml", "rectification_window_days = 90\n");
    assert!(has(
        &run.exec(&["check", "p.rect", "--format", "json", "--profile", "audit"]),
        "T004",
        "warning"
    ));
    assert!(has(
        &run.exec(&["check", "p.rect", "--format", "json", "--config", "ci.toml"]),
        "T004",
        "warning"
    ));
    assert!(!has(
        &run.exec(&["check", "p.rect", "--format", "json"]),
        "T004",
        "warning"
    ));
    let out = run.exec(&["check", "p.rect", "--profile", "nosuch"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no such profile"), "{}", out.stderr);
}

#[test]
fn a_wrong_value_type_points_into_the_toml() {
    let run = Run::new()
        .file("p.rect", plan(""))
        .file("rectlint.toml", "[severity]\nT004 = \"loud\"\n");
    let out = run.exec(&["check", "p.rect"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("rectlint.toml:2:8"), "{}", out.stderr);
    assert!(
        out.stderr.contains("unknown variant `loud`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_severity_key_is_a_rule_code_in_any_case() {
    let text = plan("").replace("      责任人：王芳\n", "");
    let run = Run::new()
        .file("p.rect", &text)
        .file("rectlint.toml", "[severity]\nr007 = \"off\"\n");
    assert!(findings(&run.exec(&["check", "p.rect", "--format", "json"])).is_empty());
    let run = Run::new().file("p.rect", &text).file(
        "rectlint.toml",
        "[severity]\nR007 = \"off\"\nT04 = \"off\"\n",
    );
    let out = run.exec(&["check", "p.rect"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("rectlint.toml:3:1"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("unknown rule `T04`; did you mean `T004`?"),
        "{}",
        out.stderr
    );
}
