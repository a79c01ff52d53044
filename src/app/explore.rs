//! The exploring views: topics (sentences per topic and a company × topic heatmap whose cells set the
//! filter), the people & organisations index, and the who-met-whom network drawn in SVG.

use crate::app::i18n::{t, topic_name, Lang, K};
use crate::app::state::Ctx;
use crate::app::timeline::article_title;
use crate::app::views::{link, Target};
use crate::core::filter::{Field, TOPICS};
use crate::core::model::EntityKind;
use crate::core::query::View;
use crate::core::timeline::{circle_layout, network, Entry};
use leptos::prelude::*;

/// The topic views: the heatmap, then each topic with the sentences carrying it.
pub fn topics_view(ctx: Ctx, l: Lang) -> impl IntoView {
    let heatmap = move || {
        let rows = ctx
            .corpus
            .with_value(|c| ctx.articles.with(|a| c.company_topic_matrix(a)));
        let max = rows.iter().flat_map(|r| r.1).max().unwrap_or(1).max(1);
        let body = rows
            .into_iter()
            .map(|(company, counts)| {
                let cells = TOPICS
                    .iter()
                    .zip(counts)
                    .map(|(topic, n)| {
                        let name = format!("{company}, {}: {n}", topic_name(l, topic));
                        let style = format!("--v:{}", n * 100 / max);
                        let (c2, t2) = (company.clone(), topic.to_string());
                        let on_click = move |_| {
                            ctx.edit(|s| {
                                s.filter.companies = vec![c2.clone()];
                                s.filter.topics = vec![t2.clone()];
                            })
                        };
                        view! {
                            <td>
                                <button type="button" class="cell" style=style aria-label=name on:click=on_click>{n}</button>
                            </td>
                        }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{company}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <table class="heatmap">
                <thead>
                    <tr>
                        <th scope="col">{t(l, K::Company)}</th>
                        {TOPICS.iter().map(|tp| view! { <th scope="col">{topic_name(l, tp)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
    };
    let sections = move || {
        let chosen = ctx.filter.with(|f| f.topics.clone());
        ctx.corpus.with_value(|c| {
            let articles = ctx.articles.get();
            TOPICS
                .iter()
                .filter(|tp| chosen.is_empty() || chosen.iter().any(|x| x == *tp))
                .filter_map(|tp| {
                    let sentences = c.topic_sentences(&articles, tp);
                    if sentences.is_empty() {
                        return None;
                    }
                    let heading = format!("{} ({} {})", topic_name(l, tp), sentences.len(), t(l, K::Sentences));
                    let items = sentences
                        .into_iter()
                        .map(|(i, span, companies)| {
                            let a = &c.articles[i];
                            let quote = span.slice(&a.text).trim().to_string();
                            let companies = companies.join(", ");
                            view! {
                                <li>
                                    <q>{quote}</q>" — "
                                    {link(ctx, Target::Article(a.id.clone(), Some(span)), article_title(a), "")}
                                    {(!companies.is_empty()).then(|| view! { " · "<span class="companies">{companies}</span> })}
                                </li>
                            }
                        })
                        .collect_view();
                    Some(view! {
                        <section class="topic" aria-label=topic_name(l, tp)>
                            <h3>{heading}</h3>
                            <ul class="sentences">{items}</ul>
                        </section>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <section class="topics" aria-labelledby="topics-heading">
            <h2 id="topics-heading">{t(l, K::Topics)}</h2>
            <h3>{t(l, K::Heatmap)}</h3>
            <div class="scroll" role="region" aria-label=t(l, K::Heatmap) tabindex="0">{heatmap}</div>
            {sections}
        </section>
    }
}

fn kind_name(l: Lang, k: EntityKind) -> &'static str {
    t(
        l,
        match k {
            EntityKind::Person => K::Person,
            EntityKind::Org => K::Organisation,
            EntityKind::Place => K::Place,
        },
    )
}

/// The people & organisations index: each entity with its roles, affiliations and counts; its name
/// is a button that filters the timeline by it.
pub fn entities_view(ctx: Ctx, l: Lang) -> impl IntoView {
    let rows = move || {
        ctx.corpus.with_value(|c| {
            let entries: Vec<&Entry> = ctx.entries.get().into_iter().map(|i| &c.timeline[i]).collect();
            ctx.articles
                .with(|a| c.entity_index(a, &entries))
                .into_iter()
                .map(|r| {
                    let field = match r.kind {
                        EntityKind::Person => Field::Person,
                        EntityKind::Org => Field::Company,
                        EntityKind::Place => Field::Place,
                    };
                    let name = r.name.clone();
                    let on_click = move |_| {
                        ctx.edit(|s| {
                            let list = s.filter.field_mut(field);
                            if !list.contains(&name) {
                                list.push(name.clone());
                            }
                            s.view = View::Timeline;
                        })
                    };
                    view! {
                        <tr>
                            <th scope="row"><button type="button" class="linkish" on:click=on_click>{r.name}</button></th>
                            <td>{kind_name(l, r.kind)}</td>
                            <td>{r.roles.join(", ")}</td>
                            <td>{r.affiliations.join(", ")}</td>
                            <td class="num">{r.articles}</td>
                            <td class="num">{r.meetings}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="entities" aria-labelledby="entities-heading">
            <h2 id="entities-heading">{t(l, K::Entities)}</h2>
            <div class="scroll" role="region" aria-label=t(l, K::Entities) tabindex="0">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t(l, K::Name)}</th>
                            <th scope="col">{t(l, K::Kind)}</th>
                            <th scope="col">{t(l, K::Role)}</th>
                            <th scope="col">{t(l, K::Affiliation)}</th>
                            <th scope="col">{t(l, K::InArticles)}</th>
                            <th scope="col">{t(l, K::InMeetings)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The most participants the network draws.
const NETWORK_MAX: usize = 24;

/// Who met whom: participants on a circle, one line per pair that met (thicker when more often),
/// and the same pairs as a list.
pub fn network_view(ctx: Ctx, l: Lang) -> impl IntoView {
    let body = move || {
        ctx.corpus.with_value(|c| {
            let entries: Vec<&Entry> = ctx.entries.get().into_iter().map(|i| &c.timeline[i]).collect();
            let net = network(&entries, NETWORK_MAX);
            let pts = circle_layout(net.nodes.len(), 300.0, 200.0);
            let lines = net
                .edges
                .iter()
                .map(|&(a, b, n)| {
                    let w = (1 + n.min(6)).to_string();
                    view! { <line x1=pts[a].0 y1=pts[a].1 x2=pts[b].0 y2=pts[b].1 stroke-width=w /> }
                })
                .collect_view();
            let nodes = net
                .nodes
                .iter()
                .zip(&pts)
                .map(|((name, kind, _), &(x, y))| {
                    let anchor = if x < 299.0 { "end" } else if x > 301.0 { "start" } else { "middle" };
                    let dx = if x < 299.0 { x - 10.0 } else if x > 301.0 { x + 10.0 } else { x };
                    let dy = if y < 100.0 { y - 10.0 } else if y > 500.0 { y + 20.0 } else { y + 4.0 };
                    view! {
                        <g class=if *kind == EntityKind::Person { "node person" } else { "node org" }>
                            <circle cx=x cy=y r="7" />
                            <text x=dx y=dy text-anchor=anchor>{name.clone()}</text>
                        </g>
                    }
                })
                .collect_view();
            let pairs = net
                .edges
                .iter()
                .map(|&(a, b, n)| {
                    let text = format!("{} — {}: {n}", net.nodes[a].0, net.nodes[b].0);
                    view! { <li>{text}</li> }
                })
                .collect_view();
            let label = format!("{}: {} / {}", t(l, K::Network), net.nodes.len(), net.edges.len());
            view! {
                <svg class="network" viewBox="-40 -20 680 640" role="img" aria-label=label>
                    <g class="edges">{lines}</g>
                    {nodes}
                </svg>
                <h3>{t(l, K::Links)}</h3>
                <ul class="pairs">{pairs}</ul>
            }
        })
    };
    view! {
        <section class="network-view" aria-labelledby="network-heading">
            <h2 id="network-heading">{t(l, K::Network)}</h2>
            {body}
        </section>
    }
}
