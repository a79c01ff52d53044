//! A loaded corpus: articles, their extractions, the timeline, and the indexes the filters need.

use crate::core::filter::{self, Filter};
use crate::core::model::{Article, Entity, EntityKind, Extraction};
use crate::core::text::fold;
use crate::core::timeline::{self, Entry};
use std::collections::BTreeMap;

/// Articles with everything the core found in them. Built once; filtering never re-extracts.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub extractions: Vec<Extraction>,
    pub timeline: Vec<Entry>,
    /// Title and text of each article, folded (lowercase, no diacritics) for full-text search.
    folded: Vec<String>,
}

impl Corpus {
    /// Extract every article and build the timeline.
    pub fn new(articles: Vec<Article>) -> Corpus {
        let extractions = crate::core::extract_all(&articles);
        Corpus::from_parts(articles, extractions)
    }

    /// A corpus from articles and extractions computed elsewhere (same order, same length).
    pub fn from_parts(articles: Vec<Article>, extractions: Vec<Extraction>) -> Corpus {
        let timeline = timeline::build(&extractions);
        let folded = articles
            .iter()
            .map(|a| {
                let mut s = fold(a.title.as_deref().unwrap_or(""));
                s.push('\n');
                s.push_str(&fold(&a.text));
                s
            })
            .collect();
        Corpus {
            articles,
            extractions,
            timeline,
            folded,
        }
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    pub(crate) fn folded_text(&self, idx: usize) -> &str {
        self.folded.get(idx).map(String::as_str).unwrap_or("")
    }

    /// The names a filter value may match for this entity: its canonical name and, for an org,
    /// the org it belongs to or was renamed to (Facebook → Meta).
    pub(crate) fn names_of<'e>(&self, e: &'e Entity) -> Vec<&'e str> {
        let mut v = vec![e.name.as_str()];
        if e.kind == EntityKind::Org {
            if let Some(r) = crate::core::lexicon::related_org(&e.name) {
                v.push(r);
            }
        }
        v
    }

    /// An org's own name and the org it belongs to or was renamed to.
    pub(crate) fn org_family<'n>(&self, name: &'n str) -> Vec<&'n str> {
        let mut v = vec![name];
        if let Some(r) = crate::core::lexicon::related_org(name) {
            v.push(r);
        }
        v
    }

    /// Timeline entries that pass `filter`, in timeline order.
    pub fn visible_entries(&self, filter: &Filter) -> Vec<&Entry> {
        self.timeline
            .iter()
            .filter(|e| filter::entry_matches(self, e, filter))
            .collect()
    }

    /// Indexes of the articles that pass `filter`.
    pub fn visible_articles(&self, filter: &Filter) -> Vec<usize> {
        (0..self.articles.len())
            .filter(|&i| filter::article_matches(self, i, filter))
            .collect()
    }

    /// Companies taking part in meetings, with the number of timeline entries each appears in
    /// (as participant or as a participant's affiliation), most frequent first, then by name.
    pub fn companies(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let is_company = |name: &str| {
            self.extractions.iter().flat_map(|x| &x.entities).any(|e| {
                e.kind == EntityKind::Org && e.name == name && e.class.as_deref() == Some("company")
            })
        };
        for entry in &self.timeline {
            let mut names: Vec<&str> = Vec::new();
            for p in &entry.participants {
                let own = (p.kind == EntityKind::Org).then_some(p.name.as_str());
                for n in own.into_iter().chain(p.affiliation.as_deref()) {
                    for f in self.org_family(n) {
                        if !names.contains(&f)
                            && (is_company(f) || crate::core::lexicon::is_company(f))
                        {
                            names.push(f);
                        }
                    }
                }
            }
            for n in names {
                *counts.entry(n.to_string()).or_default() += 1;
            }
        }
        let mut v: Vec<(String, usize)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}
