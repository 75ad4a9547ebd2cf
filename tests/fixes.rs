//! `check --fix` keeps what the drafter wrote: a missing `}` is closed at
//! the end only where the indentation says it belongs there, and
//! suppressions and their reasons are removed only when unsafe fixes are
//! asked for (and never for rules judged by the date or the disk).

mod common;

use common::{Run, codes, json, plan};

/// A plan whose issue A1 has lost its `}` (before issue A2), nothing
/// indented: closing it at the end of the file would put A2 inside A1.
const UNINDENTED: &str = "方案 测试 {\n被巡察单位：某局\n反馈日期：2024-07-26\n问题 A1 制度不健全 {\n措施 A1.1 制定制度 {\n责任领导：张伟\n}\n问题 A2 台账缺失 {\n措施 A2.1 建立台账 {\n责任领导：张伟\n}\n}\n}\n";

/// A plan whose last two blocks are not closed, everything after their
/// headers indented deeper: they plainly run to the end.
const UNCLOSED_AT_END: &str = "方案 测试 {\n  被巡察单位：某局\n  反馈日期：2024-07-26\n  问题 A1 x {\n    措施 A1.1 y {\n    }\n";

#[test]
fn a_missing_brace_is_closed_at_the_end_safely_only_where_the_indentation_says() {
    let run = Run::new().file("p.rect", UNINDENTED);
    let out = run.exec(&["check", "p.rect", "--fix", "--format", "json"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        UNINDENTED,
        "not fixed without --unsafe-fixes"
    );
    let doc = json(&out.stdout);
    let p001 = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "P001")
        .expect("the missing brace is still reported");
    assert_eq!(p001["fixable"], true, "{p001}");
    let out = run.exec(&["check", "p.rect", "--fix", "--unsafe-fixes", "--diff"]);
    assert!(out.stdout.contains("+}\n"), "{out:?}");

    // Indented, but a header at the depth stands where the issue
    // should have closed: unsafe as well.
    let nested = "方案 测试 {\n  被巡察单位：某局\n  问题 A1 x {\n    措施 A1.1 y {\n    }\n  问题 A2 z {\n    措施 A2.1 w {\n    }\n";
    let run = Run::new().file("p.rect", nested);
    let out = run.exec(&["check", "p.rect", "--fix"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        nested
    );

    // Everything after the headers deeper: safe, closed at the end.
    let run = Run::new().file("p.rect", UNCLOSED_AT_END);
    run.exec(&["check", "p.rect", "--fix"]);
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        format!("{UNCLOSED_AT_END}  }}\n}}\n")
    );
}

#[test]
fn suppressions_are_removed_only_as_unsafe_fixes_and_never_for_the_date_or_the_disk() {
    // A1.1 is done and has no evidence path: today T007 and E003 find
    // nothing, but the suppressions' reasons still matter. P005 finds
    // nothing and never will.
    let text = plan("")
        .replace(
            "    措施 A1.1",
            "    # rectlint: allow T007 市委巡察办同意延期至年底\n    # rectlint: allow E003 佐证材料待归档\n    措施 A1.1",
        )
        .replace(
            "  被巡察单位",
            "  # rectlint: allow P005 曾重复填写\n  被巡察单位",
        );
    let run = Run::new().file("p.rect", &text);
    let out = run.exec(&["check", "p.rect", "--format", "json"]);
    let doc = json(&out.stdout);
    assert_eq!(
        codes(&doc),
        [("p.rect".to_owned(), "P006".to_owned(), 2, 21)],
        "{}",
        out.stdout
    );
    assert_eq!(doc["diagnostics"][0]["fixable"], true);

    let out = run.exec(&["check", "p.rect", "--fix"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        text,
        "--fix alone removes no suppression"
    );

    let out = run.exec(&["check", "p.rect", "--fix", "--unsafe-fixes"]);
    assert_eq!(out.code, 0, "{out:?}");
    let fixed = std::fs::read_to_string(run.path().join("p.rect")).unwrap();
    assert!(!fixed.contains("allow P005"), "{fixed}");
    assert!(fixed.contains("# rectlint: allow T007 市委巡察办同意延期至年底\n"));
    assert!(fixed.contains("# rectlint: allow E003 佐证材料待归档\n"));

    let out = Run::new().args(&["explain", "P006", "--lang", "en"]).run();
    assert!(out.stdout.contains("--unsafe-fixes"), "{}", out.stdout);
    assert!(out.stdout.contains("T007, T009 and T011"), "{}", out.stdout);
}
