//! P006: a suppression without a reason, or one that silences nothing.

use crate::check::{Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;

pub struct BadSuppression;

impl Rule for BadSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::P006,
    name: "bad-suppression",
    severity: Severity::Warning,
    summary: (
        "抑制注释没有理由，或没有抑制任何问题",
        "a suppression without a reason, or one that silences nothing",
    ),
    fix: Fixable::Unsafe,
    doc: Doc {
        zh: r#"## 检查什么

抑制注释 `# rectlint: allow 代码 理由` 的问题：没有写理由（此时它不起作用）、没有写规则代码、规则代码不存在、后面没有块或字段，或者所抑制的规则在该处并没有发现问题。

抑制注释作用于紧接其后的块或字段（块则包括其中的全部内容）；写在文件开头的 `# rectlint: allow-file 代码 理由` 作用于整个文件。语法错误（P001）不能抑制。

结论随日期或磁盘变化的规则（T007、T009、T011 看检查截至日期，E003、E004 看磁盘上的文件和链接），其抑制注释即使此刻没有抑制任何问题也不报告：今天没有逾期的措施，下个月可能逾期，理由仍然需要。规则在当前配置下关闭时同样不报告。

`--fix --unsafe-fixes` 删除多余的抑制注释（或其中多余的代码）；这会连同写下的理由一起删除，所以只在要求不安全修复时进行，修复后请核对。

## 为什么

抑制是对审核人员的说明：某处不符合要求，但有正当理由（如已批准延期）。没有理由的抑制等于隐瞒问题；过时的抑制会在将来掩盖新的问题。

## 错误示例

```
# rectlint: allow T004
措施 B1.1 交警大队整体迁移 {
  时限：2025-12-31
}
```

## 正确写法

```
# rectlint: allow T004 市委巡察办同意延期至2025年底
措施 B1.1 交警大队整体迁移 {
  时限：2025-12-31
}
```
"#,
        en: r#"## What it checks

Problems with a suppression comment `# rectlint: allow CODE REASON`: no reason (it then silences nothing), no code, a code that does not exist, nothing after it to silence, or a rule that finds nothing there to silence.

A suppression covers the block or field on the line after it (a block with everything in it); `# rectlint: allow-file CODE REASON` at the top of a file covers the file. Syntax errors (P001) cannot be suppressed.

A suppression of a rule whose verdict changes with the date or the disk (T007, T009 and T011 look at the as-of date; E003 and E004 at the files and links on disk) is not reported when it silences nothing today: a measure that is not overdue today may be next month, and the reason is still needed. Nor is one of a rule the profile turns off.

`--fix --unsafe-fixes` removes a suppression that silences nothing (or its codes that do not); that deletes the written reason with it, so it is only done when unsafe fixes are asked for. Check the result.

## Why reviewers care

A suppression tells the reviewer that something is not as required but for a good reason (an approved extension, say). Without the reason it hides a problem; one that is out of date will hide the next problem there.

## Example

```
# rectlint: allow T004
措施 B1.1 交警大队整体迁移 {
  时限：2025-12-31
}
```

## Use instead

```
# rectlint: allow T004 市委巡察办同意延期至2025年底
措施 B1.1 交警大队整体迁移 {
  时限：2025-12-31
}
```
"#,
    },
};
