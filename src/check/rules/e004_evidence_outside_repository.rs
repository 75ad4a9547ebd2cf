//! E004: an evidence path that leaves the repository root: absolute, climbing
//! out with `..`, or led out by a symbolic link. Also where evidence paths
//! are located for E003.
//!
//! This rule looks at the file system (the disk, or whatever
//! [`FileInfo::files`] holds), so it is careful: an absolute path or one
//! that climbs out is judged from its text alone and never touched; a path
//! inside is only resolved (`canonicalize`, which reads metadata and links),
//! never opened.

use std::io;
use std::path::Path;

use crate::check::{Context, Depends, Doc, FileInfo, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::source::normalize;
use crate::diagnostic::Severity;
use crate::model::{Measure, Plan, Reference, Span};
use crate::tr;

pub struct EvidenceOutsideRepository;

/// How a path leaves the repository root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Exit {
    /// `/…`, `C:…`, `\\server\…`.
    Absolute,
    /// Its `..` climb above the root.
    Climbs,
    /// A symbolic link on the way leads outside.
    Link,
}

/// Where an evidence path leads.
#[derive(Debug)]
pub(super) enum Place {
    /// Out of the repository root.
    Outside(Exit),
    /// Inside, but nothing is there (or it cannot be reached: the error).
    Missing(io::Error),
    /// Inside, and something is there.
    Present,
}

/// Every evidence path of the plan, of measures and their milestones: the
/// node it belongs to, the reference's span and the path as written.
pub(super) fn evidence_paths<'a>(measures: &[&'a Measure]) -> Vec<(Option<&'a str>, Span, &'a str)> {
    let mut out = Vec::new();
    for &measure in measures {
        let fields = measure
            .evidence
            .iter()
            .chain(measure.milestones.iter().flat_map(|m| &m.evidence));
        for field in fields {
            let Some(reference) = field.get().and_then(|e| e.reference.as_ref()) else {
                continue;
            };
            if let Reference::Path(path) = &reference.value {
                out.push((measure.node(), reference.span, path.as_str()));
            }
        }
    }
    out
}

/// Where `path` (relative to the plan's folder, `/`-separated) leads; `None`
/// when the plan has no path (standard input without a name).
pub(super) fn locate(file: &FileInfo, path: &str) -> Option<Place> {
    let dir = file.dir()?;
    let root = match &file.root {
        // A folder outside its own root cannot happen; if it does, the
        // folder itself is the only safe root.
        Some(root) if normalize(&dir).starts_with(normalize(root)) => root.clone(),
        _ => dir.clone(),
    };
    if is_absolute(path) {
        return Some(Place::Outside(Exit::Absolute));
    }
    if climbs_out(&dir, &root, path) {
        return Some(Place::Outside(Exit::Climbs));
    }
    let target = dir.join(path);
    let files = file.files();
    // The root as the file system sees it; if even that cannot be
    // resolved there is nothing to compare with.
    let real_root = files.canonicalize(&root).ok()?;
    match files.canonicalize(&target) {
        Ok(real) if real.starts_with(&real_root) => Some(Place::Present),
        Ok(_) => Some(Place::Outside(Exit::Link)),
        Err(error) => {
            // A missing file behind a link that leads out is first of all
            // outside: judge the nearest part of the path that exists.
            let outside = target
                .ancestors()
                .skip(1)
                .find_map(|a| files.canonicalize(a).ok())
                .is_some_and(|real| !real.starts_with(&real_root));
            Some(if outside {
                Place::Outside(Exit::Link)
            } else {
                Place::Missing(error)
            })
        }
    }
}

/// `/…`, `\…`, a drive letter (`C:`, `C://…`), or an address with a scheme
/// of its own (`file:///…`, `smb://…`): the web addresses that are not paths
/// (`http`, `https`, `ftp`) never get here.
fn is_absolute(path: &str) -> bool {
    let mut chars = path.chars();
    match (chars.next(), chars.next()) {
        (Some('/' | '\\'), _) => return true,
        (Some(c), Some(':')) => return c.is_ascii_alphabetic(),
        _ => {}
    }
    // `scheme://`, the scheme as RFC 3986 spells one.
    path.split_once("://").is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Whether the `..` of `path`, read from `dir`, climb above `root`, judged
/// from the text alone.
fn climbs_out(dir: &Path, root: &Path, path: &str) -> bool {
    let dir = normalize(dir);
    let root = normalize(root);
    let mut depth = dir
        .strip_prefix(&root)
        .map_or(0, |inside| inside.components().count());
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if depth == 0 {
                    return true;
                }
                depth -= 1;
            }
            _ => depth += 1,
        }
    }
    false
}

impl Rule for EvidenceOutsideRepository {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// A path inside may be led out by a link on disk.
    fn depends_on(&self) -> Depends {
        Depends::Disk
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for (node, span, path) in evidence_paths(ctx.measures) {
            let Some(Place::Outside(exit)) = locate(ctx.file, path) else {
                continue;
            };
            let message = match exit {
                Exit::Absolute => tr!(
                    "佐证路径“{path}”是绝对路径，超出了方案所在仓库",
                    "the evidence path `{path}` is absolute and leaves the plan's repository"
                ),
                Exit::Climbs => tr!(
                    "佐证路径“{path}”用“..”跳到了仓库根目录之外，超出了方案所在仓库",
                    "the evidence path `{path}` climbs above the repository root with `..`"
                ),
                Exit::Link => tr!(
                    "佐证路径“{path}”经符号链接指向仓库之外，超出了方案所在仓库",
                    "the evidence path `{path}` leads out of the repository through a symbolic link"
                ),
            };
            ctx.report(span, message)
                .help(tr!(
                    "把材料复制到方案所在的仓库中（例如方案旁的 evidence 文件夹），写相对于方案文件的路径，例如：佐证：台账 evidence/A1.1/台账.xlsx",
                    "copy the material into the plan's repository (an evidence folder beside the plan, say) and write its path relative to the plan file, e.g. 佐证：台账 evidence/A1.1/台账.xlsx"
                ))
                .node(node);
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("E004"),
    name: "evidence-outside-repository",
    severity: Severity::Error,
    summary: (
        "佐证路径超出了方案所在仓库",
        "an evidence path that leaves the repository root",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

佐证写成文件路径（含 `/`，或以扩展名结尾；以 `http://`、`https://` 或 `ftp://` 开头的网址不是路径）时，路径相对于方案文件所在的文件夹，且不得离开仓库根目录（从方案向上最近的含 `.git` 或 `rectlint.toml` 的文件夹；找不到时就是方案所在的文件夹）。以下三种情况报告，诊断指向路径：

- 绝对路径：以 `/`、`\\`、盘符（如 `C:`、`C://`）或 `file://` 之类的协议名开头；
- 用 `..` 逐级向上，超过了仓库根目录（只看文字，不访问磁盘）；
- 路径存在（或其上级文件夹存在），但经符号链接解析后落在仓库之外。

从标准输入读入且没有用 `--stdin-filename` 命名的方案，不作此检查。rectlint 只查看路径是否存在和指向哪里，从不打开或读取佐证文件。

## 为什么

佐证材料要随方案一起归档、移交和审核。指向个人电脑或服务器其他位置的路径，别人打开不了，也可能把不该外发的文件带入检查范围，甚至借此读取仓库外的文件。

## 错误示例

```rect
佐证：台账 C:\Users\张伟\Desktop\台账.xlsx
佐证：报告 ../../其他单位/整改报告.docx
```

## 正确写法

```rect
佐证：台账 evidence/A1.1/办案队伍台账.xlsx
佐证：报告 《关于A1.1整改情况的报告》
```
"#,
        en: r#"## What it checks

An evidence reference written as a path (it holds `/` or ends in a file extension; a web address starting with `http://`, `https://` or `ftp://` is not one) is relative to the folder of the plan file and may not leave the repository root (the nearest folder above the plan holding `.git` or `rectlint.toml`; the plan's own folder when there is none). The finding points at the path when it:

- is absolute: starts with `/`, `\\`, a drive letter (`C:`, `C://`) or a scheme such as `file://`;
- climbs above the root with `..` (judged from the text, without touching the disk);
- exists (or its nearest existing folder does) but leads out of the root once symbolic links are resolved.

A plan read from standard input without `--stdin-filename` is not checked. rectlint only looks at where a path leads and whether it exists; it never opens or reads an evidence file.

## Why reviewers care

Evidence is filed, handed over and reviewed together with the plan. A path into someone's desktop or elsewhere on a server cannot be opened by anyone else, may drag in files that must not leave their place, and could be used to make tools read files outside the repository.

## Example

```rect
佐证：台账 C:\Users\张伟\Desktop\台账.xlsx
佐证：报告 ../../其他单位/整改报告.docx
```

## Use instead

```rect
佐证：台账 evidence/A1.1/办案队伍台账.xlsx
佐证：报告 《关于A1.1整改情况的报告》
```
"#,
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_paths_in_every_spelling() {
        for path in [
            "/etc/passwd",
            "C:/x.xlsx",
            "c:x.xlsx",
            "//server/share/x",
            "\\x",
            "C://Users/张伟/台账.xlsx",
            "file:///etc/passwd",
            "smb://server/share/x.xlsx",
            "svn+ssh://host/x",
        ] {
            assert!(is_absolute(path), "{path}");
        }
        for path in [
            "evidence/x.xlsx",
            "台账.xlsx",
            "./a",
            "1:2.txt",
            "",
            "../../../etc/passwd?x=://",
            "evidence/a.xlsx?from=://x",
            "1a://x",
            "材料://x",
        ] {
            assert!(!is_absolute(path), "{path}");
        }
    }

    #[test]
    fn climbing_is_judged_from_the_text() {
        let root = Path::new("/repo");
        let dir = Path::new("/repo/plans/2024");
        assert!(!climbs_out(dir, root, "../../evidence/x.xlsx"));
        assert!(climbs_out(dir, root, "../../../etc/passwd"));
        assert!(climbs_out(dir, root, "a/../../../../x"));
        assert!(!climbs_out(dir, root, "a/b/../../x"));
        assert!(climbs_out(Path::new("/repo"), root, "..\\x"));
        // A plan folder written with `..` of its own.
        assert!(climbs_out(Path::new("/repo/a/../b"), root, "../../x"));
        assert!(!climbs_out(Path::new("/repo/a/../b"), root, "../x"));
    }

    #[test]
    fn no_plan_path_no_judgement() {
        let file = FileInfo::default();
        assert!(locate(&file, "/etc/passwd").is_none());
    }
}
