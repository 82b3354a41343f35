//! Links: people's names matched to the document's speakers, by full name,
//! alias or surname.

use crate::annotate::FastMap;
use crate::model::{Speaker, SpeakerId, SpeakerKind};

/// Speakers by lower-cased full name, alias and surname (`None` when ambiguous).
pub(super) struct SpeakerIndex {
    full: FastMap<String, Option<SpeakerId>>,
    surname: FastMap<String, Option<SpeakerId>>,
}

/// The last word of a name, without punctuation around it ("Roe" in "Jane Roe.").
pub(super) fn surname(name: &str) -> Option<&str> {
    name.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !crate::annotate::is_alnum(c)))
        .rfind(|w| !w.is_empty())
}

impl SpeakerIndex {
    /// Index the speakers (groups are left out).
    pub(super) fn new(speakers: &[Speaker]) -> Self {
        let mut full = FastMap::default();
        let mut surname_map = FastMap::default();
        let add = |m: &mut FastMap<String, Option<SpeakerId>>, k: String, id: SpeakerId| {
            m.entry(k)
                .and_modify(|v: &mut Option<SpeakerId>| {
                    if *v != Some(id) {
                        *v = None;
                    }
                })
                .or_insert(Some(id));
        };
        for s in speakers {
            if matches!(s.kind, SpeakerKind::Group) {
                continue;
            }
            for n in std::iter::once(&s.name).chain(&s.aliases) {
                add(&mut full, n.to_lowercase(), s.id);
                if matches!(s.kind, SpeakerKind::Person | SpeakerKind::Unknown)
                    && n.split_whitespace().count() >= 2
                    && let Some(sn) = surname(n)
                {
                    add(&mut surname_map, sn.to_lowercase(), s.id);
                }
            }
        }
        SpeakerIndex {
            full,
            surname: surname_map,
        }
    }

    /// The speaker `name` names: by full name or alias, or for a `person` by
    /// surname; `None` when unknown or ambiguous.
    pub(super) fn link(&self, name: &str, person: bool) -> Option<SpeakerId> {
        if self.full.is_empty() {
            return None;
        }
        with_lower(name, |l| {
            if let Some(id) = self.full.get(l) {
                return *id;
            }
            if !person {
                return None;
            }
            let sn = surname(l)?;
            self.surname.get(sn).copied().flatten()
        })
    }

    /// Whether `name` is a speaker's name, alias or surname.
    pub(super) fn knows(&self, name: &str) -> bool {
        if self.full.is_empty() {
            return false;
        }
        with_lower(name, |l| {
            self.full.contains_key(l) || self.surname.contains_key(l)
        })
    }
}

/// `f` of `name` in lower case: a short ASCII name is lowered on the stack
/// (the same as `to_lowercase` for ASCII), sparing an allocation for each
/// of the many names the entity stage links.
fn with_lower<R>(name: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if name.len() <= buf.len() && name.is_ascii() {
        for (b, c) in buf.iter_mut().zip(name.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        if let Ok(l) = std::str::from_utf8(&buf[..name.len()]) {
            return f(l);
        }
    }
    f(&name.to_lowercase())
}
