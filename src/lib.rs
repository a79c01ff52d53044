//! Dossier: who met whom, where and when, across news articles in many languages.
//!
//! `core` is the pure extraction core (shared by the page, the CLI and the tests); `app` is the
//! Leptos page, compiled only for the browser.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// The articles bundled into this build (from `corpus/`, or the folder `DOSSIER_CORPUS` names),
/// parsed at build time by the core's parser (build.rs), so the page carries no parser.
pub mod bundled {
    use crate::core::model::Article;

    /// One bundled article, as static text.
    pub struct Bundled {
        pub id: &'static str,
        pub text: &'static str,
        pub title: Option<&'static str>,
        pub lang: Option<&'static str>,
        pub published: Option<&'static str>,
        pub source: Option<&'static str>,
        pub url: Option<&'static str>,
    }

    impl Bundled {
        pub fn article(&self) -> Article {
            let own = |s: Option<&str>| s.map(String::from);
            Article {
                id: self.id.into(),
                text: self.text.into(),
                title: own(self.title),
                lang: own(self.lang),
                published: own(self.published),
                source: own(self.source),
                url: own(self.url),
            }
        }
    }

    /// Every bundled article, in file-name order (the first of two equal ids wins).
    pub fn articles() -> Vec<Article> {
        BUNDLED_ARTICLES.iter().map(Bundled::article).collect()
    }

    include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));
}
