//! The tools module: a second wasm, built by Trunk as a worker (`dossier-tools`), that
//! src/app/worker.js loads on the first import or export: it reads files and extracts their
//! articles in batches, and writes the exports of what the page shows, off the main thread. The
//! page's own wasm carries none of this code (first-load budget).

#[cfg(target_arch = "wasm32")]
mod wasm {

    use dossier::core::export::{self, Kind};
    use dossier::core::intake::Intake;
    use dossier::core::model::{Article, Extraction};
    use dossier::core::shard::{self, BundleIndex};
    use dossier::core::timeline;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::wasm_bindgen;

    thread_local! {
        static INTAKE: RefCell<Intake> = RefCell::new(Intake::default());
        static EXPORT: RefCell<Gathered> = RefCell::new(Gathered::default());
    }

    /// What an export gathers before it writes: the articles of the precomputed bundle (its index and
    /// the shards that passed their check) and the stored imports, with their extraction.
    #[derive(Default)]
    struct Gathered {
        index: Option<BundleIndex>,
        shards: Vec<(Article, Extraction)>,
        stored: Vec<(Article, Extraction)>,
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

    /// Begin an export: forget what the last one gathered.
    #[wasm_bindgen]
    pub fn export_begin() {
        EXPORT.with(|e| *e.borrow_mut() = Gathered::default());
    }

    /// The bundle's index (`bundle/corpus-index.json`): the file names of its shards, separated by
    /// NUL ("" when it is not a usable index, as for the page).
    #[wasm_bindgen]
    pub fn export_index(bytes: &[u8]) -> String {
        let Ok(index) = shard::load_index(bytes) else {
            return String::new();
        };
        let files: Vec<String> = index.shards.iter().map(|s| s.file.clone()).collect();
        EXPORT.with(|e| e.borrow_mut().index = Some(index));
        files.join("\0")
    }

    /// One shard's bytes; kept when they pass the index's check (the page skips the others too).
    #[wasm_bindgen]
    pub fn export_shard(file: &str, bytes: &[u8]) {
        EXPORT.with(|e| {
            let mut e = e.borrow_mut();
            let got = e
                .index
                .as_ref()
                .and_then(|i| i.shards.iter().find(|s| s.file == file))
                .and_then(|info| shard::load_shard_checked(info, bytes).ok());
            if let Some((a, x)) = got {
                e.shards.extend(a.into_iter().zip(x));
            }
        })
    }

    /// The stored imports: the IndexedDB records as one JSON array.
    #[wasm_bindgen]
    pub fn export_stored(json: &str) {
        let records = shard::load_records(json).unwrap_or_default();
        EXPORT.with(|e| e.borrow_mut().stored = records);
    }

    /// Write the export `kind` of what the page shows: `order` holds the ids of all the page's
    /// articles in its order (NUL-separated), `shown` and `entries` the indexes of the articles and
    /// timeline entries that pass its filter (`1,5,9`). Answers "name\0type\0contents", or
    /// "\0\0problem" when the page's articles cannot all be found again.
    #[wasm_bindgen]
    pub fn export_file(kind: &str, order: &str, shown: &str, entries: &str) -> String {
        let Some(kind) = Kind::from_code(kind) else {
            return format!("\0\0unknown export `{kind}`");
        };
        let order: Vec<&str> = order.split('\0').filter(|s| !s.is_empty()).collect();
        let g = EXPORT.with(|e| std::mem::take(&mut *e.borrow_mut()));
        // The bundled seeds are extracted again only when the page shows them.
        let seeds = if order
            .iter()
            .all(|id| g.stored.iter().chain(&g.shards).any(|(a, _)| a.id == *id))
        {
            Vec::new()
        } else {
            bundled_seeds()
        };
        match export::arrange(&order, vec![g.stored, g.shards, seeds]) {
            Ok((articles, xs)) => {
                let tl = timeline::build(&xs);
                let text = export::render(
                    kind,
                    &articles,
                    &xs,
                    &tl,
                    &export::parse_indexes(shown),
                    &export::parse_indexes(entries),
                );
                let (name, mime) = kind.file();
                format!("{name}\0{mime}\0{text}")
            }
            Err(why) => format!("\0\0{why}"),
        }
    }

    thread_local! {
        /// The bundled articles with their extraction, read on the first export and kept for the
        /// next ones (the worker lives as long as the page).
        static BUNDLED: std::cell::OnceCell<Vec<(Article, Extraction)>> =
            const { std::cell::OnceCell::new() };
    }

    /// The articles bundled into this build with the extractions build.rs made of them, the ones
    /// the page shows (read once).
    fn bundled_seeds() -> Vec<(Article, Extraction)> {
        BUNDLED.with(|b| b.get_or_init(dossier::bundled::records).clone())
    }

    /// Extract the next batch: a JSON array of records, "" when done.
    #[wasm_bindgen]
    pub fn intake_next() -> String {
        INTAKE.with(|i| i.borrow_mut().next_batch())
    }
}

fn main() {}
