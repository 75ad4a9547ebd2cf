//! The file system as the evidence rules (E003, E004) see it: where a path
//! really leads, or why nothing is there. [`Disk`] is the real one, the
//! default; [`InMemory`] is a tree of paths held in memory, so that a plan
//! whose evidence is not on this disk (an editor's unsaved buffer, a test,
//! an upload) can be checked all the same.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io;
use std::path::{Component, Path, PathBuf};

/// What the evidence rules ask of a file system. They never open or read a
/// file: they only ask where a path leads.
pub trait Files: Send + Sync + fmt::Debug {
    /// `path` (absolute) with every `.`, `..` and symbolic link resolved, as
    /// [`std::fs::canonicalize`] gives it; the error when nothing is there
    /// or it cannot be reached.
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf>;
}

/// The real file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct Disk;

impl Files for Disk {
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }
}

/// At most this many symbolic links are followed on the way to one path
/// (Linux's own limit), so that links leading to each other end.
const MAX_LINKS: usize = 40;

/// A file system held in memory: files, folders and symbolic links at
/// absolute paths. Every folder above an entry exists; so does the root.
/// The repository root must be there (the plan's own path puts it there):
/// evidence is judged against a root that exists, on disk as here.
///
/// ```
/// use std::path::Path;
/// use rectlint::check::files::{Files, InMemory};
///
/// let tree = InMemory::new()
///     .file("/repo/plans/evidence/台账.xlsx")
///     .link("/repo/plans/shared", "/srv/shared");
/// let real = tree.canonicalize(Path::new("/repo/plans/./evidence/台账.xlsx"));
/// assert_eq!(real.unwrap(), Path::new("/repo/plans/evidence/台账.xlsx"));
/// assert!(tree.canonicalize(Path::new("/repo/plans/evidence/other.xlsx")).is_err());
/// ```
#[derive(Clone, Debug, Default)]
pub struct InMemory {
    files: BTreeSet<PathBuf>,
    folders: BTreeSet<PathBuf>,
    /// Each link and where it leads, as written: absolute, or relative to
    /// the link's folder.
    links: BTreeMap<PathBuf, PathBuf>,
}

impl InMemory {
    /// An empty tree: only the root folder.
    pub fn new() -> Self {
        Self::default()
    }

    /// With a file at `path`.
    #[must_use]
    pub fn file(mut self, path: impl AsRef<Path>) -> Self {
        let path = clean(path.as_ref());
        self.add_folders_above(&path);
        self.files.insert(path);
        self
    }

    /// With a folder at `path`.
    #[must_use]
    pub fn folder(mut self, path: impl AsRef<Path>) -> Self {
        let path = clean(path.as_ref());
        self.add_folders_above(&path);
        self.folders.insert(path);
        self
    }

    /// With a symbolic link at `path` leading to `target`: absolute, or
    /// relative to the link's folder (`../shared`).
    #[must_use]
    pub fn link(mut self, path: impl AsRef<Path>, target: impl AsRef<Path>) -> Self {
        let path = clean(path.as_ref());
        self.add_folders_above(&path);
        self.links.insert(path, target.as_ref().to_path_buf());
        self
    }

    fn add_folders_above(&mut self, path: &Path) {
        for folder in path.ancestors().skip(1) {
            if !self.folders.insert(folder.to_path_buf()) {
                break;
            }
        }
    }

    fn is_folder(&self, path: &Path) -> bool {
        self.folders.contains(path) || path.parent().is_none()
    }
}

/// `path` with its `.` left out (and its separators made one), the form the
/// entries are kept in; `..` is kept, and then names nothing.
fn clean(path: &Path) -> PathBuf {
    path.components().collect()
}

impl Files for InMemory {
    /// Resolved one part at a time, as the system does: a link is followed
    /// where it is met, and a `..` after it leaves the folder it led to.
    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        // The parts still to walk, the next one last.
        let mut parts: Vec<Component> = path.components().rev().collect();
        let mut at = PathBuf::new();
        let mut at_file = false;
        let mut followed = 0;
        while let Some(part) = parts.pop() {
            if at_file {
                // Nothing, not even `.` or `..`, is inside a file.
                return Err(io::ErrorKind::NotADirectory.into());
            }
            match part {
                Component::Prefix(_) | Component::RootDir => at.push(part),
                Component::CurDir => {}
                Component::ParentDir => {
                    at.pop();
                }
                Component::Normal(name) => {
                    let next = at.join(name);
                    if let Some(target) = self.links.get(&next) {
                        followed += 1;
                        if followed > MAX_LINKS {
                            return Err(io::Error::other("too many levels of symbolic links"));
                        }
                        // An absolute target starts again from its root;
                        // a relative one goes on from the link's folder.
                        parts.extend(target.components().rev());
                    } else if self.is_folder(&next) {
                        at = next;
                    } else if self.files.contains(&next) {
                        at = next;
                        at_file = true;
                    } else {
                        return Err(io::ErrorKind::NotFound.into());
                    }
                }
            }
        }
        // `a.xlsx/` and `a.xlsx/.` ask for a folder (their last `/` and `.`
        // are not among the path's components).
        let raw = path.as_os_str().as_encoded_bytes();
        let separators: &[u8] = if cfg!(windows) { b"/\\" } else { b"/" };
        let wants_folder = raw
            .strip_suffix(b".")
            .unwrap_or(raw)
            .last()
            .is_some_and(|b| separators.contains(b));
        if at_file && wants_folder {
            return Err(io::ErrorKind::NotADirectory.into());
        }
        if at.as_os_str().is_empty() {
            // A relative path: the tree has no current folder to start at.
            return Err(io::ErrorKind::NotFound.into());
        }
        Ok(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real(tree: &InMemory, path: &str) -> io::Result<PathBuf> {
        tree.canonicalize(Path::new(path))
    }

    #[test]
    fn files_and_the_folders_above_them_exist() {
        let tree = InMemory::new().file("/repo/a/b.xlsx").folder("/repo/c");
        for path in ["/", "/repo", "/repo/a", "/repo/a/b.xlsx", "/repo/c"] {
            assert_eq!(real(&tree, path).unwrap(), Path::new(path), "{path}");
        }
        assert_eq!(
            real(&tree, "/repo/a/../c/./").unwrap(),
            Path::new("/repo/c")
        );
        let missing = real(&tree, "/repo/a/c.xlsx").unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        assert_eq!(
            real(&tree, "relative/b.xlsx").unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
    }

    #[test]
    fn nothing_is_inside_a_file() {
        let tree = InMemory::new().file("/repo/a.xlsx");
        for path in [
            "/repo/a.xlsx/b",
            "/repo/a.xlsx/..",
            "/repo/a.xlsx/.",
            "/repo/a.xlsx/",
        ] {
            let error = real(&tree, path).unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::NotADirectory, "{path}");
        }
    }

    #[test]
    fn links_are_followed_where_they_are_met() {
        let tree = InMemory::new()
            .file("/srv/shared/x.xlsx")
            .file("/repo/evidence/y.xlsx")
            .link("/repo/out", "/srv/shared")
            .link("/repo/plans/here", "../evidence")
            .link("/repo/plans/file", "here/y.xlsx");
        assert_eq!(
            real(&tree, "/repo/out/x.xlsx").unwrap(),
            Path::new("/srv/shared/x.xlsx")
        );
        // `..` after a link leaves the folder the link led to.
        assert_eq!(real(&tree, "/repo/out/..").unwrap(), Path::new("/srv"));
        assert_eq!(
            real(&tree, "/repo/plans/here/y.xlsx").unwrap(),
            Path::new("/repo/evidence/y.xlsx")
        );
        assert_eq!(
            real(&tree, "/repo/plans/file").unwrap(),
            Path::new("/repo/evidence/y.xlsx")
        );
        assert_eq!(
            real(&tree, "/repo/out/z.xlsx").unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
    }

    #[test]
    fn links_leading_to_each_other_end() {
        let tree = InMemory::new().link("/a", "/b").link("/b", "/a");
        assert!(real(&tree, "/a/x").is_err());
    }

    /// The tree answers as the disk does, on a tree of both.
    #[cfg(unix)]
    #[test]
    fn the_tree_answers_as_the_disk_does() {
        let dir = tempfile::tempdir().unwrap();
        let base = std::fs::canonicalize(dir.path()).unwrap();
        let at = |p: &str| base.join(p);
        std::fs::create_dir_all(at("repo/evidence")).unwrap();
        std::fs::create_dir_all(at("outside")).unwrap();
        std::fs::write(at("repo/evidence/a.xlsx"), "").unwrap();
        std::fs::write(at("outside/b.xlsx"), "").unwrap();
        std::os::unix::fs::symlink("../outside", at("repo/out")).unwrap();
        std::os::unix::fs::symlink(at("repo/evidence"), at("repo/in")).unwrap();
        let tree = InMemory::new()
            .file(at("repo/evidence/a.xlsx"))
            .file(at("outside/b.xlsx"))
            .link(at("repo/out"), "../outside")
            .link(at("repo/in"), at("repo/evidence"));
        for path in [
            "repo/evidence/a.xlsx",
            "repo/evidence/missing.xlsx",
            "repo/out/b.xlsx",
            "repo/out/../repo/in/a.xlsx",
            "repo/in/a.xlsx",
            "repo/in/../evidence/a.xlsx",
            "repo/evidence/a.xlsx/x",
            "repo/evidence/a.xlsx/",
            "repo/evidence/a.xlsx/.",
            "repo/evidence/a.xlsx/..",
            "repo/evidence/",
            "repo/in/",
            "repo/nothing/../evidence/a.xlsx",
        ] {
            let disk = Disk.canonicalize(&at(path));
            let memory = tree.canonicalize(&at(path));
            match (disk, memory) {
                (Ok(disk), Ok(memory)) => assert_eq!(disk, memory, "{path}"),
                (Err(disk), Err(memory)) => assert_eq!(disk.kind(), memory.kind(), "{path}"),
                (disk, memory) => panic!("{path}: disk {disk:?}, memory {memory:?}"),
            }
        }
    }
}
