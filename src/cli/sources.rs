//! The inputs a run names: files, directories walked in sorted order, web archives, standard
//! input; and [`load`], the one function that turns an [`Origin`] into bytes plus what is known
//! about them (URL, charset).
//!
//! Must not extract or write anything: it only finds and reads inputs.

use gleaner::InputFormat;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where an input's bytes come from.
#[derive(Debug)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// An http(s) URL to fetch.
    Url(url::Url),
    /// A page already in memory: a web archive's response record, a `--stdin-jsonl` line.
    Memory(Loaded),
}

/// A page input or a container of pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One page: one output.
    Page,
    /// A web archive (`.warc`, `.warc.gz`): many pages, one JSON Lines output.
    Archive,
}

/// One input of a run.
#[derive(Debug)]
pub struct Source {
    /// Where to read it.
    pub origin: Origin,
    /// How to name it in messages and in the manifest.
    pub name: String,
    /// Its path relative to the directory it was found in (or its file name), for mirroring.
    pub relative: PathBuf,
    /// A page or an archive.
    pub kind: Kind,
}

/// An input's bytes and what is known about them besides.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The raw bytes (maybe gzip-compressed: the library reads gzip transparently).
    pub bytes: Vec<u8>,
    /// The page's address, when the input knows it (archive records, fetched pages).
    pub url: Option<String>,
    /// The charset declared outside the page (an HTTP `Content-Type`).
    pub charset: Option<String>,
    /// HTML or text, when the input says so (`"text"` in `--stdin-jsonl`).
    pub format: Option<InputFormat>,
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum LoadError {
    /// Larger than `--max-size`: skipped, not read.
    TooLarge {
        /// Its size in bytes (at least `limit + 1` when only a prefix was read).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Reading failed.
    Failed(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::TooLarge { size, limit } => {
                write!(
                    f,
                    "skipped: {size} bytes is over --max-size ({limit} bytes)"
                )
            }
            LoadError::Failed(message) => f.write_str(message),
        }
    }
}

/// Reads an origin's bytes, refusing inputs larger than `max_size` without reading them whole.
pub fn load(origin: Origin, max_size: u64) -> Result<Loaded, LoadError> {
    let bytes = match origin {
        Origin::Url(url) => {
            return Err(LoadError::Failed(format!(
                "{url} is fetched, not read from disk"
            )));
        }
        Origin::Memory(loaded) => {
            let size = loaded.bytes.len() as u64;
            if size > max_size {
                return Err(LoadError::TooLarge {
                    size,
                    limit: max_size,
                });
            }
            return Ok(loaded);
        }
        Origin::File(path) => {
            let size = std::fs::metadata(&path)
                .map_err(|e| LoadError::Failed(e.to_string()))?
                .len();
            if size > max_size {
                return Err(LoadError::TooLarge {
                    size,
                    limit: max_size,
                });
            }
            std::fs::read(&path).map_err(|e| LoadError::Failed(e.to_string()))?
        }
        Origin::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .take(max_size.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| LoadError::Failed(e.to_string()))?;
            if bytes.len() as u64 > max_size {
                return Err(LoadError::TooLarge {
                    size: bytes.len() as u64,
                    limit: max_size,
                });
            }
            bytes
        }
    };
    Ok(Loaded {
        bytes,
        ..Loaded::default()
    })
}

/// Extensions of the files taken from a directory (also with `.gz` after them).
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "txt"];

/// The extension of web archives (also with `.gz` after it).
const ARCHIVE_EXTENSION: &str = "warc";

/// Expands the inputs as given into sources; directory problems are reported per entry.
/// Hidden files and directories (`.name`) below a directory are skipped unless `hidden`, and so
/// is the directory `exclude` (the output directory, when it lies inside an input directory).
pub fn expand(
    inputs: &[String],
    hidden: bool,
    exclude: Option<&Path>,
    problems: &mut Vec<(String, String)>,
) -> Vec<Source> {
    let mut sources = Vec::new();
    for input in inputs {
        if input == "-" {
            sources.push(Source {
                origin: Origin::Stdin,
                name: "<stdin>".into(),
                relative: PathBuf::from("stdin"),
                kind: Kind::Page,
            });
            continue;
        }
        if super::fetching::looks_like_url(input) {
            match super::fetching::url_source(input) {
                Ok(source) => sources.push(source),
                Err(problem) => problems.push((input.clone(), problem)),
            }
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            walk(path, hidden, exclude, &mut sources, problems);
        } else {
            let relative = path
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("input"));
            sources.push(Source {
                origin: Origin::File(path.to_path_buf()),
                name: input.clone(),
                relative,
                kind: kind_of(path),
            });
        }
    }
    sources
}

/// An archive for `*.warc` and `*.warc.gz`, a page otherwise.
fn kind_of(path: &Path) -> Kind {
    if is_archive(path) {
        Kind::Archive
    } else {
        Kind::Page
    }
}

/// Walks a directory in sorted order. Symbolic links are followed; a link back to one of its
/// own ancestors (a loop) is reported once as a problem by walkdir and not entered.
fn walk(
    dir: &Path,
    hidden: bool,
    exclude: Option<&Path>,
    sources: &mut Vec<Source>,
    problems: &mut Vec<(String, String)>,
) {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let shown =
                hidden || e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.');
            let excluded = e.file_type().is_dir()
                && exclude
                    .as_ref()
                    .is_some_and(|x| e.path().canonicalize().is_ok_and(|p| &p == x));
            shown && !excluded
        });
    for entry in walker {
        match entry {
            Ok(entry)
                if entry.file_type().is_file()
                    && (is_page(entry.path()) || is_archive(entry.path())) =>
            {
                let relative = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                sources.push(Source {
                    origin: Origin::File(entry.path().to_path_buf()),
                    name: entry.path().display().to_string(),
                    relative,
                    kind: kind_of(entry.path()),
                });
            }
            Ok(_) => {}
            // A link back to an ancestor: everything below it is reached by the walk already.
            Err(e) if e.loop_ancestor().is_some() => {}
            Err(e) => {
                let name = e
                    .path()
                    .map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                problems.push((name, e.to_string()));
            }
        }
    }
}

/// True for `*.html`, `*.htm`, `*.xhtml`, `*.txt` and their `.gz` forms.
pub fn is_page(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    PAGE_EXTENSIONS
        .iter()
        .any(|ext| name.ends_with(&format!(".{ext}")))
}

/// True for `*.warc` and `*.warc.gz`.
pub fn is_archive(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(&format!(".{ARCHIVE_EXTENSION}"))
}

/// The output path for a source in an output directory: its relative path with the page
/// extensions (`.html`, `.htm`, `.xhtml`, `.txt`, `.warc`, `.gz`) replaced by `extension`.
pub fn output_path(dir: &Path, relative: &Path, extension: &str) -> PathBuf {
    let file = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = file.as_str();
    if let Some(s) = stem.strip_suffix(".gz") {
        stem = s;
    }
    for ext in PAGE_EXTENSIONS.iter().chain(&[ARCHIVE_EXTENSION]) {
        let lower = stem.to_ascii_lowercase();
        if lower.ends_with(&format!(".{ext}")) {
            stem = &stem[..stem.len() - ext.len() - 1];
            break;
        }
    }
    let name = format!("{stem}.{extension}");
    match relative.parent() {
        Some(parent) => dir.join(parent).join(name),
        None => dir.join(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_mirror_and_swap_extensions() {
        let out = Path::new("out");
        assert_eq!(
            output_path(out, Path::new("a/b.html.gz"), "json"),
            Path::new("out/a/b.json")
        );
        assert_eq!(
            output_path(out, Path::new("c.HTM"), "txt"),
            Path::new("out/c.txt")
        );
        assert_eq!(
            output_path(out, Path::new("notes.txt"), "md"),
            Path::new("out/notes.md")
        );
        assert_eq!(
            output_path(out, Path::new("x.v2.xhtml"), "html"),
            Path::new("out/x.v2.html")
        );
        assert_eq!(
            output_path(out, Path::new("crawl/c-00001.warc.gz"), "jsonl"),
            Path::new("out/crawl/c-00001.jsonl")
        );
    }

    #[test]
    fn page_extensions() {
        assert!(is_page(Path::new("a.html.gz")));
        assert!(is_page(Path::new("a.TXT")));
        assert!(!is_page(Path::new("a.png")));
        assert!(!is_page(Path::new("a.gz")));
        assert!(is_archive(Path::new("CC-MAIN-1.warc.gz")));
        assert!(is_archive(Path::new("a.warc")));
        assert!(!is_archive(Path::new("a.html.gz")));
    }
}
