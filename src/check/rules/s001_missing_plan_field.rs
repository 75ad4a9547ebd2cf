//! S001: a required plan field is missing.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct MissingPlanField;

/// A required field: whether the plan has it, its key, and an example line.
struct Required {
    present: bool,
    key: &'static str,
    en: &'static str,
    example: &'static str,
}

impl Rule for MissingPlanField {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        let required = [
            Required {
                present: plan.unit.is_some(),
                key: "被巡察单位",
                en: "the inspected unit",
                example: "被巡察单位：中共中山市公安局神湾分局委员会",
            },
            Required {
                present: plan.inspector.is_some(),
                key: "巡察组",
                en: "the inspection team",
                example: "巡察组：市委第三巡察组",
            },
            Required {
                present: plan.feedback.is_some(),
                key: "反馈日期",
                en: "the feedback date",
                example: "反馈日期：2024-07-26",
            },
            Required {
                present: plan.first_responsible.is_some(),
                key: "第一责任人",
                en: "the first-responsible leader",
                example: "第一责任人：陈国强",
            },
        ];
        for Required {
            key, en, example, ..
        } in required.into_iter().filter(|r| !r.present)
        {
            ctx.report(
                plan.header.keyword_span,
                tr!("方案缺少“{key}”", "the plan does not give `{key}` ({en})"),
            )
            .help(tr!(
                "在方案块中加一行，例如：{example}",
                "add a line to the plan block, e.g. {example}"
            ));
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("S001"),
    name: "missing-plan-field",
    severity: Severity::Error,
    summary: (
        "方案缺少必填字段（被巡察单位、巡察组、反馈日期、第一责任人）",
        "a required plan field is missing (unit, inspector, feedback, first-responsible)",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

方案块中缺少必填字段：“被巡察单位”、“巡察组”、“反馈日期”或“第一责任人”（也可用同义写法，如“被检查单位”“巡视组”）。缺几个报几条，每条都指向“方案”二字，并给出应补写的一行。值为空的字段视同没写；值写了但读不懂（如日期写错）由 P004 报告。

## 为什么

这四项说明了方案是哪个单位、针对哪一轮巡察、从哪天起算、由谁负总责。缺了反馈日期，整改时限无从核对；缺了第一责任人，主体责任落不到人。

## 错误示例

```
方案 神湾分局巡察整改方案 {
  被巡察单位：中共中山市公安局神湾分局委员会
  巡察组：市委第三巡察组
}
```

## 正确写法

```
方案 神湾分局巡察整改方案 {
  被巡察单位：中共中山市公安局神湾分局委员会
  巡察组：市委第三巡察组
  反馈日期：2024-07-26
  第一责任人：陈国强
}
```
"#,
        en: r#"## What it checks

The plan block lacks a required field: `被巡察单位` (unit), `巡察组` (inspector), `反馈日期` (feedback date) or `第一责任人` (first-responsible), in any of their spellings (`被检查单位`, `巡视组`, …). Each missing field is one finding at the plan's `方案` keyword, with the line to add. An empty value counts as missing; a value that cannot be read (an impossible date) is P004's.

## Why reviewers care

These four say which unit answers, to which inspection, from which day deadlines count and who answers for the whole. Without the feedback date no deadline can be checked; without the first-responsible nobody carries the overall responsibility.

## Example

```
方案 神湾分局巡察整改方案 {
  被巡察单位：中共中山市公安局神湾分局委员会
  巡察组：市委第三巡察组
}
```

## Use instead

```
方案 神湾分局巡察整改方案 {
  被巡察单位：中共中山市公安局神湾分局委员会
  巡察组：市委第三巡察组
  反馈日期：2024-07-26
  第一责任人：陈国强
}
```
"#,
    },
};
