//! Suppression comments applied to the findings, and the ones that silence
//! nothing reported (P006).

use crate::config::{Level, Profile};
use crate::diagnostic::Diagnostic;
use crate::model::{Suppression, SuppressionScope};
use crate::{suggest, tr};

/// Codes a suppression may not silence: a syntax error is never hidden, and
/// the findings about suppressions themselves are not suppressible.
const UNSUPPRESSIBLE: [&str; 2] = ["P001", "P006"];

/// Drop the findings the suppressions silence; report the suppressions (or
/// codes) that silence nothing. `complete` says whether every rule ran (it
/// did not when the file has syntax errors), so that "silences nothing" can
/// be told.
pub(super) fn apply(
    suppressions: &[Suppression],
    found: &mut Vec<Diagnostic>,
    profile: &Profile,
    complete: bool,
) {
    let mut used: Vec<Vec<bool>> = suppressions
        .iter()
        .map(|s| vec![false; s.codes.len()])
        .collect();
    found.retain(|d| {
        if UNSUPPRESSIBLE.contains(&d.code.as_str()) {
            return true;
        }
        let at = d.primary.span.start;
        let mut silenced = false;
        for (s, used) in suppressions.iter().zip(used.iter_mut()) {
            let covers = match s.scope {
                SuppressionScope::File => true,
                SuppressionScope::Node(span) => span.start <= at && at <= span.end,
                SuppressionScope::Nothing => false,
            };
            if !s.effective || !covers {
                continue;
            }
            for (code, used) in s.codes.iter().zip(used.iter_mut()) {
                if code.value == d.code {
                    *used = true;
                    silenced = true;
                }
            }
        }
        !silenced
    });

    let known: Vec<&str> = super::rules::ALL.iter().map(|r| r.meta().code).collect();
    for (s, used) in suppressions.iter().zip(&used) {
        if !s.effective {
            continue;
        }
        if s.scope == SuppressionScope::Nothing {
            found.push(
                Diagnostic::new(
                    "P006",
                    s.span,
                    tr!(
                        "这条抑制注释后面没有块或字段，它不起作用",
                        "nothing follows this suppression, so it silences nothing"
                    ),
                )
                .with_help(tr!(
                    "把它写在要抑制的块或字段的上一行",
                    "put it on the line just above the block or field it is for"
                )),
            );
            continue;
        }
        for (code, &used) in s.codes.iter().zip(used) {
            let name = &code.value;
            match super::rule(name) {
                None => {
                    let guess = suggest::closest(name, known.iter().copied());
                    let help = match guess {
                        Some(g) => tr!("是否想写 {g}？", "did you mean {g}?"),
                        None => tr!(
                            "用 rectlint rules 查看所有规则代码",
                            "see every code with `rectlint rules`"
                        ),
                    };
                    found.push(
                        Diagnostic::new(
                            "P006",
                            code.span,
                            tr!("没有规则 {name}", "there is no rule {name}"),
                        )
                        .with_help(help),
                    );
                }
                Some(rule) => {
                    let meta = rule.meta();
                    let off = profile.level(meta.code, meta.severity) == Level::Off;
                    if complete && !used && !off && !UNSUPPRESSIBLE.contains(&meta.code) {
                        found.push(
                            Diagnostic::new(
                                "P006",
                                code.span,
                                tr!(
                                    "抑制的 {name} 在此处没有发现问题",
                                    "{name} finds nothing here to silence"
                                ),
                            )
                            .with_help(tr!(
                                "删除不再需要的抑制注释",
                                "remove the suppression, it is no longer needed"
                            )),
                        );
                    }
                }
            }
        }
    }
}
