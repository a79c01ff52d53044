//! Filters over a corpus (company, person, place, topic, language, date range, full text) and their facet counts.

use crate::core::corpus::Corpus;
use crate::core::model::{EntityKind, Extraction};
use crate::core::text::{fold, name_key};
use crate::core::timeline::Entry;
use std::collections::BTreeMap;

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

    /// The list of values of a multi-valued field.
    pub fn field(&self, field: Field) -> &Vec<String> {
        match field {
            Field::Company => &self.companies,
            Field::Person => &self.persons,
            Field::Place => &self.places,
            Field::Topic => &self.topics,
            Field::Lang => &self.langs,
        }
    }

    pub fn field_mut(&mut self, field: Field) -> &mut Vec<String> {
        match field {
            Field::Company => &mut self.companies,
            Field::Person => &mut self.persons,
            Field::Place => &mut self.places,
            Field::Topic => &mut self.topics,
            Field::Lang => &mut self.langs,
        }
    }

    /// Add `value` to `field` when absent, remove it when present.
    pub fn toggle(&mut self, field: Field, value: &str) {
        let list = self.field_mut(field);
        match list.iter().position(|v| v == value) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(value.to_string()),
        }
    }
}

/// The topic taxonomy of `spec/extract-json.md`, in its order.
pub const TOPICS: [&str; 10] = [
    "ai",
    "semiconductors",
    "digital_transformation",
    "cybersecurity",
    "iot",
    "vr_metaverse",
    "education_training",
    "investment_manufacturing",
    "tax_regulation",
    "finance",
];

/// The position of a topic id in `TOPICS`.
pub fn topic_index(topic: &str) -> Option<usize> {
    TOPICS.iter().position(|t| *t == topic)
}

/// The multi-valued fields of a filter (each a facet with counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Company,
    Person,
    Place,
    Topic,
    Lang,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Company,
        Field::Person,
        Field::Place,
        Field::Topic,
        Field::Lang,
    ];
}

/// The values of one field found on `entry` (companies are the meeting's own orgs and affiliations).
pub fn entry_values<'c>(corpus: &'c Corpus, entry: &'c Entry, field: Field) -> Vec<&'c str> {
    let all: Vec<&str> = match field {
        Field::Company => corpus.entry_companies(entry),
        Field::Person => entry
            .participants
            .iter()
            .filter(|p| p.kind == EntityKind::Person)
            .map(|p| p.name.as_str())
            .collect(),
        Field::Place => entry.place.as_deref().into_iter().collect(),
        Field::Topic => entry.topics.iter().map(String::as_str).collect(),
        Field::Lang => entry.sources.iter().map(|s| s.lang.as_str()).collect(),
    };
    let mut v: Vec<&str> = Vec::with_capacity(all.len());
    for x in all {
        if !v.contains(&x) {
            v.push(x);
        }
    }
    v
}

/// Facet counts of `field`: for each value, how many meetings would show if it were chosen together
/// with the rest of the filter (the field's own choices set aside). Chosen values are always listed.
/// Most frequent first, then by name.
pub fn facet(corpus: &Corpus, filter: &Filter, field: Field) -> Vec<(String, usize)> {
    let counts = facet_counts(corpus, filter);
    let mut out: Vec<(String, usize)> = counts[field as usize]
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(id, &n)| (corpus.ids.name(id as u32).to_string(), n as usize))
        .collect();
    for v in filter.field(field) {
        if !out.iter().any(|(k, _)| name_key(k) == name_key(v)) {
            out.push((v.clone(), 0));
        }
    }
    rank(&mut out);
    out
}

fn by_count(a: &(String, usize), b: &(String, usize)) -> std::cmp::Ordering {
    b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
}

/// Order (name, count) pairs most frequent first, then by name. (One shared sort keeps the wasm small.)
pub fn rank(v: &mut [(String, usize)]) {
    crate::core::sort::sort_by(v, by_count);
}

/// The ids of the `k` values with the highest counts (none of count 0), in `rank` order: most
/// frequent first, then by name. One pass keeping the best `k` so far, so a facet of 20,000
/// values costs no sort and no `String` per value.
pub fn top_values<'a>(counts: &[u32], name: impl Fn(u32) -> &'a str, k: usize) -> Vec<u32> {
    let mut top: Vec<(u32, u32)> = Vec::with_capacity(k + 1);
    let before = |a: (u32, u32), b: (u32, u32)| a.1 > b.1 || (a.1 == b.1 && name(a.0) < name(b.0));
    for (id, &n) in counts.iter().enumerate() {
        let v = (id as u32, n);
        if n == 0 || k == 0 || (top.len() == k && !before(v, top[k - 1])) {
            continue;
        }
        let at = top.iter().position(|&t| before(v, t)).unwrap_or(top.len());
        top.insert(at, v);
        top.truncate(k);
    }
    top.into_iter().map(|(id, _)| id).collect()
}

/// Whether an entry dated `date` (any precision) can fall within `[from, to]`.
pub fn date_in_range(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(d) = date else { return false };
    // A coarse date covers a period: "2023-09" runs from "2023-09" to "2023-09~" in string order,
    // and a coarse `to` bound ("2024-09") takes in its whole period too. Comparing the common
    // prefix of the two strings says the same without building "…~" strings.
    // A plain byte loop: dates differ within their first bytes, and the page compares every
    // entry's date on each filter change (a slice comparison or a zipped iterator cost calls
    // each in the size-optimised wasm).
    let prefix_cmp = |a: &str, b: &str| {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let n = a.len().min(b.len());
        let mut i = 0;
        while i < n {
            if a[i] != b[i] {
                return a[i].cmp(&b[i]);
            }
            i += 1;
        }
        std::cmp::Ordering::Equal
    };
    from.is_none_or(|f| prefix_cmp(d, f).is_ge()) && to.is_none_or(|t| prefix_cmp(d, t).is_le())
}

fn any_key_matches<'a>(wanted: &[String], mut candidates: impl Iterator<Item = &'a str>) -> bool {
    let keys: Vec<String> = wanted.iter().map(|w| name_key(w)).collect();
    candidates.any(|c| keys.contains(&name_key(c)))
}

/// Whether article `idx` of `corpus` passes the article-level parts of `filter`
/// (language, full text, and the entity/topic facets: the article must name them).
pub fn article_matches(corpus: &Corpus, idx: usize, filter: &Filter) -> bool {
    let x = &corpus.extractions[idx];
    if !date_in_range(
        x.published
            .as_deref()
            .or(corpus.articles[idx].published.as_deref()),
        filter.from.as_deref(),
        filter.to.as_deref(),
    ) {
        return false;
    }
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

// ---------------------------------------------------------------- fast path over value ids

/// Every value a filter can name (companies, persons, places, topics, languages), interned by
/// `name_key` as a small integer, and for each timeline entry and article the ids it carries.
/// Built once per corpus, so that filtering and facet counts compare integers, not strings.
#[derive(Debug, Clone, Default)]
pub struct FilterIndex {
    keys: BTreeMap<String, u32>,
    /// The first spelling seen of each id.
    names: Vec<String>,
    entries: Vec<EntryIds>,
    articles: Vec<ArticleIds>,
}

#[derive(Debug, Clone, Default)]
struct EntryIds {
    /// Facet values by `Field` (companies, persons, place, topics, source languages), unique.
    values: [Vec<u32>; 5],
    /// What a company filter matches: every org and affiliation with its family, company or not.
    orgs: Vec<u32>,
    /// The id of each participant's name, in order, then of the place if any (the entity index).
    people: Vec<u32>,
}

#[derive(Debug, Clone, Default)]
struct ArticleIds {
    lang: u32,
    topics: Vec<u32>,
    orgs: Vec<u32>,
    persons: Vec<u32>,
    places: Vec<u32>,
    /// The id of each entity's name, in the extraction's order (the entity index, the company ×
    /// topic matrix).
    entities: Vec<u32>,
}

/// An id no value has: a filter value the corpus never names matches nothing.
const NONE: u32 = u32::MAX;
const DATE: u8 = 1 << 5;
const TEXT: u8 = 1 << 6;

fn push_unique(v: &mut Vec<u32>, id: u32) {
    if !v.contains(&id) {
        v.push(id);
    }
}

fn any_in(have: &[u32], wanted: &[u32]) -> bool {
    wanted.is_empty() || have.iter().any(|h| wanted.contains(h))
}

impl FilterIndex {
    fn id(&mut self, name: &str) -> u32 {
        let k = name_key(name);
        if let Some(&i) = self.keys.get(&k) {
            return i;
        }
        let i = self.names.len() as u32;
        self.keys.insert(k, i);
        self.names.push(name.to_string());
        i
    }

    /// The id of `name`, or an id that matches nothing.
    pub fn lookup(&self, name: &str) -> u32 {
        self.keys.get(&name_key(name)).copied().unwrap_or(NONE)
    }

    /// The name of value `id` as first seen.
    pub fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", String::as_str)
    }

    /// How many values have ids (every id is below it).
    pub(crate) fn values(&self) -> usize {
        self.names.len()
    }

    /// The ids of article `i`'s entities' names, in its extraction's order.
    pub(crate) fn article_entities(&self, i: usize) -> &[u32] {
        self.articles.get(i).map_or(&[], |a| &a.entities)
    }

    /// The ids of timeline entry `i`'s participants' names, in order, then of its place if any.
    pub(crate) fn entry_people(&self, i: usize) -> &[u32] {
        self.entries.get(i).map_or(&[], |e| &e.people)
    }

    /// Ids for every entry of `corpus.timeline` and every article.
    pub fn build(corpus: &Corpus) -> FilterIndex {
        let mut ix = FilterIndex::default();
        for e in &corpus.timeline {
            ix.add_entry(corpus, e);
        }
        for x in &corpus.extractions {
            ix.add_article(corpus, x);
        }
        ix
    }

    /// Drop at most `n` entries' and articles' ids; true once none is left.
    pub(crate) fn shed(&mut self, n: usize) -> bool {
        self.entries.truncate(self.entries.len().saturating_sub(n));
        self.articles
            .truncate(self.articles.len().saturating_sub(n));
        self.entries.is_empty() && self.articles.is_empty()
    }

    /// `build` in steps: every entry of `corpus.timeline` in order, then every article.
    pub(crate) fn add_entry(&mut self, corpus: &Corpus, e: &Entry) {
        let mut ids = EntryIds::default();
        for field in Field::ALL {
            for v in entry_values(corpus, e, field) {
                let id = self.id(v);
                push_unique(&mut ids.values[field as usize], id);
            }
        }
        for name in e.participants.iter().map(|p| &p.name).chain(&e.place) {
            let id = self.id(name);
            ids.people.push(id);
        }
        for p in &e.participants {
            let own = (p.kind == EntityKind::Org).then_some(p.name.as_str());
            for n in own.into_iter().chain(p.affiliation.as_deref()) {
                for f in corpus.org_family(n) {
                    let id = self.id(f);
                    push_unique(&mut ids.orgs, id);
                }
            }
        }
        self.entries.push(ids);
    }

    /// See `add_entry`.
    pub(crate) fn add_article(&mut self, corpus: &Corpus, x: &Extraction) {
        let mut a = ArticleIds {
            lang: self.id(&x.lang),
            ..ArticleIds::default()
        };
        for t in &x.topics {
            let id = self.id(t);
            push_unique(&mut a.topics, id);
        }
        for e in &x.entities {
            for (k, n) in corpus.names_of(e).into_iter().enumerate() {
                let id = self.id(n);
                if k == 0 {
                    a.entities.push(id);
                }
                let list = match e.kind {
                    EntityKind::Org => &mut a.orgs,
                    EntityKind::Person => &mut a.persons,
                    EntityKind::Place => &mut a.places,
                };
                push_unique(list, id);
            }
        }
        self.articles.push(a);
    }
}

/// A filter with its values turned into ids and its query into a per-article verdict.
struct Want<'f> {
    ids: [Vec<u32>; 5],
    from: Option<&'f str>,
    to: Option<&'f str>,
    /// Whether each article contains the query (None: no query).
    text: Option<std::sync::Arc<Vec<bool>>>,
}

impl<'f> Want<'f> {
    fn new(corpus: &Corpus, filter: &'f Filter) -> Want<'f> {
        let ix = &corpus.ids;
        let ids = Field::ALL.map(|f| filter.field(f).iter().map(|v| ix.lookup(v)).collect());
        Want {
            ids,
            from: filter.from.as_deref(),
            to: filter.to.as_deref(),
            text: corpus.text_matches(&filter.q),
        }
    }

    fn text_ok(&self, article: usize) -> bool {
        self.text
            .as_ref()
            .is_none_or(|t| t.get(article).copied().unwrap_or(false))
    }

    fn lang_ok(&self, ix: &FilterIndex, article: usize) -> bool {
        let wanted = &self.ids[Field::Lang as usize];
        wanted.is_empty()
            || ix
                .articles
                .get(article)
                .is_some_and(|a| wanted.contains(&a.lang))
    }
}

/// Which parts of the filter entry `i` fails: bit `Field as u8` per field, then DATE and TEXT.
fn entry_fails(corpus: &Corpus, i: usize, w: &Want) -> u8 {
    let (Some(e), Some(v)) = (corpus.timeline.get(i), corpus.ids.entries.get(i)) else {
        return TEXT;
    };
    // Only the parts the filter sets are checked: this runs for every entry on each change.
    let mut m = 0;
    for f in 0..4 {
        let wanted = &w.ids[f];
        if wanted.is_empty() {
            continue;
        }
        let have = if f == 0 { &v.orgs } else { &v.values[f] };
        if !any_in(have, wanted) {
            m |= 1 << f;
        }
    }
    if (w.from.is_some() || w.to.is_some()) && !date_in_range(e.date.as_deref(), w.from, w.to) {
        m |= DATE;
    }
    if e.sources.is_empty() {
        m |= TEXT;
    } else if w.text.is_none() && w.ids[Field::Lang as usize].is_empty() {
        // Every source passes the text and language parts.
    } else if !e.sources.iter().any(|s| w.text_ok(s.article)) {
        m |= TEXT;
    } else if !e
        .sources
        .iter()
        .any(|s| w.text_ok(s.article) && w.lang_ok(&corpus.ids, s.article))
    {
        m |= 1 << Field::Lang as u8;
    }
    m
}

/// Indexes of the timeline entries that pass `filter` (the same verdict as `entry_matches`).
pub fn matching_entries(corpus: &Corpus, filter: &Filter) -> Vec<usize> {
    let w = Want::new(corpus, filter);
    (0..corpus.timeline.len())
        .filter(|&i| entry_fails(corpus, i, &w) == 0)
        .collect()
}

/// Indexes of the articles that pass `filter` (the same verdict as `article_matches`).
pub fn matching_articles(corpus: &Corpus, filter: &Filter) -> Vec<usize> {
    let w = Want::new(corpus, filter);
    let ix = &corpus.ids;
    (0..corpus.articles.len().min(ix.articles.len()))
        .filter(|&i| {
            let a = &ix.articles[i];
            let published = corpus.extractions[i]
                .published
                .as_deref()
                .or(corpus.articles[i].published.as_deref());
            date_in_range(published, w.from, w.to)
                && w.lang_ok(ix, i)
                && w.text_ok(i)
                && any_in(&a.topics, &w.ids[Field::Topic as usize])
                && any_in(&a.orgs, &w.ids[Field::Company as usize])
                && any_in(&a.persons, &w.ids[Field::Person as usize])
                && any_in(&a.places, &w.ids[Field::Place as usize])
        })
        .collect()
}

/// Facet counts of every field at once, indexed by value id (see `FilterIndex::name`): for each
/// value, the meetings that would show were it chosen with the rest of the filter (its own field
/// set aside). One pass over the timeline.
pub fn facet_counts(corpus: &Corpus, filter: &Filter) -> [Vec<u32>; 5] {
    filter_pass(corpus, filter).counts
}

/// What a filter lets through and its facet counts (see `facet_counts`), from one pass.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pass {
    /// Indexes of the timeline entries that pass (as `matching_entries`).
    pub entries: Vec<usize>,
    pub counts: [Vec<u32>; 5],
}

/// The entries that pass `filter` and every facet's counts, in one pass over the timeline (the page
/// needs both on each filter change).
pub fn filter_pass(corpus: &Corpus, filter: &Filter) -> Pass {
    let w = Want::new(corpus, filter);
    let n = corpus.ids.names.len();
    let mut counts: [Vec<u32>; 5] = Default::default();
    for c in counts.iter_mut() {
        c.resize(n, 0);
    }
    let mut entries = Vec::new();
    for i in 0..corpus.timeline.len() {
        let m = entry_fails(corpus, i, &w);
        if m == 0 {
            entries.push(i);
        }
        if m & (DATE | TEXT) != 0 || m.count_ones() > 1 {
            continue;
        }
        let Some(v) = corpus.ids.entries.get(i) else {
            continue;
        };
        for f in Field::ALL {
            if m & !(1 << f as u8) == 0 {
                for &id in &v.values[f as usize] {
                    if let Some(c) = counts[f as usize].get_mut(id as usize) {
                        *c += 1;
                    }
                }
            }
        }
    }
    Pass { entries, counts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Article, EventStatus, Extraction, Span};
    use crate::core::timeline::{Participant, Source};

    fn person(name: &str, affiliation: Option<&str>) -> Participant {
        Participant {
            name: name.into(),
            kind: EntityKind::Person,
            role: None,
            affiliation: affiliation.map(String::from),
        }
    }

    /// Two articles (fr, vi) and three meetings, built by hand so the counts are known.
    fn corpus() -> Corpus {
        let articles = vec![
            Article {
                id: "a".into(),
                text: "Rencontre à Hà Nội.".into(),
                published: Some("2024-09-30".into()),
                ..Article::default()
            },
            Article {
                id: "b".into(),
                text: "Gặp gỡ ở Thành phố Hồ Chí Minh.".into(),
                published: Some("2023-09-19".into()),
                ..Article::default()
            },
        ];
        let x = |id: &str, lang: &str| Extraction {
            id: id.into(),
            lang: lang.into(),
            published: None,
            entities: vec![],
            events: vec![],
            topics: vec![],
            sentence_topics: vec![],
        };
        let mut c = Corpus::from_parts(articles, vec![x("a", "fr"), x("b", "vi")]);
        let src = |article: usize, lang: &str| Source {
            article,
            article_id: String::new(),
            lang: lang.into(),
            evidence: Span::new(0, 1),
        };
        let entry = |date: &str, place: &str, ps: Vec<Participant>, topics: &[&str], s| Entry {
            date: Some(date.into()),
            status: EventStatus::Happened,
            place: Some(place.into()),
            participants: ps,
            sources: vec![s],
            topics: topics.iter().map(|t| t.to_string()).collect(),
        };
        c.set_timeline(vec![
            entry(
                "2023-09-18",
                "Silicon Valley",
                vec![
                    person("Pham Minh Chinh", None),
                    person("Jensen Huang", Some("Nvidia")),
                ],
                &["ai", "semiconductors"],
                src(1, "vi"),
            ),
            entry(
                "2024-09-30",
                "Hanoi",
                vec![
                    person("Pham Minh Chinh", None),
                    person("Nick Clegg", Some("Meta")),
                ],
                &["ai"],
                src(0, "fr"),
            ),
            entry(
                "2024-10-02",
                "Hanoi",
                vec![person("Nick Clegg", Some("Meta"))],
                &["cybersecurity"],
                src(0, "fr"),
            ),
        ]);
        c
    }

    fn f(edit: impl FnOnce(&mut Filter)) -> Filter {
        let mut f = Filter::default();
        edit(&mut f);
        f
    }

    #[test]
    fn filters_combine_and_counts_follow() {
        let c = corpus();
        let cases: Vec<(Filter, usize)> = vec![
            (Filter::default(), 3),
            (f(|f| f.persons = vec!["pham minh chinh".into()]), 2),
            (f(|f| f.places = vec!["Hanoi".into()]), 2),
            (f(|f| f.topics = vec!["ai".into()]), 2),
            (f(|f| f.langs = vec!["VI".into()]), 1),
            (f(|f| f.from = Some("2024-01-01".into())), 2),
            (f(|f| f.to = Some("2024-09-30".into())), 2),
            (
                f(|f| {
                    f.places = vec!["Hanoi".into()];
                    f.topics = vec!["ai".into(), "cybersecurity".into()];
                    f.to = Some("2024-09".into());
                }),
                1,
            ),
            (f(|f| f.q = "ha noi".into()), 2),
            (f(|f| f.q = "HỒ CHÍ".into()), 1),
            (f(|f| f.q = "paris".into()), 0),
        ];
        for (filter, want) in cases {
            assert_eq!(c.visible_entries(&filter).len(), want, "{filter:?}");
            let pass = filter_pass(&c, &filter);
            assert_eq!(pass.entries, matching_entries(&c, &filter), "{filter:?}");
        }
    }

    #[test]
    fn facet_counts_set_their_own_field_aside() {
        let c = corpus();
        let filter = f(|f| f.places = vec!["Hanoi".into()]);
        assert_eq!(
            facet(&c, &filter, Field::Place),
            [("Hanoi".to_string(), 2), ("Silicon Valley".to_string(), 1)]
        );
        assert_eq!(
            facet(&c, &filter, Field::Person),
            [
                ("Nick Clegg".to_string(), 2),
                ("Pham Minh Chinh".to_string(), 1)
            ]
        );
        assert_eq!(facet(&c, &filter, Field::Lang), [("fr".to_string(), 2)]);
        let chosen = f(|f| f.langs = vec!["de".into()]);
        assert!(facet(&c, &chosen, Field::Lang).contains(&("de".to_string(), 0)));
    }

    #[test]
    fn coarse_dates_overlap_the_range() {
        let cases: [(Option<&str>, Option<&str>, Option<&str>, bool); 8] = [
            (Some("2023-09"), Some("2023-09-15"), None, true),
            (Some("2023-08-31"), Some("2023-09-01"), None, false),
            (Some("2023-09-01"), Some("2023-09-01"), None, true),
            (Some("2023"), None, Some("2022-12"), false),
            (Some("2024-09-30"), None, Some("2024-09"), true),
            (
                Some("2024-10-01"),
                Some("2024-01-01"),
                Some("2024-09"),
                false,
            ),
            (None, Some("2024-01-01"), None, false),
            (None, None, None, true),
        ];
        for (date, from, to, want) in cases {
            assert_eq!(
                date_in_range(date, from, to),
                want,
                "{date:?} {from:?} {to:?}"
            );
        }
    }

    #[test]
    fn toggle_adds_then_removes() {
        let mut filter = Filter::default();
        filter.toggle(Field::Company, "Meta");
        filter.toggle(Field::Company, "Nvidia");
        assert_eq!(filter.companies, ["Meta", "Nvidia"]);
        filter.toggle(Field::Company, "Meta");
        assert_eq!(filter.companies, ["Nvidia"]);
    }

    #[test]
    fn articles_follow_the_date_range() {
        let c = corpus();
        let filter = f(|f| f.from = Some("2024-01-01".into()));
        assert_eq!(c.visible_articles(&filter), [0]);
    }
}
