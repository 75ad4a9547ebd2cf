//! T003: a deadline before the feedback date.

use super::dates;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct DeadlineBeforeFeedback;

impl Rule for DeadlineBeforeFeedback {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        let Some(feedback) = dates::feedback(plan) else {
            return;
        };
        for &measure in ctx.measures {
            let Some(field) = &measure.deadline else {
                continue;
            };
            let Some(due) = field.get().and_then(dates::deadline_date) else {
                continue;
            };
            if due.last >= feedback.first {
                continue;
            }
            let id = dates::node(measure);
            let (date, fed) = (dates::shown(due), dates::shown(&feedback));
            ctx.report(
                field.value_span,
                tr!(
                    "措施 {id} 的时限 {date} 早于反馈日期 {fed}",
                    "the deadline {date} of measure {id} is before the feedback date {fed}"
                ),
            )
            .help(tr!(
                "整改从反馈之后开始，时限应在反馈日期 {fed} 之后；检查年份是否写错",
                "rectification starts after the feedback, so the deadline comes after {fed}; check the year for a slip"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T003"),
    name: "deadline-before-feedback",
    severity: Severity::Error,
    summary: ("时限早于反馈日期", "a deadline before the feedback date"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施的时限（包括“立行立改”“长期坚持”后所带的日期）早于方案的“反馈日期”。反馈日期只写到月份的，以该月第一天为准。方案没有反馈日期时不检查。

## 为什么

整改是针对巡察反馈的问题开展的，时限不可能早于反馈日期。出现这种情况通常是年份写错（例如把 2025 写成 2024），或是从往年的方案中复制过来未改。

## 错误示例

```
反馈日期：2024年7月26日
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2024-06-30
}
```

## 正确写法

```
反馈日期：2024年7月26日
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2024-09-30
}
```
"#,
        en: r#"## What it checks

A measure's deadline (including the date after `立行立改` or `长期坚持`) that is before the plan's feedback date (`反馈日期`). A feedback date written as a month counts from that month's first day. Without a feedback date nothing is checked.

## Why reviewers care

Rectification answers the inspectors' feedback, so nothing can be due before it. Such a deadline is usually a wrong year (2024 for 2025) or a line copied from an older plan.

## Example

```
反馈日期：2024年7月26日
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2024-06-30
}
```

## Use instead

```
反馈日期：2024年7月26日
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2024-09-30
}
```
"#,
    },
};
