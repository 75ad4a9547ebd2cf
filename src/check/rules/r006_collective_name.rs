//! R006: a collective or vague name where a leader or department must be
//! named. The test for such a name is shared with S004 and S005, which leave
//! these names to this rule.

use crate::check::{Context, Doc, Fixable, Rule, RuleMeta};
use crate::code::Code;
use crate::diagnostic::{Severity, Text};
use crate::model::{Field, Plan, Span};
use std::rc::Rc;

use crate::suggest::{lowercase, lowers_to_itself, trim};
use crate::tr;

pub struct CollectiveName;

/// The name without a note in parentheses at its end: `刑侦大队（牵头）` →
/// `刑侦大队`.
pub(super) fn strip_note(name: &str) -> &str {
    let name = trim(name);
    let Some(open) = name
        .strip_suffix(['）', ')'])
        .and_then(|rest| rest.rfind(['（', '(']))
    else {
        return name;
    };
    let bare = name[..open].trim_end();
    if bare.is_empty() { name } else { bare }
}

/// The collective word `name` is, or ends with, among `words` (the profile's
/// `collective_names`); the longest one. A name is collective when what it
/// finally names is the collective: `神湾分局党委` ends with `党委`, while in
/// `分局党委书记` the collective word only says whose secretary it is.
#[cfg(test)]
pub(super) fn collective(name: &str, words: &[String]) -> Option<String> {
    Collective::of(words).find(name).map(str::to_owned)
}

/// The profile's collective words, trimmed and lowered once for the many
/// names a rule looks at.
pub(super) struct Collective {
    /// Each word as written (trimmed), lowered, and its length in characters.
    words: Vec<(String, String, usize)>,
    /// The words ending in each character (lowered), in order: a name can
    /// only end with those ending in its own last character.
    by_last: rustc_hash::FxHashMap<char, Vec<usize>>,
    /// Bit `c % 64` set for every character `c` of `by_last`: most names
    /// are told by it alone.
    last_bits: u64,
}

/// The bit of a character in [`Collective::last_bits`].
fn last_bit(c: char) -> u64 {
    1 << (u32::from(c) % 64)
}

thread_local! {
    /// The collective words of the last list seen on this thread, with the
    /// list: every plan of a run shares its profile's, and four rules ask.
    static MADE: super::PerList<Collective> = const { super::PerList::new() };
}

impl Collective {
    /// The collective words of the list `words`.
    pub(super) fn of(words: &[String]) -> Rc<Self> {
        let Ok(collective) = MADE.with(|made| {
            made.get(words, || Ok::<_, std::convert::Infallible>(Self::new(words)))
        });
        collective
    }

    fn new(words: &[String]) -> Self {
        let words: Vec<(String, String, usize)> = words
            .iter()
            .map(|w| w.trim())
            .filter(|w| !w.is_empty())
            .map(|w| (w.to_owned(), lowercase(w).into_owned(), w.chars().count()))
            .collect();
        let mut by_last = rustc_hash::FxHashMap::<char, Vec<usize>>::default();
        for (i, (_, lower, _)) in words.iter().enumerate() {
            if let Some(last) = lower.chars().next_back() {
                by_last.entry(last).or_default().push(i);
            }
        }
        let last_bits = by_last.keys().fold(0, |bits, &c| bits | last_bit(c));
        Collective {
            words,
            by_last,
            last_bits,
        }
    }

    /// The collective word `name` is, or ends with; the longest one (the
    /// last of those as long).
    pub(super) fn find(&self, name: &str) -> Option<&str> {
        // Most names end in a character no collective word ends in: tell
        // so before lowering and stripping the name (a name ending in white
        // space or a note takes the long way).
        if let Some(last) = name.chars().next_back()
            && !last.is_whitespace()
            && !matches!(last, ')' | '）')
            && (last.is_ascii() || lowers_to_itself(last))
        {
            let last = last.to_ascii_lowercase();
            if self.last_bits & last_bit(last) == 0 || !self.by_last.contains_key(&last) {
                return None;
            }
        }
        let name = lowercase(strip_note(name));
        let last = name.chars().next_back()?;
        self.by_last
            .get(&last)?
            .iter()
            .map(|&i| &self.words[i])
            .filter(|(_, lower, _)| name.ends_with(lower.as_str()))
            .max_by_key(|(_, _, len)| *len)
            .map(|(w, _, _)| w.as_str())
    }
}

/// What a field asks for, to say what to write instead.
#[derive(Clone, Copy)]
enum Wants {
    Leader,
    Department,
    Assisting,
    Assignee,
    FirstResponsible,
}

impl Wants {
    fn help(self) -> Text {
        match self {
            Wants::Leader => tr!(
                "写明分管这项工作的一位领导，例如：责任领导：李明",
                "name the one leader in charge, e.g. 责任领导：李明"
            ),
            Wants::Department => tr!(
                "写明牵头的具体部门，例如：责任部门：刑侦大队",
                "name the department that leads, e.g. 责任部门：刑侦大队"
            ),
            Wants::Assisting => tr!(
                "逐个写明配合的部门，例如：配合部门：法制大队、治安大队",
                "name each assisting department, e.g. 配合部门：法制大队、治安大队"
            ),
            Wants::Assignee => tr!(
                "写明具体经办的人，例如：责任人：王芳",
                "name the officer who does the work, e.g. 责任人：王芳"
            ),
            Wants::FirstResponsible => tr!(
                "写明党委（党组）主要负责人本人，例如：第一责任人：陈国强",
                "name the head of the party committee in person, e.g. 第一责任人：陈国强"
            ),
        }
    }
}

impl Rule for CollectiveName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, plan: &Plan, ctx: &mut Context) {
        let words = Collective::of(&ctx.profile.collective_names);
        if let Some(field) = &plan.first_responsible
            && let Some(person) = field.get()
        {
            report(ctx, &words, field, &person.name.value, person.name.span, Wants::FirstResponsible, None);
        }
        for &measure in ctx.measures {
            let node = measure.node();
            for (field, wants) in [(&measure.leaders, Wants::Leader), (&measure.assignees, Wants::Assignee)] {
                let Some(field) = field else { continue };
                for person in field.get().into_iter().flatten() {
                    report(ctx, &words, field, &person.name.value, person.name.span, wants, node);
                }
            }
            for (field, wants) in [
                (&measure.departments, Wants::Department),
                (&measure.assisting, Wants::Assisting),
            ] {
                let Some(field) = field else { continue };
                for name in field.get().into_iter().flatten() {
                    report(ctx, &words, field, &name.value, name.span, wants, node);
                }
            }
        }
    }
}

/// Report `name` if it is collective.
fn report<T>(
    ctx: &mut Context,
    words: &Collective,
    field: &Field<T>,
    name: &str,
    span: Span,
    wants: Wants,
    node: Option<&str>,
) {
    let Some(word) = words.find(name) else {
        return;
    };
    let key = ctx
        .text
        .get(field.key_span.range())
        .unwrap_or_default()
        .to_owned();
    let name = strip_note(name);
    let message = if word == name {
        tr!(
            "“{name}”是集体或笼统的名称，不能作为{key}",
            "`{name}` is a collective or vague name and cannot be the {key}"
        )
    } else {
        tr!(
            "“{name}”是集体或笼统的名称（{word}），不能作为{key}",
            "`{name}` is a collective or vague name ({word}) and cannot be the {key}"
        )
    };
    ctx.report(span, message).help(wants.help()).node(node);
}

static META: RuleMeta = RuleMeta {
    code: Code::new("R006"),
    name: "collective-name",
    severity: Severity::Warning,
    summary: (
        "应写具体领导或部门的地方写了集体或笼统的名称",
        "a collective or vague name where a leader or department must be named",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

“责任领导”“责任部门”“配合部门”“责任人”和“第一责任人”中写了集体或笼统的名称，如“各单位”“相关部门”“全局”“分局党委”“班子成员”。这些词由配置项 `collective_names` 给出。

判断方法：去掉名称末尾括号中的说明后，名称就是这个词，或以这个词结尾（名称所指的就是那个集体），即为笼统名称。所以“分局党委”“神湾分局党委”会报告，而“分局党委书记”不会：它以“书记”结尾，指的是一个人，“分局党委”只是说明是谁的书记。同理“党委办公室”是一个具体部门，不会报告。比较时不区分英文大小写。

这样的名称不再由 S004（人员未声明）和 S005（部门未声明）重复报告。

## 为什么

整改要求责任到人、到部门。“相关部门负责”“班子成员共同负责”等于谁都不负责，销号和问责时找不到对象，是审核中最常被退回的写法之一。

## 错误示例

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：分局党委
  责任部门：相关部门
  时限：2024-09-30
}
```

## 正确写法

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  配合部门：法制大队
  时限：2024-09-30
}
```
"#,
        en: r#"## What it checks

A collective or vague name in `责任领导`, `责任部门`, `配合部门`, `责任人` or `第一责任人`, such as `各单位` (every unit), `相关部门` (the departments concerned), `全局` (the whole bureau), `分局党委` (the bureau's party committee) or `班子成员` (the leadership team). The words come from the profile's `collective_names`.

How it decides: after dropping a note in parentheses at the end, the name is one of those words or ends with one (what it names is the collective itself). So `分局党委` and `神湾分局党委` are reported, while `分局党委书记` is not: it ends with `书记` and names a person, `分局党委` only saying whose secretary. Likewise `党委办公室` is a department and is not reported. ASCII case is ignored.

S004 (undeclared person) and S005 (undeclared department) leave such names to this rule.

## Why reviewers care

Rectification must be answered for by a named person and a named department. "The departments concerned" or "the leadership team as a whole" means nobody in particular, so there is no one to close the item with or to hold to account; reviewers send such plans back.

## Example

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：分局党委
  责任部门：相关部门
  时限：2024-09-30
}
```

## Use instead

```
措施 A1.1 建立全警捆绑办案体系 {
  责任领导：李明
  责任部门：刑侦大队
  配合部门：法制大队
  时限：2024-09-30
}
```
"#,
    },
};

#[cfg(test)]
mod tests {
    use super::{collective, strip_note};

    fn words() -> Vec<String> {
        ["党委", "分局党委", "相关部门", "全体民警", "All Departments"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn a_note_at_the_end_is_dropped() {
        assert_eq!(strip_note("刑侦大队（牵头）"), "刑侦大队");
        assert_eq!(strip_note("李明 (副局长)"), "李明");
        assert_eq!(strip_note("（牵头）"), "（牵头）");
        assert_eq!(strip_note("办公室"), "办公室");
        assert_eq!(strip_note("办公室）"), "办公室）");
    }

    #[test]
    fn the_name_must_end_with_the_collective_word() {
        let words = words();
        let found = |name: &str| collective(name, &words);
        assert_eq!(found("分局党委").as_deref(), Some("分局党委"));
        assert_eq!(found("神湾分局党委").as_deref(), Some("分局党委"));
        assert_eq!(found("中共某局党委").as_deref(), Some("党委"));
        assert_eq!(found("相关部门（牵头）").as_deref(), Some("相关部门"));
        assert_eq!(found("all departments").as_deref(), Some("All Departments"));
        assert_eq!(found("ALL DEPARTMENTS").as_deref(), Some("All Departments"));
        assert_eq!(found("相关部门 (牵头) ").as_deref(), Some("相关部门"));
        assert_eq!(found("\u{3000}分局党委\u{3000}").as_deref(), Some("分局党委"));
        assert_eq!(collective("分局党委书记", &words), None);
        assert_eq!(collective("党委办公室", &words), None);
        assert_eq!(collective("全体民警代表王芳", &words), None);
        assert_eq!(collective("", &words), None);
        // `妔` (U+5994) shares the quick test's bit with `委` (U+59D4).
        assert_eq!(collective("王妔", &words), None);
        assert_eq!(found("某局党委\t").as_deref(), Some("党委"));
        assert_eq!(collective("党委", &[String::new()]), None);
    }
}
