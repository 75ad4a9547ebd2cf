//! Q001: a measure that cannot be checked: no `目标`, and its text holds only
//! vague verbs, with no number, date or named deliverable. Also the small
//! readers of "something checkable" that Q003 shares.

use super::e006_regulation_without_title::names_a_title;
use crate::check::{Context, Doc, Fixable, Rule, RuleMeta, find_word};
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::model::{Measure, Plan, Span};
use crate::tr;

pub struct VagueMeasure;

/// A character of a written number: `0-9`, `０-９`, or a Chinese numeral.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "零〇一二两三四五六七八九十百千万亿".contains(c)
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Every run of numerals in `text`: (the run, the text after it). A `.`
/// between digits (`95.5`) belongs to the run.
fn numerals(text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|&(_, n)| is_digit(n));
        let inside = is_numeral(c)
            || (c == '.' && next_is_digit && start.is_some_and(|s| text[s..at].ends_with(is_digit)));
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push((&text[s..at], &text[at..]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((&text[s..], ""));
    }
    out
}

/// Whether the text holds a quantity: a numeral followed by one of the
/// profile's `counters` (`3项`, `两次`, `95%`, `100余人`).
pub(super) fn has_quantity(text: &str, counters: &[String]) -> bool {
    numerals(text).into_iter().any(|(_, after)| {
        let after = after.trim_start_matches([' ', '\u{3000}']);
        let after = after
            .strip_prefix(['余', '多'])
            .unwrap_or(after)
            .trim_start_matches([' ', '\u{3000}']);
        counters
            .iter()
            .any(|c| !c.is_empty() && after.starts_with(c.as_str()))
    })
}

/// Whether the text holds a date: digits followed by 年, 月, 日 or 号
/// (`2024年`, `9月底`, `30日前`), a Chinese numeral followed by 月 or 季度
/// (`九月底`, `第三季度`), or `2024-09-30`, `2024/9/30`, `2024.9.30`.
fn has_date(text: &str) -> bool {
    numerals(text).into_iter().any(|(run, after)| {
        let digits = run.chars().all(|c| is_digit(c) || c == '.');
        if digits {
            let iso = run.chars().filter(|c| is_digit(*c)).count() == 4
                && after.starts_with(['-', '/', '.'])
                && after.chars().nth(1).is_some_and(is_digit);
            iso || after.starts_with(['年', '月', '日', '号'])
        } else {
            after.starts_with('月') || after.starts_with("季度")
        }
    })
}

/// Whether the text holds something a reviewer can check: a quantity, a date
/// or a named deliverable (`《…》`).
pub(super) fn is_checkable(text: &str, counters: &[String]) -> bool {
    has_quantity(text, counters) || has_date(text) || names_a_title(text)
}

/// The measure's text (its title, else its `内容`) and where it is.
pub(super) fn measure_text(measure: &Measure) -> Option<(&str, Span)> {
    if let Some(title) = &measure.header.title {
        return Some((title.value.as_str(), title.span));
    }
    let content = measure.content.as_ref()?;
    Some((content.get()?.as_str(), content.value_span))
}

impl Rule for VagueMeasure {
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
            let Some(phrase) = find_word(text, &ctx.profile.vague_phrases) else {
                continue;
            };
            // A vague title with a checkable `内容` is fine: the content says
            // what will be delivered.
            let content = measure.content.as_ref().and_then(|c| c.get());
            if is_checkable(text, &ctx.profile.counters)
                || content.is_some_and(|c| is_checkable(c, &ctx.profile.counters))
            {
                continue;
            }
            let id = measure.node().unwrap_or_default().to_owned();
            ctx.report(
                span,
                tr!(
                    "措施 {id} 只说“{phrase}”，没有目标、数量、时间或具体成果，无法检验",
                    "measure {id} only says `{phrase}`: with no target, number, date or named deliverable it cannot be checked"
                ),
            )
            .help(tr!(
                "增加一行“目标：”写明可检验的结果，例如：目标：2024年9月底前修订《…》1项，培训民警100人次；或在措施中写明数量、时间或文件名称",
                "add a `目标：` line with a result one can check, e.g. 目标：2024年9月底前修订《…》1项，培训民警100人次; or put a number, a date or the document's title in the measure"
            ))
            .node(measure.node());
        }
    }
}

static META: RuleMeta = RuleMeta {
    code: Code::new("Q001"),
    name: "vague-measure",
    severity: Severity::Warning,
    summary: (
        "措施只有“进一步加强”之类的表述，无法检验",
        "a measure of vague verbs only, which cannot be checked",
    ),
    fix: Fixable::No,
    doc: Doc {
        zh: r#"## 检查什么

没有“目标”的措施，其文字（标题，没有标题时为“内容”）含有配置 `vague_phrases` 中的空泛表述（“进一步加强”“持续推进”“不断提升”……），而标题和“内容”中都没有任何可以检验的东西：

- 数量：数字（阿拉伯数字或一二三、两、十、百等汉字数字）后跟配置 `counters` 中的量词，如“3项”“两次”“95%”“100余人”；
- 时间：数字后跟“年、月、日、号”，如“2024年”“9月底”，汉字数字后跟“月”或“季度”，如“九月底”“第三季度”，以及“2024-09-30”这样的日期；
- 具体成果：用书名号写出的文件名称《…》。

诊断指向措施的标题（或内容），并指出是哪个表述。这是按文字做的简单判断：“一次性”中的“一次”也会被当作数量。

## 为什么

“进一步加强”“持续推进”说的是态度，不是结果：做到什么程度算完成，谁也说不清，到期无法验收，正是巡察反馈中常见的“整改措施空泛、针对性不强”。

## 错误示例

```rect
措施 A1.3 进一步加强队伍建设 {
  责任领导：李明
  时限：2024-12-31
}
```

## 正确写法

```rect
措施 A1.3 进一步加强队伍建设 {
  责任领导：李明
  时限：2024-12-31
  目标：修订《民警教育培训管理办法》1项，全年培训民警200人次
}
```
"#,
        en: r#"## What it checks

A measure with no `目标` whose text (its title, else its `内容`) holds a vague phrase of the profile's `vague_phrases` (`进一步加强`, `持续推进`, `不断提升`…), while neither its title nor its `内容` holds anything one could check:

- a quantity: a numeral (Arabic, or Chinese such as 一, 两, 十, 百) followed by a counter of the profile's `counters`: `3项`, `两次`, `95%`, `100余人`;
- a date: digits followed by 年, 月, 日 or 号 (`2024年`, `9月底`), a Chinese numeral followed by 月 or 季度 (`九月底`, `第三季度`), or `2024-09-30`;
- a named deliverable: a document title in `《…》`.

The finding points at the measure's title (or content) and names the phrase. The reading is deliberately simple: the `一次` of `一次性` counts as a quantity.

## Why reviewers care

"Strengthen further" and "keep promoting" state an attitude, not a result: nobody can say when it is done, so it cannot be accepted when due. Vague measures are among the commonest faults inspectors report back.

## Example

```rect
措施 A1.3 进一步加强队伍建设 {
  责任领导：李明
  时限：2024-12-31
}
```

## Use instead

```rect
措施 A1.3 进一步加强队伍建设 {
  责任领导：李明
  时限：2024-12-31
  目标：修订《民警教育培训管理办法》1项，全年培训民警200人次
}
```
"#,
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    fn counters() -> Vec<String> {
        ["项", "次", "人", "%", "个百分点"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn quantities() {
        let c = counters();
        for text in ["制定制度3项", "培训两次", "达到95.5%", "100余人", "提高 5 个百分点", "１２项"] {
            assert!(has_quantity(text, &c), "{text}");
        }
        for text in ["进一步加强", "持续推进第3", "统一思想", "3"] {
            assert!(!has_quantity(text, &c), "{text}");
        }
    }

    #[test]
    fn dates() {
        for text in ["2024年底前", "9月底", "30日前", "九月底", "第三季度", "2024-09-30", "2024/9/1"] {
            assert!(has_date(text), "{text}");
        }
        for text in ["年底前", "三年", "2024", "进一步加强", "第3-4条"] {
            assert!(!has_date(text), "{text}");
        }
    }
}
