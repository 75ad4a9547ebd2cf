//! T006: milestones out of date order, before feedback, or after the
//! measure's deadline.

use super::dates;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct InconsistentMilestoneDates;

impl Rule for InconsistentMilestoneDates {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        let feedback = dates::feedback(plan);
        for &measure in ctx.measures {
            if measure.milestones.is_empty() {
                continue;
            }
            let id = dates::node(measure);
            let dated: Vec<_> = measure
                .milestones
                .iter()
                .filter_map(|m| m.date.as_ref())
                .collect();

            // Order: the first milestone dated before the one above it.
            if let Some(pair) = dated.windows(2).find(|w| w[1].value.last < w[0].value.last) {
                let (before, this) = (pair[0], pair[1]);
                let (date, prev) = (dates::shown(&this.value), dates::shown(&before.value));
                ctx.report(
                    this.span,
                    tr!(
                        "措施 {id} 的节点 {date} 早于前一个节点 {prev}，顺序颠倒",
                        "milestone {date} of measure {id} comes before the milestone above it, {prev}"
                    ),
                )
                .secondary(before.span, tr!("前一个节点", "the milestone above"))
                .help(tr!(
                    "按日期先后排列节点，并检查日期是否写错",
                    "list the milestones in date order, and check the dates for a slip"
                ))
                .node(measure.node());
            }

            // Before the feedback date.
            if let Some(feedback) = feedback {
                for this in dated.iter().filter(|d| d.value.last < feedback.first) {
                    let (date, fed) = (dates::shown(&this.value), dates::shown(&feedback));
                    ctx.report(
                        this.span,
                        tr!(
                            "措施 {id} 的节点 {date} 早于反馈日期 {fed}",
                            "milestone {date} of measure {id} is before the feedback date {fed}"
                        ),
                    )
                    .help(tr!(
                        "节点应在反馈日期 {fed} 之后；检查年份是否写错",
                        "a milestone comes after the feedback date {fed}; check the year for a slip"
                    ))
                    .node(measure.node());
                }
            }

            // After the measure's own (effective) deadline.
            if let Some(due) = dates::effective_due(measure) {
                for this in dated.iter().filter(|d| d.value.last > due.day()) {
                    let d = due.name();
                    let (dz, de) = (&d.zh, &d.en);
                    let date = dates::shown(&this.value);
                    ctx.report(
                        this.span,
                        tr!(
                            "措施 {id} 的节点 {date} 晚于措施{dz}",
                            "milestone {date} of measure {id} is after the measure's {de}"
                        ),
                    )
                    .secondary(due.span, tr!("措施的时限", "the measure's deadline"))
                    .help(tr!(
                        "节点应在措施的时限之内；如果整体时限需要推迟，写明“延期：日期 理由”",
                        "a milestone falls within the measure's deadline; if the whole measure needs longer, give 延期：DATE REASON"
                    ))
                    .node(measure.node());
                }
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T006"),
    name: "inconsistent-milestone-dates",
    severity: Severity::Error,
    summary: (
        "节点日期顺序颠倒、早于反馈日期或晚于措施时限",
        "milestones out of date order, before feedback, or after the measure's deadline",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施的节点日期有以下任一问题：

- 顺序颠倒：某个节点的日期早于它前面的节点（只报告第一处，并标出前一个节点）；日期相同的不算颠倒；
- 早于方案的“反馈日期”；
- 晚于措施的时限。写了“延期”的，以最后一次延期的日期为准；“长期坚持”不带日期的，没有时限，不检查这一项。

节点写到月份或季度的，以该时段最后一天为准。诊断指向节点的日期。

## 为什么

节点是措施的阶段目标，应当在反馈之后、措施完成之前依次排开。日期颠倒或超出范围，说明节点写错或照抄了别处，按节点检查进度时会得出错误结论。

## 错误示例

```
措施 A1.3 规范案件审核流程 {
  时限：2024-12-31
  节点：2024-11-30 完成流程修订
  节点：2024-09-30 完成问题梳理
  节点：2025-03-31 完成复查
}
```

## 正确写法

```
措施 A1.3 规范案件审核流程 {
  时限：2024-12-31
  节点：2024-09-30 完成问题梳理
  节点：2024-11-30 完成流程修订
  节点：2024-12-31 完成复查
}
```
"#,
        en: r#"## What it checks

A measure's milestones (`节点`) when:

- they are out of date order: a milestone dated before the one above it (the first such one is reported, with the one above marked); equal dates are fine;
- one is before the plan's feedback date (`反馈日期`);
- one is after the measure's deadline. With a `延期`, the date of the last extension is the deadline; a `长期坚持` without a date has none, and this part is not checked.

A milestone written as a month or a quarter means its last day. The finding points at the milestone's date.

## Why reviewers care

Milestones are the stages of a measure: they follow each other between the feedback and the measure's deadline. Dates out of order or out of range mean a slip or a line copied from elsewhere, and progress checked against them gives the wrong answer.

## Example

```
措施 A1.3 规范案件审核流程 {
  时限：2024-12-31
  节点：2024-11-30 完成流程修订
  节点：2024-09-30 完成问题梳理
  节点：2025-03-31 完成复查
}
```

## Use instead

```
措施 A1.3 规范案件审核流程 {
  时限：2024-12-31
  节点：2024-09-30 完成问题梳理
  节点：2024-11-30 完成流程修订
  节点：2024-12-31 完成复查
}
```
"#,
    },
};
