//! Speakers: the variants of one person's label resolved to one speaker.
//!
//! A transcript prints the same person in several ways (`PRESIDENT NOVAK`,
//! `THE PRESIDENT`, `President of Norland Ana Novak`, a typo once). This module
//! resolves every distinct label to a name and a role, from the label itself,
//! from the other labels and from the header above the first label, and gives
//! every label of one person the same shared [`TurnSpeaker`].

use std::sync::Arc;

use super::TurnSpeaker;
use super::labels::{
    Candidate, LabelText, floor_boundary, is_connector, is_space, is_title_word, lower_nodots,
};
use crate::annotate::FastMap;
use crate::model::SpeakerKind;

/// Most distinct labels for which labels are matched against each other.
const MAX_CROSS_LABELS: usize = 300;

/// Title-case an ALL-CAPS word ("KIRBY" → "Kirby", "JEAN-PIERRE" → "Jean-Pierre").
fn to_title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !crate::annotate::is_alpha(c);
    }
    // "Mcdonald" is left as is: ALL-CAPS labels lose that information.
    out
}

/// The label's words as they should be displayed.
fn display_words(info: &LabelText) -> Vec<String> {
    info.core
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if info.caps && (i == 0 || !is_connector(w)) {
                to_title_case(w)
            } else if info.caps {
                w.to_lowercase()
            } else {
                w.to_string()
            }
        })
        .collect()
}

/// Index of `needle` as a run of whole words inside `hay`.
fn find_words(hay: &[String], needle: &[String]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| {
        hay[i..i + needle.len()]
            .iter()
            .zip(needle)
            .all(|(a, b)| a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase())
    })
}

/// A person's name learnt from one label: (name words, role words).
fn split_title(words: &[String]) -> (Vec<String>, Vec<String>) {
    let mut i = 0;
    while i < words.len() && (is_title_word(&words[i]) || words[i].eq_ignore_ascii_case("the")) {
        i += 1;
    }
    if i == words.len() {
        // Only titles ("THE PRESIDENT", "MODERATOR"): the label is the name.
        return (words.to_vec(), Vec::new());
    }
    // "President of Russia Vladimir Putin": a title, "of" and a place, then the name.
    if i > 0 && matches!(words[i].to_lowercase().as_str(), "of" | "for") {
        let n = words.len();
        let name_len = if n - i >= 3 { 2.min(n - i - 2) } else { 0 };
        if name_len > 0 {
            let cut = n - name_len;
            return (words[cut..].to_vec(), words[..cut].to_vec());
        }
    }
    (words[i..].to_vec(), words[..i].to_vec())
}

/// Edit distance between two short words (surnames).
fn edit_distance(a: &str, b: &str) -> usize {
    // Optimal string alignment: insertions, deletions, substitutions and
    // swaps of neighbours each cost one.
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            d[i * w + j] = if i == 0 {
                j
            } else if j == 0 {
                i
            } else {
                let mut v = (d[(i - 1) * w + j - 1] + usize::from(a[i - 1] != b[j - 1]))
                    .min(d[(i - 1) * w + j] + 1)
                    .min(d[i * w + j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[(i - 2) * w + j - 2] + 1);
                }
                v
            };
        }
    }
    d[a.len() * w + b.len()]
}

/// The distinct label cores of a document (the labels without their
/// parenthesis), in order of first use.
struct LabelCores<'a> {
    /// How many labels have each core.
    counts: Vec<usize>,
    /// What each core's first label says.
    infos: Vec<&'a LabelText>,
    /// Each core's labels as printed, without repeats.
    printed: Vec<Vec<String>>,
    /// The core of every accepted label.
    core_of: Vec<usize>,
}

impl<'a> LabelCores<'a> {
    /// Group the accepted labels by core.
    fn new(text: &str, accepted: &'a [Candidate]) -> Self {
        let mut cores = LabelCores {
            counts: Vec::new(),
            infos: Vec::new(),
            printed: Vec::new(),
            core_of: Vec::with_capacity(accepted.len()),
        };
        let mut core_index: FastMap<&str, usize> = FastMap::default();
        for c in accepted {
            let key = c.info.core.as_str();
            let idx = match core_index.get(key) {
                Some(&i) => i,
                None => {
                    core_index.insert(key, cores.counts.len());
                    cores.counts.push(0);
                    cores.infos.push(&c.info);
                    cores.printed.push(Vec::new());
                    cores.counts.len() - 1
                }
            };
            cores.counts[idx] += 1;
            let p = c.label.slice(text).to_string();
            if !cores.printed[idx].contains(&p) {
                cores.printed[idx].push(p);
            }
            cores.core_of.push(idx);
        }
        cores
    }

    /// Number of distinct cores.
    fn len(&self) -> usize {
        self.counts.len()
    }
}

/// The name and role one label core resolves to.
struct Resolved {
    /// The name's words ("Vladimir", "Putin").
    name: Vec<String>,
    /// The role's words ("President", "of", "Russia").
    role: Vec<String>,
    kind: SpeakerKind,
    /// The unnamed questioner ("Q", "QUESTION").
    question: bool,
    /// The label is titles only ("THE PRESIDENT"), its name still unknown.
    titles_only: bool,
}

/// Resolve every accepted label to a speaker (one per candidate, in order).
pub(super) fn resolve_speakers(text: &str, accepted: &[Candidate]) -> Vec<Arc<TurnSpeaker>> {
    let cores = LabelCores::new(text, accepted);
    let header_end = accepted.first().map_or(0, |c| c.line_start);
    let header = &text[..floor_boundary(text, header_end.min(8000))];

    // Cross-label matching is quadratic in the number of distinct labels:
    // a real transcript has a few dozen, so it is skipped beyond that.
    let small = cores.len() <= MAX_CROSS_LABELS;
    // Bare names: labels without titles, of two words or more ("Vladimir Putin").
    let bare: Vec<Vec<String>> = cores
        .infos
        .iter()
        .filter(|i| small && !i.titled && !i.question && !i.role_word && i.words >= 2)
        .map(|i| display_words(i))
        .collect();

    let mut resolved: Vec<Resolved> = cores
        .infos
        .iter()
        .map(|info| resolve_label(info, &bare, header, small))
        .collect();
    if small {
        name_titles_only(&mut resolved, header);
    }
    let target = typo_targets(&resolved, &cores.counts, small);
    shared_speakers(&cores, &resolved, &target)
}

/// Resolve one label core on its own, given the document's bare names and its header.
fn resolve_label(info: &LabelText, bare: &[Vec<String>], header: &str, small: bool) -> Resolved {
    if info.question {
        return resolve_question(info);
    }
    let mut words = display_words(info);
    // "Q: … A: …": the bare A is the answer of the one interviewed.
    if info.core == "A" {
        words = vec!["Answer".into()];
    }
    // "Moderator (Jane Roe)": the person in the parenthesis.
    if info.role_word
        && let Some(name) = info.paren.as_deref().and_then(reporter_name)
    {
        return Resolved {
            name: name.split(' ').map(str::to_string).collect(),
            role: words,
            kind: SpeakerKind::Person,
            question: false,
            titles_only: false,
        };
    }
    // A label that contains another label's bare name is that person.
    let mut best: Option<(usize, &Vec<String>)> = None;
    for b in bare {
        if b.len() < words.len()
            && let Some(at) = find_words(&words, b)
            && best.is_none_or(|(_, prev)| b.len() > prev.len())
        {
            best = Some((at, b));
        }
    }
    let (mut name, role) = match best {
        Some((at, b)) => (b.clone(), words[..at].to_vec()),
        None => split_title(&words),
    };
    // A surname alone: complete it from another label or the header.
    if name.len() == 1 && !info.role_word && !(info.titled && role.is_empty()) {
        let surname = name[0].clone();
        if let Some(full) = bare.iter().find(|b| {
            b.len() >= 2
                && b.last()
                    .is_some_and(|l| l.to_lowercase() == surname.to_lowercase())
        }) {
            name = full.clone();
        } else if let Some(first) = first_name_in(header, &surname).filter(|_| small) {
            name = vec![first, surname];
        }
    }
    let role = role
        .into_iter()
        .filter(|w| {
            !matches!(
                lower_nodots(w).as_str(),
                "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "the"
            )
        })
        .collect();
    let titles_only = best.is_none()
        && words
            .iter()
            .all(|w| is_title_word(w) || w.eq_ignore_ascii_case("the"));
    Resolved {
        name,
        role,
        kind: SpeakerKind::Person,
        question: false,
        titles_only,
    }
}

/// A reporter's question: the reporter when the parenthesis names one, else
/// the group speaker "Question".
fn resolve_question(info: &LabelText) -> Resolved {
    match info.paren.as_deref().and_then(reporter_name) {
        Some(name) => Resolved {
            name: name.split(' ').map(str::to_string).collect(),
            role: vec!["Reporter".into()],
            kind: SpeakerKind::Person,
            question: false,
            titles_only: false,
        },
        None => Resolved {
            name: vec!["Question".into()],
            role: Vec::new(),
            kind: SpeakerKind::Group,
            question: true,
            titles_only: false,
        },
    }
}

/// A label of titles only ("THE PRESIDENT"): the person another label or the
/// header gives that title ("PRESIDENT NOVAK:", "Remarks by President Novak").
fn name_titles_only(resolved: &mut [Resolved], header: &str) {
    for i in 0..resolved.len() {
        if !resolved[i].titles_only {
            continue;
        }
        let key: Vec<String> = resolved[i]
            .name
            .iter()
            .map(|w| lower_nodots(w))
            .filter(|w| w != "the")
            .collect();
        if key.is_empty() {
            continue;
        }
        let from_label = resolved.iter().find(|r| {
            !r.titles_only
                && !r.question
                && r.role.len() == key.len()
                && r.role.iter().zip(&key).all(|(a, b)| lower_nodots(a) == *b)
        });
        let found = match from_label {
            Some(r) => Some(r.name.clone()),
            None => titled_name_in(header, &key),
        };
        if let Some(name) = found {
            let role: Vec<String> = resolved[i]
                .name
                .iter()
                .filter(|w| lower_nodots(w) != "the")
                .cloned()
                .collect();
            resolved[i].name = name;
            resolved[i].role = role;
            resolved[i].titles_only = false;
        }
    }
}

/// For every core, the core whose name it takes: itself, or for a name used
/// once one letter away (in the surname) from a more used one, that one (a typo).
fn typo_targets(resolved: &[Resolved], counts: &[usize], small: bool) -> Vec<usize> {
    let mut target: Vec<usize> = (0..counts.len()).collect();
    let mut name_count: FastMap<String, usize> = FastMap::default();
    for (i, r) in resolved.iter().enumerate() {
        *name_count.entry(r.name.join(" ")).or_default() += counts[i];
    }
    if !small {
        return target;
    }
    for i in 0..resolved.len() {
        let ni = resolved[i].name.join(" ");
        let ci = name_count[&ni];
        for j in 0..resolved.len() {
            let nj = resolved[j].name.join(" ");
            if i == j || ni == nj || resolved[i].question || resolved[j].question {
                continue;
            }
            let cj = name_count[&nj];
            let (a, b) = (&resolved[i].name, &resolved[j].name);
            let (Some(sa), Some(sb)) = (a.last(), b.last()) else {
                continue;
            };
            let same_rest = a.len() == b.len() && a[..a.len() - 1] == b[..b.len() - 1];
            if ci == 1
                && cj >= 2
                && same_rest
                && sa.chars().count() >= 4
                && edit_distance(&sa.to_lowercase(), &sb.to_lowercase()) == 1
            {
                target[i] = j;
                break;
            }
        }
    }
    surname_targets(resolved, &mut target);
    target
}

/// A label of a surname alone ("MS. KOWAL") takes the one other label
/// whose full name ends in it ("MS. ANNA KOWAL"): one person, one speaker.
/// Two full names with that surname leave it as it is.
fn surname_targets(resolved: &[Resolved], target: &mut [usize]) {
    for i in 0..resolved.len() {
        let r = &resolved[i];
        let [surname] = r.name.as_slice() else {
            continue;
        };
        if r.question || r.kind != SpeakerKind::Person || target[i] != i {
            continue;
        }
        let mut full = (0..resolved.len()).filter(|&j| {
            let n = &resolved[j].name;
            j != i
                && !resolved[j].question
                && resolved[j].kind == SpeakerKind::Person
                && n.len() >= 2
                && n.last().is_some_and(|l| l.eq_ignore_ascii_case(surname))
        });
        if let (Some(j), None) = (full.next(), full.next()) {
            target[i] = j;
        }
    }
}

/// One [`TurnSpeaker`] per resolved name, with every label variant as an
/// alias, shared by handle: the speaker of every accepted label, in order.
fn shared_speakers(
    cores: &LabelCores,
    resolved: &[Resolved],
    target: &[usize],
) -> Vec<Arc<TurnSpeaker>> {
    let mut by_name: FastMap<String, TurnSpeaker> = FastMap::default();
    for i in 0..cores.len() {
        let t = target[i];
        let r = &resolved[t];
        let name = r.name.join(" ");
        let entry = by_name.entry(name.clone()).or_insert_with(|| TurnSpeaker {
            name: name.clone(),
            role: None,
            aliases: Vec::new(),
            kind: r.kind,
        });
        if entry.role.is_none() && !resolved[i].role.is_empty() && !r.question {
            entry.role = Some(resolved[i].role.join(" "));
        }
        let own = resolved[i].name.join(" ");
        let mut add = |a: &str| {
            if !a.eq_ignore_ascii_case(&entry.name)
                && !entry.aliases.iter().any(|x| x.eq_ignore_ascii_case(a))
            {
                entry.aliases.push(a.to_string());
            }
        };
        add(&own);
        for p in &cores.printed[i] {
            add(p);
        }
    }
    // One shared speaker per label core; turns only clone the handle.
    let per_core: Vec<Arc<TurnSpeaker>> = (0..cores.len())
        .map(|ci| {
            let name = resolved[target[ci]].name.join(" ");
            Arc::new(by_name.get(&name).cloned().unwrap_or(TurnSpeaker {
                name,
                role: None,
                aliases: Vec::new(),
                kind: SpeakerKind::Person,
            }))
        })
        .collect();
    cores
        .core_of
        .iter()
        .map(|&ci| Arc::clone(&per_core[ci]))
        .collect()
}

/// The reporter named in a question label's parenthesis ("Jane Roe, Daily Planet").
fn reporter_name(paren: &str) -> Option<String> {
    let head = paren.split([',', ';']).next()?.trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let ok = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| crate::annotate::is_alpha(c) || matches!(c, '.' | '-' | '’' | '\''))
            && !is_title_word(w)
    });
    ok.then(|| head.to_string())
}

/// The name that follows a title in the header ("… by President Ana Novak and …"),
/// when the title is not part of a longer one ("Vice President").
fn titled_name_in(header: &str, title: &[String]) -> Option<Vec<String>> {
    let words: Vec<&str> = header
        .split(|c: char| is_space(c) || c == ',' || c == ';' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    let n = title.len();
    if words.len() <= n {
        return None;
    }
    for i in 0..words.len() - n {
        let matches = words[i..i + n]
            .iter()
            .zip(title)
            .all(|(w, t)| lower_nodots(w) == *t);
        if !matches || (i > 0 && is_title_word(words[i - 1])) {
            continue;
        }
        let name: Vec<String> = words[i + n..]
            .iter()
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().skip(1).any(char::is_lowercase)
                    && !is_title_word(w)
            })
            .take(3)
            .map(|w| w.trim_end_matches(['.', ':']).to_string())
            .collect();
        if !name.is_empty() {
            return Some(name);
        }
    }
    None
}

/// A first name written right before `surname` in the header ("… John Kirby …").
fn first_name_in(header: &str, surname: &str) -> Option<String> {
    if surname.chars().count() < 2 {
        return None;
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    let words: Vec<&str> = header
        .split(|c: char| is_space(c) || c == ',' || c == ';' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    for w in 1..words.len() {
        let cur = words[w].trim_end_matches(['.', ':', '’', '\'', 's']);
        let cur_full = words[w].trim_end_matches(['.', ':']);
        if !(cur_full == surname
            || cur_full.eq_ignore_ascii_case(surname)
                && cur_full.chars().next().is_some_and(char::is_uppercase)
            || cur == surname)
        {
            continue;
        }
        let prev = words[w - 1];
        let ok = prev.chars().count() >= 2
            && prev.chars().next().is_some_and(char::is_uppercase)
            && prev.chars().skip(1).any(char::is_lowercase)
            && prev
                .chars()
                .all(|c| crate::annotate::is_alpha(c) || c == '-')
            && !is_title_word(prev)
            && !is_connector(prev)
            && !matches!(
                prev.to_lowercase().as_str(),
                "and" | "by" | "with" | "from" | "remarks" | "statement" | "interview"
            );
        if ok {
            match counts.iter_mut().find(|(n, _)| n == prev) {
                Some(e) => e.1 += 1,
                None => counts.push((prev.to_string(), 1)),
            }
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(n, _)| n)
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("novak", "novka"), 1);
        assert_eq!(edit_distance("novak", "nowak"), 1);
        assert_eq!(edit_distance("novak", "novakk"), 1);
        assert_eq!(edit_distance("novak", "brandt"), 6);
    }
}
