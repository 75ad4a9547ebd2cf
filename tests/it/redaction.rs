//! Redaction through the real binary: runs of `*` and `×` are placeholders
//! (Q002) unless `--allow-redaction` is given or the folder's
//! `rectlint.toml` says `allow_redaction = true`; other marks stay
//! placeholders either way.

use std::path::Path;
use std::process::Command;

/// Run `rectlint check --format json ARGS…` in the crate's folder: the exit
/// code and the marks Q002 reported (`**`, `XX`…), in order.
fn q002_marks(args: &[&str]) -> (i32, Vec<String>) {
    let output = Command::new(env!("CARGO_BIN_EXE_rectlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check",
            "--format",
            "json",
            "--lang",
            "en",
            "--as-of",
            "2024-08-01",
        ])
        .args(args)
        .output()
        .expect("the binary runs");
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the output is JSON");
    let marks = json["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .filter(|d| d["code"] == "Q002")
        .map(|d| {
            let message = d["message"].as_str().unwrap_or_default();
            message.split('`').nth(1).unwrap_or_default().to_owned()
        })
        .collect();
    (output.status.code().unwrap_or(-1), marks)
}

const FIXTURES: &str = "tests/fixtures/redaction";

fn fixture(name: &str) -> String {
    let path = Path::new(FIXTURES).join(name);
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(&path).is_file(),
        "{}",
        path.display()
    );
    path.to_string_lossy().into_owned()
}

#[test]
fn stars_and_crosses_are_placeholders_by_default() {
    let (code, marks) = q002_marks(&[&fixture("published.rect")]);
    assert_eq!(marks, ["**", "××"]);
    assert_eq!(code, 1, "Q002 is an error");
}

#[test]
fn the_flag_accepts_them_as_redaction() {
    let (code, marks) = q002_marks(&["--allow-redaction", &fixture("published.rect")]);
    assert!(marks.is_empty(), "{marks:?}");
    assert_eq!(code, 0);
}

#[test]
fn the_flag_leaves_other_marks_reported() {
    let (code, marks) = q002_marks(&["--allow-redaction", &fixture("placeholder.rect")]);
    assert_eq!(marks, ["XX"]);
    assert_eq!(code, 1);
    let (_, marks) = q002_marks(&[&fixture("placeholder.rect")]);
    assert_eq!(marks, ["**", "XX"]);
}

#[test]
fn rectlint_toml_accepts_them_as_redaction() {
    let (code, marks) = q002_marks(&[&fixture("configured/published.rect")]);
    assert!(marks.is_empty(), "{marks:?}");
    assert_eq!(code, 0);
}
