//! S003: the same ID used twice.

use std::borrow::Cow;

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Header, Plan, Spanned, Str};
use crate::tr;

pub struct DuplicateId;

impl Rule for DuplicateId {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        // Categories, issues and measures share one namespace.
        let headers = plan
            .categories
            .iter()
            .map(|c| &c.header)
            .chain(ctx.issues.iter().map(|i| &i.header))
            .chain(ctx.measures.iter().map(|m| &m.header));
        let mut ids: Vec<&Spanned<Str>> = headers.filter_map(|h: &Header| h.id.as_ref()).collect();
        ids.sort_by_key(|id| id.span.start());
        let mut first: rustc_hash::FxHashMap<Cow<str>, &Spanned<Str>> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(ids.len(), rustc_hash::FxBuildHasher);
        for id in ids {
            // `A1` and `a1` name the same item in a drafter's eyes (an ID
            // already in capitals is used as it is).
            let key = if id.value.bytes().any(|b| b.is_ascii_lowercase()) {
                Cow::Owned(id.value.as_str().to_ascii_uppercase())
            } else {
                Cow::Borrowed(id.value.as_str())
            };
            if let Some(earlier) = first.get(key.as_ref()) {
                let value = &id.value;
                ctx.report(
                    id.span,
                    tr!("编号 {value} 重复使用", "the ID {value} is used twice"),
                )
                .help(tr!(
                    "方面、问题和措施的编号在整个方案中只能用一次；把这一处改为未用过的编号",
                    "categories, issues and measures each need an ID of their own in the plan; give this one an unused ID"
                ))
                .secondary(earlier.span, tr!("第一次使用", "first used here"))
                .node(Some(value));
            } else {
                first.insert(key, id);
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("S003"),
    name: "duplicate-id",
    severity: Severity::Error,
    summary: ("同一编号用了两次", "the same ID used twice"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

方面、问题和措施的编号（如 A、A1、A1.1）在整个方案中重复使用。三者共用一套编号，不区分英文大小写（A1 与 a1 视为同一编号）。诊断指向后出现的编号，并标出第一次使用的位置。

## 为什么

整改台账、进展报告和销号审批都按编号引用事项。编号重复，就说不清销号的是哪一项，常见于复制上一项后忘了改编号。

## 错误示例

```
问题 A1 打击防范效能不高 {
  措施 A1.1 建立全警捆绑办案体系 {
    责任领导：李明
    时限：2024-09-30
  }
  措施 A1.1 组织侦查办案培训 {
    责任领导：李明
    时限：2024-12-31
  }
}
```

## 正确写法

```
问题 A1 打击防范效能不高 {
  措施 A1.1 建立全警捆绑办案体系 {
    责任领导：李明
    时限：2024-09-30
  }
  措施 A1.2 组织侦查办案培训 {
    责任领导：李明
    时限：2024-12-31
  }
}
```
"#,
        en: r#"## What it checks

An ID of a category, issue or measure (`A`, `A1`, `A1.1`) used twice in the plan. The three share one set of IDs, compared without regard to ASCII case (`A1` and `a1` are the same ID). The finding points at the later use, with a label at the first.

## Why reviewers care

Ledgers, progress reports and closure approvals refer to items by ID. With a repeated ID nobody can tell which item was closed; it usually comes from copying the item above and forgetting to renumber it.

## Example

```
问题 A1 打击防范效能不高 {
  措施 A1.1 建立全警捆绑办案体系 {
    责任领导：李明
    时限：2024-09-30
  }
  措施 A1.1 组织侦查办案培训 {
    责任领导：李明
    时限：2024-12-31
  }
}
```

## Use instead

```
问题 A1 打击防范效能不高 {
  措施 A1.1 建立全警捆绑办案体系 {
    责任领导：李明
    时限：2024-09-30
  }
  措施 A1.2 组织侦查办案培训 {
    责任领导：李明
    时限：2024-12-31
  }
}
```
"#,
    },
};
