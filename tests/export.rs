//! Exports checked on real dev-corpus extractions: JSON round trip, CSV parsed back, iCalendar structure, folding and escaping.

mod common;

use dossier::core::corpus::Corpus;
use dossier::core::export::{entities_csv, ics, ics_unfold, json, meetings_csv, parse_csv};
use dossier::core::model::{EntityKind, EventStatus, ExtractOutput, Span};
use dossier::core::text::name_key;
use dossier::core::timeline::{Entry, Participant, Source};

fn dev_corpus() -> Corpus {
    Corpus::new(common::load_dev().into_iter().map(|g| g.article).collect())
}

/// Each article of `c` with its extraction.
fn pairs(
    c: &Corpus,
) -> Vec<(
    dossier::core::model::Article,
    dossier::core::model::Extraction,
)> {
    c.articles
        .iter()
        .cloned()
        .zip(c.extractions.iter().cloned())
        .collect()
}

fn kind_word(k: EntityKind) -> String {
    serde_json::to_value(k)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn json_is_the_extraction_contract() {
    let c = dev_corpus();
    let text = json(&c.extractions);
    let back: ExtractOutput = serde_json::from_str(&text).unwrap();
    assert_eq!(back.articles, c.extractions);
}

#[test]
fn articles_jsonl_reads_back() {
    let c = dev_corpus();
    let text = dossier::core::export::articles_jsonl(&c.articles);
    let back =
        dossier::core::parse::parse_file_with_limit("saved.jsonl", text.as_bytes(), usize::MAX)
            .unwrap();
    assert_eq!(back, c.articles);
}

#[test]
fn meetings_csv_parses_back() {
    let c = dev_corpus();
    let entries: Vec<&Entry> = c.timeline.iter().collect();
    assert!(entries.len() >= 10, "the dev corpus has meetings");
    let text = meetings_csv(&entries, &c.articles);
    assert!(text.ends_with("\r\n"));
    let rows = parse_csv(&text);
    assert_eq!(
        rows[0],
        [
            "date",
            "status",
            "place",
            "participants",
            "article_ids",
            "evidence"
        ]
    );
    assert_eq!(rows.len(), entries.len() + 1);
    for (row, e) in rows[1..].iter().zip(&entries) {
        assert_eq!(row.len(), 6, "{row:?}");
        assert_eq!(row[0], e.date.clone().unwrap_or_default());
        assert!(row[1] == "happened" || row[1] == "planned");
        let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(row[3], names.join("; "));
        for id in row[4].split("; ") {
            assert!(e.sources.iter().any(|s| s.article_id == id), "{id}");
        }
        // Each evidence line is the sentence of a source, found in that source's article.
        let lines: Vec<&str> = row[5].split('\n').collect();
        assert_eq!(lines.len(), e.sources.len());
        for (line, s) in lines.iter().zip(&e.sources) {
            assert!(!line.is_empty());
            let text = line.strip_prefix('\'').unwrap_or(line);
            assert!(
                squash(&c.articles[s.article].text).contains(text),
                "{text} not in {}",
                s.article_id
            );
        }
    }
}

#[test]
fn entities_csv_parses_back() {
    let c = dev_corpus();
    let text = entities_csv(&c.extractions);
    let rows = parse_csv(&text);
    assert_eq!(
        rows[0],
        [
            "kind",
            "name",
            "class",
            "role",
            "affiliation",
            "articles",
            "aliases"
        ]
    );
    let mut seen = std::collections::HashSet::new();
    let mut last = usize::MAX;
    for row in &rows[1..] {
        assert_eq!(row.len(), 7, "{row:?}");
        assert!(["person", "org", "place"].contains(&row[0].as_str()));
        assert!(
            seen.insert((row[0].clone(), row[1].clone())),
            "twice: {row:?}"
        );
        let n: usize = row[5].parse().unwrap();
        assert!(n >= 1 && n <= c.len() && n <= last, "{row:?}");
        last = n;
        // The count is the number of articles naming this entity.
        let named = c
            .extractions
            .iter()
            .filter(|x| {
                x.entities
                    .iter()
                    .any(|e| kind_word(e.kind) == row[0] && name_key(&e.name) == name_key(&row[1]))
            })
            .count();
        assert_eq!(n, named, "{row:?}");
        assert!(!row[6].is_empty());
    }
    // Every entity of every article is in the export.
    for e in c.extractions.iter().flat_map(|x| &x.entities) {
        assert!(
            rows.iter()
                .any(|r| r[0] == kind_word(e.kind) && name_key(&r[1]) == name_key(&e.name)),
            "{}",
            e.name
        );
    }
}

/// The values of a content line: (name with parameters, value).
fn split_line(line: &str) -> (&str, &str) {
    line.split_once(':').unwrap_or((line, ""))
}

/// In an escaped TEXT value, `,` `;` and line breaks only appear escaped.
fn well_escaped(value: &str) -> bool {
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\' | ',' | ';' | 'n' | 'N') => {}
                _ => return false,
            },
            ',' | ';' | '\n' | '\r' => return false,
            _ => {}
        }
    }
    true
}

fn check_calendar(cal: &str) -> Vec<Vec<String>> {
    assert!(cal.ends_with("\r\n"));
    assert!(!cal.replace("\r\n", "").contains('\n'), "bare LF");
    for line in cal.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let lines = ics_unfold(cal);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert!(lines.iter().any(|l| l == "VERSION:2.0"));
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    let mut events = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for l in &lines {
        match l.as_str() {
            "BEGIN:VEVENT" => {
                assert!(current.is_none(), "nested VEVENT");
                current = Some(Vec::new());
            }
            "END:VEVENT" => events.push(current.take().expect("END without BEGIN")),
            _ => {
                if let Some(ev) = current.as_mut() {
                    ev.push(l.clone());
                }
            }
        }
    }
    assert!(current.is_none());
    for ev in &events {
        for prop in ["UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:", "SUMMARY:"] {
            assert_eq!(
                ev.iter().filter(|l| l.starts_with(prop)).count(),
                1,
                "{prop} in {ev:?}"
            );
        }
        for l in ev {
            let (name, value) = split_line(l);
            if ["SUMMARY", "DESCRIPTION", "LOCATION"].contains(&name) {
                assert!(well_escaped(value), "{l}");
            }
            if name == "DTSTART;VALUE=DATE" || name == "DTEND;VALUE=DATE" {
                assert!(
                    value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()),
                    "{l}"
                );
            }
        }
    }
    events
}

fn uid(ev: &[String]) -> String {
    ev.iter()
        .find_map(|l| l.strip_prefix("UID:"))
        .unwrap()
        .to_string()
}

#[test]
fn calendar_of_the_dev_corpus() {
    let c = dev_corpus();
    let entries: Vec<&Entry> = c.timeline.iter().collect();
    let cal = ics(&entries, &c.articles);
    let events = check_calendar(&cal);
    let dated = entries.iter().filter(|e| e.date.is_some()).count();
    assert_eq!(events.len(), dated, "one VEVENT per dated entry");
    assert!(dated > 0 && dated < entries.len() + 1);
    // UIDs are unique, and stable: the same meetings in another order keep their UIDs.
    let uids: Vec<String> = events.iter().map(|e| uid(e)).collect();
    let unique: std::collections::HashSet<&String> = uids.iter().collect();
    assert_eq!(unique.len(), uids.len());
    let mut reversed = entries.clone();
    reversed.reverse();
    let mut again: Vec<String> = check_calendar(&ics(&reversed, &c.articles))
        .iter()
        .map(|e| uid(e))
        .collect();
    again.reverse();
    assert_eq!(again, uids);
}

fn entry(date: &str, place: &str, names: &[&str]) -> Entry {
    Entry {
        date: Some(date.to_string()).filter(|d| !d.is_empty()),
        status: EventStatus::Planned,
        place: Some(place.to_string()),
        participants: names
            .iter()
            .map(|n| Participant {
                name: n.to_string(),
                kind: EntityKind::Person,
                role: Some("Chief Executive, Founder".into()),
                affiliation: None,
            })
            .collect(),
        sources: vec![Source {
            article: 0,
            article_id: "a1".into(),
            lang: "fr".into(),
            evidence: Span::new(0, 5),
        }],
        topics: vec!["ai".into()],
    }
}

#[test]
fn calendar_escaping_precision_and_skips() {
    let articles = vec![dossier::core::model::Article {
        id: "a1".into(),
        text: "Hello; world, again".into(),
        ..Default::default()
    }];
    let long: Vec<String> = (0..12).map(|i| format!("Nguyễn Thị Phương {i}")).collect();
    let long_refs: Vec<&str> = long.iter().map(String::as_str).collect();
    let es = [
        entry("2024-09", "Paris, France; HQ\\annex", &["A, B", "C;D"]),
        entry("2023-09-18", "Hà Nội", &long_refs),
        entry("", "Nowhere", &["Undated Person"]),
    ];
    let refs: Vec<&Entry> = es.iter().collect();
    let cal = ics(&refs, &articles);
    let events = check_calendar(&cal);
    assert_eq!(events.len(), 2, "the undated entry is skipped");
    let first = &events[0];
    assert!(first.contains(&"DTSTART;VALUE=DATE:20240901".to_string()));
    assert!(first.contains(&"DTEND;VALUE=DATE:20240902".to_string()));
    assert!(first.contains(&"LOCATION:Paris\\, France\\; HQ\\\\annex".to_string()));
    assert!(first.contains(&"SUMMARY:Planned meeting: A\\, B\\, C\\;D".to_string()));
    assert!(first.contains(&"STATUS:TENTATIVE".to_string()));
    let desc = first
        .iter()
        .find_map(|l| l.strip_prefix("DESCRIPTION:"))
        .unwrap();
    assert!(
        desc.starts_with("Date known to the month only (2024-09)"),
        "{desc}"
    );
    assert!(desc.contains("a1 [fr]: Hello"), "{desc}");
    // The long one is folded over several physical lines and unfolds to the same text.
    let summary = events[1]
        .iter()
        .find_map(|l| l.strip_prefix("SUMMARY:"))
        .unwrap();
    assert!(summary.len() > 200);
    assert!(summary.ends_with("Nguyễn Thị Phương 11"));
}

/// The worker's side of an export: it gathers the page's articles from its own pools (stored
/// imports, shards, seeds; any order, with overlaps), puts them in the page's order, and writes
/// exactly what the page would write from its own corpus for the same filter indexes.
#[test]
fn export_from_gathered_pools_equals_the_page_view() {
    use dossier::core::export::{arrange, parse_indexes, render, Kind};
    use dossier::core::filter::Filter;
    let c = dev_corpus();
    let pairs = pairs(&c);
    // Three pools as the worker finds them: reversed, interleaved, overlapping.
    let stored: Vec<_> = pairs.iter().rev().step_by(3).cloned().collect();
    let shards: Vec<_> = pairs.iter().skip(1).step_by(2).cloned().collect();
    let seeds = pairs.clone();
    let order: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    let (articles, xs) = arrange(&order, vec![stored, shards, seeds]).unwrap();
    assert_eq!(articles, c.articles);
    assert_eq!(xs, c.extractions);
    let tl = dossier::core::timeline::build(&xs);
    assert_eq!(tl, c.timeline, "same order, same timeline");

    // A filtered view: one language's articles, and the meetings dated 2024.
    let lang = c.articles[0].lang.clone().unwrap_or_default();
    let filter = Filter {
        langs: vec![lang.clone()],
        ..Filter::default()
    };
    let shown: Vec<usize> = c.visible_articles(&filter);
    let entries: Vec<usize> = (0..c.timeline.len())
        .filter(|&i| {
            c.timeline[i]
                .date
                .as_deref()
                .is_some_and(|d| d.starts_with("2024"))
        })
        .collect();
    assert!(
        !shown.is_empty() && shown.len() < c.articles.len(),
        "{lang}: {shown:?}"
    );
    assert!(!entries.is_empty() && entries.len() < c.timeline.len());
    let list = |v: &[usize]| {
        v.iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    assert_eq!(parse_indexes(&list(&shown)), shown);

    let page_xs: Vec<_> = shown.iter().map(|&i| c.extractions[i].clone()).collect();
    let page_es: Vec<&Entry> = entries.iter().map(|&i| &c.timeline[i]).collect();
    let want = [
        (Kind::Json, json(&page_xs)),
        (Kind::MeetingsCsv, meetings_csv(&page_es, &c.articles)),
        (Kind::EntitiesCsv, entities_csv(page_xs.iter())),
        (Kind::Ics, ics(&page_es, &c.articles)),
    ];
    for (kind, text) in want {
        assert_eq!(Kind::from_code(kind.code()), Some(kind));
        let got = render(kind, &articles, &xs, &tl, &shown, &entries);
        assert_eq!(got, text, "{kind:?}");
    }
}

#[test]
fn export_names_an_article_it_cannot_find() {
    use dossier::core::export::arrange;
    let c = dev_corpus();
    let pairs = pairs(&c);
    let mut order: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    order.insert(2, "gone-since");
    let err = arrange(&order, vec![pairs]).unwrap_err();
    assert!(
        err.contains("1 of the articles") && err.contains("`gone-since`"),
        "{err}"
    );
}
