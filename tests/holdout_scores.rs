//! Hold-out quality gates: 24 articles (3 per language) written for this project about meetings absent from the dev set.
//! They estimate quality on unseen articles; the bars sit below the dev bars on purpose.

mod common;

#[test]
fn holdout_scores_stay_above_the_unseen_article_bars() {
    let set = common::load_gold_dir(&common::holdout_dir());
    assert_eq!(
        set.len(),
        24,
        "the hold-out set has 3 articles in each of 8 languages"
    );
    let (total, by_lang) = common::score_set(&set);
    println!(
        "{}",
        common::report(
            &total,
            &by_lang,
            &["person", "org", "place", "entity", "meeting", "topic"]
        )
    );
    let f1 = |m: &str| total.get(m).copied().unwrap_or_default().f1();
    assert!(
        f1("entity") >= 0.85,
        "hold-out entity F1 {:.3} < 0.85",
        f1("entity")
    );
    assert!(
        f1("meeting") >= 0.70,
        "hold-out meeting F1 {:.3} < 0.70",
        f1("meeting")
    );
    assert!(
        f1("topic") >= 0.70,
        "hold-out topic F1 {:.3} < 0.70",
        f1("topic")
    );
}
