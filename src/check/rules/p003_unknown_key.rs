//! P003: an unknown key or block keyword.

use crate::check::{Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;

pub struct UnknownKey;

impl Rule for UnknownKey {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::P003,
    name: "unknown-key",
    severity: Severity::Warning,
    summary: (
        "未知的键或块关键字（提示最接近的已知写法）",
        "unknown key or block keyword (the help names the closest known one)",
    ),
    fix: Fixable::Unsafe,
    doc: Doc {
        zh: r#"## 检查什么

不认识的键，或写在了不该写的块中的键。帮助信息给出最接近的已知写法（“责任领到”→“责任领导”），或指出该键应写在哪一种块中。不认识的块整体跳过，其内容不作检查。

## 为什么

写错的键不会被当作该字段：“责任领到：李明”不算写了责任领导，后续检查会据此报告缺项。先把键写对，其余结论才可靠。

## 错误示例

```
措施 A1.1 建立制度 {
  责任领到：李明
}
```

## 正确写法

```
措施 A1.1 建立制度 {
  责任领导：李明
}
```
"#,
        en: r#"## What it checks

A key the language does not know, or a known key in a block where it does not belong. The help names the closest known spelling (`责任领到` → `责任领导`) or the block the key belongs in. An unknown block is skipped whole and its content is not checked.

## Why reviewers care

A misspelt key is not that field: `责任领到：李明` does not name a leader, and the other checks will say the leader is missing. Spell the key right first, and the rest follows.

## Example

```
措施 A1.1 建立制度 {
  责任领到：李明
}
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
