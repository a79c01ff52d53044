//! The page's frame: masthead with the interface-language switch, view navigation, the filter panel,
//! and links that change the page state without a reload.

use crate::app::explore::{entities_view, network_view, topics_view};
use crate::app::i18n::{browser_lang, language_name, t, topic_name, Lang, K};
use crate::app::reader::reader_view;
use crate::app::state::{load_bundled, location_search, sync_url, Ctx};
use crate::app::timeline::{articles_view, timeline_view};
use crate::core::filter::{facet, Field, Filter};
use crate::core::model::Span;
use crate::core::query::{state_from_query, state_to_query, PageState, View};
use leptos::prelude::*;

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

/// A link to `target` keeping the rest of the page state; a plain click changes the state in place
/// (a history entry), a modified click opens the link as the browser would.
pub fn link(ctx: Ctx, target: Target, text: String, class: &'static str) -> impl IntoView {
    let t2 = target.clone();
    let href = move || {
        let mut s = ctx.state.get();
        apply(&mut s, &t2);
        let q = state_to_query(&s);
        if q.is_empty() {
            web_sys::window()
                .and_then(|w| w.location().pathname().ok())
                .unwrap_or_default()
        } else {
            q
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        ctx.edit(|s| apply(s, &target));
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    view! { <a href=href class=class on:click=on_click>{text}</a> }
}

/// The whole page. The corpus is extracted once at start; the page state lives in a signal mirrored
/// in the URL. The interface language re-renders the page when switched.
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
    Effect::new(move |_| {
        let code = lang.get().code();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", code);
        }
    });
    // The main view is drawn again only when the view or the article read changes.
    let shown = Memo::new(move |_| ctx.state.with(|s| (s.view, s.article.clone(), s.evidence)));
    move || {
        let l = lang.get();
        let problems = problems.clone();
        view! {
            <a class="skip" href="#main">{t(l, K::Skip)}</a>
            <header class="masthead">
                <div>
                    <h1>"Dossier"</h1>
                    <p class="tagline">{t(l, K::Tagline)}</p>
                </div>
                {ui_switch(ctx, l)}
            </header>
            {(!problems.is_empty()).then(|| problems_view(problems))}
            {nav(ctx, l)}
            <div class="layout">
                {filters(ctx, l)}
                <main id="main" tabindex="-1">
                    {move || match shown.with(|s| s.0) {
                        View::Timeline => view! { {timeline_view(ctx, l)} {articles_view(ctx, l)} }.into_any(),
                        View::Topics => topics_view(ctx, l).into_any(),
                        View::Entities => entities_view(ctx, l).into_any(),
                        View::Network => network_view(ctx, l).into_any(),
                        View::Article => reader_view(ctx, l).into_any(),
                    }}
                </main>
            </div>
        }
    }
}

/// The interface-language switch (English, French, Indonesian, Vietnamese).
fn ui_switch(ctx: Ctx, l: Lang) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctx.edit(|s| s.ui = Some(v));
        // The page is drawn again in the new language: give the focus back to the switch.
        request_animation_frame(|| {
            if let Some(el) = document().get_element_by_id("ui-lang") {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    view! {
        <div class="control ui-lang">
            <label for="ui-lang">{t(l, K::Interface)}</label>
            <select id="ui-lang" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|x| view! { <option value=x.code() selected=x == l lang=x.code()>{x.name()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Files the page could not read, named with their problem.
fn problems_view(problems: Vec<(String, String)>) -> impl IntoView {
    view! {
        <div class="problems" role="alert">
            <p>"Some bundled files could not be read:"</p>
            <ul>
                {problems.into_iter().map(|(file, why)| view! { <li><code>{file}</code>": "{why}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// The views, as links; the current one is marked `aria-current="page"`.
fn nav(ctx: Ctx, l: Lang) -> impl IntoView {
    let items = View::NAV
        .into_iter()
        .map(|v| {
            let label = t(
                l,
                match v {
                    View::Timeline | View::Article => K::Timeline,
                    View::Topics => K::Topics,
                    View::Entities => K::Entities,
                    View::Network => K::Network,
                },
            );
            let current = move || ctx.state.with(|s| s.view == v).then_some("page");
            view! { <li aria-current=current>{link(ctx, Target::View(v), label.to_string(), "tab")}</li> }
        })
        .collect_view();
    view! {
        <nav class="views" aria-label=t(l, K::Views)>
            <ul>{items}</ul>
        </nav>
    }
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
fn facet_box(ctx: Ctx, l: Lang, field: Field, legend: K) -> impl IntoView {
    let counts = Memo::new(move |_| {
        ctx.filter
            .with(|f| ctx.corpus.with_value(|c| facet(c, f, field)))
    });
    let mut values: Vec<String> = ctx.corpus.with_value(|c| {
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
    let rows = values
        .into_iter()
        .map(|value| {
            let label = value_label(l, field, &value);
            let v1 = value.clone();
            let v2 = value.clone();
            let checked = move || ctx.filter.with(|f| f.field(field).contains(&v1));
            let n = Memo::new(move |_| {
                counts.with(|c| c.iter().find(|(k, _)| *k == value).map_or(0, |x| x.1))
            });
            let on_change = move |_| ctx.edit(|s| s.filter.toggle(field, &v2));
            view! {
                <li class:empty=move || n.get() == 0>
                    <label>
                        <input type="checkbox" prop:checked=checked on:change=on_change />
                        " "{label}" "<span class="n">"("{n}")"</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <fieldset class="facet">
            <legend>{t(l, legend)}</legend>
            <ul>{rows}</ul>
        </fieldset>
    })
}

/// The filter panel: search, facets, date range, clear-all. Each control is labelled.
fn filters(ctx: Ctx, l: Lang) -> impl IntoView {
    let q = move || ctx.filter.with(|f| f.q.clone());
    let from = move || ctx.filter.with(|f| f.from.clone().unwrap_or_default());
    let to = move || ctx.filter.with(|f| f.to.clone().unwrap_or_default());
    let set_date = move |ev: leptos::ev::Event, is_from: bool| {
        let v = event_target_value(&ev);
        let v = (!v.is_empty()).then_some(v);
        ctx.edit(|s| {
            if is_from {
                s.filter.from = v
            } else {
                s.filter.to = v
            }
        });
    };
    view! {
        <aside class="filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading">{t(l, K::Filters)}</h2>
            <div class="control">
                <label for="q">{t(l, K::Search)}</label>
                <input
                    type="search"
                    id="q"
                    prop:value=q
                    on:change=move |ev| ctx.edit(|s| s.filter.q = event_target_value(&ev))
                />
            </div>
            <div class="dates">
                <div class="control">
                    <label for="from">{t(l, K::From)}</label>
                    <input type="date" id="from" prop:value=from on:change=move |ev| set_date(ev, true) />
                </div>
                <div class="control">
                    <label for="to">{t(l, K::To)}</label>
                    <input type="date" id="to" prop:value=to on:change=move |ev| set_date(ev, false) />
                </div>
            </div>
            {facet_box(ctx, l, Field::Company, K::Company)}
            {facet_box(ctx, l, Field::Person, K::Person)}
            {facet_box(ctx, l, Field::Place, K::Place)}
            {facet_box(ctx, l, Field::Topic, K::Topic)}
            {facet_box(ctx, l, Field::Lang, K::ArticleLang)}
            <button
                type="button"
                class="clear"
                disabled=move || ctx.filter.with(Filter::is_empty)
                on:click=move |_| ctx.edit(|s| s.filter = Filter::default())
            >
                {t(l, K::Clear)}
            </button>
        </aside>
    }
}
