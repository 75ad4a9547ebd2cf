//! T011: due within `due_soon_days` of as-of and not done.

use jiff::civil::Date;

use super::dates::{self, Standing};
use crate::check::{Context, Depends, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct DueSoon;

impl Rule for DueSoon {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Judged against the as-of date, often today.
    fn depends_on(&self) -> Depends {
        Depends::Date
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        let as_of = ctx.as_of;
        // Past the end of the calendar, every later date is "soon".
        let limit = dates::add_days(as_of, ctx.profile.due_soon_days).unwrap_or(Date::MAX);
        for &measure in ctx.measures {
            let Standing::Open(status) = dates::standing(measure) else {
                continue;
            };
            let Some(due) = dates::effective_due(measure) else {
                continue;
            };
            if due.day() < as_of || due.day() > limit {
                continue;
            }
            let id = dates::node(measure);
            let (d, s) = (due.describe(), dates::open_status(status));
            let (dz, de, sz, se) = (&d.zh, &d.en, &s.zh, &s.en);
            let left = as_of.until(due.day()).map_or(0, |span| span.get_days());
            let message = if left == 0 {
                tr!(
                    "措施 {id} 今天到期：{dz}，{sz}",
                    "measure {id} is due today: {de}, and {se}"
                )
            } else {
                tr!(
                    "措施 {id} 即将到期：{dz}，还剩 {left} 天，{sz}",
                    "measure {id} is due soon: {de}, {left} days left, and {se}"
                )
            };
            ctx.report(due.span, message)
                .help(tr!(
                    "抓紧推进，按期完成后把状态改为“已完成”并写明完成日期；确实无法按期完成的，及早办理延期，写明“延期：新日期 理由”",
                    "push it through; once done, set 状态：已完成 with the completion date; if it cannot be done in time, arrange an extension early and give 延期：NEW-DATE REASON"
                ))
                .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T011"),
    name: "due-soon",
    severity: Severity::Info,
    summary: (
        "即将到期且尚未完成",
        "due within a few days and not done",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施的时限在检查截至日期（`--as-of`，否则为方案的“报告日期”，否则为当天）当天或之后的 `due_soon_days` 天之内（巡察默认 14 天），状态却不是“已完成”“已销号”或“暂缓”（没写状态的也算未完成）。写了“延期”的，以最后一次延期的日期为准。时限写到月份或季度的，以该时段最后一天为准。

本规则只看措施自身的时限，不看节点；已经过期的由 T007 报告。这是提示，不是错误。

## 为什么

在到期之前提醒一下，责任部门还来得及完成，或者及早按程序申请延期，而不是到期后才被认定为逾期。

## 错误示例

```
报告日期：2025-04-27
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2025-05-05
  状态：推进中
}
```

## 正确写法

```
报告日期：2025-04-27
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2025-05-05
  状态：已完成
  完成日期：2025-04-25
}
```
"#,
        en: r#"## What it checks

A measure due on the as-of date (`--as-of`, else the plan's `报告日期`, else today) or within the profile's `due_soon_days` after it (14 for 巡察), whose status is none of `已完成` (done), `已销号` (closed) or `暂缓` (deferred); no status counts as not done. With a `延期`, the date of the last extension is the deadline. A deadline written as a month or a quarter means its last day.

Only the measure's own deadline is looked at, not its milestones; what is already past is T007's. This is a reminder, not an error.

## Why reviewers care

A word before the deadline leaves the department time to finish, or to ask for an extension properly, instead of being found overdue afterwards.

## Example

```
报告日期：2025-04-27
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2025-05-05
  状态：推进中
}
```

## Use instead

```
报告日期：2025-04-27
……
措施 A1.1 建立全警捆绑办案体系 {
  时限：2025-05-05
  状态：已完成
  完成日期：2025-04-25
}
```
"#,
    },
};
