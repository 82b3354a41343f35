//! Opening a large text progressively (its head first, the whole text
//! annotated by a worker thread) ends on the same document and the same
//! screen as annotating it first; a search counted a slice at a time finds
//! the same hits as one counted at once. The texts are written here.

use attache::annotate::{Options, annotate, annotate_with_progress};
use attache::app::keymap::{Key, KeyCode, Keymap};
use attache::app::{Action, Settings, State, update};
use attache::cli::commands::read::open;
use attache::load::head::PROGRESSIVE_MIN;
use attache::theme::Styles;
use attache::ui::frame_text;

/// A transcript of more than `bytes` bytes: a title, parts, labelled turns,
/// prose with a quote and its speaker, all in words written for this test.
fn transcript(bytes: usize) -> String {
    let labels = ["MODERATOR", "MS. HALVORSEN", "MR. ABARA", "QUESTION"];
    let words = [
        "the", "ferry", "talks", "resume", "after", "harvest", "and", "both", "sides", "review",
        "quotas", "aa", "aaa",
    ];
    let mut s = String::from("Briefing on the northern ferry line\n\n");
    let mut i = 0usize;
    while s.len() < bytes {
        if i.is_multiple_of(30) {
            s.push_str(&format!("Part {}\n\n", i / 30 + 1));
        } else if i.is_multiple_of(7) {
            s.push_str(
                "\u{201c}The schedule will hold,\u{201d} said Ingrid Halvorsen, the transport minister.\n\n",
            );
        } else {
            s.push_str(labels[i % 4]);
            s.push(':');
            for w in 0..(12 + i % 23) {
                s.push(' ');
                s.push_str(words[(i * 7 + w * 3) % words.len()]);
            }
            s.push_str(".\n\n");
        }
        i += 1;
    }
    s
}

fn key(s: &mut State, k: Key) {
    update(s, Action::Key(k));
}

fn keys(s: &mut State, text: &str) {
    for c in text.chars() {
        key(s, Key::char(c));
    }
}

#[test]
fn progress_rises_to_100_and_the_document_is_the_one_shot_one() {
    let text = transcript(50_000);
    let mut seen = Vec::new();
    let doc = annotate_with_progress(&text, &Options::default(), &mut |p| seen.push(p));
    assert_eq!(doc, annotate(&text, &Options::default()));
    let owned = attache::annotate::annotate_owned(text.clone(), &Options::default(), &mut |_| {});
    assert_eq!(owned, doc);
    // With a BOM and CRLF line ends, the owned text is normalised as well.
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let owned = attache::annotate::annotate_owned(crlf, &Options::default(), &mut |_| {});
    assert_eq!(owned, doc);
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    assert_eq!(seen.last(), Some(&100));
}

#[test]
fn a_large_file_opens_on_its_head_and_ends_on_the_whole_document() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("ferry.txt");
    let text = transcript(PROGRESSIVE_MIN as usize * 2);
    std::fs::write(&path, &text).expect("write");
    let path = path.to_str().expect("UTF-8 path");
    let one_shot = attache::load::load(Some(path), &Options::default()).expect("load");

    let opening = open(Some(path), Options::default()).expect("open");
    let (mut s, rest) = opening.split(Settings::default(), Keymap::default(), (100, 30));
    assert_eq!(s.loading, Some(0));
    assert!(s.doc.text.len() < text.len() / 2, "only the head at first");
    assert!(text.starts_with(&s.doc.text));
    let styles = Styles::fallback();
    assert!(frame_text(&s, &styles, false).contains("annotating 0%"));
    // Read a little and start a search before the whole document is in.
    key(&mut s, Key::plain(KeyCode::PageDown));
    let top = s.view[0].1.start;
    keys(&mut s, "/ferry");
    key(&mut s, Key::plain(KeyCode::Enter));

    let whole = rest.wait().expect("worker").expect("a worker was started");
    assert_eq!(whole, one_shot, "progressive and one-shot documents differ");
    s.finish_loading(whole);
    assert_eq!(s.loading, None);
    assert_eq!(s.doc, one_shot);
    assert_eq!(s.view[0].1.start, top, "the screen stays where it was");
    s.finish_count();
    assert!(!frame_text(&s, &styles, false).contains("annotating"));

    // The same keys on the one-shot document give the same screen.
    let mut t = State::new(one_shot, Settings::default(), Keymap::default(), 100, 30);
    key(&mut t, Key::plain(KeyCode::PageDown));
    keys(&mut t, "/ferry");
    key(&mut t, Key::plain(KeyCode::Enter));
    assert_eq!(s.search.hits, t.search.hits);
    for k in ["G", "n", "N", "g"] {
        keys(&mut s, k);
        keys(&mut t, k);
        assert_eq!(
            frame_text(&s, &styles, false),
            frame_text(&t, &styles, false)
        );
    }
}

#[test]
fn notes_wait_for_the_whole_document_and_are_placed_in_it() {
    use attache::notes::{Body, Sidecar, anchor::Text};
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("ferry.txt");
    let mut text = transcript(PROGRESSIVE_MIN as usize * 2);
    text.push_str("MR. ABARA: The last word on the ferry is ours.\n");
    std::fs::write(&path, &text).expect("write");
    let path = path.to_str().expect("UTF-8 path");
    // A note on words past the head, as a sidecar read at opening.
    let words = "The last word on the ferry is ours.";
    let start = text.find(words).expect("words");
    let mut side = Sidecar::default();
    side.add(
        Text::new(&text).selector(attache::model::Span::new(start, start + words.len())),
        Body::Note {
            text: "the tail".into(),
        },
    );
    let opening = open(Some(path), Options::default()).expect("open");
    let (mut s, rest) = opening.split(Settings::default(), Keymap::default(), (100, 30));
    s.notes.deferred = Some((side, None));
    keys(&mut s, "]q");
    keys(&mut s, "a");
    assert!(s.notes.prompt.is_none(), "no note on the head alone");
    let msg = s.message.clone().unwrap_or_default();
    assert!(msg.contains("wait for the whole document"), "{msg}");
    let whole = rest.wait().expect("worker").expect("a worker was started");
    s.finish_loading(whole);
    assert!(s.message.is_none(), "the wait message goes with the wait");
    assert!(s.notes.deferred.is_none());
    assert_eq!(
        s.notes.found.len(),
        1,
        "the note is placed in the whole text"
    );
    assert!(s.notes.orphans.is_empty());
}

#[test]
fn a_small_file_opens_whole() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("short.txt");
    std::fs::write(&path, transcript(20_000)).expect("write");
    let opening = open(Some(path.to_str().expect("UTF-8")), Options::default()).expect("open");
    let (s, rest) = opening.split(Settings::default(), Keymap::default(), (100, 30));
    assert_eq!(s.loading, None);
    assert!(rest.wait().expect("no worker").is_none());
}

/// Every hit of `q` as a count from the top finds them (smart case, hidden
/// text left out), and the one a search from `origin` makes current.
fn expected(s: &State, q: &str, origin: usize) -> (Vec<usize>, Option<usize>) {
    let (hay, needle) = if q.chars().any(char::is_uppercase) {
        (s.doc.text.clone(), q.to_string())
    } else {
        (s.doc.text.to_ascii_lowercase(), q.to_ascii_lowercase())
    };
    let hits: Vec<usize> = hay
        .match_indices(&needle)
        .map(|(i, _)| i)
        .filter(|&h| s.index.shows(h))
        .collect();
    let i = hits.partition_point(|&h| h < origin);
    let current = if i < hits.len() {
        Some(i)
    } else {
        (!hits.is_empty()).then_some(0)
    };
    (hits, current)
}

#[test]
fn hits_counted_a_slice_at_a_time_are_those_counted_at_once() {
    // Large enough for several slices of the count.
    let text = transcript(9 << 20);
    let doc = annotate(&text, &Options::default());
    let mut s = State::new(doc, Settings::default(), Keymap::default(), 100, 30);
    s.count_in_background = true;
    let len = s.doc.text.len();
    for q in [
        "ferry",
        "aa",
        "a a",
        "Halvorsen",
        "QUESTION: t",
        "quotas.",
        "nowhere",
    ] {
        for origin in [0, len / 3, len - 10] {
            key(&mut s, Key::plain(KeyCode::Esc));
            key(&mut s, Key::plain(KeyCode::Esc));
            s.cursor = origin;
            key(&mut s, Key::char('/'));
            keys(&mut s, q);
            let first = s.search.current.map(|c| s.search.hits[c]);
            s.finish_count();
            let (hits, current) = expected(&s, q, origin);
            assert_eq!(s.search.hits.len(), hits.len(), "{q:?} from {origin}");
            assert!(s.search.hits == hits, "{q:?} from {origin}");
            assert_eq!(s.search.current, current, "{q:?} from {origin}");
            if !q.starts_with('a') {
                // Hits that cannot overlap: the first one shown was right.
                assert_eq!(first, current.map(|c| hits[c]), "{q:?} from {origin}");
            }
        }
    }
}
