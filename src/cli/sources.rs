//! The inputs a run names: files, directories walked in sorted order, standard input.

use std::path::{Path, PathBuf};

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// An http(s) URL to fetch.
    Url(url::Url),
}

/// One input of a run.
#[derive(Debug, Clone)]
pub struct Source {
    /// Where to read it.
    pub origin: Origin,
    /// How to name it in messages.
    pub name: String,
    /// Its path relative to the directory it was found in (or its file name), for mirroring.
    pub relative: PathBuf,
}

/// Extensions of the files taken from a directory (also with `.gz` after them).
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "txt"];

/// Expands the inputs as given into sources; directory problems are reported per entry.
pub fn expand(inputs: &[String], problems: &mut Vec<(String, String)>) -> Vec<Source> {
    let mut sources = Vec::new();
    for input in inputs {
        if input == "-" {
            sources.push(Source {
                origin: Origin::Stdin,
                name: "<stdin>".into(),
                relative: PathBuf::from("stdin"),
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
            walk(path, &mut sources, problems);
        } else {
            let relative = path
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("input"));
            sources.push(Source {
                origin: Origin::File(path.to_path_buf()),
                name: input.clone(),
                relative,
            });
        }
    }
    sources
}

fn walk(dir: &Path, sources: &mut Vec<Source>, problems: &mut Vec<(String, String)>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_page(entry.path()) => {
                let relative = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                sources.push(Source {
                    origin: Origin::File(entry.path().to_path_buf()),
                    name: entry.path().display().to_string(),
                    relative,
                });
            }
            Ok(_) => {}
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

/// The output path for a source in an output directory: its relative path with the page
/// extensions (`.html`, `.htm`, `.xhtml`, `.txt`, `.gz`) replaced by `extension`.
pub fn output_path(dir: &Path, relative: &Path, extension: &str) -> PathBuf {
    let file = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = file.as_str();
    if let Some(s) = stem.strip_suffix(".gz") {
        stem = s;
    }
    for ext in PAGE_EXTENSIONS {
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
    }

    #[test]
    fn page_extensions() {
        assert!(is_page(Path::new("a.html.gz")));
        assert!(is_page(Path::new("a.TXT")));
        assert!(!is_page(Path::new("a.png")));
        assert!(!is_page(Path::new("a.gz")));
    }
}
