//! Word lists embedded from `assets/`: speech verbs, titles and the gazetteer.
//!
//! Lists are plain text, one entry a line, `#` starts a comment, so that
//! people who are not programmers can extend them. A list that several
//! readers share says after each entry which uses take it (see
//! [`tagged_entries`]), so that each piece of knowledge is written once.

use std::sync::LazyLock;

/// Parse an embedded list: one entry a line, blank lines and `#` comments skipped.
pub fn parse_list(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// The entries of a tagged list whose tags include `tag`: each line is an
/// entry word followed by the names of the uses that take it
/// (`de  attribution entities labels`), so that one file serves several
/// readers that each want a part of it. Where entries may hold spaces the
/// fields are separated by `|` (`Prime Minister | m | entities labels`):
/// the entry first, the uses last.
pub fn tagged_entries<'a>(src: &'a str, tag: &str) -> impl Iterator<Item = &'a str> {
    tagged_fields(src, tag).map(|(entry, _)| entry)
}

/// As [`tagged_entries`], each entry with the field between it and its uses
/// (`m` in `Lady | m | attribution`), or `""` when the line has none.
pub fn tagged_fields<'a>(src: &'a str, tag: &str) -> impl Iterator<Item = (&'a str, &'a str)> {
    parse_list(src).filter_map(move |l| {
        let (entry, field, uses) = if l.contains('|') {
            let mut fields = l.split('|').map(str::trim);
            let entry = fields.next()?;
            let uses = fields.next_back()?;
            (entry, fields.next().unwrap_or(""), uses)
        } else {
            let (entry, uses) = l.split_once(char::is_whitespace)?;
            (entry, "", uses)
        };
        uses.split_whitespace()
            .any(|t| t == tag)
            .then_some((entry, field))
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

/// Places: countries, regions, capitals, major cities; adjectives of
/// nationality (`entry | uses`, see [`tagged_entries`]).
pub const PLACES: &str = include_str!("../../assets/lexicon/place-names.txt");
/// Organisations: international bodies, government bodies, media, companies.
pub const ORGANISATIONS: &str = include_str!("../../assets/gazetteer/organisations.txt");
/// Titles, honorifics and role words that stand before or for a person's
/// name (`entry | gender | uses`, see [`tagged_fields`]).
pub const TITLES: &str = include_str!("../../assets/lexicon/person-titles.txt");
/// Demonyms and modifiers that may stand before a title.
pub const MODIFIERS: &str = include_str!("../../assets/gazetteer/demonyms.txt");
/// Common given names (`entry | gender | uses`, see [`tagged_fields`]).
pub const GIVEN_NAMES: &str = include_str!("../../assets/lexicon/given-names.txt");

/// [`PLACES`] in lower case, for the uses that compare lower-case words.
pub static PLACES_LOWER: LazyLock<String> = LazyLock::new(|| PLACES.to_lowercase());
/// [`TITLES`] in lower case, for the uses that compare lower-case words.
pub static TITLES_LOWER: LazyLock<String> = LazyLock::new(|| TITLES.to_lowercase());
/// [`GIVEN_NAMES`] in lower case, for the uses that compare lower-case words.
pub static GIVEN_NAMES_LOWER: LazyLock<String> = LazyLock::new(|| GIVEN_NAMES.to_lowercase());

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_parse_and_skip_comments() {
        let v: Vec<&str> = parse_list("# head\nA  # note\n\n B\n").collect();
        assert_eq!(v, vec!["A", "B"]);
        let t: Vec<&str> = tagged_entries("a x y\nb y\nc\n", "x").collect();
        assert_eq!(t, vec!["a"]);
        let src = "Prime Minister | | x y\nLady | f | x\nHong Kong | y\nMoscow | x  # c\n";
        let f: Vec<(&str, &str)> = tagged_fields(src, "x").collect();
        assert_eq!(
            f,
            vec![("Prime Minister", ""), ("Lady", "f"), ("Moscow", "")]
        );
        assert_eq!(
            tagged_entries(src, "y").collect::<Vec<_>>(),
            ["Prime Minister", "Hong Kong"]
        );
        for list in [PLACES, ORGANISATIONS, TITLES, MODIFIERS, GIVEN_NAMES] {
            assert!(parse_list(list).count() > 50);
            assert!(parse_list(list).all(|e| !e.starts_with('#')));
        }
    }

    /// How many entries of `src` each use takes, in `uses` order.
    fn counts(src: &str, uses: &[&str]) -> Vec<usize> {
        uses.iter()
            .map(|u| tagged_entries(src, u).count())
            .collect()
    }

    /// Every use named in a shared list is one its header documents, and no
    /// entry is written twice (the lower-case readers would see it twice).
    fn well_formed(src: &str, uses: &[&str]) {
        let mut seen = std::collections::HashSet::new();
        for line in parse_list(src) {
            let entry = line.split('|').next().unwrap_or("").trim();
            assert!(seen.insert(entry.to_lowercase()), "{entry} twice");
            let tags = line.rsplit('|').next().unwrap_or("");
            assert!(
                tags.split_whitespace().all(|t| uses.contains(&t)),
                "unknown use in {line:?}"
            );
        }
    }

    #[test]
    fn one_titles_list_serves_each_use_its_part() {
        let uses = ["entities", "attribution", "abbreviation", "labels", "eval"];
        well_formed(TITLES, &uses);
        assert_eq!(counts(TITLES, &uses), [101, 137, 19, 121, 40]);
        let entities: Vec<&str> = tagged_entries(TITLES, "entities").collect();
        assert!(entities.contains(&"First Deputy Prime Minister"));
        assert!(entities.contains(&"Vice-President"));
        let attribution: Vec<(&str, &str)> = tagged_fields(&TITLES_LOWER, "attribution").collect();
        assert!(attribution.contains(&("mr.", "m")));
        assert!(attribution.contains(&("lady", "f")));
        assert!(attribution.contains(&("ambassador", "")));
        let abbrev: Vec<&str> = tagged_entries(TITLES, "abbreviation").collect();
        assert!(abbrev.contains(&"Messrs") && !abbrev.contains(&"Mr."));
        let labels: Vec<&str> = tagged_entries(&TITLES_LOWER, "labels").collect();
        assert!(labels.contains(&"excellency") && labels.contains(&"mp"));
        let eval: Vec<&str> = tagged_entries(&TITLES_LOWER, "eval").collect();
        assert!(eval.contains(&"the") && eval.contains(&"presidente"));
    }

    #[test]
    fn one_given_names_list_serves_each_use_its_part() {
        let uses = ["entities", "attribution", "labels"];
        well_formed(GIVEN_NAMES, &uses);
        assert_eq!(counts(GIVEN_NAMES, &uses), [160, 331, 332]);
        let entities: Vec<&str> = tagged_entries(GIVEN_NAMES, "entities").collect();
        assert!(entities.contains(&"Yury") && entities.contains(&"Ahmed"));
        let attribution: Vec<(&str, &str)> =
            tagged_fields(&GIVEN_NAMES_LOWER, "attribution").collect();
        assert!(attribution.contains(&("angela", "f")));
        assert!(attribution.contains(&("john", "m")));
        assert!(attribution.iter().all(|(_, g)| *g == "m" || *g == "f"));
        // Labels take every given name, whoever else takes it.
        assert_eq!(parse_list(GIVEN_NAMES).count(), 332);
    }

    #[test]
    fn one_places_list_serves_each_use_its_part() {
        let uses = ["entities", "attribution"];
        well_formed(PLACES, &uses);
        assert_eq!(counts(PLACES, &uses), [385, 197]);
        let entities: Vec<&str> = tagged_entries(PLACES, "entities").collect();
        assert!(entities.contains(&"Hong Kong") && entities.contains(&"Türkiye"));
        assert!(!entities.contains(&"Russian"));
        let attribution: Vec<&str> = tagged_entries(&PLACES_LOWER, "attribution").collect();
        assert!(attribution.contains(&"moscow") && attribution.contains(&"u.s"));
        assert!(attribution.contains(&"russian"));
    }
}
