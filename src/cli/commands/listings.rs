//! `attache quotes`, `speakers` and `outline`: the listings of a document.

use super::write_stdout;
use crate::cli::QuoteFormat;
use crate::config::Overrides;
use crate::error::{Error, Result};
use crate::format::listing;
use crate::model::text::visible_name;
use crate::model::{Document, QuoteKind, SpeakerId};

/// `attache quotes FILE [--speaker NAME] [--kind K,…] [--format F]`; no
/// kinds means every kind.
pub fn quotes(
    file: &str,
    speaker: Option<&str>,
    kinds: &[QuoteKind],
    format: QuoteFormat,
    o: &Overrides,
) -> Result<()> {
    let doc = crate::load::load(Some(file), &super::annotate_options(o)?)?;
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
    if !kinds.is_empty() {
        rows.retain(|r| kinds.contains(&r.kind));
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
        "{}: no speaker called \"{}\"; {list}",
        visible_name(file),
        visible_name(name)
    ))
}

/// `attache speakers FILE`.
pub fn speakers(file: &str, o: &Overrides) -> Result<()> {
    let doc = crate::load::load(Some(file), &super::annotate_options(o)?)?;
    write_stdout(&listing::speakers_text(&doc))
}

/// `attache outline FILE`.
pub fn outline(file: &str, o: &Overrides) -> Result<()> {
    let doc = crate::load::load(Some(file), &super::annotate_options(o)?)?;
    write_stdout(&listing::outline_text(&doc))
}
