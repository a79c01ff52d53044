//! Topics of the taxonomy, per article and per sentence, from multilingual keyword lexicons.
//!
//! data/lexicon/topics.tsv lists weighted phrases per topic and language. A sentence carries a
//! topic when one of its phrases occurs in it; an article has the topic when the summed weight of
//! its (non-overlapping) matches reaches `ARTICLE_THRESHOLD`: discussed, not named in passing.

use crate::core::case::Lowercase;
use crate::core::hash::FilteredMap;
use crate::core::model::{Entity, EntityKind, SentenceTopics, Span};
use crate::core::text::{fold, TokenKind};
use crate::core::Doc;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const TOPICS_TSV: &str = lexicon_file!("topics.tsv");

/// Summed weight an article needs for a topic.
pub const ARTICLE_THRESHOLD: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The phrase has capitals (an acronym like "AI", "IoT"): compare the text as written.
    Cased,
    /// The phrase has non-ASCII letters (Vietnamese): compare lowercase text with diacritics.
    Lower,
    /// Compare folded text (lowercase, diacritics stripped).
    Folded,
}

#[derive(Debug, Clone)]
struct Phrase {
    topic: String,
    words: Vec<(String, bool)>,
    mode: Mode,
    weight: u32,
}

/// The phrases one language matches (its own, then the `*` ones), indexed by their first word.
#[derive(Debug, Default)]
struct LangIndex {
    phrases: Vec<Phrase>,
    /// First word (not a prefix) → per mode (`Mode as usize`) the phrase ids, ascending: one
    /// lookup serves the modes under which a word has the same key (most words).
    first: FilteredMap<[Vec<u32>; 3]>,
    /// Per mode: phrases whose first word is a prefix, as (first byte of the prefix, phrase id),
    /// sorted: a word only checks the phrases whose prefix starts with the first byte of its key.
    prefix_first: [Vec<(u8, u32)>; 3],
    /// Per mode and first byte: the range of `prefix_first` with that byte.
    prefix_range: Vec<[(u32, u32); 256]>,
    /// Phrases whose first word is an empty prefix (checked at every word).
    prefix_any: Vec<u32>,
    /// Per mode, whether some phrase compares under it.
    used: [bool; 3],
}

impl LangIndex {
    fn new(phrases: Vec<Phrase>) -> LangIndex {
        let mut ix = LangIndex::default();
        for (id, p) in phrases.iter().enumerate() {
            let id = id as u32;
            ix.used[p.mode as usize] = true;
            match p.words.first() {
                Some((w, false)) => ix.first.entry_default(w.clone())[p.mode as usize].push(id),
                Some((w, true)) if !w.is_empty() => {
                    ix.prefix_first[p.mode as usize].push((w.as_bytes()[0], id))
                }
                _ => ix.prefix_any.push(id),
            }
        }
        ix.first.finish();
        for v in &mut ix.prefix_first {
            crate::core::sort::sort(v);
            // Sorted by byte: each byte's phrases are one run.
            let mut range = [(0u32, 0u32); 256];
            for (k, &(b, _)) in v.iter().enumerate() {
                let r = &mut range[b as usize];
                if r.1 == 0 {
                    r.0 = k as u32;
                }
                r.1 = k as u32 + 1;
            }
            ix.prefix_range.push(range);
        }
        ix.phrases = phrases;
        ix
    }
}

#[derive(Debug, Default)]
struct Lexicon {
    by_lang: Vec<(String, LangIndex)>,
    /// For languages without phrases of their own.
    star_only: LangIndex,
}

impl Lexicon {
    fn get(&self, lang: &str) -> &LangIndex {
        self.by_lang
            .iter()
            .find(|(l, _)| l == lang)
            .map_or(&self.star_only, |(_, ix)| ix)
    }
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut langs = Vec::new();
        let mut star = Vec::new();
        for (lang, ps) in parse(TOPICS_TSV) {
            if lang == "*" {
                star = ps;
            } else {
                langs.push((lang, ps));
            }
        }
        Lexicon {
            by_lang: langs
                .into_iter()
                .map(|(lang, mut ps)| {
                    ps.extend(star.iter().cloned());
                    (lang, LangIndex::new(ps))
                })
                .collect(),
            star_only: LangIndex::new(star),
        }
    })
}

fn parse(tsv: &str) -> BTreeMap<String, Vec<Phrase>> {
    let mut out: BTreeMap<String, Vec<Phrase>> = BTreeMap::new();
    for line in tsv.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 4 {
            continue;
        }
        let phrase = cols[2].trim().replace('’', "'");
        let mode = if phrase.chars().any(|c| c.is_uppercase()) {
            Mode::Cased
        } else if !phrase.is_ascii() {
            Mode::Lower
        } else {
            Mode::Folded
        };
        let words = crate::core::lexicon::phrase_words(&phrase, |w| match mode {
            Mode::Cased => w.to_string(),
            Mode::Lower => w.lowercase(),
            Mode::Folded => fold(w),
        });
        if words.is_empty() {
            continue;
        }
        out.entry(cols[1].trim().to_string())
            .or_default()
            .push(Phrase {
                topic: cols[0].trim().to_string(),
                words,
                mode,
                weight: cols[3].trim().parse().unwrap_or(1),
            });
    }
    out
}

/// One word of the text under its three comparison keys (each maybe also after an elided article).
struct Keys<'d> {
    /// Per `Mode`: the key, then the key after an elided article ("" when there is none).
    forms: [[&'d str; 2]; 3],
    /// The word starts with an uppercase letter.
    cap: bool,
    span: Span,
}

/// The words of one stretch of text with their keys, borrowed from `Doc::keys`, the text, and
/// (non-ASCII words with "’" as written) one buffer.
struct Words<'d> {
    keys: Vec<Keys<'d>>,
}

impl<'d> Words<'d> {
    /// The keys of word `i` under `mode`: the word, then the word after an elided article ("l'").
    fn forms(&self, i: usize, mode: Mode) -> impl Iterator<Item = &'d str> {
        let [whole, after] = self.keys[i].forms[mode as usize];
        std::iter::once(whole).chain((!after.is_empty()).then_some(after))
    }
}

/// Where the key `s` continues after an elided article of 1-4 bytes ("l'", "dell'"), if any.
fn elision_end(s: &str) -> Option<usize> {
    let pos = crate::core::text::find_byte(s, b'\'')?;
    (pos > 0 && pos <= 4 && pos + 1 < s.len()).then_some(pos + 1)
}

/// A key and the same after an elided article ("" when there is none).
fn with_elision(s: &str) -> [&str; 2] {
    [s, elision_end(s).and_then(|e| s.get(e..)).unwrap_or("")]
}

/// `used`: per `Mode`, whether some phrase compares under it. `own` holds the cased keys of
/// non-ASCII words written with "’" (read as "'").
fn keys_of<'d>(doc: &'d Doc, span: Span, used: [bool; 3], own: &'d mut String) -> Words<'d> {
    let lo = doc.tokens.partition_point(|t| t.span.start < span.start);
    let hi = doc.tokens.partition_point(|t| t.span.start < span.end);
    let toks = doc.tokens.get(lo..hi).unwrap_or(&[]);
    let cased = used[Mode::Cased as usize];
    // First the cased keys that differ from the text as written, then every key borrowed.
    own.clear();
    let mut own_ranges: Vec<(usize, usize)> = Vec::new();
    if cased {
        for (k, t) in toks.iter().enumerate() {
            let text = t.text(doc.text);
            // `same`: an ASCII token (no "’").
            if t.kind != TokenKind::Punct && !doc.keys.same(lo + k) && text.contains('’') {
                let a = own.len();
                own.extend(text.chars().map(|c| if c == '’' { '\'' } else { c }));
                own_ranges.push((a, own.len()));
            }
        }
    }
    let own: &'d str = own;
    let mut own_ranges = own_ranges.into_iter();
    let mut w = Words {
        keys: Vec::with_capacity(toks.len()),
    };
    for (k, t) in toks.iter().enumerate() {
        if t.kind == TokenKind::Punct {
            continue;
        }
        let i = lo + k;
        let text = t.text(doc.text);
        // A mode no phrase uses keeps an empty key.
        let mut forms = [["", ""]; 3];
        let lower = used[Mode::Lower as usize];
        if doc.keys.same(i) {
            // An ASCII token: its forms differ from the text only in case (lowercase and folded
            // are one), so an elided article ends at the same place in each.
            let key = doc.keys.folded(i);
            let e = elision_end(key);
            let elided = |s: &'d str| [s, e.and_then(|e| s.get(e..)).unwrap_or("")];
            if cased {
                forms[Mode::Cased as usize] = elided(text);
            }
            if lower {
                forms[Mode::Lower as usize] = elided(key);
            }
            if used[Mode::Folded as usize] {
                forms[Mode::Folded as usize] = elided(key);
            }
        } else {
            if cased {
                let key = if text.contains('’') {
                    own_ranges
                        .next()
                        .and_then(|(a, b)| own.get(a..b))
                        .unwrap_or("")
                } else {
                    text
                };
                forms[Mode::Cased as usize] = with_elision(key);
            }
            if lower {
                forms[Mode::Lower as usize] = with_elision(doc.keys.lower(i));
            }
            if used[Mode::Folded as usize] {
                forms[Mode::Folded as usize] = with_elision(doc.keys.folded(i));
            }
        }
        w.keys.push(Keys {
            forms,
            cap: text.chars().next().is_some_and(|c| c.is_uppercase()),
            span: t.span,
        });
    }
    w
}

/// Matches (topic, span, weight) of the lexicon of `lang` in `span`, at most one per place and topic (the longest).
fn matches_in(doc: &Doc, span: Span) -> Vec<(String, Span, u32)> {
    let ix = lexicon().get(doc.lang);
    let mut own = String::new();
    let words = keys_of(doc, span, ix.used, &mut own);
    matches_in_words(doc, ix, &words, 0, words.keys.len(), &mut Vec::new())
}

/// `matches_in` over the words `lo..hi` of `words` (one sentence of keys built for a longer text);
/// `cands` is scratch space kept across calls.
fn matches_in_words(
    doc: &Doc,
    ix: &LangIndex,
    words: &Words,
    lo: usize,
    hi: usize,
    cands: &mut Vec<u32>,
) -> Vec<(String, Span, u32)> {
    let keys = words.keys.get(lo..hi).unwrap_or(&[]);
    // (phrase id, position, match): collected per position, then put in phrase order as before.
    let mut hits: Vec<(u32, usize, (String, Span, u32))> = Vec::new();
    for i in 0..keys.len() {
        cands.clear();
        for mode in [Mode::Cased, Mode::Lower, Mode::Folded] {
            // A mode no phrase uses has no candidates (and empty keys).
            if !ix.used[mode as usize] {
                continue;
            }
            let prefixed = &ix.prefix_first[mode as usize];
            let range = ix.prefix_range.get(mode as usize);
            let mut seen_byte = None;
            for w in words.forms(lo + i, mode) {
                // One lookup per mode and form, no dedup of keys shared by modes: the map's word
                // filter turns most words away before any hashing.
                if let Some(per_mode) = ix.first.get(w) {
                    cands.extend_from_slice(&per_mode[mode as usize]);
                }
                // Prefix phrases whose prefix starts with this form's first byte, once per byte.
                if let Some(&b) = w.as_bytes().first() {
                    if !prefixed.is_empty() && seen_byte != Some(b) {
                        seen_byte = Some(b);
                        let (a, z) = range.map_or((0, 0), |r| r[b as usize]);
                        let ids = prefixed.get(a as usize..z as usize).unwrap_or(&[]);
                        // Only the phrases whose prefix one of the word's forms starts with (the
                        // first word's test of the match below, done here at no phrase set-up).
                        cands.extend(ids.iter().map(|&(_, id)| id).filter(|&id| {
                            let pw = ix.phrases[id as usize].words[0].0.as_str();
                            words.forms(lo + i, mode).any(|c| c.starts_with(pw))
                        }));
                    }
                }
            }
        }
        // No phrase comes twice (one mode each, a word's two forms differ, a prefix bucket once
        // per first byte); `hits` is put in phrase order below.
        cands.extend_from_slice(&ix.prefix_any);
        for &id in cands.iter() {
            let p = &ix.phrases[id as usize];
            let n = p.words.len();
            if i + n > keys.len() {
                continue;
            }
            let ok = p.words.iter().enumerate().all(|(k, (w, prefix))| {
                words.forms(lo + i + k, p.mode).any(|c| {
                    if *prefix {
                        c.starts_with(w.as_str())
                    } else {
                        c == w
                    }
                })
            });
            if !ok {
                continue;
            }
            // A lowercase phrase written all in capitals inside a sentence names an organisation or a
            // title ("ministra de Transformación Digital"), not the topic (German capitalises nouns).
            let in_name = p.mode != Mode::Cased
                && doc.lang != "de"
                && i > 0
                && keys[i..i + n].iter().all(|k| k.cap);
            if !in_name {
                hits.push((
                    id,
                    i,
                    (
                        p.topic.clone(),
                        Span::new(keys[i].span.start, keys[i + n - 1].span.end),
                        p.weight,
                    ),
                ));
            }
        }
    }
    crate::core::sort::sort_by_key(&mut hits, |h| (h.0, h.1));
    let mut found: Vec<(String, Span, u32)> = hits.into_iter().map(|h| h.2).collect();
    // Longest first; drop a match overlapping an already kept match of the same topic.
    crate::core::sort::sort_by_key(&mut found, |(t, s, w)| {
        (t.clone(), std::cmp::Reverse(s.len()), std::cmp::Reverse(*w))
    });
    let mut kept: Vec<(String, Span, u32)> = Vec::new();
    for f in found {
        if !kept.iter().any(|k| k.0 == f.0 && k.1.overlaps(f.1)) {
            kept.push(f);
        }
    }
    crate::core::sort::sort_by_key(&mut kept, |k| k.1);
    kept
}

/// The topics one stretch of text carries (any phrase match), sorted.
pub fn topics_of(doc: &Doc, span: Span) -> Vec<String> {
    let mut t: Vec<String> = matches_in(doc, span).into_iter().map(|m| m.0).collect();
    crate::core::sort::sort(&mut t);
    t.dedup();
    t
}

/// The article's topics (taxonomy ids, sorted) and the topics each sentence carries.
pub fn classify(doc: &Doc) -> (Vec<String>, Vec<SentenceTopics>) {
    let mut score: BTreeMap<String, u32> = BTreeMap::new();
    let mut per_sentence = Vec::new();
    // Keys of the whole text, built once; each sentence takes its range.
    let ix = lexicon().get(doc.lang);
    let mut own = String::new();
    let words = keys_of(doc, Span::new(0, doc.text.len()), ix.used, &mut own);
    // Scratch space for the candidate phrases at a word, kept across sentences.
    let mut cands: Vec<u32> = Vec::new();
    for &s in &doc.sentences {
        let lo = words.keys.partition_point(|k| k.span.start < s.start);
        let hi = words.keys.partition_point(|k| k.span.start < s.end);
        let ms = matches_in_words(doc, ix, &words, lo, hi, &mut cands);
        if ms.is_empty() {
            continue;
        }
        let mut topics: Vec<String> = Vec::new();
        for (t, _, w) in ms {
            *score.entry(t.clone()).or_default() += w;
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
        crate::core::sort::sort(&mut topics);
        per_sentence.push(SentenceTopics { span: s, topics });
    }
    let article = score
        .into_iter()
        .filter(|(_, w)| *w >= ARTICLE_THRESHOLD)
        .map(|(t, _)| t)
        .collect();
    (article, per_sentence)
}

/// Company × topic co-occurrence: for each company (org of class `company`), how many sentences
/// carrying each topic mention it. Sorted by company, then topic.
pub fn company_topics(
    entities: &[Entity],
    sentence_topics: &[SentenceTopics],
) -> Vec<(String, String, u32)> {
    let mut counts: BTreeMap<(String, String), u32> = BTreeMap::new();
    for e in entities {
        if e.kind != EntityKind::Org || e.class.as_deref() != Some("company") {
            continue;
        }
        for st in sentence_topics {
            if e.mentions.iter().any(|m| st.span.contains(*m)) {
                for t in &st.topics {
                    *counts.entry((e.name.clone(), t.clone())).or_default() += 1;
                }
            }
        }
    }
    counts.into_iter().map(|((c, t), n)| (c, t, n)).collect()
}
