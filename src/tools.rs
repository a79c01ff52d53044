//! The tools module: a second wasm, built by Trunk as a worker (`dossier-tools`), that
//! src/app/worker.js loads only when you first import, to read files and extract their articles in
//! batches off the main thread; the page's own wasm carries none of this code (first-load budget).

#[cfg(target_arch = "wasm32")]
mod wasm {

use dossier::core::intake::Intake;
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;

thread_local! {
    static INTAKE: RefCell<Intake> = RefCell::new(Intake::default());
}

/// Start an import; `known` holds the ids already loaded, separated by NUL.
#[wasm_bindgen]
pub fn intake_begin(known: &str) {
    let ids = known
        .split('\0')
        .filter(|s| !s.is_empty())
        .map(String::from);
    INTAKE.with(|i| *i.borrow_mut() = Intake::new(ids));
}

/// "" when a file of this name and size may be read, else "name: problem".
#[wasm_bindgen]
pub fn intake_check(name: &str, size: f64) -> String {
    Intake::precheck(name, size as usize)
        .err()
        .unwrap_or_default()
}

/// Read a file and queue its articles: "" or "name: problem".
#[wasm_bindgen]
pub fn intake_file(name: &str, bytes: &[u8]) -> String {
    INTAKE.with(|i| {
        i.borrow_mut()
            .add_file(name, bytes)
            .err()
            .unwrap_or_default()
    })
}

/// Articles queued and not extracted yet.
#[wasm_bindgen]
pub fn intake_pending() -> u32 {
    INTAKE.with(|i| i.borrow().pending() as u32)
}

/// Extract the next batch: a JSON array of records, "" when done.
#[wasm_bindgen]
pub fn intake_next() -> String {
    INTAKE.with(|i| i.borrow_mut().next_batch())
}
}

fn main() {}
