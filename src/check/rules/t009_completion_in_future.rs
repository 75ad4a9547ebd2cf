//! T009: a completion date after as-of.

use super::dates;
use crate::check::{Context, Depends, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct CompletionInFuture;

impl Rule for CompletionInFuture {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Judged against the as-of date, often today.
    fn depends_on(&self) -> Depends {
        Depends::Date
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        let as_of = ctx.as_of;
        for &measure in ctx.measures {
            let Some((completed, span)) = dates::completion(measure) else {
                continue;
            };
            if completed.first <= as_of {
                continue;
            }
            let id = dates::node(measure);
            let done = dates::shown(&completed);
            ctx.report(
                span,
                tr!(
                    "措施 {id} 的完成日期 {done} 晚于截至日期 {as_of}，还没有到",
                    "measure {id} has a completion date {done} after the as-of date {as_of}"
                ),
            )
            .help(tr!(
                "写实际完成的日期；尚未完成的，状态写“推进中”，删去完成日期",
                "write the day it was actually completed; if it is not done yet, set 状态：推进中 and remove the completion date"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T009"),
    name: "completion-in-future",
    severity: Severity::Error,
    summary: (
        "完成日期晚于截至日期",
        "a completion date after the as-of date",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施的完成日期（“完成日期”字段，或“状态：已完成 2024-09-15”中的日期）晚于检查的截至日期（`--as-of`，否则为方案的“报告日期”，否则为当天）。截至日期当天完成的不报告；完成日期只写到月份的，以该月第一天计。诊断指向完成日期。

## 为什么

还没到的日期不可能已经完成。这通常是把计划完成时间当成了实际完成时间，或年份、月份写错；报告中出现“未来完成”的事项，会让整个报告的真实性受到质疑。

## 错误示例

```
报告日期：2025-04-27
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2025-06-30
  状态：已完成
  完成日期：2025-06-30
}
```

## 正确写法

```
报告日期：2025-04-27
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2025-06-30
  状态：推进中
}
```
"#,
        en: r#"## What it checks

A measure's completion date (the `完成日期` field, or the date in `状态：已完成 2024-09-15`) after the as-of date (`--as-of`, else the plan's `报告日期`, else today). Completing on the as-of date itself is fine; a completion date written as a month counts from its first day. The finding points at the completion date.

## Why reviewers care

Nothing can be finished on a day that has not come yet. Usually the planned date was written as the actual one, or the year or month is wrong; a report listing items "completed in the future" casts doubt on all of it.

## Example

```
报告日期：2025-04-27
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2025-06-30
  状态：已完成
  完成日期：2025-06-30
}
```

## Use instead

```
报告日期：2025-04-27
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2025-06-30
  状态：推进中
}
```
"#,
    },
};
