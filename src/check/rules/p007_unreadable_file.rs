//! P007: a file that cannot be read at all: too large, not a regular file,
//! an error while reading it, or bytes that are not text. The driver and the
//! decoder report it ([`crate::problem::ReadProblem`]); nothing is checked
//! in such a file.

use crate::check::{Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;

pub struct UnreadableFile;

impl Rule for UnreadableFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::P007,
    name: "unreadable-file",
    severity: Severity::Error,
    summary: (
        "文件无法读取：过大、不是普通文件、读取出错或不是文本",
        "the file cannot be read: too large, not a regular file, an I/O error, or not text",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

整个文件无法读取，因此没有检查：

- 文件超过大小上限（默认 64 MB，见配置项 `max_file_size` 和 `--max-file-size`）；
- 作为方案点名的路径不是普通文件（命名管道、设备如 `/dev/zero`、套接字）：不打开读取，也不等待；
- 读取时出错，例如没有读取权限；
- 不是文本：含 NUL 字节的二进制文件（在命令行上点名或从标准输入读入时；遍历文件夹时遇到的二进制文件跳过，只在标准错误输出说明），或既不是 UTF-8 也不是 GB18030 的字节，诊断指出第一个无法解码的字节。

诊断位于文件开头。其他文件照常检查，运行的退出码是 1，不是 2。文件能够读取、只是其中的行或块不合语法的，是 P001。

## 为什么

读不了的文件里有什么问题都无从知道：悄悄跳过，一份没有检查过的方案就会当作合格报送。误把扫描件、Word 文档或压缩包当作方案时，也能及时发现。

## 错误示例

把 Word 文档改了扩展名当作方案：

```
$ rectlint check 整改方案.rect
错误[P007] 这不是文本文件
```

## 正确写法

方案是 UTF-8 文本的 `.rect` 文件（可从 Word 中复制出文字另存）；过大的方案拆成几个文件：

```
$ rectlint check 整改方案.rect
```
"#,
        en: r#"## What it checks

The whole file cannot be read, so nothing in it is checked:

- it is larger than the size limit (64 MB by default; see the `max_file_size` setting and `--max-file-size`);
- a path named as a plan is not a regular file (a FIFO, a device such as `/dev/zero`, a socket): it is never opened and never waited on;
- reading it fails, for instance without permission to read;
- it is not text: a binary file with NUL bytes (named on the command line or read from standard input; one met while walking a folder is skipped with a note on standard error), or bytes that are neither UTF-8 nor GB18030, the finding pointing at the first byte that cannot be decoded.

The finding stands at the start of the file. The other files are still checked, and the run exits 1, not 2. A file that can be read but holds a line or block that breaks the grammar gets P001 instead.

## Why reviewers care

Nobody can tell what is wrong in a file that cannot be read: skipped quietly, an unchecked plan would be submitted as if it had passed. It also catches a scan, a Word document or an archive taken for a plan.

## Example

A Word document renamed to look like a plan:

```
$ rectlint check plan.rect --lang en
error[P007] this is not a text file
```

## Use instead

A plan is a `.rect` file of UTF-8 text (copy the text out of Word and save it); split a plan that is too large into several files:

```
$ rectlint check plan.rect
```
"#,
    },
};
