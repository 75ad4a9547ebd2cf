//! S002: an issue with no measure at its leaves.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct IssueWithoutMeasure;

impl Rule for IssueWithoutMeasure {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &issue in ctx.issues {
            // An issue whose sub-issues carry the measures is fine: each
            // sub-issue is checked in turn.
            if issue.measures.is_empty() && issue.issues.is_empty() {
                let node = issue.header.id().or_else(|| issue.text());
                let name = node.unwrap_or_default().to_owned();
                let example = match issue.header.id() {
                    Some(id) => format!("措施 {id}.1 建立案件办理制度 {{ … }}"),
                    None => "措施 建立案件办理制度 { … }".to_owned(),
                };
                ctx.report(
                    issue.header.keyword_span,
                    tr!("问题 {name} 没有整改措施", "issue {name} has no measure"),
                )
                .help(tr!(
                    "在问题中至少写一项措施，例如：{example}",
                    "write at least one measure in the issue, e.g. {example}"
                ))
                .node(node);
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("S002"),
    name: "issue-without-measure",
    severity: Severity::Error,
    summary: ("问题没有整改措施", "an issue with no measure"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

一个问题既没有“措施”，也没有下级问题。诊断指向问题的标题行。问题分成几个下级问题、措施写在下级问题中，是允许的；这时逐个检查每个下级问题。

## 为什么

巡察反馈的每个问题都要有对应的整改措施，做到“条条有回应、件件有着落”。只列问题不写措施，审核时会被认为整改不到位。

## 错误示例

```
问题 A2 党建工作责任制落实不到位 {
  原因：对党建工作重视不够
}
```

## 正确写法

```
问题 A2 党建工作责任制落实不到位 {
  原因：对党建工作重视不够
  措施 A2.1 制定党建工作责任清单 {
    责任领导：陈国强
    责任部门：政工监督室
    时限：2024-09-30
  }
}
```
"#,
        en: r#"## What it checks

An issue with neither a measure nor a sub-issue. The finding points at the issue's header. An issue split into sub-issues that carry the measures is fine; each sub-issue is then checked in turn.

## Why reviewers care

Every issue the inspectors reported must be answered by a measure. An issue listed with nothing to fix it is read as a rectification not taken seriously.

## Example

```
问题 A2 党建工作责任制落实不到位 {
  原因：对党建工作重视不够
}
```

## Use instead

```
问题 A2 党建工作责任制落实不到位 {
  原因：对党建工作重视不够
  措施 A2.1 制定党建工作责任清单 {
    责任领导：陈国强
    责任部门：政工监督室
    时限：2024-09-30
  }
}
```
"#,
    },
};
