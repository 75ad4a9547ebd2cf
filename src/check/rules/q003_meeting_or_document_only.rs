//! Q003: a measure whose only deliverable is a meeting or a document
//! (formalism: 以会议落实会议, 以文件落实文件).

use super::e006_regulation_without_title::names_a_title;
use super::q001_vague_measure::{has_quantity, measure_text};
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta, find_word};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::Plan;
use crate::tr;

pub struct MeetingOrDocumentOnly;

impl Rule for MeetingOrDocumentOnly {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _plan: &Plan, ctx: &mut Context) {
        for &measure in ctx.measures {
            if measure.target.is_some() {
                continue;
            }
            let Some((text, span)) = measure_text(measure) else {
                continue;
            };
            let profile = ctx.profile;
            let Some(word) = find_word(text, &profile.meeting_words)
                .or_else(|| find_word(text, &profile.document_words))
            else {
                continue;
            };
            if has_quantity(text, &profile.counters) || names_a_title(text) {
                continue;
            }
            let id = measure.node().unwrap_or_default().to_owned();
            ctx.report(
                span,
                tr!(
                    "措施 {id} 的成果只有“{word}”，有以会议落实会议、以文件落实文件之嫌",
                    "measure {id} delivers only `{word}`: a meeting or a document standing in for a result"
                ),
            )
            .help(tr!(
                "写明会议或文件之后要达到的实际结果，例如：目标：梳理问题线索12条并全部办结；发文的，写出文件全称《…》",
                "say what the meeting or document must achieve, e.g. 目标：梳理问题线索12条并全部办结; for a document, give its full title in 《…》"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("Q003"),
    name: "meeting-or-document-only",
    severity: Severity::Info,
    summary: (
        "措施的成果只是开会或发文",
        "a measure whose only deliverable is a meeting or a document",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

没有“目标”的措施，其文字（标题，没有标题时为“内容”）含有配置 `meeting_words`（“召开专题会议”“传达学习”……）或 `document_words`（“印发通知”“制定方案”……）中的词语，而没有其他可以检验的东西：没有数量（数字后跟 `counters` 中的量词，如“3项”“两次”），也没有用书名号写出的文件名称《…》。诊断指向措施的标题（或内容），并指出是哪个词。

这是按文字做的粗略判断，只是提示：它看不出会议之后有没有真正的行动，也会把“按照通知要求整改”中的“通知”算作发文。写上“目标”或文件全称即可消除；写了日期不算，按时开会仍然只是开会。

## 为什么

“以会议落实会议、以文件落实文件”是中央整治形式主义、为基层减负时点名的突出问题。巡察机构看的是问题有没有解决，开了几次会、发了几份文件本身不是整改成效。

## 错误示例

```rect
措施 A2.1 召开专题会议研究整改工作 {
  责任领导：陈国强
  时限：2024-08-15
}
```

## 正确写法

```rect
措施 A2.1 召开专题会议研究整改工作 {
  责任领导：陈国强
  时限：2024-08-15
  目标：逐条明确12个问题的责任领导、责任部门和完成时限，形成整改台账
}
```
"#,
        en: r#"## What it checks

A measure with no `目标` whose text (its title, else its `内容`) holds a word of the profile's `meeting_words` (`召开专题会议`, `传达学习`…) or `document_words` (`印发通知`, `制定方案`…) and nothing else one could check: no quantity (a numeral followed by a counter of `counters`, as in `3项`, `两次`) and no document title in `《…》`. The finding points at the measure's title (or content) and names the word.

The reading is rough and only a hint: it cannot see whether real action follows the meeting, and it takes the `通知` of `按照通知要求整改` for a document. A `目标` or the document's full title silences it; a date does not, since a meeting held on time is still only a meeting.

## Why reviewers care

"Implementing meetings with meetings and documents with documents" is the formalism the central campaign against formalism (为基层减负) singles out. Inspectors ask whether the problem is solved; meetings held and notices issued are not in themselves a result.

## Example

```rect
措施 A2.1 召开专题会议研究整改工作 {
  责任领导：陈国强
  时限：2024-08-15
}
```

## Use instead

```rect
措施 A2.1 召开专题会议研究整改工作 {
  责任领导：陈国强
  时限：2024-08-15
  目标：逐条明确12个问题的责任领导、责任部门和完成时限，形成整改台账
}
```
"#,
    },
};
