//! Dossier: who met whom, where and when, across news articles in many languages.
//!
//! `core` is the pure extraction core (shared by the page, the CLI and the tests); `app` is the
//! Leptos page, compiled only for the browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// The article files bundled into this build (from `corpus/`, or the folder `DOSSIER_CORPUS` names).
pub mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));
}
