//! The exploring views: topics (sentences per topic and a company × topic heatmap whose cells set the
//! filter), the people & organisations index, and the who-met-whom network drawn in SVG.

use crate::app::dom::{append_in_steps, el, svg, N};
use crate::app::i18n::{t, ti, topic_name, Lang, K, KI};
use crate::app::state::Ctx;
use crate::app::timeline::article_title;
use crate::app::views::{button, link, Target};
use crate::core::corpus::EntityRow;
use crate::core::filter::{Field, TOPICS};
use crate::core::model::EntityKind;
use crate::core::query::View;
use crate::core::timeline::circle_layout;
use leptos::prelude::*;

/// A table with one header row.
fn table(head: Vec<String>, rows: Vec<N>) -> N {
    let head = head
        .iter()
        .map(|h| el("th").at("scope", "col").txt(h))
        .collect();
    el("table")
        .add(el("thead").add(el("tr").kids(head)))
        .add(el("tbody").kids(rows))
}

/// A scrolling box around wide content, reachable by keyboard so it can be scrolled without a mouse.
fn scroller(inner: N) -> N {
    el("div").cls("scroll").at("tabindex", "0").add(inner)
}

/// The topic views: the company × topic heatmap, then each topic with the sentences carrying it
/// (drawn in the next tasks, a few topics each).
pub fn topics_view(ctx: Ctx, l: Lang) -> N {
    let articles = ctx.articles.get_untracked();
    let chosen = ctx.filter.with_untracked(|f| f.topics.clone());
    ctx.corpus.with_untracked(|c| {
        let (companies, matrix) = c.company_topic_matrix(&articles, HEATMAP_MAX);
        let left = companies - matrix.len();
        let max = matrix.iter().flat_map(|r| r.1).max().unwrap_or(1).max(1);
        let rows = matrix
            .into_iter()
            .enumerate()
            .map(|(ri, (company, counts))| {
                let mut tr = el("tr").add(el("th").at("scope", "row").txt(&company));
                for (ti, (topic, n)) in TOPICS.iter().zip(counts).enumerate() {
                    // Empty cells are plain text: no tab stop that leads nowhere.
                    if n == 0 {
                        tr = tr.add(el("td").cls("zero").txt("0"));
                        continue;
                    }
                    let name = format!("{company}, {}: {n}", topic_name(l, topic));
                    let company = company.clone();
                    let cell = button(&n.to_string(), "cell", move || {
                        ctx.edit(|s| {
                            s.filter.companies = vec![company.clone()];
                            s.filter.topics = vec![topic.to_string()];
                        })
                    })
                    .at("id", &format!("cell-{ri}-{ti}"))
                    .at("aria-label", &name)
                    .at("style", &format!("--v:{}", n * 100 / max));
                    tr = tr.add(el("td").add(cell));
                }
                tr
            })
            .collect();
        let mut head = vec![t(l, K::Company).to_string()];
        head.extend(TOPICS.iter().map(|tp| topic_name(l, tp)));
        let section = el("section")
            .cls("topics")
            .at("aria-labelledby", "topics-heading")
            .add(el("h2").at("id", "topics-heading").txt(t(l, K::Topics)))
            .add(el("h3").txt(t(l, K::Heatmap)))
            .add(scroller(table(head, rows).cls("heatmap")))
            .opt(not_shown(l, left).map(|li| el("p").cls("not-shown").add(li)));
        // The sentences per topic, taken now (the corpus may change before they are drawn) and
        // drawn in the next tasks, `TOPICS_STEP` topics each.
        let per_topic = c.topic_sentences(&articles, SENTENCES_MAX);
        let lists: Vec<TopicList> = TOPICS
            .iter()
            .zip(per_topic)
            .filter(|(tp, (count, _))| {
                *count > 0 && (chosen.is_empty() || chosen.iter().any(|x| x == *tp))
            })
            .map(|(tp, (count, sentences))| TopicList {
                topic: tp,
                count,
                sentences: sentences
                    .into_iter()
                    .map(|(i, span, companies)| {
                        let a = &c.articles[i];
                        Quote {
                            text: span.slice(&a.text).trim().to_string(),
                            article: a.id.clone(),
                            span,
                            title: article_title(a),
                            companies: companies.join(", "),
                        }
                    })
                    .collect(),
            })
            .collect();
        let mut lists = lists.into_iter();
        let next = move || lists.next().map(|list| topic_list(ctx, l, list));
        append_in_steps(section.0.clone(), TOPICS_STEP, Box::new(next));
        section
    })
}

/// A topic's sentences as the topics view lists them.
struct TopicList {
    topic: &'static str,
    count: usize,
    sentences: Vec<Quote>,
}

/// A sentence with its article and the companies it names.
struct Quote {
    text: String,
    article: String,
    span: crate::core::model::Span,
    title: String,
    companies: String,
}

/// One topic with its sentences: each quoted, with a link to its article (and the sentence in it).
fn topic_list(ctx: Ctx, l: Lang, list: TopicList) -> N {
    let name = topic_name(l, list.topic);
    let heading = format!("{name} ({} {})", list.count, t(l, K::Sentences));
    let left = list.count - list.sentences.len();
    let mut items: Vec<N> = list
        .sentences
        .into_iter()
        .map(|q| {
            let li = el("li").add(el("q").txt(&q.text)).txt(" — ").add(link(
                ctx,
                Target::Article(q.article, Some(q.span)),
                &q.title,
            ));
            if q.companies.is_empty() {
                li
            } else {
                li.txt(" · ")
                    .add(el("span").cls("companies").txt(&q.companies))
            }
        })
        .collect();
    items.extend(not_shown(l, left).map(|x| el("li").add(x)));
    el("section")
        .cls("topic")
        .at("aria-label", &name)
        .add(el("h3").txt(&heading))
        .add(el("ul").cls("sentences").kids(items))
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
/// is a button that filters the timeline by it. The first `ENTITIES_STEP` rows are drawn at once,
/// the others in the next tasks, as many each, while the index is in the page.
pub fn entities_view(ctx: Ctx, l: Lang) -> N {
    let articles = ctx.articles.get_untracked();
    let entries = ctx.entries.get_untracked();
    let (all, index) = ctx
        .corpus
        .with_untracked(|c| c.entity_index(&articles, &entries, ENTITIES_MAX));
    let left = all - index.len();
    let mut index = index.into_iter();
    let rows = index
        .by_ref()
        .take(ENTITIES_STEP)
        .map(|r| entity_row(ctx, l, r))
        .collect();
    let head = [
        K::Name,
        K::Kind,
        K::Role,
        K::Affiliation,
        K::InArticles,
        K::InMeetings,
    ]
    .iter()
    .map(|k| t(l, *k).to_string())
    .collect();
    let table = table(head, rows);
    if let Some(body) = table.0.last_element_child() {
        let next = move || index.next().map(|r| entity_row(ctx, l, r));
        append_in_steps(body, ENTITIES_STEP, Box::new(next));
    }
    el("section")
        .cls("entities")
        .at("aria-labelledby", "entities-heading")
        .add(el("h2").at("id", "entities-heading").txt(t(l, K::Entities)))
        .add(scroller(table))
        .opt(not_shown(l, left).map(|li| el("p").cls("not-shown").add(li)))
}

/// One row of the entity index.
fn entity_row(ctx: Ctx, l: Lang, r: EntityRow) -> N {
    let field = match r.kind {
        EntityKind::Person => Field::Person,
        EntityKind::Org => Field::Company,
        EntityKind::Place => Field::Place,
    };
    let name = r.name.clone();
    let pick = button(&r.name, "linkish", move || {
        ctx.edit(|s| {
            let list = s.filter.field_mut(field);
            if !list.contains(&name) {
                list.push(name.clone());
            }
            s.view = View::Timeline;
        })
    });
    el("tr")
        .add(el("th").at("scope", "row").add(pick))
        .add(el("td").txt(kind_name(l, r.kind)))
        .add(el("td").txt(&r.roles.join(", ")))
        .add(el("td").txt(&r.affiliations.join(", ")))
        .add(el("td").cls("num").txt(&r.articles.to_string()))
        .add(el("td").cls("num").txt(&r.meetings.to_string()))
}

/// The most sentences a topic lists, companies the heatmap shows and rows the entity index shows
/// (the first in their order: most frequent first). A corpus of thousands of articles would
/// otherwise draw tens of thousands of rows; the filters narrow what is listed.
const SENTENCES_MAX: usize = 20;
const HEATMAP_MAX: usize = 40;
const ENTITIES_MAX: usize = 300;
/// Rows of the entity index drawn per task: 300 rows and their layout in the task that opens the
/// index made it one task of 50–70 ms at 10,000 articles.
const ENTITIES_STEP: usize = 60;
/// Topics whose sentences are drawn per task (after the heatmap's task).
const TOPICS_STEP: usize = 3;

/// "… 1234 not shown: narrow with the filters", when `left` items are left out.
fn not_shown(l: Lang, left: usize) -> Option<N> {
    (left > 0).then(|| {
        el("span")
            .cls("not-shown")
            .txt(&format!("… {left} {}", ti(l, KI::NotShown)))
    })
}

/// A node label: the name, cut to 24 characters (the full names are in the list below the drawing).
fn short(name: &str) -> String {
    if name.chars().count() <= 24 {
        name.to_string()
    } else {
        let mut s: String = name.chars().take(23).collect();
        s.push('…');
        s
    }
}

/// The most participants the network draws.
const NETWORK_MAX: usize = 24;

/// Who met whom: participants on a circle, one line per pair that met (thicker when more often),
/// and the same pairs as a list.
pub fn network_view(ctx: Ctx, l: Lang) -> N {
    ctx.corpus.with_untracked(|c| {
        let net = c.network(&ctx.entries.get_untracked(), NETWORK_MAX);
        let pts: Vec<(i32, i32)> = circle_layout(net.nodes.len(), 300.0, 200.0)
            .into_iter()
            .map(|(x, y)| (x as i32, y as i32))
            .collect();
        let mut edges = svg("g").cls("edges");
        let mut pairs = Vec::new();
        for &(a, b, n) in &net.edges {
            edges = edges.add(
                svg("line")
                    .at("x1", &pts[a].0.to_string())
                    .at("y1", &pts[a].1.to_string())
                    .at("x2", &pts[b].0.to_string())
                    .at("y2", &pts[b].1.to_string())
                    .at("stroke-width", &(1 + n.min(6)).to_string()),
            );
            pairs.push(el("li").txt(&format!("{} — {}: {n}", net.nodes[a].0, net.nodes[b].0)));
        }
        let mut drawing = svg("svg")
            .cls("network")
            .at("viewBox", "-170 -30 940 660")
            .at("role", "img")
            .at(
                "aria-label",
                &format!(
                    "{}: {} / {}",
                    t(l, K::Network),
                    net.nodes.len(),
                    net.edges.len()
                ),
            )
            .add(edges);
        for ((name, kind, _), &(x, y)) in net.nodes.iter().zip(&pts) {
            let (anchor, dx) = match x {
                x if x < 299 => ("end", x - 12),
                x if x > 301 => ("start", x + 12),
                x => ("middle", x),
            };
            let dy = match y {
                y if y < 100 => y - 12,
                y if y > 500 => y + 24,
                y => y + 5,
            };
            drawing = drawing.add(
                svg("g")
                    .cls(if *kind == EntityKind::Person {
                        "node person"
                    } else {
                        "node org"
                    })
                    .add(
                        svg("circle")
                            .at("cx", &x.to_string())
                            .at("cy", &y.to_string())
                            .at("r", "7"),
                    )
                    .add(
                        svg("text")
                            .at("x", &dx.to_string())
                            .at("y", &dy.to_string())
                            .at("text-anchor", anchor)
                            .txt(&short(name)),
                    ),
            );
        }
        el("section")
            .cls("network-view")
            .at("aria-labelledby", "network-heading")
            .add(el("h2").at("id", "network-heading").txt(t(l, K::Network)))
            .add(drawing)
            .add(el("h3").txt(t(l, K::Links)))
            .add(el("ul").cls("pairs").kids(pairs))
    })
}
