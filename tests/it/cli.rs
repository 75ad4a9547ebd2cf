//! The `check` command as a user meets it: exit codes, files and folders,
//! standard input, encodings, JSON and human output.

use crate::common;

use common::{Run, codes, json, plan, repo};

#[test]
fn a_clean_plan_exits_0_with_a_summary() {
    let out = Run::new()
        .file("plan.rect", plan(""))
        .args(&["check", "plan.rect"])
        .run();
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(out.stdout, "检查了 1 个文件，未发现问题。\n");
    let out = Run::new()
        .file("plan.rect", plan(""))
        .args(&["check", "plan.rect", "--lang", "en"])
        .run();
    assert_eq!(out.stdout, "Checked 1 file: no problems found.\n");
}

#[test]
fn the_lang_environment_picks_english() {
    let out = Run::new()
        .file("plan.rect", plan(""))
        .env("LANG", "en_US.UTF-8")
        .args(&["check", "plan.rect"])
        .run();
    assert_eq!(out.stdout, "Checked 1 file: no problems found.\n");
    let out = Run::new()
        .file("plan.rect", plan(""))
        .env("LANG", "C.UTF-8")
        .args(&["check", "plan.rect"])
        .run();
    assert_eq!(out.stdout, "检查了 1 个文件，未发现问题。\n");
}

#[test]
fn a_syntax_error_is_a_finding_and_the_other_files_are_still_checked() {
    let broken = plan("").replace("      时限：2024-09-30\n", "      时限：2024-09-30 }\n");
    let misspelt = plan("").replace("责任领导：李明", "责任领到：李明");
    let out = Run::new()
        .file("a-clean.rect", plan(""))
        .file("b-broken.rect", &broken)
        .file("sub/c-misspelt.rect", &misspelt)
        .file("notes.txt", "not a plan")
        .args(&["check", ".", "--format", "json"])
        .run();
    assert_eq!(out.code, 1, "{out:?}");
    let doc = json(&out.stdout);
    assert_eq!(doc["summary"]["files"], 3);
    let found = codes(&doc);
    assert!(
        found.contains(&("b-broken.rect".into(), "P001".into(), 22, 21)),
        "{found:?}"
    );
    assert!(
        found.contains(&("sub/c-misspelt.rect".into(), "P003".into(), 19, 7)),
        "{found:?}"
    );
    assert!(!found.iter().any(|f| f.0 == "a-clean.rect"), "{found:?}");
}

#[test]
fn exit_2_when_the_run_cannot_be_done() {
    let out = Run::new().args(&["check", "missing.rect"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("无法访问 missing.rect"),
        "{}",
        out.stderr
    );
    let out = Run::new().args(&["check", "--format", "xml"]).run();
    assert_eq!(out.code, 2);
    let out = Run::new()
        .file("plan.rect", plan(""))
        .args(&["check", "plan.rect", "--as-of", "2025-02-30"])
        .run();
    assert_eq!(out.code, 2, "{out:?}");
    let out = Run::new()
        .file("plan.rect", plan(""))
        .file("rectlint.toml", "profile = \"xuncha\"\nwindow = 3\n")
        .args(&["check", "plan.rect"])
        .run();
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr.contains("unknown field `window`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("rectlint.toml:2:1"), "{}", out.stderr);
}

#[test]
fn standard_input_with_a_name() {
    let misspelt = plan("").replace("责任领导：李明", "责任领到：李明");
    let out = Run::new()
        .stdin(misspelt)
        .args(&[
            "check",
            "-",
            "--stdin-filename",
            "plans/x.rect",
            "--format",
            "json",
        ])
        .run();
    assert_eq!(
        out.code, 1,
        "the misspelt key leaves the measure without a leader: {out:?}"
    );
    let found = codes(&json(&out.stdout));
    assert!(
        found.contains(&("plans/x.rect".into(), "P003".into(), 19, 7)),
        "{found:?}"
    );
    let out = Run::new().stdin(plan("")).args(&["check", "-"]).run();
    assert_eq!(out.code, 0, "{out:?}");
}

#[test]
fn gb18030_is_read_with_a_warning_and_garbage_is_an_error_for_that_file_alone() {
    let text = plan("");
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let out = Run::new()
        .file("gbk.rect", gbk.as_ref())
        .file("garbage.rect", b"\x80\x81\xfe not text \xc0\xff")
        .file("binary.rect", b"\x00\x01\x02\x03")
        .file("ok.rect", plan(""))
        .args(&["check", ".", "--format", "json"])
        .run();
    assert_eq!(out.code, 1, "{out:?}");
    let found = codes(&json(&out.stdout));
    // A binary file met in a folder is skipped with a note (issue 6).
    assert_eq!(
        found,
        [
            ("garbage.rect".into(), "P007".into(), 1, 1),
            ("gbk.rect".into(), "P002".into(), 1, 1),
        ]
    );
    assert!(out.stderr.contains("binary.rect"), "{out:?}");
}

/// A file whose lines end with a lone `\r` (old Mac files) reads as the same
/// file with `\n`: the same findings on the same lines, in every output and
/// in `fmt`. It was one line, "no plan block", drawn with a gutter line 0.
#[test]
fn lone_carriage_returns_are_line_breaks() {
    let lf = common::faulty_plan();
    let cr = lf.replace('\n', "\r");
    // Old Mac endings, and a lone `\r` among CRLF endings.
    let mixed = lf.replacen('\n', "\r", 5).replace('\n', "\r\n");
    let (gb, _, _) = encoding_rs::GB18030.encode(&cr);
    let run = Run::new()
        .file("lf.rect", &lf)
        .file("cr.rect", &cr)
        .file("mixed.rect", &mixed)
        .file("gb.rect", gb.as_ref());
    let out = run.exec(&["check", "lf.rect", "--format", "json"]);
    let expected: Vec<(String, u64, u64)> = codes(&json(&out.stdout))
        .into_iter()
        .map(|(_, code, line, column)| (code, line, column))
        .collect();
    assert!(
        expected.contains(&("R001".into(), 18, 5)) && expected.contains(&("S004".into(), 20, 11)),
        "{expected:?}"
    );
    for file in ["cr.rect", "mixed.rect", "gb.rect"] {
        let out = run.exec(&["check", file, "--format", "json"]);
        assert_eq!(out.code, 1, "{file}: {}", out.stderr);
        let found: Vec<(String, u64, u64)> = codes(&json(&out.stdout))
            .into_iter()
            .map(|(_, code, line, column)| (code, line, column))
            .filter(|(code, _, _)| code != "P002")
            .collect();
        assert_eq!(found, expected, "{file}");
        let human = run.exec(&["check", file]);
        assert!(
            human.stdout.contains(&format!("╭─[{file}:20:11]")),
            "{}",
            human.stdout
        );
        assert!(
            human.stdout.contains(" 20 │       责任人：赵六"),
            "{}",
            human.stdout
        );
        assert!(!human.stdout.contains('\r'), "{file}");
        assert!(!human.stdout.contains(" 0 │"), "{}", human.stdout);
    }
    let from_stdin = Run::new()
        .stdin(cr.clone())
        .exec(&["check", "-", "--format", "json"]);
    assert_eq!(codes(&json(&from_stdin.stdout)).len(), expected.len());
    // `fmt` reads the lines and writes them with `\n`.
    let out = run.exec(&["fmt", "cr.rect", "mixed.rect"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lf_formatted = {
        let out = run.exec(&["fmt", "lf.rect"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        std::fs::read_to_string(run.path().join("lf.rect")).unwrap()
    };
    for file in ["cr.rect", "mixed.rect"] {
        let formatted = std::fs::read_to_string(run.path().join(file)).unwrap();
        assert_eq!(formatted.replace("\r\n", "\n"), lf_formatted, "{file}");
    }
}

#[test]
fn json_columns_count_characters_and_output_is_sorted_and_stable() {
    let text = plan("")
        .replace("时限：2024-09-30", "时限：2024-09-31")
        .replace("责任领导：李明", "责任领到：李明");
    let run = Run::new()
        .file("b.rect", &text)
        .file("a.rect", &text)
        .args(&["check", ".", "--format", "json", "--as-of", "2025-04-27"]);
    let first = run.run();
    let doc = json(&first.stdout);
    let found = codes(&doc);
    // `      时限：2024-09-` is 17 characters (but 23 bytes) before the day.
    assert!(
        found.contains(&("a.rect".into(), "P004".into(), 22, 18)),
        "{found:?}"
    );
    let mut sorted = found.clone();
    sorted.sort_by(|a, b| (&a.0, a.2, a.3, &a.1).cmp(&(&b.0, b.2, b.3, &b.1)));
    assert_eq!(found, sorted);
    let d = &doc["diagnostics"][0];
    for key in [
        "code",
        "severity",
        "message",
        "help",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "node",
        "fixable",
    ] {
        assert!(d.get(key).is_some(), "missing {key} in {d}");
    }
    assert_eq!(doc["as_of"], "2025-04-27");
    assert_eq!(doc["profile"], "xuncha");
    assert_eq!(doc["tool"]["name"], "rectlint");
    for _ in 0..3 {
        assert_eq!(run.run().stdout, first.stdout);
    }
    let one = Run::new().file("b.rect", &text).file("a.rect", &text);
    let jobs1 = one
        .args(&["check", ".", "--format", "json", "--jobs", "1"])
        .run();
    let four = Run::new().file("b.rect", &text).file("a.rect", &text);
    let jobs4 = four
        .args(&["check", ".", "--format", "json", "--jobs", "4"])
        .run();
    assert_eq!(jobs1.stdout, jobs4.stdout);
    // A huge number of threads is capped (it once took minutes), same output.
    let many = Run::new().file("b.rect", &text).file("a.rect", &text);
    let jobs_many = many
        .args(&["check", ".", "--format", "json", "--jobs", "100000"])
        .run();
    assert_eq!(jobs1.stdout, jobs_many.stdout);
}

/// `--jobs 0` means every core, as giving no `--jobs` does (it was a raw
/// "number would be zero for non-zero type"); what is not a number is told
/// in words, in both languages.
#[test]
fn jobs_0_is_every_core_and_a_bad_count_is_told_in_words() {
    let run = Run::new()
        .file("a.rect", common::faulty_plan())
        .file("b.rect", plan(""));
    let default = run.exec(&["check", ".", "--format", "json"]);
    assert_eq!(default.code, 1, "{}", default.stderr);
    for jobs in ["0", "-j0", "--jobs=0"] {
        let args: &[&str] = if jobs == "0" {
            &["check", ".", "--format", "json", "--jobs", "0"]
        } else {
            &["check", ".", "--format", "json", jobs]
        };
        let out = run.exec(args);
        assert_eq!(out.code, 1, "{jobs}: {}", out.stderr);
        assert_eq!(out.stdout, default.stdout, "{jobs}");
    }
    for bad in ["abc", "-1", "1.5", "99999999999999999999999"] {
        let out = run.exec(&["check", ".", &format!("--jobs={bad}")]);
        assert_eq!(out.code, 2, "{bad}");
        assert!(out.stderr.contains("应为线程数"), "{bad}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("expected a number of threads (0: all cores)"),
            "{bad}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("invalid digit"), "{}", out.stderr);
    }
}

/// The display width of `s` in terminal cells: CJK characters take two.
fn cells(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[test]
fn human_labels_line_up_under_chinese_text() {
    let text = plan("").replace("责任领导：李明", "责任领到：李明");
    let out = Run::new()
        .file("plan.rect", &text)
        .args(&["check", "plan.rect"])
        .run();
    let lines: Vec<&str> = out.stdout.lines().collect();
    let source = (0..lines.len() - 1)
        .find(|&i| lines[i].ends_with("责任领到：李明") && lines[i + 1].contains('·'))
        .unwrap_or_else(|| panic!("{}", out.stdout));
    let code_line = lines[source];
    let marks = lines[source + 1];
    let before_key = &code_line[..code_line.find("责任领到").unwrap()];
    let underline_start = marks.find('─').unwrap();
    assert_eq!(
        cells(&marks[..underline_start]),
        cells(before_key),
        "\n{code_line}\n{marks}"
    );
    let underline: String = marks[underline_start..]
        .chars()
        .take_while(|c| *c == '─')
        .collect();
    assert_eq!(
        underline.chars().count(),
        cells("责任领到"),
        "\n{code_line}\n{marks}"
    );
    assert!(out.stdout.contains("plan.rect:19:7"), "{}", out.stdout);
    assert!(!out.stdout.contains('\u{1b}'), "plain when not a terminal");
}

/// A plan with the mistakes reviewers see most, for the snapshots.
const FLAWED: &str = "方案 测试方案 {
  被巡察单位：某局
  巡察组：市委第一巡察组
  反馈日期：2024-07-26
  第一责任人：张伟
  人员 {
    张伟：党委书记、局长
    李明：党委委员、副局长
  }
  部门 {
    办公室
  }
  问题 A1 制度不健全 {
    原因：缺少统一制度
    措施 A1.1 制定**制度 {
      责任领导：李明
      责任部门：办公室
      责任人：李明
      时限：2024-10-31
      状态：推进中
    }
    措施 A1.1 执行制度 {
      责任部门：办公室
      责任人：李明
      时限：尽快
      目标：制度执行率100%
      状态：已完成
    }
  }
}
";

#[test]
fn human_output_snapshot() {
    let run = Run::new().file("plan.rect", FLAWED);
    let out = run.exec(&["check", "plan.rect", "--as-of", "2025-04-27"]);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!("human_output_zh", out.stdout);
    let out = run.exec(&[
        "check",
        "plan.rect",
        "--as-of",
        "2025-04-27",
        "--lang",
        "en",
    ]);
    insta::assert_snapshot!("human_output_en", out.stdout);
}

/// Two labels of one finding far apart are drawn as two short snippets, each
/// with a line around it, not with every line between them; and the header
/// gives the line the JSON output gives, also after a lone `\r`, which ends
/// a line (as in old Mac files) in both.
#[test]
fn labels_far_apart_are_drawn_apart_and_on_the_lines_json_gives() {
    let fixture = std::fs::read_to_string("tests/fixtures/rules/S009/bad-copied-measures.rect")
        .unwrap()
        .replace("# expect:", "# was expected:");
    let padding = |lines| "  # 填充说明\r  # 仍是填充\n".repeat(lines);
    let text = fixture
        .replacen("  问题 A1", &format!("{}  问题 A1", padding(300)), 1)
        .replacen("  问题 A2", &format!("{}  问题 A2", padding(100)), 1);
    let run = Run::new().file("plan.rect", &text);
    let out = run.exec(&["check", "plan.rect"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    // The first finding of S009, to the blank line after its help.
    let first = out.stdout.find("警告[S009]").expect(&out.stdout);
    let finding = &out.stdout[first..];
    let help = finding.find("  help:").expect(finding);
    let finding = &finding[..help + finding[help..].find("\n\n").expect(finding)];
    assert_eq!(finding.lines().count(), 17, "{finding}");
    assert!(!finding.contains("填充说明"), "{finding}");
    let json_out = run.exec(&["check", "plan.rect", "--format", "json"]);
    let places: Vec<String> = json(&json_out.stdout)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "S009")
        .map(|d| format!("plan.rect:{}:{}", d["line"], d["column"]))
        .collect();
    assert_eq!(places, ["plan.rect:825:13", "plan.rect:831:11"]);
    assert!(finding.contains(&format!("╭─[{}]", places[0])), "{finding}");
    assert!(finding.contains("╭─[plan.rect:617:13]"), "{finding}");
    // The measures repeated, each drawn with the lines around it.
    for drawn in [
        " 616 │   问题 A1 打击防范效能不高 {",
        " 617 │     措施 A1.1 加强队伍建设 {",
        " 618 │       责任领导：张伟",
        " 824 │   问题 A2 执法办案不规范 {",
        " 825 │     措施 A2.1 加强队伍建设。 {",
        " 826 │       责任领导：张伟",
    ] {
        assert!(finding.contains(drawn), "{drawn}:\n{finding}");
    }
}

#[test]
fn every_example_is_clean() {
    let examples = repo().join("examples");
    let mut plans = Vec::new();
    for entry in ignore::Walk::new(&examples) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rect") {
            plans.push(entry.path().to_path_buf());
        }
    }
    assert!(plans.len() >= 3, "{plans:?}");
    for path in plans {
        let out = Run::new()
            .cwd(&repo())
            .args(&["check", path.to_str().unwrap(), "--format", "json"])
            .run();
        let doc = json(&out.stdout);
        assert_eq!(out.code, 0, "{}: {}", path.display(), out.stdout);
        assert_eq!(
            doc["summary"]["errors"],
            0,
            "{}: {}",
            path.display(),
            out.stdout
        );
        assert_eq!(
            doc["summary"]["warnings"],
            0,
            "{}: {}",
            path.display(),
            out.stdout
        );
    }
}

#[test]
fn the_language_example_is_clean_as_of_its_report_date() {
    let out = Run::new()
        .cwd(&repo())
        .args(&[
            "check",
            "examples/spec-example/shenwan.rect",
            "--as-of",
            "2025-04-27",
            "--format",
            "json",
        ])
        .run();
    let doc = json(&out.stdout);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(doc["summary"]["errors"], 0, "{}", out.stdout);
    assert_eq!(doc["summary"]["warnings"], 0, "{}", out.stdout);
}

#[test]
fn the_main_job_on_the_examples_exits_0() {
    let out = Run::new().cwd(&repo()).args(&["check", "examples/"]).run();
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("检查了 3 个文件"), "{}", out.stdout);
}

#[test]
fn the_configuration_is_the_plans_own_whatever_the_path() {
    let misspelt = plan("").replace("责任领导：李明", "责任领到：李明");
    let run = Run::new()
        .file(
            "a/rectlint.toml",
            "[severity]\nP003 = \"off\"\nR001 = \"off\"\n",
        )
        .file("a/sub/.keep", "")
        .file("b/rectlint.toml", "")
        .file("b/p.rect", &misspelt);
    let from_sub = Run::new().cwd(&run.path().join("a/sub"));
    let out = from_sub.exec(&["check", "../../b/p.rect", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("\"P003\""), "{}", out.stdout);
}

/// A plan of over 1 MB with over 512 findings: its findings are rendered as
/// JSON by the worker that checked it, on every core, and its memory comes in
/// huge pages. The bytes are those of one thread, and a baseline still hides
/// what it records.
#[test]
fn a_large_plan_gives_the_same_json_on_one_thread_or_two_and_its_baseline_hides_it() {
    use std::fmt::Write;
    let mut measures = String::new();
    for i in 2..=4000 {
        writeln!(
            measures,
            "    措施 A1.{i} 落实第{i}项工作制度并逐月检查执行情况 {{\n      责任领导：赵六\n      责任部门：办公室\n      \
             时限：2024-09-30\n      目标：印发制度并组织全体人员学习，每月检查一次执行情况\n      状态：推进中\n    }}"
        )
        .unwrap();
    }
    let large = plan("").replace("  }\n}\n", &format!("{measures}  }}\n}}\n"));
    assert!(large.len() > 1 << 20, "{}", large.len());
    let run = Run::new().file("large.rect", &large);
    let args = ["check", "--format", "json", "--as-of", "2025-04-27"];
    let one = run.exec(&[&args[..], &["--jobs", "1"]].concat());
    let two = run.exec(&[&args[..], &["--jobs", "2"]].concat());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!((one.code, two.code), (1, 1), "{}", one.stderr);
    let found = json(&two.stdout)["diagnostics"].as_array().unwrap().len();
    assert!(found > 1024, "{found}");

    let recorded = run.exec(&[&args[..], &["--write-baseline", "base.json"]].concat());
    assert_eq!(recorded.code, 0, "{}", recorded.stderr);
    let out = run.exec(&[&args[..], &["--jobs", "2", "--baseline", "base.json"]].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let shown = json(&out.stdout)["diagnostics"].as_array().unwrap().len();
    assert_eq!(shown, 0, "findings the baseline records are not shown");
}

/// A plan padded past 1 MB is read on every core: its lines, and its issues,
/// categories and people and departments blocks read apart. Its findings are
/// those it gives unpadded: a block where a list of people is expected, and
/// else a misspelt key in a category and the rules' findings, with a leader
/// that only a second people block declares taken as declared.
#[test]
fn a_plan_padded_past_a_megabyte_gives_the_findings_it_gives_unpadded() {
    let example = std::fs::read_to_string("examples/district-branch/district.rect").unwrap();
    let end = example.rfind("}\n").unwrap();
    let mut text = example.clone();
    text.insert_str(
        end,
        "  人员 {\n    钱七：副局长\n  }\n  问题 Z1 另列问题 {\n    措施 Z1.1 另列措施 {\n      \
         责任领导：钱七\n      责任部门：办公室\n      时限：尽快\n      目标：完成整改\n      \
         状态：推进中\n    }\n  }\n",
    );
    // A misspelt key inside a category, reported as its measure is read.
    let measure = text.find("措施 A1.1.1").unwrap();
    let line_end = measure + text[measure..].find('\n').unwrap() + 1;
    text.insert_str(line_end, "          责任领到：赵建国\n");
    let people = text.find("  人员 {\n").unwrap() + "  人员 {\n".len();
    let mut nested = text.clone();
    nested.insert_str(people, "    小组 {\n    }\n");
    let findings = |text: &str| {
        let mut padded = text.to_owned();
        while padded.len() <= 1 << 20 {
            padded.push_str("# 以下为填充，不属于方案：一二三四五六七八九十一二三四五六七八九十\n");
        }
        let args = [
            "check",
            "p.rect",
            "--format",
            "json",
            "--as-of",
            "2025-04-27",
        ];
        let small = Run::new()
            .file("p.rect", text)
            .exec(&[&args[..], &["--jobs", "1"]].concat());
        let large = Run::new().file("p.rect", &padded).exec(&args);
        assert_eq!((small.code, large.code), (1, 1), "{}", small.stdout);
        let (small, large) = (json(&small.stdout), json(&large.stdout));
        assert_eq!(small["diagnostics"], large["diagnostics"]);
        small
    };
    let lines = |found: &serde_json::Value| -> Vec<(String, u64)> {
        codes(found)
            .into_iter()
            .map(|(_, code, line, _)| (code, line))
            .collect()
    };
    assert_eq!(
        lines(&findings(&nested)),
        [("P001".to_owned(), 17), ("P003".to_owned(), 57)]
    );
    let found = lines(&findings(&text));
    assert!(found.contains(&("P003".to_owned(), 55)), "{found:?}");
    for code in ["S006", "T002", "Q004"] {
        assert!(found.iter().any(|(c, _)| c == code), "{code}: {found:?}");
    }
    assert!(found.iter().all(|(c, _)| c != "S004"), "{found:?}");
}
