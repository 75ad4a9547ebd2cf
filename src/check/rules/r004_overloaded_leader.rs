//! R004: one leader answers for more than `max_measures_per_leader`
//! measures.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct OverloadedLeader;

impl Rule for OverloadedLeader {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        // Measures per declared person, in the order of 人员.
        let mut counts = vec![0_usize; plan.people.len()];
        let mut seen = Vec::new();
        for &measure in ctx.measures {
            let Some(leaders) = measure.leaders.as_ref().and_then(|f| f.get()) else {
                continue;
            };
            // A person named twice in one measure answers for it once.
            seen.clear();
            for reference in leaders {
                if let Some(i) = plan.declared_index(reference)
                    && !seen.contains(&i)
                {
                    seen.push(i);
                    counts[i] += 1;
                }
            }
        }
        let max = ctx.profile.max_measures_per_leader;
        for (person, count) in plan.people.iter().zip(counts) {
            if u32::try_from(count).map_or(true, |c| c > max) {
                let name = &person.name.value;
                ctx.report(
                    person.name.span,
                    tr!(
                        "{name}担任 {count} 项措施的责任领导，超过 {max} 项",
                        "{name} is the leader of {count} measures, more than {max}"
                    ),
                )
                .help(tr!(
                    "按分工把部分措施交由其他分管领导负责；若确需如此，可在 rectlint.toml 中调整 max_measures_per_leader",
                    "share the measures out among the leaders by their portfolios; if this is how it must be, raise max_measures_per_leader in rectlint.toml"
                ));
            }
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("R004"),
    name: "overloaded-leader",
    severity: Severity::Info,
    summary: (
        "一位领导担任责任领导的措施过多",
        "one leader answers for more than max_measures_per_leader measures",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

一位声明过的人担任“责任领导”的措施数超过配置项 `max_measures_per_leader`（巡察配置默认 15 项）。用职务指代的（如“局长”）算在担任该职务的人名下；同一措施中写了两次只算一次。每人只报告一条，指向“人员”中此人的声明，并说明共多少项。

## 为什么

一个人名下挂了大量措施，通常说明分工没有落实到分管领导，“一把手”包揽一切，实际难以一一督办。

## 错误示例

以 `rectlint.toml` 中设 `max_measures_per_leader = 2` 为例：

```
人员 {
  陈国强：分局党委书记、局长
  李明：分局党委委员、副局长
}
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：陈国强
}
措施 A1.2 组织侦查办案培训 {
  责任领导：陈国强
}
措施 A2.1 开展执法案卷评查 {
  责任领导：陈国强
}
```

## 正确写法

按分工分配，执法办案类措施由分管副局长负责：

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：陈国强
}
措施 A1.2 组织侦查办案培训 {
  责任领导：李明
}
措施 A2.1 开展执法案卷评查 {
  责任领导：李明
}
```
"#,
        en: r#"## What it checks

One declared person is the `责任领导` of more measures than the profile's `max_measures_per_leader` (15 in the default profile). A leader named by a post (`局长`) counts for the person who holds it; a person named twice in one measure counts once. Each person gets one finding, at their declaration under `人员`, with the count.

## Why reviewers care

A long list of measures under one name usually means the work was not divided among the leaders in charge: the head takes on everything and cannot follow each item up.

## Example

With `max_measures_per_leader = 2` set in `rectlint.toml`:

```
人员 {
  陈国强：分局党委书记、局长
  李明：分局党委委员、副局长
}
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：陈国强
}
措施 A1.2 组织侦查办案培训 {
  责任领导：陈国强
}
措施 A2.1 开展执法案卷评查 {
  责任领导：陈国强
}
```

## Use instead

Share the measures out by portfolio, the law-enforcement ones to the deputy in charge:

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：陈国强
}
措施 A1.2 组织侦查办案培训 {
  责任领导：李明
}
措施 A2.1 开展执法案卷评查 {
  责任领导：李明
}
```
"#,
    },
};
