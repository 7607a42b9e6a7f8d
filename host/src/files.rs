//! Whole files the commands read and write: a corpus given as one bundle
//! or as article files, and outputs written atomically.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::pack::{self, OwnedArticle};

/// The articles of `inputs`: a single file that starts with the bundle
/// magic is a corpus bundle; anything else is read as article files and
/// directories as `epitome pack` reads them. No inputs, no articles.
pub fn load_corpus(inputs: &[PathBuf]) -> Result<Vec<OwnedArticle>> {
    if let [one] = inputs
        && one.is_file()
    {
        let bytes = std::fs::read(one).with_context(|| format!("reading {}", one.display()))?;
        if pack::looks_like_bundle(&bytes) {
            let bundle = pack::open_bundle(one, &bytes)?;
            return Ok(bundle.iter().map(|a| OwnedArticle::from_wire(&a)).collect());
        }
    }
    if inputs.is_empty() {
        return Ok(Vec::new());
    }
    Ok(pack::load(inputs)?)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it, so a
/// failure never leaves a half-written file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().with_context(|| format!("{}: not a file name", path.display()))?;
    let tmp = dir.join(format!(".{}.tmp{}", name.to_string_lossy(), std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("renaming {} to {}", tmp.display(), path.display()));
    }
    Ok(())
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
        let from_files = load_corpus(&[d.join("in")]).unwrap();
        assert_eq!(from_files.len(), 2);
        let bundle = d.join("c.bin");
        write_atomically(&bundle, &pack::pack(&from_files).unwrap()).unwrap();
        assert_eq!(load_corpus(std::slice::from_ref(&bundle)).unwrap(), from_files);
        assert!(load_corpus(&[]).unwrap().is_empty());
        assert!(load_corpus(&[d.join("missing.txt")]).is_err());
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
