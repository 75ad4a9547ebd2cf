//! S007: a category with no issue.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct EmptyCategory;

impl Rule for EmptyCategory {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        for category in &plan.categories {
            if category.issues.is_empty() {
                let node = category.header.id().or_else(|| category.header.title());
                let name = node.unwrap_or_default().to_owned();
                ctx.report(
                    category.header.keyword_span,
                    tr!("方面 {name} 中没有问题", "category {name} holds no issue"),
                )
                .help(tr!(
                    "把该方面的问题写进来，例如：问题 A1 打击防范效能不高 {{ … }}；若没有问题，删去这个方面",
                    "write the category's issues in it, e.g. 问题 A1 打击防范效能不高 {{ … }}; if it has none, remove the category"
                ))
                .node(node);
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("S007"),
    name: "empty-category",
    severity: Severity::Warning,
    summary: ("方面中没有问题", "a category with no issue"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

一个“方面”（类别）块中一个问题也没有。诊断指向方面的标题行。

## 为什么

方面是按巡察反馈意见的几个方面归类问题的。空的方面要么是问题漏写了，要么是问题写到了别的方面之外，对账时会对不上。

## 错误示例

```
方面 B 全面从严治党方面 {
}
问题 B1 廉政风险防控不到位 {
  措施 B1.1 开展廉政风险排查 {
    责任领导：陈国强
  }
}
```

## 正确写法

```
方面 B 全面从严治党方面 {
  问题 B1 廉政风险防控不到位 {
    措施 B1.1 开展廉政风险排查 {
      责任领导：陈国强
    }
  }
}
```
"#,
        en: r#"## What it checks

A category (`方面`) block holding no issue. The finding points at the category's header.

## Why reviewers care

Categories group the issues by the headings of the feedback. An empty one means its issues were left out or written outside it, and the plan will not reconcile with the feedback.

## Example

```
方面 B 全面从严治党方面 {
}
问题 B1 廉政风险防控不到位 {
  措施 B1.1 开展廉政风险排查 {
    责任领导：陈国强
  }
}
```

## Use instead

```
方面 B 全面从严治党方面 {
  问题 B1 廉政风险防控不到位 {
    措施 B1.1 开展廉政风险排查 {
      责任领导：陈国强
    }
  }
}
```
"#,
    },
};
