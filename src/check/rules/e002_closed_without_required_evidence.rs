//! E002: a closed measure without every evidence kind the profile requires
//! for closing (`closure_evidence`).

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{EvidenceKind, Field, Plan, Status};
use crate::tr;

pub struct ClosedWithoutRequiredEvidence;

impl Rule for ClosedWithoutRequiredEvidence {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            let (Some(Status::Closed), Some(field)) = (measure.status(), &measure.status) else {
                continue;
            };
            let evidence: Vec<_> = measure
                .evidence
                .iter()
                .chain(measure.milestones.iter().flat_map(|m| &m.evidence))
                .collect();
            // No evidence at all is E001's; an unreadable kind might be the
            // missing one, and P004 has reported it.
            if evidence.is_empty() || evidence.iter().any(|e| e.value.is_none()) {
                continue;
            }
            let given: Vec<EvidenceKind> = evidence
                .iter()
                .filter_map(|e| Field::get(e))
                .map(|e| e.kind.value)
                .collect();
            let mut missing: Vec<EvidenceKind> = Vec::new();
            for kind in &ctx.profile.closure_evidence {
                if !given.contains(kind) && !missing.contains(kind) {
                    missing.push(*kind);
                }
            }
            if missing.is_empty() {
                continue;
            }
            let id = measure.node().unwrap_or_default().to_owned();
            let zh = missing
                .iter()
                .map(|k| k.zh())
                .collect::<Vec<_>>()
                .join("、");
            let en = missing
                .iter()
                .map(|k| format!("{} ({})", k.name(), k.zh()))
                .collect::<Vec<_>>()
                .join(", ");
            let first = missing[0].zh();
            ctx.report(
                field.value_span,
                tr!(
                    "措施 {id} 已销号，但缺少销号所需的佐证：{zh}",
                    "measure {id} is closed but lacks the evidence closing requires: {en}"
                ),
            )
            .help(tr!(
                "为每一类补上一条佐证，例如：佐证：{first} 《…》 或 佐证：{first} evidence/{id}/…；材料未齐的，状态写已完成，待补齐后再销号",
                "add one 佐证 line of each missing kind, e.g. 佐证：{first} 《…》 or 佐证：{first} evidence/{id}/…; until the material is complete, keep the status at 已完成"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("E002"),
    name: "closed-without-required-evidence",
    severity: Severity::Warning,
    summary: (
        "已销号的措施缺少销号所需的佐证类别",
        "a closed measure lacking an evidence kind closing requires",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

状态为“已销号”的措施，其佐证中缺少配置 `closure_evidence` 要求的某一类（默认：报告和台账；`xunshi` 配置还要求会议记录）。措施下节点中的佐证也算。诊断指向状态的取值，并列出缺少的类别。

一条佐证也没有的，由 E001 报告；有佐证类别无法识别的（P004），本规则不报告。只看“已销号”，“已完成”不要求齐备。

## 为什么

销号是巡察机构确认整改到位后的最后一步，按规定要有整改报告和整改台账等全套材料备查。材料不齐就销号，复查时会被认定为“虚假整改”或“纸面整改”。

## 错误示例

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  佐证：制度 《神湾分局案件办理工作制度》
  验收：市委巡察办 2024-10-20
}
```

## 正确写法

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  佐证：制度 《神湾分局案件办理工作制度》
  佐证：报告 《关于A1.1整改情况的报告》
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
  验收：市委巡察办 2024-10-20
}
```
"#,
        en: r#"## What it checks

A measure whose status is closed (`已销号`) whose evidence lacks a kind the profile's `closure_evidence` requires (default: report and ledger; the `xunshi` profile also wants minutes). Evidence under its milestones counts too. The finding points at the status value and names the missing kinds.

A closed measure with no evidence at all is E001's; one with an evidence kind that cannot be read (P004) is left alone. Only closed measures are checked, not done ones.

## Why reviewers care

Closing is the inspection office's last step, taken when the fix is verified, and the rules ask for the full file (the rectification report and the ledger) to be kept. An item closed on incomplete material is what a later check calls paper rectification.

## Example

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  佐证：制度 《神湾分局案件办理工作制度》
  验收：市委巡察办 2024-10-20
}
```

## Use instead

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已销号
  佐证：制度 《神湾分局案件办理工作制度》
  佐证：报告 《关于A1.1整改情况的报告》
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
  验收：市委巡察办 2024-10-20
}
```
"#,
    },
};
