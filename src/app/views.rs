//! The page's components: masthead, filters, the timeline region and the article list.

use crate::app::format::{human_date, language_name, participant_label};
use crate::app::state::load_bundled;
use crate::core::corpus::Corpus;
use crate::core::filter::{self, Filter};
use crate::core::model::{EntityKind, EventStatus};
use crate::core::query;
use crate::core::timeline::{Entry, Participant};
use leptos::prelude::*;

/// The query string of the page's URL ("" outside a browser window).
fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Replace the page's query string without a reload, keeping its path (works under any sub-path).
fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let hash = window.location().hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The whole page. The corpus is extracted once at start; the filter lives in a signal mirrored in the URL.
#[component]
pub fn App() -> impl IntoView {
    let loaded = load_bundled();
    let problems = loaded.problems;
    let corpus = StoredValue::new(loaded.corpus);
    let filter = RwSignal::new(query::from_query(&location_search()));
    // The URL follows the filter so a copied link restores the same view.
    Effect::new(move |_| filter.with(|f| replace_query(&query::to_query(f))));
    view! {
        <header class="masthead">
            <h1>"Dossier"</h1>
            <p class="tagline">"Who met whom, where and when — across languages."</p>
        </header>
        {(!problems.is_empty()).then(|| view! { <Problems problems=problems /> })}
        <div class="layout">
            <Filters corpus=corpus filter=filter />
            <main id="main">
                <TimelineView corpus=corpus filter=filter />
                <ArticleList corpus=corpus filter=filter />
            </main>
        </div>
    }
}

/// Files the page could not read, named with their problem.
#[component]
fn Problems(problems: Vec<(String, String)>) -> impl IntoView {
    view! {
        <div class="problems" role="alert">
            <p>"Some bundled files could not be read:"</p>
            <ul>
                {problems.into_iter().map(|(file, why)| view! { <li><code>{file}</code>": "{why}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// The filter controls. Each is a labelled form control.
#[component]
fn Filters(corpus: StoredValue<Corpus>, filter: RwSignal<Filter>) -> impl IntoView {
    let companies = corpus.with_value(|c| c.companies());
    let n_entries = corpus.with_value(|c| c.timeline.len());
    let selected = move || filter.with(|f| f.companies.first().cloned().unwrap_or_default());
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        filter.update(|f| {
            f.companies = if value.is_empty() {
                Vec::new()
            } else {
                vec![value]
            }
        });
    };
    view! {
        <aside class="filters" aria-labelledby="filters-heading">
            <h2 id="filters-heading">"Filters"</h2>
            <div class="control">
                <label for="company">"Company"</label>
                <select id="company" on:change=on_change prop:value=selected>
                    <option value="">{format!("All companies ({n_entries})")}</option>
                    {companies
                        .into_iter()
                        .map(|(name, n)| {
                            let label = format!("{name} ({n})");
                            view! { <option value=name>{label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        </aside>
    }
}

/// The timeline: meetings grouped by date, in a region labelled "Timeline".
#[component]
fn TimelineView(corpus: StoredValue<Corpus>, filter: RwSignal<Filter>) -> impl IntoView {
    // Indexes of the visible entries; recomputed only when the filter changes.
    let visible = Memo::new(move |_| {
        filter.with(|f| {
            corpus.with_value(|c| {
                c.timeline
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| filter::entry_matches(c, e, f))
                    .map(|(i, _)| i)
                    .collect::<Vec<usize>>()
            })
        })
    });
    let groups = move || {
        corpus.with_value(|c| {
            let entries: Vec<&Entry> = visible.get().into_iter().map(|i| &c.timeline[i]).collect();
            crate::core::timeline::group_by_date(&entries)
                .into_iter()
                .map(|g| {
                    let date = g.date.map(str::to_string);
                    let cards = g.entries.into_iter().map(|e| meeting_card(c, e)).collect_view();
                    view! {
                        <li class="date-group">
                            <h3><time datetime=date.clone().unwrap_or_default()>{human_date(date.as_deref())}</time></h3>
                            <ul class="meetings">{cards}</ul>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let count = move || {
        let n = visible.with(Vec::len);
        if n == 1 {
            "1 meeting".to_string()
        } else {
            format!("{n} meetings")
        }
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <p class="count" aria-live="polite">{count}</p>
            <ol class="dates">{groups}</ol>
        </section>
    }
}

fn meeting_card(corpus: &Corpus, e: &Entry) -> impl IntoView {
    let (persons, orgs): (Vec<&Participant>, Vec<&Participant>) = e
        .participants
        .iter()
        .partition(|p| p.kind == EntityKind::Person);
    let persons: Vec<String> = persons.into_iter().map(participant_label).collect();
    let orgs: Vec<String> = orgs.into_iter().map(|p| p.name.clone()).collect();
    let planned = e.status == EventStatus::Planned;
    let place = e.place.clone().unwrap_or_else(|| "Place unknown".into());
    let sources = e
        .sources
        .iter()
        .map(|s| {
            let a = &corpus.articles[s.article];
            let title = article_title(a);
            let lang = s.lang.clone();
            let lang_name = language_name(&lang).to_string();
            view! {
                <li>
                    <abbr class="lang" title=lang_name>{lang.to_uppercase()}</abbr>" "
                    <span class="source-title">{title}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="meeting" class:planned=planned>
            {planned.then(|| view! { <span class="badge">"Planned"</span> })}
            <p class="place">{place}</p>
            <ul class="participants">
                {persons.into_iter().map(|p| view! { <li class="person">{p}</li> }).collect_view()}
                {orgs.into_iter().map(|o| view! { <li class="org">{o}</li> }).collect_view()}
            </ul>
            <ul class="sources" aria-label="Sources">{sources}</ul>
        </li>
    }
}

/// The article's title, or its first line when it has none.
fn article_title(a: &crate::core::model::Article) -> String {
    match &a.title {
        Some(t) => t.clone(),
        None => a
            .text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("(untitled)")
            .chars()
            .take(140)
            .collect(),
    }
}

/// The articles that pass the filter, with source, date and language.
#[component]
fn ArticleList(corpus: StoredValue<Corpus>, filter: RwSignal<Filter>) -> impl IntoView {
    let items = move || {
        filter.with(|f| {
            corpus.with_value(|c| {
                c.visible_articles(f)
                    .into_iter()
                    .map(|i| {
                        let a = &c.articles[i];
                        let lang = c.extractions[i].lang.clone();
                        let title = article_title(a);
                        let source = a.source.clone().unwrap_or_else(|| "Unknown source".into());
                        let date = human_date(a.published.as_deref());
                        view! {
                            <li class="article">
                                <p class="article-title">{title}</p>
                                <p class="meta">
                                    <span class="source">{source}</span>" · "
                                    <time datetime=a.published.clone().unwrap_or_default()>{date}</time>" · "
                                    <span class="lang">{language_name(&lang).to_string()}</span>
                                </p>
                            </li>
                        }
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="articles" aria-labelledby="articles-heading">
            <h2 id="articles-heading">"Articles"</h2>
            <ul>{items}</ul>
        </section>
    }
}
