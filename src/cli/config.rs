//! Resolving raw arguments once into the settings every part of a run uses.

use super::args::{Args, FormatArg, InputFormatArg};
use super::fetching::{self, FetchSettings};
use super::sources;
use anyhow::{Context, Result, bail};
use gleaner::{Format, InputFormat, Options};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where results go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// One file (one input, or every input with `--format jsonl`).
    File(PathBuf),
    /// A directory mirroring the inputs' relative paths, with a manifest.
    Directory(PathBuf),
}

/// What each page becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// One rendered document per page (text, Markdown, HTML or pretty JSON).
    Document(Format),
    /// One compact JSON object per page, one per line. Web archives are always written so.
    Jsonl,
}

impl OutputFormat {
    /// The extension of per-input output files.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Document(format) => format.extension(),
            OutputFormat::Jsonl => "jsonl",
        }
    }
}

/// Everything a run needs, resolved from the arguments.
#[derive(Debug, Clone)]
pub struct Config {
    /// The inputs as given.
    pub inputs: Vec<String>,
    /// Library options (input, cleaning, metadata, rendering).
    pub options: Options,
    /// Output format for pages (archives are always JSON Lines).
    pub format: OutputFormat,
    /// Where output goes.
    pub destination: Destination,
    /// Worker threads.
    pub jobs: usize,
    /// Print dropped blocks.
    pub explain: bool,
    /// Silence progress and notes.
    pub quiet: bool,
    /// Take hidden files from directories.
    pub hidden: bool,
    /// Redo inputs whose output exists.
    pub force: bool,
    /// Inputs (files, records, lines) larger than this many bytes are skipped.
    pub max_size: u64,
    /// How long one page may take before it is reported as an error and the batch moves on.
    pub time_budget: Duration,
    /// How often the plain progress line is printed (stderr not a terminal).
    pub progress_every: Duration,
    /// Read `{"url", "html"|"text"}` lines from standard input (worker mode).
    pub stdin_jsonl: bool,
    /// How URLs are fetched.
    #[cfg_attr(not(feature = "fetch"), allow(dead_code))]
    pub fetch: FetchSettings,
}

impl Config {
    /// Resolves the arguments; fails on contradictory ones (usage errors, exit 2).
    pub fn from_args(mut args: Args) -> Result<Config> {
        let fetch = FetchSettings::from_args(&args)?;
        if let Some(list) = &args.input_file {
            if list == "-" && args.inputs.iter().any(|i| i == "-") {
                bail!("standard input (-) can be read only once");
            }
            let listed = fetching::read_input_list(list)?;
            args.inputs.extend(listed);
        }
        let mut options = Options::default();
        options.input.url = args.url.clone();
        if let Some(url) = &args.url {
            url::Url::parse(url)
                .with_context(|| format!("--url {url:?} is not an absolute URL"))?;
        }
        options.input.format = match args.input_format {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Text => InputFormat::Text,
        };
        options.input.max_bytes = usize::try_from(args.max_size).unwrap_or(usize::MAX);
        options.clean.explain = args.explain;
        options.clean.captions = args.captions;
        options.render.links = args.links;
        options.render.images = args.images;
        options.render.metadata = args.metadata;
        let archives = args
            .inputs
            .iter()
            .any(|i| sources::is_archive(Path::new(i)));
        let format = match args.format {
            None if archives || args.stdin_jsonl => OutputFormat::Jsonl,
            None | Some(FormatArg::Text) => OutputFormat::Document(Format::Text),
            Some(FormatArg::Markdown) => OutputFormat::Document(Format::Markdown),
            Some(FormatArg::Html) => OutputFormat::Document(Format::Html),
            Some(FormatArg::Json) => OutputFormat::Document(Format::Json),
            Some(FormatArg::Jsonl) => OutputFormat::Jsonl,
        };
        if archives && matches!(format, OutputFormat::Document(f) if f != Format::Json) {
            bail!("web archives are written as JSON Lines: use --format jsonl");
        }
        let format = if archives || args.stdin_jsonl {
            OutputFormat::Jsonl
        } else {
            format
        };
        if args.stdin_jsonl && args.format.is_some_and(|f| f != FormatArg::Jsonl) {
            bail!("--stdin-jsonl writes JSON Lines; --format cannot change that");
        }
        if args.stdin_jsonl && args.output.as_deref().is_some_and(|o| o != "-") {
            bail!("--stdin-jsonl writes to standard output; -o cannot be used with it");
        }
        let many = args.inputs.len() > 1
            || args.input_file.is_some()
            || args.inputs.iter().any(|i| Path::new(i).is_dir());
        let destination = match &args.output {
            None => Destination::Stdout,
            Some(path) if path == "-" => Destination::Stdout,
            Some(path) if Path::new(path).is_dir() || path.ends_with('/') => {
                Destination::Directory(PathBuf::from(path))
            }
            Some(path) if many && format != OutputFormat::Jsonl => {
                Destination::Directory(PathBuf::from(path))
            }
            Some(path) => Destination::File(PathBuf::from(path)),
        };
        if args.inputs.iter().filter(|i| *i == "-").count() > 1 {
            bail!("standard input (-) can be read only once");
        }
        let jobs = match args.jobs {
            Some(0) => bail!("--jobs must be at least 1"),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        if !(args.time_budget > 0.0 && args.time_budget.is_finite()) {
            bail!("--time-budget must be a positive number of seconds");
        }
        Ok(Config {
            inputs: args.inputs,
            options,
            format,
            destination,
            jobs,
            explain: args.explain,
            quiet: args.quiet,
            hidden: args.hidden,
            force: args.force,
            max_size: args.max_size,
            time_budget: Duration::from_secs_f64(args.time_budget),
            progress_every: Duration::try_from_secs_f64(args.progress_every)
                .unwrap_or(super::progress::PLAIN_EVERY),
            stdin_jsonl: args.stdin_jsonl,
            fetch,
        })
    }
}
