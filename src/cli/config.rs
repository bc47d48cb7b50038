//! Resolving raw arguments once into the settings every part of a run uses.

use super::args::{Args, FormatArg, InputFormatArg};
use super::fetching::{self, FetchSettings};
use anyhow::{Context, Result, bail};
use gleaner::{Format, InputFormat, Options};
use std::path::PathBuf;

/// Where results go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output.
    Stdout,
    /// One file (one input only).
    File(PathBuf),
    /// A directory mirroring the inputs' relative paths.
    Directory(PathBuf),
}

/// Everything a run needs, resolved from the arguments.
#[derive(Debug, Clone)]
pub struct Config {
    /// The inputs as given.
    pub inputs: Vec<String>,
    /// Library options (input, cleaning, metadata, rendering).
    pub options: Options,
    /// Output format.
    pub format: Format,
    /// Where output goes.
    pub destination: Destination,
    /// Worker threads.
    pub jobs: usize,
    /// Print dropped blocks.
    pub explain: bool,
    /// Silence progress and notes.
    pub quiet: bool,
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
        options.clean.explain = args.explain;
        options.clean.captions = args.captions;
        options.render.links = args.links;
        options.render.images = args.images;
        options.render.metadata = args.metadata;
        let format = match args.format {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Json => Format::Json,
        };
        let many = args.inputs.len() > 1
            || args.input_file.is_some()
            || args.inputs.iter().any(|i| std::path::Path::new(i).is_dir());
        let destination = match &args.output {
            None => Destination::Stdout,
            Some(path) if path == "-" => Destination::Stdout,
            Some(path) if many || std::path::Path::new(path).is_dir() => {
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
        Ok(Config {
            inputs: args.inputs,
            options,
            format,
            destination,
            jobs,
            explain: args.explain,
            quiet: args.quiet,
            fetch,
        })
    }
}
