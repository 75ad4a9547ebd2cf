//! S009: two measures with the same text (copy and paste).

use rustc_hash::FxHashMap;

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Measure, Plan, Span};
use crate::tr;

pub struct DuplicateMeasure;

/// The measure's text as compared, and where it is written: the title, else
/// the value of `内容`.
fn text_of(measure: &Measure) -> Option<(&str, Span)> {
    let (text, span) = match (&measure.header.title, &measure.content) {
        (Some(title), _) => (title.value.as_str(), title.span),
        (None, Some(content)) => (content.get()?.as_str(), content.value_span),
        (None, None) => return None,
    };
    let key = normalize(text);
    (!key.is_empty()).then_some((key, span))
}

/// Trimmed of white space and of punctuation at the end: `建立制度。` and
/// `建立制度` are the same text.
fn normalize(text: &str) -> &str {
    crate::suggest::trim(text)
        .trim_end_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || is_cjk_punctuation(c))
}

fn is_cjk_punctuation(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | '、' | '；' | '：' | '！' | '？' | '…' | '．' | '～' | '—'
    )
}

impl Rule for DuplicateMeasure {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        let mut first: FxHashMap<&str, (Span, Option<&str>)> =
            FxHashMap::with_capacity_and_hasher(ctx.measures.len(), rustc_hash::FxBuildHasher);
        for &measure in ctx.measures {
            let Some((key, span)) = text_of(measure) else {
                continue;
            };
            if let Some(&(earlier, earlier_node)) = first.get(&key) {
                let other = earlier_node.unwrap_or_default();
                ctx.report(
                    span,
                    tr!(
                        "措施内容与措施 {other} 完全相同",
                        "this measure's text is the same as measure {other}'s"
                    ),
                )
                .help(tr!(
                    "写明这项措施针对本问题要做的具体事情；若确是同一项工作，合并为一项措施",
                    "say what this measure does for its own issue; if it really is the same work, keep one measure"
                ))
                .secondary(earlier, tr!("相同的措施", "the same text here"))
                .node(measure.node());
            } else {
                first.insert(key, (span, measure.node()));
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("S009"),
    name: "duplicate-measure",
    severity: Severity::Warning,
    summary: (
        "两项措施内容完全相同（复制粘贴）",
        "two measures with the same text (copy and paste)",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

两项措施的内容完全相同。比较的是措施标题，没有标题时比较“内容”；比较前去掉首尾空白和末尾的标点（“建立制度。”与“建立制度”视为相同）。诊断指向后出现的措施，并标出第一次出现的位置。

## 为什么

不同的问题照搬同一条措施，往往是复制粘贴后没有改，措施与问题对不上，也就谈不上针对性，这是审核时常被指出的“整改措施不具体、不精准”。

## 错误示例

```
问题 A1 打击防范效能不高 {
  措施 A1.1 加强队伍建设 {
    责任领导：李明
  }
}
问题 A2 执法办案不规范 {
  措施 A2.1 加强队伍建设。 {
    责任领导：李明
  }
}
```

## 正确写法

```
问题 A1 打击防范效能不高 {
  措施 A1.1 组建专门办案队伍 {
    责任领导：李明
  }
}
问题 A2 执法办案不规范 {
  措施 A2.1 每季度开展一次执法案卷评查 {
    责任领导：李明
  }
}
```
"#,
        en: r#"## What it checks

Two measures with the same text: the title, or `内容` where there is no title, compared after trimming white space and punctuation at the end (`建立制度。` and `建立制度` are the same). The finding points at the later measure, with a label at the first.

## Why reviewers care

The same measure under different issues is usually a copy and paste left unedited. It does not answer the issue it stands under, which reviewers call a measure "not specific, not targeted".

## Example

```
问题 A1 打击防范效能不高 {
  措施 A1.1 加强队伍建设 {
    责任领导：李明
  }
}
问题 A2 执法办案不规范 {
  措施 A2.1 加强队伍建设。 {
    责任领导：李明
  }
}
```

## Use instead

```
问题 A1 打击防范效能不高 {
  措施 A1.1 组建专门办案队伍 {
    责任领导：李明
  }
}
问题 A2 执法办案不规范 {
  措施 A2.1 每季度开展一次执法案卷评查 {
    责任领导：李明
  }
}
```
"#,
    },
};

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn white_space_and_closing_punctuation_do_not_count() {
        assert_eq!(normalize(" 建立制度。 "), "建立制度");
        assert_eq!(normalize("建立制度；"), "建立制度");
        assert_eq!(normalize("建立制度..."), "建立制度");
        assert_eq!(normalize("建立、完善制度"), "建立、完善制度");
        assert_eq!(normalize("。"), "");
    }
}
