//! R003: a `责任领导` whose declared role is not a leader's.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Person, Plan};
use crate::tr;
use std::borrow::Cow;

pub struct LeaderNotLeader;

/// The profile's leader roles (`leader_roles`), trimmed and lowered once,
/// empty ones left out.
pub(super) fn leader_roles(roles: &[String]) -> Vec<Cow<'_, str>> {
    roles
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .map(crate::suggest::lowercase)
        .collect()
}

/// Whether the declared role of `person` holds one of `roles` (made by
/// [`leader_roles`]), ignoring case. A person declared with no role is not
/// known to be a leader.
pub(super) fn is_leader(person: &Person, roles: &[Cow<str>]) -> bool {
    let Some(role) = &person.role else {
        return false;
    };
    let role = crate::suggest::lowercase(&role.value);
    roles.iter().any(|r| role.contains(r.as_ref()))
}

impl Rule for LeaderNotLeader {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        let roles = leader_roles(&ctx.profile.leader_roles);
        // Whether each declared person is a leader, found at the first look.
        let mut leader: Vec<Option<bool>> = vec![None; plan.people.len()];
        for &measure in ctx.measures {
            let Some(leaders) = measure.leaders.as_ref().and_then(|f| f.get()) else {
                continue;
            };
            for reference in leaders {
                // Undeclared and ambiguous names are S004's.
                let Some(i) = plan.declared_index(reference) else {
                    continue;
                };
                let person = &plan.people[i];
                if *leader[i].get_or_insert_with(|| is_leader(person, &roles)) {
                    continue;
                }
                let name = &reference.name.value;
                let declared = &person.name.value;
                let (message, help) = match &person.role {
                    Some(role) => {
                        let role = &role.value;
                        (
                            tr!(
                                "责任领导“{name}”的职务“{role}”不是领导职务",
                                "the leader `{name}` is declared as `{role}`, which is not a leader's post"
                            ),
                            tr!(
                                "责任领导写分管这项工作的领导（如副局长），{declared}可写为“责任人：{declared}”；若职务写漏了，在“人员”中补全",
                                "name the leader in charge of this work (a deputy head, say) as 责任领导 and write 责任人：{declared}; if {declared}'s role is incomplete, complete it under 人员"
                            ),
                        )
                    }
                    None => (
                        tr!(
                            "责任领导“{name}”在“人员”中没有写职务",
                            "the leader `{name}` is declared under 人员 without a role"
                        ),
                        tr!(
                            "在“人员”中写明职务，例如：{declared}：分局党委委员、副局长",
                            "give the role under 人员, e.g. {declared}：分局党委委员、副局长"
                        ),
                    ),
                };
                ctx.report(reference.name.span, message)
                    .help(help)
                    .secondary(person.span, tr!("在此声明", "declared here"))
                    .node(measure.node());
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("R003"),
    name: "leader-not-leader",
    severity: Severity::Warning,
    summary: (
        "责任领导的职务不是领导职务",
        "a 责任领导 whose declared role is not a leader's",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

“责任领导”中的人在“人员”中声明的职务里，没有任何领导职务用词（如“书记”“局长”“政委”“党委委员”“主任”），或者根本没有写职务。领导职务用词由配置项 `leader_roles` 给出，职务中含有其中一个即可（“副局长”含“局长”）。诊断指向责任领导的名字，并标出此人的声明。没有声明或有歧义的名字由 S004 报告。

## 为什么

责任领导应是分管这项工作的班子成员。让中层干部或一般民警当“责任领导”，等于把领导责任层层下压，审核时会要求改正。

## 错误示例

```
人员 {
  王芳：法制大队大队长
}
措施 A1.2 每季度组织一次侦查办案培训 {
  责任领导：王芳
}
```

## 正确写法

```
人员 {
  李明：分局党委委员、副局长
  王芳：法制大队大队长
}
措施 A1.2 每季度组织一次侦查办案培训 {
  责任领导：李明
  责任人：王芳
}
```
"#,
        en: r#"## What it checks

A person named in `责任领导` whose role, as declared under `人员`, holds none of the words of a leader's post (`书记`, `局长`, `政委`, `党委委员`, `主任`…), or who is declared with no role at all. The words come from the profile's `leader_roles`; holding one is enough (`副局长` holds `局长`). The finding points at the name, with a label at the person's declaration. Undeclared and ambiguous names are S004's.

## Why reviewers care

The leader answerable for a measure must be the member of the leadership in charge of that work. Naming a middle manager or an officer pushes the leaders' responsibility down the ranks, and reviewers ask for it to be corrected.

## Example

```
人员 {
  王芳：法制大队大队长
}
措施 A1.2 每季度组织一次侦查办案培训 {
  责任领导：王芳
}
```

## Use instead

```
人员 {
  李明：分局党委委员、副局长
  王芳：法制大队大队长
}
措施 A1.2 每季度组织一次侦查办案培训 {
  责任领导：李明
  责任人：王芳
}
```
"#,
    },
};

#[cfg(test)]
mod tests {
    use super::{is_leader, leader_roles};
    use crate::model::{Person, Span, Spanned};

    fn person(role: Option<&str>) -> Person {
        Person {
            span: Span::default(),
            name: Spanned::new("李明".into(), Span::default()),
            role: role.map(|r| Spanned::new(r.into(), Span::default())),
            posts: Vec::new(),
        }
    }

    #[test]
    fn a_role_holding_a_leader_word_is_a_leader() {
        let profile = ["局长", " Director"].map(String::from);
        let roles = leader_roles(&profile);
        assert!(is_leader(&person(Some("党委委员、副局长")), &roles));
        assert!(is_leader(&person(Some("deputy director")), &roles));
        assert!(!is_leader(&person(Some("法制大队大队长")), &roles));
        assert!(!is_leader(&person(None), &roles));
        assert!(!is_leader(&person(Some("副局长")), &leader_roles(&[String::new()])));
    }
}
