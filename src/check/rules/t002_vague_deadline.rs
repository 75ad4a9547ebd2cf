//! T002: a deadline that names no date (`尽快`, `年内`, `适时`…).

use super::dates;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta, find_word};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Deadline, Plan};
use crate::tr;

pub struct VagueDeadline;

impl Rule for VagueDeadline {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            let Some(field) = &measure.deadline else {
                continue;
            };
            let Some(Deadline::Vague(text)) = field.get() else {
                continue;
            };
            let id = dates::node(measure);
            let message = match find_word(text, &ctx.profile.vague_deadlines) {
                Some(word) if word == text.as_str() => tr!(
                    "措施 {id} 的时限“{text}”是模糊说法，没有具体日期",
                    "measure {id} has a vague deadline `{text}` that names no date"
                ),
                Some(word) => tr!(
                    "措施 {id} 的时限“{text}”用了模糊说法“{word}”，没有具体日期",
                    "measure {id} has a vague deadline `{text}`: `{word}` names no date"
                ),
                None => tr!(
                    "措施 {id} 的时限“{text}”不是日期",
                    "the deadline `{text}` of measure {id} is not a date"
                ),
            };
            ctx.report(field.value_span, message)
                .help(tr!(
                    "写成具体日期，例如 2024-09-30 或 2024年9月底；立即整改的写“立行立改”；需要长期坚持的写“长期坚持”，并用“节点”列出阶段目标",
                    "write a date, such as 2024-09-30 or 2024年9月底; write 立行立改 for an item fixed at once, or 长期坚持 with milestones (节点) for a standing task"
                ))
                .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T002"),
    name: "vague-deadline",
    severity: Severity::Error,
    summary: (
        "时限没有具体日期（尽快、年内、适时……）",
        "a vague deadline (尽快, 年内, 适时…)",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施的时限不是日期，也不是“立行立改”或“长期坚持”，例如“尽快”“年内”“适时”“逐步推进”。时限中含有配置中 `vague_deadlines` 所列词语的，诊断会点出这个词；其他写法则提示“不是日期”。

可以接受的时限写法：

- 日期：2024-09-30、2024/09/30、2024年9月30日；
- 月份或时段：2024年12月、2024年9月底、2024年底、2024年第三季度、2024年下半年；
- 不写年份的：9月底前、12月31日前（取反馈日期之后的第一个这样的日子）；
- 立行立改（可带日期：立行立改 2024-08-10）；
- 长期坚持（需另用“节点”列出阶段目标）。

## 为什么

“尽快”“年内”这类说法无法核对是否按期完成，等于没有时限。巡察整改要求每项措施有明确的完成时间，审核时会被退回。

## 错误示例

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：尽快完成
}
```

## 正确写法

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：2024年9月底
}
```
"#,
        en: r#"## What it checks

A measure's deadline that is neither a date nor `立行立改` or `长期坚持`, such as `尽快` (as soon as possible), `年内` (within the year), `适时` (in due course). When the deadline holds a word of the profile's `vague_deadlines`, the message names it; otherwise it says the deadline is not a date.

Accepted deadlines:

- a date: 2024-09-30, 2024/09/30, 2024年9月30日;
- a month or a period: 2024年12月, 2024年9月底, 2024年底, 2024年第三季度, 2024年下半年;
- without a year: 9月底前, 12月31日前 (the first such day on or after the feedback date);
- 立行立改, fixed at once (optionally with a date: 立行立改 2024-08-10);
- 长期坚持, a standing task (with milestones, `节点`).

## Why reviewers care

"As soon as possible" cannot be checked against anything: it is no deadline at all. Every measure needs a definite date by which it is done, and reviewers send the plan back without one.

## Example

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：尽快完成
}
```

## Use instead

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：2024年9月底
}
```
"#,
    },
};
