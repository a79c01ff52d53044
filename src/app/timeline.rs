//! The timeline view (meetings on a time axis by month or year, empty stretches compressed) and the
//! list of the articles that pass the filter.

use crate::app::dom::{el, observer, sync_rows, IntersectionObserver, N};
use crate::app::format::{count_meetings, human_date, participant_extra};
use crate::app::i18n::{language_name, t, topic_name, Lang, K};
use crate::app::state::Ctx;
use crate::app::views::{link, Target};
use crate::core::corpus::Corpus;
use crate::core::model::{Article, EntityKind, EventStatus};
use crate::core::timeline::{axis, AxisItem, Entry, Scale};
use leptos::prelude::*;
use std::rc::Rc;
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

/// Meeting cards drawn at once when the timeline is drawn (about two screens), and then each time
/// the end of what is drawn comes near the window: a long timeline is drawn as it is read, so a
/// filter change costs a screenful of cards, not a thousand. The list carries `data-pending`
/// while a part it needs in view is still to be drawn.
const FIRST_CARDS: usize = 10;
const MORE_CARDS: usize = 24;

/// How far below the window the next cards are drawn ahead of the reader.
const AHEAD: &str = "0px 0px 800px 0px";

/// One stretch of the axis with the timeline indexes of its entries (see `core::timeline::axis`).
enum Item {
    Gap(u32),
    /// A period's key, then its date groups: (date, entries).
    Period(Option<String>, Vec<(Option<String>, Vec<usize>)>),
}

/// The axis of entries `idx` (timeline indexes, in timeline order) under `scale`.
fn axis_items(c: &Corpus, idx: &[usize], scale: Scale) -> Vec<Item> {
    let kept: Vec<usize> = idx
        .iter()
        .copied()
        .filter(|&i| i < c.timeline.len())
        .collect();
    let entries: Vec<&Entry> = kept.iter().map(|&i| &c.timeline[i]).collect();
    // `axis` keeps the entries' order: its groups take consecutive runs of `kept`.
    let mut k = 0;
    axis(&entries, scale)
        .into_iter()
        .map(|item| match item {
            AxisItem::Gap { units } => Item::Gap(units),
            AxisItem::Period { key, groups } => Item::Period(
                key,
                groups
                    .into_iter()
                    .map(|g| {
                        let run = kept[k..k + g.entries.len()].to_vec();
                        k += run.len();
                        (g.date.map(String::from), run)
                    })
                    .collect(),
            ),
        })
        .collect()
}

/// A timeline being drawn: its axis, and where drawing stopped (item, date group, card, and the
/// open period and date-group lists cards go on into).
struct Drawing {
    ctx: Ctx,
    l: Lang,
    scale: Scale,
    items: Vec<Item>,
    ol: Element,
    item: usize,
    group: usize,
    card: usize,
    dates: Option<Element>,
    meetings: Option<Element>,
}

impl Drawing {
    /// Draw up to `budget` more cards; whether the whole axis is drawn.
    fn draw(&mut self, mut budget: usize) -> bool {
        let (ctx, l) = (self.ctx, self.l);
        ctx.corpus.with_untracked(|c| {
            while self.item < self.items.len() {
                match &self.items[self.item] {
                    Item::Gap(units) => {
                        let unit = t(
                            l,
                            if self.scale == Scale::Year {
                                K::YearsUnit
                            } else {
                                K::MonthsUnit
                            },
                        );
                        let gap = el("li")
                            .cls("gap")
                            .txt(&format!("{} {units} {unit}", t(l, K::NoMeetingsFor)));
                        let _ = self.ol.append_child(&gap.0);
                        self.item += 1;
                    }
                    Item::Period(key, groups) => {
                        if self.group >= groups.len() {
                            self.item += 1;
                            self.group = 0;
                            self.dates = None;
                            continue;
                        }
                        if budget == 0 {
                            return false;
                        }
                        let dates = match &self.dates {
                            Some(d) => d.clone(),
                            None => {
                                let d = el("ol").cls("dates");
                                let de = d.0.clone();
                                let period = el("li")
                                    .cls("period")
                                    .add(
                                        el("h3")
                                            .cls("period-label")
                                            .txt(&human_date(l, key.as_deref())),
                                    )
                                    .add(d);
                                let _ = self.ol.append_child(&period.0);
                                self.dates = Some(de.clone());
                                de
                            }
                        };
                        let (date, es) = &groups[self.group];
                        let ul = match &self.meetings {
                            Some(u) => u.clone(),
                            None => {
                                let u = el("ul").cls("meetings");
                                let ue = u.0.clone();
                                let g = el("li")
                                    .cls("date-group")
                                    .add(el("h4").add(time(l, date.as_deref())))
                                    .add(u);
                                let _ = dates.append_child(&g.0);
                                self.meetings = Some(ue.clone());
                                ue
                            }
                        };
                        while self.card < es.len() && budget > 0 {
                            if let Some(e) = c.timeline.get(es[self.card]) {
                                let _ = ul.append_child(&meeting_card(ctx, l, c, e).0);
                            }
                            self.card += 1;
                            budget -= 1;
                        }
                        if self.card >= es.len() {
                            self.group += 1;
                            self.card = 0;
                            self.meetings = None;
                        }
                    }
                }
            }
            true
        })
    }
}

thread_local! {
    /// The observer drawing the timeline on screen, if it is not complete (a new one replaces it).
    static DRAWING: std::cell::RefCell<Option<IntersectionObserver>> = const { std::cell::RefCell::new(None) };
}

/// Draw the axis of entries `idx` into `ol`: a first screenful now, the rest as the reader nears
/// its end (`sentinel`, an empty element after the list, tells when).
fn draw_axis(ctx: Ctx, l: Lang, scale: Scale, idx: &[usize], ol: Element, sentinel: Element) {
    if let Some(old) = DRAWING.with(|d| d.borrow_mut().take()) {
        old.disconnect();
    }
    let items = ctx.corpus.with_untracked(|c| axis_items(c, idx, scale));
    let mut d = Drawing {
        ctx,
        l,
        scale,
        items,
        ol: ol.clone(),
        item: 0,
        group: 0,
        card: 0,
        dates: None,
        meetings: None,
    };
    if d.draw(FIRST_CARDS) {
        return;
    }
    let _ = ol.set_attribute("data-pending", "");
    let d = Rc::new(std::cell::RefCell::new(d));
    let s2 = sentinel.clone();
    let obs = observer(
        AHEAD,
        Box::new(move |near| {
            let Some(obs) = DRAWING.with(|o| o.borrow().clone()) else {
                return;
            };
            let mut d = d.borrow_mut();
            if !d.ol.is_connected() {
                return;
            }
            if !near {
                let _ = d.ol.remove_attribute("data-pending");
                return;
            }
            if d.draw(MORE_CARDS) {
                let _ = d.ol.remove_attribute("data-pending");
                obs.disconnect();
                DRAWING.with(|o| o.borrow_mut().take());
                s2.remove();
            } else {
                // Observe again: the callback comes back at once if the end is still near.
                let _ = d.ol.set_attribute("data-pending", "");
                obs.unobserve(&s2);
                obs.observe(&s2);
            }
        }),
    );
    obs.observe(&sentinel);
    DRAWING.with(|o| *o.borrow_mut() = Some(obs));
}

/// The timeline: a region labelled "Timeline" with the scale switch, the count and the axis
/// (the first `CHUNK` meetings, then "Show more").
pub fn timeline_view(ctx: Ctx, l: Lang) -> N {
    timeline_upto(ctx, l, CHUNK)
}

fn timeline_upto(ctx: Ctx, l: Lang, limit: usize) -> N {
    let scale = ctx.state.with_untracked(|s| s.scale);
    let n = ctx.entries.with_untracked(Vec::len);
    let idx: Vec<usize> = ctx
        .entries
        .with_untracked(|v| v.iter().take(limit).copied().collect());
    let ol = el("ol").cls("axis");
    let sentinel = el("div").cls("more-sentinel");
    draw_axis(ctx, l, scale, &idx, ol.0.clone(), sentinel.0.clone());
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
        .at("data-limit", &limit.to_string())
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
        .add(ol)
        .add(sentinel);
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
    let list = el("ul").at("id", "article-list");
    let n = fill_articles(ctx, l, &list.0, limit);
    let sec = el("section")
        .cls("articles")
        .at("aria-labelledby", "articles-heading")
        .at("data-limit", &limit.to_string())
        .add(el("h2").at("id", "articles-heading").txt(t(l, K::Articles)))
        .add(list);
    more_button(&sec, limit.min(n), n, l, ARTICLES_CHUNK, articles_upto, ctx);
    sec
}

/// Make `list` show the first `limit` articles that pass the filter (rows already there stay, see
/// `dom::sync_rows`); the number that pass.
fn fill_articles(ctx: Ctx, l: Lang, list: &Element, limit: usize) -> usize {
    ctx.corpus.with_untracked(|c| {
        ctx.articles.with_untracked(|v| {
            let shown = &v[..v.len().min(limit)];
            let keys: Vec<String> = shown.iter().map(|&i| c.articles[i].id.clone()).collect();
            sync_rows(list, &keys, &mut |k| article_row(ctx, l, c, shown[k]));
            v.len()
        })
    })
}

/// The article list brought up to date in place after the corpus changed (the page state did
/// not): its rows still shown stay as they are. False when there is no list on the page.
pub fn refresh_articles(ctx: Ctx, l: Lang) -> bool {
    let Some(list) = crate::app::dom::document().get_element_by_id("article-list") else {
        return false;
    };
    let Some(sec) = list.parent_element() else {
        return false;
    };
    let limit = sec
        .get_attribute("data-limit")
        .and_then(|v| v.parse().ok())
        .unwrap_or(ARTICLES_CHUNK);
    let n = fill_articles(ctx, l, &list, limit);
    if let Ok(Some(b)) = sec.query_selector(":scope > button.more") {
        b.remove();
    }
    more_button(
        &N(sec),
        limit.min(n),
        n,
        l,
        ARTICLES_CHUNK,
        articles_upto,
        ctx,
    );
    true
}

/// The timeline drawn again after the corpus changed (the page state did not), as far as it was
/// shown. False when there is no timeline on the page.
pub fn refresh_timeline(ctx: Ctx, l: Lang) -> bool {
    let Ok(Some(sec)) = crate::app::dom::document().query_selector("section.timeline") else {
        return false;
    };
    let limit = sec
        .get_attribute("data-limit")
        .and_then(|v| v.parse().ok())
        .unwrap_or(CHUNK);
    sec.replace_with_with_node_1(&timeline_upto(ctx, l, limit).0)
        .is_ok()
}

/// One article of the list: title (a link to the reader, "yours" if imported), source, date and
/// language.
fn article_row(ctx: Ctx, l: Lang, c: &Corpus, i: usize) -> N {
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
}
