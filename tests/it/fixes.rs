//! `check --fix` keeps what the drafter wrote: standard input always comes
//! back whole, a missing `}` is closed at the end only where the indentation
//! says it belongs there, suppressions and their reasons are removed only
//! when unsafe fixes are asked for (and never for rules judged by the date or
//! the disk), and a fixed file keeps its encoding, byte-order mark and line
//! endings.

use crate::common;

use common::{Run, codes, json, plan, warning_plan};

/// A plan whose issue A1 has lost its `}` (before issue A2), nothing
/// indented: closing it at the end of the file would put A2 inside A1.
const UNINDENTED: &str = "方案 测试 {\n被巡察单位：某局\n反馈日期：2024-07-26\n问题 A1 制度不健全 {\n措施 A1.1 制定制度 {\n责任领导：张伟\n}\n问题 A2 台账缺失 {\n措施 A2.1 建立台账 {\n责任领导：张伟\n}\n}\n}\n";

/// A plan whose last two blocks are not closed, everything after their
/// headers indented deeper: they plainly run to the end.
const UNCLOSED_AT_END: &str = "方案 测试 {\n  被巡察单位：某局\n  反馈日期：2024-07-26\n  问题 A1 x {\n    措施 A1.1 y {\n    }\n";

#[test]
fn fix_on_standard_input_prints_the_whole_text_even_when_nothing_is_fixed() {
    // A warning and nothing to fix: the text comes back as it went in, and
    // the finding goes to standard error.
    let text = warning_plan();
    let out = Run::new()
        .stdin(text.clone())
        .args(&["check", "--fix", "-"])
        .run();
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, text);
    assert!(out.stderr.contains("S004"), "{}", out.stderr);
    assert!(out.stderr.contains("赵六"), "{}", out.stderr);

    // A fix: the fixed text on standard output, the count on standard error.
    let out = Run::new()
        .stdin(UNCLOSED_AT_END)
        .args(&["check", "--fix", "-", "--lang", "en"])
        .run();
    assert_eq!(
        out.stdout,
        format!("{UNCLOSED_AT_END}  }}\n}}\n"),
        "{out:?}"
    );
    assert!(out.stderr.contains("fixed"), "{}", out.stderr);
    assert!(!out.stderr.contains("P001"), "{}", out.stderr);

    // In a machine format too: the document goes to standard error.
    let text = warning_plan();
    let out = Run::new()
        .stdin(text.clone())
        .args(&["check", "--fix", "-", "--format", "json"])
        .run();
    assert_eq!(out.stdout, text);
    let doc = json(&out.stderr);
    assert_eq!(
        codes(&doc),
        [("<stdin>".to_owned(), "S004".to_owned(), 21, 11)]
    );

    // Bytes that are not text come back unchanged too.
    let out = Run::new()
        .stdin(&b"abc\xFF\xFF"[..])
        .args(&["check", "--fix", "-"])
        .run();
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(out.stdout, String::from_utf8_lossy(b"abc\xFF\xFF"));
    assert!(out.stderr.contains("P007"), "{}", out.stderr);
}

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

/// Every line break of `bytes`: whether it is CRLF.
fn breaks(bytes: &[u8]) -> Vec<bool> {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i > 0 && bytes[i - 1] == b'\r')
        .collect()
}

#[test]
fn a_fixed_file_keeps_its_byte_order_mark_and_line_endings() {
    // CRLF with a byte-order mark: the closing lines end with CRLF too.
    let crlf = format!("\u{feff}{}", UNCLOSED_AT_END.replace('\n', "\r\n"));
    let run = Run::new().file("p.rect", &crlf);
    let out = run.exec(&["check", "p.rect", "--fix"]);
    assert!(out.stdout.contains("已自动修复 1 处问题"), "{out:?}");
    let fixed = std::fs::read(run.path().join("p.rect")).unwrap();
    assert_eq!(
        fixed,
        format!("{crlf}  }}\r\n}}\r\n").as_bytes(),
        "{:?}",
        String::from_utf8_lossy(&fixed)
    );

    // Mixed, mostly CRLF: the lines added end with CRLF, the LF line stays.
    let mixed = UNCLOSED_AT_END
        .replace('\n', "\r\n")
        .replacen("某局\r\n", "某局\n", 1);
    let run = Run::new().file("p.rect", &mixed);
    run.exec(&["check", "p.rect", "--fix"]);
    let fixed = std::fs::read(run.path().join("p.rect")).unwrap();
    assert_eq!(fixed, format!("{mixed}  }}\r\n}}\r\n").as_bytes());
    assert_eq!(breaks(&fixed).iter().filter(|crlf| !**crlf).count(), 1);

    // LF stays LF.
    let run = Run::new().file("p.rect", UNCLOSED_AT_END);
    run.exec(&["check", "p.rect", "--fix"]);
    let fixed = std::fs::read(run.path().join("p.rect")).unwrap();
    assert!(breaks(&fixed).iter().all(|crlf| !crlf));
}

#[test]
fn a_fixed_file_keeps_its_encoding() {
    let expected = format!("{}  }}\r\n}}\r\n", UNCLOSED_AT_END.replace('\n', "\r\n"));
    let original = UNCLOSED_AT_END.replace('\n', "\r\n");

    let (gb, _, _) = encoding_rs::GB18030.encode(&original);
    let run = Run::new().file("p.rect", gb.as_ref());
    let out = run.exec(&["check", "p.rect", "--fix", "--format", "json"]);
    let fixed = std::fs::read(run.path().join("p.rect")).unwrap();
    assert_eq!(
        fixed,
        encoding_rs::GB18030.encode(&expected).0.as_ref(),
        "written back in GB18030: {:?}",
        String::from_utf8_lossy(&fixed)
    );
    // Still GB18030, so still the warning that says so.
    let found = codes(&json(&out.stdout));
    assert!(
        found.contains(&("p.rect".to_owned(), "P002".to_owned(), 1, 1)),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.1 == "P001"), "{found:?}");

    let utf16 = |text: &str, little: bool| {
        let mut bytes = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    };
    for little in [true, false] {
        let run = Run::new().file("p.rect", utf16(&original, little));
        run.exec(&["check", "p.rect", "--fix"]);
        let fixed = std::fs::read(run.path().join("p.rect")).unwrap();
        assert_eq!(fixed, utf16(&expected, little), "little-endian: {little}");
    }

    // On standard input as well.
    let (gb, _, _) = encoding_rs::GB18030.encode(&original);
    let out = Run::new()
        .stdin(gb.as_ref())
        .args(&["check", "--fix", "-"])
        .run();
    // (Compared as the test reads it: GB18030 is not UTF-8.)
    let written = encoding_rs::GB18030.encode(&expected).0;
    assert_eq!(out.stdout, String::from_utf8_lossy(&written));
    assert_ne!(out.stdout, expected, "not UTF-8");
}

#[test]
fn a_gb18030_file_that_would_not_be_written_back_byte_for_byte_is_not_fixed() {
    // `80` reads as €, which GB18030 writes as `A2 E3`: writing the fixed
    // text would change a character nobody fixed.
    let (gb, _, _) = encoding_rs::GB18030.encode(UNCLOSED_AT_END);
    let mut bytes = gb.into_owned();
    let at = bytes.windows(3).position(|w| w == b"y {").unwrap();
    bytes.insert(at + 1, 0x80);
    let run = Run::new().file("p.rect", &bytes);
    let out = run.exec(&["check", "p.rect", "--fix", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(std::fs::read(run.path().join("p.rect")).unwrap(), bytes);
    assert!(
        out.stderr
            .contains("would not be written back byte for byte"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("P001"), "{}", out.stdout);

    // With nothing to fix, nothing is said: the run is a plain check.
    let mut bytes = encoding_rs::GB18030.encode(&plan("")).0.into_owned();
    let at = bytes.windows(2).position(|w| w == b"1\xCF").unwrap();
    bytes.insert(at + 1, 0x80);
    let run = Run::new().file("p.rect", &bytes);
    let out = run.exec(&["check", "p.rect", "--fix", "--lang", "en"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(!out.stderr.contains("byte for byte"), "{}", out.stderr);
    assert_eq!(std::fs::read(run.path().join("p.rect")).unwrap(), bytes);
}
