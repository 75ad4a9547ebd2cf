//! `check --fix` keeps what the drafter wrote: suppressions and their
//! reasons are removed only when unsafe fixes are asked for, and never for
//! rules judged by the date or the disk.

mod common;

use common::{Run, codes, json, plan};

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
