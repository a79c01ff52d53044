//! The data the core reads and writes: articles in, extractions out (the JSON contract of `spec/extract-json.md`).

use serde::{Deserialize, Serialize};

/// One news article, as read from JSON, JSON Lines, or a plain text file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// ISO 639-1 code; detected when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// `YYYY-MM-DD`; anchors yearless and relative dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A half-open range of UTF-8 byte offsets into an article's `text`, always on character boundaries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text under this span, or "" when the span does not fit the text.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Org,
    Place,
}

/// A person, organisation or place named in one article, under its canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// Canonical name, the same in every language (`États-Unis`, `AS`, `Hoa Kỳ` → `United States`).
    pub name: String,
    /// For orgs: `company`, `government`, `media`, `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<String>,
    /// For places: `country`, `city`, `region`, `venue`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub place_type: Option<String>,
    /// Surface forms seen in this article.
    pub aliases: Vec<String>,
    /// For persons: title, in English ("Prime Minister").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For persons: canonical name of the organisation or country they represent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    Happened,
    Planned,
}

/// A meeting, reception, visit or talks reported in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Always `meeting` for now.
    pub kind: String,
    pub status: EventStatus,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or null when it cannot be resolved.
    pub date: Option<String>,
    /// Canonical name of the most specific place, or null.
    pub place: Option<String>,
    /// Canonical names of persons and organisations present.
    pub participants: Vec<String>,
    /// The sentence that reports it.
    pub evidence: Span,
}

/// The topics one sentence carries (for the topic views).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceTopics {
    pub span: Span,
    pub topics: Vec<String>,
}

/// Everything the core finds in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    pub id: String,
    pub lang: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub topics: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentence_topics: Vec<SentenceTopics>,
}

/// The document `dossier extract` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ExtractOutput {
    pub articles: Vec<Extraction>,
}
