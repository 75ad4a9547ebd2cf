//! E001: a measure marked done or closed with no evidence at all.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct FinishedWithoutEvidence;

impl Rule for FinishedWithoutEvidence {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            let (Some(status), Some(field)) = (measure.status(), &measure.status) else {
                continue;
            };
            if !status.is_finished() {
                continue;
            }
            // Any `佐证` counts, even one whose kind could not be read (P004
            // has said so) or one under a milestone.
            let has_evidence = !measure.evidence.is_empty()
                || measure.milestones.iter().any(|m| !m.evidence.is_empty());
            if has_evidence {
                continue;
            }
            let id = measure.node().unwrap_or_default().to_owned();
            let (zh, en) = (status.zh(), status.en());
            ctx.report(
                field.value_span,
                tr!(
                    "措施 {id} 状态为{zh}，但没有任何佐证材料",
                    "measure {id} is {en} but has no evidence"
                ),
            )
            .help(tr!(
                "写明证明已完成的材料，例如：佐证：报告 《关于…整改情况的报告》、佐证：台账 evidence/{id}/台账.xlsx；尚未完成的，把状态改为推进中",
                "name what proves it done, e.g. 佐证：报告 《关于…整改情况的报告》 or 佐证：台账 evidence/{id}/台账.xlsx; if it is not finished, set the status to 推进中"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("E001"),
    name: "finished-without-evidence",
    severity: Severity::Error,
    summary: (
        "已完成或已销号的措施没有佐证材料",
        "a measure done or closed with no evidence",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

状态为“已完成”或“已销号”的措施中，一条“佐证”也没有。措施下节点中的佐证也算。诊断指向状态的取值。

写了“佐证”但类别写错的（如“佐证：文档 …”），已由 P004 指出，本规则不再重复报告。

## 为什么

整改“完成”要有据可查：没有报告、台账、制度文件或照片等佐证，巡察机构无法核实，审核时按未完成处理，并会被退回补充材料。

## 错误示例

```rect
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：2024-09-30
  状态：已完成 2024-09-15
}
```

## 正确写法

```rect
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：2024-09-30
  状态：已完成 2024-09-15
  佐证：制度 《神湾分局案件办理工作制度》
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
}
```
"#,
        en: r#"## What it checks

A measure whose status is done (`已完成`) or closed (`已销号`) with not a single `佐证` line. Evidence under one of its milestones counts too. The finding points at the status value.

A `佐证` whose kind cannot be read (`佐证：文档 …`) is already reported by P004 and counts as evidence here.

## Why reviewers care

A finished item must be provable: without a report, ledger, regulation or photo the inspection office cannot verify it, treats it as unfinished and sends the plan back for the material.

## Example

```rect
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：2024-09-30
  状态：已完成 2024-09-15
}
```

## Use instead

```rect
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：2024-09-30
  状态：已完成 2024-09-15
  佐证：制度 《神湾分局案件办理工作制度》
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
}
```
"#,
    },
};
