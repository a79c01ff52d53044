//! The page's frame: masthead with the interface-language switch, view navigation, the filter panel,
//! the main area drawn again when the page state changes, and links that change the state in place.

use crate::app::dom::{clear, effect, el, focused_id, has_focus_within, input, refocus, N};
use crate::app::explore::{entities_view, network_view, topics_view};
use crate::app::i18n::{browser_lang, language_name, t, topic_name, Lang, K};
use crate::app::reader::reader_view;
use crate::app::state::{load_bundled, location_search, sync_url, Ctx};
use crate::app::timeline::{articles_view, timeline_view};
use crate::core::filter::{facet, Field, Filter};
use crate::core::model::Span;
use crate::core::query::{state_from_query, state_to_query, PageState, View};
use leptos::prelude::*;
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
/// (one history entry), a modified click is left to the browser.
pub fn link(ctx: Ctx, target: Target, text: &str) -> N {
    el("a")
        .at("href", &href_of(ctx, &target))
        .txt(text)
        .on("click", move |ev| {
            if let Some(m) = ev.dyn_ref::<web_sys::MouseEvent>() {
                if m.ctrl_key() || m.meta_key() || m.shift_key() || m.button() != 0 {
                    return;
                }
            }
            ev.prevent_default();
            ctx.edit(|s| apply(s, &target));
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        })
}

/// A button running `f` on the page state.
pub fn button(text: &str, class: &str, f: impl Fn() + 'static) -> N {
    el("button")
        .at("type", "button")
        .cls(class)
        .txt(text)
        .on("click", move |_| f())
}

/// The whole page. The corpus is extracted once at start; the page state lives in a signal mirrored
/// in the URL. The page is drawn into one root element, again when the interface language changes.
#[component]
pub fn App() -> impl IntoView {
    let loaded = load_bundled();
    let problems = loaded.problems;
    let ctx = Ctx::new(loaded.corpus, state_from_query(&location_search()));
    sync_url(ctx.state);
    let lang = Memo::new(move |_| {
        ctx.state
            .with(|s| s.ui.as_deref().and_then(Lang::from_code))
            .unwrap_or_else(browser_lang)
    });
    let root = NodeRef::<leptos::html::Div>::new();
    effect(Box::new(move || {
        let Some(div) = root.get() else { return };
        let l = lang.get();
        if let Some(html) = crate::app::dom::document().document_element() {
            let _ = html.set_attribute("lang", l.code());
        }
        let focus = focused_id();
        clear(&div);
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
                    .add(ui_switch(ctx, l)),
            )
            .opt((!problems.is_empty()).then(|| problems_view(&problems)))
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
        // The main area follows the page state.
        effect(Box::new(move || {
            let s = ctx.state.get();
            let focus = focused_id();
            let focus_in_main = has_focus_within(&main_el);
            clear(&main_el);
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
            // The focused control was redrawn: focus it again, or the main area (a link in it led here).
            if !refocus(focus) && focus_in_main {
                if let Some(m) = main_el.dyn_ref::<web_sys::HtmlElement>() {
                    let _ = m.focus();
                }
            }
            if s.view == View::Article {
                if let Some(e) = crate::app::dom::document().get_element_by_id("evidence") {
                    e.scroll_into_view();
                }
            }
        }));
        refocus(focus);
    }));
    view! { <div class="app" node_ref=root></div> }
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

/// One facet: a group of checkboxes, each value with the number of meetings it would show.
/// The list is built once (stable order, so focus stays put); checks and counts follow the filter.
fn facet_box(ctx: Ctx, l: Lang, field: Field, legend: K) -> Option<N> {
    let mut values: Vec<String> = ctx.corpus.with(|c| {
        facet(c, &Filter::default(), field)
            .into_iter()
            .map(|(v, _)| v)
            .take(FACET_MAX)
            .collect()
    });
    for v in ctx.filter.with_untracked(|f| f.field(field).clone()) {
        if !values.contains(&v) {
            values.push(v);
        }
    }
    if values.is_empty() {
        return None;
    }
    let name = ["company", "person", "place", "topic", "lang"][field as usize];
    let mut rows = Vec::new();
    let mut handles = Vec::new();
    for (i, value) in values.into_iter().enumerate() {
        let v2 = value.clone();
        let id = format!("f-{name}-{i}");
        let check = el("input")
            .at("type", "checkbox")
            .at("id", &id)
            .on("change", move |_| ctx.edit(|s| s.filter.toggle(field, &v2)));
        let count = el("span").cls("n");
        let li = el("li");
        handles.push((
            value.clone(),
            li.0.clone(),
            check.0.clone(),
            count.0.clone(),
        ));
        rows.push(
            li.add(check).add(
                el("label")
                    .at("for", &id)
                    .txt(&value_label(l, field, &value))
                    .txt(" ")
                    .add(count),
            ),
        );
    }
    effect(Box::new(move || {
        let counts = ctx.filter.with(|f| ctx.corpus.with(|c| facet(c, f, field)));
        let chosen = ctx.filter.with(|f| f.field(field).clone());
        for (value, li, check, count) in &handles {
            let n = counts.iter().find(|(k, _)| k == value).map_or(0, |x| x.1);
            count.set_text_content(Some(&format!("({n})")));
            let _ = li.set_attribute("class", if n == 0 { "empty" } else { "" });
            if let Some(c) = input(check) {
                c.set_checked(chosen.contains(value));
            }
        }
    }));
    Some(
        el("fieldset")
            .cls("facet")
            .add(el("legend").txt(t(l, legend)))
            .add(el("ul").kids(rows)),
    )
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

/// The filter panel: search, date range, facets, clear-all. Each control is labelled.
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
        panel = panel.opt(facet_box(ctx, l, field, legend));
    }
    panel
        .add(clear_btn)
        .add(crate::app::download::export_box(ctx, l))
}
