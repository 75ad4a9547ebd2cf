//! What rectlint prints is safe to read on a terminal and bounded, whatever
//! a plan or its file name holds: control characters are shown escaped
//! (`\u{1b}`) in every text for people, and carried by the machine formats
//! as their syntax escapes them; a finding far along a long line is drawn in
//! a window of the line, and many findings give output in proportion.

use crate::common;

use std::time::{Duration, Instant};

use common::{Run, json, plan};

/// A value that would set the window title (OSC 0), write the clipboard
/// (OSC 52), clear the screen (C1 CSI) and show what follows right to left.
const EVIL: &str = "尽快\u{1b}]0;pwned\u{7}\u{1b}]52;c;ZWNobw==\u{7}\u{9b}2JX\u{202e}";

/// [`EVIL`] as people are shown it.
const SHOWN: &str = "尽快\\u{1b}]0;pwned\\u{7}\\u{1b}]52;c;ZWNobw==\\u{7}\\u{9b}2JX\\u{202e}";

/// A plan whose deadline is [`EVIL`]: a T002 (vague deadline) that quotes it.
fn evil_plan() -> String {
    plan("").replace("时限：2024-09-30", &format!("时限：{EVIL}"))
}

/// Whether `out` holds a control character other than a line break, a tab
/// and the SGR colour sequences of the human format (none without colour).
fn has_controls(out: &str) -> bool {
    out.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
    })
}

#[test]
fn control_characters_of_a_plan_are_shown_escaped() {
    let run = Run::new().file("plan.rect", evil_plan());
    for lang in ["zh", "en"] {
        let out = run.exec(&["check", "--as-of", "2025-04-27", "--lang", lang]);
        assert_eq!(out.code, 1, "{out:?}");
        assert!(!has_controls(&out.stdout), "{:?}", out.stdout);
        // In the message (wrapped), and in the line drawn.
        let start = "尽快\\u{1b}]0;pwned\\u{7}";
        assert_eq!(out.stdout.matches(start).count(), 2, "{}", out.stdout);
        assert!(
            out.stdout.contains(&format!("时限：{SHOWN}\n")),
            "{}",
            out.stdout
        );
    }
    let out = run.exec(&["check", "--as-of", "2025-04-27", "--format", "github"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(!has_controls(&out.stdout), "{:?}", out.stdout);
    assert!(out.stdout.contains("::error file=plan.rect,line=22,"));
    assert!(out.stdout.contains(SHOWN), "{}", out.stdout);
    // A lone CR (which would go back and write over the line) is a line
    // break: it never reaches the terminal, the text after it is drawn on
    // a line of its own.
    let run = Run::new().file(
        "plan.rect",
        plan("").replace("时限：2024-09-30", "时限：尽快\r假的"),
    );
    let out = run.exec(&["check", "--as-of", "2025-04-27"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(!has_controls(&out.stdout), "{:?}", out.stdout);
    assert!(out.stdout.contains(" 23 │ 假的\n"), "{}", out.stdout);
}

#[test]
fn machine_formats_carry_control_characters_as_their_syntax_escapes() {
    let run = Run::new().file("plan.rect", evil_plan());
    let check = |format: &str| {
        let out = run.exec(&["check", "--as-of", "2025-04-27", "--format", format]);
        assert_eq!(out.code, 1, "{out:?}");
        // Nothing of C0 reaches the document raw.
        assert!(
            !out.stdout.contains(['\u{1b}', '\u{7}', '\r']),
            "{format}: {:?}",
            out.stdout
        );
        out.stdout
    };
    // JSON: the message round-trips exactly, C0 as `\u001b`.
    let out = check("json");
    assert!(out.contains("\\u001b]0;pwned\\u0007"), "{out}");
    let doc = json(&out);
    let message = doc["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains(EVIL), "{message:?}");
    let log = json(&check("sarif"));
    let text = log["runs"][0]["results"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(text.contains(EVIL), "{text:?}");
    let issues = json(&check("gitlab"));
    let description = issues[0]["description"].as_str().unwrap();
    assert!(description.contains(EVIL), "{description:?}");
    // JUnit: valid XML (which cannot hold C0 controls), the message shown
    // as people see it.
    let out = check("junit");
    let doc = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert!(failure.text().unwrap().contains(SHOWN), "{out}");
}

#[test]
fn file_names_with_control_characters_are_shown_escaped() {
    let name = "a\u{1b}]0;x\u{7}.rect";
    let shown = "a\\u{1b}]0;x\\u{7}.rect";
    // Indented as fmt would not: fmt has something to say.
    let run = Run::new().file(name, evil_plan().replace("      时限：", "  时限："));
    let out = run.exec(&["check", "--as-of", "2025-04-27", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(!has_controls(&out.stdout), "{:?}", out.stdout);
    assert!(
        out.stdout.contains(&format!("[{shown}:22:6]")),
        "{}",
        out.stdout
    );
    // JSON names the file as it is.
    let out = run.exec(&["check", "--as-of", "2025-04-27", "--format", "json"]);
    assert_eq!(json(&out.stdout)["diagnostics"][0]["path"], name);
    // fmt lists it, and its diff, escaped.
    let out = run.exec(&["fmt", "--check", "--lang", "en", "."]);
    assert!(!has_controls(&out.stdout), "{:?}", out.stdout);
    assert!(
        out.stdout.contains(&format!("would reformat: {shown}")),
        "{out:?}"
    );
    let out = run.exec(&["fmt", "--diff", "."]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(!has_controls(&out.stdout), "{:?}", out.stdout);
    assert!(
        out.stdout.contains(&format!("--- {shown}\n")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!("\n-  时限：{SHOWN}\n")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!("\n+      时限：{SHOWN}\n")),
        "{}",
        out.stdout
    );
}

#[test]
fn baseline_records_are_shown_escaped() {
    let record = serde_json::json!({
        "version": 1,
        "tool": "rectlint",
        "findings": [{
            "path": "gone\u{1b}]0;x\u{7}.rect",
            "code": "T007",
            "node": "A1\u{9b}2J",
            "content": "0000000000000000"
        }]
    });
    let run = Run::new()
        .file("plan.rect", plan(""))
        .file("base.json", record.to_string());
    for format in ["human", "github", "json"] {
        let out = run.exec(&[
            "check",
            "--as-of",
            "2025-04-27",
            "--baseline",
            "base.json",
            "--format",
            format,
        ]);
        assert_eq!(out.code, 0, "{out:?}");
        // JSON carries the record as it is (C0 escaped); the notes to
        // standard error do not.
        let said = match format {
            "json" => out.stderr,
            _ => format!("{}{}", out.stdout, out.stderr),
        };
        assert!(!has_controls(&said), "{format}: {said:?}");
        {
            assert!(
                said.contains("gone\\u{1b}]0;x\\u{7}.rect"),
                "{format}: {said}"
            );
            assert!(said.contains("A1\\u{9b}2J"), "{format}: {said}");
        }
    }
}

/// A plan with `line` as the second line of its plan block.
fn with_line(line: &str) -> String {
    format!("方案 甲 {{\n{line}\n}}\n")
}

#[test]
fn a_finding_past_column_65535_is_drawn_not_a_panic() {
    // A stray `}` after 33,000 wide characters (past display column
    // 65,535) made miette panic: "Formatting argument out of range", exit
    // 101, and the other files' findings lost.
    let wide = format!("  问题 A1 {} {{ }} }}", "很".repeat(33_000));
    let narrow = format!("  问题 A1 {} {{ }} }}", "x".repeat(70_000));
    for line in [wide, narrow] {
        let run = Run::new()
            .file("long.rect", with_line(&line))
            .file("other.rect", "方案 乙 {\n}\n}\n");
        let out = run.exec(&["check", "--lang", "en"]);
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
        let column = line.chars().count();
        assert!(
            out.stdout.contains(&format!("[long.rect:2:{column}]")),
            "{}",
            &out.stdout[..out.stdout.len().min(3000)]
        );
        assert!(out.stdout.contains("[other.rect:3:1]"), "{}", out.stdout);
        assert!(out.stdout.contains("{ } }"), "{}", out.stdout);
        let widest = out.stdout.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest < 250, "a line of {widest} characters");
    }
}

#[test]
fn twenty_thousand_findings_on_one_line_give_a_few_megabytes_quickly() {
    // Each finding once reprinted its whole line: 1.2 GB in 10 s.
    let run = Run::new().file("braces.rect", with_line(&"} ".repeat(20_000)));
    let start = Instant::now();
    let out = run.exec(&["check", "--lang", "en"]);
    let took = start.elapsed();
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout
            .ends_with("Checked 1 file: 20000 errors, 0 warnings, 0 infos.\n"),
        "{}",
        &out.stdout[out.stdout.len().saturating_sub(500)..]
    );
    // The first 200 drawn, then one line each, every one of them there.
    assert!(out.stdout.len() < 4 << 20, "{} bytes", out.stdout.len());
    assert!(
        out.stdout
            .contains("19800 more findings in braces.rect, one line each")
    );
    assert!(
        out.stdout
            .contains("\nbraces.rect:2:39999: error[P001] this `}` closes no block\n")
    );
    assert!(took < Duration::from_secs(20), "{took:?}");
}
