//! S006: `问题数` / `类别数` disagrees with the issues / categories written.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::{Fix, Severity};
use crate::model::Plan;
use crate::tr;

pub struct WrongCount;

impl Rule for WrongCount {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        if let Some(field) = &plan.declared_issues
            && let Some(&declared) = field.get()
        {
            let written = plan.top_issues().count();
            let s = if written == 1 { "" } else { "s" };
            if usize::try_from(declared).ok() != Some(written) {
                ctx.report(
                    field.value_span,
                    tr!(
                        "问题数写的是 {declared}，方案中实际写了 {written} 个问题",
                        "`问题数` says {declared}, but the plan holds {written} issue{s}"
                    ),
                )
                .fix(Fix::unsafe_replace(field.value_span, written.to_string()))
                .help(if written == 0 {
                    tr!(
                        "方案中还没有写问题：按巡察反馈意见逐条写出问题及其措施",
                        "the plan holds no issue yet: write each issue of the feedback with its measures"
                    )
                } else {
                    tr!(
                        "核对巡察反馈的问题：把问题数改为 {written}，或补齐漏写的问题（下级问题不计入）",
                        "check against the feedback: make it {written}, or add the issues left out (sub-issues do not count)"
                    )
                });
            }
        }
        if let Some(field) = &plan.declared_categories
            && let Some(&declared) = field.get()
        {
            let written = plan.categories.len();
            let plural = if written == 1 { "y" } else { "ies" };
            if usize::try_from(declared).ok() != Some(written) {
                ctx.report(
                    field.value_span,
                    tr!(
                        "类别数写的是 {declared}，方案中实际写了 {written} 个方面",
                        "`类别数` says {declared}, but the plan holds {written} categor{plural}"
                    ),
                )
                .fix(Fix::unsafe_replace(field.value_span, written.to_string()))
                .help(tr!(
                    "把类别数改为 {written}，或补齐漏写的方面",
                    "make it {written}, or add the categories left out"
                ));
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("S006"),
    name: "wrong-count",
    severity: Severity::Error,
    summary: (
        "问题数或类别数与实际写的不一致",
        "问题数 / 类别数 disagrees with the issues / categories written",
    ),
    fix: Fixable::Unsafe,
    doc: Doc {
        zh: r#"## 检查什么

方案中写了“问题数”或“类别数”，但与实际写的不一致。“问题数”只数顶层问题，即直接写在方案或“方面”中的问题，下级问题不计入；“类别数”数“方面”（类别）块。诊断指向写错的数字，并说明写的和数出来的各是多少。

## 为什么

问题数通常照抄巡察反馈意见中的“共发现问题 N 个”。数不上，多半是漏写了某个问题，或把一个问题拆错了，审核时要逐条对账。

## 错误示例

```
方案 神湾分局巡察整改方案 {
  问题数：3
  方面 A 党的建设方面 {
    问题 A1 党建工作责任制落实不到位 {
      措施 A1.1 制定党建工作责任清单 {
        责任领导：陈国强
      }
    }
  }
}
```

## 正确写法

```
方案 神湾分局巡察整改方案 {
  问题数：1
  方面 A 党的建设方面 {
    问题 A1 党建工作责任制落实不到位 {
      措施 A1.1 制定党建工作责任清单 {
        责任领导：陈国强
      }
    }
  }
}
```
"#,
        en: r#"## What it checks

The plan gives `问题数` (number of issues) or `类别数` (number of categories) and the count is wrong. `问题数` counts the top-level issues, those written directly in the plan or in a category; sub-issues do not count. `类别数` counts the category (`方面`) blocks. The finding points at the number and says both what was written and what was counted.

## Why reviewers care

The number of issues is usually copied from the feedback ("N problems found"). When it does not add up, an issue was most likely left out or split wrongly, and reviewers reconcile the plan with the feedback line by line.

## Example

```
方案 神湾分局巡察整改方案 {
  问题数：3
  方面 A 党的建设方面 {
    问题 A1 党建工作责任制落实不到位 {
      措施 A1.1 制定党建工作责任清单 {
        责任领导：陈国强
      }
    }
  }
}
```

## Use instead

```
方案 神湾分局巡察整改方案 {
  问题数：1
  方面 A 党的建设方面 {
    问题 A1 党建工作责任制落实不到位 {
      措施 A1.1 制定党建工作责任清单 {
        责任领导：陈国强
      }
    }
  }
}
```
"#,
    },
};
