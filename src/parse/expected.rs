//! Syntax errors in words a drafter understands: every grammar rule has a
//! name in Chinese and English (an exhaustive match, so a new rule cannot be
//! forgotten), and the common mistakes get a sentence of their own.

use pest::error::{Error, ErrorVariant, InputLocation};

use super::grammar::Rule;
use crate::diagnostic::{Diagnostic, Text};
use crate::problem::ReadProblem;
use crate::span::Span;

/// What a grammar rule is called when an error says it was expected.
#[allow(clippy::match_same_arms)]
pub(crate) fn describe(rule: Rule) -> (&'static str, &'static str) {
    use Rule as R;
    match rule {
        R::EOI => ("行尾", "the end of the line"),
        R::ws => ("空白", "white space"),
        R::list_sep => ("分隔符（、，；）", "a separator (`、` `,` `;`)"),
        R::digit => ("数字", "a digit"),
        R::key_end => ("空格或冒号", "a space or a colon"),
        R::value | R::quoted_value | R::text_word | R::trailing_open | R::trailing_close => {
            ("取值", "a value")
        }
        R::by_suffix => ("“前”", "`前`"),
        R::done_word => ("“完成”", "`完成`"),
        R::date_dot => ("日期分隔符（- / .）", "a date separator (`-` `/` `.`)"),
        R::range_sep => ("“至”", "`至`"),
        R::keyword => ("关键字", "a keyword"),
        R::colon => ("冒号“：”", "a colon `：`"),
        R::open => ("“{”", "`{`"),
        R::close | R::closes => ("“}”", "`}`"),
        R::comment => ("注释（# …）", "a comment (`# …`)"),
        R::line | R::entry => ("一行内容", "a line"),
        R::key
        | R::other_key
        | R::key_run
        | R::kw_plan
        | R::kw_people
        | R::kw_departments
        | R::kw_category
        | R::kw_issue
        | R::kw_measure
        | R::kw_milestone
        | R::kw_unit
        | R::kw_inspector
        | R::kw_kind
        | R::kw_inspection
        | R::kw_feedback
        | R::kw_as_of
        | R::kw_publication
        | R::kw_first_responsible
        | R::kw_declared_issues
        | R::kw_declared_categories
        | R::kw_content
        | R::kw_cause
        | R::kw_source
        | R::kw_leader
        | R::kw_department
        | R::kw_assist
        | R::kw_assignee
        | R::kw_deadline
        | R::kw_target
        | R::kw_status
        | R::kw_completed
        | R::kw_evidence
        | R::kw_verified
        | R::kw_extension
        | R::kw_reason
        | R::kw_approved
        | R::kw_review
        | R::kw_note
        | R::kw_date => ("键名（如“责任领导”）", "a key (such as `责任领导`)"),
        R::text | R::word_run | R::glued_text => ("文字", "text"),
        R::date_stop => (
            "日期之后的空格或分隔符",
            "a space or a separator after the date",
        ),
        R::paren_note => ("括号中的说明", "a note in parentheses"),
        R::quoted | R::quoted_inner => ("引号中的文字", "quoted text"),
        R::triple | R::triple_inner => ("三引号文字", "triple-quoted text"),
        R::header => ("编号或标题", "an ID or a title"),
        R::block_id => ("编号（如 A1.2）", "an ID (such as A1.2)"),
        R::title => ("标题", "a title"),
        R::date | R::date_value | R::numeric_date | R::cn_date | R::cn_month_part => (
            "日期（如 2024-07-26 或 2024年7月26日）",
            "a date (such as 2024-07-26 or 2024年7月26日)",
        ),
        R::year => ("四位数的年份", "a four-digit year"),
        R::month => ("月份", "a month"),
        R::day => ("日", "a day"),
        R::month_end | R::year_end => ("“底”或“末”", "`底` or `末`"),
        R::half | R::first_half | R::second_half => ("“上半年”或“下半年”", "`上半年` or `下半年`"),
        R::quarter | R::quarter_number => {
            ("季度（如“第三季度”）", "a quarter (such as `第三季度`)")
        }
        R::date_range => (
            "日期范围（如 2024-03-29 至 2024-06-28）",
            "a date range (such as 2024-03-29 至 2024-06-28)",
        ),
        R::deadline | R::immediate | R::long_term => (
            "时限（日期、“立行立改”或“长期坚持”）",
            "a deadline (a date, `立行立改` or `长期坚持`)",
        ),
        R::status
        | R::not_started
        | R::in_progress
        | R::done
        | R::closed
        | R::deferred
        | R::status_word
        | R::status_date
        | R::milestone_status => (
            "状态（未启动、推进中、已完成、已销号、暂缓）",
            "a status (未启动, 推进中, 已完成, 已销号, 暂缓)",
        ),
        R::evidence
        | R::evidence_kind
        | R::ev_report
        | R::ev_ledger
        | R::ev_minutes
        | R::ev_regulation
        | R::ev_notice
        | R::ev_photo
        | R::ev_other => (
            "佐证类别（报告、台账、会议记录、制度、通报、照片、其他）",
            "an evidence kind (报告, 台账, 会议记录, 制度, 通报, 照片, 其他)",
        ),
        R::reference | R::reference_text => {
            ("佐证材料的路径或名称", "the path or name of the evidence")
        }
        R::book_title | R::book_title_inner => {
            ("书名号中的文件名（《…》）", "a document title in 《…》")
        }
        R::milestone | R::milestone_text => (
            "节点（日期加内容）",
            "a milestone (a date, then what is due)",
        ),
        R::who_date | R::who_before | R::who_after => ("人员或单位加日期", "who, then a date"),
        R::extension | R::extension_reason => {
            ("延期后的日期加理由", "the new date, then the reason")
        }
        R::review | R::review_text => ("回头看的日期", "the date of the follow-up check"),
        R::name_list | R::list_item => ("名称，用顿号或逗号分隔", "names separated by `、` or `,`"),
        R::person | R::person_name | R::person_note | R::person_note_inner => ("人名", "a name"),
        R::number | R::number_digits => ("整数", "a whole number"),
        R::inspection_kind
        | R::kind_xunshi
        | R::kind_xuncha
        | R::kind_audit
        | R::kind_supervision
        | R::kind_other => (
            "类型（巡视、巡察、审计、督查、其他）",
            "a kind (巡视, 巡察, 审计, 督查, 其他)",
        ),
        R::suppression | R::allow_file | R::allow => (
            "抑制注释（# rectlint: allow 代码 理由）",
            "a suppression (`# rectlint: allow CODE REASON`)",
        ),
        R::rule_code | R::rule_codes => ("规则代码（如 T004）", "a rule code (such as T004)"),
        R::reason => ("理由", "a reason"),
    }
}

/// "X、Y 或 Z" / "X, Y or Z".
pub(crate) fn one_of(rules: &[Rule]) -> Text {
    let mut names: Vec<(&str, &str)> = Vec::new();
    for &rule in rules {
        let name = describe(rule);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let join = |items: Vec<&str>, comma: &str, or: &str| match items.len() {
        0 => String::new(),
        1 => items[0].to_owned(),
        n => format!("{}{or}{}", items[..n - 1].join(comma), items[n - 1]),
    };
    Text::new(
        join(names.iter().map(|n| n.0).collect(), "、", "或"),
        join(names.iter().map(|n| n.1).collect(), ", ", " or "),
    )
}

/// A P001 for a line that does not fit the `line` rule; `base` is where the
/// line starts in `text`.
pub(crate) fn syntax_error(text: &str, base: usize, error: &Error<Rule>) -> Diagnostic {
    let at = base
        + match error.location {
            InputLocation::Pos(p) | InputLocation::Span((p, _)) => p,
        };
    let next = text[at..]
        .chars()
        .next()
        .filter(|c| *c != '\n' && *c != '\r');
    let span = Span::new(at, at + next.map_or(0, char::len_utf8));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let at_line_start = text[line_start..at]
        .chars()
        .all(|c| matches!(c, ' ' | '\t' | '\u{3000}'));
    let problem = match next {
        Some('{' | '｛') if at_line_start => ReadProblem::BraceStartsLine,
        Some('}' | '｝') => ReadProblem::BraceNotAlone,
        Some(':' | '：') if at_line_start => ReadProblem::NoKeyBeforeColon,
        _ => ReadProblem::Expected {
            expected: match &error.variant {
                ErrorVariant::ParsingError { positives, .. } if !positives.is_empty() => {
                    one_of(positives)
                }
                _ => Text::new("一行内容", "a line"),
            },
        },
    };
    problem.at(span)
}
