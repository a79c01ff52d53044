//! The extraction core: pure Rust, no browser, no IO, never panics. Articles in, entities, meetings and topics out.
//!
//! The pipeline for one article (see `extract`): noise lines → language → sentences and tokens →
//! entities → dates → meetings → topics. The timeline and the filters work on the results.

/// A lexicon of `data/lexicon/` compiled in as text: `lexicon_file!("places.tsv")`. The path goes
/// through `CARGO_MANIFEST_DIR` because `build.rs` compiles the core too, before any OUT_DIR exists.
macro_rules! lexicon_file {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon/", $name))
    };
}

mod fold_table;

pub mod calendar;
pub mod case;
pub mod corpus;
pub mod dates;
pub mod entities;
pub mod export;
pub mod filter;
pub mod hash;
pub mod html;
pub mod intake;
pub mod json;
pub mod lang;
pub mod lexicon;
pub mod meetings;
pub mod model;
pub mod noise;
pub mod parse;
pub mod query;
pub mod shard;
pub mod sort;
pub mod text;
pub mod timeline;
pub mod topics;

use crate::core::dates::DateValue;
use crate::core::model::{Article, Extraction, Span};
use crate::core::text::Token;

/// One article prepared for the extraction stages: its text, language, anchor date, sentences and tokens.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub text: &'a str,
    /// ISO 639-1 code, given or detected.
    pub lang: &'a str,
    /// The publication date, the anchor for yearless and relative dates.
    pub published: Option<DateValue>,
    /// Sentences of body text (noise lines excluded), in order.
    pub sentences: Vec<Span>,
    /// Every sentence of the text (`text::sentences`, noise lines included), in order.
    pub all_sentences: Vec<Span>,
    /// Every token of the text, in order.
    pub tokens: Vec<Token>,
    /// `tokens`' lowercase and folded forms, built once for the stages.
    pub keys: text::TokenKeys,
    /// Lines that are not body text (photo credits, related links, source lines, counters).
    pub noise: Vec<Span>,
    /// `noise` with each line's kind (`noise::classify_lines` of `text`).
    pub noise_kinds: Vec<(Span, noise::NoiseKind)>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, lang: &'a str, published: Option<DateValue>) -> Doc<'a> {
        let noise_kinds = noise::classify_lines(text);
        let noise: Vec<Span> = noise_kinds.iter().map(|(s, _)| *s).collect();
        let all_sentences = text::sentences(text);
        let sentences = all_sentences
            .iter()
            .copied()
            .filter(|s| !noise.iter().any(|n| n.contains(*s)))
            .collect();
        let tokens = text::tokens(text);
        Doc {
            text,
            lang,
            published,
            sentences,
            all_sentences,
            keys: text::TokenKeys::of(text, &tokens),
            tokens,
            noise,
            noise_kinds,
        }
    }

    /// Whether `span` lies inside a noise line.
    pub fn is_noise(&self, span: Span) -> bool {
        self.noise.iter().any(|n| n.contains(span))
    }
}

/// The language of `article`: its own `lang` when given, else detected from its text.
pub fn article_lang(article: &Article) -> String {
    match article.lang.as_deref().map(str::trim) {
        Some(l) if !l.is_empty() => l.to_ascii_lowercase(),
        _ => lang::detect(&article.text).to_string(),
    }
}

/// Run every stage on one article.
pub fn extract(article: &Article) -> Extraction {
    let lang = article_lang(article);
    let published = article.published.as_deref().and_then(DateValue::parse_iso);
    let doc = Doc::new(&article.text, &lang, published);
    let entities = entities::recognize(&doc);
    let dates = dates::find_dates_keyed(
        doc.text,
        &doc.tokens,
        &doc.keys,
        &doc.all_sentences,
        doc.lang,
        doc.published,
    );
    let events = meetings::find_meetings(&doc, &entities, &dates);
    let (topics, sentence_topics) = topics::classify(&doc);
    Extraction {
        id: article.id.clone(),
        lang,
        published: article.published.clone(),
        entities,
        events,
        topics,
        sentence_topics,
    }
}

/// Run every stage on many articles, in order.
pub fn extract_all(articles: &[Article]) -> Vec<Extraction> {
    articles.iter().map(extract).collect()
}
