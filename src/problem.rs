//! What reading a file can find wrong, one kind to a variant, with its code
//! and its words in both languages in one place: a file that cannot be read
//! (P007), is not UTF-8 (P002) or breaks the grammar (P001), an unknown or
//! misplaced key (P003), a value that cannot be read (P004), a field given
//! twice (P005) and a suppression comment that cannot work (P006). The
//! reader and the driver name the problem and its place; this module words
//! it.

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Text};
use crate::span::Span;
use crate::tr;

/// A kind of block or a keyword, named in a message: `措施` / `measure`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Named {
    pub zh: &'static str,
    pub en: &'static str,
}

/// Where a block of some kind may stand, said to one written elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockHome {
    /// A plan: the top level of the file.
    TopLevel,
    /// A measure: an issue.
    Issue,
    /// A milestone: a measure.
    Measure,
    /// An issue: the plan, a category or another issue.
    IssueParent,
    /// People, departments and categories: the plan.
    Plan,
}

/// A problem the reader (or the driver, for a file it cannot read) finds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadProblem {
    // ───────── P007: the file cannot be read ─────────
    /// The file is longer than the limit (in bytes); it is not read.
    TooLarge {
        size: u64,
        limit: u64,
    },
    /// The path is not a regular file; `what` it is instead (`a folder`).
    NotRegular {
        what: Text,
    },
    /// Reading the file failed.
    Unreadable {
        error: String,
    },
    /// The bytes hold NUL bytes: not a text file.
    Binary,
    /// The bytes are neither UTF-8 nor GB18030 from `offset` on.
    Undecodable {
        offset: usize,
    },

    // ───────── P002: not UTF-8 ─────────
    /// The text was read in another encoding, named.
    NotUtf8 {
        encoding: &'static str,
    },

    // ───────── P001: syntax ─────────
    /// `"""` opens a text that never ends.
    TripleQuoteNotClosed,
    /// A `{` at the start of a line.
    BraceStartsLine,
    /// A `}` with more on its line.
    BraceNotAlone,
    /// A colon with no key before it.
    NoKeyBeforeColon,
    /// The line cannot be read here: `expected` names what may stand there.
    Expected {
        expected: Text,
    },
    /// A block header's `{` has content after it on the same line.
    ContentAfterBrace,
    /// A block header without `{`.
    HeaderWithoutBrace,
    /// A `}` that closes no block.
    StrayBrace,
    /// Blocks nested deeper than `max`.
    TooDeep {
        max: usize,
    },
    /// The file ends with `count` blocks open, the innermost `title`.
    Unclosed {
        title: String,
        count: usize,
    },
    /// A second plan block.
    SecondPlan,
    /// No plan block.
    NoPlan,
    /// `key` is written outside the plan block.
    OutsidePlan {
        key: String,
    },
    /// A `key` block inside a `parent` block, where it may not stand.
    MisplacedBlock {
        key: String,
        parent: Named,
        home: BlockHome,
    },
    /// A field written as a block.
    FieldAsBlock {
        key: String,
    },
    /// A block inside a list block (people, departments).
    BlockInList {
        list: Named,
    },

    // ───────── P003: unknown or misplaced key ─────────
    /// A known `key` in a `parent` block, where it does not belong.
    MisplacedKey {
        key: String,
        parent: Named,
        home: Named,
    },
    /// A key (or block, when `block`) the language does not have, with the
    /// nearest known one if any, else what a `parent` block may hold.
    UnknownKey {
        key: String,
        block: bool,
        guess: Option<&'static str>,
        parent: Named,
        allowed: Vec<Named>,
    },

    // ───────── P004: a value that cannot be read ─────────
    NoSuchMonth {
        month: i8,
    },
    UnlikelyYear {
        year: i16,
    },
    /// The month has no such day; the year is the one written, if any.
    NoSuchDay {
        year: Option<i16>,
        month: i8,
        day: i8,
    },
    DateWithoutYear,
    UnreadableDate {
        text: String,
    },
    UnreadableDateRange {
        text: String,
    },
    UnknownStatus {
        word: String,
        guess: Option<&'static str>,
    },
    EvidenceWithoutKind,
    UnknownEvidenceKind {
        word: String,
        guess: Option<&'static str>,
    },
    UnreadableMilestone {
        text: String,
    },
    /// A milestone's text ends in parentheses holding a near miss of a
    /// status.
    UnknownMilestoneStatus {
        word: String,
        guess: &'static str,
    },
    UnreadableWhoDate {
        text: String,
    },
    UnreadableExtension {
        text: String,
    },
    UnreadableReview {
        text: String,
    },
    MoreThanOneFirstResponsible,
    NotWholeNumber {
        text: String,
    },
    NumberTooLarge {
        number: i64,
    },
    UnknownInspectionKind {
        word: String,
        guess: Option<&'static str>,
    },

    // ───────── P005: a field given twice ─────────
    RepeatedField {
        key: String,
    },

    // ───────── P006: a suppression that cannot work ─────────
    UnreadableSuppression,
    /// No code; a code written in lower case was read as the reason.
    SuppressionWithoutCode {
        lower_case: Option<String>,
    },
    SuppressionWithoutReason,
    SuppressionBeforeNothing,
    /// A suppression names a code no rule has.
    NoSuchRule {
        code: Code,
        guess: Option<&'static str>,
    },
    /// A suppressed rule finds nothing here.
    NothingToSilence {
        code: Code,
    },
}

impl ReadProblem {
    /// The code it is reported under.
    pub fn code(&self) -> Code {
        use ReadProblem as R;
        match self {
            R::TooLarge { .. }
            | R::NotRegular { .. }
            | R::Unreadable { .. }
            | R::Binary
            | R::Undecodable { .. } => Code::P007,
            R::TripleQuoteNotClosed
            | R::BraceStartsLine
            | R::BraceNotAlone
            | R::NoKeyBeforeColon
            | R::Expected { .. }
            | R::ContentAfterBrace
            | R::HeaderWithoutBrace
            | R::StrayBrace
            | R::TooDeep { .. }
            | R::Unclosed { .. }
            | R::SecondPlan
            | R::NoPlan
            | R::OutsidePlan { .. }
            | R::MisplacedBlock { .. }
            | R::FieldAsBlock { .. }
            | R::BlockInList { .. } => Code::P001,
            R::NotUtf8 { .. } => Code::P002,
            R::MisplacedKey { .. } | R::UnknownKey { .. } => Code::P003,
            R::NoSuchMonth { .. }
            | R::UnlikelyYear { .. }
            | R::NoSuchDay { .. }
            | R::DateWithoutYear
            | R::UnreadableDate { .. }
            | R::UnreadableDateRange { .. }
            | R::UnknownStatus { .. }
            | R::EvidenceWithoutKind
            | R::UnknownEvidenceKind { .. }
            | R::UnreadableMilestone { .. }
            | R::UnknownMilestoneStatus { .. }
            | R::UnreadableWhoDate { .. }
            | R::UnreadableExtension { .. }
            | R::UnreadableReview { .. }
            | R::MoreThanOneFirstResponsible
            | R::NotWholeNumber { .. }
            | R::NumberTooLarge { .. }
            | R::UnknownInspectionKind { .. } => Code::P004,
            R::RepeatedField { .. } => Code::P005,
            R::UnreadableSuppression
            | R::SuppressionWithoutCode { .. }
            | R::SuppressionWithoutReason
            | R::SuppressionBeforeNothing
            | R::NoSuchRule { .. }
            | R::NothingToSilence { .. } => Code::P006,
        }
    }

    /// What is wrong.
    pub fn message(&self) -> Text {
        use ReadProblem as R;
        match self {
            R::TooLarge { size, limit } => {
                let (size_text, limit_text) = (shown_size(*size), shown_size(*limit));
                tr!(
                    "文件过大（{size_text}），超过上限 {limit_text}，未检查",
                    "the file is too large to check ({size_text}; the limit is {limit_text})"
                )
            }
            R::NotRegular { what } => {
                let (zh, en) = (&what.zh, &what.en);
                tr!(
                    "这是{zh}，不是普通文件，未读取",
                    "this is {en}, not a regular file; it was not read"
                )
            }
            R::Unreadable { error } => {
                tr!("无法读取文件：{error}", "cannot read the file: {error}")
            }
            R::Binary => tr!("这不是文本文件", "this is not a text file"),
            R::Undecodable { offset } => tr!(
                "无法识别文件编码：第 {offset} 个字节起既不是 UTF-8 也不是 GB18030",
                "cannot decode the file: from byte {offset} it is neither UTF-8 nor GB18030"
            ),
            R::NotUtf8 { encoding } => tr!(
                "文件不是 UTF-8 编码，已按 {encoding} 读取",
                "the file is not UTF-8; it was read as {encoding}"
            ),
            R::TripleQuoteNotClosed => tr!(
                "三引号文字没有结束",
                "this triple-quoted text is never closed"
            ),
            R::BraceStartsLine => tr!(
                "“{{”须写在块标题行的末尾",
                "a `{{` must end the header line of its block"
            ),
            R::BraceNotAlone => tr!("“}}”须单独成行", "a `}}` must stand on a line of its own"),
            R::NoKeyBeforeColon => tr!("冒号前缺少键名", "there is no key before the colon"),
            R::Expected { expected } => Text::new(
                format!("无法读取：此处应为{}", expected.zh),
                format!("cannot read this: expected {}", expected.en),
            ),
            R::ContentAfterBrace => tr!(
                "“{{”须写在块标题行的末尾，块的内容另起一行",
                "a `{{` must end the header line; the block's content goes on the lines below"
            ),
            R::HeaderWithoutBrace => tr!("块标题缺少“{{”", "this block header has no `{{`"),
            R::StrayBrace => tr!("多余的“}}”：没有需要结束的块", "this `}}` closes no block"),
            R::TooDeep { max } => tr!(
                "块嵌套超过 {max} 层，更深的内容未读取",
                "blocks are nested more than {max} deep; what is deeper was not read"
            ),
            R::Unclosed { title, count: 1 } => tr!(
                "文件结束时“{title}”还没有“}}”",
                "the file ends before `{title}` is closed"
            ),
            R::Unclosed { title, count } => tr!(
                "文件结束时有 {count} 个块还没有“}}”，最内层是“{title}”",
                "the file ends with {count} blocks still open, the innermost `{title}`"
            ),
            R::SecondPlan => tr!("一个文件只能有一个方案", "a file holds one plan only"),
            R::NoPlan => tr!("文件中没有方案块", "the file holds no plan block"),
            R::OutsidePlan { key } => tr!(
                "“{key}”写在了方案块之外",
                "`{key}` is outside the plan block"
            ),
            R::MisplacedBlock { key, parent, .. } => {
                let (parent_zh, parent_en) = (parent.zh, parent.en);
                tr!(
                    "“{key}”块不能写在{parent_zh}中",
                    "a `{key}` block cannot stand in a {parent_en} block"
                )
            }
            R::FieldAsBlock { key } => {
                tr!("“{key}”是字段，不是块", "`{key}` is a field, not a block")
            }
            R::BlockInList { list } => {
                let (zh, en) = (list.zh, list.en);
                tr!("{zh}块中不能再写块", "a {en} block cannot hold blocks")
            }
            R::MisplacedKey { key, parent, .. } => {
                let (parent_zh, parent_en) = (parent.zh, parent.en);
                tr!(
                    "“{key}”不能写在{parent_zh}中",
                    "`{key}` does not belong in a {parent_en} block"
                )
            }
            R::UnknownKey {
                key, block: true, ..
            } => tr!(
                "未知的块“{key}”，其内容未检查",
                "unknown block `{key}`; its content was not checked"
            ),
            R::UnknownKey { key, .. } => tr!("未知的键“{key}”", "unknown key `{key}`"),
            R::NoSuchMonth { month } => tr!("没有{month}月", "there is no month {month}"),
            R::UnlikelyYear { year } => {
                tr!("年份 {year} 不合理", "the year {year} cannot be right")
            }
            R::NoSuchDay {
                year: Some(year),
                month,
                day,
            } => tr!(
                "{year}年{month}月没有{day}日",
                "{year}-{month:02} has no day {day}"
            ),
            R::NoSuchDay {
                year: None,
                month,
                day,
            } => tr!("{month}月没有{day}日", "month {month} has no day {day}"),
            R::DateWithoutYear => tr!(
                "日期没有写年份，方案中也没有反馈日期可以推断",
                "this date has no year, and the plan has no feedback date to infer it from"
            ),
            R::UnreadableDate { text } => {
                tr!("无法识别日期“{text}”", "cannot read the date `{text}`")
            }
            R::UnreadableDateRange { text } => tr!(
                "无法识别日期范围“{text}”",
                "cannot read the date range `{text}`"
            ),
            R::UnknownStatus { word, .. } => {
                tr!("无法识别状态“{word}”", "unknown status `{word}`")
            }
            R::EvidenceWithoutKind => tr!("佐证材料缺少类别", "the evidence has no kind"),
            R::UnknownEvidenceKind { word, .. } => {
                tr!("无法识别佐证类别“{word}”", "unknown evidence kind `{word}`")
            }
            R::UnreadableMilestone { text } => {
                tr!("无法识别节点“{text}”", "cannot read the milestone `{text}`")
            }
            R::UnknownMilestoneStatus { word, .. } => tr!(
                "无法识别节点状态“{word}”",
                "unknown milestone status `{word}`"
            ),
            R::UnreadableWhoDate { text } => tr!(
                "无法识别“{text}”：应写单位或人员加日期",
                "cannot read `{text}`: write who, then a date"
            ),
            R::UnreadableExtension { text } => tr!(
                "无法识别延期“{text}”：应写新的时限加理由",
                "cannot read the extension `{text}`: write the new deadline, then the reason"
            ),
            R::UnreadableReview { text } => tr!(
                "无法识别回头看“{text}”：应以日期开头",
                "cannot read the review `{text}`: it starts with a date"
            ),
            R::MoreThanOneFirstResponsible => tr!(
                "第一责任人只能写一人",
                "the first-responsible is one person"
            ),
            R::NotWholeNumber { text } => {
                tr!("“{text}”不是整数", "`{text}` is not a whole number")
            }
            R::NumberTooLarge { number } => {
                tr!("数字 {number} 过大", "the number {number} is too large")
            }
            R::UnknownInspectionKind { word, .. } => {
                tr!("无法识别类型“{word}”", "unknown kind `{word}`")
            }
            R::RepeatedField { key } => tr!(
                "“{key}”重复出现，以这一处为准",
                "`{key}` is given twice; this one is used"
            ),
            R::UnreadableSuppression => tr!(
                "无法读取这条抑制注释，它不起作用",
                "this suppression cannot be read and silences nothing"
            ),
            R::SuppressionWithoutCode { .. } => {
                tr!("抑制注释没有写规则代码", "this suppression names no rule")
            }
            R::SuppressionWithoutReason => tr!(
                "抑制注释没有写理由，它不起作用",
                "this suppression gives no reason, so it silences nothing"
            ),
            R::SuppressionBeforeNothing => tr!(
                "这条抑制注释后面没有块或字段，它不起作用",
                "nothing follows this suppression, so it silences nothing"
            ),
            R::NoSuchRule { code, .. } => tr!("没有规则 {code}", "there is no rule {code}"),
            R::NothingToSilence { code } => tr!(
                "抑制的 {code} 在此处没有发现问题",
                "{code} finds nothing here to silence"
            ),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Option<Text> {
        use ReadProblem as R;
        Some(match self {
            R::TooLarge { .. } => tr!(
                "把方案拆成几个文件；确需检查更大的文件时，在 rectlint.toml 中设 max_file_size，或用 --max-file-size",
                "split the plan into several files; to check larger files, set max_file_size in rectlint.toml or pass --max-file-size"
            ),
            R::NotRegular { .. } => tr!(
                "方案须是普通文件；请指明文件本身",
                "a plan is a regular file; name the file itself"
            ),
            R::Unreadable { .. } => return None,
            R::Binary => tr!("方案文件须是 UTF-8 文本", "a plan is a UTF-8 text file"),
            R::Undecodable { .. } => tr!("把文件另存为 UTF-8 编码", "save the file as UTF-8"),
            R::NotUtf8 { .. } => tr!(
                "另存为 UTF-8 编码，或运行 rectlint fmt 改写",
                "save it as UTF-8, or run `rectlint fmt` to rewrite it"
            ),
            R::TripleQuoteNotClosed => tr!(
                "在文字结束处另起一行写上 \"\"\"",
                "end the text with \"\"\" on a line of its own"
            ),
            R::BraceStartsLine => tr!(
                "把“{{”移到上一行末尾，例如：措施 A1.1 建立制度 {{",
                "move the `{{` to the end of the line above, as in: 措施 A1.1 建立制度 {{"
            ),
            R::BraceNotAlone => tr!("把“}}”移到下一行", "move the `}}` to a line of its own"),
            R::NoKeyBeforeColon => tr!(
                "在冒号前写上键名，例如：责任领导：李明",
                "write the key before the colon, as in: 责任领导：李明"
            ),
            R::Expected { .. } => tr!(
                "每行写一项：“键名：取值”，或块标题“关键字 编号 标题 {{”，或单独的“}}”",
                "write one item per line: `KEY：VALUE`, a block header `KEYWORD ID TITLE {{`, or a lone `}}`"
            ),
            R::ContentAfterBrace => tr!(
                "把“{{”后面的内容移到下一行",
                "move what follows the `{{` to the next line"
            ),
            R::HeaderWithoutBrace => {
                tr!("在这一行末尾加上“{{”", "add `{{` at the end of this line")
            }
            R::StrayBrace => tr!(
                "删除这个“}}”，或检查上面各块的“{{”是否齐全",
                "remove it, or check that every block above has its `{{`"
            ),
            R::TooDeep { .. } => tr!("检查是否漏写了“}}”", "check for a missing `}}`"),
            R::Unclosed { .. } => tr!("在块的末尾加上“}}”", "add a `}}` where the block ends"),
            R::SecondPlan => tr!(
                "把第二个方案放到另一个文件中",
                "put the second plan in a file of its own"
            ),
            R::NoPlan | R::OutsidePlan { .. } => tr!(
                "整个方案写在“方案 标题 {{ … }}”之中",
                "write the whole plan inside `方案 TITLE {{ … }}`"
            ),
            R::MisplacedBlock { home, .. } => match home {
                BlockHome::TopLevel => tr!(
                    "方案块只能写在文件顶层",
                    "a plan block stands at the top level of the file"
                ),
                BlockHome::Issue => {
                    tr!("措施写在问题块中", "a measure goes inside an issue block")
                }
                BlockHome::Measure => tr!(
                    "节点写在措施块中",
                    "a milestone goes inside a measure block"
                ),
                BlockHome::IssueParent => tr!(
                    "问题写在方案、方面或上级问题块中",
                    "an issue goes inside the plan, a category or another issue"
                ),
                BlockHome::Plan => tr!(
                    "人员、部门和方面写在方案块中",
                    "people, departments and categories go inside the plan block"
                ),
            },
            R::FieldAsBlock { key } => tr!(
                "写成一行“{key}：取值”，去掉“{{”",
                "write it on one line as `{key}：VALUE`, without the `{{`"
            ),
            R::BlockInList { .. } => tr!("每行只写一个名称", "write one name per line"),
            R::MisplacedKey { key, home, .. } => {
                let (home_zh, home_en) = (home.zh, home.en);
                tr!(
                    "“{key}”应写在{home_zh}块中",
                    "`{key}` belongs in a {home_en} block"
                )
            }
            R::UnknownKey { guess: Some(g), .. } => tr!("是否想写“{g}”？", "did you mean `{g}`?"),
            R::UnknownKey {
                parent, allowed, ..
            } => {
                if allowed.is_empty() {
                    tr!("这里只写名称", "only names go here")
                } else {
                    let zh: Vec<&str> = allowed.iter().map(|k| k.zh).collect();
                    let en: Vec<&str> = allowed.iter().map(|k| k.en).collect();
                    Text::new(
                        format!("{}中可写：{}", parent.zh, zh.join("、")),
                        format!("a {} may hold: {}", parent.en, en.join(", ")),
                    )
                }
            }
            R::NoSuchMonth { .. } => tr!("月份应在 1 到 12 之间", "a month is between 1 and 12"),
            R::UnlikelyYear { .. } => tr!(
                "写四位数的年份，例如 2025",
                "write a four-digit year, such as 2025"
            ),
            R::NoSuchDay { .. } => tr!("检查日期是否写错", "check the date for a slip"),
            R::DateWithoutYear => tr!(
                "写上年份，例如 2025年9月底，或在方案中写“反馈日期”",
                "write the year, as in 2025年9月底, or give the plan a `反馈日期`"
            ),
            R::UnreadableDate { .. } => tr!(
                "日期可写作 2024-07-26、2024/07/26、2024.07.26、2024年7月26日、2024年12月、2024年底、2024年第三季度",
                "write a date as 2024-07-26, 2024/07/26, 2024.07.26, 2024年7月26日, 2024年12月, 2024年底 or 2024年第三季度"
            ),
            R::UnreadableDateRange { .. } => tr!(
                "写成两个日期，中间用“至”连接，例如 2024-03-29 至 2024-06-28",
                "write two dates joined by `至`, as in 2024-03-29 至 2024-06-28"
            ),
            R::UnknownStatus { guess: Some(g), .. } => tr!(
                "是否想写“{g}”？状态可写：未启动、推进中、已完成、已销号、暂缓",
                "did you mean `{g}`? A status is one of 未启动, 推进中, 已完成, 已销号, 暂缓"
            ),
            R::UnknownStatus { guess: None, .. } => tr!(
                "状态可写：未启动、推进中、已完成、已销号、暂缓",
                "a status is one of 未启动 (not started), 推进中 (in progress), 已完成 (done), 已销号 (closed), 暂缓 (deferred)"
            ),
            R::EvidenceWithoutKind => tr!(
                "在前面写上类别，例如：佐证：制度《…》；类别有报告、台账、会议记录、制度、通报、照片、其他",
                "write its kind first, as in 佐证：制度《…》; the kinds are 报告, 台账, 会议记录, 制度, 通报, 照片, 其他"
            ),
            R::UnknownEvidenceKind { guess: Some(g), .. } => tr!(
                "是否想写“{g}”？类别有报告、台账、会议记录、制度、通报、照片、其他",
                "did you mean `{g}`? The kinds are 报告, 台账, 会议记录, 制度, 通报, 照片, 其他"
            ),
            R::UnknownEvidenceKind { guess: None, .. } => tr!(
                "写成“类别 材料”，例如：佐证：台账 evidence/台账.xlsx；类别有报告、台账、会议记录、制度、通报、照片、其他",
                "write `KIND REFERENCE`, as in 佐证：台账 evidence/ledger.xlsx; the kinds are 报告, 台账, 会议记录, 制度, 通报, 照片, 其他"
            ),
            R::UnreadableMilestone { .. } => tr!(
                "节点写成“日期 内容”，可在末尾加状态，例如：节点：2024-10-31 完成首轮培训（已完成）",
                "write a milestone as `DATE TEXT`, optionally ending with its status, as in 节点：2024-10-31 完成首轮培训（已完成）"
            ),
            R::UnknownMilestoneStatus { guess: g, .. } => tr!(
                "是否想写“（{g}）”？状态可写：未启动、推进中、已完成、已销号、暂缓",
                "did you mean `（{g}）`? A status is one of 未启动, 推进中, 已完成, 已销号, 暂缓"
            ),
            R::UnreadableWhoDate { .. } => tr!(
                "例如：市委巡察办 2024-10-20",
                "for example: 市委巡察办 2024-10-20"
            ),
            R::UnreadableExtension { .. } => tr!(
                "例如：延期：2025-12-31 资金审批流程延长",
                "for example: 延期：2025-12-31 资金审批流程延长"
            ),
            R::UnreadableReview { .. } => tr!(
                "例如：回头看：2025-03-31 复查制度执行情况",
                "for example: 回头看：2025-03-31 复查制度执行情况"
            ),
            R::MoreThanOneFirstResponsible => tr!(
                "只写一位主要负责人，例如党委书记",
                "name one leader only, usually the party secretary"
            ),
            R::NotWholeNumber { .. } => tr!(
                "写阿拉伯数字，例如 12",
                "write the number in digits, such as 12"
            ),
            R::NumberTooLarge { .. } => tr!("检查是否多写了数字", "check for extra digits"),
            R::UnknownInspectionKind { guess: Some(g), .. } => tr!(
                "是否想写“{g}”？类型可写：巡视、巡察、审计、督查、其他",
                "did you mean `{g}`? The kinds are 巡视, 巡察, 审计, 督查, 其他"
            ),
            R::UnknownInspectionKind { guess: None, .. } => tr!(
                "类型可写：巡视、巡察、审计、督查、其他",
                "the kinds are 巡视, 巡察, 审计, 督查, 其他"
            ),
            R::RepeatedField { .. } => tr!("删除多余的一处", "remove the one that is wrong"),
            R::UnreadableSuppression => tr!(
                "写成：# rectlint: allow 规则代码 理由",
                "write it as: # rectlint: allow CODE REASON"
            ),
            R::SuppressionWithoutCode {
                lower_case: Some(code),
            } => tr!(
                "规则代码用大写字母书写：{code}",
                "rule codes are written in upper case: {code}"
            ),
            R::SuppressionWithoutCode { lower_case: None } => tr!(
                "写成：# rectlint: allow 规则代码 理由，例如 # rectlint: allow T004 已批准延期",
                "write it as: # rectlint: allow CODE REASON, e.g. # rectlint: allow T004 extension approved"
            ),
            R::SuppressionWithoutReason => tr!(
                "在规则代码后写上理由，例如：# rectlint: allow T004 市委巡察办同意延期",
                "write the reason after the codes, e.g.: # rectlint: allow T004 extension approved by the inspection office"
            ),
            R::SuppressionBeforeNothing => tr!(
                "把它写在要抑制的块或字段的上一行",
                "put it on the line just above the block or field it is for"
            ),
            R::NoSuchRule { guess: Some(g), .. } => tr!("是否想写 {g}？", "did you mean {g}?"),
            R::NoSuchRule { guess: None, .. } => tr!(
                "用 rectlint rules 查看所有规则代码",
                "see every code with `rectlint rules`"
            ),
            R::NothingToSilence { .. } => tr!(
                "删除不再需要的抑制注释",
                "remove the suppression, it is no longer needed"
            ),
        })
    }

    /// The finding of this problem at `span`: its code, message and help.
    pub fn at(&self, span: Span) -> Diagnostic {
        let found = Diagnostic::new(self.code(), span, self.message());
        match self.help() {
            Some(help) => found.with_help(help),
            None => found,
        }
    }
}

/// A size as people read it: `64 MB`, `1.5 MB`, `900 KB`, `12 bytes`.
#[allow(clippy::cast_precision_loss)]
pub fn shown_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    match bytes {
        b if b >= MB && b % MB == 0 => format!("{} MB", b / MB),
        b if b >= MB => format!("{:.1} MB", b as f64 / MB as f64),
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::{Named, ReadProblem};
    use crate::code::Code;
    use crate::diagnostic::Lang;
    use crate::span::Span;

    fn words(problem: &ReadProblem, lang: Lang) -> (String, Option<String>) {
        (
            problem.message().get(lang).to_owned(),
            problem.help().map(|h| h.get(lang).to_owned()),
        )
    }

    #[test]
    fn a_finding_carries_the_code_message_and_help() {
        let found = ReadProblem::RepeatedField {
            key: "时限".into()
        }
        .at(Span::new(3, 9));
        assert_eq!(found.code, Code::P005);
        assert_eq!(found.span(), Span::new(3, 9));
        assert_eq!(found.message.zh, "“时限”重复出现，以这一处为准");
        assert_eq!(
            found.help.map(|h| h.en).as_deref(),
            Some("remove the one that is wrong")
        );
        let io = ReadProblem::Unreadable {
            error: "denied".into(),
        };
        assert_eq!(io.at(Span::point(0)).help, None);
    }

    #[test]
    fn the_words_follow_the_data() {
        let one = ReadProblem::Unclosed {
            title: "措施 A1.1".into(),
            count: 1,
        };
        let three = ReadProblem::Unclosed {
            title: "措施 A1.1".into(),
            count: 3,
        };
        assert_eq!(
            words(&one, Lang::En).0,
            "the file ends before `措施 A1.1` is closed"
        );
        assert_eq!(
            words(&three, Lang::En).0,
            "the file ends with 3 blocks still open, the innermost `措施 A1.1`"
        );
        let day = |year| ReadProblem::NoSuchDay {
            year,
            month: 2,
            day: 30,
        };
        assert_eq!(words(&day(Some(2025)), Lang::En).0, "2025-02 has no day 30");
        assert_eq!(words(&day(None), Lang::Zh).0, "2月没有30日");
        let unknown = |guess, allowed: Vec<Named>| ReadProblem::UnknownKey {
            key: "责任领到".into(),
            block: false,
            guess,
            parent: Named {
                zh: "措施",
                en: "measure",
            },
            allowed,
        };
        assert_eq!(
            words(&unknown(Some("责任领导"), Vec::new()), Lang::Zh)
                .1
                .as_deref(),
            Some("是否想写“责任领导”？")
        );
        assert_eq!(
            words(&unknown(None, Vec::new()), Lang::En).1.as_deref(),
            Some("only names go here")
        );
        let allowed = vec![
            Named {
                zh: "内容",
                en: "content",
            },
            Named {
                zh: "时限",
                en: "deadline",
            },
        ];
        assert_eq!(
            words(&unknown(None, allowed), Lang::En).1.as_deref(),
            Some("a measure may hold: content, deadline")
        );
    }

    #[test]
    fn sizes_are_shown_as_people_read_them() {
        let shown = super::shown_size;
        assert_eq!(shown(64 * 1024 * 1024), "64 MB");
        assert_eq!(shown(1024 * 1024 * 3 / 2), "1.5 MB");
        assert_eq!(shown(900 * 1024), "900 KB");
        assert_eq!(shown(12), "12 bytes");
    }
}
