//! The article reader: metadata, and the full text with entities highlighted by kind (text nodes and
//! <mark> elements, never raw HTML) and the evidence sentence marked and scrolled into view.

use crate::app::format::human_date;
use crate::app::i18n::{language_name, t, Lang, K};
use crate::app::state::Ctx;
use crate::app::timeline::article_title;
use crate::app::views::{link, Target};
use crate::core::corpus::Piece;
use crate::core::model::EntityKind;
use crate::core::query::View;
use leptos::prelude::*;

fn kind_class(k: Option<EntityKind>) -> &'static str {
    match k {
        Some(EntityKind::Person) => "ent k-person",
        Some(EntityKind::Org) => "ent k-org",
        Some(EntityKind::Place) => "ent k-place",
        None => "",
    }
}

/// Pieces of one run as text nodes, entity mentions as <mark>.
fn pieces_view(text: &str, pieces: &[Piece]) -> impl IntoView {
    pieces
        .iter()
        .map(|p| {
            let s = p.span.slice(text).to_string();
            match p.kind {
                Some(_) => view! { <mark class=kind_class(p.kind)>{s}</mark> }.into_any(),
                None => s.into_any(),
            }
        })
        .collect_view()
}

/// The reader for the article named in the page state.
pub fn reader_view(ctx: Ctx, l: Lang) -> impl IntoView {
    let evidence_ref = NodeRef::<leptos::html::Mark>::new();
    Effect::new(move |_| {
        if let Some(el) = evidence_ref.get() {
            el.scroll_into_view();
        }
    });
    let (id, evidence) = ctx.state.with_untracked(|s| (s.article.clone(), s.evidence));
    let idx = ctx
        .corpus
        .with_value(|c| id.as_deref().and_then(|id| c.article_index(id)));
    let back = link(ctx, Target::View(View::Timeline), t(l, K::Back).to_string(), "back");
    let Some(idx) = idx else {
        return view! {
            <section class="reader" aria-labelledby="article-heading">
                <p>{back}</p>
                <h2 id="article-heading">{t(l, K::NotFound)}</h2>
            </section>
        }
        .into_any();
    };
    ctx.corpus.with_value(|c| {
        let a = &c.articles[idx];
        let text = a.text.as_str();
        let paragraphs = c
            .reader(idx, evidence)
            .into_iter()
            .map(|p| {
                // Consecutive pieces inside the evidence go into one <mark class="evidence">.
                let mut runs: Vec<(bool, Vec<Piece>)> = Vec::new();
                for piece in p {
                    match runs.last_mut() {
                        Some((ev, v)) if *ev == piece.evidence => v.push(piece),
                        _ => runs.push((piece.evidence, vec![piece])),
                    }
                }
                let runs = runs
                    .into_iter()
                    .map(|(ev, v)| {
                        if ev {
                            view! {
                                <mark class="evidence" id="evidence" node_ref=evidence_ref>
                                    <span class="ev-tag">{t(l, K::Evidence)}</span>" "
                                    {pieces_view(text, &v)}
                                </mark>
                            }
                            .into_any()
                        } else {
                            pieces_view(text, &v).into_any()
                        }
                    })
                    .collect_view();
                view! { <p>{runs}</p> }
            })
            .collect_view();
        let lang = language_name(l, &c.extractions[idx].lang);
        let source = a.source.clone().unwrap_or_else(|| t(l, K::UnknownSource).to_string());
        let url = a.url.clone().filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        view! {
            <article class="reader" aria-labelledby="article-heading">
                <p>{back}</p>
                <h2 id="article-heading">{article_title(a)}</h2>
                <dl class="meta">
                    <dt>{t(l, K::Source)}</dt><dd>{source}</dd>
                    <dt>{t(l, K::Published)}</dt><dd><time datetime=a.published.clone().unwrap_or_default()>{human_date(l, a.published.as_deref())}</time></dd>
                    <dt>{t(l, K::ArticleLang)}</dt><dd>{lang}</dd>
                    {url.map(|u| {
                        let href = u.clone();
                        view! {
                            <dt>{t(l, K::Original)}</dt>
                            <dd><a href=href rel="noopener noreferrer" target="_blank">{u}</a></dd>
                        }
                    })}
                </dl>
                <p class="legend">
                    <mark class="ent k-person">{t(l, K::Person)}</mark>" "
                    <mark class="ent k-org">{t(l, K::Organisation)}</mark>" "
                    <mark class="ent k-place">{t(l, K::Place)}</mark>
                </p>
                <div class="text">{paragraphs}</div>
            </article>
        }
        .into_any()
    })
}
