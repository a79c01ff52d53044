//! The Leptos page: a thin view over the core. It loads the bundled corpus, runs the core on it, and
//! draws the timeline, topics, entity index, network and article reader, all following the filters.

mod bundle;
mod dom;
mod download;
mod explore;
mod format;
mod i18n;
mod reader;
mod state;
mod timeline;
mod views;

// Import of your own articles: the panel (main thread); the worker's code is src/tools.rs.
mod import;

pub use state::{load_bundled, Loaded};
pub use views::App;
