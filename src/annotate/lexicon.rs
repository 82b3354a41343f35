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
