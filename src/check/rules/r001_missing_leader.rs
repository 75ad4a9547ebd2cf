//! R001: a measure with no `责任领导`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta, report_measures_missing};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct MissingLeader;

impl Rule for MissingLeader {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        report_measures_missing(
            ctx,
            |m| m.leaders.is_none(),
            |id| tr!("措施 {id} 没有责任领导", "measure {id} has no responsible leader"),
            &tr!(
                "在措施中写明一位分管领导，例如：责任领导：李明",
                "name the leader in charge in the measure, e.g. 责任领导：李明"
            ),
        );
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("R001"),
    name: "missing-leader",
    severity: Severity::Error,
    summary: ("措施没有写责任领导", "a measure with no 责任领导"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施中没有“责任领导”字段（或其值为空）。诊断指向措施的标题行。

## 为什么

整改要“一把手”负总责、分管领导具体抓。没有责任领导的措施无人问责，审核时会被退回要求补齐。

## 错误示例

```
措施 A1.1 建立全警捆绑办案体系 {
  责任部门：刑侦大队
  时限：2024-09-30
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
"#,
        en: r#"## What it checks

A measure with no `责任领导` field (or an empty one). The finding points at the measure's header.

## Why reviewers care

Rectification is led from the top, with a named leader in charge of each item. A measure without one has nobody to answer for it, and reviewers send the plan back to fill it in.

## Example

```
措施 A1.1 建立全警捆绑办案体系 {
  责任部门：刑侦大队
  时限：2024-09-30
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
"#,
    },
};
