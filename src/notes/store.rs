//! The sidecar file: where it lives, reading it with a size limit and clear
//! errors, and writing it so that nothing is lost: atomically (a temporary
//! file in the same folder, synced, renamed over it) and, under a lock
//! file, after merging in what another reader of the same document wrote
//! since (keyed by item id; the later change of an item wins; deletions are
//! remembered).

use std::fs::File;
use std::path::{Path, PathBuf};

use super::{FORMAT, Sidecar, VERSION};
use crate::error::{Error, Result};
use crate::files::{Accept, read_limited};
use crate::model::text::visible_path;

/// The most a sidecar may hold (16 MiB).
pub const LIMIT: u64 = 16 << 20;

/// What the sidecar's name adds to the document's.
pub const SUFFIX: &str = ".attache-notes.json";

/// The sidecar of the document at `doc`: `FILE.attache-notes.json` beside it.
pub fn sidecar_for(doc: &Path) -> PathBuf {
    let mut name = doc.file_name().unwrap_or_default().to_os_string();
    name.push(SUFFIX);
    doc.with_file_name(name)
}

/// The sidecar of the bundled sample, under the user's data folder
/// (`$XDG_DATA_HOME/attache/`, else `~/.local/share/attache/`), when there
/// is one.
pub fn sample_sidecar() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let data = env("XDG_DATA_HOME")
        .filter(|p| p.is_absolute())
        .or_else(|| env("HOME").map(|h| h.join(".local/share")))?;
    Some(data.join("attache").join(format!("sample{SUFFIX}")))
}

/// Read the sidecar at `path`; `None` when there is none yet.
pub fn load(path: &Path) -> Result<Option<Sidecar>> {
    let shown = visible_path(path);
    let bytes = match read_limited(path, Accept::Regular, LIMIT, "a notes file") {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::input(format!("{shown}: cannot read the notes: {e}"))),
    };
    parse(&bytes)
        .map(Some)
        .map_err(|e| Error::input(format!("{shown}: {e}")))
}

/// Parse a sidecar's JSON, checking its format name and version first so
/// that a wrong file is named as such, not as a missing field.
pub fn parse(bytes: &[u8]) -> std::result::Result<Sidecar, String> {
    #[derive(serde::Deserialize)]
    struct Head {
        format: Option<String>,
        version: Option<u32>,
    }
    let head: Head =
        serde_json::from_slice(bytes).map_err(|e| format!("not a notes file (JSON: {e})"))?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err(format!("not a notes file (no \"format\": \"{FORMAT}\")"));
    }
    match head.version {
        Some(v) if v > VERSION => {
            return Err(format!(
                "notes of version {v}, written by a newer attache (this one reads {VERSION})"
            ));
        }
        None => return Err("notes without a \"version\"".into()),
        _ => {}
    }
    serde_json::from_slice(bytes).map_err(|e| format!("bad notes: {e}"))
}

/// Write `mine` to `path`, after merging in what is there now (another
/// reader's notes), under a lock. `mine` becomes the merged sidecar.
pub fn save(path: &Path, mine: &mut Sidecar) -> Result<()> {
    let shown = visible_path(path);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::runtime(format!("{shown}: {e}")))?;
    }
    let _lock = Lock::take(path).map_err(|e| Error::runtime(format!("{shown}: lock: {e}")))?;
    if let Some(theirs) = load(path)? {
        merge(mine, theirs);
    }
    let json =
        serde_json::to_string_pretty(mine).map_err(|e| Error::runtime(format!("{shown}: {e}")))?;
    crate::outfile::replace_file(path, &(json + "\n"))
}

/// Merge `theirs` into `mine`: items by id (the later change wins, mine on
/// a tie), deletions of either side kept, marks and position of `mine`
/// first.
pub fn merge(mine: &mut Sidecar, theirs: Sidecar) {
    for d in theirs.deleted {
        if !mine.deleted.contains(&d) {
            mine.deleted.push(d);
        }
    }
    for item in theirs.items {
        match mine.items.iter_mut().find(|i| i.id == item.id) {
            Some(m) if item.modified > m.modified => *m = item,
            Some(_) => {}
            None => mine.items.push(item),
        }
    }
    let deleted = &mine.deleted;
    mine.items.retain(|i| !deleted.contains(&i.id));
    for (k, v) in theirs.marks {
        mine.marks.entry(k).or_insert(v);
    }
    if mine.position.is_none() {
        mine.position = theirs.position;
    }
}

/// An exclusive lock on `SIDECAR.lock`, held while it lives.
struct Lock {
    _file: File,
}

impl Lock {
    fn take(sidecar: &Path) -> std::io::Result<Lock> {
        let mut name = sidecar.file_name().unwrap_or_default().to_os_string();
        name.push(".lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(sidecar.with_file_name(name))?;
        #[cfg(unix)]
        rustix::fs::flock(&file, rustix::fs::FlockOperation::LockExclusive)?;
        Ok(Lock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::notes::{Body, anchor::Text};

    #[test]
    fn the_sidecar_sits_beside_the_document() {
        assert_eq!(
            sidecar_for(Path::new("/d/talk.txt")),
            Path::new("/d/talk.txt.attache-notes.json")
        );
        assert_eq!(
            sidecar_for(Path::new("talk.json")),
            Path::new("talk.json.attache-notes.json")
        );
    }

    #[test]
    fn saved_notes_load_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.txt.attache-notes.json");
        assert_eq!(load(&p).unwrap(), None);
        let t = Text::new("She said no. He said yes.");
        let mut s = Sidecar::default();
        s.add(
            t.selector(Span::new(4, 8)),
            Body::Note {
                text: "why?".into(),
            },
        );
        s.marks.insert('a', t.selector(Span::new(13, 15)));
        save(&p, &mut s).unwrap();
        assert_eq!(load(&p).unwrap(), Some(s));
    }

    #[test]
    fn bad_files_are_named_clearly() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("n.json");
        for (content, want) in [
            ("{", "not a notes file (JSON"),
            (
                "{\"format\": \"other\"}",
                "no \"format\": \"attache-notes\"",
            ),
            (
                "{\"format\": \"attache-notes\", \"version\": 9}",
                "newer attache",
            ),
            ("{\"format\": \"attache-notes\"}", "without a \"version\""),
            (
                "{\"format\": \"attache-notes\", \"version\": 1, \"items\": 3}",
                "bad notes",
            ),
        ] {
            std::fs::write(&p, content).unwrap();
            let e = load(&p).unwrap_err();
            assert!(e.message.contains(want), "{content}: {e}");
            assert_eq!(e.code, 2);
        }
        std::fs::create_dir(dir.path().join("d")).unwrap();
        let e = load(&dir.path().join("d")).unwrap_err();
        assert!(e.message.contains("directory"), "{e}");
    }

    #[test]
    fn two_writers_keep_each_others_notes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.txt.attache-notes.json");
        let t = Text::new("Alpha spoke. Beta spoke. Gamma spoke.");
        // Both readers open the same (empty) sidecar, then each adds notes.
        let mut a = Sidecar::default();
        let mut b = Sidecar::default();
        a.add(t.selector(Span::new(0, 5)), Body::Highlight);
        save(&p, &mut a).unwrap();
        b.add(
            t.selector(Span::new(13, 17)),
            Body::Note { text: "b".into() },
        );
        save(&p, &mut b).unwrap();
        a.add(t.selector(Span::new(25, 30)), Body::Highlight);
        save(&p, &mut a).unwrap();
        let on_disk = load(&p).unwrap().unwrap();
        assert_eq!(on_disk.items.len(), 3, "{on_disk:?}");
        // A deletion is not undone by the other reader's next write.
        let gone = on_disk.items[0].id.clone();
        a.remove(&gone);
        save(&p, &mut a).unwrap();
        save(&p, &mut b).unwrap();
        let ids: Vec<_> = load(&p)
            .unwrap()
            .unwrap()
            .items
            .into_iter()
            .map(|i| i.id)
            .collect();
        assert_eq!(ids.len(), 2);
        assert!(!ids.contains(&gone));
    }

    #[test]
    fn concurrent_writers_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.txt.attache-notes.json");
        let text = "One two three four five six seven eight.";
        let threads: Vec<_> = (0..4)
            .map(|w| {
                let p = p.clone();
                std::thread::spawn(move || {
                    let t = Text::new(text);
                    let mut s = Sidecar::default();
                    for i in 0..5 {
                        let body = Body::Note {
                            text: format!("{w}-{i}"),
                        };
                        s.add(t.selector(Span::new(i, i + 3)), body);
                        save(&p, &mut s).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(load(&p).unwrap().unwrap().items.len(), 20);
    }
}
