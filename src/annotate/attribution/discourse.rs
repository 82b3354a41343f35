//! Discourse: a noun phrase resolved to the person it means, and the running
//! list of people mentioned so far that pronouns ("she") and role nouns ("the
//! ambassador") refer back to.

use super::names::{Gender, strip_det};
use super::noun_phrase::NounPhrase;
use super::tokens::{Lower, Tok, TokKind, is_cap, lower, with_lower};
use super::words::{LEX, STOP_CAPS_SET, in_list};
use super::{Attributed, Attributor, Person};

/// The most distinct capitalised words [`Attributor::cap_word`] remembers,
/// bounding its memory on a very large text.
const CAP_WORDS_MAX: usize = 1 << 16;

/// The bit of an entry of [`Attributor::cap_runs`] that says a title, role
/// noun or given name is in the run (the rest is the run's end).
pub(super) const RUN_LEXICAL: u64 = 1 << 63;

/// A capitalised word as the mention scan sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct CapWord {
    /// A word that opens sentences and no name ([`STOP_CAPS_SET`]).
    pub(super) stop: bool,
    /// A title, a role noun or a given name: a run holding it may name a person.
    pub(super) lexical: bool,
}
use crate::model::{SpeakerId, SpeakerKind};

/// Nouns for a text that "says" something: the one who wrote it is not named.
const DOCUMENT_NOUNS: &[&str] = &["statement", "report", "study", "survey", "poll", "website"];

/// Months and weekdays that are seldom a name ("May", "June" and "August"
/// are left out: they often are).
const DATE_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "july",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that open a clause or phrase after the head of a speaker's noun
/// phrase: the speaker's name ends before them.
const CLAUSE_OPENERS: &[&str] = &[
    "who", "whom", "whose", "which", "that", "known", "called", "named", "dubbed",
];

impl<'t> Attributor<'t> {
    /// Resolve a noun phrase to a speaker; the mention is the phrase as written.
    pub(super) fn resolve(
        &mut self,
        toks: &[Tok],
        np: NounPhrase,
        out: &mut Attributed,
    ) -> Option<SpeakerId> {
        let mut words: Vec<&'t str> = toks[np.a..np.b]
            .iter()
            .filter(|t| t.k == TokKind::Word)
            .map(|t| self.w(t))
            .collect();
        let pos = toks[np.a].s;
        // The speaker is the phrase's head, not what a clause after it says
        // ("a candidate who …", "the base chief known as …"), nor the
        // "what" of "what officials said". A phrase that opens with a verb
        // in -ing ("calling the Islamic State") is no speaker.
        if words.len() > 1 && words[0].eq_ignore_ascii_case("what") {
            words.remove(0);
        }
        if let Some(cut) = words
            .iter()
            .skip(1)
            .position(|w| in_list(CLAUSE_OPENERS, w))
            && words[..=cut].iter().all(|w| !is_cap(w))
        {
            words.truncate(cut + 1);
        }
        if words.len() > 1
            && words[0].len() > 5
            && words[0].ends_with("ing")
            && !is_cap(words[0])
            && (is_cap(words[1]) || in_list(&["the", "a", "an", "his", "her", "their"], words[1]))
        {
            return None;
        }
        if words.len() == 1
            && let Some(&g) = LEX.pronouns.get(&*lower(words[0]))
        {
            // "They" means a country only in the paragraph that names it
            // ("Russia has taken … and they have said"): further on, a
            // country is "it" and "they" some people of the passage.
            let they = words[0].eq_ignore_ascii_case("they").then_some(pos);
            return self.pronoun(g, they, out);
        }
        // The writer's own "I" or "we" is no speaker to name: the mention
        // stays (so does the "Let" of "Let me say that…").
        let bare = words
            .first()
            .map(|w| w.split(['\'', '’']).next().unwrap_or(w));
        if words.len() == 1 && bare.is_some_and(|w| in_list(&["i", "we", "me", "us", "let"], w)) {
            return None;
        }
        if words.len() == 1 && words[0].eq_ignore_ascii_case("who") {
            let ante = np.a.checked_sub(2).and_then(|h| self.np_head(toks, h, 0))?;
            return self.resolve(toks, ante, out);
        }
        let any_cap = words
            .iter()
            .any(|w| is_cap(w) && !w.eq_ignore_ascii_case("the"));
        if !any_cap {
            // A role or organisation phrase: "the ambassador", "a spokeswoman for the ministry".
            let head = words
                .iter()
                .find(|w| LEX.roles.contains_key(&*lower(w)))
                .or_else(|| words.iter().rev().find(|w| LEX.orgs.contains(&*lower(w))))?;
            let lh = lower(head).into_owned();
            // A document is no speaker ("the statement said"): the words stay
            // the mention, with nobody named.
            if in_list(DOCUMENT_NOUNS, &lh) {
                return None;
            }
            let is_role = LEX.roles.contains_key(lh.as_str());
            let definite = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
            if is_role
                && definite
                && words.len() <= 3
                && let Some(pi) = self.find_role(&lh)
            {
                return Some(self.speaker_of(pi, pos, out));
            }
            let name = strip_det(&words).join(" ");
            let kind = if is_role {
                if LEX.roles.get(lh.as_str()) == Some(&Gender::P) {
                    SpeakerKind::Group
                } else {
                    SpeakerKind::Person
                }
            } else {
                SpeakerKind::Organisation
            };
            let g = LEX.roles.get(lh.as_str()).copied().unwrap_or(Gender::U);
            let pi = self.person(&name, Some(name.as_str()).filter(|_| is_role), g, kind, pos);
            return Some(self.speaker_of(pi, pos, out));
        }
        let (name, role, g, kind) = self.analyse_name(&words);
        // A date is no speaker ("On September 27 they …"), unless the
        // text already knows someone by that name.
        if in_list(DATE_WORDS, &name) && !self.by_name.contains_key(&*lower(&name)) {
            return None;
        }
        if name.is_empty() {
            // Only a title: "the President said". A phrase that ends in a
            // lower-case word that is no title or role ("This sentiment") is
            // no speaker.
            // The role word before "of"/"from"/"for" is the head ("the
            // senator from Vermont" is a senator).
            let last = words
                .iter()
                .rposition(|w| in_list(&["of", "from", "for"], w))
                .filter(|&p| p >= 1)
                .map_or(words.last()?, |p| &words[p - 1]);
            let head = lower(last).into_owned();
            let h = head.trim_end_matches('.');
            if !is_cap(last) && !LEX.titles.contains_key(h) && !LEX.roles.contains_key(h) {
                return None;
            }
            // Nationality words before the role ("the Russian President")
            // keep it from a holder of the role of another country.
            let nations: Vec<String> = words
                .iter()
                .filter(|w| is_cap(w) && LEX.places.contains(&*lower(w)))
                .map(|w| lower(w).into_owned())
                .collect();
            let pi = match self.find_role_of(&head, &nations) {
                Some(pi) => pi,
                None => {
                    let n = strip_det(&words).join(" ");
                    self.person(&n, Some(&n), g, SpeakerKind::Person, pos)
                }
            };
            return Some(self.speaker_of(pi, pos, out));
        }
        let pi = self.person(&name, role.as_deref(), g, kind, pos);
        Some(self.speaker_of(pi, pos, out))
    }

    /// The most recent person whose role contains `head` ("ambassador").
    fn find_role(&self, head: &str) -> Option<usize> {
        self.role_holders(head)
            .next()
            .or_else(|| self.by_role.get(head).copied())
    }

    /// The recently mentioned people whose role contains `head`, most
    /// recent first.
    fn role_holders<'a>(&'a self, head: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.recent.iter().rev().copied().filter(move |&i| {
            self.people[i].role.as_deref().is_some_and(|r| {
                r.split(|c: char| !crate::annotate::is_alnum(c))
                    .any(|w| same_role_word(w, head))
            })
        })
    }

    /// [`Self::find_role`] for a role said with the nationality words
    /// `nations` ("the Ukrainian President"): the most recent holder whose
    /// role names that country, else one whose role names no country; never
    /// one whose role names another ("Russian President").
    fn find_role_of(&self, head: &str, nations: &[String]) -> Option<usize> {
        if nations.is_empty() {
            return self.find_role(head);
        }
        // 2: the role names one of `nations`; 1: no country; 0: another one.
        let fit = |p: &Person| -> u8 {
            let Some(r) = p.role.as_deref() else {
                return 1;
            };
            let mut places = r
                .split(|c: char| !crate::annotate::is_alnum(c))
                .filter(|w| is_cap(w) && LEX.places.contains(&*lower(w)))
                .peekable();
            if places.peek().is_none() {
                return 1;
            }
            let agrees = places.any(|w| nations.iter().any(|n| same_nation(&lower(w), n)));
            if agrees { 2 } else { 0 }
        };
        self.role_holders(head)
            .find(|&i| fit(&self.people[i]) == 2)
            .or_else(|| self.role_holders(head).find(|&i| fit(&self.people[i]) == 1))
            .or_else(|| {
                self.by_role
                    .get(head)
                    .copied()
                    .filter(|&i| fit(&self.people[i]) != 0)
            })
    }

    /// Resolve a pronoun to the most recent compatible person.
    fn pronoun(
        &mut self,
        g: Gender,
        they: Option<usize>,
        out: &mut Attributed,
    ) -> Option<SpeakerId> {
        let pick = self.recent.iter().rev().copied().find(|&i| {
            let p = &self.people[i];
            match g {
                Gender::M | Gender::F => {
                    p.kind == SpeakerKind::Person && (p.gender == g || p.gender == Gender::U)
                }
                _ if p.kind == SpeakerKind::Country
                    && they.is_some_and(|at| {
                        self.text
                            .get(p.last.min(at)..at)
                            .is_none_or(|between| between.contains("\n\n"))
                    }) =>
                {
                    false
                }
                _ => p.kind != SpeakerKind::Person || p.gender == Gender::P,
            }
        })?;
        if matches!(g, Gender::M | Gender::F) && self.people[pick].gender == Gender::U {
            self.people[pick].gender = g;
        }
        let pos = self.people[pick].last;
        Some(self.speaker_of(pick, pos, out))
    }

    /// Find or add a person by name, merging a surname with a full name.
    pub(super) fn person(
        &mut self,
        name: &str,
        role: Option<&str>,
        g: Gender,
        kind: SpeakerKind,
        pos: usize,
    ) -> usize {
        // Lower-cased on the stack for an ASCII name (nearly every one):
        // the key is copied to the heap only when it is new.
        let lowered;
        let key: &str = if name.is_ascii() {
            lowered = lower(name);
            &lowered
        } else {
            lowered = Lower::Heap(name.to_lowercase());
            &lowered
        };
        let surname = surname_of(key);
        let multi = surname.len() < key.len() && kind == SpeakerKind::Person;
        let hit = self.by_name.get(key).copied();
        let found = hit.or_else(|| {
            if multi {
                // A full name after its surname alone: upgrade that person.
                self.by_name.get(surname).copied().filter(|&i| {
                    let p = &self.people[i];
                    p.kind == SpeakerKind::Person && *lower(&p.name) == *surname
                })
            } else if kind == SpeakerKind::Person && LEX.first.contains_key(key) {
                self.by_given_name(key)
            } else {
                None
            }
        });
        let i = match found {
            Some(i) => {
                let p = &mut self.people[i];
                // Only a full name can upgrade a name (lower-cased only then).
                if multi && {
                    let had = lower(&p.name);
                    had.len() < key.len() && surname_of(&had) == &*had
                } {
                    p.name = name.to_string();
                }
                i
            }
            None => {
                self.people.push(Person {
                    name: name.to_string(),
                    role: None,
                    gender: Gender::U,
                    kind,
                    last: pos,
                    id: None,
                });
                self.people.len() - 1
            }
        };
        // The keys are made only when new: a document names the same
        // people again and again.
        if kind == SpeakerKind::Person && !self.by_name.contains_key(surname) {
            self.by_name.insert(surname.to_string(), i);
        }
        // "Blasio" alone also names "Bill de Blasio".
        if kind == SpeakerKind::Person
            && let Some((_, last)) = surname.rsplit_once(' ')
            && !self.by_name.contains_key(last)
        {
            self.by_name.insert(last.to_string(), i);
        }
        // A hit on the key found person `i` by it; otherwise the key is new
        // (a one-word name of a person was just added as its surname).
        if hit.is_none() && !(kind == SpeakerKind::Person && surname == key) {
            self.by_name.insert(key.to_string(), i);
        }
        if self.people[i].role.is_none()
            && let Some(r) = role
        {
            for w in r
                .split(|c: char| !crate::annotate::is_alnum(c))
                .filter(|w| !w.is_empty())
            {
                self.by_role.insert(w.to_lowercase(), i);
            }
            self.people[i].role = Some(r.to_string());
        }
        let p = &mut self.people[i];
        if p.gender == Gender::U {
            p.gender = g;
        }
        p.last = p.last.max(pos);
        self.touch(i);
        i
    }

    /// The one person whose full name starts with the given name `given`
    /// (lower case): "Donald" after "Donald Trump". None when no person or
    /// several have it.
    fn by_given_name(&self, given: &str) -> Option<usize> {
        let mut found = self.people.iter().enumerate().filter(|(_, p)| {
            p.kind == SpeakerKind::Person
                && p.name
                    .split_once(' ')
                    .is_some_and(|(f, _)| f.eq_ignore_ascii_case(given))
        });
        let (i, _) = found.next()?;
        found.next().is_none().then_some(i)
    }

    /// Make person `i` the most recently mentioned one.
    pub(super) fn touch(&mut self, i: usize) {
        if let Some(k) = self.recent.iter().position(|&x| x == i) {
            self.recent.remove(k);
        }
        self.recent.push(i);
        if self.recent.len() > 32 {
            self.recent.remove(0);
        }
    }

    /// Whether the word `w`, lower-cased, names a known person
    /// (`by_name`), remembered by the word as written: names are only ever
    /// added, so a "yes" holds for good and a "no" until the next one.
    fn known_word(&mut self, w: &'t str) -> bool {
        let n = self.by_name.len();
        if let Some(&(at, known)) = self.known_words.get(w)
            && (known || at == n)
        {
            return known;
        }
        let known = self.by_name.contains_key(&*lower(w));
        if self.known_words.len() < CAP_WORDS_MAX {
            self.known_words.insert(w, (n, known));
        }
        known
    }

    /// What [`Attributor::mentions`] asks of capitalised word `w`, looked up
    /// once per distinct spelling: a document repeats its capitalised words
    /// (names, sentence openers), and one hash of the word as written costs
    /// less than lower-casing it for four word lists each time.
    pub(super) fn cap_word(&mut self, w: &'t str) -> CapWord {
        if let Some(c) = self.cap_words.get(w) {
            return *c;
        }
        let c = CapWord {
            stop: STOP_CAPS_SET.has(w),
            lexical: with_lower(w, |l| {
                LEX.titles.contains_key(l) || LEX.roles.contains_key(l) || LEX.first.contains_key(l)
            }),
        };
        if self.cap_words.len() < CAP_WORDS_MAX {
            self.cap_words.insert(w, c);
        }
        c
    }

    /// Whether token `t` is a title, a role noun or a given name.
    fn lexical_word(&mut self, t: &Tok) -> bool {
        t.k == TokKind::Word && self.cap_word(self.w(t)).lexical
    }

    /// For each token of a block, what [`Attributor::mentions`] needs to
    /// know of a capitalised run starting there, whatever the scan's state:
    /// 0 when none starts there (no capitalised word, or one that opens
    /// sentences), else the end of the run in the whole block, with
    /// [`RUN_LEXICAL`] set when a title, role noun or given name is in it.
    /// Both scans read the same block, so this is worked out once.
    pub(super) fn cap_runs(&mut self, toks: &[Tok], runs: &mut Vec<u64>) {
        runs.clear();
        runs.reserve_exact(toks.len());
        for (i, t) in toks.iter().enumerate() {
            if !self.is_capword(t) || self.cap_word(self.w(t)).stop {
                runs.push(0);
                continue;
            }
            let b = self.cap_run_fwd(toks, i, toks.len());
            let lexical = (i..b).any(|k| self.lexical_word(&toks[k]));
            runs.push(b as u64 | if lexical { RUN_LEXICAL } else { 0 });
        }
    }

    /// Register people named in a paragraph's words outside quotes (for pronouns and roles).
    ///
    /// `runs` is [`Attributor::cap_runs`] of the same tokens.
    pub(super) fn mentions(&mut self, toks: &[Tok], runs: &[u64], lo: usize, hi: usize) {
        let mut i = lo;
        while i < hi {
            let r = runs[i];
            if r == 0 {
                i += 1;
                continue;
            }
            let t = &toks[i];
            // The run as far as `hi` and whether a title, role noun or given
            // name is in it: as worked out for the whole block when the run
            // ends before `hi`.
            let whole = (r & !RUN_LEXICAL) as usize;
            let (b, lexical) = if whole <= hi {
                (whole, r & RUN_LEXICAL != 0)
            } else {
                let b = self.cap_run_fwd(toks, i, hi);
                (b, (i..b).any(|k| self.lexical_word(&toks[k])))
            };
            // Cheap filter before the full analysis: a title, a known given
            // name or an already known name must be in the run.
            let promising = lexical
                || (i..b).any(|k| {
                    let t = &toks[k];
                    t.k == TokKind::Word && self.known_word(self.w(t))
                });
            if !promising {
                i = b.max(i + 1);
                continue;
            }
            let parts = self.analyse_run(&toks[i..b]);
            let (name, role, g, kind) = &*parts;
            let (g, kind) = (*g, *kind);
            if kind == SpeakerKind::Person && !name.is_empty() {
                let first = name.split(' ').next().unwrap_or("");
                let known = if name.is_ascii() {
                    self.by_name.contains_key(&*lower(name))
                } else {
                    self.by_name.contains_key(&name.to_lowercase())
                };
                let titled = role.as_deref().is_some_and(|r| {
                    r.split(' ').any(|w| {
                        let l = lower(w);
                        let l = l.trim_end_matches('.');
                        LEX.titles.contains_key(l) || LEX.roles.contains_key(l)
                    })
                });
                // In a headline only a titled full name with a known given
                // name counts ("President Jan Kral"): other capitalised runs
                // there are seldom names.
                let strict_ok = !self.title_only
                    || (titled && name.contains(' ') && LEX.first.contains_key(&*lower(first)));
                if strict_ok
                    && (titled || g != Gender::U || known || LEX.first.contains_key(&*lower(first)))
                {
                    self.person(name, role.as_deref(), g, kind, t.s);
                }
            }
            i = b.max(i + 1);
        }
    }
}

/// Abbreviated titles and the role nouns they stand for: "Sen. Jane Roe" is
/// "the senator" of a later sentence.
const ROLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("sen", "senator"),
    ("rep", "representative"),
    ("gov", "governor"),
    ("gen", "general"),
    ("lt", "lieutenant"),
    ("sec", "secretary"),
    ("amb", "ambassador"),
    ("pres", "president"),
    ("atty", "attorney"),
    ("adm", "admiral"),
    ("col", "colonel"),
    ("capt", "captain"),
    ("sgt", "sergeant"),
    ("prof", "professor"),
];

/// Whether the word `w` of a person's role is the role noun `head` (lower
/// case), itself or abbreviated.
fn same_role_word(w: &str, head: &str) -> bool {
    w.eq_ignore_ascii_case(head)
        || ROLE_ABBREVIATIONS
            .iter()
            .any(|(a, full)| *full == head && w.eq_ignore_ascii_case(a))
}

/// Whether two lower-cased country or nationality words name the same
/// country ("russia", "russian"): equal, or sharing their first letters up to
/// all but the last two of the shorter.
fn same_nation(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let n = a.len().min(b.len());
    n >= 5 && a.as_bytes()[..n - 2] == b.as_bytes()[..n - 2]
}

/// The surname of a lower-cased name: its last word with the particles
/// before it ("de blasio" of "bill de blasio", "von der leyen"). A name
/// that opens with a particle is a surname alone ("de blasio", "le pen"),
/// unless the particle is also a given name ("al gore", "van jones").
fn surname_of(key: &str) -> &str {
    let mut start = key.rfind(' ').map_or(0, |i| i + 1);
    while start > 0 {
        let before = &key[..start - 1];
        let p = before.rfind(' ').map_or(0, |i| i + 1);
        let w = &before[p..];
        if !super::names::is_particle(w) || (p == 0 && in_list(&["al", "van"], w)) {
            break;
        }
        start = p;
    }
    &key[start..]
}
