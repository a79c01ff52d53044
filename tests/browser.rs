//! Component tests in headless Chromium (wasm-bindgen-test): the app mounts, loads the bundled corpus (extracted at build time) and renders it.
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

/// Mount the app into a fresh container and return the container. The URL holds the page state,
/// so it is cleared first (another test may have left a filter in it).
fn mount() -> web_sys::HtmlElement {
    let window = web_sys::window().expect("a window");
    let path = window.location().pathname().unwrap_or_default();
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .expect("replace state");
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

/// Let the app draw: its effects run asynchronously after mounting.
async fn settle(root: &web_sys::HtmlElement) {
    for _ in 0..50 {
        leptos::task::tick().await;
        if root.query_selector(".timeline").ok().flatten().is_some() {
            return;
        }
    }
}

/// The checkboxes of the facet whose legend is `legend`.
fn facet_boxes(root: &web_sys::HtmlElement, legend: &str) -> Vec<web_sys::HtmlInputElement> {
    let sets = root.query_selector_all("fieldset.facet").unwrap();
    for i in 0..sets.length() {
        let set: web_sys::Element = sets.item(i).unwrap().unchecked_into();
        let name = set
            .query_selector("legend")
            .unwrap()
            .and_then(|l| l.text_content());
        if name.as_deref() == Some(legend) {
            let boxes = set.query_selector_all("input[type=checkbox]").unwrap();
            return (0..boxes.length())
                .map(|j| boxes.item(j).unwrap().unchecked_into())
                .collect();
        }
    }
    Vec::new()
}

#[wasm_bindgen_test]
async fn app_mounts_with_a_timeline_region_and_a_company_facet() {
    let root = mount();
    settle(&root).await;
    let region = root
        .query_selector("section[aria-labelledby=timeline-heading]")
        .unwrap()
        .expect("timeline region");
    let heading = region
        .query_selector("h2")
        .unwrap()
        .expect("timeline heading");
    assert_eq!(heading.text_content().as_deref(), Some("Timeline"));
    // Every bundled meeting is drawn as a card, one per timeline entry the core built.
    let loaded = dossier::app::load_bundled();
    let cards = region.query_selector_all(".meeting").unwrap().length() as usize;
    assert_eq!(cards, loaded.corpus.timeline.len());
    assert!(cards >= 1, "the bundled corpus has meetings");
    // The company checkboxes come from the core's company index, each labelled "Name (count)".
    let boxes = facet_boxes(&root, "Company");
    let companies = loaded.corpus.companies();
    assert_eq!(boxes.len(), companies.len().min(40));
    for (b, (name, n)) in boxes.iter().zip(&companies) {
        let label = root
            .query_selector(&format!("label[for='{}']", b.id()))
            .unwrap()
            .and_then(|l| l.text_content());
        assert_eq!(label, Some(format!("{name} ({n})")));
    }
}

#[wasm_bindgen_test]
async fn ticking_a_company_narrows_the_timeline() {
    let root = mount();
    settle(&root).await;
    let loaded = dossier::app::load_bundled();
    let companies = loaded.corpus.companies();
    let Some((i, (company, n))) = companies.iter().enumerate().min_by_key(|(_, (_, n))| *n) else {
        panic!("the bundled corpus names no company in a meeting");
    };
    let boxes = facet_boxes(&root, "Company");
    // A click, as a person ticks it: the box is checked and a change event bubbles up (the facet
    // listens once for all its boxes).
    boxes[i].click();
    assert!(boxes[i].checked());
    for _ in 0..10 {
        leptos::task::tick().await;
    }
    let cards = root.query_selector_all(".meeting").unwrap();
    assert_eq!(cards.length() as usize, *n, "{company} is in {n} meetings");
    for k in 0..cards.length() {
        let text = cards
            .item(k)
            .and_then(|c| c.text_content())
            .unwrap_or_default();
        assert!(
            text.contains(company.as_str()),
            "card {k} names {company}: {text}"
        );
    }
}
