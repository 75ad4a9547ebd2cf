//! `check` as the gate in front of a main branch: which findings fail the run
//! (`--deny warnings`, `--max-warnings`), and `--statistics`.

use crate::common;

use common::{Run, faulty_plan, json, plan, warning_plan};

/// Two files with one warning each (S004) and nothing else.
fn two_warnings() -> Run {
    Run::new()
        .file("a.rect", warning_plan())
        .file("b.rect", warning_plan())
}

#[test]
fn warnings_alone_pass_unless_denied() {
    let run = two_warnings();
    let out = run.exec(&["check", "--lang", "en"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout
            .ends_with("Checked 2 files: 0 errors, 2 warnings, 0 infos.\n"),
        "{}",
        out.stdout
    );

    let out = run.exec(&["check", "--deny", "warnings", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.ends_with(
            "With --deny warnings, warnings fail the run.\nChecked 2 files: 0 errors, 2 warnings, 0 infos.\n"
        ),
        "{}",
        out.stdout
    );
    let out = run.exec(&["check", "--deny", "warnings"]);
    assert!(
        out.stdout
            .ends_with("按 --deny warnings，警告也使检查不通过。\n检查了 2 个文件：0 个错误，2 个警告，0 个提示。\n"),
        "{}",
        out.stdout
    );

    // Nothing to deny: still a pass.
    let out = Run::new()
        .file("a.rect", plan(""))
        .args(&["check", "--deny", "warnings"])
        .run();
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, "检查了 1 个文件，未发现问题。\n");

    let out = run.exec(&["check", "--deny", "infos"]);
    assert_eq!(out.code, 2, "{out:?}");
}

#[test]
fn max_warnings_fails_only_past_the_limit() {
    let run = two_warnings();
    assert_eq!(run.exec(&["check", "--max-warnings", "2"]).code, 0);
    let out = run.exec(&["check", "--max-warnings", "1", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout
            .contains("2 warnings, more than --max-warnings allows (1).\n"),
        "{}",
        out.stdout
    );
    let out = run.exec(&["check", "--max-warnings", "0"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout
            .contains("警告 2 个，多于 --max-warnings 允许的 0 个。\n"),
        "{}",
        out.stdout
    );
    // Machine formats keep the note off their document.
    let out = run.exec(&["check", "--max-warnings", "0", "--format", "json"]);
    assert_eq!(out.code, 1);
    assert_eq!(json(&out.stdout)["summary"]["warnings"], 2);
    assert_eq!(out.stderr, "警告 2 个，多于 --max-warnings 允许的 0 个。\n");
    // Errors fail whatever the limit.
    let out = Run::new()
        .file("a.rect", faulty_plan())
        .args(&["check", "--max-warnings", "10"])
        .run();
    assert_eq!(out.code, 1);
    assert_eq!(run.exec(&["check", "--max-warnings", "-1"]).code, 2);
}

#[test]
fn baseline_hidden_warnings_do_not_count() {
    let run = two_warnings();
    assert_eq!(
        run.exec(&["check", "--write-baseline", "base.json"]).code,
        0
    );
    let out = run.exec(&[
        "check",
        "--baseline",
        "base.json",
        "--deny",
        "warnings",
        "--max-warnings",
        "0",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
}

#[test]
fn statistics_after_the_findings() {
    let run = Run::new()
        .file("a.rect", faulty_plan())
        .file("b.rect", warning_plan())
        .file("c.rect", plan("").replace("    原因：缺少统一制度\n", ""));
    let out = run.exec(&["check", "--statistics", "--lang", "en"]);
    assert_eq!(out.code, 1);
    // S004 twice first; then R001 and Q004 once each, by code.
    assert!(
        out.stdout.ends_with(
            "Findings per rule:\n\
             \x20 2  S004  a person named in a field is not declared under 人员\n\
             \x20 1  Q004  an issue without 原因 (root cause)\n\
             \x20 1  R001  a measure with no 责任领导\n\
             Checked 3 files: 1 error, 2 warnings, 1 info.\n"
        ),
        "{}",
        out.stdout
    );
    let findings_end = out.stdout.find("Findings per rule:").unwrap();
    assert!(out.stdout[..findings_end].contains("warning[S004]"));

    let out = run.exec(&["check", "--statistics"]);
    assert!(
        out.stdout.contains(
            "各规则的问题数：\n  2  S004  字段中的人名没有在“人员”中声明\n  1  Q004  问题没有写原因分析\n  1  R001  措施没有写责任领导\n"
        ),
        "{}",
        out.stdout
    );

    // JSON: a section of its own, only with the flag.
    let doc = json(
        &run.exec(&["check", "--statistics", "--format", "json"])
            .stdout,
    );
    assert_eq!(
        doc["statistics"],
        serde_json::json!([
            {"code": "S004", "count": 2},
            {"code": "Q004", "count": 1},
            {"code": "R001", "count": 1},
        ])
    );
    let doc = json(&run.exec(&["check", "--format", "json"]).stdout);
    assert!(doc.get("statistics").is_none());
    assert!(doc.get("baseline").is_none());

    // Other machine formats: the table goes to standard error.
    for format in ["sarif", "gitlab", "junit"] {
        let out = run.exec(&["check", "--statistics", "--format", format, "--lang", "en"]);
        assert!(
            out.stderr.starts_with("Findings per rule:\n  2  S004  "),
            "{format}: {}",
            out.stderr
        );
    }
}
