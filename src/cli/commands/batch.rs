//! `attache annotate A.txt B.txt … --out-dir DIR` (or a folder): many
//! documents annotated in parallel, one JSON file each.
//!
//! Why its own module: the single-file command streams one document to
//! standard output or `-o`; a batch needs a plan (which inputs, which output
//! names, refused up front when two inputs would write one file), a pool of
//! workers on all cores, progress (a bar on a terminal, plain lines when
//! standard error is piped), and a report that names every failed file
//! without stopping the others.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::outfile::OutputFile;
use crate::annotate::Options;
use crate::error::{Error, Result};
use crate::format::json;
use crate::model::text::visible_path;

/// Extensions a folder's files must have to be annotated.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml"];

/// One input and the JSON file it becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The text to annotate.
    pub input: PathBuf,
    /// Where its document goes: `DIR/<file stem>.json`.
    pub output: PathBuf,
}

/// The jobs for `inputs` written into `out_dir`: a folder stands for its
/// text files (not recursing, hidden files skipped, sorted by name). Two
/// inputs that would write the same output file are refused before anything
/// is written.
pub fn plan(inputs: &[String], out_dir: &Path) -> Result<Vec<Job>> {
    let mut files = Vec::new();
    for i in inputs {
        let p = PathBuf::from(i);
        if i == "-" {
            return Err(Error::input(
                "standard input (-) cannot be one of several files: annotate it on its own",
            ));
        }
        if p.is_dir() {
            files.extend(texts_in(&p)?);
        } else {
            files.push(p);
        }
    }
    if files.is_empty() {
        return Err(Error::input(format!(
            "no text files to annotate (a folder's files need one of the extensions {})",
            TEXT_EXTENSIONS.join(", ")
        )));
    }
    let mut jobs: Vec<Job> = Vec::with_capacity(files.len());
    let mut seen = std::collections::HashMap::new();
    for input in files {
        let stem = input
            .file_stem()
            .unwrap_or(input.as_os_str())
            .to_os_string();
        let mut name = stem;
        name.push(".json");
        let output = out_dir.join(name);
        if let Some(prev) = seen.insert(output.clone(), input.clone()) {
            return Err(Error::input(format!(
                "{} and {} would both be written to {}: annotate them into different folders",
                visible_path(&prev),
                visible_path(&input),
                visible_path(&output)
            )));
        }
        jobs.push(Job { input, output });
    }
    Ok(jobs)
}

/// The text files directly in `dir`, sorted.
fn texts_in(dir: &Path) -> Result<Vec<PathBuf>> {
    let shown = || visible_path(dir);
    let rd = std::fs::read_dir(dir).map_err(|e| Error::input(format!("{}: {e}", shown())))?;
    let mut out = Vec::new();
    for e in rd {
        let e = e.map_err(|e| Error::input(format!("{}: {e}", shown())))?;
        let p = e.path();
        let hidden = e.file_name().to_string_lossy().starts_with('.');
        let ext_ok = p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| TEXT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
        if !hidden && ext_ok && p.is_file() {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// Annotate every job on all cores. Each failure is reported on standard
/// error as it happens and the rest go on; the result is an error (exit 1)
/// naming how many failed.
pub fn run(jobs: &[Job], opts: &Options, force: bool) -> Result<()> {
    let progress = Progress::new(jobs.len());
    let next = AtomicUsize::new(0);
    let failed = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(jobs.len())
        .max(1);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let outcome = one(job, opts, force);
                    if outcome.is_err() {
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                    progress.done(job, outcome);
                }
            });
        }
    });
    progress.finish();
    match failed.into_inner() {
        0 => Ok(()),
        n => Err(Error::runtime(format!(
            "{n} of {} files could not be annotated (each is named above)",
            jobs.len()
        ))),
    }
}

/// Annotate one file into its output.
fn one(job: &Job, opts: &Options, force: bool) -> Result<()> {
    let out = OutputFile::create(&job.output, Some(&job.input), force)?;
    let input = job.input.to_string_lossy();
    let doc = crate::load::load(Some(&input), opts)?;
    out.commit_with(|w| json::write_json(&doc, w))
}

/// What the user sees while a batch runs: a progress bar when standard
/// error is a terminal, otherwise one plain line per file.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    count: AtomicUsize,
    /// Serialises plain lines (and error lines) on standard error.
    lines: Mutex<()>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files  {elapsed}  {wide_msg}",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            total,
            count: AtomicUsize::new(0),
            lines: Mutex::new(()),
        }
    }

    /// One job finished, well or not.
    fn done(&self, job: &Job, outcome: Result<()>) {
        let n = self.count.fetch_add(1, Ordering::Relaxed) + 1;
        let line = match &outcome {
            Ok(()) => format!(
                "[{n}/{}] {} -> {}",
                self.total,
                visible_path(&job.input),
                visible_path(&job.output)
            ),
            // The error names the file already.
            Err(e) => format!("attache: {e}"),
        };
        match &self.bar {
            Some(bar) => {
                if outcome.is_err() {
                    bar.println(line);
                } else {
                    bar.set_message(visible_path(&job.input));
                }
                bar.inc(1);
            }
            None => {
                let _guard = self
                    .lines
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let _ = writeln!(std::io::stderr().lock(), "{line}");
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_stands_for_its_text_files_and_names_collide_up_front() {
        let dir = tempfile::tempdir().expect("temp dir");
        for f in ["b.txt", "a.md", ".hidden.txt", "notes.pdf"] {
            std::fs::write(dir.path().join(f), "x").expect("write");
        }
        let out = Path::new("out");
        let jobs = plan(&[dir.path().to_string_lossy().into_owned()], out).expect("plan");
        let names: Vec<_> = jobs
            .iter()
            .map(|j| j.output.to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["out/a.json", "out/b.json"]);
        std::fs::write(dir.path().join("a.txt"), "x").expect("write");
        let e = plan(&[dir.path().to_string_lossy().into_owned()], out).unwrap_err();
        assert!(
            e.message.contains("would both be written to out/a.json"),
            "{e}"
        );
        let e = plan(&["-".into(), "x.txt".into()], out).unwrap_err();
        assert!(e.message.contains("standard input"), "{e}");
    }
}
