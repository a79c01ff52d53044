//! Topics of the taxonomy, per article and per sentence, from multilingual keyword lexicons.
//!
//! data/lexicon/topics.tsv lists weighted phrases per topic and language. A sentence carries a
//! topic when one of its phrases occurs in it; an article has the topic when the summed weight of
//! its (non-overlapping) matches reaches `ARTICLE_THRESHOLD`: discussed, not named in passing.

use crate::core::case::Lowercase;
use crate::core::model::{Entity, EntityKind, SentenceTopics, Span};
use crate::core::text::{fold, TokenKind};
use crate::core::Doc;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const TOPICS_TSV: &str = include_str!("../../data/lexicon/topics.tsv");

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

fn lexicon() -> &'static BTreeMap<String, Vec<Phrase>> {
    static LEX: OnceLock<BTreeMap<String, Vec<Phrase>>> = OnceLock::new();
    LEX.get_or_init(|| parse(TOPICS_TSV))
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
        let words: Vec<(String, bool)> = phrase
            .split_whitespace()
            .map(|w| {
                let w = match mode {
                    Mode::Cased => w.to_string(),
                    Mode::Lower => w.lowercase(),
                    Mode::Folded => fold(w),
                };
                match w.strip_suffix('*') {
                    Some(stem) => (stem.to_string(), true),
                    None => (w, false),
                }
            })
            .filter(|(w, _)| !w.is_empty())
            .collect();
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

/// One word of the text under its three comparison keys (plus the same after an elided article).
struct Keys {
    cased: Vec<String>,
    lower: Vec<String>,
    folded: Vec<String>,
    span: Span,
}

fn with_elision(s: String) -> Vec<String> {
    let mut v = vec![s.clone()];
    if let Some(pos) = s.find('\'') {
        if pos > 0 && pos <= 4 && pos + 1 < s.len() {
            v.push(s[pos + 1..].to_string());
        }
    }
    v
}

fn keys_of(doc: &Doc, span: Span) -> Vec<Keys> {
    let lo = doc.tokens.partition_point(|t| t.span.start < span.start);
    let hi = doc.tokens.partition_point(|t| t.span.start < span.end);
    doc.tokens[lo..hi]
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| {
            let raw = t.text(doc.text).replace('’', "'");
            Keys {
                lower: with_elision(raw.lowercase()),
                folded: with_elision(fold(&raw)),
                cased: with_elision(raw),
                span: t.span,
            }
        })
        .collect()
}

/// Matches (topic, span, weight) of the lexicon of `lang` in `span`, at most one per place and topic (the longest).
fn matches_in(doc: &Doc, span: Span) -> Vec<(String, Span, u32)> {
    let lex = lexicon();
    let keys = keys_of(doc, span);
    let mut found: Vec<(String, Span, u32)> = Vec::new();
    let phrases = lex
        .get(doc.lang)
        .into_iter()
        .flatten()
        .chain(lex.get("*").into_iter().flatten());
    for p in phrases {
        let n = p.words.len();
        for i in 0..keys.len() {
            if i + n > keys.len() {
                break;
            }
            let ok = p.words.iter().enumerate().all(|(k, (w, prefix))| {
                let key = &keys[i + k];
                let cands = match p.mode {
                    Mode::Cased => &key.cased,
                    Mode::Lower => &key.lower,
                    Mode::Folded => &key.folded,
                };
                cands.iter().any(|c| {
                    if *prefix {
                        c.starts_with(w.as_str())
                    } else {
                        c == w
                    }
                })
            });
            // A lowercase phrase written all in capitals inside a sentence names an organisation or a
            // title ("ministra de Transformación Digital"), not the topic (German capitalises nouns).
            let in_name = p.mode != Mode::Cased
                && doc.lang != "de"
                && i > 0
                && keys[i..i + n]
                    .iter()
                    .all(|k| k.cased[0].chars().next().is_some_and(|c| c.is_uppercase()));
            if ok && !in_name {
                found.push((
                    p.topic.clone(),
                    Span::new(keys[i].span.start, keys[i + n - 1].span.end),
                    p.weight,
                ));
            }
        }
    }
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
    for &s in &doc.sentences {
        let ms = matches_in(doc, s);
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
