//! P001: a line, or the blocks of a file, that cannot be read.

use crate::check::{Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;

pub struct SyntaxError;

impl Rule for SyntaxError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::P001,
    name: "syntax-error",
    severity: Severity::Error,
    summary: (
        "语法错误：某一行或文件的结构无法读取",
        "syntax error: a line or the file's structure cannot be read",
    ),
    fix: Fixable::Safe,
    doc: Doc {
        zh: r#"## 检查什么

无法读取的内容：不合语法的行、不配对的“{”“}”、没有结束的三引号文字、写错位置的块（如措施不在问题之中）、没有方案块的文件。诊断指明出错的行和列，并说明此处应写什么。整个文件无法读取（过大、不是普通文件、读取出错、不是文本）的，是 P007。

有语法错误的文件只报告读取方面的问题；改正之后才会进行其余检查。其他文件照常检查。

文件末尾缺少的“}”可以用 `--fix` 补上：只有每个未结束的块之后的各行都比块标题缩进更深时，才能确定它们到文件末尾才结束，这时是安全修复；不缩进的文件，或者在应当结束的地方又出现了同级的标题时，补在末尾可能把后面的问题并入前一个问题，只在 `--fix --unsafe-fixes` 时补上，修复后请核对。

## 为什么

文件读不懂，后面的一切检查都无从谈起；审核人员拿到格式混乱的方案也无法核对。

## 错误示例

```
措施 A1.1 建立制度
{
  责任领导：李明 }
```

## 正确写法

```
措施 A1.1 建立制度 {
  责任领导：李明
}
```
"#,
        en: r#"## What it checks

What cannot be read: a line that fits no form of the language, braces that do not match, triple-quoted text that never ends, a block in the wrong place (a measure outside any issue), and a file without a plan block. The finding names the line and column and says what was expected there. A file that cannot be read at all (too large, not a regular file, an I/O error, not text) gets P007 instead.

A file with syntax errors gets only the reading findings; the other checks run once it reads cleanly. Other files are checked as usual.

`--fix` adds the `}` missing at the end of a file when every line after each unclosed block's header is indented deeper than the header, so that the blocks plainly run to the end. In a file that does not indent, or where a header at the same depth stands where a block should have closed, closing at the end could move the next issue into the previous one: that fix is only applied with `--fix --unsafe-fixes`, and the result should be checked.

## Why reviewers care

Nothing else can be checked in a file that cannot be read, and a reviewer cannot follow a plan whose structure is broken.

## Example

```
措施 A1.1 建立制度
{
  责任领导：李明 }
```

## Use instead

```
措施 A1.1 建立制度 {
  责任领导：李明
}
```
"#,
    },
};
