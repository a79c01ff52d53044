//! Dev-set quality gates: extraction over `../shared/corpus/dev`, scored like `tools/score.py`, must stay above the bars.

mod common;

#[test]
fn entity_f1_is_at_least_0_90_and_every_kind_at_least_0_85() {
    let (total, by_lang) = common::score_dev();
    println!(
        "{}",
        common::report(&total, &by_lang, &["person", "org", "place", "entity"])
    );
    let f1 = |m: &str| total.get(m).copied().unwrap_or_default().f1();
    assert!(f1("entity") >= 0.90, "entity F1 {:.3} < 0.90", f1("entity"));
    for kind in ["person", "org", "place"] {
        assert!(f1(kind) >= 0.85, "{kind} F1 {:.3} < 0.85", f1(kind));
    }
}

#[test]
fn meeting_f1_and_topic_f1_are_at_least_0_80() {
    let (total, by_lang) = common::score_dev();
    println!(
        "{}",
        common::report(&total, &by_lang, &["meeting", "topic"])
    );
    let f1 = |m: &str| total.get(m).copied().unwrap_or_default().f1();
    assert!(
        f1("meeting") >= 0.80,
        "meeting F1 {:.3} < 0.80",
        f1("meeting")
    );
    assert!(f1("topic") >= 0.80, "topic F1 {:.3} < 0.80", f1("topic"));
}
