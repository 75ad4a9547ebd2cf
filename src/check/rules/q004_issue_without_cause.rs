//! Q004: an issue without `原因` (root cause).

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Issue, Plan};
use crate::tr;

pub struct IssueWithoutCause;

/// Report `issue` and its sub-issues; `explained` when an enclosing issue
/// gives the cause.
fn visit(issue: &Issue, explained: bool, ctx: &mut Context) {
    let explained = explained || issue.cause.is_some();
    if !explained && !issue.measures.is_empty() {
        let node = issue.header.id().or_else(|| issue.text());
        let id = node.unwrap_or_default().to_owned();
        ctx.report(
            issue.header.keyword_span,
            tr!(
                "问题 {id} 没有写原因分析",
                "issue {id} gives no root cause (原因)"
            ),
        )
        .help(tr!(
            "在问题中写一行原因，从思想认识、制度机制、监督管理等方面说明问题为何产生，例如：原因：办案力量分散，缺少统一的案件办理制度",
            "add a 原因 line saying why the problem arose (attitudes, rules and mechanisms, oversight), e.g. 原因：办案力量分散，缺少统一的案件办理制度"
        ))
        .node(node);
    }
    for sub in &issue.issues {
        visit(sub, explained, ctx);
    }
}

impl Rule for IssueWithoutCause {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        for issue in plan.top_issues() {
            visit(issue, false, ctx);
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("Q004"),
    name: "issue-without-cause",
    severity: Severity::Info,
    summary: ("问题没有写原因分析", "an issue without 原因 (root cause)"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

带有措施的问题中没有“原因”（或“原因分析”）字段。诊断指向问题的标题行。

只检查直接带措施的问题：只用来归拢下级问题的上级问题不要求写原因；上级问题已写明原因的，其下级问题视为已有原因，不再报告。

## 为什么

整改要“对症下药”。不分析问题为何产生，措施往往只治标、不治本，同类问题还会再犯。巡察反馈和审核意见通常要求从思想认识、制度机制、监督管理等方面剖析原因。

## 错误示例

```rect
问题 A1 打击防范效能不高，侦查办案体系不健全 {
  措施 A1.1 建立全警捆绑办案体系 {
    责任领导：李明
    时限：2024-09-30
  }
}
```

## 正确写法

```rect
问题 A1 打击防范效能不高，侦查办案体系不健全 {
  原因：办案力量分散，缺少统一的案件办理制度
  措施 A1.1 建立全警捆绑办案体系 {
    责任领导：李明
    时限：2024-09-30
  }
}
```
"#,
        en: r#"## What it checks

An issue that carries measures but has no `原因` (or `原因分析`) field. The finding points at the issue's header.

Only issues holding measures themselves are checked: an issue that only groups sub-issues needs no cause of its own, and a sub-issue counts as explained when an enclosing issue gives the cause.

## Why reviewers care

A fix should treat the cause, not the symptom. Without an analysis of why the problem arose, measures tend to patch the surface and the problem comes back. Inspectors and reviewers usually ask for the causes in attitudes, in rules and mechanisms, and in oversight.

## Example

```rect
问题 A1 打击防范效能不高，侦查办案体系不健全 {
  措施 A1.1 建立全警捆绑办案体系 {
    责任领导：李明
    时限：2024-09-30
  }
}
```

## Use instead

```rect
问题 A1 打击防范效能不高，侦查办案体系不健全 {
  原因：办案力量分散，缺少统一的案件办理制度
  措施 A1.1 建立全警捆绑办案体系 {
    责任领导：李明
    时限：2024-09-30
  }
}
```
"#,
    },
};
