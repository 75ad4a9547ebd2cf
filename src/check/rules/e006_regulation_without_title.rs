//! E006: regulation evidence (`制度`, `文件`) without a `《title》`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{EvidenceKind, Plan, Reference};
use crate::tr;

pub struct RegulationWithoutTitle;

/// Whether the text names a document: it holds `《…》` with something inside.
pub(super) fn names_a_title(text: &str) -> bool {
    text.split('《')
        .skip(1)
        .any(|rest| rest.split_once('》').is_some_and(|(t, _)| !crate::suggest::trim(t).is_empty()))
}

impl Rule for RegulationWithoutTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            let fields = measure
                .evidence
                .iter()
                .chain(measure.milestones.iter().flat_map(|m| &m.evidence));
            for field in fields {
                let Some(evidence) = field.get() else {
                    continue;
                };
                if evidence.kind.value != EvidenceKind::Regulation {
                    continue;
                }
                let titled = match evidence.reference.as_ref().map(|r| &r.value) {
                    Some(Reference::Title(title)) => !crate::suggest::trim(title).is_empty(),
                    Some(Reference::Path(text) | Reference::Text(text)) => names_a_title(text),
                    None => false,
                };
                if titled {
                    continue;
                }
                let kind = &ctx.text[evidence.kind.span.range()];
                ctx.report(
                    field.value_span,
                    tr!(
                        "制度类佐证没有写明文件全称《…》",
                        "regulation evidence without its title in 《…》"
                    ),
                )
                .help(tr!(
                    "写出制度或文件的正式名称，放在书名号中，例如：佐证：{kind} 《神湾分局案件办理工作制度》；也可以在路径中带上书名，例如：佐证：{kind} evidence/A1.1/《神湾分局案件办理工作制度》.pdf",
                    "give the regulation's full title in 《…》, e.g. 佐证：{kind} 《神湾分局案件办理工作制度》; a path may carry the title too, e.g. 佐证：{kind} evidence/A1.1/《神湾分局案件办理工作制度》.pdf"
                ))
                .node(measure.node());
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("E006"),
    name: "regulation-without-title",
    severity: Severity::Info,
    summary: (
        "制度类佐证没有写明《文件名称》",
        "regulation evidence without a 《title》",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

类别为“制度”或“文件”的佐证，没有用书名号写出文件名称：没写材料、只写了一段说明、或只写了一个不带书名的文件路径。诊断指向这条佐证的取值。

说明或路径中含有完整的《…》（如 `evidence/A1.1/《案件办理工作制度》.pdf`），视为写明了名称。节点中的佐证同样检查。

## 为什么

建章立制是整改的硬成果。审核人员要对照文件全称核查制度是否印发、是否有效；“已制定相关制度”“见附件”之类的写法无从查证，也无法在整改台账中统计建立完善了多少项制度。

## 错误示例

```rect
佐证：制度 已制定相关制度
佐证：文件 evidence/A1.1/zhidu.pdf
```

## 正确写法

```rect
佐证：制度 《神湾分局案件办理工作制度》
佐证：文件 evidence/A1.1/《神湾分局案件办理工作制度》.pdf
```
"#,
        en: r#"## What it checks

Evidence of kind regulation (`制度` or `文件`) that does not name the document in book-title marks: no reference at all, a description, or a file path without the title. The finding points at the evidence value.

A description or path that holds a complete 《…》 (`evidence/A1.1/《案件办理工作制度》.pdf`) counts as naming it. Evidence under milestones is checked too.

## Why reviewers care

New or amended regulations are the hard results of a rectification. Reviewers check the named regulation was really issued and is in force; "relevant rules were made" or "see attachment" cannot be checked, and cannot be counted in the ledger's tally of regulations made.

## Example

```rect
佐证：制度 已制定相关制度
佐证：文件 evidence/A1.1/zhidu.pdf
```

## Use instead

```rect
佐证：制度 《神湾分局案件办理工作制度》
佐证：文件 evidence/A1.1/《神湾分局案件办理工作制度》.pdf
```
"#,
    },
};

#[cfg(test)]
mod tests {
    use super::names_a_title;

    #[test]
    fn a_title_anywhere_in_the_reference() {
        assert!(names_a_title("evidence/《制度》.pdf"));
        assert!(names_a_title("市局《关于…的通知》第3条"));
        assert!(!names_a_title("《》"));
        assert!(!names_a_title("《未闭合"));
        assert!(!names_a_title("已制定相关制度"));
    }
}
