//! `rectlint fmt` and `check --fix` as a user meets them: the canonical
//! layout of a messy plan, `--check`, `--diff`, standard input, encodings,
//! files with syntax errors, and writes that a kill cannot tear.

use crate::common;

use std::fmt::Write as _;
use std::time::Duration;

use common::{Run, plan, repo};

const MESSY: &str = "\u{feff}# 草稿：从 Word 粘贴而来\r\n\u{3000}方案   测试方案｛  # 方案标题\r\n\r\n\r\n   被巡察单位 :  某局   \r\n\t巡察组：市委第一巡察组\r\n  反馈日期：2024-07-26\r\n第一责任人 张伟\r\n  人员 {\r\n陈国强:分局党委书记、局长\r\n  }\r\n\r\n  问题  A1    制度不健全 {   # 注释在括号后\r\n\r\n    # rectlint: allow R007 本单位不设经办人\r\n措施：A1.1 制定制度{\r\n      责任领导 张伟    # 分管\r\n\t\t时限：2024年9月底前\r\n      目标：\"  印发制度 1 项  \"\r\n      原因说明：\"\"\"\r\n        多行文字\r\n      \"\"\"\r\n   } }  # 两个括号\r\n\r\n\r\n｝";

#[test]
fn a_messy_plan_becomes_canonical() {
    let run = Run::new().file("messy.rect", MESSY);
    let out = run.exec(&["fmt", "messy.rect"]);
    assert_eq!(out.code, 0, "{out:?}");
    let formatted = std::fs::read_to_string(run.path().join("messy.rect")).unwrap();
    // The file's byte-order mark and CRLF line endings are kept.
    let formatted = formatted
        .strip_prefix('\u{feff}')
        .expect("the byte-order mark is kept");
    assert!(
        !formatted.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF: {formatted:?}"
    );
    insta::assert_snapshot!(formatted.replace("\r\n", "\n"));
}

#[test]
fn check_and_diff_report_without_writing() {
    let run = Run::new()
        .file("messy.rect", MESSY)
        .file("clean.rect", plan(""));
    let out = run.exec(&["fmt", "--check", "."]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(
        out.stdout,
        "需要格式化：messy.rect\n1 个文件需要格式化，1 个文件无需改动。\n"
    );
    assert_eq!(
        std::fs::read_to_string(run.path().join("messy.rect")).unwrap(),
        MESSY
    );
    let run = Run::new().file("messy.rect", MESSY);
    let out = run.exec(&["fmt", "--diff", "messy.rect", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout
            .starts_with("--- messy.rect\n+++ messy.rect\n@@ "),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("+  问题 A1 制度不健全 { # 注释在括号后\r\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .ends_with("1 file(s) would be reformatted, 0 left unchanged.\n"),
        "{}",
        out.stdout
    );
    let out = Run::new()
        .file("clean.rect", plan(""))
        .args(&["fmt", "--check", "clean.rect"])
        .run();
    assert_eq!(out.code, 0, "{out:?}");
}

#[test]
fn the_examples_are_formatted() {
    let out = Run::new()
        .cwd(&repo())
        .args(&["fmt", "--check", "examples/"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn standard_input_to_standard_output() {
    let out = Run::new().stdin(MESSY).args(&["fmt", "-"]).run();
    assert_eq!(out.code, 0, "{out:?}");
    // With the byte-order mark and the CRLF line endings it came with.
    let formatted = rectlint::fmt::format(MESSY).unwrap();
    assert_eq!(
        out.stdout,
        format!("\u{feff}{}", formatted.replace('\n', "\r\n"))
    );
}

#[test]
fn gb18030_is_rewritten_as_utf8() {
    let (gbk, _, _) = encoding_rs::GB18030.encode(MESSY);
    let run = Run::new().file("gbk.rect", gbk.as_ref());
    let out = run.exec(&["fmt", "gbk.rect"]);
    assert_eq!(out.code, 0, "{out:?}");
    let bytes = std::fs::read(run.path().join("gbk.rect")).unwrap();
    let text = String::from_utf8(bytes).expect("UTF-8");
    // GB18030's byte-order mark is not carried into UTF-8; the CRLF line
    // endings are kept.
    let formatted = rectlint::fmt::format(MESSY).unwrap();
    assert_eq!(text, formatted.replace('\n', "\r\n"));
}

#[test]
fn a_file_with_syntax_errors_is_left_alone() {
    let broken = "方案 甲 {\n  问题 A1 {\n    措施 A1.1 x {\n  }\n";
    let run = Run::new()
        .file("broken.rect", broken)
        .file("ok.rect", MESSY);
    let out = run.exec(&["fmt", "."]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr
            .contains("broken.rect: 有语法错误，未格式化（第 5 行第 1 列"),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(run.path().join("broken.rect")).unwrap(),
        broken
    );
    assert_ne!(
        std::fs::read_to_string(run.path().join("ok.rect")).unwrap(),
        MESSY
    );
}

#[test]
fn fix_removes_unused_suppressions_and_closes_the_final_brace() {
    let text = "方案 测试 {\n  被巡察单位：某局\n  # rectlint: allow P005 不再需要\n  反馈日期：2024-07-26\n  问题 A1 x {\n";
    let run = Run::new().file("p.rect", text);
    // Removing a suppression removes its reason: an unsafe fix.
    let out = run.exec(&["check", "p.rect", "--fix", "--diff"]);
    assert!(
        !out.stdout.contains("-  # rectlint: allow P005 不再需要\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("+  }\n+}\n"), "{}", out.stdout);
    let out = run.exec(&["check", "p.rect", "--fix", "--unsafe-fixes", "--diff"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.contains("-  # rectlint: allow P005 不再需要\n"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("+  }\n+}\n"), "{}", out.stdout);
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        text,
        "--diff writes nothing"
    );
    let out = run.exec(&[
        "check",
        "p.rect",
        "--fix",
        "--unsafe-fixes",
        "--format",
        "json",
    ]);
    let fixed = std::fs::read_to_string(run.path().join("p.rect")).unwrap();
    assert_eq!(
        fixed, "方案 测试 {\n  被巡察单位：某局\n  反馈日期：2024-07-26\n  问题 A1 x {\n  }\n}\n",
        "{out:?}"
    );
}

/// A link is not rewritten, and then nothing counts as fixed: the findings
/// are reported as the file stands.
#[cfg(unix)]
#[test]
fn fixes_that_cannot_be_written_leave_the_findings_reported() {
    let text = "方案 测试 {\n  被巡察单位：某局\n  # rectlint: allow P005 不再需要\n  反馈日期：2024-07-26\n}\n";
    let run = Run::new().file("real/p.rect", text);
    std::os::unix::fs::symlink("real/p.rect", run.path().join("link.rect")).unwrap();
    let out = run.exec(&[
        "check",
        "link.rect",
        "--fix",
        "--unsafe-fixes",
        "--format",
        "json",
    ]);
    assert_eq!(
        std::fs::read_to_string(run.path().join("real/p.rect")).unwrap(),
        text
    );
    assert!(out.stderr.contains("是符号链接，修复未写入"), "{out:?}");
    assert!(out.stdout.contains("\"code\": \"P006\""), "{}", out.stdout);
    assert!(out.stdout.contains("\"warnings\": 1"), "{}", out.stdout);
}

#[test]
fn unsafe_fixes_only_when_asked() {
    let text = plan("").replace("责任领导：李明", "责任领到：李明");
    let run = Run::new().file("p.rect", &text);
    let out = run.exec(&["check", "p.rect", "--fix", "--format", "json"]);
    assert!(out.stdout.contains("\"fixable\": true"), "{}", out.stdout);
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        text
    );
    let out = run.exec(&["check", "p.rect", "--fix", "--unsafe-fixes"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(
        out.stdout.contains("已自动修复 1 处问题。"),
        "{}",
        out.stdout
    );
    assert!(
        std::fs::read_to_string(run.path().join("p.rect"))
            .unwrap()
            .contains("责任领导：李明")
    );
}

#[test]
fn killing_a_run_mid_write_never_tears_the_file() {
    // A plan large enough that formatting takes a while.
    let mut big = String::from("方案   大｛\r\n");
    for i in 0..40_000 {
        let _ = write!(
            big,
            "问题 A{i} 问题{i}｛\r\n措施 A{i}.1 措施{i}｛\r\n时限 2024-09-30\r\n｝\r\n｝\r\n"
        );
    }
    big.push_str("｝\r\n");
    let formatted = rectlint::fmt::format(&big).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.rect");
    let mut outcomes = [0usize; 2];
    for attempt in 0u64..24 {
        std::fs::write(&path, &big).unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rectlint"))
            .args(["fmt", "big.rect"])
            .current_dir(dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(attempt * 37 % 900));
        let _ = child.kill();
        let _ = child.wait();
        let now = std::fs::read_to_string(&path).unwrap();
        if now == big {
            outcomes[0] += 1;
        } else if now == formatted {
            outcomes[1] += 1;
        } else {
            panic!("attempt {attempt}: the file holds neither the old nor the new text");
        }
    }
    assert_eq!(outcomes.iter().sum::<usize>(), 24);
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
fn a_canonical_file_keeps_its_byte_order_mark_and_line_endings() {
    let canonical = rectlint::fmt::format(MESSY).unwrap();
    let crlf = canonical.replace('\n', "\r\n");
    let bom = format!("\u{feff}{canonical}");
    let both = format!("\u{feff}{crlf}");
    for text in [&canonical, &crlf, &bom, &both] {
        let run = Run::new().file("p.rect", text);
        let out = run.exec(&["fmt", "--check", "p.rect"]);
        assert_eq!(out.code, 0, "{text:?}: {out:?}");
        let out = run.exec(&["fmt", "--diff", "p.rect"]);
        assert_eq!(out.code, 0, "{text:?}: {out:?}");
        assert!(!out.stdout.contains("---"), "{out:?}");
        let out = run.exec(&["fmt", "p.rect"]);
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(
            std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
            *text
        );
        let out = Run::new().stdin(text.as_str()).args(&["fmt", "-"]).run();
        assert_eq!(out.stdout, *text);
    }
}

#[test]
fn mixed_line_endings_become_the_majoritys() {
    let canonical = rectlint::fmt::format(MESSY).unwrap();
    // Mostly CRLF, two lines LF.
    let mixed = canonical.replace('\n', "\r\n").replacen("\r\n", "\n", 2);
    let run = Run::new().file("p.rect", &mixed);
    let out = run.exec(&["fmt", "--diff", "p.rect", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr
            .contains("p.rect: every line would end with CRLF"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("-方案 测试方案 { # 方案标题\n"),
        "{}",
        out.stdout
    );
    run.exec(&["fmt", "p.rect"]);
    let written = std::fs::read(run.path().join("p.rect")).unwrap();
    assert_eq!(written, canonical.replace('\n', "\r\n").as_bytes());
    // Mostly LF: LF.
    let mixed = canonical.replacen('\n', "\r\n", 2);
    let run = Run::new().file("p.rect", &mixed);
    run.exec(&["fmt", "p.rect"]);
    let written = std::fs::read(run.path().join("p.rect")).unwrap();
    assert!(breaks(&written).iter().all(|crlf| !crlf));
}

#[test]
fn the_configuration_can_force_a_line_ending() {
    let canonical = rectlint::fmt::format(MESSY).unwrap();
    let crlf = canonical.replace('\n', "\r\n");
    let run = Run::new()
        .file("lf/rectlint.toml", "line_ending = \"lf\"\n")
        .file("lf/p.rect", &crlf)
        .file("crlf/rectlint.toml", "line_ending = \"crlf\"\n")
        .file("crlf/p.rect", &canonical)
        .file("auto/rectlint.toml", "line_ending = \"auto\"\n")
        .file("auto/p.rect", &crlf);
    let out = run.exec(&["fmt", "--check", "."]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout.contains("需要格式化：crlf/p.rect\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("需要格式化：lf/p.rect\n"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("auto/p.rect"), "{}", out.stdout);
    let out = run.exec(&["fmt", "--diff", "lf/p.rect"]);
    assert!(
        out.stderr.contains("lf/p.rect: 换行符将统一为 LF"),
        "{}",
        out.stderr
    );
    let out = run.exec(&["fmt", "."]);
    assert_eq!(out.code, 0, "{out:?}");
    let read = |p: &str| std::fs::read_to_string(run.path().join(p)).unwrap();
    assert_eq!(read("lf/p.rect"), canonical);
    assert_eq!(read("crlf/p.rect"), crlf);
    assert_eq!(read("auto/p.rect"), crlf);

    let out = Run::new()
        .file("rectlint.toml", "line_ending = \"cr\"\n")
        .file("p.rect", &canonical)
        .args(&["fmt", "p.rect"])
        .run();
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("line_ending"), "{}", out.stderr);
}

/// Issue 27.5: a value that starts with `#` stays a value, in a field and in
/// a block header, whatever colon the file mostly uses; the result still
/// reads without a syntax error.
#[test]
fn a_value_starting_with_hash_stays_a_value() {
    // Most keys are followed by `: `.
    let text = plan("").replace('：', ": ").replace(
        "  巡察组",
        "  备注：#3号\n  问题：#1 标题 {\n    措施 B1.1 x {\n      责任领导: 李明\n    }\n  }\n  巡察组",
    );
    let run = Run::new().file("p.rect", &text);
    let before = run.exec(&["check", "p.rect", "--format", "json"]);
    let out = run.exec(&["fmt", "p.rect"]);
    assert_eq!(out.code, 0, "{out:?}");
    let formatted = std::fs::read_to_string(run.path().join("p.rect")).unwrap();
    assert!(formatted.contains("  备注:#3号\n"), "{formatted}");
    assert!(formatted.contains("  问题：#1 标题 {\n"), "{formatted}");
    let after = run.exec(&["check", "p.rect", "--format", "json"]);
    assert!(!after.stdout.contains("P001"), "{}", after.stdout);
    assert_eq!(
        before.code, after.code,
        "{}\n{}",
        before.stdout, after.stdout
    );
    let again = run.exec(&["fmt", "--check", "p.rect"]);
    assert_eq!(again.code, 0, "{again:?}");
}

/// Issue 27.6: in a file whose keys and values are separated by spaces,
/// `备注：：重要` keeps its colon (a space would hand `：` to the key and the
/// value would lose it), and a second run changes nothing.
#[test]
fn a_value_starting_with_a_colon_keeps_it() {
    let text =
        "方案 甲 {\n  被巡察单位 某局\n  巡察组 某组\n  反馈日期 2024-07-26\n  备注：：重要\n}\n";
    let run = Run::new().file("p.rect", text);
    let out = run.exec(&["fmt", "p.rect"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        std::fs::read_to_string(run.path().join("p.rect")).unwrap(),
        text
    );
    let out = run.exec(&["fmt", "--check", "p.rect"]);
    assert_eq!(out.code, 0, "{out:?}");
}

/// Issue 27.15: fmt reads no file larger than `max_file_size`, from
/// `rectlint.toml` or `--max-file-size` as for `check`, standard input
/// included.
#[test]
fn files_over_max_file_size_are_not_formatted() {
    let run = Run::new()
        .file("messy.rect", MESSY)
        .file("rectlint.toml", "max_file_size = 200\n");
    let out = run.exec(&["fmt", "messy.rect"]);
    assert_eq!(out.code, 1, "{out:?}");
    let size = MESSY.len();
    assert!(
        out.stderr.contains(&format!(
            "rectlint fmt: messy.rect: 文件过大（{size} bytes），超过上限 200 bytes，未格式化；"
        )),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(run.path().join("messy.rect")).unwrap(),
        MESSY
    );
    let out = run.exec(&["fmt", "messy.rect", "--max-file-size", "1MB"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_ne!(
        std::fs::read_to_string(run.path().join("messy.rect")).unwrap(),
        MESSY
    );
    let out = Run::new()
        .stdin(MESSY)
        .args(&["fmt", "-", "--max-file-size", "100", "--lang", "en"])
        .run();
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains(
            "rectlint fmt: <stdin>: too large to format (more than the limit of 100 bytes); to format larger files, set max_file_size in rectlint.toml or pass --max-file-size"
        ),
        "{}",
        out.stderr
    );
}

/// Issue 27.15: a file over the default limit (64 MB) is refused before it
/// is read (a 200 MB file took 1.84 GB of memory).
#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let run = Run::new();
    let huge = std::fs::File::create(run.path().join("huge.rect")).unwrap();
    huge.set_len(100 << 20).unwrap();
    let out = run.exec(&["fmt", "huge.rect", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stderr
            .contains("rectlint fmt: huge.rect: too large to format (100 MB; the limit is 64 MB)"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("1 file(s) could not be formatted."),
        "{}",
        out.stdout
    );
}
