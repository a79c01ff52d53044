//! The explore views' aggregates (entity index, company × topic matrix, sentences per topic) equal
//! their plain reference versions — a map of name keys, `topics::company_topics` per article, one
//! pass per topic — on the dev, hold-out and blind articles and on a generated corpus, for the
//! whole corpus and for subsets, whatever the limit.

mod common;

use dossier::core::corpus::{Corpus, EntityRow};
use dossier::core::filter::{rank, TOPICS};
use dossier::core::model::{EntityKind, Span};
use dossier::core::text::name_key;
use dossier::core::timeline::{Entry, Network};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// The entity index as first written: rows keyed by kind and name key in a map, ranked by a sort
/// of "name \u{1} row" keys.
fn entity_index_ref(c: &Corpus, articles: &[usize], entries: &[&Entry]) -> Vec<EntityRow> {
    let key = |kind: EntityKind, name: &str| format!("{}{}", kind as u8, name_key(name));
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut rows: Vec<EntityRow> = Vec::new();
    for &i in articles {
        for e in &c.extractions[i].entities {
            let n = *index.entry(key(e.kind, &e.name)).or_insert_with(|| {
                rows.push(EntityRow {
                    kind: e.kind,
                    name: e.name.clone(),
                    class: e.class.clone().or_else(|| e.place_type.clone()),
                    roles: Vec::new(),
                    affiliations: Vec::new(),
                    articles: 0,
                    meetings: 0,
                });
                rows.len() - 1
            });
            let row = &mut rows[n];
            row.articles += 1;
            for (list, v) in [
                (&mut row.roles, &e.role),
                (&mut row.affiliations, &e.affiliation),
            ] {
                if let Some(v) = v {
                    if !list.contains(v) {
                        list.push(v.clone());
                    }
                }
            }
        }
    }
    for entry in entries {
        let mut keys: Vec<String> = Vec::new();
        let all = entry
            .participants
            .iter()
            .map(|p| key(p.kind, &p.name))
            .chain(entry.place.iter().map(|p| key(EntityKind::Place, p)));
        for k in all {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        for k in keys {
            if let Some(&n) = index.get(&k) {
                rows[n].meetings += 1;
            }
        }
    }
    let mut keys: Vec<(String, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let score = r.meetings.min(0x7fff) << 16 | r.articles.min(0xffff);
            (format!("{}\u{1}{i}", r.name), score)
        })
        .collect();
    rank(&mut keys);
    keys.iter()
        .map(|(k, _)| rows[k.rsplit('\u{1}').next().unwrap().parse::<usize>().unwrap()].clone())
        .collect()
}

/// The matrix as first written: `company_topics` of each article summed by company name.
fn matrix_ref(c: &Corpus, articles: &[usize]) -> Vec<(String, [u32; 10])> {
    let mut rows: BTreeMap<String, [u32; 10]> = BTreeMap::new();
    for &i in articles {
        let x = &c.extractions[i];
        for (company, topic, n) in
            dossier::core::topics::company_topics(&x.entities, &x.sentence_topics)
        {
            if let Some(t) = TOPICS.iter().position(|t| *t == topic) {
                // Spellings of one company that differ only in case or diacritics count together.
                let key = rows
                    .keys()
                    .find(|k| name_key(k) == name_key(&company))
                    .cloned()
                    .unwrap_or(company);
                rows.entry(key).or_insert([0; 10])[t] += n;
            }
        }
    }
    let mut order: Vec<(String, usize)> = rows
        .iter()
        .map(|(c, r)| (c.clone(), r.iter().sum::<u32>() as usize))
        .collect();
    rank(&mut order);
    order
        .into_iter()
        .map(|(c, _)| (c.clone(), rows[&c]))
        .collect()
}

/// Sentences of one topic as first written: a pass over every sentence, companies for each.
fn topic_sentences_ref(
    c: &Corpus,
    articles: &[usize],
    topic: &str,
) -> Vec<(usize, Span, Vec<String>)> {
    let mut out = Vec::new();
    for &i in articles {
        let x = &c.extractions[i];
        for st in x
            .sentence_topics
            .iter()
            .filter(|st| st.topics.iter().any(|t| t == topic))
        {
            let companies = x
                .entities
                .iter()
                .filter(|e| {
                    e.kind == EntityKind::Org
                        && c.is_company(&e.name)
                        && e.mentions.iter().any(|m| st.span.contains(*m))
                })
                .map(|e| e.name.clone())
                .collect();
            out.push((i, st.span, companies));
        }
    }
    out
}

/// The network as first written: participants by name key in a map, drawn nodes found by a scan.
fn network_ref(entries: &[&Entry], max_nodes: usize) -> Network {
    let mut nodes: Vec<(String, EntityKind, usize)> = Vec::new();
    let mut at: BTreeMap<String, usize> = BTreeMap::new();
    for e in entries {
        for p in &e.participants {
            let key = name_key(&p.name);
            match at.get(&key) {
                Some(&i) => nodes[i].2 += 1,
                None => {
                    at.insert(key, nodes.len());
                    nodes.push((p.name.clone(), p.kind, 1));
                }
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = nodes.iter().map(|n| (n.0.clone(), n.2)).collect();
    rank(&mut ranked);
    let nodes: Vec<(String, EntityKind, usize)> = ranked
        .iter()
        .take(max_nodes)
        .map(|(name, _)| nodes.iter().find(|n| &n.0 == name).unwrap().clone())
        .collect();
    let keys: Vec<String> = nodes.iter().map(|n| name_key(&n.0)).collect();
    let mut edges: Vec<(usize, usize, usize)> = Vec::new();
    for e in entries {
        let mut ids: Vec<usize> = e
            .participants
            .iter()
            .filter_map(|p| keys.iter().position(|k| *k == name_key(&p.name)))
            .collect();
        ids.sort();
        ids.dedup();
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                match edges.iter_mut().find(|x| x.0 == a && x.1 == b) {
                    Some(x) => x.2 += 1,
                    None => edges.push((a, b, 1)),
                }
            }
        }
    }
    Network { nodes, edges }
}

fn check(c: &Corpus, what: &str) {
    let n = c.len();
    let all: Vec<usize> = (0..n).collect();
    let subsets: Vec<(&str, Vec<usize>)> = vec![
        ("all", all.clone()),
        ("even", all.iter().copied().filter(|i| i % 2 == 0).collect()),
        (
            "every third, backwards",
            all.iter().rev().copied().filter(|i| i % 3 == 1).collect(),
        ),
        ("first", all.iter().copied().take(1).collect()),
        ("none", vec![]),
    ];
    let entries: Vec<usize> = (0..c.timeline.len()).collect();
    let some_entries: Vec<usize> = entries.iter().copied().filter(|i| i % 2 == 1).collect();
    for (name, arts) in &subsets {
        for es in [&entries, &some_entries] {
            let refs: Vec<&Entry> = es.iter().map(|&i| &c.timeline[i]).collect();
            for max in [0, 1, 5, 24, usize::MAX] {
                assert_eq!(
                    c.network(es, max),
                    network_ref(&refs, max),
                    "{what}: network of {max}"
                );
            }
            let want = entity_index_ref(c, arts, &refs);
            for limit in [0, 1, 7, 300, usize::MAX] {
                let (total, got) = c.entity_index(arts, es, limit);
                assert_eq!(total, want.len(), "{what}, {name}: entity rows");
                assert_eq!(
                    got,
                    want[..limit.min(want.len())],
                    "{what}, {name}, limit {limit}"
                );
            }
        }
        let want = matrix_ref(c, arts);
        for limit in [0, 3, 40, usize::MAX] {
            let (total, got) = c.company_topic_matrix(arts, limit);
            assert_eq!(total, want.len(), "{what}, {name}: companies");
            assert_eq!(
                got,
                want[..limit.min(want.len())],
                "{what}, {name}, matrix limit {limit}"
            );
        }
        for limit in [0, 2, 20, usize::MAX] {
            let got = c.topic_sentences(arts, limit);
            for (t, (count, list)) in TOPICS.iter().zip(got) {
                let want = topic_sentences_ref(c, arts, t);
                assert_eq!(count, want.len(), "{what}, {name}, {t}");
                assert_eq!(
                    list,
                    want[..limit.min(want.len())],
                    "{what}, {name}, {t}, limit {limit}"
                );
            }
        }
    }
}

fn corpus_of(dir: &Path) -> Corpus {
    Corpus::new(
        common::load_gold_dir(dir)
            .into_iter()
            .map(|g| g.article)
            .collect(),
    )
}

#[test]
fn views_equal_their_references_on_the_gold_sets() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut articles = Vec::new();
    for dir in [
        common::dev_dir(),
        fixtures.join("holdout"),
        fixtures.join("blind"),
    ] {
        let c = corpus_of(&dir);
        assert!(c.len() > 10, "{} articles in {}", c.len(), dir.display());
        check(&c, &dir.display().to_string());
        articles.extend(c.articles);
    }
    check(&Corpus::new(articles), "dev + hold-out + blind");
}

/// A generated corpus: the dev articles with their names swapped for others (many rows, many ties).
#[test]
fn views_equal_their_references_on_a_generated_corpus() {
    let out = std::env::temp_dir().join(format!("dossier-views-{}.jsonl", std::process::id()));
    let run = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["gen-corpus", "400"])
        .arg(&out)
        .output()
        .expect("run dossier gen-corpus");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&out).expect("generated corpus");
    let _ = std::fs::remove_file(&out);
    let articles =
        dossier::core::parse::parse_file("gen.jsonl", &bytes).expect("generated articles");
    check(&Corpus::new(articles), "generated");
}
