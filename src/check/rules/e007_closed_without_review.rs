//! E007: a closed measure with no `回头看`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Plan, Status};
use crate::tr;

pub struct ClosedWithoutReview;

impl Rule for ClosedWithoutReview {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            let (Some(Status::Closed), Some(field)) = (measure.status(), &measure.status) else {
                continue;
            };
            // A `回头看` that cannot be read is P004's.
            if measure.review.is_some() {
                continue;
            }
            let id = measure.node().unwrap_or_default().to_owned();
            ctx.report(
                field.value_span,
                tr!(
                    "措施 {id} 已销号，但没有安排回头看",
                    "measure {id} is closed with no 回头看 (a later check that the fix lasted)"
                ),
            )
            .help(tr!(
                "写明何时复查整改成效，例如：回头看：2025-03-31 复查制度执行情况",
                "say when the lasting effect is (or was) checked, e.g. 回头看：2025-03-31 复查制度执行情况"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("E007"),
    name: "closed-without-review",
    severity: Severity::Info,
    summary: (
        "已销号的措施没有安排回头看",
        "a closed measure with no 回头看",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

状态为“已销号”的措施中没有“回头看”（或“成效评估”）字段。诊断指向状态的取值。回头看的日期可以在将来，写明计划何时复查即可。

## 为什么

销号不是终点。巡察整改要求对已销号事项开展“回头看”，防止问题反弹、整改“一阵风”。事先写明回头看的时间，复查才有人记着、有据可查。

## 错误示例

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  验收：市委巡察办 2024-10-20
}
```

## 正确写法

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  验收：市委巡察办 2024-10-20
  回头看：2025-03-31 复查制度执行情况
}
```
"#,
        en: r#"## What it checks

A measure whose status is closed (`已销号`) with no `回头看` (or `成效评估`) field. The finding points at the status value. The review date may lie ahead: writing down when it will be done is enough.

## Why reviewers care

Closing is not the end. Inspection follow-up asks for a later look at closed items (回头看) so that problems do not come back once attention moves on. A date written in the plan is a check somebody remembers and can be held to.

## Example

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  验收：市委巡察办 2024-10-20
}
```

## Use instead

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  验收：市委巡察办 2024-10-20
  回头看：2025-03-31 复查制度执行情况
}
```
"#,
    },
};
