//! E005: a closed measure with no `验收`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Plan, Status};
use crate::tr;

pub struct ClosedWithoutAcceptance;

impl Rule for ClosedWithoutAcceptance {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            let (Some(Status::Closed), Some(field)) = (measure.status(), &measure.status) else {
                continue;
            };
            // A `验收` that cannot be read is P004's.
            if measure.verified.is_some() {
                continue;
            }
            let id = measure.node().unwrap_or_default().to_owned();
            ctx.report(
                field.value_span,
                tr!(
                    "措施 {id} 已销号，但没有写验收（谁、何时验收）",
                    "measure {id} is closed but has no 验收 (who accepted it, and when)"
                ),
            )
            .help(tr!(
                "写明验收的单位或人员和日期，例如：验收：市委巡察办 2024-10-20；尚未验收的，状态写已完成",
                "name who accepted it and when, e.g. 验收：市委巡察办 2024-10-20; until it is accepted, keep the status at 已完成"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("E005"),
    name: "closed-without-acceptance",
    severity: Severity::Warning,
    summary: (
        "已销号的措施没有写验收",
        "a closed measure with no 验收",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

状态为“已销号”的措施中没有“验收”（或“销号”）字段。诊断指向状态的取值。“已完成”的措施不要求验收。

## 为什么

“已完成”是责任部门自己说完成了，“已销号”是巡察机构或整改办验收后确认的。写了销号却没有验收人和验收日期，审核人员无法判断是谁、在什么时候确认的，销号不作数。

## 错误示例

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  佐证：报告 《关于A1.1整改情况的报告》
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
}
```

## 正确写法

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  佐证：报告 《关于A1.1整改情况的报告》
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
  验收：市委巡察办 2024-10-20
}
```
"#,
        en: r#"## What it checks

A measure whose status is closed (`已销号`) with no `验收` (or `销号`) field. The finding points at the status value. Done (`已完成`) measures need no acceptance.

## Why reviewers care

Done means the department says it is done; closed means the inspection office (or the rectification office) accepted it. A closed item with no one and no date of acceptance cannot be traced to a decision, and reviewers do not count it as closed.

## Example

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  佐证：报告 《关于A1.1整改情况的报告》
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
}
```

## Use instead

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  佐证：报告 《关于A1.1整改情况的报告》
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
  验收：市委巡察办 2024-10-20
}
```
"#,
    },
};
