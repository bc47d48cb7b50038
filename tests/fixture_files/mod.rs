//! Fixture files for the fixture, robustness and library tests: loading pages, `checks.toml`,
//! text normalising, and golden files rewritten with `BLESS=1`.
//!
//! Takes a fixture's case name (a directory under `fixtures/`); returns its bytes and checks. Reads
//! files only under the repository; writes only `fixtures/<case>/expected.*` when blessing.

#![allow(dead_code)] // each test binary uses a different part of this module

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The repository's `fixtures/` directory.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The directory of one fixture case.
pub fn case_dir(case: &str) -> PathBuf {
    fixtures_dir().join(case)
}

/// The raw bytes of a case's page: `source.html` or `source.txt` (any charset).
pub fn source(case: &str) -> Vec<u8> {
    let dir = case_dir(case);
    for name in ["source.html", "source.txt"] {
        if let Ok(bytes) = std::fs::read(dir.join(name)) {
            return bytes;
        }
    }
    panic!(
        "fixture {case}: no source.html or source.txt in {}",
        dir.display()
    );
}

/// Every case directory (one holding a `checks.toml`), sorted by name.
pub fn all_cases() -> Vec<String> {
    let mut cases: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("read fixtures/")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("checks.toml").is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .collect();
    cases.sort();
    cases
}

/// A case's `checks.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checks {
    /// The page's original address.
    pub url: Option<String>,
    /// The page has no article: extraction must fail with `Error::NoArticle`.
    #[serde(default)]
    pub no_article: bool,
    /// Snippets of the body.
    pub body: BodyChecks,
    /// Expected metadata; absent keys are not checked.
    #[serde(default)]
    pub metadata: MetadataChecks,
}

/// `[body]`: substrings that must and must not be in the body text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyChecks {
    /// Each must be in the whitespace-normalised body.
    #[serde(default)]
    pub must: Vec<String>,
    /// None may be in the whitespace-normalised body.
    #[serde(default)]
    pub must_not: Vec<String>,
}

/// `[metadata]`: each present key is compared with the field of the same name.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetadataChecks {
    pub title: Option<String>,
    pub authors: Option<Vec<String>>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub language_detected: Option<String>,
    pub section: Option<String>,
    pub short_url: Option<String>,
    pub canonical_url: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub tags: Option<Vec<String>>,
    pub credits: Option<String>,
    pub page_type: Option<String>,
}

/// A case's parsed `checks.toml`.
pub fn checks(case: &str) -> Checks {
    let path = case_dir(case).join("checks.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("fixture {case}: cannot read {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("fixture {case}: bad checks.toml: {e}"))
}

/// Options for extracting a case: the defaults, with the case's URL.
pub fn options(checks: &Checks) -> gleaner::Options {
    let mut options = gleaner::Options::default();
    options.input.url = checks.url.clone();
    options
}

/// White space runs collapsed to one space, ends trimmed.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `BLESS=1`: golden files are rewritten instead of compared.
pub fn blessing() -> bool {
    std::env::var("BLESS").is_ok_and(|v| v == "1")
}

/// Compares `actual` with the golden file at `path`, or rewrites the file when blessing.
/// Returns a description of the difference, or `None` when they agree.
pub fn golden(path: &Path, actual: &str) -> Option<String> {
    if blessing() {
        std::fs::write(path, actual)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return None;
    }
    let Ok(expected) = std::fs::read_to_string(path) else {
        return Some(format!(
            "{} is missing (run `BLESS=1 cargo test --test fixtures`)",
            path.display()
        ));
    };
    first_difference(&expected, actual).map(|diff| format!("{} differs: {diff}", path.display()))
}

/// The first line where `expected` and `actual` differ, shown side by side.
pub fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    let mut number = 1;
    loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => number += 1,
            (None, None) => {
                return Some("only in line endings or the final newline".to_string());
            }
            (e, a) => {
                return Some(format!(
                    "line {number}\n  expected: {}\n  actual:   {}",
                    e.unwrap_or("<end of file>"),
                    a.unwrap_or("<end of file>")
                ));
            }
        }
    }
}
