//! A deterministic generator of realistic plans for the benchmarks: the
//! shape of `examples/` (people, departments, categories, issues with causes,
//! measures with leaders, departments, officers, deadlines in every form the
//! language accepts, statuses, completion dates, evidence, milestones), with
//! about one measure in seven carrying a defect a drafter really makes (an
//! undeclared leader, a vague or impossible deadline, an overdue item, a
//! misspelt key, a placeholder, done without evidence, …).
//!
//! The same seed always gives the same bytes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

const SURNAMES: &[&str] = &[
    "陈", "李", "王", "张", "刘", "黄", "周", "吴", "赵", "孙", "郑", "冯", "韩", "曹", "彭", "蒋",
    "沈", "韦", "杜", "许", "梁", "钟", "邓", "许", "罗", "何", "高", "林", "郭", "马",
];
const GIVEN: &[&str] = &[
    "国强", "明", "芳", "伟", "立新", "敏", "磊", "建", "琳", "强", "静", "涛", "斌", "洁", "冰",
    "阳", "飞", "玲", "鹏", "晴", "志刚", "卫东", "红", "建国", "志强", "海燕", "文军", "晓东",
];
const LEADER_POSTS: &[&str] = &[
    "分局党委副书记、政委",
    "分局党委委员、副局长",
    "分局党委委员、纪委书记",
    "分局党委委员、政治处主任",
];
const DEPARTMENTS: &[&str] = &[
    "政工监督室",
    "法制大队",
    "治安大队",
    "刑侦大队",
    "网安大队",
    "指挥中心",
    "计划财务科",
    "警务保障室",
    "交警大队",
    "户政科",
    "督察大队",
    "宣传科",
    "反诈中心",
    "执法办案管理中心",
    "神湾派出所",
    "宥南派出所",
];
const CATEGORIES: &[&str] = &[
    "贯彻落实党的路线方针政策和党中央重大决策部署方面",
    "落实全面从严治党战略部署方面",
    "落实新时代党的组织路线方面",
    "落实巡察、审计等监督发现问题整改方面",
    "推动公安工作高质量发展方面",
];
const ISSUES: &[&str] = &[
    "打击防范效能不高，侦查办案体系不健全",
    "执法监督体系不健全，执法质量考评不能回溯",
    "网络安全管理制度不完善，民辅警网络安全意识不强",
    "意识形态工作责任制落实不到位",
    "校园及周边安全隐患排查整改不到位",
    "电信网络诈骗预警劝阻机制不健全",
    "财务管理制度执行不严格，公务接待审批不规范",
    "基层党组织建设薄弱，“三会一课”落实不到位",
    "“一路四方”联动不够，临水临崖路段隐患治理滞后",
    "干部队伍年龄结构老化，年轻干部培养选拔力度不够",
];
const CAUSES: &[&str] = &[
    "办案力量分散，缺少统一的案件办理制度",
    "缺少日常巡查和预警机制",
    "缺少日常检查和通报机制",
    "意识形态工作未纳入考核，缺少专题研究部署",
    "与教育、市场监管等部门联动不足",
    "联席会议成员单位力量未有效整合",
    "制度执行监督不到位，审批把关不严",
    "党支部书记抓党建意识不强，考核约束不够",
];
/// Measure titles are an action, a subject and a scope: distinct for the
/// first `ACTIONS × SUBJECTS × SCOPES` measures of a plan, as real ones are.
const ACTIONS: &[&str] = &[
    "建立", "完善", "修订", "健全", "落实", "规范", "制定", "推行",
];
const SUBJECTS: &[&str] = &[
    "全警捆绑办案体系",
    "法制巡查机制",
    "网络安全检查制度",
    "意识形态工作责任制",
    "涉校安全隐患排查机制",
    "电信网络诈骗预警指令机制",
    "公务接待管理办法",
    "党支部“三会一课”记录制度",
    "道路交通安全隐患挂账治理机制",
    "年轻干部培养计划",
    "执法风险线上预警机制",
    "财务票据审核流程",
    "涉案财物管理制度",
    "警务督察工作规程",
    "信访积案化解机制",
    "基层所队考核办法",
    "重点人员管控台账",
    "保密工作检查制度",
    "执法记录仪使用规范",
    "辅警队伍管理办法",
];
const SCOPES: &[&str] = &[
    "",
    "开展专项检查",
    "组织全员培训",
    "按季度通报",
    "纳入绩效考核",
    "建立工作台账",
    "开展回头看",
    "实行挂图作战",
    "明确责任分工",
    "每月调度",
    "编印工作指引",
    "开展督导检查",
    "完善配套措施",
    "在全局推广",
    "开展案例评查",
    "建立长效机制",
    "落实专人负责",
    "组织交叉检查",
    "形成制度汇编",
    "开展效果评估",
    "强化结果运用",
    "开展专题研讨",
    "健全问责机制",
    "开展集中整治",
    "加强经费保障",
    "开展警示教育",
    "建立联络员制度",
    "开展满意度测评",
    "完善考核细则",
    "实行清单管理",
    "开展业务比武",
    "落实周报制度",
    "开展随机抽查",
    "建立预警机制",
    "强化技术支撑",
    "开展示范创建",
    "加强宣传引导",
    "建立反馈机制",
    "开展复盘评估",
    "完善应急预案",
    "开展跟踪问效",
    "建立通报制度",
    "开展自查自纠",
    "明确完成时限",
    "加强部门协作",
    "开展专项审计",
    "落实月报制度",
    "建立联席会议",
    "开展调查研究",
    "完善信息系统",
    "开展岗位练兵",
    "建立激励机制",
    "开展质量评查",
    "完善档案管理",
    "开展以案促改",
    "建立会商机制",
    "开展全面排查",
    "细化操作流程",
    "开展专题党课",
    "加强督办落实",
    "开展承诺践诺",
    "建立容错机制",
    "开展结对帮扶",
    "完善监督机制",
];

/// The title of the `n`-th measure of a plan.
fn measure_title(n: usize) -> String {
    let a = ACTIONS[n % ACTIONS.len()];
    let s = SUBJECTS[(n / ACTIONS.len()) % SUBJECTS.len()];
    let c = SCOPES[(n / (ACTIONS.len() * SUBJECTS.len())) % SCOPES.len()];
    format!("{a}{s}{c}")
}
const TARGETS: &[&str] = &[
    "制定工作制度1项",
    "巡查案件不少于100宗",
    "联网电脑全量排查",
    "每半年专题研究1次",
    "全部学校排查一遍",
    "全年发出指令清单12期",
    "接待票据全部核查",
    "支委会记录规范率100%",
    "隐患路段全部挂账治理",
    "培训全体民警2轮",
];
const EVIDENCE: &[(&str, &str)] = &[
    ("制度", "《办案工作制度》"),
    ("台账", "《法制巡查台账》"),
    ("会议记录", "《党委会记录》"),
    ("报告", "《整治情况报告》"),
    ("通报", "《检查情况通报》"),
    ("照片", "《整治前后照片》"),
    ("文件", "《工作实施方案》"),
];
const MILESTONES: &[&str] = &[
    "完成首轮培训",
    "完成全面排查",
    "出台工作制度",
    "完成半年评估",
];

/// The dates a plan is written around.
const FEEDBACK: (i32, u32, u32) = (2024, 7, 26);
const AS_OF: &str = "2025-04-27";

/// A day `offset` days after the feedback date, as `YYYY-MM-DD` (days are
/// kept to 1–28 so every date exists).
fn day_after_feedback(offset: usize) -> (i32, u32, u32) {
    let months = u32::try_from(offset / 28).unwrap_or(0);
    let day = u32::try_from(offset % 28).unwrap_or(0) + 1;
    let month_index = FEEDBACK.1 - 1 + months;
    (
        FEEDBACK.0 + i32::try_from(month_index / 12).unwrap_or(0),
        month_index % 12 + 1,
        day,
    )
}

fn iso((y, m, d): (i32, u32, u32)) -> String {
    format!("{y}-{m:02}-{d:02}")
}

/// A date as drafters write deadlines: mostly ISO, sometimes the Chinese forms.
fn deadline_text(rng: &mut Rng, date: (i32, u32, u32)) -> String {
    let (y, m, d) = date;
    match rng.below(10) {
        0 => format!("{y}年{m}月{d}日"),
        1 => format!("{y}年{m}月底前"),
        2 => format!("{y}/{m:02}/{d:02}"),
        _ => iso(date),
    }
}

fn person_name(i: usize) -> String {
    let s = SURNAMES[i % SURNAMES.len()];
    let g = GIVEN[(i / SURNAMES.len() + i * 7) % GIVEN.len()];
    // Enough distinct names for the largest plans.
    if i < SURNAMES.len() * GIVEN.len() {
        format!("{s}{g}")
    } else {
        format!("{s}{g}{}", i / (SURNAMES.len() * GIVEN.len()))
    }
}

/// What a generated corpus is made of.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub measures: usize,
    pub seed: u64,
}

/// The defects a measure may carry, about one measure in seven.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Defect {
    None,
    UndeclaredLeader,
    VagueDeadline,
    Overdue,
    DoneWithoutEvidence,
    ImpossibleDate,
    MisspeltKey,
    Placeholder,
    MissingDeadline,
    VagueMeasure,
    CompletedLate,
}

const DEFECTS: &[Defect] = &[
    Defect::UndeclaredLeader,
    Defect::VagueDeadline,
    Defect::Overdue,
    Defect::DoneWithoutEvidence,
    Defect::ImpossibleDate,
    Defect::MisspeltKey,
    Defect::Placeholder,
    Defect::MissingDeadline,
    Defect::VagueMeasure,
    Defect::CompletedLate,
];

/// A plan of about `shape.measures` measures (about 340 bytes each).
pub fn plan(shape: Shape) -> String {
    let mut rng = Rng::new(shape.seed);
    let measures = shape.measures.max(1);
    let mut out = String::with_capacity(measures * 400 + 2048);
    // Leaders: about one per 10 measures, officers one per 4.
    let leaders = (measures / 10).clamp(3, 2000);
    let officers = (measures / 4).clamp(4, 6000);
    let first = person_name(0);
    // Two to five measures an issue, so that they add up to `measures`.
    let mut per_issue = Vec::new();
    let mut left = measures;
    while left > 0 {
        let here = (2 + rng.below(4)).min(left);
        per_issue.push(here);
        left -= here;
    }
    let issues = per_issue.len();
    let categories = (issues / 8).clamp(1, 5);

    let unit = "中共中山市公安局神湾分局委员会";
    let _ = writeln!(
        out,
        "# 神湾分局 巡察整改方案（生成的基准测试方案，种子 {}）",
        shape.seed
    );
    let _ = writeln!(out, "方案 {unit}关于市委第三巡察组反馈意见的整改方案 {{");
    let _ = writeln!(out, "  被巡察单位：{unit}");
    out.push_str("  巡察组：市委第三巡察组\n  类型：巡察\n  巡察期间：2024-03-29 至 2024-06-28\n");
    let _ = writeln!(out, "  反馈日期：{}", iso(FEEDBACK));
    let _ = writeln!(out, "  报告日期：{AS_OF}");
    let _ = writeln!(out, "  第一责任人：{first}");
    let _ = writeln!(out, "  问题数：{issues}");
    if categories > 1 {
        let _ = writeln!(out, "  类别数：{categories}");
    }
    out.push_str("\n  人员 {\n");
    let _ = writeln!(out, "    {first}：分局党委书记、局长");
    for i in 1..leaders {
        let _ = writeln!(out, "    {}：{}", person_name(i), rng.pick(LEADER_POSTS));
    }
    for i in 0..officers {
        let dept = DEPARTMENTS[i % DEPARTMENTS.len()];
        let _ = writeln!(out, "    {}：{dept}民警", person_name(leaders + i));
    }
    out.push_str("  }\n  部门 {\n");
    for d in DEPARTMENTS {
        let _ = writeln!(out, "    {d}");
    }
    out.push_str("  }\n");

    let mut measure_no = 0;
    let issues_per_category = issues.div_ceil(categories);
    for (c, chunk) in per_issue.chunks(issues_per_category).enumerate() {
        let letter = char::from(b'A' + u8::try_from(c).unwrap_or(0));
        let _ = writeln!(
            out,
            "\n  方面 {letter} {} {{",
            CATEGORIES[c % CATEGORIES.len()]
        );
        for (i, &here) in chunk.iter().enumerate() {
            let issue_id = format!("{letter}{}", i + 1);
            let _ = writeln!(out, "    问题 {issue_id} {} {{", rng.pick(ISSUES));
            let _ = writeln!(out, "      原因：{}", rng.pick(CAUSES));
            for m in 1..=here {
                let defect = if rng.one_in(7) {
                    *rng.pick(DEFECTS)
                } else {
                    Defect::None
                };
                let id = format!("{issue_id}.{m}");
                measure(
                    &mut out, &mut rng, &id, measure_no, defect, leaders, officers,
                );
                measure_no += 1;
            }
            out.push_str("    }\n");
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

#[allow(clippy::too_many_arguments)]
fn measure(
    out: &mut String,
    rng: &mut Rng,
    id: &str,
    n: usize,
    defect: Defect,
    leaders: usize,
    officers: usize,
) {
    let title = if defect == Defect::VagueMeasure {
        format!("进一步加强队伍管理{}", SCOPES[n % SCOPES.len()])
    } else {
        measure_title(n)
    };
    let _ = writeln!(out, "      措施 {id} {title} {{");
    let leader = if defect == Defect::UndeclaredLeader {
        "王小明".to_owned()
    } else {
        person_name(n % leaders)
    };
    let leader_key = if defect == Defect::MisspeltKey {
        "责任领到"
    } else {
        "责任领导"
    };
    let _ = writeln!(out, "        {leader_key}：{leader}");
    let dept = rng.below(DEPARTMENTS.len());
    let _ = writeln!(out, "        责任部门：{}", DEPARTMENTS[dept]);
    if rng.one_in(5) {
        let other = DEPARTMENTS[(dept + 1 + rng.below(DEPARTMENTS.len() - 1)) % DEPARTMENTS.len()];
        let _ = writeln!(out, "        配合部门：{other}");
    }
    // An officer of the lead department.
    let per_department = officers.div_ceil(DEPARTMENTS.len());
    let officer = (rng.below(per_department) * DEPARTMENTS.len() + dept) % officers;
    let _ = writeln!(out, "        责任人：{}", person_name(leaders + officer));

    // Most measures are done by the as-of date; those still in progress are
    // standing tasks with milestones, or overdue (a defect).
    let in_progress = defect == Defect::Overdue || rng.one_in(8);
    let long_term = in_progress && defect != Defect::Overdue;
    let due_offset = 30 + rng.below(140);
    let due = day_after_feedback(due_offset);
    match defect {
        Defect::MissingDeadline => {}
        Defect::VagueDeadline => out.push_str("        时限：尽快\n"),
        Defect::ImpossibleDate => out.push_str("        时限：2024-11-31\n"),
        _ if long_term => out.push_str("        时限：长期坚持\n"),
        _ => {
            let _ = writeln!(out, "        时限：{}", deadline_text(rng, due));
        }
    }
    if defect != Defect::VagueMeasure {
        let target = if defect == Defect::Placeholder {
            "完成XX项制度修订"
        } else {
            rng.pick(TARGETS)
        };
        let _ = writeln!(out, "        目标：{target}");
    }
    if in_progress {
        out.push_str("        状态：推进中\n");
        if long_term {
            let first = day_after_feedback(60 + rng.below(120));
            let second = day_after_feedback(300 + rng.below(60));
            let _ = writeln!(
                out,
                "        节点：{} {}（已完成）",
                iso(first),
                rng.pick(MILESTONES)
            );
            let _ = writeln!(
                out,
                "        节点：{} {}",
                iso(second),
                rng.pick(MILESTONES)
            );
        }
        out.push_str("      }\n");
        return;
    }
    let closed = rng.one_in(10);
    let status = if closed { "已销号" } else { "已完成" };
    let completed = if defect == Defect::CompletedLate {
        day_after_feedback(due_offset + 10)
    } else {
        day_after_feedback(due_offset - 1 - rng.below(20))
    };
    // The completion date inline (`已完成 2024-09-15`) or as a field.
    if rng.one_in(2) {
        let _ = writeln!(out, "        状态：{status} {}", iso(completed));
    } else {
        let _ = writeln!(
            out,
            "        状态：{status}\n        完成日期：{}",
            iso(completed)
        );
    }
    if defect == Defect::DoneWithoutEvidence {
        out.push_str("      }\n");
        return;
    }
    if closed {
        out.push_str(
            "        佐证：报告 《整改完成情况报告》\n        佐证：台账 《整改销号台账》\n",
        );
        let _ = writeln!(
            out,
            "        验收：市委巡察办 {}",
            iso(day_after_feedback(due_offset + 5))
        );
        let _ = writeln!(
            out,
            "        回头看：{} 复查制度执行情况",
            iso(day_after_feedback(330))
        );
    } else {
        let (kind, reference) = rng.pick(EVIDENCE);
        let _ = writeln!(out, "        佐证：{kind} {reference}");
        if rng.one_in(10) {
            let (kind, reference) = rng.pick(EVIDENCE);
            let _ = writeln!(out, "        佐证：{kind} {reference}");
        }
    }
    out.push_str("      }\n");
}

/// A typical plan: about 30 measures, about 10 KB.
pub const TYPICAL: Shape = Shape {
    measures: 30,
    seed: 0x5EED_0030,
};

/// A huge plan: 10,000 measures, about 3.5 MB.
pub const HUGE: Shape = Shape {
    measures: 10_000,
    seed: 0x5EED_1000,
};

/// The number of plans in the repository corpus.
pub const REPOSITORY_PLANS: usize = 2_000;

/// The `i`-th plan of the repository: typical plans of 20–40 measures.
pub fn repository_plan(i: usize) -> String {
    let mut rng = Rng::new(0x5EED_2000 + i as u64);
    plan(Shape {
        measures: 20 + rng.below(21),
        seed: rng.next(),
    })
}

/// Where the corpora are written: `benches/corpus/` (git-ignored).
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/corpus")
}

/// Write the three corpora under `dir`, unless they are there already with
/// the same content: `typical.rect`, `huge.rect`, `repository/NNNN.rect`.
pub fn write_corpora(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir.join("repository"))?;
    write_if_changed(&dir.join("typical.rect"), &plan(TYPICAL))?;
    write_if_changed(&dir.join("huge.rect"), &plan(HUGE))?;
    for i in 0..REPOSITORY_PLANS {
        write_if_changed(
            &dir.join(format!("repository/{i:04}.rect")),
            &repository_plan(i),
        )?;
    }
    Ok(())
}

fn write_if_changed(path: &Path, text: &str) -> std::io::Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, text)
}
