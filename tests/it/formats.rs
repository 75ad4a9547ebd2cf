//! The CI formats as their consumers read them: SARIF (valid against the
//! official SARIF 2.1.0 schema), GitHub workflow commands, GitLab Code
//! Quality and `JUnit` XML. Every test parses the output and checks the fields
//! a consumer relies on.
//!
//! `sarif-schema-2.1.0.json` is the OASIS schema of SARIF 2.1.0 (`$id`
//! `…/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json`), as the
//! `serde-sarif` crate 0.8.0 ships it in `src/schema.json`.

use crate::common;

use common::{Run, faulty_plan, json, plan};
use rectlint::check::rule;
use rectlint::code::Code;
use serde_json::Value;

/// A folder with a faulty plan under a name that needs percent-encoding, a
/// clean plan, a plan with a duplicate ID (S003, with a secondary label) and
/// one with only an info (Q004).
fn repository() -> Run {
    let clean = plan("");
    Run::new()
        .file("计划 甲/bad.rect", faulty_plan())
        .file("clean.rect", &clean)
        .file(
            "dup.rect",
            clean.replace("措施 A1.1 制定工作制度", "措施 A1 制定工作制度"),
        )
        .file("info.rect", clean.replace("    原因：缺少统一制度\n", ""))
}

/// The schema, compiled. Its two `language` patterns,
/// `^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, have a stray `]` that the
/// meta-schema's `regex` check rejects; they are replaced here, in memory,
/// by the corrected pattern Microsoft's SARIF SDK ships,
/// `^[a-zA-Z]{2}(-[a-zA-Z]{2})?$`. Nothing else is touched.
fn sarif_validator() -> jsonschema::Validator {
    const STRAY: &str = r#""pattern": "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    const FIXED: &str = r#""pattern": "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#;
    let text = include_str!("sarif-schema-2.1.0.json");
    assert_eq!(text.matches(STRAY).count(), 2);
    let schema: Value = serde_json::from_str(&text.replace(STRAY, FIXED)).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn validate_sarif(log: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
}

#[test]
fn the_schema_catches_what_it_should() {
    // The validator is not vacuous: a log without `version`, or with a
    // column kind SARIF does not know, is rejected.
    let validator = sarif_validator();
    assert!(validator.is_valid(&serde_json::json!({"version": "2.1.0", "runs": []})));
    assert!(!validator.is_valid(&serde_json::json!({"runs": []})));
    assert!(!validator.is_valid(&serde_json::json!({
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "x"}}, "columnKind": "characters"}]
    })));
}

#[test]
fn sarif_is_valid_and_complete() {
    let run = repository();
    let out = run.exec(&["check", "--format", "sarif"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_eq!(out.stderr, "");
    let log = json(&out.stdout);
    validate_sarif(&log);

    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .unwrap()
            .ends_with("sarif-schema-2.1.0.json")
    );
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let sarif_run = &runs[0];
    assert_eq!(sarif_run["columnKind"], "unicodeCodePoints");
    assert_eq!(sarif_run["language"], "zh-CN");
    let driver = &sarif_run["tool"]["driver"];
    assert_eq!(driver["name"], "rectlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(sarif_run["invocations"][0]["executionSuccessful"], true);
    let root = sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    let cwd = run.path().canonicalize().unwrap();
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    assert!(
        root.trim_end_matches('/')
            .ends_with(cwd.file_name().unwrap().to_str().unwrap()),
        "{root}"
    );

    // One descriptor per rule that fired, in catalog order, from the rule's
    // own documentation.
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["S003", "S004", "R001", "Q004"]);
    for descriptor in rules {
        let meta = rule(Code::parse(descriptor["id"].as_str().unwrap()).unwrap())
            .unwrap()
            .meta();
        assert_eq!(descriptor["shortDescription"]["text"], meta.summary.0);
        assert_eq!(descriptor["fullDescription"]["text"], meta.doc.zh);
        assert_eq!(descriptor["help"]["text"], meta.doc.zh);
        assert_eq!(descriptor["help"]["markdown"], meta.doc.zh);
        assert_eq!(
            descriptor["defaultConfiguration"]["level"],
            match meta.severity.as_str() {
                "info" => "note",
                other => other,
            }
        );
    }
    assert_eq!(rules[2]["name"], "MissingLeader");

    let results = sarif_run["results"].as_array().unwrap();
    let summary: Vec<(&str, &str, &str, u64)> = results
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"];
            (
                r["ruleId"].as_str().unwrap(),
                r["level"].as_str().unwrap(),
                location["artifactLocation"]["uri"].as_str().unwrap(),
                location["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("S003", "error", "dup.rect", 18),
            ("Q004", "note", "info.rect", 16),
            (
                "R001",
                "error",
                "%E8%AE%A1%E5%88%92%20%E7%94%B2/bad.rect",
                18
            ),
            (
                "S004",
                "warning",
                "%E8%AE%A1%E5%88%92%20%E7%94%B2/bad.rect",
                20
            ),
        ]
    );
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap();
        assert_eq!(
            rules[usize::try_from(index).unwrap()]["id"],
            result["ruleId"]
        );
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
            "%SRCROOT%"
        );
        assert_eq!(
            result["partialFingerprints"]["rectlint/v1"]
                .as_str()
                .unwrap()
                .len(),
            32
        );
        assert!(result.get("baselineState").is_none());
    }

    let leader = &results[2];
    assert_eq!(leader["message"]["text"], "措施 A1.1 没有责任领导");
    assert_eq!(
        leader["properties"]["help"],
        "在措施中写明一位分管领导，例如：责任领导：李明"
    );
    assert_eq!(leader["properties"]["node"], "A1.1");
    assert_eq!(leader["properties"]["fixable"], false);
    assert_eq!(
        leader["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 18, "startColumn": 5, "endLine": 18, "endColumn": 7})
    );
    // Columns count characters: 赵六 starts at character 11 of
    // `      责任人：赵六` and ends one past character 12.
    assert_eq!(
        results[3]["locations"][0]["physicalLocation"]["region"],
        serde_json::json!({"startLine": 20, "startColumn": 11, "endLine": 20, "endColumn": 13})
    );

    // The first use of a duplicate ID is a related location.
    let related = &results[0]["relatedLocations"][0];
    assert_eq!(related["id"], 1);
    assert_eq!(related["message"]["text"], "第一次使用");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 16);
}

#[test]
fn sarif_in_english_and_for_a_clean_run() {
    let out = Run::new()
        .file("a.rect", plan(""))
        .args(&["check", "--format", "sarif", "--lang", "en"])
        .run();
    assert_eq!(out.code, 0, "{out:?}");
    let log = json(&out.stdout);
    validate_sarif(&log);
    assert_eq!(log["runs"][0]["language"], "en-US");
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"],
        serde_json::json!([])
    );

    let out = Run::new()
        .file("a.rect", faulty_plan())
        .args(&["check", "--format", "sarif", "--lang", "en"])
        .run();
    let log = json(&out.stdout);
    validate_sarif(&log);
    // Catalog order: S004 before R001.
    let descriptor = &log["runs"][0]["tool"]["driver"]["rules"][1];
    let meta = rule(Code::new("R001")).unwrap().meta();
    assert_eq!(descriptor["shortDescription"]["text"], meta.summary.1);
    assert_eq!(descriptor["help"]["markdown"], meta.doc.en);
    assert_eq!(
        log["runs"][0]["results"][0]["message"]["text"],
        "measure A1.1 has no responsible leader"
    );
}

#[test]
fn sarif_with_a_baseline_marks_results_new_and_notes_stale_records() {
    let run = Run::new()
        .file("a.rect", faulty_plan())
        .file("b.rect", plan("").replace("责任人：王芳", "责任人：赵六"));
    assert_eq!(
        run.exec(&["check", "--write-baseline", "base.json"]).code,
        0
    );
    // a.rect gets fixed, b.rect gets a new defect.
    std::fs::write(run.path().join("a.rect"), plan("")).unwrap();
    std::fs::write(run.path().join("b.rect"), faulty_plan()).unwrap();
    let out = run.exec(&["check", "--format", "sarif", "--baseline", "base.json"]);
    assert_eq!(out.code, 1, "{out:?}");
    let log = json(&out.stdout);
    validate_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "R001");
    assert_eq!(results[0]["baselineState"], "new");
    let notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    let texts: Vec<&str> = notes
        .iter()
        .map(|n| n["message"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "基线记录已不再出现，可用 --write-baseline 删去：a.rect R001 A1.1",
            "基线记录已不再出现，可用 --write-baseline 删去：a.rect S004 A1.1",
        ]
    );
    assert!(notes.iter().all(|n| n["level"] == "note"));
}

#[test]
fn sarif_files_outside_the_working_directory_get_absolute_uris() {
    let outside = Run::new().file("far.rect", faulty_plan());
    let far = outside.path().join("far.rect");
    let out = Run::new().exec(&["check", "--format", "sarif", far.to_str().unwrap()]);
    let log = json(&out.stdout);
    validate_sarif(&log);
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    let uri = location["artifactLocation"]["uri"].as_str().unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/far.rect"),
        "{uri}"
    );
    assert!(location["artifactLocation"].get("uriBaseId").is_none());
}

#[test]
fn github_annotations() {
    let out = repository().args(&["check", "--format", "github"]).run();
    assert_eq!(out.code, 1, "{out:?}");
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "::error file=dup.rect,line=18,col=8,endLine=18,endColumn=10,title=S003::编号 A1 重复使用%0A建议：方面、问题和措施的编号在整个方案中只能用一次；把这一处改为未用过的编号",
            "::notice file=info.rect,line=16,col=3,endLine=16,endColumn=5,title=Q004::问题 A1 没有写原因分析%0A建议：在问题中写一行原因，从思想认识、制度机制、监督管理等方面说明问题为何产生，例如：原因：办案力量分散，缺少统一的案件办理制度",
            "::error file=计划 甲/bad.rect,line=18,col=5,endLine=18,endColumn=7,title=R001::措施 A1.1 没有责任领导%0A建议：在措施中写明一位分管领导，例如：责任领导：李明",
            "::warning file=计划 甲/bad.rect,line=20,col=11,endLine=20,endColumn=13,title=S004::责任人“赵六”没有在“人员”中声明%0A建议：在“人员”块中声明此人及其职务，例如：赵六：刑侦大队民警",
            "检查了 4 个文件：2 个错误，1 个警告，1 个提示。",
        ]
    );
}

#[test]
fn github_escapes_properties_and_data() {
    let out = Run::new()
        .file("a,b:c%d.rect", faulty_plan())
        .args(&["check", "--format", "github", "--lang", "en"])
        .run();
    let first = out.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=a%2Cb%3Ac%25d.rect,line=18,"),
        "{first}"
    );
    // The help is on a second line of the message: an escaped line feed.
    assert!(
        first.ends_with(
            "title=R001::measure A1.1 has no responsible leader%0Ahelp: name the leader in charge in the measure, e.g. 责任领导：李明"
        ),
        "{first}"
    );
}

#[test]
fn gitlab_code_quality() {
    let run = repository();
    let out = run.exec(&["check", "--format", "gitlab"]);
    assert_eq!(out.code, 1, "{out:?}");
    let report = json(&out.stdout);
    let issues = report.as_array().unwrap();
    let rows: Vec<(&str, &str, &str, &str, u64)> = issues
        .iter()
        .map(|i| {
            (
                i["check_name"].as_str().unwrap(),
                i["severity"].as_str().unwrap(),
                i["description"].as_str().unwrap(),
                i["location"]["path"].as_str().unwrap(),
                i["location"]["lines"]["begin"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("S003", "major", "S003: 编号 A1 重复使用", "dup.rect", 18),
            (
                "Q004",
                "info",
                "Q004: 问题 A1 没有写原因分析",
                "info.rect",
                16
            ),
            (
                "R001",
                "major",
                "R001: 措施 A1.1 没有责任领导",
                "计划 甲/bad.rect",
                18
            ),
            (
                "S004",
                "minor",
                "S004: 责任人“赵六”没有在“人员”中声明",
                "计划 甲/bad.rect",
                20
            ),
        ]
    );
    let fingerprints = |report: &Value| -> Vec<String> {
        report
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = fingerprints(&report);
    for f in &before {
        assert!(
            f.len() == 32 && f.chars().all(|c| c.is_ascii_hexdigit()),
            "{f}"
        );
    }
    let unique: std::collections::BTreeSet<&String> = before.iter().collect();
    assert_eq!(unique.len(), before.len());

    // Lines added above the findings move them, not their fingerprints.
    let path = run.path().join("计划 甲/bad.rect");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("# 第二稿\n# 修改说明见附件\n{text}")).unwrap();
    let after = json(&run.exec(&["check", "--format", "gitlab"]).stdout);
    assert_eq!(after[2]["location"]["lines"]["begin"], 20);
    assert_eq!(fingerprints(&after), before);
}

#[test]
fn gitlab_fingerprints_tell_identical_findings_apart() {
    // The same undeclared person twice in one measure: two findings with
    // the same path, code, node and text.
    let twice = plan("").replace("责任人：王芳", "责任人：赵六、赵六");
    let out = Run::new()
        .file("a.rect", twice)
        .args(&["check", "--format", "gitlab"])
        .run();
    let report = json(&out.stdout);
    let s004: Vec<&str> = report
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["check_name"] == "S004")
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert!(s004.len() >= 2, "{report}");
    let unique: std::collections::BTreeSet<&&str> = s004.iter().collect();
    assert_eq!(unique.len(), s004.len(), "{report}");
}

#[test]
fn gitlab_of_a_clean_run_is_an_empty_array() {
    let out = Run::new()
        .file("a.rect", plan(""))
        .args(&["check", "--format", "gitlab"])
        .run();
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout, "[]\n");
}

#[test]
fn junit_one_test_case_per_file() {
    let run = repository().file("a&<b>.rect", plan(""));
    let out = run.exec(&["check", "--format", "junit", "--lang", "en"]);
    assert_eq!(out.code, 1, "{out:?}");
    assert!(
        out.stdout
            .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    );
    let doc = roxmltree::Document::parse(&out.stdout).unwrap();
    let suites = doc.root_element();
    assert_eq!(suites.tag_name().name(), "testsuites");
    assert_eq!(suites.attribute("tests"), Some("5"));
    assert_eq!(suites.attribute("failures"), Some("2"));
    let suite = suites
        .children()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("name"), Some("rectlint"));
    assert_eq!(suite.attribute("tests"), Some("5"));
    assert_eq!(suite.attribute("failures"), Some("2"));
    assert_eq!(suite.attribute("errors"), Some("0"));
    let cases: Vec<roxmltree::Node> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let names: Vec<&str> = cases.iter().map(|c| c.attribute("name").unwrap()).collect();
    assert_eq!(
        names,
        [
            "a&<b>.rect",
            "clean.rect",
            "dup.rect",
            "info.rect",
            "计划 甲/bad.rect"
        ]
    );
    for case in &cases {
        assert_eq!(case.attribute("classname"), Some("rectlint"));
        assert_eq!(case.attribute("file"), case.attribute("name"));
    }
    // Passing files: no child at all.
    assert_eq!(
        cases[0]
            .children()
            .filter(roxmltree::Node::is_element)
            .count(),
        0
    );
    assert_eq!(
        cases[1]
            .children()
            .filter(roxmltree::Node::is_element)
            .count(),
        0
    );
    // A file with only an info passes, its finding in system-out.
    let info = &cases[3];
    assert!(!info.children().any(|n| n.has_tag_name("failure")));
    let out_text = info
        .children()
        .find(|n| n.has_tag_name("system-out"))
        .unwrap()
        .text()
        .unwrap();
    assert!(
        out_text.starts_with(
            "info.rect:16:3: info[Q004] issue A1 gives no root cause (原因)\n    help: "
        ),
        "{out_text}"
    );
    // A failing file: one failure listing every finding.
    let failures: Vec<roxmltree::Node> = cases[4]
        .children()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].attribute("message"), Some("1 error, 1 warning"));
    assert_eq!(failures[0].attribute("type"), Some("rectlint"));
    let text = failures[0].text().unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("    ")).collect();
    assert_eq!(
        lines,
        [
            "计划 甲/bad.rect:18:5: error[R001] measure A1.1 has no responsible leader",
            "计划 甲/bad.rect:20:11: warning[S004] 责任人 `赵六` is not declared under `人员`",
        ]
    );
}

#[test]
fn junit_warnings_fail_test_cases_only_when_they_fail_the_run() {
    let run = Run::new().file("w.rect", plan("").replace("责任人：王芳", "责任人：赵六"));
    let failures = |args: &[&str]| {
        let out = run.exec(args);
        let doc = roxmltree::Document::parse(&out.stdout).unwrap();
        (
            out.code,
            doc.root_element().attribute("failures").unwrap().to_owned(),
        )
    };
    assert_eq!(failures(&["check", "--format", "junit"]), (0, "0".into()));
    assert_eq!(
        failures(&["check", "--format", "junit", "--deny", "warnings"]),
        (1, "1".into())
    );
    assert_eq!(
        failures(&["check", "--format", "junit", "--max-warnings", "0"]),
        (1, "1".into())
    );
    assert_eq!(
        failures(&["check", "--format", "junit", "--max-warnings", "1"]),
        (0, "0".into())
    );
}

#[test]
fn every_format_gives_the_same_bytes_twice() {
    let run = repository();
    for format in ["human", "json", "sarif", "github", "gitlab", "junit"] {
        let first = run.exec(&["check", "--format", format, "--jobs", "1"]);
        let second = run.exec(&["check", "--format", format, "--jobs", "3"]);
        assert_eq!(first.stdout, second.stdout, "{format}");
        assert_eq!(first.code, second.code, "{format}");
    }
}
