//! `rectlint explain CODE`: a rule's page, as its file documents it.

use std::io::Write;

use crate::code::Code;
use crate::commands::EXIT_OK;
use crate::commands::RunError;
use crate::diagnostic::Lang;
use crate::{check, suggest, tr};

/// `rectlint explain CODE`.
pub fn run(code: &str, lang: Lang, out: &mut dyn Write) -> Result<u8, RunError> {
    let Some(rule) = Code::parse(&code.to_ascii_uppercase()).and_then(check::rule) else {
        let known: Vec<&str> = check::rules::ALL
            .iter()
            .map(|r| r.meta().code.as_str())
            .collect();
        let guess = suggest::closest(code, known.iter().copied());
        let text = match guess {
            Some(g) => tr!(
                "没有规则 {code}；是否想查 {g}？",
                "there is no rule {code}; did you mean {g}?"
            ),
            None => tr!(
                "没有规则 {code}；用 rectlint rules 查看全部规则",
                "there is no rule {code}; see them all with `rectlint rules`"
            ),
        };
        return Err(RunError::Usage(text));
    };
    let meta = rule.meta();
    let severity = meta.severity.word(lang);
    let fixable = match (meta.fix, lang) {
        (check::Fixable::Safe, Lang::Zh) => "，可自动修复（--fix）",
        (check::Fixable::Safe, Lang::En) => ", fixable with --fix",
        (check::Fixable::Unsafe, Lang::Zh) => "，可自动修复（--fix --unsafe-fixes，修复后请核对）",
        (check::Fixable::Unsafe, Lang::En) => {
            ", fixable with --fix --unsafe-fixes (check the result)"
        }
        (check::Fixable::No, _) => "",
    };
    writeln!(out, "# {} {}（{severity}{fixable}）", meta.code, meta.name)?;
    writeln!(out)?;
    writeln!(out, "{}", meta.summary(lang))?;
    writeln!(out)?;
    write!(out, "{}", meta.doc(lang))?;
    Ok(EXIT_OK)
}
