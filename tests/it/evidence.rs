//! Evidence paths through the real binary: a plan read from standard input
//! has no folder, so its paths are not judged (E003, E004) unless
//! `--stdin-filename` names it.

use crate::common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{Run, codes, json, plan};

const PLAN: &str = "方案 测试方案 {
  被巡察单位：某局
  巡察组：市委第一巡察组
  反馈日期：2024-07-26
  第一责任人：张伟
  人员 {
    张伟：党委书记、局长
  }
  问题 A1 制度不健全 {
    措施 A1.1 制定制度 {
      佐证：台账 evidence/没有这个文件.xlsx
      佐证：台账 ../../../../../../etc/passwd
    }
  }
}
";

/// The codes of the E003 and E004 findings of `PLAN` read from standard
/// input with `args`.
fn evidence_codes(args: &[&str]) -> Vec<String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rectlint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "--format", "json", "-"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("a pipe")
        .write_all(PLAN.as_bytes())
        .expect("the plan is written");
    let output = child.wait_with_output().expect("the binary ends");
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("the output is JSON");
    json["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .filter(|c| matches!(*c, "E003" | "E004"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn unnamed_standard_input_is_not_judged() {
    assert!(evidence_codes(&[]).is_empty());
}

#[test]
fn named_standard_input_is_judged_from_its_folder() {
    let codes = evidence_codes(&["--stdin-filename", "tests/fixtures/rules/E003/piped.rect"]);
    assert_eq!(codes, ["E003", "E004"]);
}

/// A `://` makes a reference a web address only after `http`, `https` or
/// `ftp` at its start: `C://…` and `../…?x=://` were taken for web addresses
/// and never judged.
#[test]
fn only_web_schemes_make_a_reference_a_web_address() {
    let refs = [
        ("台账 C://Users/张伟/台账.xlsx", Some("E004")),
        (r"台账 C:\Users\张伟\台账.xlsx", Some("E004")),
        ("台账 ../../../etc/passwd?x=://", Some("E004")),
        ("其他 file:///etc/passwd", Some("E004")),
        ("其他 smb://server/share/台账.xlsx", Some("E004")),
        ("台账 evidence/没有.xlsx?from=://x", Some("E003")),
        ("其他 https://example.org/台账.xlsx", None),
        ("其他 HTTP://example.org/a", None),
        ("其他 ftp://example.org/a.pdf", None),
        ("其他 见 https://example.org/a", None),
        ("其他 见https://example.org/a", None),
        ("台账 evidence/https://x.xlsx", Some("E003")),
        ("台账 evidence/有.xlsx", None),
    ];
    let mut fields = String::new();
    for (reference, _) in refs {
        fields.push_str("      佐证：");
        fields.push_str(reference);
        fields.push('\n');
    }
    let run = Run::new()
        .file("plan.rect", plan(&fields))
        .file("evidence/有.xlsx", "x");
    let out = run.exec(&["check", "plan.rect", "--format", "json"]);
    let found: Vec<(String, u64)> = codes(&json(&out.stdout))
        .into_iter()
        .filter(|(_, code, _, _)| matches!(code.as_str(), "E003" | "E004"))
        .map(|(_, code, line, _)| (code, line))
        .collect();
    let text = plan(&fields);
    let expected: Vec<(String, u64)> = refs
        .iter()
        .filter_map(|(r, code)| {
            let line = text.lines().position(|l| l.ends_with(r))? + 1;
            code.map(|c| (c.to_owned(), line as u64))
        })
        .collect();
    assert_eq!(expected.len(), 7);
    assert_eq!(found, expected, "{}", out.stdout);
    // The user's name in the Windows path is shown; nothing outside was read.
    assert!(
        out.stdout.contains("C://Users/张伟/台账.xlsx"),
        "{}",
        out.stdout
    );
}
