//! The article reader: metadata, and the full text with entities highlighted by kind (text nodes and
//! <mark> elements, never raw HTML) and the evidence sentence marked (the page scrolls to it).

use crate::app::dom::{el, N};
use crate::app::i18n::{language_name, t, Lang, K};
use crate::app::state::Ctx;
use crate::app::timeline::{article_title, time};
use crate::app::views::{link, Target};
use crate::core::corpus::Piece;
use crate::core::model::EntityKind;
use crate::core::query::View;
use leptos::prelude::*;

fn kind_class(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "ent k-person",
        EntityKind::Org => "ent k-org",
        EntityKind::Place => "ent k-place",
    }
}

/// Append pieces to `parent`: plain text as text nodes, entity mentions as <mark>.
fn add_pieces(mut parent: N, text: &str, pieces: &[Piece]) -> N {
    for p in pieces {
        let s = p.span.slice(text);
        parent = match p.kind {
            Some(k) => parent.add(el("mark").cls(kind_class(k)).txt(s)),
            None => parent.txt(s),
        };
    }
    parent
}

/// The reader for the article named in the page state.
pub fn reader_view(ctx: Ctx, l: Lang) -> N {
    let (id, evidence) = ctx
        .state
        .with_untracked(|s| (s.article.clone(), s.evidence));
    let back = el("p").add(link(ctx, Target::View(View::Timeline), t(l, K::Back)));
    let idx = ctx
        .corpus
        .with_untracked(|c| id.as_deref().and_then(|id| c.article_index(id)));
    let Some(idx) = idx else {
        return el("section")
            .cls("reader")
            .at("aria-labelledby", "article-heading")
            .add(back)
            .add(el("h2").at("id", "article-heading").txt(t(l, K::NotFound)));
    };
    ctx.corpus.with_untracked(|c| {
        let a = &c.articles[idx];
        let text = a.text.as_str();
        let mut body = el("div").cls("text");
        for p in c.reader(idx, evidence) {
            // Consecutive pieces inside the evidence go into one <mark class="evidence">.
            let mut para = el("p");
            let mut i = 0;
            while i < p.len() {
                let ev = p[i].evidence;
                let j = p[i..]
                    .iter()
                    .position(|x| x.evidence != ev)
                    .map_or(p.len(), |k| i + k);
                para = if ev {
                    let mark = el("mark")
                        .cls("evidence")
                        .at("id", "evidence")
                        .add(el("span").cls("ev-tag").txt(t(l, K::Evidence)))
                        .txt(" ");
                    para.add(add_pieces(mark, text, &p[i..j]))
                } else {
                    add_pieces(para, text, &p[i..j])
                };
                i = j;
            }
            body = body.add(para);
        }
        let source = a.source.as_deref().unwrap_or(t(l, K::UnknownSource));
        let url = a
            .url
            .as_deref()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        let meta = el("dl")
            .cls("meta")
            .add(el("dt").txt(t(l, K::Source)))
            .add(el("dd").txt(source))
            .add(el("dt").txt(t(l, K::Published)))
            .add(el("dd").add(time(l, a.published.as_deref())))
            .add(el("dt").txt(t(l, K::ArticleLang)))
            .add(el("dd").txt(&language_name(l, &c.extractions[idx].lang)));
        let meta = match url {
            Some(u) => meta.add(el("dt").txt(t(l, K::Original))).add(
                el("dd").add(
                    el("a")
                        .at("href", u)
                        .at("rel", "noopener noreferrer")
                        .at("target", "_blank")
                        .txt(u),
                ),
            ),
            None => meta,
        };
        let legend = el("p")
            .cls("legend")
            .add(
                el("mark")
                    .cls(kind_class(EntityKind::Person))
                    .txt(t(l, K::Person)),
            )
            .txt(" ")
            .add(
                el("mark")
                    .cls(kind_class(EntityKind::Org))
                    .txt(t(l, K::Organisation)),
            )
            .txt(" ")
            .add(
                el("mark")
                    .cls(kind_class(EntityKind::Place))
                    .txt(t(l, K::Place)),
            );
        el("article")
            .cls("reader")
            .at("aria-labelledby", "article-heading")
            .add(back)
            .add(el("h2").at("id", "article-heading").txt(&article_title(a)))
            .opt(crate::app::import::mine_badge(l, &a.id))
            .add(meta)
            .add(legend)
            .add(body)
    })
}
