//! S008: a measure with neither a title nor `内容`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct MeasureWithoutText;

impl Rule for MeasureWithoutText {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            if measure.text().is_none() {
                let id = measure.header.id();
                let (message, example) = match id {
                    Some(id) => (
                        tr!("措施 {id} 没有写内容", "measure {id} says nothing of what is to be done"),
                        format!("措施 {id} 建立案件办理制度 {{"),
                    ),
                    None => (
                        tr!("措施没有写内容", "a measure says nothing of what is to be done"),
                        "措施 A1.1 建立案件办理制度 {".to_owned(),
                    ),
                };
                ctx.report(measure.header.keyword_span, message)
                    .help(tr!(
                        "在标题行写明措施内容，例如：{example}；或在措施中写“内容：……”",
                        "say what will be done on the header line, e.g. {example}, or in a line 内容：…"
                    ))
                    .node(id);
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("S008"),
    name: "measure-without-text",
    severity: Severity::Error,
    summary: (
        "措施既没有标题也没有“内容”",
        "a measure with neither a title nor 内容",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

措施的标题行只有编号（或什么都没有），措施中也没有“内容”字段（或其值为空）。诊断指向措施的标题行。

## 为什么

措施写的是“做什么”。只有编号和责任人、时限，看不出整改怎么做，审核无从判断能否解决问题。

## 错误示例

```
措施 A1.1 {
  责任领导：李明
  时限：2024-09-30
}
```

## 正确写法

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：2024-09-30
}
```

标题较长时，也可以写在“内容”中：

```
措施 A1.1 {
  内容：建立全警捆绑办案体系，制定案件办理工作制度
  责任领导：李明
  时限：2024-09-30
}
```
"#,
        en: r#"## What it checks

A measure whose header holds only an ID (or nothing) and that has no `内容` (content) field, or an empty one. The finding points at the measure's header.

## Why reviewers care

A measure says what will be done. With only an ID, a leader and a deadline, nobody can tell how the issue is to be fixed, or whether it will be.

## Example

```
措施 A1.1 {
  责任领导：李明
  时限：2024-09-30
}
```

## Use instead

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  时限：2024-09-30
}
```

A long text may go in `内容` instead:

```
措施 A1.1 {
  内容：建立全警捆绑办案体系，制定案件办理工作制度
  责任领导：李明
  时限：2024-09-30
}
```
"#,
    },
};
