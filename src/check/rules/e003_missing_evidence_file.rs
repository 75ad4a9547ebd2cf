//! E003: an evidence path that does not exist.

use std::io::ErrorKind;

use super::e004_evidence_outside_repository::{Place, evidence_paths, locate};
use crate::check::{Context, Depends, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct MissingEvidenceFile;

impl Rule for MissingEvidenceFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Judged by what the file system holds.
    fn depends_on(&self) -> Depends {
        Depends::Disk
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for (node, span, path) in evidence_paths(ctx.measures) {
            // Paths that leave the repository are E004's, and never looked up.
            let Some(Place::Missing(error)) = locate(ctx.file, path) else {
                continue;
            };
            let message = if error.kind() == ErrorKind::NotFound {
                tr!(
                    "佐证路径“{path}”不存在",
                    "the evidence path `{path}` does not exist"
                )
            } else {
                tr!(
                    "佐证路径“{path}”不存在或无法访问：{error}",
                    "the evidence path `{path}` does not exist or cannot be reached: {error}"
                )
            };
            ctx.report(span, message)
                .help(tr!(
                    "把材料放到这个位置，或改正路径（相对于方案文件所在的文件夹，区分大小写，例如 evidence/A1.1/台账.xlsx）；材料尚无电子版的，写文件名称，例如：佐证：报告 《关于…整改情况的报告》",
                    "put the material at this place or correct the path (relative to the plan file's folder, case-sensitive, e.g. evidence/A1.1/台账.xlsx); for material with no electronic copy, give its title instead, e.g. 佐证：报告 《关于…整改情况的报告》"
                ))
                .node(node);
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("E003"),
    name: "missing-evidence-file",
    severity: Severity::Error,
    summary: ("佐证路径不存在", "an evidence path that does not exist"),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

佐证写成文件路径（含 `/`，或以扩展名结尾；以 `http://`、`https://` 或 `ftp://` 开头的网址不是路径）时，路径相对于方案文件所在的文件夹；该位置没有文件（或文件夹）的，报告本规则，诊断指向路径。

超出仓库根目录的路径由 E004 报告，本规则不再查看。从标准输入读入且没有用 `--stdin-filename` 命名的方案，不作此检查。rectlint 只查看文件是否存在，从不打开或读取佐证文件。

## 为什么

审核人员要按路径调阅佐证。路径写错、文件未上传或改名后未同步，佐证就等于没有，整改完成情况无从核实。

## 错误示例

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已完成 2024-09-15
  佐证：台账 evidence/A1.1/台帐.xlsx
}
```

## 正确写法

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已完成 2024-09-15
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
}
```

（`evidence/A1.1/办案队伍台账.xlsx` 确实放在方案文件旁。）
"#,
        en: r#"## What it checks

An evidence reference written as a path (it holds `/` or ends in a file extension; a web address starting with `http://`, `https://` or `ftp://` is not one) is relative to the folder of the plan file; when nothing (no file, no folder) is at that place, this rule points at the path.

Paths that leave the repository root are E004's and are not looked up. A plan read from standard input without `--stdin-filename` is not checked. rectlint only looks at whether the file exists; it never opens or reads an evidence file.

## Why reviewers care

Reviewers open the evidence by its path. A mistyped path, a file never uploaded or one renamed since makes the evidence worthless, and the item cannot be verified.

## Example

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已完成 2024-09-15
  佐证：台账 evidence/A1.1/台帐.xlsx
}
```

## Use instead

```rect
措施 A1.1 建立全警捆绑办案体系 {
  状态：已完成 2024-09-15
  佐证：台账 evidence/A1.1/办案队伍台账.xlsx
}
```

(with `evidence/A1.1/办案队伍台账.xlsx` really beside the plan file.)
"#,
    },
};
