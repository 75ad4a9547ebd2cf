//! Every construct of LANGUAGE.md, read into the model: one test each.

use rectlint::model::{
    Deadline, EvidenceKind, InspectionKind, Measure, Plan, Precision, Reference, Status,
    SuppressionScope,
};
use rectlint::parse::{Parsed, parse};

fn read(text: &str) -> Parsed {
    parse(text)
}

/// Parse, requiring no finding at all.
fn clean(text: &str) -> Plan {
    let parsed = read(text);
    assert!(
        parsed.diagnostics.is_empty(),
        "{:#?}\n{text}",
        parsed
            .diagnostics
            .iter()
            .map(|d| &d.message.en)
            .collect::<Vec<_>>()
    );
    parsed.plan.expect("a plan")
}

/// A plan whose only measure has these fields.
fn measure(fields: &str) -> Measure {
    let text = format!(
        "方案 测试 {{\n  反馈日期：2024-07-26\n  问题 A1 问题 {{\n    措施 A1.1 措施 {{\n{fields}\n    }}\n  }}\n}}\n"
    );
    let plan = clean(&text);
    plan.issues[0].measures[0].clone()
}

fn day(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

#[test]
fn the_language_example_reads_cleanly() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/spec-example/shenwan.rect"
    ))
    .unwrap();
    let plan = clean(&text);
    assert_eq!(plan.categories.len(), 2);
    assert_eq!(plan.people.len(), 3);
    assert_eq!(plan.departments.len(), 6);
    assert_eq!(plan.all_measures().len(), 3);
    assert_eq!(plan.kind.unwrap().value, Some(InspectionKind::Xuncha));
}

#[test]
fn keywords_in_english_and_chinese_mix() {
    let plan = clean(
        "plan P {\n  unit: 某局\n  巡察组：市委第一巡察组\n  category A 方面 {\n    issue A1 问题 {\n      措施 A1.1 m {\n        leader: 张伟\n        时限：2024-09-30\n      }\n    }\n  }\n}\n",
    );
    assert_eq!(plan.unit.unwrap().value.as_deref(), Some("某局"));
    assert_eq!(
        plan.categories[0].issues[0].measures[0]
            .leaders
            .as_ref()
            .unwrap()
            .value
            .as_ref()
            .unwrap()[0]
            .name
            .value,
        "张伟"
    );
}

#[test]
fn colons_are_optional_and_may_be_full_width() {
    for line in [
        "责任领导：李明",
        "责任领导: 李明",
        "责任领导 李明",
        "责任领导\t李明",
        "责任领导\u{3000}李明",
    ] {
        let m = measure(&format!("      {line}"));
        assert_eq!(
            m.leaders.unwrap().value.unwrap()[0].name.value,
            "李明",
            "{line}"
        );
    }
}

#[test]
fn white_space_may_be_ascii_tab_or_ideographic() {
    let plan = clean("方案 甲 {\n\t被巡察单位：某局\n\u{3000}\u{3000}巡察组：某组\n}\n");
    assert_eq!(plan.inspector.unwrap().value.as_deref(), Some("某组"));
}

#[test]
fn comments_at_line_start_after_values_and_after_braces() {
    let plan = clean("# 开头\n方案 甲 { # 块后\n  被巡察单位：某局 # 值后\n  巡察组：第#3组\n}\n");
    assert_eq!(plan.unit.unwrap().value.as_deref(), Some("某局"));
    assert_eq!(plan.inspector.unwrap().value.as_deref(), Some("第#3组"));
}

#[test]
fn a_hash_glued_to_the_colon_is_text_and_one_after_a_space_a_comment() {
    let plan = clean("方案 甲 {\n  被巡察单位：#3号 单位\n  巡察组： #只是注释\n}\n");
    assert_eq!(plan.unit.unwrap().value.as_deref(), Some("#3号 单位"));
    assert_eq!(plan.inspector.and_then(|f| f.value), None);
}

#[test]
fn full_width_braces() {
    let plan = clean("方案 甲 ｛\n  被巡察单位：某局\n｝\n");
    assert_eq!(plan.header.title(), Some("甲"));
}

#[test]
fn rest_of_line_text_is_trimmed_and_keeps_chinese_quotes() {
    let m = measure("      目标：  完成“双一流”建设《规划》   ");
    assert_eq!(
        m.target.unwrap().value.as_deref(),
        Some("完成“双一流”建设《规划》")
    );
}

#[test]
fn quoted_strings_keep_spaces_hashes_and_escapes() {
    let m = measure(r#"      目标："  前后空格 # 非注释 \"引号\" 反斜杠\\ 换行\n"  # 注释"#);
    assert_eq!(
        m.target.unwrap().value.as_deref(),
        Some("  前后空格 # 非注释 \"引号\" 反斜杠\\ 换行\n")
    );
}

#[test]
fn triple_quoted_blocks_span_lines() {
    let m = measure(
        "      内容：\"\"\"\n        第一段，\n          缩进保留。\n        \"\"\"\n      时限：2024-09-30",
    );
    assert_eq!(
        m.content.unwrap().value.as_deref(),
        Some("第一段，\n  缩进保留。")
    );
    assert!(m.deadline.is_some());
}

#[test]
fn lists_take_every_separator() {
    let m = measure("      责任部门：甲,乙，丙、丁;戊；己");
    let names: Vec<rectlint::model::Str> = m
        .departments
        .unwrap()
        .value
        .unwrap()
        .into_iter()
        .map(|s| s.value)
        .collect();
    assert_eq!(names, ["甲", "乙", "丙", "丁", "戊", "己"]);
}

#[test]
fn a_person_may_carry_a_note_in_parentheses() {
    let m = measure("      责任领导：李明（副局长）、王芳(主任)");
    let leaders = m.leaders.unwrap().value.unwrap();
    assert_eq!(leaders[0].name.value, "李明");
    assert_eq!(leaders[0].note.as_deref(), Some("副局长"));
    assert_eq!(leaders[1].name.value, "王芳");
}

#[test]
fn separators_inside_a_note_do_not_split_the_name() {
    let m = measure(
        "      责任领导：李明（副局长、分管刑侦）、王芳(主任,兼办公室)，赵强（未闭合、孙丽",
    );
    let leaders = m.leaders.unwrap().value.unwrap();
    let names: Vec<&str> = leaders.iter().map(|p| p.name.value.as_str()).collect();
    assert_eq!(names, ["李明", "王芳", "赵强（未闭合", "孙丽"]);
    assert_eq!(leaders[0].note.as_deref(), Some("副局长、分管刑侦"));
    assert_eq!(leaders[1].note.as_deref(), Some("主任,兼办公室"));
}

#[test]
fn a_milestone_text_may_start_with_qian_or_a_number() {
    let m = measure(
        "      节点：2024-10-31 前期调研\n      节点：2024年12月 5个派出所完成整改\n      节点：2024年12月5个派出所完成整改\n      节点：2024-11-30 前（已完成）\n      节点：2025年3月31 前 完成复查",
    );
    let read: Vec<(jiff::civil::Date, Option<&str>)> = m
        .milestones
        .iter()
        .map(|n| {
            (
                n.date.as_ref().unwrap().value.last,
                n.content.as_ref().map(|c| c.value.as_str()),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (day("2024-10-31"), Some("前期调研")),
            (day("2024-12-31"), Some("5个派出所完成整改")),
            (day("2024-12-31"), Some("5个派出所完成整改")),
            (day("2024-11-30"), None),
            (day("2025-03-31"), Some("完成复查")),
        ]
    );
}

#[test]
fn a_title_suffix_in_parentheses_is_not_a_milestone_status() {
    let text = "方案 甲 {\n  反馈日期：2024-07-26\n  问题 A1 x {\n    措施 A1.1 y {\n      节点：2025-12-31 出台公务用车管理办法（暂行）\n      节点：2025-12-31 修订值班制度（试行）\n      节点：2024-10-31 完成首轮培训（完成）\n    }\n  }\n}\n";
    let parsed = read(text);
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!(&text[d.primary.span.range()], "（完成）");
    assert!(d.help.as_ref().unwrap().zh.contains("已完成"));
}

#[test]
fn every_date_form() {
    let cases = [
        ("2024-07-26", "2024-07-26", "2024-07-26", Precision::Day),
        ("2024/07/26", "2024-07-26", "2024-07-26", Precision::Day),
        ("2024.07.26", "2024-07-26", "2024-07-26", Precision::Day),
        ("2024年7月26日", "2024-07-26", "2024-07-26", Precision::Day),
        (
            "２０２４－０７－２６",
            "2024-07-26",
            "2024-07-26",
            Precision::Day,
        ),
        ("2024-12", "2024-12-01", "2024-12-31", Precision::Month),
        ("2024年12月", "2024-12-01", "2024-12-31", Precision::Month),
        ("2024年底", "2024-01-01", "2024-12-31", Precision::Year),
        ("2024年末", "2024-01-01", "2024-12-31", Precision::Year),
        (
            "2024年上半年",
            "2024-01-01",
            "2024-06-30",
            Precision::HalfYear,
        ),
        (
            "2024年下半年",
            "2024-07-01",
            "2024-12-31",
            Precision::HalfYear,
        ),
        (
            "2024年第三季度",
            "2024-07-01",
            "2024-09-30",
            Precision::Quarter,
        ),
        (
            "2024年第1季度",
            "2024-01-01",
            "2024-03-31",
            Precision::Quarter,
        ),
        ("2024年9月底", "2024-09-01", "2024-09-30", Precision::Month),
        (
            "2024年12月底之前",
            "2024-12-01",
            "2024-12-31",
            Precision::Month,
        ),
        ("2024-09-30前", "2024-09-30", "2024-09-30", Precision::Day),
        (
            "2024年9月30日以前",
            "2024-09-30",
            "2024-09-30",
            Precision::Day,
        ),
        // Without a year: the first such day on or after the feedback date (2024-07-26).
        ("9月底前", "2024-09-01", "2024-09-30", Precision::Month),
        ("12月31日前", "2024-12-31", "2024-12-31", Precision::Day),
        ("3月31日", "2025-03-31", "2025-03-31", Precision::Day),
        ("7月26日", "2024-07-26", "2024-07-26", Precision::Day),
    ];
    for (text, first, last, precision) in cases {
        let m = measure(&format!("      时限：{text}"));
        let Some(Deadline::Date(d)) = m.deadline.unwrap().value else {
            panic!("{text} is not a date");
        };
        assert_eq!(
            (d.first, d.last, d.precision),
            (day(first), day(last), precision),
            "{text}"
        );
    }
}

#[test]
fn an_impossible_date_points_at_the_day() {
    let text = "方案 甲 {\n  反馈日期：2025-02-30\n}\n";
    let parsed = read(text);
    assert_eq!(parsed.diagnostics.len(), 1);
    let d = &parsed.diagnostics[0];
    assert_eq!(d.code, "P004");
    assert_eq!(&text[d.primary.span.range()], "30");
    assert_eq!(d.message.en, "2025-02 has no day 30");
    // Quoted, it points at the day too; with an escape, at the whole value.
    for (value, marked) in [
        ("\"2025-02-30\"", "30"),
        ("\"2025-02-30\\n\"", "\"2025-02-30\\n\""),
    ] {
        let text = format!("方案 甲 {{\n  反馈日期：{value}\n}}\n");
        let parsed = read(&text);
        let d = &parsed.diagnostics[0];
        assert_eq!(&text[d.primary.span.range()], marked);
    }
}

#[test]
fn date_ranges_with_every_joiner() {
    for joiner in ["至", "到", "~", "..", "—", " 至 "] {
        let plan = clean(&format!(
            "方案 甲 {{\n  巡察期间：2024-03-29{joiner}2024-06-28\n}}\n"
        ));
        let range = plan.inspection.unwrap().value.unwrap();
        assert_eq!(
            (range.start.first, range.end.last),
            (day("2024-03-29"), day("2024-06-28")),
            "{joiner}"
        );
    }
    let plan = clean("方案 甲 {\n  公开期限：2025年4月27日至5月11日\n}\n");
    let range = plan.publication.unwrap().value.unwrap();
    assert_eq!(range.end.last, day("2025-05-11"));
}

#[test]
fn every_deadline_form() {
    let deadline = |text: &str| {
        measure(&format!("      时限：{text}"))
            .deadline
            .unwrap()
            .value
            .unwrap()
    };
    assert_eq!(deadline("立行立改"), Deadline::Immediate(None));
    assert!(
        matches!(deadline("立行立改 2024-08-10"), Deadline::Immediate(Some(d)) if d.last == day("2024-08-10"))
    );
    assert!(matches!(
        deadline("immediate 2024-08-10"),
        Deadline::Immediate(Some(_))
    ));
    assert_eq!(deadline("长期坚持"), Deadline::LongTerm(None));
    assert_eq!(deadline("长期"), Deadline::LongTerm(None));
    assert!(matches!(
        deadline("long-term 2025-12-31"),
        Deadline::LongTerm(Some(_))
    ));
    for vague in ["尽快", "年内", "适时", "逐步", "2024年底前基本完成"] {
        assert_eq!(deadline(vague), Deadline::Vague(vague.into()));
    }
}

#[test]
fn every_status() {
    let status = |text: &str| {
        measure(&format!("      状态：{text}"))
            .status
            .unwrap()
            .value
            .unwrap()
    };
    for (text, expected) in [
        ("未启动", Status::NotStarted),
        ("推进中", Status::InProgress),
        ("整改中", Status::InProgress),
        ("已完成", Status::Done),
        ("已销号", Status::Closed),
        ("暂缓", Status::Deferred),
        ("暂缓整改", Status::Deferred),
        ("not-started", Status::NotStarted),
        ("in-progress", Status::InProgress),
        ("done", Status::Done),
        ("closed", Status::Closed),
        ("deferred", Status::Deferred),
    ] {
        assert_eq!(status(text).status, expected, "{text}");
    }
    let done = status("已完成 2024-09-15");
    assert_eq!(done.date.unwrap().last, day("2024-09-15"));
    let m = measure("      状态：已完成 2024-09-15");
    assert_eq!(m.completion_date().unwrap().last, day("2024-09-15"));
}

#[test]
fn every_evidence_kind_and_reference() {
    let evidence = |text: &str| {
        measure(&format!("      佐证：{text}")).evidence[0]
            .value
            .clone()
            .unwrap()
    };
    for (text, kind) in [
        ("报告", EvidenceKind::Report),
        ("台账", EvidenceKind::Ledger),
        ("会议记录", EvidenceKind::Minutes),
        ("纪要", EvidenceKind::Minutes),
        ("制度", EvidenceKind::Regulation),
        ("文件", EvidenceKind::Regulation),
        ("通报", EvidenceKind::Notice),
        ("照片", EvidenceKind::Photo),
        ("其他", EvidenceKind::Other),
        ("report", EvidenceKind::Report),
        ("ledger", EvidenceKind::Ledger),
    ] {
        assert_eq!(evidence(text).kind.value, kind, "{text}");
    }
    let reference = |text: &str| evidence(text).reference.unwrap().value;
    assert_eq!(
        reference("制度 《某局工作制度》"),
        Reference::Title("某局工作制度".into())
    );
    assert_eq!(
        reference("制度《某局工作制度》"),
        Reference::Title("某局工作制度".into())
    );
    assert_eq!(
        reference("台账 evidence/A1.1/台账.xlsx"),
        Reference::Path("evidence/A1.1/台账.xlsx".into())
    );
    assert_eq!(
        reference("台账 台账.xlsx"),
        Reference::Path("台账.xlsx".into())
    );
    assert_eq!(
        reference(r"台账 evidence\A1.1\台账.xlsx"),
        Reference::Path("evidence/A1.1/台账.xlsx".into())
    );
    assert_eq!(
        reference("其他 开户许可证复印件"),
        Reference::Text("开户许可证复印件".into())
    );
    assert_eq!(
        reference("其他 https://example.org/a"),
        Reference::Text("https://example.org/a".into())
    );
    // Only a reference that starts with a web scheme is a web address; any
    // other `://` leaves a path a path, for E003 and E004 to judge.
    for url in [
        "HTTP://example.org/台账.xlsx",
        "ftp://host/a.pdf",
        "Https://x/y",
    ] {
        assert_eq!(
            reference(&format!("其他 {url}")),
            Reference::Text(url.into())
        );
    }
    for (text, path) in [
        ("C://Users/张伟/台账.xlsx", "C://Users/张伟/台账.xlsx"),
        ("../../../etc/passwd?x=://", "../../../etc/passwd?x=://"),
        ("file:///etc/passwd", "file:///etc/passwd"),
        ("evidence/a.xlsx#https://x", "evidence/a.xlsx#https://x"),
        (r"C:\Users\张伟\台账.xlsx", "C:/Users/张伟/台账.xlsx"),
    ] {
        assert_eq!(
            reference(&format!("台账 {text}")),
            Reference::Path(path.into()),
            "{text}"
        );
    }
}

#[test]
fn milestones_in_both_forms() {
    let m = measure(
        "      时限：长期坚持\n      节点：2024-10-31 完成首轮培训（已完成）\n      节点：2025-06-30 完成第二轮培训(推进中)\n      节点：2025年底 总结\n      节点 {\n        日期：2025-12-31\n        内容：验收\n        状态：未启动\n        佐证：报告 《验收报告》\n      }",
    );
    assert_eq!(m.milestones.len(), 4);
    let first = &m.milestones[0];
    assert_eq!(first.date.as_ref().unwrap().value.last, day("2024-10-31"));
    assert_eq!(first.content.as_ref().unwrap().value, "完成首轮培训");
    assert_eq!(first.status.as_ref().unwrap().value, Status::Done);
    assert_eq!(
        m.milestones[1].status.as_ref().unwrap().value,
        Status::InProgress
    );
    assert!(m.milestones[2].status.is_none());
    let block = &m.milestones[3];
    assert!(block.block);
    assert_eq!(block.content.as_ref().unwrap().value, "验收");
    assert_eq!(block.status.as_ref().unwrap().value, Status::NotStarted);
    assert_eq!(block.evidence.len(), 1);
}

#[test]
fn who_and_when_fields() {
    let m = measure(
        "      验收：市委巡察办 2024-10-20\n      批准：2024-08-01 市委巡察办\n      延期：至2025年3月31日，资金未到位\n      回头看：2025-03-31 复查",
    );
    let verified = m.verified.unwrap().value.unwrap();
    assert_eq!(verified.who.unwrap().value, "市委巡察办");
    assert_eq!(verified.date.value.last, day("2024-10-20"));
    assert_eq!(
        m.approved.unwrap().value.unwrap().who.unwrap().value,
        "市委巡察办"
    );
    let extension = m.extensions[0].value.clone().unwrap();
    assert_eq!(extension.date.value.last, day("2025-03-31"));
    assert_eq!(extension.reason.unwrap().value, "资金未到位");
    assert_eq!(m.review.unwrap().value.unwrap().text.unwrap().value, "复查");
}

#[test]
fn plan_fields() {
    let plan = clean(
        "方案 甲 {\n  被巡察单位：某局\n  巡察组：某组\n  类型：审计\n  巡察期间：2024-03-29 至 2024-06-28\n  反馈日期：2024年7月26日\n  报告日期：2025-04-27\n  公开期限：2025年4月27日至5月11日\n  第一责任人：张伟\n  问题数：2\n  类别数：1项\n}\n",
    );
    assert_eq!(plan.kind.unwrap().value, Some(InspectionKind::Audit));
    assert_eq!(
        plan.feedback.unwrap().value.unwrap().last,
        day("2024-07-26")
    );
    assert_eq!(plan.as_of.unwrap().value.unwrap().last, day("2025-04-27"));
    assert_eq!(
        plan.first_responsible.unwrap().value.unwrap().name.value,
        "张伟"
    );
    assert_eq!(plan.declared_issues.unwrap().value, Some(2));
    assert_eq!(plan.declared_categories.unwrap().value, Some(1));
}

#[test]
fn people_and_departments() {
    let plan = clean(
        "方案 甲 {\n  人员 {\n    陈国强：分局党委书记、局长\n    李明 分局党委委员\n    王芳\n  }\n  部门 {\n    法制大队、刑侦大队\n    治安大队\n  }\n  部门：交警大队\n}\n",
    );
    assert_eq!(plan.people.len(), 3);
    assert_eq!(plan.people[0].posts, ["分局党委书记", "局长"]);
    assert_eq!(plan.people[1].role.as_ref().unwrap().value, "分局党委委员");
    assert!(plan.people[2].role.is_none());
    let names: Vec<&str> = plan
        .departments
        .iter()
        .map(|d| d.name.value.as_str())
        .collect();
    assert_eq!(names, ["法制大队", "刑侦大队", "治安大队", "交警大队"]);
}

#[test]
fn headers_with_and_without_id_and_title() {
    let plan = clean(
        "方案 {\n  问题 A1 {\n    内容：内容写在字段中\n    措施 A1.1 {\n      内容：措施内容\n    }\n    措施 只有标题 {\n    }\n  }\n  问题 B-2_x 标题 {\n  }\n}\n",
    );
    let a1 = &plan.issues[0];
    assert_eq!(a1.header.id(), Some("A1"));
    assert_eq!(a1.header.title(), None);
    assert_eq!(a1.text(), Some("内容写在字段中"));
    assert_eq!(a1.measures[0].text(), Some("措施内容"));
    assert_eq!(a1.measures[1].header.id(), None);
    assert_eq!(a1.measures[1].header.title(), Some("只有标题"));
    assert_eq!(plan.issues[1].header.id(), Some("B-2_x"));
}

#[test]
fn nested_issues() {
    let plan = clean(
        "方案 甲 {\n  问题 A1 大 {\n    问题 A1.1 小 {\n      措施 A1.1.1 m {\n      }\n    }\n  }\n}\n",
    );
    assert_eq!(
        plan.issues[0].issues[0].measures[0].header.id(),
        Some("A1.1.1")
    );
    assert_eq!(plan.all_issues().len(), 2);
}

#[test]
fn suppressions_for_a_block_a_field_and_the_file() {
    let text = "# rectlint: allow-file R007 本单位不设经办人\n方案 甲 {\n  # rectlint: allow T004, T007 已批准延期\n  问题 A1 大 {\n  }\n  反馈日期：2024-07-26  # rectlint: allow S001 行尾\n}\n";
    let parsed = read(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let s = &parsed.suppressions;
    assert_eq!(s.len(), 3);
    assert_eq!(s[0].scope, SuppressionScope::File);
    assert_eq!(
        s[1].codes
            .iter()
            .map(|c| c.value.as_str())
            .collect::<Vec<_>>(),
        ["T004", "T007"]
    );
    assert_eq!(s[1].reason.as_deref(), Some("已批准延期"));
    let SuppressionScope::Node(span) = s[1].scope else {
        panic!()
    };
    assert!(text[span.range()].starts_with("问题 A1 大 {") && text[span.range()].ends_with('}'));
    let SuppressionScope::Node(span) = s[2].scope else {
        panic!()
    };
    assert!(text[span.range()].contains("反馈日期"));
}

#[test]
fn a_suppression_reason_may_follow_a_chinese_comma_or_colon() {
    let text = "方案 甲 {\n  # rectlint: allow R007，不设经办人\n  问题 A1 大 {\n  }\n  # rectlint：allow T004、T007：已批准延期\n  问题 A2 小 {\n  }\n}\n";
    let parsed = read(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let s = &parsed.suppressions;
    let read: Vec<(Vec<&str>, Option<&str>)> = s
        .iter()
        .map(|s| {
            (
                s.codes.iter().map(|c| c.value.as_str()).collect(),
                s.reason.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (vec!["R007"], Some("不设经办人")),
            (vec!["T004", "T007"], Some("已批准延期")),
        ]
    );
}

/// The codes of a suppression are the words shaped like a rule code (an
/// upper-case letter and three digits) after `allow`; the reason is the rest,
/// and may start with an ID (`A1.1` was taken for a code and made the comment
/// unreadable, `B1` was taken for an unknown code and cut from the reason).
#[test]
fn a_suppression_reason_may_start_with_an_id() {
    for (comment, codes, reason) in [
        (
            "allow T007 A1.1 已批准延期",
            &["T007"][..],
            "A1.1 已批准延期",
        ),
        ("allow T007 B1 问题延期", &["T007"], "B1 问题延期"),
        (
            "allow T007, T011 A1.1、A1.2 已批准",
            &["T007", "T011"],
            "A1.1、A1.2 已批准",
        ),
        ("allow T007、T011，B2 同上", &["T007", "T011"], "B2 同上"),
        ("allow T007：A001号文件批准", &["T007"], "A001号文件批准"),
        ("allow T007 A001号文件批准", &["T007"], "A001号文件批准"),
        ("allow-file R007 E1 不设经办人", &["R007"], "E1 不设经办人"),
        ("allow T007T011 x", &[], "T007T011 x"),
        // Shaped like a code, so a code: the checker says there is no such rule.
        ("allow T007 T099 理由", &["T007", "T099"], "理由"),
    ] {
        let text = format!("方案 甲 {{\n  # rectlint: {comment}\n  问题 A1 大 {{\n  }}\n}}\n");
        let parsed = read(&text);
        let s = &parsed.suppressions[0];
        let found: Vec<&str> = s.codes.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(found, codes, "{comment}");
        assert_eq!(s.reason.as_deref(), Some(reason), "{comment}");
        assert_eq!(s.effective, !codes.is_empty(), "{comment}");
        let problems: Vec<&str> = parsed
            .diagnostics
            .iter()
            .map(|d| d.message.en.as_str())
            .collect();
        if codes.is_empty() {
            assert_eq!(problems, ["this suppression names no rule"], "{comment}");
        } else {
            assert!(problems.is_empty(), "{comment}: {problems:?}");
        }
    }
    // A code in lower case is no code; the help says how to write it.
    let parsed = read("方案 甲 {\n  # rectlint: allow t007 已批准\n  问题 A1 大 {\n  }\n}\n");
    assert!(parsed.suppressions[0].codes.is_empty());
    let d = &parsed.diagnostics[0];
    assert_eq!(d.code, "P006");
    assert!(
        d.help.as_ref().unwrap().en.contains("upper case: T007"),
        "{:?}",
        d.help
    );
}

/// Every rule's code has the shape a suppression reads as a code, and each
/// one suppresses.
#[test]
fn every_rule_code_is_read_as_a_code_in_a_suppression() {
    for rule in rectlint::check::rules::ALL {
        let code = rule.meta().code;
        let text = format!(
            "方案 甲 {{\n  # rectlint: allow {code} A1.1 理由\n  问题 A1 大 {{\n  }}\n}}\n"
        );
        let parsed = read(&text);
        let s = &parsed.suppressions[0];
        assert_eq!(s.codes.len(), 1, "{code}");
        assert_eq!(s.codes[0].value, code);
        assert_eq!(s.reason.as_deref(), Some("A1.1 理由"), "{code}");
    }
}

#[test]
fn crlf_and_a_byte_order_mark() {
    let text = "方案 甲 {\r\n  被巡察单位：某局\r\n}\r\n";
    let plan = clean(text);
    assert_eq!(plan.unit.unwrap().value.as_deref(), Some("某局"));
}

#[test]
fn deadlines_as_drafters_say_them() {
    let deadline = |text: &str| {
        measure(&format!("      时限：{text}"))
            .deadline
            .unwrap()
            .value
            .unwrap()
    };
    for (text, last) in [
        ("2024年12月31日前完成", "2024-12-31"),
        ("2024年12月31日 前", "2024-12-31"),
        ("年底前", "2024-12-31"),
        ("今年年底", "2024-12-31"),
        ("下半年", "2024-12-31"),
        ("第四季度", "2024-12-31"),
        ("上半年", "2025-06-30"),
    ] {
        assert_eq!(deadline(text).due(), Some(day(last)), "{text}");
    }
}

#[test]
fn a_trailing_separator_after_a_date_is_harmless() {
    let m = measure("      延期：2025-03-31，\n      回头看：2025-06-30；");
    assert_eq!(
        m.extensions[0].value.as_ref().unwrap().date.value.last,
        day("2025-03-31")
    );
    assert!(m.review.unwrap().value.is_some());
}

#[test]
fn a_person_name_may_hold_spaces() {
    let plan =
        clean("方案 P {\n  人员 {\n    Lee Ming: Deputy Director\n    陈国强：局长\n  }\n}\n");
    assert_eq!(plan.people[0].name.value, "Lee Ming");
    assert_eq!(plan.people[0].posts, ["Deputy Director"]);
    assert_eq!(plan.people[1].name.value, "陈国强");
}

#[test]
fn a_near_miss_status_in_a_milestone_is_reported() {
    let text = "方案 甲 {\n  反馈日期：2024-07-26\n  问题 A1 x {\n    措施 A1.1 y {\n      节点：2024-10-31 完成首轮培训（已完工）\n      节点：2024-11-30 召开座谈会（第二场）\n    }\n  }\n}\n";
    let parsed = read(text);
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!(&text[d.primary.span.range()], "（已完工）");
    assert!(d.help.as_ref().unwrap().zh.contains("已完成"));
}

#[test]
fn the_ledger_may_be_spelt_the_old_way() {
    let m = measure("      佐证：台帐 《整改台帐》");
    assert_eq!(
        m.evidence[0].value.as_ref().unwrap().kind.value,
        EvidenceKind::Ledger
    );
}
