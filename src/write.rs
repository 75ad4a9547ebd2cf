//! Rewriting a file so that it always holds either its old or its new text:
//! the new text goes to a temporary file in the same folder, is flushed to
//! disk, takes the old file's permissions, and is renamed over it. A file
//! that changed on disk since it was read is not overwritten.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Why a file was not rewritten.
#[derive(Debug)]
pub enum WriteError {
    /// The file changed on disk between reading and writing.
    Changed,
    /// The path is a symbolic link; rewriting it would replace the link.
    Symlink,
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
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".rectlint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(new)?;
    temp.as_file().sync_all()?;
    fs::set_permissions(temp.path(), metadata.permissions())?;
    if fs::read(path)? != original {
        return Err(WriteError::Changed);
    }
    temp.persist(path).map_err(|e| WriteError::Io(e.error))?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
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
}
