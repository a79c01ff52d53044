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
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;

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

/// Meeting cards drawn at once; "Show more" draws as many again.
pub const CHUNK: usize = 1000;

/// Articles listed at once under the timeline.
const ARTICLES_CHUNK: usize = 200;

/// "Show more" in the interface language.
fn more_label(l: Lang) -> &'static str {
    match l {
        Lang::Fr => "Afficher plus",
        Lang::Id => "Tampilkan lebih banyak",
        Lang::Vi => "Hiện thêm",
        Lang::En => "Show more",
    }
}

/// A "Show more" button that puts `redraw(shown + step)` in place of `section`, when `shown < total`.
fn more_button(
    section: &N,
    shown: usize,
    total: usize,
    l: Lang,
    step: usize,
    redraw: fn(Ctx, Lang, usize) -> N,
    ctx: Ctx,
) {
    if shown >= total {
        return;
    }
    let sec = section.0.clone();
    let b = el("button")
        .at("type", "button")
        .cls("more")
        .txt(&format!("{} ({shown} / {total})", more_label(l)))
        .on("click", move |_| {
            let next = redraw(ctx, l, shown + step);
            let _ = sec.replace_with_with_node_1(&next.0);
        });
    let _ = section.0.append_child(&b.0);
}

/// Meeting cards drawn in one task; a longer timeline goes on in later tasks, so the page answers
/// in between (the list carries `data-pending` until it is complete).
const CARDS_PER_TASK: usize = 100;

/// Draw the axis items of entries `idx` from item `start` on into `ol`, about `CARDS_PER_TASK`
/// cards now and the rest in a new task; stops when `ol` has left the page (it was redrawn).
fn draw_axis(ctx: Ctx, l: Lang, scale: Scale, idx: Rc<Vec<usize>>, ol: Element, start: usize) {
    if start > 0 && !ol.is_connected() {
        return;
    }
    let mut next = None;
    ctx.corpus.with_untracked(|c| {
        let entries: Vec<&Entry> = idx.iter().filter_map(|&i| c.timeline.get(i)).collect();
        let mut cards = 0;
        for (k, item) in axis(&entries, scale).into_iter().enumerate().skip(start) {
            if cards >= CARDS_PER_TASK {
                next = Some(k);
                break;
            }
            if let AxisItem::Period { groups, .. } = &item {
                cards += groups.iter().map(|g| g.entries.len()).sum::<usize>();
            }
            let node = match item {
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
            };
            let _ = ol.append_child(&node.0);
        }
    });
    match next {
        Some(k) => {
            let _ = ol.set_attribute("data-pending", "");
            let go = Closure::once_into_js(move || draw_axis(ctx, l, scale, idx, ol, k));
            if let Some(w) = web_sys::window() {
                let _ =
                    w.set_timeout_with_callback_and_timeout_and_arguments_0(go.unchecked_ref(), 0);
            }
        }
        None => {
            let _ = ol.remove_attribute("data-pending");
        }
    }
}

/// The timeline: a region labelled "Timeline" with the scale switch, the count and the axis
/// (the first `CHUNK` meetings, then "Show more").
pub fn timeline_view(ctx: Ctx, l: Lang) -> N {
    timeline_upto(ctx, l, CHUNK)
}

fn timeline_upto(ctx: Ctx, l: Lang, limit: usize) -> N {
    let scale = ctx.state.with_untracked(|s| s.scale);
    let n = ctx.entries.with_untracked(Vec::len);
    let idx: Rc<Vec<usize>> = Rc::new(
        ctx.entries
            .with_untracked(|v| v.iter().take(limit).copied().collect()),
    );
    let ol = el("ol").cls("axis");
    draw_axis(ctx, l, scale, idx, ol.0.clone(), 0);
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
    let sec = el("section")
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
        .add(ol);
    more_button(&sec, limit.min(n), n, l, CHUNK, timeline_upto, ctx);
    sec
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
    articles_upto(ctx, l, ARTICLES_CHUNK)
}

fn articles_upto(ctx: Ctx, l: Lang, limit: usize) -> N {
    let n = ctx.articles.with_untracked(Vec::len);
    let items = ctx.corpus.with(|c| {
        ctx.articles.with_untracked(|v| {
            v.iter()
                .take(limit)
                .map(|&i| {
                    let a = &c.articles[i];
                    let source = a.source.as_deref().unwrap_or(t(l, K::UnknownSource));
                    el("li")
                        .cls("article")
                        .add(
                            el("p")
                                .cls("article-title")
                                .add(link(
                                    ctx,
                                    Target::Article(a.id.clone(), None),
                                    &article_title(a),
                                ))
                                .opt(crate::app::import::mine_badge(l, &a.id)),
                        )
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
    let sec = el("section")
        .cls("articles")
        .at("aria-labelledby", "articles-heading")
        .add(el("h2").at("id", "articles-heading").txt(t(l, K::Articles)))
        .add(el("ul").kids(items));
    more_button(&sec, limit.min(n), n, l, ARTICLES_CHUNK, articles_upto, ctx);
    sec
}
