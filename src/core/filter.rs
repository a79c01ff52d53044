//! Filters over a corpus (company, person, place, topic, language, date range, full text) and their facet counts.

use crate::core::corpus::Corpus;
use crate::core::model::EntityKind;
use crate::core::text::{fold, name_key};
use crate::core::timeline::Entry;

/// What the person has narrowed the page to. Empty fields do not filter.
/// Within one field values are alternatives (Meta or Nvidia); fields combine with "and".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub companies: Vec<String>,
    pub persons: Vec<String>,
    pub places: Vec<String>,
    pub topics: Vec<String>,
    pub langs: Vec<String>,
    /// Inclusive bounds, `YYYY-MM-DD` (a coarser entry date matches when its period overlaps).
    pub from: Option<String>,
    pub to: Option<String>,
    /// Full-text query, compared without case or diacritics.
    pub q: String,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// Whether an entry dated `date` (any precision) can fall within `[from, to]`.
pub fn date_in_range(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(d) = date else { return false };
    // A coarse date covers a period: "2023-09" runs from "2023-09" to "2023-09~" in string order.
    let first = d.to_string();
    let last = format!("{d}~");
    from.is_none_or(|f| last.as_str() >= f) && to.is_none_or(|t| first.as_str() <= t)
}

fn any_key_matches<'a>(wanted: &[String], mut candidates: impl Iterator<Item = &'a str>) -> bool {
    let keys: Vec<String> = wanted.iter().map(|w| name_key(w)).collect();
    candidates.any(|c| keys.contains(&name_key(c)))
}

/// Whether article `idx` of `corpus` passes the article-level parts of `filter`
/// (language, full text, and the entity/topic facets: the article must name them).
pub fn article_matches(corpus: &Corpus, idx: usize, filter: &Filter) -> bool {
    let x = &corpus.extractions[idx];
    if !filter.langs.is_empty() && !filter.langs.iter().any(|l| l.eq_ignore_ascii_case(&x.lang)) {
        return false;
    }
    if !filter.q.trim().is_empty()
        && !corpus
            .folded_text(idx)
            .contains(fold(filter.q.trim()).as_str())
    {
        return false;
    }
    if !filter.topics.is_empty() && !filter.topics.iter().any(|t| x.topics.contains(t)) {
        return false;
    }
    let named = |wanted: &[String], kind: EntityKind| {
        wanted.is_empty()
            || any_key_matches(
                wanted,
                x.entities
                    .iter()
                    .filter(|e| e.kind == kind)
                    .flat_map(|e| corpus.names_of(e)),
            )
    };
    named(&filter.companies, EntityKind::Org)
        && named(&filter.persons, EntityKind::Person)
        && named(&filter.places, EntityKind::Place)
}

/// Whether a timeline entry passes `filter`: its companies, persons and place are the meeting's own,
/// its date lies in range, and at least one source article passes the language and text filters.
pub fn entry_matches(corpus: &Corpus, entry: &Entry, filter: &Filter) -> bool {
    if !date_in_range(
        entry.date.as_deref(),
        filter.from.as_deref(),
        filter.to.as_deref(),
    ) {
        return false;
    }
    let orgs = || {
        entry
            .participants
            .iter()
            .flat_map(|p| {
                let own = (p.kind == EntityKind::Org).then_some(p.name.as_str());
                own.into_iter().chain(p.affiliation.as_deref())
            })
            .flat_map(|n| corpus.org_family(n))
    };
    if !filter.companies.is_empty() && !any_key_matches(&filter.companies, orgs()) {
        return false;
    }
    if !filter.persons.is_empty()
        && !any_key_matches(
            &filter.persons,
            entry
                .participants
                .iter()
                .filter(|p| p.kind == EntityKind::Person)
                .map(|p| p.name.as_str()),
        )
    {
        return false;
    }
    if !filter.places.is_empty()
        && !any_key_matches(&filter.places, entry.place.as_deref().into_iter())
    {
        return false;
    }
    if !filter.topics.is_empty() && !filter.topics.iter().any(|t| entry.topics.contains(t)) {
        return false;
    }
    let text_filter = Filter {
        langs: filter.langs.clone(),
        q: filter.q.clone(),
        ..Filter::default()
    };
    entry
        .sources
        .iter()
        .any(|s| article_matches(corpus, s.article, &text_filter))
}
