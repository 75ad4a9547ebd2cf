//! Finding the files of a run: paths named on the command line, folders
//! walked (honouring `.gitignore`, in parallel), `--exclude`, `--shard`, and
//! the scope a baseline answers for.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use crate::cli::Shard;
use crate::commands::RunError;
use crate::{config, hash, tr};

/// The extension of plan files.
pub const PLAN_EXTENSION: &str = "rect";

/// One input of the run.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Input {
    /// The path as shown.
    pub display: String,
    /// Where to read it (`None`: standard input).
    pub path: Option<PathBuf>,
    /// Its absolute path, if it has one (for configuration and evidence).
    pub absolute: Option<PathBuf>,
}

/// The files to check, walking folders the default way (see
/// [`collect_walking`]).
pub(crate) fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    cwd: &Path,
) -> Result<Vec<Input>, RunError> {
    collect_walking(paths, stdin_name, cwd, &Walk::default())
}

/// How folders are walked.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// `--exclude`.
    pub exclude: Exclude,
    /// Threads (0: all cores).
    pub threads: usize,
}

/// The files to check: explicit files always (even if ignored or
/// excluded), folders walked for `*.rect` (in parallel with three threads or
/// more), `-` for standard input; sorted by shown path, each once.
///
/// A walk honours `.gitignore` files (in every folder, and in the folders
/// above the one named, also outside a git repository, since a copied or
/// exported document folder keeps its `.gitignore` and means it),
/// `.git/info/exclude` and `.ignore` files, skips hidden files and folders,
/// and skips what `--exclude` matches. Git's global excludes file is not
/// read: a run must find the same files on every machine.
pub(crate) fn collect_walking(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
    cwd: &Path,
    walk: &Walk,
) -> Result<Vec<Input>, RunError> {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut inputs = BTreeMap::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let absolute = stdin_name.map(|n| config::normalize(&cwd.join(n)));
            let display = stdin_name.map_or_else(|| "<stdin>".to_owned(), |n| shown(n, cwd));
            inputs.insert(
                (display.clone(), Vec::new()),
                Input {
                    display,
                    path: None,
                    absolute,
                },
            );
            continue;
        }
        let metadata = std::fs::metadata(path).map_err(|e| {
            let shown = path.display().to_string();
            let error = e.to_string();
            RunError::Usage(tr!(
                "无法访问 {shown}：{error}",
                "cannot access {shown}: {error}"
            ))
        })?;
        if metadata.is_dir() {
            // What the walk adds to the folder's path is names read from
            // folders (never `.` or `..`): joined to the folder's absolute
            // path, they need no normalising.
            let folder = config::normalize(&cwd.join(path));
            for file in walk_folder(path, cwd, walk)? {
                let absolute = file
                    .strip_prefix(path)
                    .map_or_else(|_| config::normalize(&cwd.join(&file)), |r| folder.join(r));
                insert_file(&mut inputs, &file, absolute, cwd);
            }
        } else {
            insert_file(&mut inputs, path, config::normalize(&cwd.join(path)), cwd);
        }
    }
    Ok(inputs.into_values().collect())
}

/// Every plan file below `root`, in no particular order.
fn walk_folder(root: &Path, cwd: &Path, walk: &Walk) -> Result<Vec<PathBuf>, RunError> {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .require_git(false)
        .git_global(false)
        .threads(walk.threads);
    if !walk.exclude.is_empty() {
        let exclude = Arc::new(walk.exclude.clone());
        let (root, cwd) = (root.to_path_buf(), cwd.to_path_buf());
        builder.filter_entry(move |entry| {
            entry.depth() == 0 || !exclude.matches(entry.path(), &root, &cwd)
        });
    }
    let found = Mutex::new(Vec::new());
    let errors = Mutex::new(Vec::new());
    let visit = |entry: Result<ignore::DirEntry, ignore::Error>| match entry {
        Ok(entry) => {
            let is_plan = entry.file_type().is_some_and(|t| t.is_file())
                && entry
                    .path()
                    .extension()
                    .is_some_and(|e| e == PLAN_EXTENSION);
            if is_plan {
                found
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(entry.into_path());
            }
        }
        Err(e) => errors
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(e.to_string()),
    };
    let threads = match walk.threads {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
        n => n,
    };
    if threads < PARALLEL_WALK_THREADS {
        builder.build().for_each(visit);
    } else {
        builder.build_parallel().run(|| {
            Box::new(|entry| {
                visit(entry);
                ignore::WalkState::Continue
            })
        });
    }
    let mut errors = errors.into_inner().unwrap_or_else(PoisonError::into_inner);
    errors.sort();
    if let Some(first) = errors.into_iter().next() {
        return Err(RunError::Io(io::Error::other(first)));
    }
    Ok(found.into_inner().unwrap_or_else(PoisonError::into_inner))
}

/// Folders are walked in parallel with at least this many threads: with
/// fewer, the parallel walker's threads cost more than they share (2,000
/// plans in one folder: 3.7 ms walked in order, 6.2 ms on two threads).
const PARALLEL_WALK_THREADS: usize = 3;

/// `--exclude`: globs with a `/` match the path from the working directory
/// (`plans/old/**`, `*/draft-*.rect`); globs without one match any single
/// name below the folder being walked (`drafts`, `*.draft.rect`). `*` stops
/// at `/`, `**` does not; a leading `./` and a trailing `/` are dropped. A
/// folder that matches is not entered.
#[derive(Clone, Debug, Default)]
pub(crate) struct Exclude {
    anchored: globset::GlobSet,
    anywhere: globset::GlobSet,
}

impl Exclude {
    pub(crate) fn new(globs: &[String]) -> Result<Self, RunError> {
        let mut anchored = globset::GlobSetBuilder::new();
        let mut anywhere = globset::GlobSetBuilder::new();
        for glob in globs {
            let mut pattern = glob.as_str();
            while let Some(rest) = pattern.strip_prefix("./") {
                pattern = rest;
            }
            let pattern = pattern.trim_end_matches('/');
            let compiled = globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| {
                    let e = e.to_string();
                    RunError::Usage(tr!(
                        "--exclude 的模式无效：{e}",
                        "--exclude has an invalid glob: {e}"
                    ))
                })?;
            if pattern.contains('/') {
                anchored.add(compiled);
            } else {
                anywhere.add(compiled);
            }
        }
        let build = |set: globset::GlobSetBuilder| {
            set.build().map_err(|e| {
                let e = e.to_string();
                RunError::Usage(tr!(
                    "--exclude 的模式无效：{e}",
                    "--exclude has an invalid glob: {e}"
                ))
            })
        };
        Ok(Self {
            anchored: build(anchored)?,
            anywhere: build(anywhere)?,
        })
    }

    fn is_empty(&self) -> bool {
        self.anchored.is_empty() && self.anywhere.is_empty()
    }

    /// Whether `path`, found walking `root`, is excluded.
    fn matches(&self, path: &Path, root: &Path, cwd: &Path) -> bool {
        if self
            .anchored
            .is_match(shown(&config::normalize(&cwd.join(path)), cwd))
        {
            return true;
        }
        path.strip_prefix(root)
            .unwrap_or(path)
            .components()
            .any(|c| self.anywhere.is_match(c.as_os_str()))
    }
}

/// Whether a file of this shown path falls in the shard: FNV-1a of the path,
/// modulo the number of shards.
pub(crate) fn in_shard(shown: &str, shard: Shard) -> bool {
    hash::fnv1a_64(shown.as_bytes()) % shard.count == shard.index - 1
}

/// The files a run answers for, to judge which baseline records it can
/// call pruneable and which `--write-baseline` replaces: the run's inputs,
/// and files that no longer exist but would have been found in a folder it
/// walked (and fall in its shard). Records of other files are left alone.
pub(crate) struct Scope {
    inputs: BTreeSet<String>,
    /// The folders walked, as shown (`""` for the working directory).
    folders: Vec<String>,
    cwd: PathBuf,
    shard: Option<Shard>,
}

impl Scope {
    pub(crate) fn new(
        paths: &[PathBuf],
        inputs: &[Input],
        cwd: &Path,
        shard: Option<Shard>,
    ) -> Self {
        let default = [PathBuf::from(".")];
        let paths = if paths.is_empty() {
            &default[..]
        } else {
            paths
        };
        let folders = paths
            .iter()
            .filter(|p| p.as_os_str() != "-" && p.is_dir())
            .map(|p| {
                let folder = shown(&config::normalize(&cwd.join(p)), cwd);
                folder.trim_end_matches('/').to_owned()
            })
            .collect();
        Self {
            inputs: inputs.iter().map(|i| i.display.clone()).collect(),
            folders,
            cwd: cwd.to_path_buf(),
            shard,
        }
    }

    pub(crate) fn contains(&self, path: &str) -> bool {
        if self.inputs.contains(path) {
            return true;
        }
        let walked = self.folders.iter().any(|folder| {
            if folder.is_empty() {
                !path.starts_with("../") && !Path::new(path).is_absolute()
            } else {
                path.strip_prefix(folder.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
            }
        });
        walked && self.shard.is_none_or(|s| in_shard(path, s)) && !self.cwd.join(path).exists()
    }
}

/// The inputs of a run by their shown path, then by their path's bytes:
/// two files whose shown paths are alike (names that are not UTF-8) are two
/// inputs, in the same order on every run.
type Inputs = BTreeMap<(String, Vec<u8>), Input>;

fn insert_file(inputs: &mut Inputs, path: &Path, absolute: PathBuf, cwd: &Path) {
    let display = shown(path, cwd);
    let key = (display.clone(), shown_bytes(path, cwd));
    inputs.entry(key).or_insert_with(|| Input {
        display,
        path: Some(path.to_path_buf()),
        absolute: Some(absolute),
    });
}

/// A path as shown to the user: relative to the working directory when it is
/// inside it, without a leading `./`, with `/` separators. Bytes of a name
/// that are not UTF-8 are shown as `\xFE` (a `\` of a name is shown as `/`,
/// so the two never meet).
fn shown(path: &Path, cwd: &Path) -> String {
    use std::fmt::Write as _;
    let relative = path.strip_prefix(cwd).unwrap_or(path);
    let mut text = String::new();
    for chunk in relative.as_os_str().as_encoded_bytes().utf8_chunks() {
        text.push_str(&chunk.valid().replace('\\', "/"));
        for byte in chunk.invalid() {
            let _ = write!(text, "\\x{byte:02X}");
        }
    }
    let mut shown = text.as_str();
    while let Some(rest) = shown.strip_prefix("./") {
        shown = rest;
    }
    shown.to_owned()
}

/// The bytes of the path [`shown`] shows, as the file system has them
/// (`/`-separated on Windows): what names the file where its shown path
/// cannot.
pub(crate) fn shown_bytes(path: &Path, cwd: &Path) -> Vec<u8> {
    let relative = path.strip_prefix(cwd).unwrap_or(path);
    let mut bytes = relative.as_os_str().as_encoded_bytes();
    let separator = |b: &u8| *b == b'/' || (cfg!(windows) && *b == b'\\');
    while bytes.len() >= 2 && bytes[0] == b'.' && separator(&bytes[1]) {
        bytes = &bytes[2..];
    }
    bytes
        .iter()
        .map(|b| if separator(b) { b'/' } else { *b })
        .collect()
}

/// The folder whose configuration applies to an input.
pub(crate) fn config_key(input: &Input, cwd: &Path) -> PathBuf {
    input
        .absolute
        .as_deref()
        .and_then(Path::parent)
        .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf)
}
