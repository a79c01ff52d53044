//! Blind quality gates: 24 articles nobody tuned on (`tests/fixtures/blind`), scored like `tools/score.py`.
//! The bars sit just under the scores first measured on them, so they catch regressions on unseen text.

mod common;

#[test]
fn blind_scores_do_not_regress() {
    let dir =
        std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/blind"));
    common::assert_set_scores(&dir, "blind", 0.85, 0.65, 0.70);
}
