//! P002: a file that is not UTF-8.

use crate::check::{Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;

pub struct NotUtf8;

impl Rule for NotUtf8 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::P002,
    name: "not-utf8",
    severity: Severity::Warning,
    summary: (
        "文件不是 UTF-8 编码（已按 GB18030 读取）",
        "the file is not UTF-8 (read as GB18030)",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

文件不是 UTF-8 编码，而是 GB18030（包括 GBK、GB2312，许多办公软件的默认编码）或带字节序标记的 UTF-16。rectlint 照常读取并检查，同时给出这条警告。`rectlint fmt` 会把文件改写为 UTF-8。

## 为什么

同一仓库中编码不一，在不同电脑、网页和版本管理工具中会显示为乱码，合并修改时也容易出错。

## 错误示例

用记事本“ANSI”编码保存的方案文件（在中文 Windows 上即 GBK）：

```
$ rectlint check 整改方案.rect
警告[P002] 文件不是 UTF-8 编码，已按 GB18030 读取
```

## 正确写法

另存为“UTF-8”编码，或让 rectlint 改写：

```
$ rectlint fmt 整改方案.rect
```
"#,
        en: r#"## What it checks

The file is not UTF-8 but GB18030 (which covers GBK and GB2312, still the default of many office tools) or UTF-16 with a byte-order mark. rectlint reads and checks it as usual and gives this warning. `rectlint fmt` rewrites it as UTF-8.

## Why reviewers care

Mixed encodings in one repository show as garbage on other machines, in web views and in version control, and make merges go wrong.

## Example

A plan saved by Notepad as "ANSI" (GBK on a Chinese Windows):

```
$ rectlint check plan.rect --lang en
warning[P002] the file is not UTF-8; it was read as GB18030
```

## Use instead

Save it as "UTF-8", or let rectlint rewrite it:

```
$ rectlint fmt plan.rect
```
"#,
    },
};
