//! T001: a measure with no `时限`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta, report_measures_missing};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct MissingDeadline;

impl Rule for MissingDeadline {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        report_measures_missing(
            ctx,
            |m| m.deadline.is_none(),
            |id| tr!("措施 {id} 没有写时限", "measure {id} has no deadline"),
            &tr!(
                "写明完成时限，例如：时限：2024-09-30；立即整改的写“时限：立行立改”，长期任务写“时限：长期坚持”并列出节点",
                "give the deadline, e.g. 时限：2024-09-30; write 时限：立行立改 for an item fixed at once, or 时限：长期坚持 with milestones for a standing task"
            ),
        );
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T001"),
    name: "missing-deadline",
    severity: Severity::Error,
    summary: ("措施没有写时限", "a measure with no 时限"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施中没有“时限”字段（或其值为空）。诊断指向措施的标题行。时限写了但无法识别的，由 P004 报告，本规则不再重复。

## 为什么

整改要“定任务、定责任、定时限”。没有时限的措施无法判断是否按期完成，审核时会被退回要求补齐。

## 错误示例

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
}
```

## 正确写法

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  时限：2024-09-30
}
```

立即整改的写“时限：立行立改”，需要长期坚持的写“时限：长期坚持”，并用“节点”列出阶段目标。
"#,
        en: r#"## What it checks

A measure with no `时限` field (or an empty one). The finding points at the measure's header. A deadline that is written but cannot be read is reported by P004, not here.

## Why reviewers care

Every rectification item needs a task, a person in charge and a deadline. Without a deadline nobody can tell whether the item is on time, and reviewers send the plan back to fill it in.

## Example

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
}
```

## Use instead

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  时限：2024-09-30
}
```

Write `时限：立行立改` for an item fixed at once, and `时限：长期坚持` with milestones (`节点`) for a standing task.
"#,
    },
};
