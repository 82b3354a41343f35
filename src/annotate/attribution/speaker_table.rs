//! The speaker table: every speaker once, found by name or alias in constant
//! time, and kept in step with the people attribution has resolved.

use super::Attributor;
use super::names::Gender;
use crate::annotate::FastMap;
use crate::model::{Quote, Span, Speaker, SpeakerId, SpeakerKind};

/// The attributed quotes and the speaker table they refer to.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    /// Speakers, `speakers[i].id == SpeakerId(i)`.
    pub speakers: Vec<Speaker>,
    /// Quote annotations (span = quoted words without marks) in text order.
    pub quotes: Vec<(Span, Quote)>,
    /// How many of `speakers` come first from direct quotes and turns; the
    /// rest are speakers only of reported speech.
    pub direct_speakers: usize,
    /// ASCII-lower-cased names and aliases to the lowest speaker index that
    /// has them, so that interning stays constant-time with many speakers.
    index: FastMap<String, usize>,
}

impl Attributed {
    /// The id of the speaker called `name` (case-insensitive, by name or alias),
    /// creating it when new; role, aliases and kind fill in what is missing.
    pub fn intern(
        &mut self,
        name: &str,
        role: Option<&str>,
        aliases: &[String],
        kind: SpeakerKind,
    ) -> SpeakerId {
        let found = self
            .index
            .get(&name.to_ascii_lowercase())
            .copied()
            .or_else(|| self.known_by_surname(name, aliases, kind));
        let i = match found {
            Some(i) => i,
            None => {
                self.speakers.push(Speaker {
                    id: SpeakerId(self.speakers.len() as u32),
                    name: name.to_string(),
                    role: None,
                    aliases: Vec::new(),
                    kind,
                });
                let i = self.speakers.len() - 1;
                self.index_name(name, i);
                i
            }
        };
        let new_aliases: Vec<&String> = {
            let s = &self.speakers[i];
            aliases
                .iter()
                .filter(|a| {
                    !a.eq_ignore_ascii_case(&s.name)
                        && !s.aliases.iter().any(|x| x.eq_ignore_ascii_case(a))
                })
                .collect()
        };
        for a in &new_aliases {
            self.index_name(a, i);
        }
        let s = &mut self.speakers[i];
        if s.role.is_none() {
            s.role = role.map(str::to_string);
        }
        if s.kind == SpeakerKind::Unknown {
            s.kind = kind;
        }
        for a in new_aliases {
            if !s.aliases.iter().any(|x| x.eq_ignore_ascii_case(a)) {
                s.aliases.push(a.clone());
            }
        }
        s.id
    }

    /// A person already in the table under the surname alone (a transcript
    /// label "MACRON") that the full name `name` ("Emmanuel Macron", with the
    /// surname among `aliases`) names: it takes the full name, keeping the
    /// surname as an alias.
    fn known_by_surname(
        &mut self,
        name: &str,
        aliases: &[String],
        kind: SpeakerKind,
    ) -> Option<usize> {
        if kind != SpeakerKind::Person || !name.contains(' ') {
            return None;
        }
        let i = aliases.iter().find_map(|a| {
            let i = *self.index.get(&a.to_ascii_lowercase())?;
            let s = &self.speakers[i];
            (s.kind == SpeakerKind::Person && s.name.eq_ignore_ascii_case(a)).then_some(i)
        })?;
        let s = &mut self.speakers[i];
        let old = std::mem::replace(&mut s.name, name.to_string());
        if !s.aliases.iter().any(|x| x.eq_ignore_ascii_case(&old)) {
            s.aliases.push(old);
        }
        self.index_name(name, i);
        Some(i)
    }

    /// Record that speaker `i` answers to `name`, unless a lower index does.
    fn index_name(&mut self, name: &str, i: usize) {
        let e = self.index.entry(name.to_ascii_lowercase()).or_insert(i);
        *e = (*e).min(i);
    }
}

impl Attributor<'_> {
    /// The speaker id of person `pi`, interning it (and syncing a renamed full name).
    pub(super) fn speaker_of(&mut self, pi: usize, pos: usize, out: &mut Attributed) -> SpeakerId {
        self.touch(pi);
        let p = &mut self.people[pi];
        p.last = p.last.max(pos);
        let surname = p.name.rsplit(' ').next().unwrap_or(&p.name);
        match p.id {
            Some(id) => {
                // Nothing is copied unless the speaker's name grows.
                let s = &mut out.speakers[id.index()];
                if s.name != p.name && s.name.eq_ignore_ascii_case(surname) {
                    let old = std::mem::replace(&mut s.name, p.name.clone());
                    if !s.aliases.contains(&old) {
                        s.aliases.push(old);
                    }
                }
                if s.role.is_none() {
                    s.role = p.role.clone();
                }
                id
            }
            None => {
                let name = p.name.clone();
                let surname = surname.to_string();
                let aliases: Vec<String> = if p.kind == SpeakerKind::Person && name.contains(' ') {
                    vec![surname]
                } else {
                    Vec::new()
                };
                let id = out.intern(&name, p.role.as_deref(), &aliases, p.kind);
                self.people[pi].id = Some(id);
                while self.gender_of.len() <= id.index() {
                    self.gender_of.push(Gender::U);
                }
                id
            }
        }
    }
}

impl Attributed {
    /// The speaker called `name` (case-insensitive, by name or alias), if any;
    /// nothing in the table changes.
    pub(super) fn find(&self, name: &str) -> Option<SpeakerId> {
        self.index
            .get(&name.to_ascii_lowercase())
            .map(|&i| self.speakers[i].id)
    }

    /// Add `s` as a new speaker at the end of the table (its id is set here),
    /// leaving every existing speaker as it was.
    pub(super) fn push_new(&mut self, mut s: Speaker) -> SpeakerId {
        let i = self.speakers.len();
        s.id = SpeakerId(i as u32);
        self.index_name(&s.name, i);
        for a in &s.aliases {
            self.index_name(a, i);
        }
        self.speakers.push(s);
        SpeakerId(i as u32)
    }
}
