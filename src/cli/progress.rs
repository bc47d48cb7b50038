//! Progress on stderr: a bar when stderr is a terminal (inputs done/total, pages/s, errors,
//! ETA), a plain line every [`PLAIN_EVERY`] otherwise, nothing when quiet.
//!
//! Other messages go through [`Progress::note`] so they do not tear the bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How often the plain (non-terminal) progress line is printed by default.
pub const PLAIN_EVERY: Duration = Duration::from_secs(10);

enum Display {
    Nothing,
    Bar(ProgressBar),
    Plain { last: Instant, every: Duration },
}

/// Counts and shows a run's progress.
pub struct Progress {
    display: Display,
    started: Instant,
    total: u64,
    inputs: u64,
    pages: u64,
    errors: u64,
}

impl Progress {
    /// A progress display for `total` inputs; `enabled` false shows nothing; without a
    /// terminal, a plain line every `every`.
    pub fn new(enabled: bool, total: u64, every: Duration) -> Progress {
        let display = if !enabled {
            Display::Nothing
        } else if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            let style =
                ProgressStyle::with_template("{wide_bar} {pos}/{len} inputs | {msg} | ETA {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            Display::Bar(bar)
        } else {
            Display::Plain {
                last: Instant::now(),
                every,
            }
        };
        Progress {
            display,
            started: Instant::now(),
            total,
            inputs: 0,
            pages: 0,
            errors: 0,
        }
    }

    /// Counts one page (a file or an archive record) and whether it failed.
    pub fn page(&mut self, failed: bool) {
        self.pages += 1;
        self.errors += u64::from(failed);
        self.show();
    }

    /// Counts one input finished (a file, or a whole archive).
    pub fn input_done(&mut self) {
        self.inputs += 1;
        if let Display::Bar(bar) = &self.display {
            bar.set_position(self.inputs);
        }
        self.show();
    }

    /// Called now and then while waiting: prints the plain line when it is due.
    pub fn tick(&mut self) {
        self.show();
    }

    /// Prints a message line on stderr without breaking the bar.
    pub fn note(&self, line: &str) {
        match &self.display {
            Display::Bar(bar) => bar.suspend(|| eprintln!("{line}")),
            _ => eprintln!("{line}"),
        }
    }

    /// Pages per second since the start.
    pub fn rate(&self) -> f64 {
        let seconds = self.started.elapsed().as_secs_f64();
        if seconds > 0.0 {
            self.pages as f64 / seconds
        } else {
            0.0
        }
    }

    /// Removes the bar.
    pub fn finish(&mut self) {
        if let Display::Bar(bar) = &self.display {
            bar.finish_and_clear();
        }
    }

    fn show(&mut self) {
        let message = format!(
            "{} pages, {:.0} pages/s, {} errors",
            self.pages,
            self.rate(),
            self.errors
        );
        match &mut self.display {
            Display::Nothing => {}
            Display::Bar(bar) => bar.set_message(message),
            Display::Plain { last, every } => {
                if last.elapsed() >= *every {
                    *last = Instant::now();
                    eprintln!("gleaner: {}/{} inputs, {message}", self.inputs, self.total);
                }
            }
        }
    }
}
