//! The Leptos page: a thin view over the core.

use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! { <main><h1>"Dossier"</h1></main> }
}
