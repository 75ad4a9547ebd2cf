//! The front ends: one module per subcommand. They read the command line's
//! arguments, call the core ([`crate::engine`]) and the reporters, and
//! write files; nothing below this layer prints or exits.

pub mod check;
pub mod explain;
pub mod fmt;
pub mod man;
pub mod rules;
pub mod walk;

use std::io;

use crate::config::ConfigError;
use crate::diagnostic::Text;

/// Exit code: nothing at or above the failing severity.
pub const EXIT_OK: u8 = 0;
/// Exit code: findings at or above the failing severity.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: the run could not be done.
pub const EXIT_FAILURE: u8 = 2;

/// Why a run could not be done (exit code 2).
#[derive(Debug)]
pub enum RunError {
    /// A message for the user.
    Usage(Text),
    Config(ConfigError),
    Io(io::Error),
}

impl From<ConfigError> for RunError {
    fn from(e: ConfigError) -> Self {
        RunError::Config(e)
    }
}

impl From<io::Error> for RunError {
    fn from(e: io::Error) -> Self {
        RunError::Io(e)
    }
}
