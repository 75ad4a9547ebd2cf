//! R002: a measure with no `责任部门`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta, report_measures_missing};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct MissingDepartment;

impl Rule for MissingDepartment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        report_measures_missing(
            ctx,
            |m| m.departments.is_none(),
            |id| tr!("措施 {id} 没有责任部门", "measure {id} has no lead department"),
            &tr!(
                "在措施中写明牵头的部门，例如：责任部门：刑侦大队",
                "name the department that leads the work, e.g. 责任部门：刑侦大队"
            ),
        );
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("R002"),
    name: "missing-department",
    severity: Severity::Error,
    summary: ("措施没有写责任部门", "a measure with no 责任部门"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施中没有“责任部门”（或“牵头部门”）字段，或其值为空。诊断指向措施的标题行。只写了“配合部门”不算。

## 为什么

每项措施都要有一个牵头部门具体落实、报送进展和佐证材料。只有领导没有部门，工作落不了地，台账也无法按部门督办。

## 错误示例

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  配合部门：法制大队
  时限：2024-09-30
}
```

## 正确写法

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  配合部门：法制大队
  时限：2024-09-30
}
```
"#,
        en: r#"## What it checks

A measure with no `责任部门` (or `牵头部门`) field, or an empty one. The finding points at the measure's header. Assisting departments (`配合部门`) alone do not count.

## Why reviewers care

Every measure needs one department that leads the work, reports progress and files the evidence. With a leader but no department nothing gets done on the ground, and the ledger cannot be chased per department.

## Example

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  配合部门：法制大队
  时限：2024-09-30
}
```

## Use instead

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  配合部门：法制大队
  时限：2024-09-30
}
```
"#,
    },
};
