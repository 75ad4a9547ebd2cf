//! S004: a person named in a field is not declared under `人员`.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::{Fix, Severity};
use crate::model::{PersonMatch, Plan, Span};
use crate::{suggest, tr};
use rustc_hash::FxHashMap;

use super::r006_collective_name::Collective;

pub struct UndeclaredPerson;

/// The keyword of a block (or one-line field) starting at `span`: the text
/// up to the first white space, colon or brace.
pub(super) fn block_keyword(text: &str, span: Span) -> Span {
    let from = text.get(span.range()).unwrap_or_default();
    let len = from
        .find(|c: char| c.is_whitespace() || matches!(c, '{' | '｛' | ':' | '：'))
        .unwrap_or(from.len());
    Span::new(span.start(), span.start() + len)
}

impl Rule for UndeclaredPerson {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        // 第一责任人 is R005's; collective names are R006's.
        let words = Collective::of(&ctx.profile.collective_names);
        // Read as they are met (a large plan's measures are not gone over
        // twice), with a role to show in the help's example declaration.
        let measures = ctx.measures;
        let references = || {
            measures
                .iter()
                .flat_map(|&m| {
                    [(&m.leaders, "分局党委委员、副局长"), (&m.assignees, "刑侦大队民警")]
                        .into_iter()
                        .filter_map(|(f, role)| Some((f.as_ref()?, role)))
                        .flat_map(move |(f, role)| {
                            f.get()
                                .into_iter()
                                .flatten()
                                .map(move |p| (m, f.key_span, p, role))
                        })
                })
                .filter(|(_, _, p, _)| words.find(&p.name.value).is_none())
        };
        if plan.people.is_empty() {
            let count = references().count();
            if count == 0 {
                return;
            }
            let at = plan
                .people_blocks
                .first()
                .map_or(plan.header.keyword_span, |b| block_keyword(ctx.text, *b));
            let s = if count == 1 { "" } else { "s" };
            ctx.report(
                at,
                tr!(
                    "方案没有在“人员”中声明任何人，{count} 处人名无法核对",
                    "the plan declares nobody under `人员`, so {count} name{s} cannot be checked"
                ),
            )
            .help(tr!(
                "在方案中加一个人员块，每行写“姓名：职务”，例如：人员 {{ 李明：分局党委委员、副局长 }}",
                "add a 人员 block to the plan, one `NAME：ROLE` a line, e.g. 人员 {{ 李明：分局党委委员、副局长 }}"
            ));
            return;
        }
        // Built at the first unknown name, for all of them; each unknown
        // name is looked up once (a missing person is usually named in many
        // measures).
        let mut suggester = None;
        let mut guesses: FxHashMap<&str, Option<&str>> = FxHashMap::default();
        let text = ctx.text;
        for (measure, key_span, person, role) in references() {
            let key = text.get(key_span.range()).unwrap_or_default();
            let name = &person.name.value;
            match plan.resolve_person(person) {
                PersonMatch::Declared(_) => {}
                PersonMatch::Ambiguous(holders) => {
                    let names: Vec<&str> =
                        holders.iter().map(|p| p.name.value.as_str()).collect();
                    let list = names.join("、");
                    let list_en = names.join(", ");
                    let first = names.first().copied().unwrap_or_default();
                    ctx.report(
                        person.name.span,
                        tr!(
                            "“{name}”有多人担任（{list}），不知道指的是谁",
                            "`{name}` is a post held by several people ({list_en}); it is unclear who is meant"
                        ),
                    )
                    .help(tr!(
                        "写明姓名，例如：{key}：{first}",
                        "write the person's name, e.g. {key}：{first}"
                    ))
                    .node(measure.node());
                }
                PersonMatch::Unknown => {
                    let guess = *guesses.entry(name.as_str()).or_insert_with(|| {
                        suggester
                            .get_or_insert_with(|| {
                                suggest::Suggester::new(
                                    plan.people.iter().map(|p| p.name.value.as_str()).chain(
                                        plan.people.iter().flat_map(|p| {
                                            p.posts.iter().map(crate::model::Str::as_str)
                                        }),
                                    ),
                                )
                            })
                            .closest(name)
                    });
                    let help = if let Some(guess) = guess {
                        tr!("是否想写“{guess}”？", "did you mean `{guess}`?")
                    } else if plan.has_department(name) {
                        tr!(
                            "“{name}”是部门，应写在“责任部门”中；这里写具体的人",
                            "`{name}` is a department and belongs in 责任部门; name a person here"
                        )
                    } else {
                        tr!(
                            "在“人员”块中声明此人及其职务，例如：{name}：{role}",
                            "declare the person and their role in the 人员 block, e.g. {name}：{role}"
                        )
                    };
                    let d = ctx
                        .report(
                            person.name.span,
                            tr!(
                                "{key}“{name}”没有在“人员”中声明",
                                "{key} `{name}` is not declared under `人员`"
                            ),
                        )
                        .help(help)
                        .node(measure.node());
                    if let Some(guess) = guess {
                        d.fix(Fix::unsafe_replace(person.name.span, guess));
                    }
                }
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("S004"),
    name: "undeclared-person",
    severity: Severity::Warning,
    summary: (
        "字段中的人名没有在“人员”中声明",
        "a person named in a field is not declared under 人员",
    ),
    fix: Fixable::Unsafe,
    doc: Doc {
        zh: r#"## 检查什么

“责任领导”或“责任人”中写的人，在“人员”块中找不到：既不是声明过的姓名，也不是只有一人担任的职务（如“局长”）。帮助中给出最接近的已声明姓名或职务（“李名”→“李明”）。人名后括号中的说明（如“李明（副局长）”）不参与比对。

- 写的是职务、但有几个人都担任这一职务（如两位“副局长”），也会报告，并列出担任者，请写明姓名。
- 方案完全没有声明人员时，只在“方案”（或空的“人员”块）处报告一条，说明有多少处人名无法核对，而不是逐个报告。
- “第一责任人”由 R005 检查；“班子成员”“分局党委”等集体名称由 R006 报告，本规则不重复报告。

## 为什么

人员清单是核对责任的依据：写错一个字，台账上就对不上人；写了清单里没有的人，审核人员无法判断其职务是否合适。

## 错误示例

```
人员 {
  李明：分局党委委员、副局长
}
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李名
  责任人：赵刚
}
```

## 正确写法

```
人员 {
  李明：分局党委委员、副局长
  赵刚：刑侦大队大队长
}
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任人：赵刚
}
```
"#,
        en: r#"## What it checks

A person named in `责任领导` (leader) or `责任人` (assignee) who cannot be found under `人员`: neither a declared name nor a post that exactly one declared person holds (such as `局长`). The help names the closest declared name or post (`李名` → `李明`). A note in parentheses after the name (`李明（副局长）`) is ignored.

- A post held by several declared people (two `副局长`) is reported too, listing who holds it: write the name instead.
- When the plan declares nobody at all, there is one finding at the plan's `方案` keyword (or at an empty `人员` block) saying how many names could not be checked, not one per name.
- `第一责任人` is R005's; collective names such as `班子成员` or `分局党委` are R006's and not reported here.

## Why reviewers care

The list of people is what responsibility is checked against. One wrong character and the ledger no longer matches anyone; a person missing from the list leaves the reviewer unable to tell whether their post fits the task.

## Example

```
人员 {
  李明：分局党委委员、副局长
}
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李名
  责任人：赵刚
}
```

## Use instead

```
人员 {
  李明：分局党委委员、副局长
  赵刚：刑侦大队大队长
}
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任人：赵刚
}
```
"#,
    },
};
