//! Q002: placeholder or redaction marks left in the plan's values (`**`,
//! `XX`, `××`, `某某`, `□`, `TODO`, `待补充`… profile: `placeholders`).

use std::collections::BTreeSet;

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Evidence, Field, Header, Issue, Measure, Plan, Span};
use crate::tr;

pub struct PlaceholderLeftIn;

/// Characters that, in a run of their own, may be redaction
/// (`allow_redaction`).
const REDACTION: [char; 3] = ['*', '＊', '×'];

/// Chinese numerals and digits: `〇〇` beside one is part of a number
/// (`二〇〇九年`), not a placeholder.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "零〇一二三四五六七八九十".contains(c)
}

/// The places in the plan a value was written, each with the node it belongs
/// to: header IDs and titles and the values of text-like fields. Dates,
/// deadlines, statuses and numbers are not scanned: a mark there makes the
/// value unreadable or vague, which P004 and T002 report.
/// Every value of a plan, handed to `found` with its node as it is met (a
/// large plan has a hundred thousand: they are not collected).
struct Values<'p, F: FnMut(Span, Option<&'p str>)> {
    found: F,
    marker: std::marker::PhantomData<&'p Plan>,
}

impl<'p, F: FnMut(Span, Option<&'p str>)> Values<'p, F> {
    fn add(&mut self, span: Span, node: Option<&'p str>) {
        (self.found)(span, node);
    }

    fn header(&mut self, header: &'p Header, node: Option<&'p str>) {
        if let Some(id) = &header.id {
            self.add(id.span, node);
        }
        if let Some(title) = &header.title {
            self.add(title.span, node);
        }
    }

    /// A field's value, when it could be read (else P004 has spoken).
    fn field<T>(&mut self, field: Option<&'p Field<T>>, node: Option<&'p str>) {
        if let Some(f) = field.filter(|f| f.value.is_some()) {
            self.add(f.value_span, node);
        }
    }

    fn evidence(&mut self, fields: &'p [Field<Evidence>], node: Option<&'p str>) {
        for reference in fields
            .iter()
            .filter_map(|f| f.get()?.reference.as_ref())
        {
            self.add(reference.span, node);
        }
    }

    fn plan(&mut self, plan: &'p Plan) {
        let node = plan.header.id();
        self.header(&plan.header, node);
        self.field(plan.unit.as_ref(), node);
        self.field(plan.inspector.as_ref(), node);
        self.field(plan.first_responsible.as_ref(), node);
        for person in &plan.people {
            self.add(person.name.span, Some(person.name.value.as_str()));
            if let Some(role) = &person.role {
                self.add(role.span, Some(person.name.value.as_str()));
            }
        }
        for department in &plan.departments {
            self.add(department.name.span, node);
        }
        for category in &plan.categories {
            self.header(&category.header, category.header.id());
            for issue in &category.issues {
                self.issue(issue);
            }
        }
        for issue in &plan.issues {
            self.issue(issue);
        }
    }

    fn issue(&mut self, issue: &'p Issue) {
        let node = issue.header.id().or_else(|| issue.text());
        self.header(&issue.header, node);
        self.field(issue.content.as_ref(), node);
        self.field(issue.cause.as_ref(), node);
        self.field(issue.source.as_ref(), node);
        for sub in &issue.issues {
            self.issue(sub);
        }
        for measure in &issue.measures {
            self.measure(measure);
        }
    }

    fn measure(&mut self, m: &'p Measure) {
        let node = m.node();
        self.header(&m.header, node);
        self.field(m.content.as_ref(), node);
        self.field(m.leaders.as_ref(), node);
        self.field(m.departments.as_ref(), node);
        self.field(m.assisting.as_ref(), node);
        self.field(m.assignees.as_ref(), node);
        self.field(m.target.as_ref(), node);
        self.field(m.reason.as_deref(), node);
        self.field(m.note.as_deref(), node);
        self.evidence(&m.evidence, node);
        for who in [&m.verified, &m.approved]
            .into_iter()
            .filter_map(|f| f.as_ref()?.get()?.who.as_ref())
        {
            self.add(who.span, node);
        }
        for reason in m.extensions.iter().filter_map(|e| e.get()?.reason.as_ref()) {
            self.add(reason.span, node);
        }
        if let Some(text) = m.review.as_ref().and_then(|r| r.get()?.text.as_ref()) {
            self.add(text.span, node);
        }
        for milestone in &m.milestones {
            if let Some(content) = &milestone.content {
                self.add(content.span, node);
            }
            self.evidence(&milestone.evidence, node);
        }
    }
}

/// Finds every occurrence of every placeholder in a text, as
/// `str::match_indices` finds them (left to right, not overlapping those of
/// the same placeholder), in one pass over the text: only where a character
/// that starts a placeholder stands (a 128-bit filter on the characters says
/// where one may) are the placeholders compared. Built once per plan.
/// Finds the placeholders in a value: every occurrence of each one, those of
/// one placeholder not overlapping each other (the first, then the next
/// after its end), all placeholders searched in one pass.
struct Finder<'p> {
    placeholders: &'p [String],
    /// The non-empty placeholders' automaton; its pattern `k` is
    /// `placeholders[index[k]]`.
    automaton: Option<std::rc::Rc<Automaton>>,
    index: Vec<usize>,
    /// Where each placeholder's next occurrence may start.
    next: Vec<usize>,
    /// The leftmost-first matches of a whole file ([`Finder::scan`]); `None`
    /// when there is no such searcher here, and every value may hold one.
    scanned: Option<Vec<(usize, usize)>>,
    /// The length of the longest placeholder.
    longest: usize,
}

/// The searchers for a list of placeholders: a SIMD one (Teddy) that says
/// quickly whether a value holds any placeholder at all (most hold none),
/// and the automaton that finds every occurrence in those that do.
struct Automaton {
    /// Teddy compares the first bytes of every pattern, as many as the
    /// shortest has: the two-byte placeholders (`**`, `XX`) are searched
    /// apart, so that the others are told by three bytes (two are shared by
    /// many Chinese characters and full-width punctuation).
    any: Option<Vec<aho_corasick::packed::Searcher>>,
    every: aho_corasick::AhoCorasick,
}

thread_local! {
    /// The searchers for the last list of placeholders seen on this
    /// thread: every plan of a run shares its profile's list.
    static AUTOMATON: super::PerList<Automaton> = const { super::PerList::new() };
}

impl<'p> Finder<'p> {
    fn new(placeholders: &'p [String]) -> Self {
        let index: Vec<usize> = (0..placeholders.len())
            .filter(|&i| !placeholders[i].is_empty())
            .collect();
        let automaton = AUTOMATON.with(|cached| {
            cached.get(placeholders, || {
                let patterns = || index.iter().map(|&i| &placeholders[i]);
                // A group without patterns needs no searcher; one that cannot
                // be made here leaves every value to the automaton.
                let any = [true, false]
                    .into_iter()
                    .filter(|&short| patterns().any(|p| (p.len() < 3) == short))
                    .map(|short| {
                        aho_corasick::packed::Searcher::new(
                            patterns().filter(|p| (p.len() < 3) == short),
                        )
                    })
                    .collect::<Option<Vec<_>>>();
                Ok::<_, aho_corasick::BuildError>(Automaton {
                    any,
                    every: aho_corasick::AhoCorasick::new(patterns())?,
                })
            })
            .ok()
        });
        Self {
            placeholders,
            automaton,
            index,
            next: vec![0; placeholders.len()],
            scanned: None,
            longest: placeholders.iter().map(String::len).max().unwrap_or(0),
        }
    }

    /// Look for placeholders in a whole file at once (a SIMD search, fast
    /// over a long text), so that [`Finder::may_hold`] can pass over the
    /// values that hold none.
    fn scan(&mut self, text: &str) {
        self.scanned = self
            .automaton
            .as_ref()
            .and_then(|a| a.any.as_ref())
            .map(|any| {
                let mut found: Vec<(usize, usize)> = any
                    .iter()
                    .flat_map(|searcher| searcher.find_iter(text))
                    .map(|m| (m.start(), m.end()))
                    .collect();
                found.sort_unstable();
                found
            });
    }

    /// Whether the value at `span` may hold a placeholder. A leftmost-first
    /// search reports no occurrence that starts inside a match it reported,
    /// and each of the others: so every occurrence in the value starts inside
    /// a match one of the searchers reported, and that match meets the value.
    fn may_hold(&self, span: Span) -> bool {
        let Some(matches) = &self.scanned else {
            return true;
        };
        // Matches of one searcher do not overlap, but those of the two may:
        // look at every match starting before the value ends that can reach
        // its start.
        let before_end = matches.partition_point(|&(start, _)| start < span.end());
        matches[..before_end]
            .iter()
            .rev()
            .take_while(|&&(start, _)| start + self.longest > span.start())
            .any(|&(_, end)| end > span.start())
    }

    fn occurrences(&mut self, text: &str) -> Vec<(usize, &'p str)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut found: Vec<(usize, usize)> = automaton
            .every
            .find_overlapping_iter(text)
            .map(|m| (m.start(), self.index[m.pattern().as_usize()]))
            .collect();
        if found.is_empty() {
            return Vec::new();
        }
        found.sort_unstable();
        self.next.fill(0);
        let mut out = Vec::new();
        for (at, i) in found {
            if at >= self.next[i] {
                let p = self.placeholders[i].as_str();
                out.push((at, p));
                self.next[i] = at + p.len();
            }
        }
        out
    }
}

fn marks(text: &str, finder: &mut Finder, allow_redaction: bool) -> Vec<(usize, usize)> {
    let mut hits: Vec<(usize, usize)> = finder
        .occurrences(text)
        .into_iter()
        .map(|(at, m)| {
            let mut end = at + m.len();
            if let Some(last) = m.chars().last() {
                while text[end..].starts_with(last) {
                    end += last.len_utf8();
                }
            }
            (at, end)
        })
        .collect();
    hits.sort_unstable();
    let mut joined: Vec<(usize, usize)> = Vec::new();
    for (start, end) in hits {
        match joined.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => joined.push((start, end)),
        }
    }
    joined.retain(|&(start, end)| {
        let mark = &text[start..end];
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let beside = |test: fn(char) -> bool| before.is_some_and(test) || after.is_some_and(test);
        // `xx` in `Exxon` is part of a word.
        let in_word = mark.chars().all(|c| c.is_ascii_alphabetic())
            && beside(|c| c.is_ascii_alphabetic());
        let in_number = mark.chars().all(|c| c == '〇') && beside(is_numeral);
        let redaction = allow_redaction && mark.chars().all(|c| REDACTION.contains(&c));
        !(in_word || in_number || redaction)
    });
    joined
}

impl Rule for PlaceholderLeftIn {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        let mut seen = BTreeSet::new();
        let mut finder = Finder::new(&ctx.profile.placeholders);
        finder.scan(ctx.text);
        let mut values = Values {
            found: |span: Span, node: Option<&str>| {
                report(ctx, &mut finder, &mut seen, span, node);
            },
            marker: std::marker::PhantomData,
        };
        values.plan(plan);
    }
}

/// Report the placeholders in the value at `span`, each place once.
fn report(
    ctx: &mut Context,
    finder: &mut Finder,
    seen: &mut BTreeSet<Span>,
    span: Span,
    node: Option<&str>,
) {
    if !finder.may_hold(span) {
        return;
    }
    let Some(text) = ctx.text.get(span.range()) else {
        return;
    };
    for (start, end) in marks(text, finder, ctx.profile.allow_redaction)
    {
        let at = Span::new(span.start() + start, span.start() + end);
        if !seen.insert(at) {
            continue;
        }
        let mark = &text[start..end];
        let help = if mark.chars().all(|c| REDACTION.contains(&c)) {
            tr!(
                "把“{mark}”换成实际内容；如是公开发布时有意的脱敏处理，运行时加 --allow-redaction，或在 rectlint.toml 中写 allow_redaction = true",
                "replace `{mark}` with what it stands for; if it is deliberate redaction for publication, run with --allow-redaction or set allow_redaction = true in rectlint.toml"
            )
        } else {
            tr!(
                "把“{mark}”换成实际内容（单位、姓名、日期、数字或文件名称）；还不确定的，问清后再提交",
                "replace `{mark}` with what it stands for (a unit, a name, a date, a number or a title); find it out before the plan is submitted"
            )
        };
        ctx.report(
            at,
            tr!(
                "留有占位符或涂改符号“{mark}”，内容没有填写完整",
                "a placeholder or redaction mark `{mark}` is left in"
            ),
        )
        .help(help)
        .node(node);
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("Q002"),
    name: "placeholder-left-in",
    severity: Severity::Error,
    summary: (
        "方案中留有占位符或涂改符号",
        "placeholder or redaction marks left in",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

方案中写下的内容里留有配置 `placeholders` 中的占位符或涂改符号：`**`、`＊`、`XX`、`××`、`某某`、`□`、`TODO`、`待补充`、`（略）`……诊断指向符号本身，每处报告一次（连在一起的“张**”“XXX”算一处）。

检查的范围是各块标题行中的编号和标题，以及所有文字类字段的取值：被巡察单位、巡察组、人员和部门名称、各处的责任人和部门、内容、原因、来源、目标、理由、备注、佐证材料、验收和批准人、延期理由、回头看说明、节点内容等。注释不检查。日期、时限、状态和数字中的占位符会使取值无法识别或成为模糊时限，由 P004、T002 报告。

以下不算占位符：英文单词中的字母（如 `Exxon` 中的 `xx`）；紧挨汉字数字或阿拉伯数字的 `〇〇`（如“二〇〇九年”）。

配置 `allow_redaction = true`（在 `rectlint.toml` 中，或运行时加 `--allow-redaction`）时，只由 `*`、`＊`、`×` 组成的符号视为公开发布时的脱敏处理，不再报告；`XX`、`某某` 等仍然报告。

## 为什么

“XX局”“某某同志”“待补充”是起草时留下的空，报送后说明方案没有写完，审核时会被直接退回；对外公开的方案中出现未填的占位，更会被认为敷衍整改。

## 错误示例

```rect
措施 A1.1 建立XX制度 {
  责任领导：某某
  时限：2024-09-30
  备注：待补充
}
```

## 正确写法

```rect
措施 A1.1 建立案件办理工作制度 {
  责任领导：李明
  时限：2024-09-30
  备注：由法制大队牵头起草
}
```
"#,
        en: r#"## What it checks

A placeholder or redaction mark of the profile's `placeholders` left in what the plan says: `**`, `＊`, `XX`, `××`, `某某`, `□`, `TODO`, `待补充`, `（略）`… The finding points at the mark itself, once per place (a run such as `张**` or `XXX` is one place).

Scanned are the IDs and titles of every block header and the values of every text-like field: the unit, the inspectors, declared persons and departments, leaders, officers and departments of measures, contents, causes, sources, targets, reasons, notes, evidence references, who accepted or approved, extension reasons, review notes and milestone texts. Comments are not scanned. A mark in a date, deadline, status or number makes the value unreadable or vague, which P004 and T002 report.

Not counted: letters inside an English word (the `xx` of `Exxon`), and `〇〇` next to a Chinese numeral or a digit (`二〇〇九年`).

With `allow_redaction = true` (in `rectlint.toml`, or `--allow-redaction` on the command line), marks made only of `*`, `＊` and `×` are taken as redaction for publication and not reported; `XX`, `某某` and the others still are.

## Why reviewers care

`XX局`, `某某同志` and `待补充` are gaps left while drafting. A plan submitted with them is unfinished and is sent straight back; in a published plan they read as a rectification not taken seriously.

## Example

```rect
措施 A1.1 建立XX制度 {
  责任领导：某某
  时限：2024-09-30
  备注：待补充
}
```

## Use instead

```rect
措施 A1.1 建立案件办理工作制度 {
  责任领导：李明
  时限：2024-09-30
  备注：由法制大队牵头起草
}
```
"#,
    },
};

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Finder, marks};

    proptest! {
        /// One pass finds what `match_indices` finds for each placeholder.
        #[test]
        fn one_pass_finds_every_occurrence(
            pieces in prop::collection::vec(
                prop::sample::select(vec!["*", "**", "X", "x", "某", "某某", "〇", "待补充", "a", "，", "＊"]),
                0..20,
            )
        ) {
            let text = pieces.concat();
            let placeholders: Vec<String> =
                ["**", "＊", "XX", "xx", "某某", "〇〇", "待补充", "**", ""].map(String::from).to_vec();
            let mut slow: Vec<(usize, &str)> = placeholders
                .iter()
                .filter(|p| !p.is_empty())
                .flat_map(|p| text.match_indices(p.as_str()))
                .collect();
            // A finder is used for text after text: nothing carries over.
            let mut finder = Finder::new(&placeholders);
            finder.occurrences("**某某××待补充");
            let mut fast = finder.occurrences(&text);
            slow.sort_unstable();
            fast.sort_unstable();
            prop_assert_eq!(fast, slow);
        }

        /// The scan of a whole text passes over no value that holds a
        /// placeholder, wherever the value is cut out of the text.
        #[test]
        fn the_scan_passes_over_no_placeholder(
            pieces in prop::collection::vec(
                prop::sample::select(vec!["*", "**", "X", "x", "某", "某某", "〇", "待补充", "a", "，", "＊", "待"]),
                0..24,
            ),
            cut in (0usize..64, 0usize..64),
        ) {
            let text = pieces.concat();
            let placeholders: Vec<String> =
                ["**", "＊", "XX", "xx", "某某", "〇〇", "待补充", "某"].map(String::from).to_vec();
            let mut finder = Finder::new(&placeholders);
            finder.scan(&text);
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let a = bounds[cut.0 % bounds.len()];
            let b = bounds[cut.1 % bounds.len()];
            let (start, end) = (a.min(b), a.max(b));
            let holds = !finder.occurrences(&text[start..end]).is_empty();
            prop_assert!(!holds || finder.may_hold(crate::model::Span::new(start, end)));
        }
    }

    fn words() -> Vec<String> {
        ["**", "＊", "XX", "xx", "××", "某某", "〇〇", "待补充"]
            .map(String::from)
            .to_vec()
    }

    fn found(text: &str, allow: bool) -> Vec<&str> {
        let words = words();
        marks(text, &mut Finder::new(&words), allow)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn runs_are_one_mark() {
        assert_eq!(found("张***、李＊＊", false), ["***", "＊＊"]);
        assert_eq!(found("XXX局某某某同志", false), ["XXX", "某某某"]);
        assert_eq!(found("XX××", false), ["XX××"]);
        assert_eq!(found("待补充，XX", false), ["待补充", "XX"]);
    }

    #[test]
    fn words_and_numbers_are_not_marks() {
        assert!(found("Exxon 公司", false).is_empty());
        assert!(found("二〇〇九年", false).is_empty());
        assert_eq!(found("〇〇单位", false), ["〇〇"]);
        assert_eq!(found("xx.xlsx", false), ["xx"]);
    }

    #[test]
    fn redaction_allows_stars_and_crosses_only() {
        assert!(found("张**、李××、王＊", true).is_empty());
        assert_eq!(found("张**、XX局", true), ["XX"]);
        assert_eq!(found("XX××", true), ["XX××"]);
    }
}
