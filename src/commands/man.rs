//! `rectlint man`: man pages made from the command-line definitions.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{self, Cli};
use crate::commands::EXIT_OK;
use crate::commands::RunError;
use crate::tr;

/// `rectlint man`: the pages are made from the clap definitions, so they
/// are never stale.
pub fn run(args: &cli::ManArgs, out: &mut dyn Write) -> Result<u8, RunError> {
    let cmd = Cli::command();
    if let Some(dir) = &args.dir {
        let written =
            std::fs::create_dir_all(dir).and_then(|()| clap_mangen::generate_to(cmd, dir));
        if let Err(e) = written {
            let (shown, e) = (dir.display().to_string(), e.to_string());
            return Err(RunError::Usage(tr!(
                "无法把手册页写入 {shown}：{e}",
                "cannot write the man pages into {shown}: {e}"
            )));
        }
        return Ok(EXIT_OK);
    }
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let page = match &args.command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                return Err(RunError::Usage(tr!(
                    "没有子命令 {name}",
                    "there is no command {name}"
                )));
            }
        },
    };
    clap_mangen::Man::new(page).render(out)?;
    Ok(EXIT_OK)
}
