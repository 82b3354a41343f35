//! Boilerplate: site furniture (comment forms, share and subscribe lines) and
//! the trailer of meta lines and furniture after the last paragraph.
//!
//! Web pages copied as text end with such lines; they are kept as blocks so
//! the text stays whole, but lie outside every section.

use super::Draft;
use super::header::{is_time_line, source_line};
use super::lines::is_rule;
use crate::annotate::lexicon::word_list;
use crate::model::BlockKind;

word_list!(
    /// Whole lines of page furniture ("share this", "leave a reply").
    BOILERPLATE_LINES = "boilerplate-lines.txt"
);

/// Mark the trailer: the furniture, `Source:` lines, times and rules after the
/// last paragraph, read backwards. Returns the end of the body (the first
/// trailer block, or the number of blocks).
pub(super) fn mark_trailer(d: &mut Draft) -> usize {
    let mut body_end = d.spans.len(); // blocks [body_start, body_end) are the body
    while body_end > 0 {
        let i = body_end - 1;
        let s = d.slice(i);
        if all_boilerplate(s) {
            d.kinds[i] = BlockKind::Boilerplate;
        } else if let Some(src) = source_line(s) {
            d.kinds[i] = BlockKind::Meta;
            if d.meta.source.is_none() && !src.is_empty() {
                d.meta.source = Some(src.to_string());
            }
        } else if d.single[i] && (is_time_line(s) || is_rule(s)) {
            d.kinds[i] = BlockKind::Meta;
        } else {
            break;
        }
        body_end -= 1;
    }
    body_end
}

/// Site furniture: comment forms, share and subscribe lines.
fn is_boilerplate(s: &str) -> bool {
    if s.chars().count() > 90 {
        return false;
    }
    let l = s.to_lowercase();
    let l = l.trim_end_matches(['.', '!', ':', ' ', '»', '›', '>']);
    if BOILERPLATE_LINES.contains(&l) {
        return true;
    }
    const PREFIX: [&str; 12] = [
        "save my name, email",
        "subscribe to ",
        "sign up for ",
        "follow us on ",
        "share this on ",
        "click here to ",
        "copyright ©",
        "© ",
        "all rights reserved",
        "you must be logged in",
        "log in to comment",
        "notify me of ",
    ];
    PREFIX.iter().any(|p| l.starts_with(p)) || l.ends_with("all rights reserved")
}

/// Every line and sentence of a block is site furniture ("Please enter your
/// comment! Please enter your name here" reflowed onto one line).
fn all_boilerplate(s: &str) -> bool {
    let mut any = false;
    for part in s.split_inclusive(['\n', '!', '?', '.']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if !is_boilerplate(part) {
            return false;
        }
        any = true;
    }
    any
}
