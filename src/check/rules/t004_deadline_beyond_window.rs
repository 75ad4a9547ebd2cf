//! T004: a dated deadline later than feedback + `rectification_window_days`.

use super::dates;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Deadline, Plan};
use crate::tr;

pub struct DeadlineBeyondWindow;

impl Rule for DeadlineBeyondWindow {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        let Some(feedback) = dates::feedback(plan) else {
            return;
        };
        let days = ctx.profile.rectification_window_days;
        let Some(window_end) = dates::add_days(feedback.last, days) else {
            return;
        };
        for &measure in ctx.measures {
            let Some(field) = &measure.deadline else {
                continue;
            };
            // Long-term and immediate deadlines are a different matter (T005,
            // T010); a 延期 means the later date was agreed.
            let Some(Deadline::Date(due)) = field.get() else {
                continue;
            };
            if !measure.extensions.is_empty() || due.last <= window_end {
                continue;
            }
            let id = dates::node(measure);
            let (date, fed, end) = (dates::shown(due), dates::shown(&feedback), window_end);
            ctx.report(
                field.value_span,
                tr!(
                    "措施 {id} 的时限 {date} 超出整改期限：反馈日期 {fed} 后 {days} 天为 {end}",
                    "the deadline {date} of measure {id} is past the rectification window: {days} days after the feedback date {fed} is {end}"
                ),
            )
            .help(tr!(
                "把时限定在 {end} 之前；确需更长时间的，写“时限：长期坚持”并列出节点，或写明“延期：日期 理由”",
                "set the deadline by {end}; if it truly takes longer, write 时限：长期坚持 with milestones, or give 延期：DATE REASON"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T004"),
    name: "deadline-beyond-window",
    severity: Severity::Warning,
    summary: (
        "时限超出反馈后的整改期限",
        "a deadline later than the rectification window after feedback",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施的时限是一个日期，却晚于“反馈日期”加上配置中的 `rectification_window_days` 天（巡察默认 180 天，即半年）。时限正好落在最后一天的不报告。

以下情况不检查：时限为“长期坚持”或“立行立改”的措施；写了“延期”的措施（延期已另行说明理由）；方案没有反馈日期。时限写到月份或季度的，以该时段最后一天为准。

## 为什么

巡察整改一般要求在反馈后半年内基本完成。时限明显超出的，审核时会被要求说明理由：或者压缩时限，或者改为长期坚持并设阶段节点，或者按程序办理延期。确有依据的，可用抑制注释写明理由：`# rectlint: allow T004 理由`。

## 错误示例

```
反馈日期：2024年7月26日
……
措施 B1.1 交警大队整体迁移至镇政府管理用房 {
  时限：2025年12月
}
```

## 正确写法

```
反馈日期：2024年7月26日
……
措施 B1.1 交警大队整体迁移至镇政府管理用房 {
  时限：长期坚持
  节点：2024-12-31 完成选址和方案报批
  节点：2025-12-31 完成整体迁移
}
```
"#,
        en: r#"## What it checks

A measure's deadline that is a date later than the feedback date (`反馈日期`) plus the profile's `rectification_window_days` (180 days, half a year, for 巡察). A deadline on the window's last day is fine.

Not checked: measures whose deadline is `长期坚持` or `立行立改`; measures with a `延期` (its reason is given there); plans without a feedback date. A deadline written as a month or a quarter means its last day.

## Why reviewers care

Rectification after an inspection is expected to be essentially finished within half a year of the feedback. A later deadline has to be justified: shorten it, turn the item into a standing task with milestones, or record an approved extension. Where there is a reason, say so with a suppression comment: `# rectlint: allow T004 REASON`.

## Example

```
反馈日期：2024年7月26日
……
措施 B1.1 交警大队整体迁移至镇政府管理用房 {
  时限：2025年12月
}
```

## Use instead

```
反馈日期：2024年7月26日
……
措施 B1.1 交警大队整体迁移至镇政府管理用房 {
  时限：长期坚持
  节点：2024-12-31 完成选址和方案报批
  节点：2025-12-31 完成整体迁移
}
```
"#,
    },
};
