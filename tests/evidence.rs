//! Evidence paths through the real binary: a plan read from standard input
//! has no folder, so its paths are not judged (E003, E004) unless
//! `--stdin-filename` names it.

use std::io::Write;
use std::process::{Command, Stdio};

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
