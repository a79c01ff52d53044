//! Snapshot of the timeline model over the dev corpus: one line per entry (date, status, place, participants, sources).
//! Refresh after an intended change with `UPDATE_EXPECT=1 cargo test --test timeline`.

mod common;

use dossier::core::corpus::Corpus;
use dossier::core::model::EventStatus;
use expect_test::expect_file;

fn render(corpus: &Corpus) -> String {
    let mut out = String::new();
    for e in &corpus.timeline {
        let status = if e.status == EventStatus::Planned {
            "planned"
        } else {
            "happened"
        };
        let people: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        let sources: Vec<String> = e
            .sources
            .iter()
            .map(|s| format!("{}:{}", s.lang, s.article_id))
            .collect();
        out.push_str(&format!(
            "{} | {} | {} | {} | {}\n",
            e.date.as_deref().unwrap_or("undated"),
            status,
            e.place.as_deref().unwrap_or("-"),
            people.join(", "),
            sources.join(" ")
        ));
    }
    out
}

#[test]
fn dev_corpus_timeline_snapshot() {
    let articles = common::load_dev().into_iter().map(|g| g.article).collect();
    let corpus = Corpus::new(articles);
    expect_file!["snapshots/timeline_dev.txt"].assert_eq(&render(&corpus));
}

#[test]
fn timeline_is_sorted_and_every_evidence_lies_in_its_article() {
    let articles = common::load_dev().into_iter().map(|g| g.article).collect();
    let corpus = Corpus::new(articles);
    let dates: Vec<&str> = corpus
        .timeline
        .iter()
        .filter_map(|e| e.date.as_deref())
        .collect();
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "sorted by date: {dates:?}"
    );
    for e in &corpus.timeline {
        assert!(!e.sources.is_empty());
        for s in &e.sources {
            let text = &corpus.articles[s.article].text;
            assert!(
                s.evidence.end <= text.len()
                    && text.is_char_boundary(s.evidence.start)
                    && text.is_char_boundary(s.evidence.end)
            );
            assert!(
                !s.evidence.slice(text).trim().is_empty(),
                "evidence of {:?} is empty",
                e.date
            );
        }
    }
}

#[test]
fn the_same_meeting_in_two_languages_becomes_one_entry_with_both_sources() {
    // Two short reports of one meeting, in French and Vietnamese.
    let fr = dossier::core::parse::parse_file(
        "fr.json",
        r#"{"id":"fr","lang":"fr","published":"2024-12-06","text":"Le secrétaire général Tô Lâm a reçu Jensen Huang, PDG de Nvidia, le 5 décembre à Hanoï."}"#.as_bytes(),
    )
    .unwrap();
    let vi = dossier::core::parse::parse_file(
        "vi.json",
        r#"{"id":"vi","lang":"vi","published":"2024-12-06","text":"Chiều 5/12, tại Hà Nội, Tổng Bí thư Tô Lâm đã tiếp ông Jensen Huang, Chủ tịch Tập đoàn Nvidia."}"#.as_bytes(),
    )
    .unwrap();
    let corpus = Corpus::new(fr.into_iter().chain(vi).collect());
    let on_day: Vec<_> = corpus
        .timeline
        .iter()
        .filter(|e| e.date.as_deref() == Some("2024-12-05"))
        .collect();
    assert_eq!(on_day.len(), 1, "{:#?}", corpus.timeline);
    let langs: Vec<&str> = on_day[0].sources.iter().map(|s| s.lang.as_str()).collect();
    assert_eq!(langs, ["fr", "vi"]);
    assert!(on_day[0].has_participant("Jensen Huang") && on_day[0].has_participant("To Lam"));
}

/// A corpus grown in small steps (as the page grows it during an import: the timeline built, then
/// sorted by a step sort, then placed) has the timeline of a fresh build, order of equal dates
/// included, whatever the step size; the dev corpus has many meetings on the same date.
#[test]
fn a_corpus_grown_in_steps_has_the_fresh_timeline() {
    use dossier::core::corpus::Growing;
    let arts: Vec<_> = common::load_dev().into_iter().map(|g| g.article).collect();
    let fresh = Corpus::new(arts.clone());
    let xs = fresh.extractions.clone();
    let base = Corpus::from_parts(arts[..3].to_vec(), xs[..3].to_vec());
    for n in [1, 2, 5, 1000] {
        let mut g = Growing::new(&base, arts[3..].to_vec(), xs[3..].to_vec());
        while !g.step(&base, n) {}
        let grown = g.finish(&base).expect("the base did not change");
        assert_eq!(render(&grown), render(&fresh), "step {n}");
        assert_eq!(
            format!("{:?}", grown.timeline),
            format!("{:?}", fresh.timeline)
        );
    }
}
