//! PolNeAR gold (brat standoff) and the quote metrics of the reference scorer.

use crate::annotate::lexicon::word_list;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::{Value, json};

use super::text::{Placed, Status, is_py_space, overlap_len, trim_span};
use super::{ratio, read_text};
use crate::error::{Error, Result};

// OPEN_MARKS and CLOSE_MARKS are the reference scorer's own definition of a
// direct quote, kept as it has them; the annotator's marks are in
// `model::quote_marks`.
/// Marks that open a direct quote.
const OPEN_MARKS: &[&str] = &["“", "\"", "''", "‘", "``", "„", "«"];
/// Marks that close a direct quote.
const CLOSE_MARKS: &[&str] = &["”", "\"", "''", "’", "»"];

word_list!(
    /// Gold sources that are pronouns can only be checked by mention.
    PRONOUNS = "eval-pronouns.txt"
);

word_list!(
    /// Capitalised words that never count as a shared name.
    NAME_STOP = "eval-name-stop.txt"
);

/// One gold attribution.
#[derive(Debug, Clone)]
pub struct GoldAttribution {
    /// Event id (`E3`).
    pub id: String,
    /// Trimmed content pieces.
    pub pieces: Vec<(usize, usize)>,
    /// Total length of the pieces.
    pub length: usize,
    /// Whether the content is a direct quote.
    pub direct: bool,
    /// Source spans, sorted.
    pub source_spans: Vec<(usize, usize)>,
    /// Source words joined by spaces.
    pub source_text: String,
    /// Content text (pieces joined by " … ").
    pub content_text: String,
}

/// One gold article.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// Article name (file stem).
    pub name: String,
    /// The text as code points.
    pub chars: Vec<char>,
    /// The text as a string (for the annotator).
    pub text: String,
    /// The annotator whose file is used.
    pub annotator: Option<String>,
    /// All annotators of the article.
    pub annotators: Vec<String>,
    /// The used annotator's attributions.
    pub attributions: Vec<GoldAttribution>,
}

fn slice(t: &[char], s: usize, e: usize) -> String {
    let e = e.min(t.len());
    let s = s.min(e);
    t[s..e].iter().collect()
}

/// Parse a brat `.ann` file (see [`crate::load::brat`]): the spans of each
/// text-bound annotation by id, and each event's id and `ROLE:ID` arguments.
#[allow(clippy::type_complexity)]
fn parse_brat(
    src: &str,
    path: &Path,
) -> Result<(
    HashMap<String, Vec<(usize, usize)>>,
    Vec<(String, Vec<(String, String)>)>,
)> {
    let ann = crate::load::brat::parse(src, path)?;
    let tbs = ann
        .text_bounds
        .into_iter()
        .map(|(id, tb)| (id, tb.spans))
        .collect();
    let events = ann.events.into_iter().map(|e| (e.id, e.roles)).collect();
    Ok((tbs, events))
}

fn starts_with_any(s: &str, marks: &[&str]) -> bool {
    marks.iter().any(|m| s.starts_with(m))
}

fn is_direct_quote(text: &[char], pieces: &[(usize, usize)]) -> bool {
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
        return false;
    };
    let s = slice(text, first.0, last.1);
    let s = s.trim_matches(is_py_space);
    let end = s.trim_end_matches(['.', ',', ';', ':', ' ']);
    !s.is_empty() && starts_with_any(s, OPEN_MARKS) && CLOSE_MARKS.iter().any(|m| end.ends_with(m))
}

fn content_pieces(text: &[char], raw: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in raw {
        let (s, e) = trim_span(text, s.min(text.len()), e.min(text.len()));
        if s >= e {
            continue;
        }
        if let Some(last) = pieces.last_mut() {
            let between = if last.1 < s {
                &text[last.1..s]
            } else {
                &[][..]
            };
            if between
                .iter()
                .all(|&c| super::text::is_lead_trim(c) || super::text::is_trail_trim(c))
            {
                last.1 = last.1.max(e);
                continue;
            }
        }
        pieces.push((s, e));
    }
    pieces
}

fn load_article(text: &[char], src: &str, path: &Path) -> Result<Vec<GoldAttribution>> {
    let (tbs, events) = parse_brat(src, path)?;
    let mut out = Vec::new();
    for (eid, roles) in events {
        if roles.is_empty() {
            continue;
        }
        let mut content_raw = Vec::new();
        let mut source_raw = Vec::new();
        for (role, tid) in roles.iter().skip(1) {
            let Some(spans) = tbs.get(tid) else { continue };
            if role.starts_with("Content") {
                content_raw.extend(spans.iter().copied());
            } else if role.starts_with("Source") {
                source_raw.extend(spans.iter().copied());
            }
        }
        for &(s, e) in content_raw.iter().chain(source_raw.iter()) {
            if s > e || e > text.len() {
                return Err(Error::input(format!(
                    "{}: span {s} {e} lies outside the text ({} characters)",
                    path.display(),
                    text.len()
                )));
            }
        }
        content_raw.sort();
        let pieces = content_pieces(text, &content_raw);
        if pieces.is_empty() {
            continue;
        }
        let direct = is_direct_quote(text, &content_raw);
        source_raw.sort();
        out.push(GoldAttribution {
            id: eid,
            length: pieces.iter().map(|(s, e)| e - s).sum(),
            pieces,
            direct,
            source_text: source_raw
                .iter()
                .map(|&(s, e)| slice(text, s, e))
                .collect::<Vec<_>>()
                .join(" "),
            source_spans: source_raw,
            content_text: content_raw
                .iter()
                .map(|&(s, e)| slice(text, s, e))
                .collect::<Vec<_>>()
                .join(" … "),
        });
    }
    Ok(out)
}

/// Load `text/*.txt` and `attributions/*_<annotator>.ann` (first annotator
/// by sorted id); or, in a plain brat folder (as `attache export --to brat`
/// writes one), every `NAME.txt` that has a `NAME.ann` beside it.
pub fn load_gold(dir: &Path) -> Result<Vec<GoldArticle>> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    if !text_dir.is_dir() && !ann_dir.is_dir() {
        let files = super::list_dir(dir)?;
        if files.iter().any(|f| f.ends_with(".ann")) {
            return load_flat(dir, &files);
        }
    }
    for d in [&text_dir, &ann_dir] {
        if !d.is_dir() {
            return Err(Error::input(format!(
                "{}: not a PolNeAR folder: {} is missing (expected text/ and attributions/)",
                dir.display(),
                d.display()
            )));
        }
    }
    let mut anns: HashMap<String, Vec<String>> = HashMap::new();
    for f in super::list_dir(&ann_dir)? {
        if let Some(stem) = f.strip_suffix(".ann")
            && let Some((article, annotator)) = stem.rsplit_once('_')
        {
            anns.entry(article.to_string())
                .or_default()
                .push(annotator.to_string());
        }
    }
    let mut names: Vec<String> = super::list_dir(&text_dir)?
        .into_iter()
        .filter_map(|f| f.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(Error::input(format!(
            "{}: no .txt files",
            text_dir.display()
        )));
    }
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let mut annotators = anns.remove(&name).unwrap_or_default();
        annotators.sort();
        let ann = annotators
            .first()
            .map(|a| ann_dir.join(format!("{name}_{a}.ann")));
        out.push(load_one(&text_dir, name, ann.as_deref(), annotators)?);
    }
    Ok(out)
}

/// A plain brat folder: `NAME.txt` with `NAME.ann` beside it.
fn load_flat(dir: &Path, files: &[String]) -> Result<Vec<GoldArticle>> {
    let mut out = Vec::new();
    for f in files {
        if let Some(name) = f.strip_suffix(".txt")
            && files.iter().any(|g| g.strip_suffix(".ann") == Some(name))
        {
            let ann = dir.join(format!("{name}.ann"));
            out.push(load_one(
                dir,
                name.to_string(),
                Some(&ann),
                vec!["brat".into()],
            )?);
        }
    }
    if out.is_empty() {
        return Err(Error::input(format!(
            "{}: no NAME.txt beside its NAME.ann",
            dir.display()
        )));
    }
    Ok(out)
}

/// One article: `text_dir/NAME.txt` and its gold from `ann`, when there is one.
fn load_one(
    text_dir: &Path,
    name: String,
    ann: Option<&Path>,
    annotators: Vec<String>,
) -> Result<GoldArticle> {
    let text = read_text(&text_dir.join(format!("{name}.txt")))?;
    let chars: Vec<char> = text.chars().collect();
    let attributions = match ann {
        Some(path) => load_article(&chars, &read_text(path)?, path)?,
        None => Vec::new(),
    };
    Ok(GoldArticle {
        name,
        text,
        chars,
        annotator: annotators.first().cloned(),
        annotators,
        attributions,
    })
}

/// The part of a gold source that names the speaker (before an appositive or clause).
fn source_head(s: &str) -> &str {
    let mut cut = s.len();
    for (i, c) in s.char_indices() {
        if matches!(c, ',' | '(' | '—' | '–') {
            cut = i;
            break;
        }
        if is_py_space(c) {
            let rest = &s[i + c.len_utf8()..];
            for w in ["who", "which", "whose"] {
                if let Some(after) = rest.strip_prefix(w)
                    && after.starts_with(is_py_space)
                {
                    cut = cut.min(i);
                }
            }
            if cut == i {
                break;
            }
        }
    }
    &s[..cut]
}

/// Words of `s` like `[^\W\d_][\w'’.-]*`.
fn raw_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut inside = false;
    for c in s.chars() {
        if inside {
            if super::text::is_word_char(c) || matches!(c, '\'' | '’' | '.' | '-') {
                cur.push(c);
                continue;
            }
            out.push(std::mem::take(&mut cur));
            inside = false;
        }
        if c.is_alphabetic() {
            inside = true;
            cur.push(c);
        }
    }
    if inside {
        out.push(cur);
    }
    out
}

/// Words usable for name matching (lower-cased).
fn name_words(s: &str, capitalised_only: bool) -> Vec<String> {
    let mut words = Vec::new();
    for w in raw_words(s) {
        if capitalised_only
            && (w.ends_with('\'') || w.ends_with('’') || w.ends_with("'s") || w.ends_with("’s"))
        {
            continue;
        }
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(&w);
        let w = w.trim_matches(['.', '-', '\'', '’']);
        if capitalised_only && !w.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let lower = w.to_lowercase();
        if letters < 3 || NAME_STOP.contains(&lower.as_str()) {
            continue;
        }
        if !words.contains(&lower) {
            words.push(lower);
        }
    }
    words
}

fn is_pronoun(source: &str) -> bool {
    let lower = source.to_lowercase();
    let toks: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|t| !t.is_empty())
        .collect();
    !toks.is_empty() && toks.iter().all(|t| PRONOUNS.contains(t))
}

fn speaker_correct(p: &Placed, g: &GoldAttribution) -> bool {
    if let Some(m) = p.mention_span
        && g.source_spans.iter().any(|&s| overlap_len(m, s) > 0)
    {
        return true;
    }
    if is_pronoun(&g.source_text) {
        return false;
    }
    let gold = name_words(source_head(&g.source_text), true);
    let mut pred = name_words(p.speaker.as_deref().unwrap_or(""), false);
    pred.extend(name_words(p.mention_text.as_deref().unwrap_or(""), false));
    gold.iter().any(|w| pred.contains(w))
}

/// Counts of one article at one level.
#[derive(Debug, Clone, Default)]
pub struct LevelCounts {
    /// Predictions that hit some gold content.
    pub tp_pred: usize,
    /// Gold direct quotes paired.
    pub tp_gold: usize,
    /// Paired quotes with a source whose speaker is right.
    pub spk_correct: usize,
    /// Paired quotes with a source.
    pub spk_total: usize,
    /// Paired quotes without a source.
    pub spk_no_source: usize,
    /// gold index → prediction index.
    pub pairs: BTreeMap<usize, usize>,
}

/// Scores of one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleScore {
    /// Predictions.
    pub n_pred: usize,
    /// Gold attributions.
    pub n_gold: usize,
    /// Gold direct quotes.
    pub n_direct: usize,
    /// Unlocated predictions.
    pub n_unlocated: usize,
    /// Duplicate predictions.
    pub n_duplicate: usize,
    /// Direct quotes with a source.
    pub n_direct_with_source: usize,
    /// Direct quotes whose source is a pronoun.
    pub n_direct_pronoun_source: usize,
    /// Per level ("0.3", "0.8", "exact").
    pub levels: Vec<(String, LevelCounts)>,
}

/// The overlap thresholds.
pub const THRESHOLDS: [f64; 2] = [0.3, 0.8];

/// How a set of predictions is scored: which gold attributions make the
/// recall set, what an overlap is divided by, at which thresholds.
#[derive(Debug, Clone, Copy)]
pub struct Scoring {
    /// The recall set is the gold contents that are not direct quotes
    /// (`--scope indirect`) instead of the direct quotes.
    pub indirect: bool,
    /// Overlap over the union of the two spans (Jaccard, `--overlap-base
    /// union`) instead of over the shorter one.
    pub union: bool,
    /// The overlap thresholds (`--thresholds`).
    pub thresholds: &'static [f64],
}

/// Direct quotes, as the reference scorer's defaults score them.
pub const DIRECT: Scoring = Scoring {
    indirect: false,
    union: false,
    thresholds: &THRESHOLDS,
};

/// Reported speech: `--scope indirect --overlap-base union --thresholds 0.5`.
pub const REPORTED: Scoring = Scoring {
    indirect: true,
    union: true,
    thresholds: &[0.5],
};

/// Score one article's placed direct-quote predictions against its gold.
pub fn score_article(golds: &[GoldAttribution], preds: &[Placed]) -> ArticleScore {
    score_with(golds, preds, &DIRECT)
}

/// For each located prediction, its overlap with every gold content: (share
/// of the shorter span, or of the union when `union`; Jaccard); `None` for
/// predictions not placed.
fn overlap_scores(
    golds: &[GoldAttribution],
    preds: &[Placed],
    union: bool,
) -> Vec<Option<Vec<(f64, f64)>>> {
    preds
        .iter()
        .map(|p| {
            if p.status != Status::Ok {
                return None;
            }
            let core = p.core?;
            let plen = core.1 - core.0;
            Some(
                golds
                    .iter()
                    .map(|g| {
                        let ov: usize = g.pieces.iter().map(|&pc| overlap_len(pc, core)).sum();
                        if ov == 0 {
                            return (0.0, 0.0);
                        }
                        let den = if union {
                            plen + g.length - ov
                        } else {
                            plen.min(g.length)
                        };
                        (
                            ov as f64 / den as f64,
                            ov as f64 / (plen + g.length - ov) as f64,
                        )
                    })
                    .collect(),
            )
        })
        .collect()
}

/// The exact level's pairs: a gold direct quote whose every trimmed piece is
/// some prediction's trimmed span, paired with the first such prediction.
fn exact_pairs(golds: &[GoldAttribution], preds: &[Placed], direct_idx: &[usize]) -> LevelCounts {
    let mut piece_owner: HashMap<(usize, usize), usize> = HashMap::new();
    for (j, g) in golds.iter().enumerate() {
        for &pc in &g.pieces {
            piece_owner.entry(pc).or_insert(j);
        }
    }
    let exact_pred: Vec<bool> = preds
        .iter()
        .map(|p| p.status == Status::Ok && p.core.is_some_and(|c| piece_owner.contains_key(&c)))
        .collect();
    let mut pred_by_core: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, p) in preds.iter().enumerate() {
        if exact_pred[i]
            && let Some(c) = p.core
        {
            pred_by_core.entry(c).or_insert(i);
        }
    }
    let mut lc = LevelCounts {
        tp_pred: exact_pred.iter().filter(|&&e| e).count(),
        ..Default::default()
    };
    for &j in direct_idx {
        let g = &golds[j];
        if g.pieces.iter().all(|pc| pred_by_core.contains_key(pc)) {
            lc.pairs.insert(j, pred_by_core[&g.pieces[0]]);
        }
    }
    lc
}

/// Score one article's placed predictions against its gold as `how` says.
pub fn score_with(golds: &[GoldAttribution], preds: &[Placed], how: &Scoring) -> ArticleScore {
    let direct_idx: Vec<usize> = (0..golds.len())
        .filter(|&j| golds[j].direct != how.indirect)
        .collect();
    let scores = overlap_scores(golds, preds, how.union);
    let mut res = ArticleScore {
        n_pred: preds.len(),
        n_gold: golds.len(),
        n_direct: direct_idx.len(),
        n_unlocated: preds
            .iter()
            .filter(|p| p.status == Status::Unlocated)
            .count(),
        n_duplicate: preds
            .iter()
            .filter(|p| p.status == Status::Duplicate)
            .count(),
        n_direct_with_source: direct_idx
            .iter()
            .filter(|&&j| !golds[j].source_spans.is_empty())
            .count(),
        n_direct_pronoun_source: direct_idx
            .iter()
            .filter(|&&j| !golds[j].source_spans.is_empty() && is_pronoun(&golds[j].source_text))
            .count(),
        levels: Vec::new(),
    };
    let tally = |pairs: &BTreeMap<usize, usize>, lc: &mut LevelCounts| {
        for (&j, &i) in pairs {
            if golds[j].source_spans.is_empty() {
                lc.spk_no_source += 1;
                continue;
            }
            lc.spk_total += 1;
            lc.spk_correct += usize::from(speaker_correct(&preds[i], &golds[j]));
        }
    };
    for &t in how.thresholds {
        let mut lc = LevelCounts {
            tp_pred: scores
                .iter()
                .filter(|r| r.as_ref().is_some_and(|r| r.iter().any(|&(sc, _)| sc >= t)))
                .count(),
            ..Default::default()
        };
        let mut cands: Vec<(f64, f64, usize, usize)> = Vec::new();
        for (i, row) in scores.iter().enumerate() {
            let Some(row) = row else { continue };
            for &j in &direct_idx {
                let (sc, jac) = row[j];
                if sc >= t && sc > 0.0 {
                    cands.push((sc, jac, j, i));
                }
            }
        }
        cands.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(b.1.total_cmp(&a.1))
                .then(a.2.cmp(&b.2))
                .then(a.3.cmp(&b.3))
        });
        let mut used = vec![false; preds.len()];
        for (_, _, j, i) in cands {
            if lc.pairs.contains_key(&j) || used[i] {
                continue;
            }
            lc.pairs.insert(j, i);
            used[i] = true;
        }
        lc.tp_gold = lc.pairs.len();
        let pairs = lc.pairs.clone();
        tally(&pairs, &mut lc);
        res.levels.push((t.to_string(), lc));
    }
    // Exact: trimmed spans equal.
    let mut lc = exact_pairs(golds, preds, &direct_idx);
    lc.tp_gold = lc.pairs.len();
    let pairs = lc.pairs.clone();
    tally(&pairs, &mut lc);
    res.levels.push(("exact".into(), lc));
    res
}

/// Misses of one article for `--dump`, at the lowest threshold.
pub fn dump_article(
    name: &str,
    golds: &[GoldAttribution],
    preds: &[Placed],
    s: &ArticleScore,
) -> String {
    let mut out = String::new();
    let Some((_, low)) = s.levels.first() else {
        return out;
    };
    let clip = |t: &str| -> String {
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.chars().count() > 160 {
            t.chars().take(157).collect::<String>() + "…"
        } else {
            t
        }
    };
    for (j, g) in golds.iter().enumerate().filter(|(_, g)| g.direct) {
        match low.pairs.get(&j) {
            None => out.push_str(&format!(
                "{name}\t{}\tMISS\tgold: {}\tsource: {}\n",
                g.id,
                clip(&g.content_text),
                clip(&g.source_text)
            )),
            Some(&i) => {
                if !g.source_spans.is_empty() && !speaker_correct(&preds[i], g) {
                    let p = &preds[i];
                    out.push_str(&format!(
                        "{name}\t{}\tSPEAKER\tgold: {}\tpred: {}\tgold source: {}\tpred speaker: {}\tmention: {}\n",
                        g.id,
                        clip(&g.content_text),
                        clip(&p.item.text),
                        clip(&g.source_text),
                        p.speaker.as_deref().unwrap_or("-"),
                        p.mention_text.as_deref().unwrap_or("-"),
                    ));
                }
            }
        }
    }
    for p in preds {
        let hit = p.core.is_some_and(|c| {
            p.status == Status::Ok
                && golds.iter().any(|g| {
                    let ov: usize = g.pieces.iter().map(|&pc| overlap_len(pc, c)).sum();
                    ov > 0 && ov as f64 / (c.1 - c.0).min(g.length) as f64 >= THRESHOLDS[0]
                })
        });
        if !hit {
            out.push_str(&format!(
                "{name}\tFALSE\tpred: {}\tpred speaker: {}\n",
                clip(&p.item.text),
                p.speaker.as_deref().unwrap_or("-")
            ));
        }
    }
    out
}

/// Sum of article scores, as the reference scorer aggregates them.
pub fn aggregate(results: &[&ArticleScore]) -> Value {
    let tot = |f: &dyn Fn(&ArticleScore) -> usize| results.iter().map(|r| f(r)).sum::<usize>();
    let n_pred = tot(&|r| r.n_pred);
    let n_direct = tot(&|r| r.n_direct);
    let with_source = tot(&|r| r.n_direct_with_source);
    let mut levels = serde_json::Map::new();
    let names: Vec<String> = results
        .first()
        .map(|r| r.levels.iter().map(|(n, _)| n.clone()).collect())
        .unwrap_or_else(|| {
            THRESHOLDS
                .iter()
                .map(|t| t.to_string())
                .chain(["exact".to_string()])
                .collect()
        });
    for (k, lv) in names.iter().enumerate() {
        let s = |f: &dyn Fn(&LevelCounts) -> usize| {
            results
                .iter()
                .map(|r| r.levels.get(k).map_or(0, |(_, l)| f(l)))
                .sum::<usize>()
        };
        let tp_pred = s(&|l| l.tp_pred);
        let tp_gold = s(&|l| l.tp_gold);
        let p = if n_pred > 0 {
            tp_pred as f64 / n_pred as f64
        } else {
            0.0
        };
        let r = if n_direct > 0 {
            tp_gold as f64 / n_direct as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let sc = s(&|l| l.spk_correct);
        let st = s(&|l| l.spk_total);
        levels.insert(
            lv.clone(),
            json!({
                "precision": p, "recall": r, "f1": f,
                "tp_pred": tp_pred, "n_pred": n_pred, "tp_gold": tp_gold, "n_gold": n_direct,
                "speaker_correct": sc, "speaker_total": st,
                "speaker_accuracy": ratio(sc, st),
                "matched_direct_without_source": s(&|l| l.spk_no_source),
                "attributed_recall": ratio(sc, with_source),
            }),
        );
    }
    json!({
        "articles": results.len(),
        "n_pred": n_pred,
        "n_gold_attributions": tot(&|r| r.n_gold),
        "n_gold_direct": n_direct,
        "n_gold_direct_with_source": with_source,
        "n_gold_direct_pronoun_source": tot(&|r| r.n_direct_pronoun_source),
        "n_unlocated": tot(&|r| r.n_unlocated),
        "n_duplicate": tot(&|r| r.n_duplicate),
        "levels": Value::Object(levels),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_events_become_attributions() {
        let text: Vec<char> = "“We will win,” Ada Reed said. Others doubt it."
            .chars()
            .collect();
        let ann = "T1\tContent 0 14\t“We will win,”\nT2\tSource 15 23\tAda Reed\n\
                   T3\tCue 24 28\tsaid\nT4\tAttribution 24 28\tsaid\n\
                   E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n";
        let a = load_article(&text, ann, Path::new("x.ann")).expect("parses");
        assert_eq!(a.len(), 1);
        assert!(a[0].direct);
        assert_eq!(a[0].pieces, vec![(1, 12)]);
        assert_eq!(a[0].source_text, "Ada Reed");
    }

    #[test]
    fn a_span_text_running_onto_the_next_line_is_skipped() {
        let text: Vec<char> = "“We will win,” Ada Reed said.\nThen more."
            .chars()
            .collect();
        // T5's text runs onto a line that starts with a capital T (not an id).
        let ann = "T1\tContent 0 14\t“We will win,”\nT2\tSource 15 23\tAda Reed\n\
                   T3\tCue 24 28\tsaid\nT4\tAttribution 24 28\tsaid\n\
                   T5\tContent 25 35\tsaid.\nThen more\nTen\nE7x\tnot an event\n\
                   E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n";
        let a = load_article(&text, ann, Path::new("x.ann")).expect("parses");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].source_text, "Ada Reed");
    }

    #[test]
    fn scores_follow_the_reference_definitions() {
        use super::super::text::{Locator, PredItem};
        let s = "“We will build it,” Ada Reed said. She added that costs would fall. “Not soon,” said Tom Hale.";
        let text: Vec<char> = s.chars().collect();
        let at = |frag: &str| s[..s.find(frag).expect("fragment")].chars().count();
        let span = |frag: &str| (at(frag), at(frag) + frag.chars().count());
        let mut ann = String::new();
        for (i, (content, source)) in [
            ("“We will build it,”", "Ada Reed"),
            ("that costs would fall", "She"),
            ("“Not soon,”", "Tom Hale"),
        ]
        .iter()
        .enumerate()
        {
            let (cs, ce) = span(content);
            let (ss, se) = span(source);
            ann.push_str(&format!(
                "T{a}\tContent {cs} {ce}\tx\nT{b}\tSource {ss} {se}\tx\nE{i}\tAttribution:T{a} Content:T{a} Source:T{b}\n",
                a = 2 * i + 1,
                b = 2 * i + 2
            ));
        }
        let golds = load_article(&text, &ann, Path::new("t.ann")).expect("parses");
        assert_eq!(golds.iter().filter(|g| g.direct).count(), 2);
        let item = |t: &str, speaker: &str, mention: Option<&str>| PredItem {
            text: t.into(),
            start: Some(at(t)),
            speaker: Some(speaker.into()),
            mention: mention.map(|m| (m.to_string(), Some(at(m)), Some(at(m) + m.chars().count()))),
        };
        let mut loc = Locator::new(&text);
        let preds: Vec<Placed> = [
            item("We will build it", "Ada Reed", Some("Ada Reed")),
            item("Not soon", "Reed", None),
            item("Ada Reed said", "Nobody", None),
        ]
        .into_iter()
        .map(|p| loc.place(p))
        .collect();
        let r = score_article(&golds, &preds);
        let (name, low) = &r.levels[0];
        assert_eq!(name, "0.3");
        // Two of three predictions hit a content; both direct quotes are paired.
        assert_eq!((low.tp_pred, low.tp_gold), (2, 2));
        // Only the first speaker is right ("Reed" shares no word with "Tom Hale").
        assert_eq!((low.spk_correct, low.spk_total), (1, 2));
        let (name, exact) = &r.levels[2];
        assert_eq!(name, "exact");
        assert_eq!((exact.tp_pred, exact.tp_gold), (2, 2));
        let all = aggregate(&[&r]);
        let p = all["levels"]["0.3"]["precision"].as_f64().expect("number");
        assert!((p - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(all["levels"]["0.3"]["attributed_recall"], 0.5);
    }

    #[test]
    fn reported_speech_is_scored_by_jaccard_over_indirect_contents() {
        use super::super::text::{Locator, PredItem};
        let s = "Ada Reed said. She added that costs would fall. “Not soon,” said Tom Hale.";
        let text: Vec<char> = s.chars().collect();
        let at = |frag: &str| s[..s.find(frag).expect("fragment")].chars().count();
        let span = |frag: &str| (at(frag), at(frag) + frag.chars().count());
        let mut ann = String::new();
        for (i, (content, source)) in [
            ("that costs would fall", "She"),
            ("“Not soon,”", "Tom Hale"),
        ]
        .iter()
        .enumerate()
        {
            let (cs, ce) = span(content);
            let (ss, se) = span(source);
            ann.push_str(&format!(
                "T{a}\tContent {cs} {ce}\tx\nT{b}\tSource {ss} {se}\tx\nE{i}\tAttribution:T{a} Content:T{a} Source:T{b}\n",
                a = 2 * i + 1,
                b = 2 * i + 2
            ));
        }
        let golds = load_article(&text, &ann, Path::new("t.ann")).expect("parses");
        let item = |t: &str, mention: &str| PredItem {
            text: t.into(),
            start: Some(at(t)),
            speaker: Some("Ada Reed".into()),
            mention: Some((
                mention.into(),
                Some(at(mention)),
                Some(at(mention) + mention.len()),
            )),
        };
        let mut loc = Locator::new(&text);
        let preds: Vec<Placed> = [
            // 21 of 31 characters are the content: Jaccard 0.68.
            item("She added that costs would fall", "She"),
            // The content inside a span twice its size: Jaccard 0.46, though
            // it covers all of the shorter span.
            item("Ada Reed said. She added that costs would fall", "Ada Reed"),
        ]
        .into_iter()
        .map(|p| loc.place(p))
        .collect();
        let r = score_with(&golds, &preds, &REPORTED);
        assert_eq!(r.n_direct, 1, "the recall set is the one indirect content");
        let (name, lv) = &r.levels[0];
        assert_eq!(name, "0.5");
        assert_eq!((lv.tp_pred, lv.tp_gold), (1, 1));
        assert_eq!(lv.pairs.get(&0), Some(&0));
        assert_eq!((lv.spk_correct, lv.spk_total), (1, 1));
        // Scored as direct quotes, both hit the content (shorter base) and
        // neither pairs with the direct quote.
        let d = score_article(&golds, &preds);
        assert_eq!((d.levels[0].1.tp_pred, d.levels[0].1.tp_gold), (2, 0));
    }

    #[test]
    fn malformed_brat_names_the_line() {
        let e = parse_brat("T1\tContent x 4\tabc\n", Path::new("a.ann")).unwrap_err();
        assert!(e.message.contains("a.ann: line 1"), "{}", e.message);
    }

    #[test]
    fn source_heads_and_name_words() {
        assert_eq!(source_head("Ada Reed, a senior aide"), "Ada Reed");
        assert_eq!(source_head("the aide who spoke"), "the aide");
        assert_eq!(
            name_words("Reed's former aide Mr. Cole", true),
            vec!["cole"]
        );
        assert!(is_pronoun("He"));
        assert!(!is_pronoun("The minister"));
    }
}
