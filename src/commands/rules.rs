//! `rectlint rules`: every rule and its severity under the active profile.

use std::io::Write;

use crate::commands::EXIT_OK;
use crate::commands::RunError;
use crate::diagnostic::Lang;
use crate::{check, cli, config};

/// `rectlint rules`.
pub fn run(args: &cli::RulesArgs, lang: Lang, out: &mut dyn Write) -> Result<u8, RunError> {
    let cwd = std::env::current_dir()?;
    let overrides = config::Overrides {
        profile: args.config.profile.clone(),
        config: args.config.config.as_ref().map(|c| cwd.join(c)),
        allow_redaction: false,
    };
    let resolved = config::resolve(&cwd, &overrides)?;
    let profile = &resolved.profile;
    let active = match lang {
        Lang::Zh => format!("当前配置：{}", profile.name),
        Lang::En => format!("active profile: {}", profile.name),
    };
    writeln!(out, "{active}")?;
    for rule in check::rules::ALL {
        let meta = rule.meta();
        let level = match profile.level(meta.code, meta.severity).severity() {
            Some(s) => s.as_str(),
            None => "off",
        };
        writeln!(
            out,
            "{}  {:<7}  {:<7}  {}",
            meta.code,
            meta.severity.as_str(),
            level,
            meta.summary(lang)
        )?;
    }
    Ok(EXIT_OK)
}
