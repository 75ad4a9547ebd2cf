//! T008: completed after the deadline with no `延期`.

use super::dates;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct CompletedLate;

impl Rule for CompletedLate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            if !measure.extensions.is_empty() {
                continue;
            }
            let Some(deadline) = &measure.deadline else {
                continue;
            };
            let Some(due) = deadline.get().and_then(dates::deadline_date) else {
                continue;
            };
            let Some((completed, span)) = dates::completion(measure) else {
                continue;
            };
            if completed.first <= due.last {
                continue;
            }
            let id = dates::node(measure);
            let (done, date) = (dates::shown(&completed), dates::shown(due));
            ctx.report(
                span,
                tr!(
                    "措施 {id} 的完成日期 {done} 晚于时限 {date}，且没有延期",
                    "measure {id} was completed on {done}, after its deadline {date}, with no extension"
                ),
            )
            .secondary(deadline.value_span, tr!("时限", "the deadline"))
            .help(tr!(
                "经批准延期的，写明“延期：新日期 理由”；否则核对完成日期，并在进展中说明逾期原因",
                "if the deadline was formally moved, give 延期：NEW-DATE REASON; otherwise check the completion date and explain the delay"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T008"),
    name: "completed-late",
    severity: Severity::Warning,
    summary: (
        "完成日期晚于时限且没有延期",
        "completed after the deadline with no 延期",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施的完成日期（“完成日期”字段，或“状态：已完成 2024-09-15”中的日期）晚于它的时限，而措施没有写“延期”。在时限当天完成的不算晚。诊断指向完成日期。

完成日期只写到月份的，以该月第一天计，时限写到月份的，以该月最后一天计：只有确定晚了才报告。“已销号”后面的日期是销号日期，不作为完成日期。

## 为什么

超期完成而没有办理延期，说明时限没有被当回事，也会让整改台账前后对不上。经批准推迟的，应当写明延期及理由；没有批准的，要如实说明逾期原因。

## 错误示例

```
措施 A1.1 建立全警捆绑办案体系 {
  时限：2024-09-30
  状态：已完成
  完成日期：2024-10-20
}
```

## 正确写法

```
措施 A1.1 建立全警捆绑办案体系 {
  时限：2024-09-30
  延期：2024-10-31 制度需经市局法制支队审核
  状态：已完成
  完成日期：2024-10-20
}
```
"#,
        en: r#"## What it checks

A measure's completion date (the `完成日期` field, or the date in `状态：已完成 2024-09-15`) that is after its deadline, while the measure has no `延期`. Completing on the deadline itself is on time. The finding points at the completion date.

A completion date written as a month counts from its first day, a deadline written as a month until its last: only a completion that is surely late is reported. The date after `已销号` is the day the item was closed, not a completion date.

## Why reviewers care

Finishing late without a recorded extension means the deadline was not taken seriously, and the ledger no longer adds up. If the deadline was formally moved, record the extension and its reason; if not, say plainly why it is late.

## Example

```
措施 A1.1 建立全警捆绑办案体系 {
  时限：2024-09-30
  状态：已完成
  完成日期：2024-10-20
}
```

## Use instead

```
措施 A1.1 建立全警捆绑办案体系 {
  时限：2024-09-30
  延期：2024-10-31 制度需经市局法制支队审核
  状态：已完成
  完成日期：2024-10-20
}
```
"#,
    },
};
