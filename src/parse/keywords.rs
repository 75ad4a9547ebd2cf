//! The keywords of the language: their spellings in English and Chinese,
//! which blocks they open and where they may appear. The grammar recognises
//! them (`kw_*` rules); this table serves did-you-mean and `fmt`, and a test
//! keeps the two equal.

use serde::Serialize;

use super::grammar::Rule;
use crate::diagnostic::Lang;

/// A keyword of the language, whatever its spelling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Keyword {
    Plan,
    People,
    Departments,
    Category,
    Issue,
    Measure,
    Milestone,
    Unit,
    Inspector,
    Kind,
    Inspection,
    Feedback,
    AsOf,
    Publication,
    FirstResponsible,
    DeclaredIssues,
    DeclaredCategories,
    Content,
    Cause,
    Source,
    Leader,
    Department,
    Assist,
    Assignee,
    Deadline,
    Target,
    Status,
    Completed,
    Evidence,
    Verified,
    Extension,
    Reason,
    Approved,
    Review,
    Note,
    Date,
}

/// The kinds of block, and the top level of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    Top,
    Plan,
    People,
    Departments,
    Category,
    Issue,
    Measure,
    Milestone,
}

impl BlockKind {
    /// The block's name in the given language, for messages.
    pub fn name(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            BlockKind::Top => ("文件顶层", "the top level of the file"),
            BlockKind::Plan => ("方案", "plan"),
            BlockKind::People => ("人员", "people"),
            BlockKind::Departments => ("部门", "departments"),
            BlockKind::Category => ("方面", "category"),
            BlockKind::Issue => ("问题", "issue"),
            BlockKind::Measure => ("措施", "measure"),
            BlockKind::Milestone => ("节点", "milestone"),
        };
        lang.pick(zh, en)
    }

    /// The keywords that may appear directly inside this block.
    pub fn allowed(self) -> &'static [Keyword] {
        use Keyword as K;
        match self {
            BlockKind::Top => &[K::Plan],
            BlockKind::Plan => &[
                K::Unit,
                K::Inspector,
                K::Kind,
                K::Inspection,
                K::Feedback,
                K::AsOf,
                K::Publication,
                K::FirstResponsible,
                K::DeclaredIssues,
                K::DeclaredCategories,
                K::People,
                K::Departments,
                K::Category,
                K::Issue,
            ],
            BlockKind::People | BlockKind::Departments => &[],
            BlockKind::Category => &[K::Issue],
            BlockKind::Issue => &[K::Content, K::Cause, K::Source, K::Issue, K::Measure],
            BlockKind::Measure => &[
                K::Content,
                K::Leader,
                K::Department,
                K::Assist,
                K::Assignee,
                K::Deadline,
                K::Target,
                K::Status,
                K::Completed,
                K::Evidence,
                K::Verified,
                K::Extension,
                K::Reason,
                K::Approved,
                K::Review,
                K::Milestone,
                K::Note,
            ],
            BlockKind::Milestone => &[K::Date, K::Content, K::Status, K::Evidence],
        }
    }
}

/// A keyword's spellings.
pub struct Spellings {
    pub keyword: Keyword,
    pub english: &'static str,
    /// Chinese spellings; the first is the one `fmt` writes.
    pub chinese: &'static [&'static str],
}

macro_rules! spellings {
    ($($kw:ident $en:literal [$($zh:literal),+]),+ $(,)?) => {
        /// Every keyword with its spellings, in the order of the grammar.
        pub const KEYWORDS: &[Spellings] = &[
            $(Spellings { keyword: Keyword::$kw, english: $en, chinese: &[$($zh),+] }),+
        ];
    };
}

spellings! {
    Plan "plan" ["方案", "整改方案"],
    People "people" ["人员"],
    Departments "departments" ["部门"],
    Category "category" ["方面", "类别"],
    Issue "issue" ["问题"],
    Measure "measure" ["措施", "整改措施"],
    Milestone "milestone" ["节点", "阶段目标"],
    Unit "unit" ["被巡察单位", "被巡视单位", "被检查单位", "被审计单位", "单位"],
    Inspector "inspector" ["巡察组", "巡视组", "检查组", "审计组", "督查组"],
    Kind "kind" ["类型"],
    Inspection "inspection" ["巡察期间", "巡视期间", "检查期间"],
    Feedback "feedback" ["反馈日期"],
    AsOf "as-of" ["报告日期", "截至日期"],
    Publication "publication" ["公开期限"],
    FirstResponsible "first-responsible" ["第一责任人"],
    DeclaredIssues "declared-issues" ["问题数"],
    DeclaredCategories "declared-categories" ["类别数"],
    Content "content" ["内容"],
    Cause "cause" ["原因", "原因分析"],
    Source "source" ["来源"],
    Leader "leader" ["责任领导"],
    Department "department" ["责任部门", "牵头部门"],
    Assist "assist" ["配合部门", "协办部门"],
    Assignee "assignee" ["责任人", "经办人"],
    Deadline "deadline" ["时限", "整改时限", "完成时限"],
    Target "target" ["目标", "成效目标", "指标"],
    Status "status" ["状态", "进展"],
    Completed "completed" ["完成日期"],
    Evidence "evidence" ["佐证", "佐证材料"],
    Verified "verified" ["验收", "销号"],
    Extension "extension" ["延期", "延期原因"],
    Reason "reason" ["理由", "暂缓理由"],
    Approved "approved" ["批准", "审批"],
    Review "review" ["回头看", "成效评估"],
    Note "note" ["备注"],
    Date "date" ["日期"],
}

impl Keyword {
    /// The keyword a grammar rule recognises, if it is a `kw_*` rule.
    pub(crate) fn from_rule(rule: Rule) -> Option<Keyword> {
        use Keyword as K;
        Some(match rule {
            Rule::kw_plan => K::Plan,
            Rule::kw_people => K::People,
            Rule::kw_departments => K::Departments,
            Rule::kw_category => K::Category,
            Rule::kw_issue => K::Issue,
            Rule::kw_measure => K::Measure,
            Rule::kw_milestone => K::Milestone,
            Rule::kw_unit => K::Unit,
            Rule::kw_inspector => K::Inspector,
            Rule::kw_kind => K::Kind,
            Rule::kw_inspection => K::Inspection,
            Rule::kw_feedback => K::Feedback,
            Rule::kw_as_of => K::AsOf,
            Rule::kw_publication => K::Publication,
            Rule::kw_first_responsible => K::FirstResponsible,
            Rule::kw_declared_issues => K::DeclaredIssues,
            Rule::kw_declared_categories => K::DeclaredCategories,
            Rule::kw_content => K::Content,
            Rule::kw_cause => K::Cause,
            Rule::kw_source => K::Source,
            Rule::kw_leader => K::Leader,
            Rule::kw_department => K::Department,
            Rule::kw_assist => K::Assist,
            Rule::kw_assignee => K::Assignee,
            Rule::kw_deadline => K::Deadline,
            Rule::kw_target => K::Target,
            Rule::kw_status => K::Status,
            Rule::kw_completed => K::Completed,
            Rule::kw_evidence => K::Evidence,
            Rule::kw_verified => K::Verified,
            Rule::kw_extension => K::Extension,
            Rule::kw_reason => K::Reason,
            Rule::kw_approved => K::Approved,
            Rule::kw_review => K::Review,
            Rule::kw_note => K::Note,
            Rule::kw_date => K::Date,
            _ => return None,
        })
    }

    /// This keyword's spellings.
    pub fn spellings(self) -> &'static Spellings {
        KEYWORDS
            .iter()
            .find(|s| s.keyword == self)
            .unwrap_or(&KEYWORDS[0])
    }

    /// The spelling `fmt` and messages use: English, or the first Chinese one.
    pub fn spelling(self, english: bool) -> &'static str {
        let s = self.spellings();
        if english { s.english } else { s.chinese[0] }
    }

    /// The block this keyword opens, if it is a block keyword.
    pub fn opens(self) -> Option<BlockKind> {
        Some(match self {
            Keyword::Plan => BlockKind::Plan,
            Keyword::People => BlockKind::People,
            Keyword::Departments => BlockKind::Departments,
            Keyword::Category => BlockKind::Category,
            Keyword::Issue => BlockKind::Issue,
            Keyword::Measure => BlockKind::Measure,
            Keyword::Milestone => BlockKind::Milestone,
            _ => return None,
        })
    }

    /// Whether the keyword may be written as a field (`KEY：VALUE`).
    pub fn is_field(self) -> bool {
        self.opens().is_none() || matches!(self, Keyword::Milestone | Keyword::Departments)
    }

    /// Whether the field may be given more than once.
    pub fn repeatable(self) -> bool {
        matches!(
            self,
            Keyword::Evidence | Keyword::Extension | Keyword::Milestone | Keyword::Departments
        )
    }

    /// The first block in which this keyword may appear, for "it belongs in …".
    pub fn home(self) -> Option<BlockKind> {
        [
            BlockKind::Top,
            BlockKind::Plan,
            BlockKind::Measure,
            BlockKind::Issue,
            BlockKind::Milestone,
        ]
        .into_iter()
        .find(|b| b.allowed().contains(&self))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use pest::Parser;
    use pest_meta::ast::Expr;

    use super::*;
    use crate::parse::grammar::RectParser;

    /// Every spelling in the table is recognised by the grammar as its own
    /// keyword, also when followed by a colon.
    #[test]
    fn grammar_recognises_every_spelling() {
        for s in KEYWORDS {
            for spelling in s.chinese.iter().chain([&s.english]) {
                for line in [
                    spelling.to_string(),
                    format!("{spelling}：x"),
                    format!("{spelling} {{"),
                ] {
                    let pairs = RectParser::parse(Rule::key, &line).unwrap();
                    let kw = pairs
                        .flatten()
                        .find_map(|p| Keyword::from_rule(p.as_rule()));
                    assert_eq!(kw, Some(s.keyword), "{line}");
                }
            }
        }
    }

    /// The grammar has no spelling the table lacks.
    #[test]
    fn table_lists_every_grammar_spelling() {
        let source = include_str!("../../grammar/rectplan.pest");
        let pairs =
            pest_meta::parser::parse(pest_meta::parser::Rule::grammar_rules, source).unwrap();
        let rules = pest_meta::parser::consume_rules(pairs).unwrap();
        let mut grammar: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for rule in rules.iter().filter(|r| r.name.starts_with("kw_")) {
            let mut words = Vec::new();
            collect_strings(&rule.expr, &mut words);
            grammar.insert(rule.name.clone(), words);
        }
        assert_eq!(grammar.len(), KEYWORDS.len());
        for (name, words) in grammar {
            for word in words {
                let kw = RectParser::parse(Rule::key, &word)
                    .unwrap()
                    .flatten()
                    .find_map(|p| Keyword::from_rule(p.as_rule()))
                    .unwrap();
                let s = kw.spellings();
                let listed =
                    s.chinese.contains(&word.as_str()) || s.english.eq_ignore_ascii_case(&word);
                assert!(listed, "{name}: {word} is missing from KEYWORDS");
            }
        }
    }

    fn collect_strings(expr: &Expr, out: &mut Vec<String>) {
        match expr {
            Expr::Str(s) | Expr::Insens(s) => out.push(s.clone()),
            Expr::Seq(a, b) | Expr::Choice(a, b) => {
                collect_strings(a, out);
                collect_strings(b, out);
            }
            Expr::Rep(e) | Expr::Opt(e) | Expr::NegPred(e) => collect_strings(e, out),
            _ => {}
        }
    }

    #[test]
    fn issue_does_not_swallow_declared_issues() {
        let kw = |s: &str| {
            RectParser::parse(Rule::key, s)
                .unwrap()
                .flatten()
                .find_map(|p| Keyword::from_rule(p.as_rule()))
        };
        assert_eq!(kw("问题数"), Some(Keyword::DeclaredIssues));
        assert_eq!(kw("问题"), Some(Keyword::Issue));
        assert_eq!(kw("佐证材料"), Some(Keyword::Evidence));
        assert_eq!(kw("责任领到"), None);
    }
}
