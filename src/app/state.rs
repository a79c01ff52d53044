//! Page state: the corpus the page loaded (bundled articles with their build-time extractions), the URL-backed page
//! state with what passes its filter, and the URL ⇄ state synchronisation (history, back/forward).

use crate::core::corpus::Corpus;
use crate::core::filter::{filter_pass, Filter, Pass};
use crate::core::query::{state_from_query, state_to_query, PageState};
use leptos::prelude::*;

/// The bundled corpus after parsing and extraction, with any file that could not be read.
pub struct Loaded {
    pub corpus: Corpus,
    /// (file name, problem) for each bundled file the parser refused.
    pub problems: Vec<(String, String)>,
}

/// Every article bundled into this build, parsed and extracted at build time, with the problems
/// the parser met there.
pub fn load_bundled() -> Loaded {
    let (articles, extractions) = crate::bundled::records().into_iter().unzip();
    Loaded {
        corpus: Corpus::from_parts(articles, extractions),
        problems: crate::bundled::BUNDLED_PROBLEMS
            .iter()
            .map(|(f, why)| (f.to_string(), why.to_string()))
            .collect(),
    }
}

/// What every view reads: the corpus, the URL-backed page state, and what the filter lets through.
/// All fields are handles, so the context is `Copy`. The corpus is a signal: whatever reads it
/// (filters, views) follows when articles are added or removed (import, precomputed shards).
#[derive(Clone, Copy)]
pub struct Ctx {
    pub corpus: RwSignal<Corpus>,
    pub state: RwSignal<PageState>,
    pub filter: Memo<Filter>,
    /// The timeline entries that pass the filter and the facet counts (one pass computes both).
    pub pass: Memo<Pass>,
    /// Indexes of the timeline entries that pass the filter.
    pub entries: Memo<Vec<usize>>,
    /// Indexes of the articles that pass the filter.
    pub articles: Memo<Vec<usize>>,
}

impl Ctx {
    pub fn new(corpus: Corpus, state: PageState) -> Ctx {
        let corpus = RwSignal::new(corpus);
        let state = RwSignal::new(state);
        let filter = Memo::new(move |_| state.with(|s| s.filter.clone()));
        let pass = Memo::new(move |_| filter.with(|f| corpus.with(|c| filter_pass(c, f))));
        let entries = Memo::new(move |_| pass.with(|p| p.entries.clone()));
        let articles = Memo::new(move |_| filter.with(|f| corpus.with(|c| c.visible_articles(f))));
        Ctx {
            corpus,
            state,
            filter,
            pass,
            entries,
            articles,
        }
    }

    /// Change the page state (the URL follows).
    pub fn edit(&self, f: impl FnOnce(&mut PageState)) {
        self.state.update(f);
    }

    /// A signal that changes in a task of its own after each change of the corpus. An import
    /// swaps in the grown corpus in one task; each region that shows the corpus (filter panel,
    /// main area, your articles) follows its own such signal, so it is drawn again in a later
    /// task and no one task draws them all. Changes that come before it fires are drawn once.
    pub fn corpus_later(&self) -> ReadSignal<u32> {
        let corpus = self.corpus;
        let tick = RwSignal::new(0u32);
        let queued = std::rc::Rc::new(std::cell::Cell::new(false));
        let first = std::cell::Cell::new(true);
        crate::app::dom::effect(Box::new(move || {
            corpus.track();
            if first.replace(false) || queued.replace(true) {
                return;
            }
            let queued = queued.clone();
            crate::app::dom::later(
                0,
                Box::new(move || {
                    queued.set(false);
                    tick.try_update(|n| *n += 1);
                }),
            );
        }));
        tick.read_only()
    }
}

/// The query string of the page's URL ("" outside a browser window).
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Put `query` in the page's URL without a reload, keeping its path (so any sub-path works):
/// a new history entry when `push`, else the current one is replaced.
pub fn set_url(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    if let Ok(history) = window.history() {
        let null = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&null, "", Some(&url))
        } else {
            history.replace_state_with_url(&null, "", Some(&url))
        };
    }
}

/// Keep the URL and the page state in step: user changes push a history entry, the first state
/// (read from the URL) only normalises it, and back/forward (popstate) restore the state.
pub fn sync_url(state: RwSignal<PageState>) {
    let popping = StoredValue::new(false);
    let first = StoredValue::new(true);
    crate::app::dom::effect(Box::new(move || {
        let q = state.with(state_to_query);
        let push = !first.get_value() && !popping.get_value();
        first.set_value(false);
        popping.set_value(false);
        if q != location_search() {
            set_url(&q, push);
        }
    }));
    if let Some(w) = web_sys::window() {
        crate::app::dom::listen(
            &w,
            "popstate",
            Box::new(move |_| {
                let next = state_from_query(&location_search());
                if state.with_untracked(|s| *s != next) {
                    popping.set_value(true);
                    state.set(next);
                }
            }),
        );
    }
}
