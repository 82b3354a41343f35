//! Names: a capitalised run split into the person's name and role, with the
//! gender and kind of speaker they imply, memoised per document.

use super::Attributor;
use super::tokens::{Tok, TokKind, is_cap, lower};
use super::words::{CONNECTORS_SET, DETS_SET, LEX, in_list};
use crate::model::SpeakerKind;
use std::rc::Rc;

/// Grammatical gender a title, name or pronoun implies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    /// he, Mr.
    M,
    /// she, Ms., Mrs.
    F,
    /// they, it: plural or an organisation.
    P,
    /// Not known.
    U,
}

impl Gender {
    /// The gender of a lexicon tag: `m`, `f`, `p`, or none.
    pub(super) fn from_tag(t: Option<&str>) -> Gender {
        match t {
            Some("m") => Gender::M,
            Some("f") => Gender::F,
            Some("p") => Gender::P,
            _ => Gender::U,
        }
    }
}

/// What [`analyse_name`] makes of a noun phrase: name, role, gender, kind.
pub(super) type NameParts = (String, Option<String>, Gender, SpeakerKind);

/// Bound on memoised names, so a document of endless distinct names cannot
/// grow the memo without limit.
const NAME_MEMO_MAX: usize = 50_000;

impl Attributor<'_> {
    /// [`analyse_name`], memoised.
    pub(super) fn analyse_name(&mut self, words: &[&str]) -> NameParts {
        let key = words.join("\u{1f}");
        if let Some(parts) = self.names.get(&key) {
            return NameParts::clone(parts);
        }
        let parts = analyse_name(words);
        if self.names.len() < NAME_MEMO_MAX {
            self.names.insert(key, Rc::new(parts.clone()));
        }
        parts
    }

    /// [`analyse_name`] of the words of a run of tokens, memoised by the
    /// run's text as written, so that a run seen before costs one lookup
    /// and no copy. The same text always cuts into the same words, and a
    /// key with spaces or marks between its words never equals the
    /// U+001F-joined key of other words.
    pub(super) fn analyse_run(&mut self, run: &[Tok]) -> Rc<NameParts> {
        let (Some(a), Some(b)) = (run.first(), run.last()) else {
            return Rc::new(analyse_name(&[]));
        };
        let key = &self.text[a.s..b.e];
        if let Some(parts) = self.names.get(key) {
            return Rc::clone(parts);
        }
        let words: Vec<&str> = run
            .iter()
            .filter(|t| t.k == TokKind::Word)
            .map(|t| self.w(t))
            .collect();
        let parts = Rc::new(analyse_name(&words));
        if self.names.len() < NAME_MEMO_MAX {
            self.names.insert(key.to_string(), Rc::clone(&parts));
        }
        parts
    }
}

/// Drop a leading determiner.
pub(super) fn strip_det<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut w = words.to_vec();
    if w.first().is_some_and(|f| DETS_SET.has(f)) {
        w.remove(0);
    }
    w
}

/// Split a capitalised run into name and role: the name is the run of name
/// words after the last title, place or connector ("Russian Ambassador to Korea
/// Georgy Zinoviev" → "Georgy Zinoviev", role "Russian Ambassador to Korea").
fn analyse_name(words: &[&str]) -> (String, Option<String>, Gender, SpeakerKind) {
    // A possessive ends the role part ("CNN’s Scott Jennings").
    let possessive = words[..words.len().saturating_sub(1)]
        .iter()
        .rposition(|w| w.ends_with("'s") || w.ends_with("’s"));
    // A run that ends in the pronoun "I" is a title and the one speaking
    // ("the first US President I met"): never a person named I.
    let words = match words {
        [rest @ .., "I"] if !rest.is_empty() => rest,
        _ => words,
    };
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !w.eq_ignore_ascii_case("the") || words.len() == 1)
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .collect();
    // "Jane Roe of Springfield", "Sen. Jane Roe of Nevada": a given name and
    // surname (after any titles), then where the person is from; the name
    // is the words before "of".
    let is_title = |w: &str| {
        let l = lower(w);
        LEX.titles.contains_key(l.trim_end_matches('.'))
    };
    let titles = words.iter().take_while(|w| is_title(w)).count();
    // The given name is known, or a title stands before the name and a
    // place after "of" ("President Heidar Aliyev of Azerbaijan").
    let of_place = |of: usize| {
        titles > 0
            && of - titles <= 3
            && words[titles..of]
                .iter()
                .all(|w| !LEX.orgs.contains(&*lower(w)))
            && words[of + 1..]
                .iter()
                .all(|w| LEX.places.contains(&*lower(w)))
    };
    if let Some(of) = words.iter().position(|w| *w == "of")
        && of >= titles + 2
        && of + 1 < words.len()
        && words[titles..of].iter().all(|w| is_cap(w) && !is_title(w))
        && let Some(fg) = LEX
            .first
            .get(&*lower(words[titles]))
            .copied()
            .or_else(|| of_place(of).then_some(Gender::U))
    {
        let role = (titles > 0).then(|| words[..titles].join(" "));
        let g = words[..titles]
            .iter()
            .find_map(|w| {
                let l = lower(w);
                LEX.titles.get(l.trim_end_matches('.')).copied()
            })
            .filter(|&g| g != Gender::U)
            .unwrap_or(fg);
        return (words[titles..of].join(" "), role, g, SpeakerKind::Person);
    }
    let mut g = Gender::U;
    let is_roleish = |w: &str| {
        let l = lower(w);
        let l = l.trim_end_matches('.');
        // "Ambassador-designate": a hyphenated title.
        l.split('-').any(|part| {
            LEX.titles.contains_key(part)
                || LEX.places.contains(part)
                || CONNECTORS_SET.has(part)
                || LEX.roles.contains_key(part)
        })
    };
    // A place as a surname after a known given name ("Jim Jordan").
    let place_surname = |i: usize| {
        i + 1 == words.len()
            && i > 0
            && is_cap(words[i])
            && LEX.first.contains_key(&*lower(words[i - 1]))
            && {
                let l = lower(words[i]);
                LEX.places.contains(&*l)
                    && !LEX.titles.contains_key(&*l)
                    && !LEX.roles.contains_key(&*l)
                    && !CONNECTORS_SET.has(&l)
            }
    };
    let floor = possessive.map_or(0, |p| p + 1).min(words.len());
    let mut k = words.len();
    loop {
        while k > floor
            && (!is_roleish(words[k - 1]) || place_surname(k - 1))
            && is_cap(words[k - 1])
        {
            k -= 1;
        }
        // One or two particles inside a name ("Marine Le Pen", "Ursula
        // von der Leyen", "President de Gaulle", "Le Monde").
        let mut j = k;
        while k < words.len() && j > floor && k - j < 2 && is_particle(words[j - 1]) {
            j -= 1;
        }
        if j == k {
            break;
        }
        if j > floor && is_cap(words[j - 1]) && !is_roleish(words[j - 1]) {
            k = j;
            continue;
        }
        if j == floor || !is_cap(words[j]) {
            k = j;
        }
        break;
    }
    // "Maricopa County Recorder Helen Purcell": in a run of three words or
    // more, capitalised words before the first known given name (none of
    // them one, nor an initial) are a role the lexicon does not know, when
    // the name after them has two or three words and no connector. One
    // such word must read as a role ("Filmmaker Jo Marino"), not as a given
    // name the lexicon lacks ("Cornell William Brooks").
    if words.len() - k >= 3
        && let Some(i) =
            (k + 1..words.len() - 1).find(|&i| LEX.first.contains_key(&*lower(words[i])))
        && words.len() - i <= 3
        && words[k..i].iter().all(|w| {
            w.trim_end_matches('.').chars().count() > 1
                && !is_particle(w)
                && !CONNECTORS_SET.has(w)
                && !LEX.first.contains_key(&*lower(w))
        })
        && words[i..].iter().all(|w| !is_particle(w))
        && (i - k >= 2 || role_like(words[k]))
    {
        k = i;
    }
    let name_words = &words[k..];
    let role_words: Vec<&str> = words[..k]
        .iter()
        .copied()
        .filter(|w| {
            let l = lower(w);
            let l = l.trim_end_matches('.');
            if let Some(&tg) = LEX.titles.get(l)
                && tg != Gender::U
            {
                g = tg;
                return !matches!(l, "mr" | "mrs" | "ms" | "miss" | "messrs");
            }
            true
        })
        .collect();
    let lower_all: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let org_head = lower_all
        .last()
        .is_some_and(|w| LEX.orgs.contains(w.trim_end_matches('.')));
    let org_any = lower_all
        .iter()
        .any(|w| LEX.orgs.contains(w.trim_end_matches('.')));
    if (org_head || (org_any && name_words.is_empty()))
        && !name_words
            .first()
            .is_some_and(|f| LEX.first.contains_key(&*lower(f)))
    {
        return (words.join(" "), None, Gender::P, SpeakerKind::Organisation);
    }
    // "the First Chechen War", "the Yalta Conference": an event is nobody.
    if lower_all
        .last()
        .is_some_and(|w| in_list(EVENT_NOUNS, w.trim_end_matches('.')))
    {
        return (String::new(), None, g, SpeakerKind::Person);
    }
    if name_words.is_empty() {
        if words.len() <= 2 && lower_all.iter().all(|w| LEX.places.contains(w.as_str())) {
            return (words.join(" "), None, Gender::P, SpeakerKind::Country);
        }
        return (String::new(), None, g, SpeakerKind::Person);
    }
    // "the senator from Vermont", "the Secretary of State": one capitalised
    // word after a preposition that ends the role is where the role is, not
    // the name of the person who holds it.
    if let [w] = name_words
        && k >= 2
        && in_list(&["of", "from", "for"], words[k - 1])
        && !LEX.first.contains_key(&*lower(w))
    {
        return (String::new(), None, g, SpeakerKind::Person);
    }
    if g == Gender::U
        && name_words.len() > 1
        && let Some(&fg) = LEX.first.get(&*lower(name_words[0]))
    {
        g = fg;
    }
    let role = if role_words.is_empty() {
        None
    } else {
        let mut r: Vec<&str> = role_words;
        while r.last().is_some_and(|w| CONNECTORS_SET.has(w)) {
            r.pop();
        }
        Some(r.join(" ")).filter(|s| !s.is_empty())
    };
    (name_words.join(" "), role, g, SpeakerKind::Person)
}

/// Whether a capitalised word unknown to the lexicons reads as a role or
/// an affiliation: a known role, place or organisation word, or the ending
/// of a long agent noun or a party adjective ("Recorder", "Co-moderator",
/// "Columnist", "Republican", "Democrat").
fn role_like(w: &str) -> bool {
    let l = lower(w);
    let l = l.trim_end_matches('.');
    LEX.roles.contains_key(l)
        || LEX.places.contains(l)
        || LEX.orgs.contains(l)
        || (l.len() > 5 && (l.ends_with("can") || l.ends_with("crat")))
        // Long, so that given names such as Trevor or Walter are not roles.
        || (l.chars().count() >= 8 && ["er", "or", "ist"].iter().any(|s| l.ends_with(s)))
}

/// Nouns that end the name of an event, an agreement or an era, never a
/// person's (none is a common surname, unlike "Day" or "Law").
const EVENT_NOUNS: &[&str] = &[
    "war",
    "wars",
    "revolution",
    "crisis",
    "summit",
    "conference",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "declaration",
    "convention",
    "protocol",
    "pact",
    "doctrine",
    "referendum",
    "olympics",
    "era",
];

/// A particle that may stand inside a person's or an outlet's name ("de",
/// "von", "Le"): a connector other than those that join role words ("of",
/// "to", "for") or names ("and").
pub(super) fn is_particle(w: &str) -> bool {
    CONNECTORS_SET.has(w) && !in_list(&["of", "for", "to", "and"], w)
}
