//! R005: the `第一责任人` is not declared, or not a leader.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{PersonMatch, Plan};
use crate::{suggest, tr};

use super::r003_leader_not_leader::{is_leader, leader_roles};
use super::r006_collective_name::Collective;

pub struct BadFirstResponsible;

impl Rule for BadFirstResponsible {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        // A missing one is S001's, an unreadable one P004's.
        let Some(reference) = plan.first_responsible.as_ref().and_then(|f| f.get()) else {
            return;
        };
        let name = &reference.name.value;
        // `分局党委` is R006's.
        if Collective::of(&ctx.profile.collective_names).find(name).is_some() {
            return;
        }
        let span = reference.name.span;
        match plan.resolve_person(reference) {
            PersonMatch::Declared(person) => {
                let roles = leader_roles(&ctx.profile.leader_roles);
                if is_leader(person, &roles) {
                    return;
                }
                let declared = &person.name.value;
                let (message, help) = match &person.role {
                    Some(role) => {
                        let role = &role.value;
                        let example = plan
                            .people
                            .iter()
                            .find(|p| is_leader(p, &roles))
                            .map_or("陈国强", |p| p.name.value.as_str());
                        (
                            tr!(
                                "第一责任人“{name}”的职务“{role}”不是领导职务",
                                "the first-responsible `{name}` is declared as `{role}`, which is not a leader's post"
                            ),
                            tr!(
                                "第一责任人是党委（党组）主要负责人，通常是党委书记，例如：第一责任人：{example}",
                                "the first-responsible is the head of the party committee, usually its secretary, e.g. 第一责任人：{example}"
                            ),
                        )
                    }
                    None => (
                        tr!(
                            "第一责任人“{name}”在“人员”中没有写职务",
                            "the first-responsible `{name}` is declared under 人员 without a role"
                        ),
                        tr!(
                            "在“人员”中写明职务，例如：{declared}：分局党委书记、局长",
                            "give the role under 人员, e.g. {declared}：分局党委书记、局长"
                        ),
                    ),
                };
                ctx.report(span, message)
                    .help(help)
                    .secondary(person.span, tr!("在此声明", "declared here"));
            }
            PersonMatch::Ambiguous(holders) => {
                let names: Vec<&str> = holders.iter().map(|p| p.name.value.as_str()).collect();
                let list = names.join("、");
                let list_en = names.join(", ");
                ctx.report(
                    span,
                    tr!(
                        "第一责任人“{name}”有多人担任（{list}），不知道指的是谁",
                        "the first-responsible `{name}` is a post held by several people ({list_en}); it is unclear who is meant"
                    ),
                )
                .help(tr!(
                    "写明党委（党组）主要负责人的姓名，例如：第一责任人：陈国强",
                    "write the name of the head of the party committee, e.g. 第一责任人：陈国强"
                ));
            }
            PersonMatch::Unknown => {
                let candidates = plan
                    .people
                    .iter()
                    .map(|p| p.name.value.as_str())
                    .chain(plan.people.iter().flat_map(|p| p.posts.iter().map(crate::model::Str::as_str)));
                let help = match suggest::closest(name, candidates) {
                    Some(guess) => tr!("是否想写“{guess}”？", "did you mean `{guess}`?"),
                    None => tr!(
                        "在“人员”中声明第一责任人及其职务，例如：{name}：分局党委书记、局长",
                        "declare the first-responsible and their role under 人员, e.g. {name}：分局党委书记、局长"
                    ),
                };
                ctx.report(
                    span,
                    tr!(
                        "第一责任人“{name}”没有在“人员”中声明",
                        "the first-responsible `{name}` is not declared under `人员`"
                    ),
                )
                .help(help);
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("R005"),
    name: "bad-first-responsible",
    severity: Severity::Error,
    summary: (
        "第一责任人没有声明，或不是领导",
        "the 第一责任人 is not declared, or not a leader",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

方案的“第一责任人”有下列情况之一，诊断指向所写的名字：

- 在“人员”中找不到此人：既不是声明过的姓名，也不是只有一人担任的职务；帮助中给出最接近的已声明姓名；
- 写的是职务，但有几个人都担任这一职务；
- 此人声明的职务里没有任何领导职务用词（配置项 `leader_roles`，如“书记”“局长”），或没有写职务。

没有写第一责任人由 S001 报告；写的是“分局党委”“班子成员”等集体名称由 R006 报告，本规则不重复报告。

## 为什么

党委（党组）主要负责人是巡察整改的第一责任人，要对整改负总责、亲自抓。第一责任人对不上人，或写成了中层干部，主体责任就没有压实，审核时会被退回。

## 错误示例

```
第一责任人：陈国张
人员 {
  陈国强：分局党委书记、局长
}
```

## 正确写法

```
第一责任人：陈国强
人员 {
  陈国强：分局党委书记、局长
}
```
"#,
        en: r#"## What it checks

The plan's `第一责任人` (first-responsible), at the name written, when:

- nobody under `人员` answers to it: neither a declared name nor a post exactly one declared person holds; the help names the closest declared name;
- it is a post several declared people hold;
- the person's declared role holds none of the words of a leader's post (the profile's `leader_roles`: `书记`, `局长`…), or they are declared with no role.

A missing `第一责任人` is S001's; a collective name such as `分局党委` or `班子成员` is R006's and not reported here.

## Why reviewers care

The head of the party committee is the first person responsible for the rectification and must lead it in person. A first-responsible who matches nobody, or who is a middle manager, means the overall responsibility sits with no one, and reviewers send the plan back.

## Example

```
第一责任人：陈国张
人员 {
  陈国强：分局党委书记、局长
}
```

## Use instead

```
第一责任人：陈国强
人员 {
  陈国强：分局党委书记、局长
}
```
"#,
    },
};
