//! T010: a `立行立改` item due more than `immediate_days` after feedback.

use super::dates;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Deadline, Plan};
use crate::tr;

pub struct SlowImmediateFix;

impl Rule for SlowImmediateFix {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        let Some(feedback) = dates::feedback(plan) else {
            return;
        };
        let days = ctx.profile.immediate_days;
        let Some(limit) = dates::add_days(feedback.last, days) else {
            return;
        };
        for &measure in ctx.measures {
            let Some(field) = &measure.deadline else {
                continue;
            };
            let Some(Deadline::Immediate(Some(due))) = field.get() else {
                continue;
            };
            if due.last <= limit {
                continue;
            }
            let id = dates::node(measure);
            let (date, fed) = (dates::shown(due), dates::shown(&feedback));
            ctx.report(
                field.value_span,
                tr!(
                    "措施 {id} 标为立行立改，时限 {date} 却超过反馈日期 {fed} 后 {days} 天（{limit}）",
                    "measure {id} is to be fixed at once, yet its date {date} is more than {days} days after the feedback date {fed} ({limit})"
                ),
            )
            .help(tr!(
                "立行立改的事项应在 {limit} 之前完成；需要更长时间的，不写“立行立改”，直接写时限，例如：时限：{date}",
                "an item fixed at once is due by {limit}; if it needs longer, drop 立行立改 and give the date, e.g. 时限：{date}"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T010"),
    name: "slow-immediate-fix",
    severity: Severity::Warning,
    summary: (
        "立行立改事项的时限距反馈日期过久",
        "a 立行立改 item due too long after feedback",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

时限写作“立行立改 日期”的措施，日期晚于“反馈日期”加上配置中的 `immediate_days` 天（巡察默认 15 天）。正好在最后一天的不报告；“立行立改”不带日期的、方案没有反馈日期的，不检查。

## 为什么

“立行立改”是对能马上改的问题作出的承诺，一般要求在反馈后半个月内改到位。日期拖得很久的，名为立行立改，实为一般整改，审核时会被指出“立行立改不立行”。

## 错误示例

```
反馈日期：2024年7月26日
……
措施 A2.1 清理违规配备的公务用车 {
  时限：立行立改 2024-10-31
}
```

## 正确写法

```
反馈日期：2024年7月26日
……
措施 A2.1 清理违规配备的公务用车 {
  时限：立行立改 2024-08-10
}
```

需要较长时间的，不写“立行立改”，直接写“时限：2024-10-31”。
"#,
        en: r#"## What it checks

A measure whose deadline is `立行立改 DATE` (fix at once, by DATE) where DATE is more than the profile's `immediate_days` (15 for 巡察) after the feedback date (`反馈日期`). A date on the last allowed day is fine; `立行立改` without a date, or a plan without a feedback date, is not checked.

## Why reviewers care

`立行立改` promises that a problem is fixed at once, usually within half a month of the feedback. A distant date makes it an ordinary item under a grand name, and reviewers point that out.

## Example

```
反馈日期：2024年7月26日
……
措施 A2.1 清理违规配备的公务用车 {
  时限：立行立改 2024-10-31
}
```

## Use instead

```
反馈日期：2024年7月26日
……
措施 A2.1 清理违规配备的公务用车 {
  时限：立行立改 2024-08-10
}
```

If it needs longer, drop `立行立改` and write the date: `时限：2024-10-31`.
"#,
    },
};
