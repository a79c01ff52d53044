//! Hold-out quality gates: 24 articles (3 per language) written for this project about meetings absent from the dev set.
//! They estimate quality on unseen articles; the bars sit below the dev bars on purpose.

mod common;

#[test]
fn holdout_scores_stay_above_the_unseen_article_bars() {
    common::assert_set_scores(&common::holdout_dir(), "hold-out", 0.85, 0.85, 0.70);
}
