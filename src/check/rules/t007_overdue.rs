//! T007: a deadline or a milestone's date before as-of, and the item not
//! done, closed or deferred.

use super::dates::{self, Standing};
use crate::check::{Context, Depends, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Plan, Status};
use crate::tr;

pub struct Overdue;

impl Rule for Overdue {
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
            let Standing::Open(status) = dates::standing(measure) else {
                continue;
            };
            let id = dates::node(measure);

            if let Some(due) = dates::effective_due(measure)
                && due.day() < as_of
            {
                let (d, s) = (due.describe(), dates::open_status(status));
                let (dz, de, sz, se) = (&d.zh, &d.en, &s.zh, &s.en);
                ctx.report(
                    due.span,
                    tr!(
                        "措施 {id} 已逾期：{dz}，{sz}",
                        "measure {id} is overdue: {de}, and {se}"
                    ),
                )
                .help(tr!(
                    "已完成的，把状态改为“已完成”并写明完成日期；确需推迟的，写明“延期：新日期 理由”；无法推进的，写“状态：暂缓”并写明理由和批准",
                    "if it is done, set 状态：已完成 with the completion date; if it needs longer, give 延期：NEW-DATE REASON; if it cannot go on, set 状态：暂缓 with 理由 and 批准"
                ))
                .node(measure.node());
            }

            for milestone in &measure.milestones {
                let Some(date) = &milestone.date else {
                    continue;
                };
                let done = milestone
                    .status
                    .as_ref()
                    .is_some_and(|s| s.value.is_finished() || s.value == Status::Deferred);
                if date.value.last >= as_of || done {
                    continue;
                }
                let shown = dates::shown(&date.value);
                let message = match &milestone.status {
                    Some(s) => {
                        let (sz, se) = (s.value.zh(), s.value.en());
                        tr!(
                            "措施 {id} 的节点 {shown} 已逾期，节点状态仍为{sz}",
                            "milestone {shown} of measure {id} is overdue: its status is still {se}"
                        )
                    }
                    None => tr!(
                        "措施 {id} 的节点 {shown} 已逾期，未标明已完成",
                        "milestone {shown} of measure {id} is overdue: it is not marked done"
                    ),
                };
                let help = if milestone.block {
                    tr!(
                        "节点已完成的，在节点中写“状态：已完成”；未完成的，说明原因并调整计划",
                        "if the milestone is done, write 状态：已完成 in it; if not, explain why and adjust the plan"
                    )
                } else {
                    let text = milestone.content.as_ref().map_or("", |c| c.value.as_str());
                    tr!(
                        "节点已完成的，在末尾注明，例如：节点：{shown} {text}（已完成）；未完成的，说明原因并调整计划",
                        "if the milestone is done, say so at its end, e.g. 节点：{shown} {text}（已完成）; if not, explain why and adjust the plan"
                    )
                };
                ctx.report(date.span, message).help(help)
                    .node(measure.node());
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T007"),
    name: "overdue",
    severity: Severity::Error,
    summary: (
        "已过时限仍未完成",
        "overdue: the deadline or a milestone has passed and the item is not done",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

截至检查日期（`--as-of`，否则为方案的“报告日期”，否则为当天），以下事项已过期限却未完成：

- 措施的时限已过，状态却不是“已完成”“已销号”或“暂缓”（没写状态的也算未完成）。写了“延期”的，以最后一次延期的日期为准，诊断指向该延期的日期，否则指向时限；
- 措施的某个节点日期已过，节点本身没有标明“已完成”“已销号”或“暂缓”（没写状态的节点算作未完成），而措施本身也不是已完成、已销号或暂缓。诊断指向节点的日期。

时限写到月份或季度的，以该时段最后一天为准，当天到期的不算逾期。“长期坚持”不带日期的，措施本身没有时限，只检查它的节点；“立行立改”不带日期的也不检查。状态无法识别的（已由 P004 报告）不检查。

## 为什么

逾期未完成是整改督查的重点。报告进展时，逾期事项要么已经完成（改状态、写完成日期），要么按程序延期或暂缓并说明理由；放着不管的，会被认定为整改不力。

## 错误示例

```
报告日期：2025-04-27
……
措施 A1.2 每季度组织一次针对性侦查办案培训 {
  时限：长期坚持
  状态：推进中
  节点：2024-10-31 完成首轮培训
  节点：2025-06-30 完成第二轮培训并考核
}
```

## 正确写法

```
报告日期：2025-04-27
……
措施 A1.2 每季度组织一次针对性侦查办案培训 {
  时限：长期坚持
  状态：推进中
  节点：2024-10-31 完成首轮培训（已完成）
  节点：2025-06-30 完成第二轮培训并考核
}
```
"#,
        en: r#"## What it checks

As of the checking date (`--as-of`, else the plan's `报告日期`, else today), items past their date and not finished:

- a measure whose deadline has passed while its status is none of `已完成` (done), `已销号` (closed) or `暂缓` (deferred); no status counts as not done. With a `延期`, the date of the last extension is the deadline and the finding points at it, otherwise at the deadline;
- a milestone whose date has passed and that is not itself marked `已完成`, `已销号` or `暂缓` (a milestone with no status counts as not done), on a measure that is not done, closed or deferred. The finding points at the milestone's date.

A deadline written as a month or a quarter means its last day; an item due on the checking date itself is not overdue. A `长期坚持` without a date has no deadline of its own, so only its milestones are checked; an `立行立改` without a date is not checked. A status that cannot be read (reported by P004) is not judged.

## Why reviewers care

Overdue items are the first thing inspectors look at. At each progress report an overdue item is either done (set the status and the completion date), or formally extended or deferred with a reason; one left as it is counts as a failure to rectify.

## Example

```
报告日期：2025-04-27
……
措施 A1.2 每季度组织一次针对性侦查办案培训 {
  时限：长期坚持
  状态：推进中
  节点：2024-10-31 完成首轮培训
  节点：2025-06-30 完成第二轮培训并考核
}
```

## Use instead

```
报告日期：2025-04-27
……
措施 A1.2 每季度组织一次针对性侦查办案培训 {
  时限：长期坚持
  状态：推进中
  节点：2024-10-31 完成首轮培训（已完成）
  节点：2025-06-30 完成第二轮培训并考核
}
```
"#,
    },
};
