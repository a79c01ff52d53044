//! Export of what the filters show: JSON (the extraction contract), CSV of meetings and of entities,
//! and iCalendar. The import worker writes the file (src/tools.rs, `core::export::render`, so the
//! page's wasm carries no writer); the page hands it to the browser as a download (Blob + object
//! URL + `<a download>`).

use crate::app::dom::{document, el, N};
use crate::app::i18n::Lang;
use crate::app::state::Ctx;
use crate::core::export::Kind;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The object URL of the last download, released when the next one is made.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Offer `text` as a file named `name` of type `mime`.
fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(old) = LAST.with(|l| l.replace(Some(url.clone()))) {
        let _ = web_sys::Url::revoke_object_url(&old);
    }
    if let Ok(a) = document().create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
    }
}

/// Ask the import worker for the file of `kind` of what passes the filter now: it writes it from
/// the same articles (bundle, seeds, stored imports) in the page's order, off the main thread, and
/// answers with a `file` message (`done`), or a `failed` one (`failed`).
fn export_now(ctx: Ctx, kind: Kind) {
    let order = ctx.corpus.with_untracked(|c| {
        let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
        ids.join("\0")
    });
    let list = |v: Vec<usize>| {
        let v: Vec<String> = v.iter().map(|i| i.to_string()).collect();
        v.join(",")
    };
    let shown = list(ctx.articles.get_untracked());
    let entries = list(ctx.entries.get_untracked());
    status(STATUS_BUSY.with(|s| s.get()));
    crate::app::import::post(js_sys::Array::of5(
        &"export".into(),
        &kind.code().into(),
        &order.into(),
        &shown.into(),
        &entries.into(),
    ));
}

thread_local! {
    /// The export box's status line, and what it says while an export is written.
    static STATUS: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    static STATUS_BUSY: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
}

fn status(text: &str) {
    STATUS.with(|s| {
        if let Some(e) = &*s.borrow() {
            e.set_text_content(Some(text));
        }
    });
}

/// The worker's file arrived: offer it, and clear the status line.
pub fn done(name: &str, mime: &str, text: &str) {
    status("");
    download(name, mime, text);
}

/// The worker could not write the export: say why in the status line.
pub fn failed(why: &str) {
    status(why);
}

/// The export buttons, a labelled group in the filter panel.
pub fn export_box(ctx: Ctx, l: Lang) -> N {
    let (legend, meetings, entities, busy) = match l {
        Lang::Fr => (
            "Exporter",
            "rencontres",
            "entités",
            "Préparation du fichier…",
        ),
        Lang::Id => ("Ekspor", "pertemuan", "entitas", "Menyiapkan berkas…"),
        Lang::Vi => ("Xuất dữ liệu", "cuộc gặp", "thực thể", "Đang chuẩn bị tệp…"),
        Lang::En => ("Export", "meetings", "entities", "Preparing the file…"),
    };
    STATUS_BUSY.with(|s| s.set(busy));
    let kids = [
        (Kind::Json, "JSON".to_string()),
        (Kind::MeetingsCsv, format!("CSV ({meetings})")),
        (Kind::EntitiesCsv, format!("CSV ({entities})")),
        (Kind::Ics, "iCalendar (.ics)".to_string()),
    ]
    .into_iter()
    .map(|(kind, label)| {
        el("button")
            .at("type", "button")
            .txt(&label)
            .on("click", move |_| export_now(ctx, kind))
    })
    .collect();
    let line = el("p").at("aria-live", "polite").cls("export-status");
    STATUS.with(|s| *s.borrow_mut() = Some(line.0.clone()));
    el("fieldset")
        .cls("export")
        .add(el("legend").txt(legend))
        .kids(kids)
        .add(line)
}
