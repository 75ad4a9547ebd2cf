//! P006: a suppression without a reason, or one that silences nothing.

use crate::check::{Doc, Fixable, Rule, RuleMeta};
use crate::diagnostic::Severity;

pub struct BadSuppression;

impl Rule for BadSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

static META: RuleMeta = RuleMeta {
    code: "P006",
    name: "bad-suppression",
    severity: Severity::Warning,
    summary: (
        "抑制注释没有理由，或没有抑制任何问题",
        "a suppression without a reason, or one that silences nothing",
    ),
    fix: Fixable::Safe,
    doc: Doc {
        zh: r#"## 检查什么

抑制注释 `# rectlint: allow 代码 理由` 的问题：没有写理由（此时它不起作用）、没有写规则代码、规则代码不存在、后面没有块或字段，或者所抑制的规则在该处并没有发现问题。

抑制注释作用于紧接其后的块或字段（块则包括其中的全部内容）；写在文件开头的 `# rectlint: allow-file 代码 理由` 作用于整个文件。语法错误（P001）不能抑制。

## 为什么

抑制是对审核人员的说明：某处不符合要求，但有正当理由（如已批准延期）。没有理由的抑制等于隐瞒问题；过时的抑制会在将来掩盖新的问题。

## 错误示例

```
# rectlint: allow T004
措施 B1.1 交警大队整体迁移 {
```

## 正确写法

```
# rectlint: allow T004 市委巡察办同意延期至2025年底
措施 B1.1 交警大队整体迁移 {
```
"#,
        en: r#"## What it checks

Problems with a suppression comment `# rectlint: allow CODE REASON`: no reason (it then silences nothing), no code, a code that does not exist, nothing after it to silence, or a rule that finds nothing there to silence.

A suppression covers the block or field on the line after it (a block with everything in it); `# rectlint: allow-file CODE REASON` at the top of a file covers the file. Syntax errors (P001) cannot be suppressed.

## Why reviewers care

A suppression tells the reviewer that something is not as required but for a good reason (an approved extension, say). Without the reason it hides a problem; one that is out of date will hide the next problem there.

## Example

```
# rectlint: allow T004
措施 B1.1 交警大队整体迁移 {
```

## Use instead

```
# rectlint: allow T004 市委巡察办同意延期至2025年底
措施 B1.1 交警大队整体迁移 {
```
"#,
    },
};
