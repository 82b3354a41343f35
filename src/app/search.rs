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
    /// The counting of the hits, while it goes on.
    pub(super) scan: Option<Scan>,
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
/// whole text again. Otherwise the text is searched from where the prompt
/// opened up to the first hit only, and the hits are counted afterwards, a
/// slice at a time ([`State::count_step`]), so the first hit shows at once
/// whatever the size of the text.
pub(super) fn run_search(s: &mut State, q: &str) {
    let previous = std::mem::take(&mut s.search.query);
    let old_hits = std::mem::take(&mut s.search.hits);
    let was_complete = std::mem::take(&mut s.search.complete) && s.search.scan.is_none();
    s.search.scan = None;
    s.search.query = q.to_string();
    s.search.len = q.len();
    s.search.current = None;
    if q.is_empty() {
        let origin = s.search.origin;
        s.jump(origin);
        return;
    }
    if was_complete && old_hits.len() <= NARROW_MAX && narrows(&previous, q) {
        let finder = Finder::new(q);
        let hay = s.doc.text.as_bytes();
        s.search.hits = old_hits
            .into_iter()
            .filter(|&h| finder.is_at(hay, h))
            .collect();
        s.search.complete = true;
        jump_to_first_hit(s);
        return;
    }
    let mut scan = Scan::new(s.search.origin);
    // The first hit from the origin on, with no slice to finish first: its
    // cost is the distance to it.
    let finder = Finder::new(q);
    let hay = s.doc.text.as_bytes();
    while let Some(h) = finder.first(hay, scan.ahead, hay.len()) {
        scan.ahead = h + q.len();
        if s.index.shows(h) {
            s.search.hits.push(h);
            break;
        }
    }
    if s.search.hits.is_empty() {
        scan.ahead = hay.len();
    }
    s.search.scan = Some(scan);
    // None after the origin: up to the first hit from the top.
    while s.search.scan.is_some() && s.search.hits.is_empty() {
        s.count_step();
    }
    if !s.count_in_background {
        s.finish_count();
    }
    jump_to_first_hit(s);
}

/// Search the current query again (the document changed under it), all at
/// once, without moving the screen: the current hit stays current when it
/// is still a hit.
pub(super) fn search_again(s: &mut State) {
    let at = s.search.current.and_then(|c| s.search.hits.get(c).copied());
    s.search.hits.clear();
    s.search.current = None;
    s.search.complete = false;
    s.search.scan = Some(Scan::new(s.search.origin));
    s.finish_count();
    s.search.current = at.and_then(|p| s.search.hits.binary_search(&p).ok());
}

/// Narrowing more previous hits than this costs more than finding the
/// first hit afresh (and counting the others in the background).
const NARROW_MAX: usize = 10_000;

/// How many bytes of text one [`State::count_step`] searches: a few
/// milliseconds' work, so that keys keep their turn while the hits of a
/// search in a large text are counted.
const STEP: usize = 1 << 20;

/// The query as a matcher: smart case, the same hits as
/// [`str::match_indices`] in the text (both ASCII-lowered when the query
/// ignores case), without a lowered copy of the text.
struct Finder {
    ac: Option<aho_corasick::AhoCorasick>,
    len: usize,
}

impl Finder {
    fn new(q: &str) -> Self {
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(ignores_case(q))
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build([q])
            .ok();
        Finder { ac, len: q.len() }
    }

    /// The first hit that starts in `[from, to)`, when there is one.
    fn first(&self, hay: &[u8], from: usize, to: usize) -> Option<usize> {
        let ac = self.ac.as_ref()?;
        let end = (to + self.len).saturating_sub(1).min(hay.len());
        if from >= end {
            return None;
        }
        let input = aho_corasick::Input::new(hay).span(from..end);
        ac.find(input).map(|m| m.start())
    }

    /// Whether a hit starts at `at`.
    fn is_at(&self, hay: &[u8], at: usize) -> bool {
        self.first(hay, at, at + 1) == Some(at)
    }
}

/// The counting of a search's hits, in two runs: from where the prompt
/// opened to the end of the text (its hits go to the end of
/// [`Search::hits`] as they are found), then from the top until it meets a
/// hit of the first run (its hits go in front of them). Both runs take hits
/// left to right without overlaps, as [`str::match_indices`] does, so from a
/// hit they share on they are the same; a query whose hits can overlap
/// (`aa` in `aaa`) may find others, and then the second run counts to the
/// end on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Scan {
    /// Where the first run started.
    from: usize,
    /// Where the first run goes on (the text's length when it is done).
    ahead: usize,
    /// Where the second run goes on.
    behind: usize,
    /// How many hits the second run put in front.
    front: usize,
    /// The first run's hits are dropped: the second counts to the end.
    alone: bool,
}

impl Scan {
    fn new(from: usize) -> Self {
        Scan {
            from,
            ahead: from,
            behind: 0,
            front: 0,
            alone: false,
        }
    }
}

impl State {
    /// Whether a search's hits are still being counted.
    pub fn counting(&self) -> bool {
        self.search.scan.is_some()
    }

    /// Count the hits of the search in the next slice of text (see
    /// `Scan`); the event loop calls it while no key is waiting.
    pub fn count_step(&mut self) {
        let Some(mut scan) = self.search.scan.take() else {
            return;
        };
        let finder = Finder::new(&self.search.query);
        let hay = self.doc.text.as_bytes();
        let n = hay.len();
        let hits = &mut self.search.hits;
        let index = &self.index;
        let mut full = false;
        if scan.ahead < n && !scan.alone {
            let to = (scan.ahead + STEP).min(n);
            let mut at = scan.ahead;
            while let Some(h) = finder.first(hay, at, to) {
                if index.shows(h) {
                    hits.push(h);
                }
                at = h + finder.len.max(1);
                full = hits.len() >= MAX_HITS;
                if full {
                    break;
                }
            }
            scan.ahead = if full { n } else { to.max(at) };
        } else {
            let to = (scan.behind + STEP).min(n);
            let mut at = scan.behind;
            let mut found = Vec::new();
            let mut met = None;
            while let Some(h) = finder.first(hay, at, to) {
                at = h + finder.len.max(1);
                if !index.shows(h) {
                    continue;
                }
                if h >= scan.from && !scan.alone {
                    match hits[scan.front..].binary_search(&h) {
                        Ok(k) => {
                            met = Some(scan.front + k);
                            break;
                        }
                        Err(_) => {
                            // Overlapping hits: the two runs disagree.
                            hits.truncate(scan.front);
                            scan.alone = true;
                            self.search.current = None;
                        }
                    }
                }
                found.push(h);
                full = hits.len() + found.len() >= MAX_HITS;
                if full {
                    break;
                }
            }
            let mut settle = false;
            if let Some(k) = met {
                // Hits of the first run before the meeting point are not
                // hits of a count from the top (overlapping hits only).
                hits.drain(scan.front..k);
                match self.search.current.as_mut() {
                    Some(c) if *c >= k => *c -= k - scan.front,
                    Some(c) if *c >= scan.front => settle = true,
                    _ => {}
                }
            }
            let added = found.len();
            hits.splice(scan.front..scan.front, found);
            if let Some(c) = self.search.current.as_mut()
                && *c >= scan.front
            {
                *c += added;
            }
            scan.front += added;
            scan.behind = to.max(at);
            let first_done = scan.ahead >= n && hits.len() == scan.front;
            if met.is_some()
                || full
                || scan.behind >= n
                || (!scan.alone && first_done && scan.behind >= scan.from)
            {
                self.search.complete = !full;
                if settle || scan.alone {
                    self.settle_current();
                }
                return;
            }
        }
        self.search.scan = Some(scan);
    }

    /// Count every hit that is left now (a jump that needs them all, or a
    /// headless run, which must not depend on timing).
    pub fn finish_count(&mut self) {
        while self.counting() {
            self.count_step();
        }
    }

    /// After the second run counted alone: the current hit is the first
    /// from where the prompt opened, as if all had been counted at once.
    fn settle_current(&mut self) {
        let hits = &self.search.hits;
        let origin = self.search.origin;
        let i = hits.partition_point(|&h| h < origin);
        let i = if i < hits.len() {
            Some(i)
        } else {
            (!hits.is_empty()).then_some(0)
        };
        self.search.current = i;
        if let Some(i) = i {
            let pos = hits[i];
            jump_keeping_selection(self, pos);
        }
    }
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
    if s.counting() && !next_is_counted(s, forward) {
        s.finish_count();
    }
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

/// Whether the next hit forward is known while the hits are still being
/// counted: the current one is on screen and the next was found after it
/// by the run from where the prompt opened (nothing is left between them).
/// Any other step waits for the count.
fn next_is_counted(s: &State, forward: bool) -> bool {
    let (Some(c), Some(scan)) = (s.search.current, s.search.scan.as_ref()) else {
        return false;
    };
    let hits = &s.search.hits;
    forward && !scan.alone && c >= scan.front && c + 1 < hits.len() && hits[c] == s.cursor
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
