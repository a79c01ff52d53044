//! The browser entry point: mounts the Dossier app on the page (Trunk builds this binary to wasm).

#[cfg(target_arch = "wasm32")]
fn main() {
    // No panic hook: the release build aborts on a panic without formatting a message (see
    // scripts/page-env.sh); the core never panics on any input (property tests).
    leptos::mount::mount_to_body(dossier::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-web is the browser build; run `trunk serve` (see README), or use the `dossier` command line.");
    std::process::exit(2);
}
