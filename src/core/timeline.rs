//! The timeline model: a pure function from extracted articles to dated entries, one per distinct meeting.
//!
//! The same meeting reported by several articles (in any language) becomes one entry with all its
//! sources: two events are the same meeting when their dates agree (at the coarser precision) and
//! they share at least two participants, or all of the smaller side's participants.

use crate::core::model::{Entity, EntityKind, EventStatus, Extraction, Span};
use crate::core::text::name_key;

/// One participant of a meeting, as the timeline shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub kind: EntityKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

/// Where a timeline entry was reported: which article, and the sentence that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Index of the article in the slice given to `build`.
    pub article: usize,
    pub article_id: String,
    pub lang: String,
    pub evidence: Span,
}

/// One meeting on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or None when no source could date it.
    pub date: Option<String>,
    pub status: EventStatus,
    pub place: Option<String>,
    pub participants: Vec<Participant>,
    pub sources: Vec<Source>,
    /// Topics of the source articles (sorted, unique).
    pub topics: Vec<String>,
}

impl Entry {
    /// Whether `name` (canonical) takes part, compared without case or diacritics.
    pub fn has_participant(&self, name: &str) -> bool {
        let key = name_key(name);
        self.participants.iter().any(|p| name_key(&p.name) == key)
    }
}

/// Entries of one date, in the order `build` produced them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateGroup<'e> {
    pub date: Option<&'e str>,
    pub entries: Vec<&'e Entry>,
}

/// Dates agree when one is a prefix of the other at a field boundary ("2023-09" and "2023-09-18").
fn dates_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
            long.starts_with(short)
                && (long.len() == short.len() || long.as_bytes()[short.len()] == b'-')
        }
        (None, None) => true,
        _ => false,
    }
}

fn same_meeting(a: &Entry, status: EventStatus, date: Option<&str>, names: &[String]) -> bool {
    if a.status != status || !dates_agree(a.date.as_deref(), date) {
        return false;
    }
    let shared = names.iter().filter(|n| a.has_participant(n)).count();
    let smaller = names.len().min(a.participants.len());
    shared >= 2 || (shared >= 1 && shared == smaller)
}

fn participant(extraction: &Extraction, name: &str) -> Participant {
    let key = name_key(name);
    let entity: Option<&Entity> = extraction
        .entities
        .iter()
        .find(|e| name_key(&e.name) == key);
    match entity {
        Some(e) => Participant {
            name: e.name.clone(),
            kind: e.kind,
            role: e.role.clone(),
            affiliation: e.affiliation.clone(),
        },
        None => Participant {
            name: name.to_string(),
            kind: EntityKind::Person,
            role: None,
            affiliation: None,
        },
    }
}

/// Build the timeline of `extractions`: one entry per distinct meeting, sorted by date (undated last),
/// then by first source. Pure and deterministic.
pub fn build(extractions: &[Extraction]) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    for (article_idx, x) in extractions.iter().enumerate() {
        for ev in &x.events {
            let source = Source {
                article: article_idx,
                article_id: x.id.clone(),
                lang: x.lang.clone(),
                evidence: ev.evidence,
            };
            let existing = entries
                .iter_mut()
                .find(|e| same_meeting(e, ev.status, ev.date.as_deref(), &ev.participants));
            match existing {
                Some(e) => {
                    // Keep the most precise date and place any source gives.
                    if ev.date.as_ref().map_or(0, String::len)
                        > e.date.as_ref().map_or(0, String::len)
                    {
                        e.date = ev.date.clone();
                    }
                    if e.place.is_none() {
                        e.place = ev.place.clone();
                    }
                    for name in &ev.participants {
                        if !e.has_participant(name) {
                            e.participants.push(participant(x, name));
                        }
                    }
                    for t in &x.topics {
                        if !e.topics.contains(t) {
                            e.topics.push(t.clone());
                        }
                    }
                    e.topics.sort();
                    if !e
                        .sources
                        .iter()
                        .any(|s| s.article == article_idx && s.evidence == ev.evidence)
                    {
                        e.sources.push(source);
                    }
                }
                None => {
                    let mut topics = x.topics.clone();
                    topics.sort();
                    topics.dedup();
                    entries.push(Entry {
                        date: ev.date.clone(),
                        status: ev.status,
                        place: ev.place.clone(),
                        participants: ev.participants.iter().map(|n| participant(x, n)).collect(),
                        sources: vec![source],
                        topics,
                    });
                }
            }
        }
    }
    // Stable sort: undated entries last, others by date string (ISO sorts chronologically).
    entries.sort_by(|a, b| match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    entries
}

/// Group consecutive entries of the same date (entries as `build` sorted them).
pub fn group_by_date<'e>(entries: &[&'e Entry]) -> Vec<DateGroup<'e>> {
    let mut groups: Vec<DateGroup<'e>> = Vec::new();
    for e in entries {
        match groups.last_mut() {
            Some(g) if g.date == e.date.as_deref() => g.entries.push(e),
            _ => groups.push(DateGroup {
                date: e.date.as_deref(),
                entries: vec![e],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Event;

    fn extraction(id: &str, lang: &str, events: &[(&str, &[&str])]) -> Extraction {
        Extraction {
            id: id.into(),
            lang: lang.into(),
            published: None,
            entities: vec![],
            events: events
                .iter()
                .map(|(d, p)| Event {
                    kind: "meeting".into(),
                    status: EventStatus::Happened,
                    date: Some(d.to_string()),
                    place: None,
                    participants: p.iter().map(|s| s.to_string()).collect(),
                    evidence: Span::new(0, 1),
                })
                .collect(),
            topics: vec![],
            sentence_topics: vec![],
        }
    }

    #[test]
    fn one_meeting_told_in_two_languages_is_one_entry() {
        let xs = [
            extraction(
                "a",
                "fr",
                &[("2024-09-30", &["Pham Minh Chinh", "Nick Clegg", "Meta"])],
            ),
            extraction(
                "b",
                "vi",
                &[("2024-09", &["Phạm Minh Chính", "Nick Clegg"])],
            ),
            extraction(
                "c",
                "en",
                &[("2023-09-18", &["Pham Minh Chinh", "Jensen Huang"])],
            ),
        ];
        let t = build(&xs);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].date.as_deref(), Some("2023-09-18"));
        assert_eq!(t[1].date.as_deref(), Some("2024-09-30"));
        assert_eq!(
            t[1].sources
                .iter()
                .map(|s| s.lang.as_str())
                .collect::<Vec<_>>(),
            ["fr", "vi"]
        );
    }

    #[test]
    fn different_counterparts_on_one_day_stay_apart() {
        let xs = [extraction(
            "a",
            "id",
            &[
                ("2023-09-18", &["Pham Minh Chinh", "Meta"]),
                ("2023-09-18", &["Pham Minh Chinh", "Nvidia"]),
            ],
        )];
        let t = build(&xs);
        assert_eq!(t.len(), 2);
        let refs: Vec<&Entry> = t.iter().collect();
        assert_eq!(group_by_date(&refs).len(), 1);
    }

    #[test]
    fn dates_agree_only_on_field_boundaries() {
        assert!(dates_agree(Some("2023"), Some("2023-09-18")));
        assert!(!dates_agree(Some("2023-1"), Some("2023-10")));
        assert!(!dates_agree(Some("2023-09-18"), None));
    }
}
