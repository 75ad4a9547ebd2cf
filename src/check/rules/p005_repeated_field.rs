//! P005: a single-valued field given twice.

use crate::check::{Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;

pub struct RepeatedField;

impl Rule for RepeatedField {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::P005,
    name: "repeated-field",
    severity: Severity::Warning,
    summary: (
        "只能写一次的字段写了两次（以后一处为准）",
        "a field that may appear once is given twice (the later one is used)",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

同一块中，只能写一次的字段出现了两次，例如一个措施写了两个“时限”。以后一处为准，诊断同时指出第一次出现的位置。可以重复的只有“佐证”“节点”和“延期”。

## 为什么

两个不同的时限或状态互相矛盾，审核人员不知道以哪个为准；多半是复制粘贴后忘了删改。

## 错误示例

```
措施 A1.1 建立制度 {
  时限：2024-09-30
  时限：2024-12-31
}
```

## 正确写法

```
措施 A1.1 建立制度 {
  时限：2024-12-31
}
```
"#,
        en: r#"## What it checks

A field that may appear once in a block is given twice, such as two `时限` in one measure. The later one is used, and the finding points at the first as well. Only `佐证`, `节点` and `延期` may repeat.

## Why reviewers care

Two deadlines or statuses contradict each other and a reviewer cannot tell which holds; it is usually a copy and paste left half-edited.

## Example

```
措施 A1.1 建立制度 {
  时限：2024-09-30
  时限：2024-12-31
}
```

## Use instead

```
措施 A1.1 建立制度 {
  时限：2024-12-31
}
```
"#,
    },
};
