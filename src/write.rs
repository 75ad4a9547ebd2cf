//! Rewriting a file so that it always holds either its old or its new text:
//! the new text goes to a temporary file in the same folder, is flushed to
//! disk, takes the old file's owner and permissions, and is renamed over
//! it. A file that changed on disk since it was read is not overwritten.
//!
//! What a rename cannot keep is refused, with the reason, before anything
//! is written: a file that is not a regular file, a read-only file (judged
//! by its mode, so that a run as root refuses it too), a file with several
//! hard links (the other names would keep the old text; rewriting in place
//! would give up the all-or-nothing write), and a file whose owner the run
//! cannot give the new one. A symbolic link is not replaced.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::diagnostic::Text;
use crate::source::{self, ReadError, Special};
use crate::tr;

/// Why a file was not rewritten.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed on disk between reading and writing.
    Changed,
    /// The path is a symbolic link; rewriting it would replace the link.
    Symlink,
    /// The file is not one a rewrite can keep as it is (read-only, hard
    /// links, not a regular file, another owner): why, in a sentence that
    /// says it was not rewritten.
    Refused(Text),
    Io(io::Error),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// Replace `path`, whose bytes were `original` when read, with `new`.
pub fn replace(path: &Path, original: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let metadata = fs::symlink_metadata(path)?;
    if metadata.file_type().is_symlink() {
        return Err(WriteError::Symlink);
    }
    rewritable(&metadata)?;
    write_over(path, new, Some(&metadata), || {
        match source::read_file(path, original.len() as u64) {
            Ok(now) if now == original => Ok(()),
            Ok(_) | Err(ReadError::TooLarge(_) | ReadError::NotRegular(_)) => {
                Err(WriteError::Changed)
            }
            Err(ReadError::Io(e)) => Err(WriteError::Io(e)),
        }
    })
}

/// Write `new` to `path`: a new file gets the permissions a new file gets
/// (what the umask leaves of `rw-rw-rw-`), an existing one keeps its
/// permissions and owner, under the same refusals as [`replace`].
pub fn store(path: &Path, new: &[u8]) -> Result<(), WriteError> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.file_type().is_symlink() => Err(WriteError::Symlink),
        Ok(metadata) => {
            rewritable(&metadata)?;
            write_over(path, new, Some(&metadata), || Ok(()))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => write_over(path, new, None, || Ok(())),
        Err(e) => Err(e.into()),
    }
}

/// Whether the file `metadata` describes can be rewritten keeping what it
/// is.
fn rewritable(metadata: &fs::Metadata) -> Result<(), WriteError> {
    if let Some(special) = Special::of(metadata.file_type()) {
        let (zh, en) = (special.name().zh, special.name().en);
        return Err(WriteError::Refused(tr!(
            "这是{zh}，不是普通文件，未改写",
            "it is {en}, not a regular file; not rewritten"
        )));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let mode = metadata.permissions().mode() & 0o7777;
        if mode & 0o222 == 0 {
            return Err(WriteError::Refused(tr!(
                "文件只读（权限 {mode:04o}），未改写",
                "it is read-only (mode {mode:04o}); not rewritten"
            )));
        }
        let links = metadata.nlink();
        if links > 1 {
            return Err(WriteError::Refused(tr!(
                "文件有 {links} 个硬链接，改写会使其他链接仍是旧内容，未改写；如需改写，先复制成独立的文件",
                "it has {links} hard links, and the other names would keep the old text; not rewritten (copy it to a file of its own first)"
            )));
        }
    }
    #[cfg(not(unix))]
    if metadata.permissions().readonly() {
        return Err(WriteError::Refused(tr!(
            "文件只读，未改写",
            "it is read-only; not rewritten"
        )));
    }
    Ok(())
}

/// Write `new` to a temporary file beside `path`, give it the owner and
/// permissions of `old` (the file being replaced, if any), and, if `check`
/// agrees, rename it over `path`.
fn write_over(
    path: &Path,
    new: &[u8],
    old: Option<&fs::Metadata>,
    check: impl FnOnce() -> Result<(), WriteError>,
) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rectlint-").suffix(".tmp");
    #[cfg(unix)]
    if old.is_none() {
        // Created with these, less what the umask takes away, as any new
        // file; an existing file's permissions are set below.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(new)?;
    temp.as_file().sync_all()?;
    if let Some(old) = old {
        #[cfg(unix)]
        keep_owner(temp.as_file(), old)?;
        // After the owner: changing the owner clears set-user-ID bits.
        temp.as_file().set_permissions(old.permissions())?;
    }
    check()?;
    temp.persist(path).map_err(|e| WriteError::Io(e.error))?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Give `temp` the owner and group of the file it replaces; where the run
/// may not (it is not root, and the file is someone else's), refuse.
#[cfg(unix)]
fn keep_owner(temp: &fs::File, old: &fs::Metadata) -> Result<(), WriteError> {
    use std::os::unix::fs::MetadataExt;
    let mine = temp.metadata()?;
    let (uid, gid) = (old.uid(), old.gid());
    if mine.uid() == uid && mine.gid() == gid {
        return Ok(());
    }
    std::os::unix::fs::fchown(temp, Some(uid), Some(gid)).map_err(|_| {
        WriteError::Refused(tr!(
            "文件属于其他用户或组（uid {uid}，gid {gid}），改写会改变其所有者，未改写",
            "it belongs to another user or group (uid {uid}, gid {gid}), which a rewrite would change; not rewritten"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.rect");
        fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        replace(&path, b"old", b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.rect");
        fs::write(&path, "edited by someone else").unwrap();
        assert!(matches!(
            replace(&path, b"old", b"new"),
            Err(WriteError::Changed)
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "edited by someone else");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.rect");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.rect");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(matches!(
            replace(&link, b"old", b"new"),
            Err(WriteError::Symlink)
        ));
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
    }

    /// The refusals are judged by the file's mode and links, not by whether
    /// the system would refuse: tests run as root, who may write anything.
    #[cfg(unix)]
    #[test]
    fn read_only_and_hard_linked_files_are_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.rect");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let Err(WriteError::Refused(why)) = replace(&path, b"old", b"new") else {
            panic!("a read-only file was rewritten");
        };
        assert!(why.en.contains("read-only (mode 0444)"), "{}", why.en);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");

        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let other = dir.path().join("other.rect");
        fs::hard_link(&path, &other).unwrap();
        let Err(WriteError::Refused(why)) = replace(&path, b"old", b"new") else {
            panic!("a hard-linked file was rewritten");
        };
        assert!(why.en.contains("2 hard links"), "{}", why.en);
        assert_eq!(fs::read_to_string(&other).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_takes_the_umask_and_an_old_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        store(&path, b"{}").unwrap();
        // The umask of the test process is not known here without changing
        // it; what a plain new file gets is the reference.
        let plain = dir.path().join("plain");
        fs::write(&plain, "").unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&plain));
        fs::set_permissions(&path, fs::Permissions::from_mode(0o664)).unwrap();
        store(&path, b"{ }").unwrap();
        assert_eq!(mode(&path), 0o664);
        assert_eq!(fs::read(&path).unwrap(), b"{ }");
    }
}
