//! `attache export [FILE] --to FORMAT [-o OUT]`: a document and the reader's
//! notes, highlights and corrections (its sidecar) written for other tools.
//! The text comes from [`crate::export`]; this module picks the output:
//! standard output, or a file written atomically like `annotate -o`
//! ([`super::outfile`]); brat's several files go into a folder.

use std::path::Path;

use super::annotate_options;
use super::outfile::OutputFile;
use crate::config::Overrides;
use crate::error::{Error, Result};
use crate::export::{self, Format, UserAnnotation, report::Palette};
use crate::model::text::visible_path;

/// The name of the exported document: the input's file stem, or `stdin`,
/// or `sample`.
fn doc_name(file: Option<&str>) -> String {
    match file {
        None => "sample".to_string(),
        Some("-") => "stdin".to_string(),
        Some(f) => Path::new(f)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "document".to_string()),
    }
}

/// The HTML colours from the theme in effect (its background, foreground
/// and speaker palette); the default palette where the theme gives none.
fn palette(o: &Overrides) -> Palette {
    use ratatui::style::Color;
    let rgb = |c: Option<Color>| match c {
        Some(Color::Rgb(r, g, b)) => Some([r, g, b]),
        _ => None,
    };
    let Ok(styles) =
        crate::theme::Styles::for_theme(o.theme.as_deref(), crate::theme::ColorDepth::TrueColor)
    else {
        return Palette::default();
    };
    let speakers: Vec<[u8; 3]> = styles.speakers.iter().filter_map(|s| rgb(s.fg)).collect();
    match (rgb(styles.base.bg), rgb(styles.base.fg)) {
        (Some(background), Some(foreground)) if !speakers.is_empty() => Palette {
            background,
            foreground,
            speakers,
        },
        _ => Palette::default(),
    }
}

/// `attache export`: write `file` (none: the sample) in `format` to `out`
/// (none: standard output; a folder for brat).
pub fn export(file: Option<&str>, format: Format, out: Option<&Path>, o: &Overrides) -> Result<()> {
    let input = file.filter(|f| *f != "-").map(Path::new);
    if format == Format::Brat {
        let Some(dir) = out else {
            return Err(Error::input(
                "brat writes several files (NAME.txt, NAME.ann, annotation.conf): give -o DIR",
            ));
        };
        return brat(file, dir, o);
    }
    // Open the output first, so that an unwritable place fails before the work.
    let target = out
        .map(|p| OutputFile::create(p, input, false))
        .transpose()?;
    let (doc, user) = with_sidecar(file, crate::load::load(file, &annotate_options(o)?)?)?;
    let name = match file {
        Some(f) if f != "-" => Path::new(f)
            .file_name()
            .map_or_else(|| doc_name(file), |n| n.to_string_lossy().into_owned()),
        _ => doc_name(file),
    };
    // Written as it is made: the output of a large text is big.
    let write = |w: &mut dyn std::io::Write| match format {
        Format::W3c => export::w3c::write_w3c(&doc, &user, &name, w),
        Format::Markdown => export::report::write_markdown(&doc, &user, &name, w),
        Format::Html => export::report::write_html(&doc, &user, &name, &palette(o), w),
        Format::Csv => export::csv::write_csv(&doc, &user, w),
        Format::Brat => unreachable!("handled above"),
    };
    match target {
        Some(t) => t.commit_with(write),
        None => crate::output::write_stdout_with(write),
    }
}

/// brat: `DIR/NAME.txt`, `DIR/NAME.ann` and `DIR/annotation.conf`, each
/// written atomically; the folder is made when missing.
fn brat(file: Option<&str>, dir: &Path, o: &Overrides) -> Result<()> {
    let shown = visible_path(dir);
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => {
            return Err(Error::input(format!(
                "{shown}: not a folder (brat export writes NAME.txt, NAME.ann and annotation.conf into -o DIR)"
            )));
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(dir).map_err(|e| Error::runtime(format!("{shown}: {e}")))?
        }
        Err(e) => return Err(Error::runtime(format!("{shown}: {e}"))),
    }
    let name = doc_name(file);
    let input = file.filter(|f| *f != "-").map(Path::new);
    let txt_path = dir.join(format!("{name}.txt"));
    let ann_path = dir.join(format!("{name}.ann"));
    let conf_path = dir.join("annotation.conf");
    // All three are opened before any is written; the input is never replaced.
    let txt = OutputFile::create(&txt_path, input, false)?;
    let ann = OutputFile::create(&ann_path, input, false)?;
    let conf = OutputFile::create(&conf_path, input, false)?;
    let (doc, user) = with_sidecar(file, crate::load::load(file, &annotate_options(o)?)?)?;
    // The text is written from the document and the standoff as it is made:
    // neither is held a second time.
    txt.commit(&doc.text)?;
    ann.commit_with(|w| export::brat::write_ann(&doc, &user, w))?;
    conf.commit(export::brat::ANNOTATION_CONF)
}

/// `doc` with the reader's corrections applied, and its notes, highlights
/// and corrections placed in the text, from the sidecar the reader keeps for
/// `file` (none for standard input, or when there is no sidecar yet).
/// Orphans (items whose text is gone) are left out of the export; they stay
/// in the sidecar.
fn with_sidecar(
    file: Option<&str>,
    doc: crate::model::Document,
) -> Result<(crate::model::Document, Vec<UserAnnotation>)> {
    use crate::notes::{Body, anchor::Text, correct::apply, store};
    let path = match file {
        Some("-") => None,
        Some(f) => Some(store::sidecar_for(Path::new(f))),
        None => store::sample_sidecar(),
    };
    let Some(sidecar) = path.map(|p| store::load(&p)).transpose()?.flatten() else {
        return Ok((doc, Vec::new()));
    };
    let placed = sidecar.place(&Text::new(&doc.text));
    let found = || {
        placed
            .iter()
            .filter_map(|p| p.at.map(|(span, _)| (span, &sidecar.items[p.item])))
    };
    let corrections = found().filter_map(|(span, item)| match &item.body {
        Body::Correction { correction } => Some((span, correction)),
        _ => None,
    });
    let (doc, _) = apply(&doc, corrections);
    let user = found()
        .map(|(span, item)| {
            let (kind, text) = match &item.body {
                Body::Note { text } => (export::UserKind::Note, text.clone()),
                Body::Highlight => (export::UserKind::Highlight, String::new()),
                Body::Correction { correction } => {
                    (export::UserKind::Correction, correction.describe())
                }
            };
            UserAnnotation {
                id: item.id.clone(),
                span,
                kind,
                text,
            }
        })
        .collect();
    Ok((doc, user))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_input() {
        assert_eq!(doc_name(None), "sample");
        assert_eq!(doc_name(Some("-")), "stdin");
        assert_eq!(doc_name(Some("dir/talks.en.txt")), "talks.en");
    }
}
