//! Whole files the commands read and write: a corpus given as one bundle
//! or as article files, and outputs written where the user said, atomically
//! when they are regular files.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::input::Limits;
use crate::pack::{self, Loaded, OwnedArticle};

/// The articles of `inputs`, for the commands that need them all at once
/// (`digest`, `screen`, `board`, `flash`): a corpus bundle, article files
/// and directories, read as [`pack::load`] reads them (the inputs that
/// cannot be read reported and counted). No inputs, no articles.
pub fn load_corpus(inputs: &[PathBuf], limits: Limits) -> Loaded {
    pack::load(inputs, limits)
}

/// [`load_corpus`] for the commands that must not go on without every
/// article (`board`, whose checks count them; `flash`, which cannot be
/// undone): an error after the failures are reported.
pub fn load_all(inputs: &[PathBuf], limits: Limits) -> Result<Vec<OwnedArticle>> {
    let loaded = load_corpus(inputs, limits);
    if loaded.failed > 0 {
        anyhow::bail!("{} input(s) could not be read: nothing done", loaded.failed);
    }
    Ok(loaded.articles)
}

/// Writes `bytes` to the output the user named at `path`.
///
/// - A regular file (or none yet) is replaced atomically: the bytes go to
///   a new temporary file beside it, with an unpredictable name, created
///   exclusively (never through a link planted under its name), and renamed
///   over it only once complete, so a failure never leaves half a file.
///   The file keeps its permissions.
/// - Anything else — a symbolic link (to a file, written through), a
///   device, a FIFO — is opened and written into, as a shell's `>` would:
///   it is what the user named, and replacing it would destroy it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let meta = std::fs::symlink_metadata(path).ok();
    if meta.as_ref().is_some_and(|m| !m.file_type().is_file()) {
        if meta.as_ref().is_some_and(std::fs::Metadata::is_dir) {
            anyhow::bail!("{}: is a directory", path.display());
        }
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .create(true)
            .open(path)
            .with_context(|| format!("opening {}", path.display()))?;
        f.write_all(bytes).and_then(|()| f.flush()).with_context(|| format!("writing {}", path.display()))?;
        return Ok(());
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().with_context(|| format!("{}: not a file name", path.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.", name.to_string_lossy()))
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file beside {}", path.display()))?;
    let written = tmp.write_all(bytes).and_then(|()| tmp.as_file().sync_all());
    written.with_context(|| format!("writing {}", tmp.path().display()))?;
    if let Some(perms) = meta.map(|m| m.permissions()).or_else(default_permissions) {
        tmp.as_file()
            .set_permissions(perms)
            .with_context(|| format!("setting the permissions of {}", path.display()))?;
    }
    // On failure the temporary file is removed when dropped.
    tmp.persist(path).map_err(|e| e.error).with_context(|| format!("replacing {}", path.display()))?;
    Ok(())
}

/// The permissions of a new output file: read-write for the owner,
/// readable by others, less what the process's umask takes away.
/// (The temporary file's own are the owner's alone.)
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    // The umask can only be read by setting it; set it back at once.
    let mask = rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o022));
    rustix::process::umask(mask);
    Some(std::fs::Permissions::from_mode(0o666 & !mask.bits()))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_or_files_give_the_same_articles() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("in")).unwrap();
        std::fs::write(d.join("in/a.txt"), "Title A\nBody of A.").unwrap();
        std::fs::write(d.join("in/b.jsonl"), "{\"title\":\"B\",\"body\":\"Body of B.\"}\n").unwrap();
        let from_files = load_corpus(&[d.join("in")], Limits::default()).articles;
        assert_eq!(from_files.len(), 2);
        let bundle = d.join("c.bin");
        write_atomically(&bundle, &pack::pack(&from_files).unwrap()).unwrap();
        assert_eq!(load_corpus(std::slice::from_ref(&bundle), Limits::default()).articles, from_files);
        assert!(load_corpus(&[], Limits::default()).articles.is_empty());
        assert_eq!(load_corpus(&[d.join("missing.txt")], Limits::default()).failed, 1);
    }

    #[test]
    fn atomic_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.bin");
        write_atomically(&p, b"one").unwrap();
        write_atomically(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // Into a directory that does not exist: an error naming the file, nothing written.
        let e = write_atomically(&dir.path().join("no/such/out.bin"), b"x").unwrap_err();
        assert!(format!("{e:#}").contains("out.bin"), "{e:#}");
    }
}
