//! The timeline view (meetings on a time axis by month or year, empty stretches compressed) and the
//! list of the articles that pass the filter.

use crate::app::format::{count_meetings, human_date, participant_extra};
use crate::app::i18n::{language_name, t, topic_name, Lang, K};
use crate::app::state::Ctx;
use crate::app::views::{link, Target};
use crate::core::corpus::Corpus;
use crate::core::model::{Article, EntityKind, EventStatus};
use crate::core::timeline::{axis, AxisItem, Entry, Scale};
use leptos::prelude::*;

/// The article's title, or its first line when it has none.
pub fn article_title(a: &Article) -> String {
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

/// The timeline: a region labelled "Timeline" with the scale switch, the count and the axis.
pub fn timeline_view(ctx: Ctx, l: Lang) -> impl IntoView {
    let scale = move || ctx.state.with(|s| s.scale);
    let items = move || {
        let scale = scale();
        ctx.corpus.with_value(|c| {
            let entries: Vec<&Entry> = ctx.entries.get().into_iter().map(|i| &c.timeline[i]).collect();
            axis(&entries, scale)
                .into_iter()
                .map(|item| match item {
                    AxisItem::Gap { units } => {
                        let unit = t(l, if scale == Scale::Year { K::YearsUnit } else { K::MonthsUnit });
                        let text = format!("{} {units} {unit}", t(l, K::NoMeetingsFor));
                        view! { <li class="gap">{text}</li> }.into_any()
                    }
                    AxisItem::Period { key, groups } => {
                        let groups = groups
                            .into_iter()
                            .map(|g| {
                                let date = g.date.map(str::to_string);
                                let cards = g.entries.into_iter().map(|e| meeting_card(ctx, l, c, e)).collect_view();
                                view! {
                                    <li class="date-group">
                                        <h4><time datetime=date.clone().unwrap_or_default()>{human_date(l, date.as_deref())}</time></h4>
                                        <ul class="meetings">{cards}</ul>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <li class="period">
                                <h3 class="period-label">{human_date(l, key.as_deref())}</h3>
                                <ol class="dates">{groups}</ol>
                            </li>
                        }
                        .into_any()
                    }
                })
                .collect_view()
        })
    };
    let count = move || count_meetings(l, ctx.entries.with(Vec::len));
    let radio = move |s: Scale, label: K| {
        view! {
            <label>
                <input
                    type="radio"
                    name="scale"
                    prop:checked=move || scale() == s
                    on:change=move |_| ctx.edit(|st| st.scale = s)
                />
                " "{t(l, label)}
            </label>
        }
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <div class="bar">
                <h2 id="timeline-heading">{t(l, K::Timeline)}</h2>
                <fieldset class="scale">
                    <legend>{t(l, K::GroupBy)}</legend>
                    {radio(Scale::Month, K::Months)}
                    {radio(Scale::Year, K::Years)}
                </fieldset>
            </div>
            <p class="count" aria-live="polite">{count}</p>
            {move || ctx.entries.with(Vec::is_empty).then(|| view! { <p class="nothing">{t(l, K::Nothing)}</p> })}
            <ol class="axis">{items}</ol>
        </section>
    }
}

/// One meeting: date, place, participants with roles and organisations, topics, and its sources,
/// each a link to the article reader with the evidence sentence marked.
fn meeting_card(ctx: Ctx, l: Lang, corpus: &Corpus, e: &Entry) -> impl IntoView {
    let planned = e.status == EventStatus::Planned;
    let place = e.place.clone().unwrap_or_else(|| t(l, K::PlaceUnknown).to_string());
    let participants = e
        .participants
        .iter()
        .map(|p| {
            let person = p.kind == EntityKind::Person;
            let extra = if person { participant_extra(p) } else { String::new() };
            view! {
                <li class:person=person class:org=!person>
                    {p.name.clone()}<span class="role">{extra}</span>
                </li>
            }
        })
        .collect_view();
    let topics = e
        .topics
        .iter()
        .map(|tp| view! { <li>{topic_name(l, tp)}</li> })
        .collect_view();
    let sources = e
        .sources
        .iter()
        .map(|s| {
            let title = article_title(&corpus.articles[s.article]);
            let lang = s.lang.clone();
            view! {
                <li>
                    <abbr class="lang" title=language_name(l, &lang)>{lang.to_uppercase()}</abbr>" "
                    {link(ctx, Target::Article(s.article_id.clone(), Some(s.evidence)), title, "source-title")}
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="meeting" class:planned=planned>
            {planned.then(|| view! { <span class="badge">{t(l, K::Planned)}</span> })}
            <p class="where"><time datetime=e.date.clone().unwrap_or_default()>{human_date(l, e.date.as_deref())}</time>" · "<span class="place">{place}</span></p>
            <ul class="participants">{participants}</ul>
            <ul class="topics">{topics}</ul>
            <ul class="sources" aria-label=t(l, K::Sources)>{sources}</ul>
        </li>
    }
}

/// The articles that pass the filter, with source, date and language, each a link to the reader.
pub fn articles_view(ctx: Ctx, l: Lang) -> impl IntoView {
    let items = move || {
        ctx.corpus.with_value(|c| {
            ctx.articles
                .get()
                .into_iter()
                .map(|i| {
                    let a = &c.articles[i];
                    let lang = language_name(l, &c.extractions[i].lang);
                    let source = a.source.clone().unwrap_or_else(|| t(l, K::UnknownSource).to_string());
                    let date = human_date(l, a.published.as_deref());
                    view! {
                        <li class="article">
                            <p class="article-title">{link(ctx, Target::Article(a.id.clone(), None), article_title(a), "")}</p>
                            <p class="meta">
                                <span class="source">{source}</span>" · "
                                <time datetime=a.published.clone().unwrap_or_default()>{date}</time>" · "
                                <span class="lang">{lang}</span>
                            </p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="articles" aria-labelledby="articles-heading">
            <h2 id="articles-heading">{t(l, K::Articles)}</h2>
            <ul>{items}</ul>
        </section>
    }
}
