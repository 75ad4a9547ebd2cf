//! T013: a deferred measure without `理由` or without `批准`.

use super::dates;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Plan, Status};
use crate::tr;

pub struct UnapprovedDeferral;

impl Rule for UnapprovedDeferral {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            let Some(field) = &measure.status else {
                continue;
            };
            if field.get().map(|s| s.status) != Some(Status::Deferred) {
                continue;
            }
            let id = dates::node(measure);
            let reason = tr!(
                "理由：涉及机构改革，待上级明确职能后推进",
                "理由：涉及机构改革，待上级明确职能后推进 (why it cannot be done now)"
            );
            let approval = tr!(
                "批准：市委巡察办 2024-10-20",
                "批准：市委巡察办 2024-10-20 (who approved it, and when)"
            );
            let (message, help) = match (measure.reason.is_some(), measure.approved.is_some()) {
                (true, true) => continue,
                (false, false) => {
                    let (rz, re, az, ae) = (&reason.zh, &reason.en, &approval.zh, &approval.en);
                    (
                        tr!(
                            "措施 {id} 暂缓整改，但没有写理由和批准",
                            "measure {id} is deferred with neither a reason (理由) nor an approval (批准)"
                        ),
                        tr!(
                            "写明暂缓的理由和批准情况，例如：{rz}；{az}",
                            "give the reason and the approval, e.g. {re}; {ae}"
                        ),
                    )
                }
                (false, true) => {
                    let (rz, re) = (&reason.zh, &reason.en);
                    (
                        tr!(
                            "措施 {id} 暂缓整改，但没有写理由",
                            "measure {id} is deferred with no reason (理由)"
                        ),
                        tr!(
                            "写明暂缓的理由，例如：{rz}",
                            "give the reason, e.g. {re}"
                        ),
                    )
                }
                (true, false) => {
                    let (az, ae) = (&approval.zh, &approval.en);
                    (
                        tr!(
                            "措施 {id} 暂缓整改，但没有写批准",
                            "measure {id} is deferred with no approval (批准)"
                        ),
                        tr!(
                            "写明谁在何时批准暂缓，例如：{az}",
                            "say who approved the deferral and when, e.g. {ae}"
                        ),
                    )
                }
            };
            ctx.report(field.value_span, message)
                .help(help)
                .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T013"),
    name: "unapproved-deferral",
    severity: Severity::Error,
    summary: (
        "暂缓整改的措施没有理由或没有批准",
        "a deferred measure without 理由 or without 批准",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

状态为“暂缓”（或“暂缓整改”）的措施，缺少“理由”字段或“批准”字段（或两者都缺），诊断会说明缺的是哪一项。诊断指向状态的值。

## 为什么

暂缓整改是例外，必须说明为什么现在不能改，并经巡察机构或上级批准。没有理由和批准的“暂缓”，等于自行决定不整改，审核时不会被认可。

## 错误示例

```
措施 C1.1 调整派出所警务辅助人员编制 {
  时限：2024-12-31
  状态：暂缓
}
```

## 正确写法

```
措施 C1.1 调整派出所警务辅助人员编制 {
  时限：2024-12-31
  状态：暂缓
  理由：涉及机构改革，待市局明确编制后推进
  批准：市委巡察办 2024-10-20
}
```
"#,
        en: r#"## What it checks

A measure whose status is `暂缓` (or `暂缓整改`, deferred) with no `理由` (reason) field or no `批准` (approval) field, or neither; the message says which is missing. The finding points at the status's value.

## Why reviewers care

Deferring an item is the exception: the plan must say why it cannot be done now, and the inspection office or a higher authority must have approved it. A deferral without both amounts to deciding on one's own not to rectify, and is not accepted.

## Example

```
措施 C1.1 调整派出所警务辅助人员编制 {
  时限：2024-12-31
  状态：暂缓
}
```

## Use instead

```
措施 C1.1 调整派出所警务辅助人员编制 {
  时限：2024-12-31
  状态：暂缓
  理由：涉及机构改革，待市局明确编制后推进
  批准：市委巡察办 2024-10-20
}
```
"#,
    },
};
