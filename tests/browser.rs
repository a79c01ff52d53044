//! Component tests in headless Chromium (wasm-bindgen-test): the app mounts, extracts the bundled corpus and renders it.
#![cfg(target_arch = "wasm32")]

use dossier::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// Mount the app into a fresh container and return the container. The URL's query is cleared
/// first: the tests share one page, and the app reads its filter from the URL.
fn mount() -> web_sys::HtmlElement {
    let window = web_sys::window().expect("a browser window");
    let path = window.location().pathname().expect("a path");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .expect("clear the query");
    let container: web_sys::HtmlElement = document()
        .create_element("div")
        .expect("create div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&container)
        .expect("append");
    let handle = leptos::mount::mount_to(container.clone(), App);
    handle.forget();
    container
}

#[wasm_bindgen_test]
async fn app_mounts_with_a_timeline_region_and_a_company_control() {
    let root = mount();
    leptos::task::tick().await;
    let region = root
        .query_selector("section[aria-labelledby=timeline-heading]")
        .unwrap()
        .expect("timeline region");
    let heading = document()
        .get_element_by_id("timeline-heading")
        .expect("timeline heading");
    assert_eq!(heading.text_content().as_deref(), Some("Timeline"));
    let select = root
        .query_selector("select#company")
        .unwrap()
        .expect("company select");
    let label = root
        .query_selector("label[for=company]")
        .unwrap()
        .expect("company label");
    assert_eq!(label.text_content().as_deref(), Some("Company"));
    // Every bundled meeting is drawn as a card, one per timeline entry the core built.
    let loaded = dossier::app::load_bundled();
    let cards = region.query_selector_all(".meeting").unwrap().length() as usize;
    assert_eq!(cards, loaded.corpus.timeline.len());
    assert!(cards >= 1, "the bundled corpus has meetings");
    // The company options come from the core's company index (plus "All companies").
    let options = select.query_selector_all("option").unwrap().length() as usize;
    assert_eq!(options, loaded.corpus.companies().len() + 1);
}

#[wasm_bindgen_test]
async fn choosing_a_company_narrows_the_timeline() {
    let root = mount();
    leptos::task::tick().await;
    let loaded = dossier::app::load_bundled();
    let Some((company, n)) = loaded
        .corpus
        .companies()
        .into_iter()
        .min_by_key(|(_, n)| *n)
    else {
        panic!("the bundled corpus names no company in a meeting");
    };
    let select: web_sys::HtmlSelectElement = root
        .query_selector("select#company")
        .unwrap()
        .expect("select")
        .unchecked_into();
    select.set_value(&company);
    let event = web_sys::Event::new("change").unwrap();
    select.dispatch_event(&event).unwrap();
    leptos::task::tick().await;
    let cards = root.query_selector_all(".meeting").unwrap();
    assert_eq!(cards.length() as usize, n, "{company} is in {n} meetings");
    for i in 0..cards.length() {
        let text = cards
            .item(i)
            .and_then(|c| c.text_content())
            .unwrap_or_default();
        assert!(text.contains(&company), "card {i} names {company}: {text}");
    }
}
