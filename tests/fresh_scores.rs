//! Fresh-set quality gates: 24 articles (3 per language) written on 2026-12-06 without sight of the extractor, then used for development (see `tests/fixtures/fresh/README.md`).
//! The bars sit below today's scores (entity 0.889, meeting 0.641, topic 0.855) so that a real regression fails.

mod common;

#[test]
fn fresh_scores_stay_above_their_bars() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fresh");
    common::assert_set_scores(&dir, "fresh", 0.86, 0.58, 0.80);
}
