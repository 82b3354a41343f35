//! Word lists embedded from `assets/`: speech verbs, titles and the gazetteer.
//!
//! Lists are plain text, one entry a line, `#` starts a comment, so that
//! people who are not programmers can extend them.

/// Parse an embedded list: one entry a line, blank lines and `#` comments skipped.
pub fn parse_list(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// The entries of a tagged list whose tags include `tag`: each line is an
/// entry word followed by the names of the uses that take it
/// (`de  attribution entities labels`), so that one file serves several
/// readers that each want a part of it.
pub fn tagged_entries<'a>(src: &'a str, tag: &str) -> impl Iterator<Item = &'a str> {
    parse_list(src).filter_map(move |l| {
        let mut it = l.split_whitespace();
        let entry = it.next()?;
        it.any(|t| t == tag).then_some(entry)
    })
}

/// Declare `static NAME: LazyLock<Vec<&str>>`, the entries of
/// `assets/lexicon/FILE` (see [`parse_list`]), parsed on first use:
/// `word_list!(STOP = "entity-stop-words.txt");`. The path is taken from the
/// crate root, so it may be called from a file at any depth. With
/// `, tag = "use"` it takes only the entries tagged for that use (see
/// [`tagged_entries`]).
macro_rules! word_list {
    ($(#[$meta:meta])* $name:ident = $file:literal, tag = $tag:literal) => {
        $(#[$meta])*
        static $name: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
            $crate::annotate::lexicon::tagged_entries(
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lexicon/", $file)),
                $tag,
            )
            .collect()
        });
    };
    ($(#[$meta:meta])* $name:ident = $file:literal) => {
        $(#[$meta])*
        static $name: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
            $crate::annotate::lexicon::parse_list(include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/lexicon/",
                $file
            )))
            .collect()
        });
    };
}
pub(crate) use word_list;

/// Places: countries, capitals, major cities, regions.
pub const PLACES: &str = include_str!("../../assets/gazetteer/places.txt");
/// Organisations: international bodies, government bodies, media, companies.
pub const ORGANISATIONS: &str = include_str!("../../assets/gazetteer/organisations.txt");
/// Titles and honorifics that stand before a person's name.
pub const TITLES: &str = include_str!("../../assets/gazetteer/titles.txt");
/// Demonyms and modifiers that may stand before a title.
pub const MODIFIERS: &str = include_str!("../../assets/gazetteer/demonyms.txt");
/// Common given names.
pub const GIVEN_NAMES: &str = include_str!("../../assets/gazetteer/given_names.txt");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_skip_comments() {
        let v: Vec<&str> = parse_list("# head\nA  # note\n\n B\n").collect();
        assert_eq!(v, vec!["A", "B"]);
        let t: Vec<&str> = tagged_entries("a x y\nb y\nc\n", "x").collect();
        assert_eq!(t, vec!["a"]);
        for list in [PLACES, ORGANISATIONS, TITLES, MODIFIERS, GIVEN_NAMES] {
            assert!(parse_list(list).count() > 50);
            assert!(parse_list(list).all(|e| !e.starts_with('#')));
        }
    }
}
