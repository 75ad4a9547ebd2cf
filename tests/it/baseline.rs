//! Baselines: record today's findings, then fail only on new ones, matching
//! by file, code, node and the text at the finding, never by line.

use crate::common;

use common::{Run, codes, faulty_plan, json, plan};
use serde_json::Value;

fn read(run: &Run, name: &str) -> Value {
    json(&std::fs::read_to_string(run.path().join(name)).unwrap())
}

#[test]
fn the_round_trip_fails_only_on_the_new_defect() {
    let run = Run::new()
        .file("plans/a.rect", faulty_plan())
        .file("plans/b.rect", plan(""));

    // Record: the run passes, says so, and writes a sorted, versioned file.
    let out = run.exec(&[
        "check",
        "--write-baseline",
        ".rectlint-baseline.json",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.stdout,
        "Recorded 2 findings in the baseline .rectlint-baseline.json.\nChecked 2 files: no problems found.\n"
    );
    let text = std::fs::read_to_string(run.path().join(".rectlint-baseline.json")).unwrap();
    assert!(text.ends_with("}\n"));
    let recorded = json(&text);
    assert_eq!(recorded["version"], 1);
    assert_eq!(recorded["tool"], "rectlint");
    let findings = recorded["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["path"], "plans/a.rect");
    assert_eq!(findings[0]["code"], "R001");
    assert_eq!(findings[0]["node"], "A1.1");
    assert_eq!(findings[1]["code"], "S004");
    for f in findings {
        let content = f["content"].as_str().unwrap();
        assert!(content.len() == 16 && content.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(f.get("line").is_none());
    }

    // With the baseline, the same files pass.
    let out = run.exec(&[
        "check",
        "--baseline",
        ".rectlint-baseline.json",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.stdout,
        "2 findings recorded in the baseline .rectlint-baseline.json not shown.\nChecked 2 files: no problems found.\n"
    );

    // Edit unrelated lines above the old findings and add one defect (an
    // overdue measure, T007, in a new measure).
    let path = run.path().join("plans/a.rect");
    let edited = faulty_plan()
        .replace("方案 测试方案 {\n", "# 第二稿：按审核意见修改\n方案 测试方案 {\n")
        .replace("  巡察组：市委第一巡察组\n", "  巡察组：市委第一巡察组\n  # 联系人：办公室\n")
        .replace(
            "  }\n}\n",
            "    措施 A1.2 完善台账 {\n      责任领导：李明\n      责任部门：办公室\n      责任人：王芳\n      时限：2024-12-31\n      目标：建立台账1本\n      状态：推进中\n    }\n  }\n}\n",
        );
    std::fs::write(&path, edited).unwrap();
    let out = run.exec(&[
        "check",
        "--baseline",
        ".rectlint-baseline.json",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 1, "{out:?}");
    let doc = json(&out.stdout);
    assert_eq!(
        codes(&doc),
        [("plans/a.rect".into(), "T007".into(), 33, 10)]
    );
    assert_eq!(doc["summary"]["errors"], 1);
    assert_eq!(doc["summary"]["warnings"], 0);
    assert_eq!(
        doc["baseline"],
        serde_json::json!({"file": ".rectlint-baseline.json", "hidden": 2, "pruneable": []})
    );
    // Without the baseline the old ones are still there, on new lines.
    let all = json(&run.exec(&["check", "--format", "json"]).stdout);
    assert_eq!(
        codes(&all),
        [
            ("plans/a.rect".into(), "R001".into(), 20, 5),
            ("plans/a.rect".into(), "S004".into(), 22, 11),
            ("plans/a.rect".into(), "T007".into(), 33, 10),
        ]
    );
}

#[test]
fn records_that_no_longer_occur_are_pruneable_and_rewriting_drops_them() {
    let run = Run::new()
        .file("a.rect", faulty_plan())
        .file("gone.rect", faulty_plan());
    assert_eq!(
        run.exec(&["check", "--write-baseline", "base.json"]).code,
        0
    );
    // The leader is named now; gone.rect is deleted.
    std::fs::write(
        run.path().join("a.rect"),
        plan("").replace("责任人：王芳", "责任人：赵六"),
    )
    .unwrap();
    std::fs::remove_file(run.path().join("gone.rect")).unwrap();

    let out = run.exec(&["check", "--baseline", "base.json", "--lang", "en"]);
    assert_eq!(
        out.code, 0,
        "pruneable records do not fail the run: {out:?}"
    );
    assert_eq!(
        out.stdout,
        "1 finding recorded in the baseline base.json not shown.\n\
         3 records of the baseline base.json no longer occur; --write-baseline drops them:\n\
         \x20 a.rect  R001  A1.1\n\
         \x20 gone.rect  R001  A1.1\n\
         \x20 gone.rect  S004  A1.1\n\
         Checked 1 file: no problems found.\n"
    );
    let out = run.exec(&["check", "--baseline", "base.json"]);
    assert!(
        out.stdout
            .contains("基线 base.json 中有 3 条记录已不再出现，可用 --write-baseline 删去：\n"),
        "{}",
        out.stdout
    );
    let doc = json(
        &run.exec(&["check", "--baseline", "base.json", "--format", "json"])
            .stdout,
    );
    let pruneable = doc["baseline"]["pruneable"].as_array().unwrap();
    assert_eq!(pruneable.len(), 3);
    assert_eq!(pruneable[0]["path"], "a.rect");
    assert_eq!(pruneable[0]["code"], "R001");

    // GitHub: a notice per record.
    let out = run.exec(&[
        "check",
        "--baseline",
        "base.json",
        "--format",
        "github",
        "--lang",
        "en",
    ]);
    assert!(
        out.stdout.starts_with(
            "::notice title=rectlint::a record of the baseline base.json no longer occurs; --write-baseline drops it: a.rect R001 A1.1\n"
        ),
        "{}",
        out.stdout
    );

    // Rewriting keeps what still occurs and drops the rest.
    assert_eq!(
        run.exec(&["check", "--write-baseline", "base.json"]).code,
        0
    );
    let findings = read(&run, "base.json")["findings"].clone();
    assert_eq!(findings.as_array().unwrap().len(), 1);
    assert_eq!(findings[0]["path"], "a.rect");
    assert_eq!(findings[0]["code"], "S004");
    let out = run.exec(&["check", "--baseline", "base.json", "--lang", "en"]);
    assert!(!out.stdout.contains("no longer"), "{}", out.stdout);
}

#[test]
fn a_partial_run_leaves_the_records_of_other_files_alone() {
    let run = Run::new()
        .file("a.rect", faulty_plan())
        .file("b.rect", faulty_plan());
    assert_eq!(
        run.exec(&["check", "--write-baseline", "base.json"]).code,
        0
    );
    // As pre-commit runs it: only the changed file.
    std::fs::write(run.path().join("a.rect"), plan("")).unwrap();
    let out = run.exec(&["check", "a.rect", "--baseline", "base.json", "--lang", "en"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("a.rect  R001"), "{}", out.stdout);
    assert!(!out.stdout.contains("b.rect"), "{}", out.stdout);
    // Rewriting from a partial run keeps b.rect's records.
    assert_eq!(
        run.exec(&["check", "a.rect", "--write-baseline", "base.json"])
            .code,
        0
    );
    let findings = read(&run, "base.json")["findings"].clone();
    let paths: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["b.rect", "b.rect"]);
}

#[test]
fn each_record_hides_one_finding() {
    // One S004 recorded; a second, identical one appears in the same measure.
    let run = Run::new().file("a.rect", plan("").replace("责任人：王芳", "责任人：赵六"));
    assert_eq!(
        run.exec(&["check", "--write-baseline", "base.json"]).code,
        0
    );
    std::fs::write(
        run.path().join("a.rect"),
        plan("").replace("责任人：王芳", "责任人：赵六、赵六"),
    )
    .unwrap();
    let out = run.exec(&["check", "--baseline", "base.json", "--format", "json"]);
    let doc = json(&out.stdout);
    assert_eq!(doc["baseline"]["hidden"], 1, "{doc}");
    assert!(doc["summary"]["warnings"].as_u64().unwrap() >= 1, "{doc}");
}

#[test]
fn bad_baselines_stop_the_run() {
    let run = Run::new()
        .file("a.rect", faulty_plan())
        .file("notes.json", "{\"important\": true}\n");
    let out = run.exec(&["check", "--baseline", "missing.json", "--lang", "en"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("rectlint: cannot read the baseline missing.json: "),
        "{}",
        out.stderr
    );
    let out = run.exec(&["check", "--baseline", "notes.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("rectlint: notes.json 不是 rectlint 的基线文件："),
        "{}",
        out.stderr
    );
    // A wrong --write-baseline path never overwrites another file.
    let out = run.exec(&["check", "--write-baseline", "notes.json"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        std::fs::read_to_string(run.path().join("notes.json")).unwrap(),
        "{\"important\": true}\n"
    );
    let out = run.exec(&["check", "--write-baseline", "no/such/folder/base.json"]);
    assert_eq!(out.code, 2, "{out:?}");
    // A diff of fixes is no run to record.
    let out = run.exec(&["check", "--fix", "--diff", "--write-baseline", "base.json"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(!run.path().join("base.json").exists());
}
