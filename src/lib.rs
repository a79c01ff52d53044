//! Dossier: who met whom, where and when, across news articles in many languages.
//!
//! `core` is the pure extraction core (shared by the page, the CLI and the tests); `app` is the
//! Leptos page, compiled only for the browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// The articles bundled into this build (from `corpus/`, or the folder `DOSSIER_CORPUS` names),
/// parsed and extracted at build time by the core itself (build.rs), so the page carries neither
/// the parser nor the extractor.
pub mod bundled {
    use crate::core::model::{Article, Extraction};

    /// Every bundled article with its extraction, in file-name order (the first of two equal ids
    /// wins), read from the records build.rs wrote.
    pub fn records() -> Vec<(Article, Extraction)> {
        // build.rs wrote them with the same model types: a failure here is a build bug.
        crate::core::shard::load_records(BUNDLED_RECORDS)
            .unwrap_or_else(|e| panic!("bundled records written by build.rs: {e}"))
    }

    /// Every bundled article, in file-name order.
    pub fn articles() -> Vec<Article> {
        records().into_iter().map(|(a, _)| a).collect()
    }

    include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));
}
