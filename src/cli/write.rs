//! Writing results: atomically to files (temporary file, then rename), or to standard output.
//!
//! Temporary files are named `.NAME.gleaner-tmp` beside their target, without a process id: a run
//! killed mid-write leaves at most that file, and the rerun that redoes the same input reuses
//! (truncates) and renames it, so an interrupted and resumed run ends with the same tree as an
//! uninterrupted one.

use anyhow::{Context, Result};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The temporary file that becomes `path` on success.
fn temporary_for(path: &Path) -> Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(dir.join(format!(".{file_name}.gleaner-tmp")))
}

/// Writes `bytes` to `path` atomically: a run killed at any moment leaves either the old file,
/// the new file, or no file, never a truncated one.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    file.commit()
}

/// A file written in pieces that appears under its name only once complete ([`commit`]).
/// Dropped without `commit`, it removes its temporary file.
///
/// [`commit`]: AtomicFile::commit
pub struct AtomicFile {
    path: PathBuf,
    temporary: PathBuf,
    file: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Starts writing `path` (through its temporary file).
    pub fn create(path: &Path) -> Result<AtomicFile> {
        let temporary = temporary_for(path)?;
        let file = File::create(&temporary)
            .with_context(|| format!("cannot write {}", temporary.display()))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            temporary,
            file: Some(BufWriter::with_capacity(256 << 10, file)),
        })
    }

    /// Flushes, syncs and renames the temporary file to the target name.
    pub fn commit(mut self) -> Result<()> {
        let result = (|| -> std::io::Result<()> {
            if let Some(file) = self.file.take() {
                let file = file.into_inner().map_err(|e| e.into_error())?;
                file.sync_data()?;
            }
            std::fs::rename(&self.temporary, &self.path)
        })();
        result.with_context(|| format!("cannot write {}", self.path.display()))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.file {
            Some(file) => file.write(buf),
            None => Err(std::io::Error::other("file already committed")),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.temporary);
        }
    }
}

/// Writes to standard output. Returns `Ok(false)` when the reader has gone away (a closed pipe
/// is not an error: the run stops quietly).
pub fn to_stdout(bytes: &[u8]) -> Result<bool> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e).context("cannot write to standard output"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_creates_directories_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a/b/c.txt");
        atomic_write(&path, b"hello").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"hello");
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("parent"))
            .expect("dir")
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn an_uncommitted_file_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.jsonl");
        {
            let mut file = AtomicFile::create(&path).expect("create");
            file.write_all(b"partial").expect("write");
        }
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    }
}
