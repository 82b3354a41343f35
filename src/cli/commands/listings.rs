//! `attache quotes`, `speakers` and `outline`: the listings of a document.

use super::write_stdout;
use crate::cli::QuoteFormat;
use crate::config::Overrides;
use crate::error::{Error, Result};
use crate::format::listing;
use crate::model::text::visible_name;
use crate::model::{Document, Quote, QuoteKind, SpeakerId};

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
    let wanted = match speaker {
        Some(name) => {
            let wanted = match_speakers(&doc, name);
            if wanted.is_empty() {
                return Err(unknown_speaker(&doc, name, file));
            }
            Some(wanted)
        }
        None => None,
    };
    let keep = |q: &Quote| {
        wanted
            .as_ref()
            .is_none_or(|w| q.speaker.is_some_and(|id| w.contains(&id)))
            && (kinds.is_empty() || kinds.contains(&q.kind))
    };
    // Row by row as they are made: the listing of a large text is never
    // held whole.
    let rows = listing::quote_rows_where(&doc, keep);
    crate::output::write_stdout_with(|w| match format {
        QuoteFormat::Json => listing::write_quotes_json(rows, w),
        QuoteFormat::Csv => listing::write_quotes_csv(rows, w),
        QuoteFormat::Text => listing::write_quotes_text(rows, w),
    })
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
