//! The browser entry point: mounts the Dossier app on the page (Trunk builds this binary to wasm).

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic shows its message and place on the console (the core itself never panics).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    // In the import worker (no window) only the wasm's exports are used: no page to mount.
    if web_sys::window().is_some() {
        leptos::mount::mount_to_body(dossier::app::App);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-web is the browser build; run `trunk serve` (see README), or use the `dossier` command line.");
    std::process::exit(2);
}
