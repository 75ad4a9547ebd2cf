//! S005: a department named in a field is not declared under `部门`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::{Fix, Severity};
use crate::model::{Plan, Span};
use crate::{suggest, tr};

use super::r006_collective_name::{Collective, strip_note};
use super::s004_undeclared_person::block_keyword;

pub struct UndeclaredDepartment;

impl Rule for UndeclaredDepartment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        // Collective names (`相关部门`) are R006's.
        let words = Collective::of(&ctx.profile.collective_names);
        // Read as they are met: a large plan's measures are not gone over
        // twice.
        let measures = ctx.measures;
        let named = || {
            measures
                .iter()
                .flat_map(|&m| {
                    [&m.departments, &m.assisting].into_iter().flatten().flat_map(move |f| {
                        f.get().into_iter().flatten().map(move |d| (m, f.key_span, d))
                    })
                })
                .filter(|(_, _, d)| words.find(&d.value).is_none())
        };
        if plan.departments.is_empty() {
            let count = named().count();
            if count == 0 {
                return;
            }
            let at = plan
                .department_blocks
                .first()
                .map_or(plan.header.keyword_span, |b| block_keyword(ctx.text, *b));
            let s = if count == 1 { "" } else { "s" };
            ctx.report(
                at,
                tr!(
                    "方案没有在“部门”中声明任何部门，{count} 处部门名称无法核对",
                    "the plan declares no department under `部门`, so {count} department name{s} cannot be checked"
                ),
            )
            .help(tr!(
                "在方案中加一个部门块，列出各部门，例如：部门 {{ 法制大队、刑侦大队 }}",
                "add a 部门 block to the plan listing the departments, e.g. 部门 {{ 法制大队、刑侦大队 }}"
            ));
            return;
        }
        // Each unknown name is looked up once.
        let mut suggester = None;
        let mut guesses: rustc_hash::FxHashMap<&str, Option<&str>> =
            rustc_hash::FxHashMap::default();
        for (measure, key_span, department) in named() {
            let written = department.value.as_str();
            let name = strip_note(written);
            if plan.has_department(name) || plan.has_department(written) {
                continue;
            }
            let key = ctx
                .text
                .get(key_span.range())
                .unwrap_or_default()
                .to_owned();
            let guess = *guesses.entry(name).or_insert_with(|| {
                suggester
                    .get_or_insert_with(|| {
                        suggest::Suggester::new(
                            plan.departments.iter().map(|d| d.name.value.as_str()),
                        )
                    })
                    .closest(name)
            });
            let help = if let Some(guess) = guess {
                tr!("是否想写“{guess}”？", "did you mean `{guess}`?")
            } else if plan.person(name).is_some() {
                tr!(
                    "“{name}”是人名，应写在“责任领导”或“责任人”中；这里写部门",
                    "`{name}` is a person and belongs in 责任领导 or 责任人; name a department here"
                )
            } else {
                tr!(
                    "在“部门”块中声明这个部门，或改写为已声明的部门名称",
                    "declare the department in the 部门 block, or write the name of a declared one"
                )
            };
            let d = ctx
                .report(
                    department.span,
                    tr!(
                        "{key}“{name}”没有在“部门”中声明",
                        "{key} `{name}` is not declared under `部门`"
                    ),
                )
                .help(help)
                .node(measure.node());
            // Only the name is replaced; a note after it stays.
            if let Some(guess) = guess
                && written.starts_with(name)
            {
                let span = Span::new(department.span.start(), department.span.start() + name.len());
                d.fix(Fix::unsafe_replace(span, guess));
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("S005"),
    name: "undeclared-department",
    severity: Severity::Warning,
    summary: (
        "字段中的部门没有在“部门”中声明",
        "a department named in a field is not declared under 部门",
    ),
    fix: Fixable::Unsafe,
    doc: Doc {
        zh: r#"## 检查什么

“责任部门”或“配合部门”中写的部门，在“部门”块中找不到。帮助中给出最接近的已声明部门（“行侦大队”→“刑侦大队”）。部门名称后括号中的说明（如“刑侦大队（牵头）”）不参与比对。

- 方案完全没有声明部门时，只在“方案”（或空的“部门”块）处报告一条，说明有多少处部门名称无法核对，而不是逐个报告。
- “相关部门”“各单位”等集体名称由 R006 报告，本规则不重复报告。

## 为什么

部门名称要与机构设置一致，台账才能按部门汇总、督办。简称、错字或已撤并的部门，会让责任落空。

## 错误示例

```
部门 {
  法制大队、刑侦大队
}
措施 A1.1 建立全警捆绑办案体系 {
  责任部门：行侦大队
  配合部门：法治大队
}
```

## 正确写法

```
部门 {
  法制大队、刑侦大队
}
措施 A1.1 建立全警捆绑办案体系 {
  责任部门：刑侦大队
  配合部门：法制大队
}
```
"#,
        en: r#"## What it checks

A department named in `责任部门` (lead) or `配合部门` (assisting) that is not declared under `部门`. The help names the closest declared department (`行侦大队` → `刑侦大队`). A note in parentheses after the name (`刑侦大队（牵头）`) is ignored.

- When the plan declares no department at all, there is one finding at the plan's `方案` keyword (or at an empty `部门` block) saying how many names could not be checked, not one per name.
- Collective names such as `相关部门` or `各单位` are R006's and not reported here.

## Why reviewers care

Department names must match the organisation chart so that the ledger can be summed up and chased per department. An abbreviation, a typo or a merged department leaves the task with nobody.

## Example

```
部门 {
  法制大队、刑侦大队
}
措施 A1.1 建立全警捆绑办案体系 {
  责任部门：行侦大队
  配合部门：法治大队
}
```

## Use instead

```
部门 {
  法制大队、刑侦大队
}
措施 A1.1 建立全警捆绑办案体系 {
  责任部门：刑侦大队
  配合部门：法制大队
}
```
"#,
    },
};
