//! Export of what the filters show: JSON (the extraction contract), CSV of meetings and of entities,
//! and iCalendar, each handed to the browser as a download (Blob + object URL + `<a download>`).

use crate::app::dom::{document, el, N};
use crate::app::i18n::Lang;
use crate::app::state::Ctx;
use crate::core::export;
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

#[derive(Clone, Copy)]
enum Kind {
    Json,
    MeetingsCsv,
    EntitiesCsv,
    Ics,
}

/// Make the file of `kind` from what passes the filter now, and download it.
fn export_now(ctx: Ctx, kind: Kind) {
    ctx.corpus.with_untracked(|c| {
        let articles = ctx.articles.get_untracked();
        let entries: Vec<_> = ctx
            .entries
            .with_untracked(|v| v.iter().filter_map(|&i| c.timeline.get(i)).collect());
        let (name, mime, text) = match kind {
            Kind::Json => {
                let xs: Vec<_> = articles
                    .iter()
                    .filter_map(|&i| c.extractions.get(i).cloned())
                    .collect();
                ("dossier.json", "application/json", export::json(&xs))
            }
            Kind::MeetingsCsv => (
                "dossier-meetings.csv",
                "text/csv",
                export::meetings_csv(&entries, &c.articles),
            ),
            Kind::EntitiesCsv => (
                "dossier-entities.csv",
                "text/csv",
                export::entities_csv(articles.iter().filter_map(|&i| c.extractions.get(i))),
            ),
            Kind::Ics => (
                "dossier-meetings.ics",
                "text/calendar",
                export::ics(&entries, &c.articles),
            ),
        };
        download(name, mime, &text);
    });
}

/// The export buttons, a labelled group in the filter panel.
pub fn export_box(ctx: Ctx, l: Lang) -> N {
    let (legend, meetings, entities) = match l {
        Lang::Fr => ("Exporter", "rencontres", "entités"),
        Lang::Id => ("Ekspor", "pertemuan", "entitas"),
        Lang::Vi => ("Xuất dữ liệu", "cuộc gặp", "thực thể"),
        Lang::En => ("Export", "meetings", "entities"),
    };
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
    el("fieldset")
        .cls("export")
        .add(el("legend").txt(legend))
        .kids(kids)
}
