//! Blind quality gates: 24 articles nobody tuned on (`tests/fixtures/blind`), scored like `tools/score.py`.
//! The bars sit just under the scores first measured on them, so they catch regressions on unseen text.

mod common;

#[test]
fn blind_scores_do_not_regress() {
    let dir =
        std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/blind"));
    let set = common::load_gold_dir(&dir);
    assert_eq!(
        set.len(),
        24,
        "the blind set has 3 articles in each of 8 languages"
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
        "blind entity F1 {:.3} < 0.85",
        f1("entity")
    );
    assert!(
        f1("meeting") >= 0.55,
        "blind meeting F1 {:.3} < 0.55",
        f1("meeting")
    );
    assert!(
        f1("topic") >= 0.70,
        "blind topic F1 {:.3} < 0.70",
        f1("topic")
    );
}
