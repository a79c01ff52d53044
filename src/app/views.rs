//! The page's frame: masthead with the interface-language switch, view navigation, the filter panel,
//! the main area drawn again when the page state changes, and links that change the state in place.

use crate::app::dom::{
    clear, effect, el, focused_id, has_focus_within, input, refocus, sync_rows, N,
};
use crate::app::explore::{entities_view, network_view, topics_view};
use crate::app::i18n::{browser_lang, language_name, t, topic_name, Lang, K};
use crate::app::reader::reader_view;
use crate::app::state::{load_bundled, location_search, sync_url, Ctx};
use crate::app::timeline::{articles_view, refresh_articles, refresh_timeline, timeline_view};
use crate::core::filter::{facet_counts, top_values, Field, Filter};
use crate::core::model::Span;
use crate::core::query::{state_from_query, state_to_query, PageState, View};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// Where a link leads.
#[derive(Clone)]
pub enum Target {
    View(View),
    /// An article, with the evidence sentence to mark.
    Article(String, Option<Span>),
}

fn apply(s: &mut PageState, target: &Target) {
    match target {
        Target::View(v) => {
            s.view = *v;
            s.article = None;
            s.evidence = None;
        }
        Target::Article(id, ev) => {
            s.view = View::Article;
            s.article = Some(id.clone());
            s.evidence = *ev;
        }
    }
}

fn href_of(ctx: Ctx, target: &Target) -> String {
    let mut s = ctx.state.get_untracked();
    apply(&mut s, target);
    let q = state_to_query(&s);
    if q.is_empty() {
        web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default()
    } else {
        q
    }
}

/// A link to `target` keeping the rest of the page state; a plain click changes the state in place
/// (one history entry, see `follow_links`), a modified click is left to the browser.
pub fn link(ctx: Ctx, target: Target, text: &str) -> N {
    el("a").at("href", &href_of(ctx, &target)).txt(text)
}

/// One listener for every in-page link (an `href` that is a query, or the page's own path): a
/// plain click sets the page state the link's URL describes, with no per-link listener to build.
fn follow_links(ctx: Ctx, root: &web_sys::Element) {
    crate::app::dom::listen(
        root,
        "click",
        Box::new(move |ev| {
            if let Some(m) = ev.dyn_ref::<web_sys::MouseEvent>() {
                if m.ctrl_key() || m.meta_key() || m.shift_key() || m.button() != 0 {
                    return;
                }
            }
            let Some(a) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|e| e.closest("a[href]").ok().flatten())
            else {
                return;
            };
            let href = a.get_attribute("href").unwrap_or_default();
            let path = web_sys::window()
                .and_then(|w| w.location().pathname().ok())
                .unwrap_or_default();
            let query = if href.starts_with('?') {
                href
            } else if href == path {
                String::new()
            } else {
                return;
            };
            ev.prevent_default();
            let next = state_from_query(&query);
            ctx.edit(|s| *s = next);
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }),
    );
}

/// A button running `f` on the page state.
pub fn button(text: &str, class: &str, f: impl Fn() + 'static) -> N {
    el("button")
        .at("type", "button")
        .cls(class)
        .txt(text)
        .on("click", move |_| f())
}

/// The whole page. The corpus comes extracted (build.rs); the page state lives in a signal mirrored
/// in the URL. The page is drawn into one root element, again when the interface language changes.
#[component]
pub fn App() -> impl IntoView {
    let loaded = load_bundled();
    let problems = RwSignal::new(loaded.problems);
    let ctx = Ctx::new(loaded.corpus, state_from_query(&location_search()));
    sync_url(ctx.state);
    crate::app::import::init(ctx);
    // A precomputed bundle next to the page replaces the seeds (see app/bundle.rs).
    let loading: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let source = RwSignal::new("seeds");
    wasm_bindgen_futures::spawn_local(async move {
        let got = crate::app::bundle::load(move |n, total| loading.set(Some((n, total)))).await;
        match got.corpus {
            Some(mut c) => {
                problems.set(got.problems);
                // The person's own articles (already read from IndexedDB) stay.
                let (a, x) = ctx.corpus.with_untracked(|old| {
                    let keep = |i: &usize| crate::app::import::is_mine(&old.articles[*i].id);
                    let idx: Vec<usize> = (0..old.len()).filter(keep).collect();
                    let a = idx.iter().map(|&i| old.articles[i].clone()).collect();
                    let x = idx.iter().map(|&i| old.extractions[i].clone()).collect();
                    (a, x)
                });
                c.extend(a, x);
                ctx.corpus.set(c);
                source.set("bundle");
            }
            None if !got.problems.is_empty() => problems.update(|p| p.extend(got.problems)),
            None => {}
        }
        loading.set(None);
    });
    // The browser's language, read once (the memo runs on every state change).
    let browser = browser_lang();
    let lang = Memo::new(move |_| {
        ctx.state
            .with(|s| s.ui.as_deref().and_then(Lang::from_code))
            .unwrap_or(browser)
    });
    let root = NodeRef::<leptos::html::Div>::new();
    let listening = StoredValue::new(false);
    effect(Box::new(move || {
        let Some(div) = root.get() else { return };
        if !listening.get_value() {
            listening.set_value(true);
            follow_links(ctx, &div);
        }
        let l = lang.get();
        if let Some(html) = crate::app::dom::document().document_element() {
            let _ = html.set_attribute("lang", l.code());
        }
        let focus = focused_id();
        clear(&div);
        let _ = div.set_attribute("data-corpus", source.get());
        let page = N(div.unchecked_into())
            .add(el("a").cls("skip").at("href", "#main").txt(t(l, K::Skip)))
            .add(
                el("header")
                    .cls("masthead")
                    .add(
                        el("div")
                            .add(el("h1").txt("Dossier"))
                            .add(el("p").cls("tagline").txt(t(l, K::Tagline))),
                    )
                    .add(ui_switch(ctx, l))
                    .opt(crate::app::import::import_panel(l)),
            )
            .opt(problems.with(|p| (!p.is_empty()).then(|| problems_view(p))))
            .add(progress_view(loading, l))
            .add(nav(ctx, l));
        let main = el("main").at("id", "main").at("tabindex", "-1");
        let main_el = main.0.clone();
        // A status line outside the redrawn area, so screen readers hear the new count.
        let status = el("p").cls("sr-only").at("role", "status");
        let status_el = status.0.clone();
        page.add(el("div").cls("layout").add(filters(ctx, l)).add(main))
            .add(status);
        effect(Box::new(move || {
            let n = ctx.entries.with(Vec::len);
            status_el.set_text_content(Some(&crate::app::format::count_meetings(l, n)));
        }));
        // The main area follows the page state, and the corpus (a task later, see
        // `Ctx::corpus_later`); the article being read stays as it is while it is there.
        let grown = ctx.corpus_later();
        let drawn = StoredValue::new((0u32, View::Timeline));
        effect(Box::new(move || {
            let s = ctx.state.get();
            let tick = grown.get();
            let (was, view) = drawn.get_value();
            drawn.set_value((tick, s.view));
            let moved = tick == was || view != s.view;
            // The topics, the entity index and the network sum up the whole corpus in one go
            // (tens of ms at 10,000 articles): during an import they are drawn again once it is
            // over, not at each step.
            let whole = matches!(s.view, View::Topics | View::Entities | View::Network);
            if !moved && whole && crate::app::import::growing() {
                return;
            }
            if !moved && s.view == View::Article {
                let there = s
                    .article
                    .as_deref()
                    .is_some_and(|id| ctx.corpus.with_untracked(|c| c.article_index(id).is_some()));
                if there {
                    return;
                }
            }
            let focus = focused_id();
            let focus_in_main = has_focus_within(&main_el);
            // A grown corpus on the timeline: the timeline is drawn again and the article list
            // updated in place (the rows it still shows stay).
            let refreshed = !moved
                && s.view == View::Timeline
                && refresh_timeline(ctx, l)
                && refresh_articles(ctx, l);
            if !refreshed {
                clear(&main_el);
                // (The views read the corpus untracked: this effect follows `grown`.)
                let content = match s.view {
                    View::Timeline => vec![timeline_view(ctx, l), articles_view(ctx, l)],
                    View::Topics => vec![topics_view(ctx, l)],
                    View::Entities => vec![entities_view(ctx, l)],
                    View::Network => vec![network_view(ctx, l)],
                    View::Article => vec![reader_view(ctx, l)],
                };
                for c in content {
                    let _ = main_el.append_child(&c.0);
                }
            }
            // The focused control was redrawn: focus it again, or the main area (a link in it led
            // here), unless the focus is still in it (an element that stayed).
            if !refocus(focus) && focus_in_main && !has_focus_within(&main_el) {
                if let Some(m) = main_el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = m.focus();
                }
            }
            if moved && s.view == View::Article {
                if let Some(e) = crate::app::dom::document().get_element_by_id("evidence") {
                    e.scroll_into_view();
                }
            }
        }));
        refocus(focus);
    }));
    view! { <div class="app" node_ref=root></div> }
}

/// Progress of loading a precomputed bundle (hidden when nothing is loading).
fn progress_view(loading: RwSignal<Option<(usize, usize)>>, l: Lang) -> N {
    let bar = el("progress").at("aria-label", crate::app::bundle::loading_label(l.code()));
    let text = el("span");
    let (b, t) = (bar.0.clone(), text.0.clone());
    let d = el("div")
        .cls("loading")
        .at("role", "status")
        .add(bar)
        .txt(" ")
        .add(text);
    let div = d.0.clone();
    effect(Box::new(move || match loading.get() {
        Some((n, total)) => {
            let _ = div.remove_attribute("hidden");
            let _ = b.set_attribute("max", &total.to_string());
            let _ = b.set_attribute("value", &n.to_string());
            t.set_text_content(Some(&format!(
                "{}: {n} / {total}",
                crate::app::bundle::loading_label(l.code())
            )));
        }
        None => {
            let _ = div.set_attribute("hidden", "");
        }
    }));
    d
}

/// The interface-language switch (English, French, Indonesian, Vietnamese).
fn ui_switch(ctx: Ctx, l: Lang) -> N {
    let options = Lang::ALL
        .into_iter()
        .map(|x| {
            el("option")
                .at("value", x.code())
                .at("lang", x.code())
                .at_if(x == l, "selected", "")
                .txt(x.name())
        })
        .collect();
    let select = el("select").at("id", "ui-lang").kids(options);
    let s2 = select.0.clone();
    let select = select.on("change", move |_| {
        if let Some(s) = s2.dyn_ref::<web_sys::HtmlSelectElement>() {
            let v = s.value();
            ctx.edit(|st| st.ui = Some(v));
        }
    });
    el("div")
        .cls("control ui-lang")
        .add(el("label").at("for", "ui-lang").txt(t(l, K::Interface)))
        .add(select)
}

/// Files the page could not read, named with their problem.
fn problems_view(problems: &[(String, String)]) -> N {
    let items = problems
        .iter()
        .map(|(file, why)| el("li").add(el("code").txt(file)).txt(": ").txt(why))
        .collect();
    el("div")
        .cls("problems")
        .at("role", "alert")
        .add(el("p").txt("Some bundled files could not be read:"))
        .add(el("ul").kids(items))
}

/// The views, as links; the current one is marked `aria-current="page"` (kept up to date).
fn nav(ctx: Ctx, l: Lang) -> N {
    let mut items = Vec::new();
    let mut handles = Vec::new();
    for v in View::NAV {
        let label = t(
            l,
            match v {
                View::Timeline | View::Article => K::Timeline,
                View::Topics => K::Topics,
                View::Entities => K::Entities,
                View::Network => K::Network,
            },
        );
        let a = link(ctx, Target::View(v), label).cls("tab");
        let li = el("li");
        handles.push((v, li.0.clone(), a.0.clone()));
        items.push(li.add(a));
    }
    effect(Box::new(move || {
        let view = ctx.state.with(|s| s.view);
        for (v, li, a) in &handles {
            if *v == view {
                let _ = li.set_attribute("aria-current", "page");
            } else {
                let _ = li.remove_attribute("aria-current");
            }
            let _ = a.set_attribute("href", &href_of(ctx, &Target::View(*v)));
        }
    }));
    el("nav")
        .cls("views")
        .at("aria-label", t(l, K::Views))
        .add(el("ul").kids(items))
}

/// How a facet value is shown: topic and language names in the interface language.
fn value_label(l: Lang, field: Field, value: &str) -> String {
    match field {
        Field::Topic => topic_name(l, value),
        Field::Lang => language_name(l, value),
        _ => value.to_string(),
    }
}

/// The most values a facet lists (the most frequent in the whole corpus).
const FACET_MAX: usize = 40;

/// Every value's count in the whole corpus, which ranks the facets' values, and the corpus change
/// (`Ctx::corpus_later`) it was counted for: counted once per change for the five facets.
type Base = std::rc::Rc<RefCell<(Option<u32>, [Vec<u32>; 5])>>;

/// A facet row: its value, its elements, and what it shows (count, checked).
struct Row {
    value: String,
    li: web_sys::Element,
    check: web_sys::Element,
    count: web_sys::Element,
    shown: (u32, bool),
}

/// One facet: a group of checkboxes, each value with the number of meetings it would show. Its
/// values are the most frequent in the whole corpus (`base`, see `top_values`), then any chosen
/// value not among them. The rows are drawn again only when that list changes (articles added or
/// removed), and then only the rows that differ (rows still listed stay, with their focus).
/// Checks and counts follow the filter in place, a row touched only when its count or check
/// changes (a DOM call each costs more than the whole comparison). A facet with no value is
/// hidden.
fn facet_box(ctx: Ctx, l: Lang, field: Field, legend: K, grown: ReadSignal<u32>, base: Base) -> N {
    let name = ["company", "person", "place", "topic", "lang"][field as usize];
    // One listener for the facet's checkboxes (each carries its value), not one per row.
    let list = el("ul").on("change", move |ev| {
        let value = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value());
        if let Some(v) = value {
            ctx.edit(|s| s.filter.toggle(field, &v));
        }
    });
    let ul = list.0.clone();
    let fs = el("fieldset")
        .cls("facet")
        .add(el("legend").txt(t(l, legend)))
        .add(list);
    let fs_el = fs.0.clone();
    let rows: RefCell<Vec<Row>> = RefCell::new(Vec::new());
    // Checkbox ids: a row keeps its own while it is listed.
    let serial = std::cell::Cell::new(0u32);
    effect(Box::new(move || {
        let chosen = ctx.filter.with(|f| f.field(field).clone());
        let tick = grown.get();
        let mut values: Vec<String> = ctx.corpus.with_untracked(|c| {
            let mut b = base.borrow_mut();
            if b.0 != Some(tick) {
                *b = (Some(tick), facet_counts(c, &Filter::default()));
            }
            top_values(&b.1[field as usize], |id| c.facet_value(id), FACET_MAX)
                .into_iter()
                .map(|id| c.facet_value(id).to_string())
                .collect()
        });
        for v in &chosen {
            if !values.contains(v) {
                values.push(v.clone());
            }
        }
        let mut rows = rows.borrow_mut();
        if !rows.iter().map(|r| &r.value).eq(values.iter()) {
            // Rows still listed stay (`dom::sync_rows`); the value whose checkbox has the focus
            // keeps it, wherever its row goes.
            let focused = rows
                .iter()
                .find(|r| crate::app::dom::document().active_element().as_ref() == Some(&r.check))
                .map(|r| r.value.clone());
            let mut kept: Vec<Row> = rows.drain(..).collect();
            sync_rows(&ul, &values, &mut |i| {
                let value = values[i].clone();
                let id = format!("f-{name}-{}", serial.get());
                serial.set(serial.get() + 1);
                let check = el("input")
                    .at("type", "checkbox")
                    .at("id", &id)
                    .at("value", &value);
                let count = el("span").cls("n");
                let li = el("li");
                let row = Row {
                    li: li.0.clone(),
                    check: check.0.clone(),
                    count: count.0.clone(),
                    shown: (u32::MAX, false),
                    value: value.clone(),
                };
                kept.push(row);
                li.add(check).add(
                    el("label")
                        .at("for", &id)
                        .txt(&value_label(l, field, &value))
                        .txt(" ")
                        .add(count),
                )
            });
            for v in &values {
                if let Some(at) = kept.iter().position(|r| r.value == *v) {
                    rows.push(kept.swap_remove(at));
                }
            }
            let _ = if rows.is_empty() {
                fs_el.set_attribute("hidden", "")
            } else {
                fs_el.remove_attribute("hidden")
            };
            if let Some(r) = focused.and_then(|v| rows.iter().find(|r| r.value == v)) {
                if crate::app::dom::document().active_element().as_ref() != Some(&r.check) {
                    if let Some(c) = input(&r.check) {
                        let _ = c.focus();
                    }
                }
            }
        }
        ctx.pass.with(|p| {
            ctx.corpus.with_untracked(|c| {
                let cs = &p.counts[field as usize];
                for r in rows.iter_mut() {
                    let n = cs
                        .get(c.ids.lookup(&r.value) as usize)
                        .copied()
                        .unwrap_or(0);
                    let on = chosen.contains(&r.value);
                    let was = r.shown;
                    if was.0 != n {
                        r.count
                            .set_text_content(Some(&crate::app::format::paren_count(n)));
                        if (was.0 == 0) != (n == 0) || was.0 == u32::MAX {
                            let _ =
                                r.li.set_attribute("class", if n == 0 { "empty" } else { "" });
                        }
                    }
                    if was.1 != on || was.0 == u32::MAX {
                        if let Some(c) = input(&r.check) {
                            c.set_checked(on);
                        }
                    }
                    r.shown = (n, on);
                }
            })
        });
    }));
    fs
}

/// A labelled text or date input bound to one filter field.
fn text_input(ctx: Ctx, l: Lang, id: &'static str, kind: &str, label: K) -> N {
    let read = move |f: &Filter| -> String {
        match id {
            "from" => f.from.clone().unwrap_or_default(),
            "to" => f.to.clone().unwrap_or_default(),
            _ => f.q.clone(),
        }
    };
    let field = el("input").at("type", kind).at("id", id);
    let e1 = field.0.clone();
    let e2 = field.0.clone();
    let field = field.on("change", move |_| {
        let v = input(&e1).map(|i| i.value()).unwrap_or_default();
        ctx.edit(|s| {
            let opt = (!v.is_empty()).then(|| v.clone());
            match id {
                "from" => s.filter.from = opt,
                "to" => s.filter.to = opt,
                _ => s.filter.q = v,
            }
        });
    });
    effect(Box::new(move || {
        let v = ctx.filter.with(read);
        if let Some(i) = input(&e2) {
            if i.value() != v {
                i.set_value(&v);
            }
        }
    }));
    el("div")
        .cls("control")
        .add(el("label").at("for", id).txt(t(l, label)))
        .add(field)
}

/// The filter panel: search, date range, facets, clear-all. Each control is labelled. It is drawn
/// once; its facets follow the corpus (imports) in place.
fn filters(ctx: Ctx, l: Lang) -> N {
    let clear_btn = button(t(l, K::Clear), "clear", move || {
        ctx.edit(|s| s.filter = Filter::default())
    });
    let b = clear_btn.0.clone();
    effect(Box::new(move || {
        if ctx.filter.with(Filter::is_empty) {
            let _ = b.set_attribute("aria-disabled", "true");
        } else {
            let _ = b.remove_attribute("aria-disabled");
        }
    }));
    // The facets follow the corpus a task after it changes (`Ctx::corpus_later`).
    let grown = ctx.corpus_later();
    let base: Base = Default::default();
    let mut panel = el("aside")
        .cls("filters")
        .at("aria-labelledby", "filters-heading")
        .add(el("h2").at("id", "filters-heading").txt(t(l, K::Filters)))
        .add(text_input(ctx, l, "q", "search", K::Search))
        .add(
            el("div")
                .cls("range")
                .add(text_input(ctx, l, "from", "date", K::From))
                .add(text_input(ctx, l, "to", "date", K::To)),
        );
    for (field, legend) in [
        (Field::Company, K::Company),
        (Field::Person, K::Person),
        (Field::Place, K::Place),
        (Field::Topic, K::Topic),
        (Field::Lang, K::ArticleLang),
    ] {
        panel = panel.add(facet_box(ctx, l, field, legend, grown, base.clone()));
    }
    panel
        .add(clear_btn)
        .add(crate::app::download::export_box(ctx, l))
}
