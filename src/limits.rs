//! Tuning constants shared by several layers: a leaf module, imported from
//! anywhere, importing nothing of the crate.

/// Files at least this long have their issues lowered and their rules run
/// on every core (their lines are read in parallel from 1 MB); a single file
/// under it is checked with one worker.
pub const PARALLEL_FILE_BYTES: usize = 256 * 1024;
