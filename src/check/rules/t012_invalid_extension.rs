//! T012: a `延期` with no reason, or one that moves the deadline earlier.

use super::dates;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{DateSpec, Plan};
use crate::span::Span;
use crate::tr;

pub struct InvalidExtension;

impl Rule for InvalidExtension {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            let id = dates::node(measure);
            // The deadline each 延期 moves: the original one, then the
            // previous 延期's date (unknown after an unreadable one).
            let mut moved: Option<(DateSpec, Span, bool)> = measure.deadline.as_ref().and_then(|f| {
                let date = f.get().and_then(dates::deadline_date)?;
                Some((*date, f.value_span, true))
            });
            for field in &measure.extensions {
                let Some(ext) = field.get() else {
                    moved = None;
                    continue;
                };
                let has_reason = ext.reason.as_ref().is_some_and(|r| !r.value.is_empty());
                if !has_reason {
                    let date = dates::shown(&ext.date.value);
                    ctx.report(
                        field.value_span,
                        tr!(
                            "措施 {id} 延期至 {date}，但没有写理由",
                            "measure {id} is extended to {date} with no reason"
                        ),
                    )
                    .help(tr!(
                        "在日期后写明延期理由，例如：延期：{date} 资金审批流程延长",
                        "give the reason after the date, e.g. 延期：{date} 资金审批流程延长"
                    ))
                    .node(measure.node());
                }
                if let Some((before, span, original)) = moved
                    && ext.date.value.last < before.last
                {
                    let (date, was) = (dates::shown(&ext.date.value), dates::shown(&before));
                    let (message, label) = if original {
                        (
                            tr!(
                                "措施 {id} 的延期日期 {date} 早于原时限 {was}",
                                "measure {id} is extended to {date}, before its original deadline {was}"
                            ),
                            tr!("原时限", "the original deadline"),
                        )
                    } else {
                        (
                            tr!(
                                "措施 {id} 的延期日期 {date} 早于上一次延期的日期 {was}",
                                "measure {id} is extended to {date}, before the previous extension's date {was}"
                            ),
                            tr!("上一次延期", "the previous extension"),
                        )
                    };
                    ctx.report(field.value_span, message)
                        .secondary(span, label)
                        .help(tr!(
                            "延期只能推后时限：写晚于 {was} 的日期；提前完成的不算延期，直接修改时限或写明完成日期",
                            "an extension moves the deadline later: give a date after {was}; finishing early is no extension, change the deadline or give the completion date"
                        ))
                        .node(measure.node());
                }
                moved = Some((ext.date.value, ext.date.span, false));
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("T012"),
    name: "invalid-extension",
    severity: Severity::Error,
    summary: (
        "延期没有理由，或把时限提前",
        "a 延期 with no reason, or one that moves the deadline earlier",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施中的“延期”有以下问题之一：

- 只写了新日期，没有写理由；
- 新日期早于它所推迟的时限：第一次延期与原“时限”比，之后每次延期与上一次延期的日期比。日期相同的不报告。原时限没有日期（如“长期坚持”不带日期）的，第一次延期不比较。

诊断指向该延期的值。一个措施可以多次延期，每次一行，按先后顺序写。

## 为什么

延期须经批准并说明理由，没有理由的延期不会被认可。延期的日期早于原时限，说明日期写错，或把“提前完成”误写成了延期。

## 错误示例

```
措施 B1.1 交警大队整体迁移至镇政府管理用房 {
  时限：2024-12-31
  延期：2025-06-30
  延期：2025-03-31 装修工程延期
}
```

## 正确写法

```
措施 B1.1 交警大队整体迁移至镇政府管理用房 {
  时限：2024-12-31
  延期：2025-03-31 镇政府用房腾退推迟
  延期：2025-06-30 装修工程延期
}
```
"#,
        en: r#"## What it checks

A `延期` (extension) of a measure that:

- gives the new date but no reason;
- moves the deadline earlier: the first extension is compared with the original `时限`, each later one with the previous extension's date. The same date is fine. When the original deadline has no date (`长期坚持` without one), the first extension is not compared.

The finding points at the extension's value. A measure may be extended more than once, one line each, in order.

## Why reviewers care

An extension must be approved and justified; one without a reason is not accepted. An extension to an earlier date is a slip, or an early completion written up as an extension.

## Example

```
措施 B1.1 交警大队整体迁移至镇政府管理用房 {
  时限：2024-12-31
  延期：2025-06-30
  延期：2025-03-31 装修工程延期
}
```

## Use instead

```
措施 B1.1 交警大队整体迁移至镇政府管理用房 {
  时限：2024-12-31
  延期：2025-03-31 镇政府用房腾退推迟
  延期：2025-06-30 装修工程延期
}
```
"#,
    },
};
