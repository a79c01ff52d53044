//! The timeline view (meetings on a time axis by month or year, empty stretches compressed) and the
//! list of the articles that pass the filter.

use crate::app::dom::{el, N};
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

/// A <time> element for an ISO date.
pub fn time(l: Lang, iso: Option<&str>) -> N {
    el("time")
        .at("datetime", iso.unwrap_or(""))
        .txt(&human_date(l, iso))
}

/// The timeline: a region labelled "Timeline" with the scale switch, the count and the axis.
pub fn timeline_view(ctx: Ctx, l: Lang) -> N {
    let scale = ctx.state.with_untracked(|s| s.scale);
    let n = ctx.entries.with_untracked(Vec::len);
    let items: Vec<N> = ctx.corpus.with(|c| {
        let entries: Vec<&Entry> = ctx
            .entries
            .with_untracked(|v| v.iter().map(|&i| &c.timeline[i]).collect());
        axis(&entries, scale)
            .into_iter()
            .map(|item| match item {
                AxisItem::Gap { units } => {
                    let unit = t(
                        l,
                        if scale == Scale::Year {
                            K::YearsUnit
                        } else {
                            K::MonthsUnit
                        },
                    );
                    el("li")
                        .cls("gap")
                        .txt(&format!("{} {units} {unit}", t(l, K::NoMeetingsFor)))
                }
                AxisItem::Period { key, groups } => {
                    let groups = groups
                        .into_iter()
                        .map(|g| {
                            let cards = g
                                .entries
                                .into_iter()
                                .map(|e| meeting_card(ctx, l, c, e))
                                .collect();
                            el("li")
                                .cls("date-group")
                                .add(el("h4").add(time(l, g.date)))
                                .add(el("ul").cls("meetings").kids(cards))
                        })
                        .collect();
                    el("li")
                        .cls("period")
                        .add(
                            el("h3")
                                .cls("period-label")
                                .txt(&human_date(l, key.as_deref())),
                        )
                        .add(el("ol").cls("dates").kids(groups))
                }
            })
            .collect()
    });
    let radio = |s: Scale, id: &str, label: K| {
        el("label")
            .add(
                el("input")
                    .at("type", "radio")
                    .at("name", "scale")
                    .at("id", id)
                    .at_if(s == scale, "checked", "")
                    .on("change", move |_| ctx.edit(|st| st.scale = s)),
            )
            .txt(" ")
            .txt(t(l, label))
    };
    el("section")
        .cls("timeline")
        .at("aria-labelledby", "timeline-heading")
        .add(
            el("div")
                .cls("bar")
                .add(el("h2").at("id", "timeline-heading").txt(t(l, K::Timeline)))
                .add(
                    el("fieldset")
                        .cls("scale")
                        .add(el("legend").txt(t(l, K::GroupBy)))
                        .add(radio(Scale::Month, "scale-month", K::Months))
                        .add(radio(Scale::Year, "scale-year", K::Years)),
                ),
        )
        .add(el("p").cls("count").txt(&count_meetings(l, n)))
        .opt((n == 0).then(|| el("p").cls("nothing").txt(t(l, K::Nothing))))
        .add(el("ol").cls("axis").kids(items))
}

/// One meeting: date, place, participants with roles and organisations, topics, and its sources,
/// each a link to the article reader with the evidence sentence marked.
fn meeting_card(ctx: Ctx, l: Lang, corpus: &Corpus, e: &Entry) -> N {
    let planned = e.status == EventStatus::Planned;
    let place = e.place.as_deref().unwrap_or(t(l, K::PlaceUnknown));
    let participants = e
        .participants
        .iter()
        .map(|p| {
            let person = p.kind == EntityKind::Person;
            let li = el("li")
                .cls(if person { "person" } else { "org" })
                .txt(&p.name);
            if person {
                li.add(el("span").cls("role").txt(&participant_extra(p)))
            } else {
                li
            }
        })
        .collect();
    let topics = e
        .topics
        .iter()
        .map(|tp| el("li").txt(&topic_name(l, tp)))
        .collect();
    let sources = e
        .sources
        .iter()
        .map(|s| {
            let title = article_title(&corpus.articles[s.article]);
            el("li")
                .add(
                    el("abbr")
                        .cls("lang")
                        .at("title", &language_name(l, &s.lang))
                        .txt(&s.lang.to_ascii_uppercase()),
                )
                .txt(" ")
                .add(link(
                    ctx,
                    Target::Article(s.article_id.clone(), Some(s.evidence)),
                    &title,
                ))
        })
        .collect();
    el("li")
        .cls(if planned {
            "meeting planned"
        } else {
            "meeting"
        })
        .opt(planned.then(|| el("span").cls("badge").txt(t(l, K::Planned))))
        .add(
            el("p")
                .cls("where")
                .add(time(l, e.date.as_deref()))
                .txt(" · ")
                .add(el("span").cls("place").txt(place)),
        )
        .add(el("ul").cls("participants").kids(participants))
        .add(el("ul").cls("topics").kids(topics))
        .add(
            el("ul")
                .cls("sources")
                .at("aria-label", t(l, K::Sources))
                .kids(sources),
        )
}

/// The articles that pass the filter, with source, date and language, each a link to the reader.
pub fn articles_view(ctx: Ctx, l: Lang) -> N {
    let items = ctx.corpus.with(|c| {
        ctx.articles.with_untracked(|v| {
            v.iter()
                .map(|&i| {
                    let a = &c.articles[i];
                    let source = a.source.as_deref().unwrap_or(t(l, K::UnknownSource));
                    el("li")
                        .cls("article")
                        .add(el("p").cls("article-title").add(link(
                            ctx,
                            Target::Article(a.id.clone(), None),
                            &article_title(a),
                        )))
                        .add(
                            el("p")
                                .cls("meta")
                                .add(el("span").cls("source").txt(source))
                                .txt(" · ")
                                .add(time(l, a.published.as_deref()))
                                .txt(" · ")
                                .add(
                                    el("span")
                                        .cls("lang")
                                        .txt(&language_name(l, &c.extractions[i].lang)),
                                ),
                        )
                })
                .collect()
        })
    });
    el("section")
        .cls("articles")
        .at("aria-labelledby", "articles-heading")
        .add(el("h2").at("id", "articles-heading").txt(t(l, K::Articles)))
        .add(el("ul").kids(items))
}
