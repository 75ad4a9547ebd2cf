//! T005: a long-term measure with no milestone.

use super::dates;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct LongTermWithoutMilestones;

impl Rule for LongTermWithoutMilestones {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            let Some(field) = &measure.deadline else {
                continue;
            };
            if !measure.is_long_term() || !measure.milestones.is_empty() {
                continue;
            }
            let id = dates::node(measure);
            ctx.report(
                field.value_span,
                tr!(
                    "措施 {id} 是长期坚持事项，但没有阶段性节点",
                    "measure {id} is a standing task with no milestone"
                ),
            )
            .help(tr!(
                "用“节点”列出阶段目标和完成日期，例如：节点：2024-12-31 完成首轮培训",
                "list its stages with their dates, e.g. 节点：2024-12-31 完成首轮培训"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T005"),
    name: "long-term-without-milestones",
    severity: Severity::Error,
    summary: (
        "长期坚持的措施没有节点",
        "a long-term measure with no milestone",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

时限为“长期坚持”（或“长期”）的措施，没有任何“节点”（一行式或节点块均可）。诊断指向时限的值。

## 为什么

“长期坚持”不是不设期限。长期事项要有阶段性目标，才能在每次报告进展时核对推进到了哪一步；没有节点的长期事项往往变成“无限期”，审核时会被要求补充。

## 错误示例

```
措施 A1.2 每季度组织一次针对性侦查办案培训 {
  责任领导：李明
  时限：长期坚持
}
```

## 正确写法

```
措施 A1.2 每季度组织一次针对性侦查办案培训 {
  责任领导：李明
  时限：长期坚持
  节点：2024-10-31 完成首轮培训（已完成）
  节点：2025-06-30 完成第二轮培训并考核
}
```
"#,
        en: r#"## What it checks

A measure whose deadline is `长期坚持` (or `长期`, long-term) and that has no milestone (`节点`, one-line or block). The finding points at the deadline's value.

## Why reviewers care

A standing task still needs stages: without them nobody can tell, report after report, how far it has got, and "long-term" quietly becomes "never". Reviewers ask for the milestones to be added.

## Example

```
措施 A1.2 每季度组织一次针对性侦查办案培训 {
  责任领导：李明
  时限：长期坚持
}
```

## Use instead

```
措施 A1.2 每季度组织一次针对性侦查办案培训 {
  责任领导：李明
  时限：长期坚持
  节点：2024-10-31 完成首轮培训（已完成）
  节点：2025-06-30 完成第二轮培训并考核
}
```
"#,
    },
};
