//! The Leptos page: a thin view over the core. It loads the bundled corpus, runs the core on it, and
//! draws the timeline, topics, entity index, network and article reader, all following the filters.

mod dom;
mod download;
mod explore;
mod format;
mod i18n;
mod reader;
mod state;
mod timeline;
mod views;

pub use state::{load_bundled, Loaded};
pub use views::App;
