//! R007: a measure with no `责任人`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta, report_measures_missing};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct MissingAssignee;

impl Rule for MissingAssignee {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        report_measures_missing(
            ctx,
            |m| m.assignees.is_none(),
            |id| tr!("措施 {id} 没有责任人", "measure {id} names no officer to do the work"),
            &tr!(
                "在措施中写明具体经办的人，例如：责任人：王芳",
                "name the officer who does the work, e.g. 责任人：王芳"
            ),
        );
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("R007"),
    name: "missing-assignee",
    severity: Severity::Info,
    summary: ("措施没有写责任人", "a measure with no 责任人"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施中没有“责任人”（或“经办人”）字段，或其值为空。责任人是在责任领导之外、具体承办这项工作的人。诊断指向措施的标题行。这是提示，不影响方案通过；巡视（`xunshi`）配置中为警告。

## 为什么

“责任领导 + 责任部门 + 责任人”层层压实责任。写明具体承办人，进展催办和佐证收集就有人对接，不会停在部门层面。

## 错误示例

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  时限：2024-09-30
}
```

## 正确写法

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  责任人：王芳
  时限：2024-09-30
}
```
"#,
        en: r#"## What it checks

A measure with no `责任人` (or `经办人`) field, or an empty one: the officer who does the work, besides the leader in charge. The finding points at the measure's header. It is an info and does not fail the plan; the `xunshi` profile makes it a warning.

## Why reviewers care

Leader, department and officer make responsibility concrete at every level. With a named officer, progress can be chased and evidence collected from someone in particular, not from a department at large.

## Example

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  时限：2024-09-30
}
```

## Use instead

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  责任人：王芳
  时限：2024-09-30
}
```
"#,
    },
};
