//! Handlers of the non-interactive subcommands: annotate, quotes, speakers, outline.
//!
//! Every handler loads its document through [`super::input::load`], renders
//! one listing from [`crate::format`] and writes it with [`write_stdout`], so
//! a closed pipe (`attache quotes big.txt | head`) ends the program quietly.

use std::io::Write;
use std::path::Path;

use super::{GlobalOpts, QuoteFormat};
use crate::error::{Error, Result};
use crate::format::{json, listing};
use crate::model::{Document, SpeakerId};

/// Write `s` to standard output through a locked handle. A closed pipe counts
/// as success (the reader of the pipe has what it wanted).
pub fn write_stdout(s: &str) -> Result<()> {
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    match lock.write_all(s.as_bytes()).and_then(|()| lock.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::runtime(format!("standard output: {e}"))),
    }
}

/// Write `contents` to `path` atomically: a temporary file in the same
/// directory, flushed and then renamed over the target, so the target is
/// either the old file or the complete new one.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    let shown = path.display();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.is_dir() {
        return Err(Error::input(format!("{shown}: is a directory")));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".attache-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| {
            Error::runtime(format!(
                "{shown}: cannot create a file in {}: {e}",
                dir.display()
            ))
        })?;
    // A temporary file is private (0600); give the result the permissions
    // the target had, or the usual 0644 for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        let _ = tmp.as_file().set_permissions(perms);
    }
    tmp.write_all(contents.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| Error::runtime(format!("{shown}: {e}")))?;
    tmp.persist(path)
        .map_err(|e| Error::runtime(format!("{shown}: {}", e.error)))?;
    Ok(())
}

/// `attache annotate FILE [-o OUT]`.
pub fn annotate(file: &str, output: Option<&Path>, g: &GlobalOpts) -> Result<()> {
    let doc = super::input::load(Some(file), &annotate_options(g)?)?;
    let out = json::to_json(&doc);
    match output {
        Some(p) if p.as_os_str() != "-" => write_atomic(p, &out),
        _ => write_stdout(&out),
    }
}

/// `attache quotes FILE [--speaker NAME] [--format F]`.
pub fn quotes(
    file: &str,
    speaker: Option<&str>,
    format: QuoteFormat,
    g: &GlobalOpts,
) -> Result<()> {
    let doc = super::input::load(Some(file), &annotate_options(g)?)?;
    let mut rows = listing::quote_rows(&doc);
    if let Some(name) = speaker {
        let wanted = match_speakers(&doc, name);
        if wanted.is_empty() {
            return Err(unknown_speaker(&doc, name, file));
        }
        let keep: Vec<bool> = doc
            .quotes()
            .map(|(_, q)| q.speaker.is_some_and(|id| wanted.contains(&id)))
            .collect();
        let mut it = keep.into_iter();
        rows.retain(|_| it.next().unwrap_or(false));
    }
    let text = match format {
        QuoteFormat::Json => listing::quotes_json(&rows),
        QuoteFormat::Csv => listing::quotes_csv(&rows),
        QuoteFormat::Text => listing::quotes_text(&rows),
    };
    write_stdout(&text)
}

/// The speakers `name` refers to: by full name, surname (last word of the
/// name) or alias, ignoring case and surrounding space.
pub fn match_speakers(doc: &Document, name: &str) -> Vec<SpeakerId> {
    let want = name.trim().to_lowercase();
    if want.is_empty() {
        return Vec::new();
    }
    let norm = |s: &str| s.trim().to_lowercase();
    doc.speakers
        .iter()
        .filter(|s| {
            norm(&s.name) == want
                || s.name.split_whitespace().next_back().map(norm) == Some(want.clone())
                || s.aliases.iter().any(|a| norm(a) == want)
        })
        .map(|s| s.id)
        .collect()
}

fn unknown_speaker(doc: &Document, name: &str, file: &str) -> Error {
    let names: Vec<String> = doc
        .speakers
        .iter()
        .map(|s| listing::visible_line(&s.name).into_owned())
        .collect();
    let list = if names.is_empty() {
        "it has no speakers".to_string()
    } else {
        format!("its speakers are: {}", names.join(", "))
    };
    Error::input(format!(
        "{file}: no speaker called \"{}\"; {list}",
        listing::visible_line(name)
    ))
}

/// Annotation options from the global flags (`--topics FILE`: a topic
/// lexicon that adds to or replaces the bundled one).
pub fn annotate_options(g: &GlobalOpts) -> Result<crate::annotate::Options> {
    let mut opts = crate::annotate::Options::default();
    if let Some(path) = &g.topics {
        opts.topics = Some(crate::annotate::TopicLexicon::with_user_file(path)?);
    }
    Ok(opts)
}

/// `attache speakers FILE`.
pub fn speakers(file: &str, g: &GlobalOpts) -> Result<()> {
    let doc = super::input::load(Some(file), &annotate_options(g)?)?;
    write_stdout(&listing::speakers_text(&doc))
}

/// `attache outline FILE`.
pub fn outline(file: &str, g: &GlobalOpts) -> Result<()> {
    let doc = super::input::load(Some(file), &annotate_options(g)?)?;
    write_stdout(&listing::outline_text(&doc))
}
