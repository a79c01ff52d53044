//! The Leptos page: a thin view over the core. It loads the bundled corpus, runs the core on it, and
//! draws the timeline, the filters and the article list.

mod format;
mod state;
mod views;

pub use state::{load_bundled, Loaded};
pub use views::App;
