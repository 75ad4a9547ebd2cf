//! P004: a value that cannot be read.

use crate::check::{Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;

pub struct UnreadableValue;

impl Rule for UnreadableValue {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::P004,
    name: "unreadable-value",
    severity: Severity::Error,
    summary: (
        "无法读取的取值：不存在的日期、未知的状态或佐证类别、不是数字的数",
        "a value that cannot be read: an impossible date, an unknown status or evidence kind, a number that is not one",
    ),
    fix: Fixable::Unsafe,
    doc: Doc {
        zh: r#"## 检查什么

字段的取值读不懂：不存在的日期（2025-02-30，诊断指向“30”）、没有年份又无反馈日期可推断的日期、未知的状态或佐证类别、不是整数的问题数、写法不对的节点、验收、延期和回头看。帮助信息列出可用的写法，并提示最接近的一个。

时限不在此列：写不成日期的时限（如“尽快”）按原文保留，由 T002 报告。

## 为什么

读不懂的取值等于没写：日期错了，逾期、延期等检查都无法进行，报送后也会被退回。

## 错误示例

```
完成日期：2025-02-30
状态：完成了
```

## 正确写法

```
完成日期：2025-02-28
状态：已完成
```
"#,
        en: r#"## What it checks

A value that cannot be read: an impossible date (`2025-02-30`, pointing at the day), a date without a year when the plan has no feedback date to infer it from, an unknown status or evidence kind, an issue count that is not a whole number, a milestone, acceptance, extension or review written the wrong way. The help lists the accepted forms and the closest one.

Deadlines are not among them: a deadline that is no date (`尽快`) is kept as written and reported by T002.

## Why reviewers care

A value that cannot be read is as good as missing: with a wrong date nothing about overdue items or extensions can be checked, and the plan comes back.

## Example

```
完成日期：2025-02-30
状态：完成了
```

## Use instead

```
完成日期：2025-02-28
状态：已完成
```
"#,
    },
};
