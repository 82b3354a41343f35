//! Incremental search: the prompt's keys, the search itself (smart case,
//! hidden text never a hit) and stepping between hits.

use super::keymap::{Key, KeyCode};
use super::state::State;

/// An incremental search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// The text being typed, while the prompt is open.
    pub input: Option<String>,
    /// The pattern searched for (empty: no search).
    pub query: String,
    /// Byte offsets of every hit.
    pub hits: Vec<usize>,
    /// Length of a hit in bytes.
    pub len: usize,
    /// Index into `hits` of the current hit.
    pub current: Option<usize>,
    /// Where the cursor was when the prompt opened.
    pub(super) origin: usize,
    /// The hit limit cut no hit of `query` off.
    pub(super) complete: bool,
}

impl Search {
    /// True when a search pattern is set (typed or confirmed).
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }
}

/// The longest search text, in characters. Every key typed into the prompt
/// searches again, so an unbounded query (a long paste without bracketed
/// paste) would cost the square of its length.
pub const MAX_QUERY: usize = 1000;

fn too_long() -> String {
    format!("the search text stops at {MAX_QUERY} characters")
}

/// A key typed while the search prompt is open.
pub(super) fn search_key(s: &mut State, k: Key) {
    s.message = None;
    let Some(input) = s.search.input.as_mut() else {
        return;
    };
    match (k.code, k.ctrl) {
        (KeyCode::Enter, _) => {
            s.search.input = None;
            if s.search.query.is_empty() {
                s.search = Search::default();
            } else if s.search.hits.is_empty() {
                s.message = Some(format!("not found: {}", s.search.query));
            }
            return;
        }
        (KeyCode::Esc, _) | (KeyCode::Char('c'), true) => {
            let origin = s.search.origin;
            s.search = Search::default();
            s.jump(origin);
            return;
        }
        (KeyCode::Backspace, _) => {
            if input.pop().is_none() {
                s.search = Search::default();
                return;
            }
        }
        (KeyCode::Char('u'), true) => input.clear(),
        (KeyCode::Char(c), false) if !c.is_control() => {
            if input.chars().count() >= MAX_QUERY {
                s.message = Some(too_long());
                return;
            }
            input.push(c);
        }
        _ => return,
    }
    let q = input.clone();
    run_search(s, &q);
}

/// Pasted text: typed into the search prompt when it is open (line breaks
/// and tabs become spaces, other control characters are dropped, the whole
/// searched once, cut at [`MAX_QUERY`]); never taken as commands.
pub(super) fn paste(s: &mut State, text: &str) {
    let Some(input) = s.search.input.as_mut() else {
        s.message = Some("paste ignored: press / to search for pasted text".into());
        return;
    };
    s.message = None;
    let room = MAX_QUERY.saturating_sub(input.chars().count());
    let mut chars = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .peekable();
    input.extend(chars.by_ref().take(room));
    if chars.peek().is_some() {
        s.message = Some(too_long());
    }
    let q = input.clone();
    run_search(s, &q);
}

/// Searches stop counting hits here.
const MAX_HITS: usize = 1_000_000;

/// Whether `p` has a border (a proper prefix that is also a suffix), that
/// is, whether two of its occurrences can overlap.
fn has_border(p: &[u8]) -> bool {
    let mut pi = vec![0usize; p.len()];
    for i in 1..p.len() {
        let mut k = pi[i - 1];
        while k > 0 && p[i] != p[k] {
            k = pi[k - 1];
        }
        if p[i] == p[k] {
            k += 1;
        }
        pi[i] = k;
    }
    pi.last().is_some_and(|&k| k > 0)
}

/// Smart case: a query with no upper-case letter ignores (ASCII) case.
fn ignores_case(q: &str) -> bool {
    !q.chars().any(|c| c.is_uppercase())
}

/// Whether the hits of `q` are exactly those of `previous` at which `q`
/// matches, so that typing one more character need not search again: `q`
/// extends `previous` in the same case mode, and neither can overlap
/// itself (so each search found every occurrence, not a greedy subset).
fn narrows(previous: &str, q: &str) -> bool {
    let key = |p: &str| {
        if ignores_case(q) {
            p.to_ascii_lowercase()
        } else {
            p.to_string()
        }
    };
    !previous.is_empty()
        && q.starts_with(previous)
        && ignores_case(previous) == ignores_case(q)
        && !has_border(key(previous).as_bytes())
        && !has_border(key(q).as_bytes())
}

/// Search for `q` (smart case; hidden text never a hit) and jump to the
/// first hit after where the prompt opened. When `q` only adds to the
/// previous query, the previous hits are narrowed instead of searching the
/// whole text again.
pub(super) fn run_search(s: &mut State, q: &str) {
    let previous = std::mem::take(&mut s.search.query);
    let old_hits = std::mem::take(&mut s.search.hits);
    let was_complete = std::mem::take(&mut s.search.complete);
    s.search.query = q.to_string();
    s.search.len = q.len();
    s.search.current = None;
    if q.is_empty() {
        let origin = s.search.origin;
        s.jump(origin);
        return;
    }
    let smart_case = ignores_case(q);
    let ql;
    let (hay, needle) = if smart_case {
        ql = q.to_ascii_lowercase();
        let lower = s
            .lower
            .get_or_insert_with(|| s.doc.text.to_ascii_lowercase());
        (lower.as_str(), ql.as_str())
    } else {
        (s.doc.text.as_str(), q)
    };
    if was_complete && narrows(&previous, q) {
        let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
        s.search.hits = old_hits
            .into_iter()
            .filter(|&h| hay[h..].starts_with(needle))
            .collect();
        s.search.complete = true;
        jump_to_first_hit(s);
        return;
    }
    let hits: Vec<usize> = hay
        .match_indices(needle)
        .map(|(i, _)| i)
        .take(MAX_HITS)
        .collect();
    s.search.complete = hits.len() < MAX_HITS;
    // Hidden text (boilerplate) is never a hit.
    s.search.hits = hits.into_iter().filter(|&h| s.index.shows(h)).collect();
    jump_to_first_hit(s);
}

/// Make the first hit after where the prompt opened current (wrapping to
/// the first) and jump to it; with no hit, go back where the prompt opened.
fn jump_to_first_hit(s: &mut State) {
    let origin = s.search.origin;
    let i = s.search.hits.partition_point(|&h| h < origin);
    let i = if i < s.search.hits.len() {
        Some(i)
    } else if s.search.hits.is_empty() {
        None
    } else {
        s.message = Some("search hit BOTTOM, continuing at TOP".into());
        Some(0)
    };
    s.search.current = i;
    if let Some(i) = i {
        let pos = s.search.hits[i];
        jump_keeping_selection(s, pos);
    } else {
        let origin = s.search.origin;
        s.jump(origin);
    }
}

pub(super) fn search_step(s: &mut State, forward: bool) {
    let hits = &s.search.hits;
    if hits.is_empty() {
        s.message = Some(format!("not found: {}", s.search.query));
        return;
    }
    let cur = s.cursor;
    let i = if forward {
        let i = match s.search.current {
            Some(c) if hits[c] == cur => c + 1,
            _ => hits.partition_point(|&h| h <= cur),
        };
        if i >= hits.len() {
            s.message = Some("search hit BOTTOM, continuing at TOP".into());
            0
        } else {
            i
        }
    } else {
        let i = hits.partition_point(|&h| h < cur);
        if i == 0 {
            s.message = Some("search hit TOP, continuing at BOTTOM".into());
            hits.len() - 1
        } else {
            i - 1
        }
    };
    s.search.current = Some(i);
    let pos = s.search.hits[i];
    jump_keeping_selection(s, pos);
}

/// Jump to a hit without dropping the selected quote: a hit that wraps
/// round the document (either way) takes the quote off screen, but it
/// stays the selected one, as it does when the hit is near it, so that
/// stepping back to it finds it still selected. The next scroll that does
/// not show it drops it, as always.
fn jump_keeping_selection(s: &mut State, pos: usize) {
    let selected = s.selected;
    s.jump(pos);
    s.selected = selected;
}
