//! Properties of `fmt`, on generated plans (messy in every way the language
//! allows), on every example and fixture, and on thousands of them mutated
//! with the words of the fuzz dictionary: formatting is idempotent, keeps
//! the model (spans aside), keeps every comment, and keeps every finding of
//! `check` (code and node).

use proptest::prelude::*;
use rectlint::check::{Dates, FileInfo};
use rectlint::config::Profile;
use rectlint::engine::check_bytes;
use rectlint::fmt::format;
use rectlint::parse::parse;
use serde_json::Value;

/// A small deterministic generator, so a failing seed reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next()).unwrap_or(0) % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Writes one messy plan.
struct Writer<'r> {
    rng: &'r mut Rng,
    out: String,
    newline: &'static str,
    english: u8,
}

const INDENTS: &[&str] = &[
    "",
    " ",
    "  ",
    "    ",
    "\t",
    "\u{3000}",
    "  \u{3000}",
    "      ",
];
const COLONS: &[&str] = &["：", ":", ": ", " ", " ： ", "\u{3000}"];
const COMMENTS: &[&str] = &[
    "# 注释",
    "# 待核实 #2",
    "#",
    "# note: check",
    "# 责任领导：不是字段",
    "# {不是块}",
];
const TEXTS: &[&str] = &[
    "建立全警捆绑办案体系",
    "第#3号文件",
    "完成“双一流”建设",
    "印发《某局工作制度》",
    "A{b}c",
    "每季度组织一次培训，考核结果运用到评先评优",
    "x  y",
];
const DATES: &[&str] = &[
    "2024-09-30",
    "2024/10/31",
    "2024.11.30",
    "2024年12月",
    "2024年底",
    "2024年9月底前",
    "2025年第一季度",
];
const DEADLINES: &[&str] = &[
    "2024-09-30",
    "2024年12月31日前",
    "立行立改",
    "立行立改 2024-08-05",
    "长期坚持",
    "尽快",
    "年内",
];
const STATUSES: &[&str] = &[
    "推进中",
    "已完成",
    "已完成 2024-09-15",
    "已销号",
    "暂缓",
    "未启动",
];
const EVIDENCE: &[&str] = &[
    "报告 《整改报告》",
    "台账 《整改台账》",
    "制度《某局工作制度》",
    "照片 现场照片",
    "会议记录 《专题会议纪要》",
];
const PEOPLE: &[&str] = &["张伟", "李明", "王芳", "局长"];
/// Values that read differently after a space than after a colon.
const TOUCHY: &[&str] = &["#3号", "# 待定", "#", "：重要", ":x", "：：", "：#1"];

impl Writer<'_> {
    fn indent(&mut self) {
        let i = self.rng.pick(INDENTS);
        self.out.push_str(i);
    }

    fn end(&mut self) {
        if self.rng.chance(15) {
            self.out.push(' ');
            let c = self.rng.pick(COMMENTS);
            self.out.push_str(c);
        }
        if self.rng.chance(10) {
            self.out.push_str("   ");
        }
        self.out.push_str(self.newline);
        if self.rng.chance(12) {
            for _ in 0..=self.rng.below(2) {
                self.out.push_str(self.newline);
            }
        }
        if self.rng.chance(8) {
            self.indent();
            let c = self.rng.pick(COMMENTS);
            self.out.push_str(c);
            self.out.push_str(self.newline);
        }
    }

    fn key(&mut self, zh: &str, en: &str) {
        let english = match self.english {
            0 => false,
            1 => true,
            _ => self.rng.chance(50),
        };
        self.out.push_str(if english { en } else { zh });
    }

    fn field(&mut self, zh: &str, en: &str, value: &str) {
        self.indent();
        self.key(zh, en);
        let colon = self.rng.pick(COLONS);
        self.out.push_str(colon);
        self.out.push_str(value);
        self.end();
    }

    fn open(&mut self, zh: &str, en: &str, header: &str) {
        self.indent();
        self.key(zh, en);
        if !header.is_empty() {
            let gap = self.rng.pick(&[" ", "  ", "\u{3000}"]);
            self.out.push_str(gap);
            self.out.push_str(header);
        }
        let brace = self.rng.pick(&[" {", "{", " ｛", "  {"]);
        self.out.push_str(brace);
        self.end();
    }

    /// A header with a colon right after the keyword: `问题：#1 标题 {`.
    fn open_glued(&mut self, zh: &str, en: &str, header: &str) {
        self.indent();
        self.key(zh, en);
        let colon = self.rng.pick(&["：", ":", " ：", "\u{3000}:"]);
        self.out.push_str(colon);
        self.out.push_str(header);
        self.out.push_str(" {");
        self.end();
    }

    fn close(&mut self) {
        self.indent();
        let brace = self.rng.pick(&["}", "｝"]);
        self.out.push_str(brace);
        self.end();
    }

    fn text_value(&mut self) -> String {
        match self.rng.below(12) {
            2 | 3 => self.rng.pick(TOUCHY).to_owned(),
            0 => "\"  前后空格 # 不是注释 \\\"引\\\" \"".to_owned(),
            1 => format!(
                "\"\"\"{nl}    多行文字{nl}      第二行 # 不是注释{nl}    \"\"\"",
                nl = self.newline
            ),
            _ => self.rng.pick(TEXTS).to_owned(),
        }
    }

    fn measure(&mut self, id: &str) {
        let title = self.rng.pick(TEXTS);
        self.open("措施", "measure", &format!("{id} {title}"));
        let leader = self.rng.pick(PEOPLE);
        self.field("责任领导", "leader", leader);
        if self.rng.chance(80) {
            let sep = self.rng.pick(&["、", "，", ",", "；"]);
            self.field("责任部门", "department", &format!("办公室{sep}法制大队"));
        }
        if self.rng.chance(50) {
            self.field("责任人", "assignee", "王芳（办公室主任）");
        }
        let deadline = self.rng.pick(DEADLINES);
        self.field("时限", "deadline", deadline);
        if self.rng.chance(60) {
            let t = self.text_value();
            self.field("目标", "target", &t);
        }
        let status = self.rng.pick(STATUSES);
        self.field("状态", "status", status);
        for _ in 0..self.rng.below(3) {
            let e = self.rng.pick(EVIDENCE);
            self.field("佐证", "evidence", e);
        }
        if self.rng.chance(30) {
            let d = self.rng.pick(DATES);
            self.field("节点", "milestone", &format!("{d} 完成阶段任务（已完成）"));
        }
        if self.rng.chance(15) {
            self.open("节点", "milestone", "");
            let d = self.rng.pick(DATES);
            self.field("日期", "date", d);
            self.field("内容", "content", "验收");
            self.close();
        }
        if self.rng.chance(15) {
            let d = self.rng.pick(DATES);
            self.field("延期", "extension", &format!("{d} 资金未到位"));
        }
        if self.rng.chance(10) {
            self.field("责任领到", "leadr", "张伟");
        }
        if self.rng.chance(20) {
            let v = self.rng.pick(TOUCHY);
            self.field("备注", "note", v);
        }
        self.close();
    }

    fn issue(&mut self, id: &str, depth: usize) {
        let title = self.rng.pick(TEXTS);
        match self.rng.below(10) {
            0 => self.open_glued("问题", "issue", &format!("#{id} {title}")),
            1 => self.open_glued("问题", "issue", &format!("{id} {title}")),
            _ => self.open("问题", "issue", &format!("{id} {title}")),
        }
        if self.rng.chance(60) {
            let t = self.text_value();
            self.field("原因", "cause", &t);
        }
        if self.rng.chance(15) {
            self.out
                .push_str("    # rectlint: allow R007, Q001 本单位不设经办人");
            self.out.push_str(self.newline);
        }
        if depth < 2 && self.rng.chance(20) {
            self.issue(&format!("{id}.1"), depth + 1);
        }
        for m in 1..=1 + self.rng.below(3) {
            self.measure(&format!("{id}.{m}"));
        }
        self.close();
    }

    fn plan(mut self) -> String {
        if self.rng.chance(20) {
            self.out.push_str("# rectlint: allow-file R007 草稿");
            self.out.push_str(self.newline);
        }
        self.open("方案", "plan", "测试方案");
        self.field("被巡察单位", "unit", "某局");
        self.field("巡察组", "inspector", "市委第一巡察组");
        let feedback = self.rng.pick(&["2024-07-26", "2024年7月26日"]);
        self.field("反馈日期", "feedback", feedback);
        if self.rng.chance(50) {
            self.field("报告日期", "as-of", "2025-04-27");
        }
        self.field("第一责任人", "first-responsible", "张伟");
        if self.rng.chance(50) {
            self.field("问题数", "declared-issues", "2");
        }
        self.open("人员", "people", "");
        for (name, role) in [
            ("张伟", "党委书记、局长"),
            ("李明", "副局长"),
            ("王芳", "办公室主任"),
            ("Lee", "Ming: Deputy Director"),
            ("赵六", "科员:兼职"),
        ] {
            self.indent();
            self.out.push_str(name);
            let colon = self.rng.pick(COLONS);
            self.out.push_str(colon);
            self.out.push_str(role);
            self.end();
        }
        self.close();
        self.open("部门", "departments", "");
        self.indent();
        self.out.push_str("办公室 、法制大队");
        self.end();
        self.close();
        let categories = self.rng.below(3);
        if categories == 0 {
            for i in 1..=1 + self.rng.below(3) {
                self.issue(&format!("A{i}"), 0);
            }
        }
        for c in 0..categories {
            let id = ["A", "B"][c];
            self.open("方面", "category", &format!("{id} 某方面"));
            for i in 1..=1 + self.rng.below(2) {
                self.issue(&format!("{id}{i}"), 0);
            }
            self.close();
        }
        self.close();
        self.out
    }
}

fn generate(seed: u64) -> String {
    let mut rng = Rng(seed);
    let newline = if rng.chance(30) { "\r\n" } else { "\n" };
    let english = u8::try_from(rng.below(3)).unwrap_or(0);
    let mut out = String::new();
    if rng.chance(10) {
        out.push('\u{feff}');
    }
    Writer {
        rng: &mut rng,
        out,
        newline,
        english,
    }
    .plan()
}

/// The model without spans, as JSON.
fn model(text: &str) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.retain(|k, _| !(k == "span" || k.ends_with("_span") || k.ends_with("_blocks")));
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut v = serde_json::to_value(parse(text).plan).unwrap();
    strip(&mut v);
    v
}

fn comments(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse(text)
        .lines
        .iter()
        .filter_map(|l| l.comment)
        .map(|c| text[c.range()].trim_end().to_owned())
        .collect()
}

fn findings(text: &str) -> Vec<(String, Option<String>)> {
    let profile = Profile::shipped("strict").unwrap();
    let dates = Dates {
        as_of: Some("2025-04-27".parse().unwrap()),
        today: Some("2025-04-27".parse().unwrap()),
    };
    let mut found: Vec<_> = check_bytes(text.as_bytes(), &profile, dates, &FileInfo::default())
        .diagnostics
        .into_iter()
        .map(|d| (d.code.to_string(), d.node))
        .collect();
    found.sort();
    found
}

fn assert_formatting_keeps(text: &str, what: &str) {
    let once = format(text).unwrap_or_else(|e| panic!("{what}: not formattable: {e:?}\n{text}"));
    let twice = format(&once).unwrap();
    assert_eq!(once, twice, "{what}: fmt is not idempotent");
    assert_eq!(
        model(text),
        model(&once),
        "{what}: the model changed\n{text}\n---\n{once}"
    );
    assert_eq!(comments(text), comments(&once), "{what}: a comment changed");
    assert_eq!(
        findings(text),
        findings(&once),
        "{what}: the findings changed\n{text}\n---\n{once}"
    );
}

#[test]
fn the_generator_writes_valid_messy_plans() {
    for seed in 0..64 {
        let text = generate(seed);
        assert!(
            !parse(text.trim_start_matches('\u{feff}')).has_syntax_errors(),
            "seed {seed}:\n{text}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn fmt_is_idempotent(seed in any::<u64>()) {
        let text = generate(seed);
        let once = format(&text).unwrap();
        prop_assert_eq!(format(&once).unwrap(), once);
    }

    #[test]
    fn fmt_keeps_the_model(seed in any::<u64>()) {
        let text = generate(seed);
        let once = format(&text).unwrap();
        prop_assert_eq!(model(&text), model(&once));
    }

    #[test]
    fn fmt_keeps_every_comment(seed in any::<u64>()) {
        let text = generate(seed);
        let once = format(&text).unwrap();
        prop_assert_eq!(comments(&text), comments(&once));
    }

    #[test]
    fn fmt_keeps_every_finding(seed in any::<u64>()) {
        let text = generate(seed);
        let once = format(&text).unwrap();
        prop_assert_eq!(findings(&text), findings(&once));
    }
}

#[test]
fn every_example_keeps_everything_through_fmt() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    for entry in ignore::Walk::new(root).flatten() {
        if entry.path().extension().is_some_and(|e| e == "rect") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert_formatting_keeps(&text, &entry.path().display().to_string());
        }
    }
}

#[test]
fn the_messy_fixtures_keep_everything_through_fmt() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for entry in ignore::WalkBuilder::new(root).build().flatten() {
        if entry.path().extension().is_some_and(|e| e == "rect") {
            let bytes = std::fs::read(entry.path()).unwrap();
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            if parse(text.trim_start_matches('\u{feff}')).has_syntax_errors() {
                continue;
            }
            assert_formatting_keeps(&text, &entry.path().display().to_string());
        }
    }
}

/// The words of the fuzz dictionary (`fuzz/check.dict`): every literal of
/// the grammar and a few whole values.
fn dictionary() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/check.dict");
    let text = std::fs::read_to_string(path).unwrap();
    let words: Vec<String> = text
        .lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.strip_suffix('"'))
        .filter_map(|word| {
            let mut bytes = Vec::new();
            let mut rest = word.as_bytes();
            while let Some((&b, tail)) = rest.split_first() {
                if b == b'\\' && tail.first() == Some(&b'x') && tail.len() >= 3 {
                    let hex = std::str::from_utf8(&tail[1..3]).ok()?;
                    bytes.push(u8::from_str_radix(hex, 16).ok()?);
                    rest = &tail[3..];
                } else {
                    bytes.push(b);
                    rest = tail;
                }
            }
            String::from_utf8(bytes).ok()
        })
        .collect();
    assert!(words.len() > 100, "{} words", words.len());
    words
}

/// Every example and fixture that is UTF-8.
fn plans() -> Vec<String> {
    let mut out = Vec::new();
    for root in ["examples", "tests/fixtures"] {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(root);
        // In name order, so that the mutants are the same on every machine.
        let walk = ignore::WalkBuilder::new(root)
            .sort_by_file_name(std::ffi::OsStr::cmp)
            .build();
        for entry in walk.flatten() {
            if entry.path().extension().is_some_and(|e| e == "rect")
                && let Ok(text) = String::from_utf8(std::fs::read(entry.path()).unwrap())
            {
                out.push(text);
            }
        }
    }
    out
}

/// A plan with a few changes: a dictionary word put anywhere or right after
/// a colon or a space (where `fmt` chooses a separator), a line repeated or
/// two lines swapped, a character taken out.
fn mutate(text: &str, words: &[String], rng: &mut Rng) -> String {
    let mut text = text.to_owned();
    for _ in 0..=rng.below(3) {
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let after_separator: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| matches!(c, ':' | '：' | ' ' | '\u{3000}'))
            .map(|(i, c)| i + c.len_utf8())
            .collect();
        match rng.below(6) {
            0 | 1 if !after_separator.is_empty() => {
                let at = after_separator[rng.below(after_separator.len())];
                text.insert_str(at, &words[rng.below(words.len())]);
            }
            0..=2 => {
                let at = boundaries.get(rng.below(boundaries.len())).copied();
                text.insert_str(at.unwrap_or(0), &words[rng.below(words.len())]);
            }
            3 if !boundaries.is_empty() => {
                text.remove(boundaries[rng.below(boundaries.len())]);
            }
            _ => {
                let mut lines: Vec<&str> = text.split('\n').collect();
                let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                if rng.chance(50) {
                    lines.swap(a, b);
                } else {
                    lines.insert(a, lines[b]);
                }
                text = lines.join("\n");
            }
        }
    }
    text
}

/// `text` as the reader hands it on when a file holds it (a lone `\r`
/// breaks the line, as in every editor): what `fmt` and the checks are
/// given. Text that is not read as text is kept as it is.
fn as_read(text: String) -> String {
    match rectlint::source::read_text(text.as_bytes()).0 {
        Some((read, _)) => read.into_owned(),
        None => text,
    }
}

/// Issue 27.5 and 27.6: on every example and fixture changed with the words
/// of the fuzz dictionary, fmt is idempotent and keeps what the plan says.
#[test]
fn mutated_plans_keep_everything_through_fmt() {
    let (words, plans) = (dictionary(), plans());
    let mut rng = Rng(0x27_0005_0006);
    let mut formatted = 0;
    for i in 0..3000 {
        let text = as_read(mutate(&plans[i % plans.len()], &words, &mut rng));
        if parse(text.trim_start_matches('\u{feff}')).has_syntax_errors() {
            continue;
        }
        assert_formatting_keeps(&text, &format!("mutant {i}"));
        formatted += 1;
    }
    assert!(
        formatted > 500,
        "only {formatted} mutants could be formatted"
    );
}

/// A plan with `line` among a measure's fields and another among `人员`.
fn plan_with_lines(field: &str, person: &str) -> String {
    format!(
        "方案 P {{\n  被巡察单位 某局\n  巡察组：某组\n  反馈日期: 2024-07-26\n  人员 {{\n    张伟：局长\n{person}\n  }}\n  问题 A1 x {{\n    措施 A1.1 y {{\n      时限 2024-09-30\n{field}\n    }}\n  }}\n}}\n"
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, max_global_rejects: 20_000, ..ProptestConfig::default() })]

    /// Issue 27.5 and 27.6: lines made of keys, colons, white space, `#`,
    /// quotes and braces in any order keep what they read as.
    #[test]
    fn fmt_keeps_lines_of_separators(
        field in "(备注|note|问题|目标) ?[：: \u{3000}#\"{}x李]{0,10}",
        person in "(Lee|张三) ?[：: \u{3000}#\"x李]{0,10}",
    ) {
        let text = plan_with_lines(&field, &person);
        prop_assume!(!parse(&text).has_syntax_errors());
        let once = format(&text);
        prop_assert!(once.is_ok(), "{:?}\n{}", once, text);
        let once = once.unwrap();
        prop_assert_eq!(format(&once).unwrap(), once.clone(), "{}", text);
        prop_assert_eq!(model(&text), model(&once), "{}\n---\n{}", text, once);
        prop_assert_eq!(comments(&text), comments(&once));
    }
}
