//! The fast filter path (value ids, one pass for all facets) gives the same verdicts and counts as
//! the reference string comparisons, over the dev corpus and many combined filters.

mod common;

use dossier::core::corpus::Corpus;
use dossier::core::filter::{article_matches, entry_matches, entry_values, facet, Field, Filter};

fn dev_corpus() -> Corpus {
    Corpus::new(common::load_dev().into_iter().map(|g| g.article).collect())
}

/// Filters built from values the corpus really holds (and a few it does not), alone and combined.
fn filters(c: &Corpus) -> Vec<Filter> {
    let mut out = vec![Filter::default()];
    for field in Field::ALL {
        let mut values: Vec<String> = Vec::new();
        for e in &c.timeline {
            for v in entry_values(c, e, field) {
                if !values.iter().any(|x| x == v) {
                    values.push(v.to_string());
                }
            }
        }
        values.push("Nowhere Incorporated".into());
        for (i, v) in values.iter().enumerate() {
            let mut f = Filter::default();
            f.field_mut(field).push(v.to_lowercase());
            if i % 3 == 0 {
                if let Some(w) = values.get(i + 1) {
                    f.field_mut(field).push(w.clone());
                }
            }
            out.push(f);
        }
    }
    let singles = out.len();
    for i in 1..singles {
        let mut f = out[i].clone();
        let g = &out[(i * 7) % singles];
        for field in Field::ALL {
            f.field_mut(field).extend(g.field(field).iter().cloned());
        }
        out.push(f);
    }
    for (from, to, q) in [
        (Some("2023-01-01"), None, ""),
        (None, Some("2023-09"), ""),
        (Some("2022"), Some("2024-06-30"), ""),
        (None, None, "ha noi"),
        (None, None, "MINISTRE"),
        (Some("2024-01-01"), None, "  meta "),
        (None, None, "zzzz nowhere"),
    ] {
        for base in [0, 5, 17, 40] {
            let mut f = out.get(base).cloned().unwrap_or_default();
            f.from = from.map(String::from);
            f.to = to.map(String::from);
            f.q = q.into();
            out.push(f);
        }
    }
    out
}

#[test]
fn fast_path_equals_the_reference() {
    let c = dev_corpus();
    assert!(c.timeline.len() > 10, "the dev corpus has meetings");
    let fs = filters(&c);
    assert!(fs.len() > 100, "{} filters", fs.len());
    let mut non_trivial = 0;
    for f in &fs {
        let want: Vec<usize> = (0..c.timeline.len())
            .filter(|&i| entry_matches(&c, &c.timeline[i], f))
            .collect();
        assert_eq!(c.entry_indexes(f), want, "entries for {f:?}");
        if !want.is_empty() && want.len() < c.timeline.len() {
            non_trivial += 1;
        }
        let want: Vec<usize> = (0..c.len())
            .filter(|&i| article_matches(&c, i, f))
            .collect();
        assert_eq!(c.visible_articles(f), want, "articles for {f:?}");
        for field in Field::ALL {
            // Reference: count the matching entries' values with the field set aside.
            let mut others = f.clone();
            others.field_mut(field).clear();
            let mut counts: Vec<(String, usize)> = Vec::new();
            for e in &c.timeline {
                if entry_matches(&c, e, &others) {
                    for v in entry_values(&c, e, field) {
                        let k = dossier::core::text::name_key(v);
                        match counts
                            .iter_mut()
                            .find(|(x, _)| dossier::core::text::name_key(x) == k)
                        {
                            Some(x) => x.1 += 1,
                            None => counts.push((v.to_string(), 1)),
                        }
                    }
                }
            }
            let got = facet(&c, f, field);
            for (v, n) in &counts {
                assert!(
                    got.iter().any(|(k, m)| dossier::core::text::name_key(k)
                        == dossier::core::text::name_key(v)
                        && m == n),
                    "{field:?} {v} {n} in {got:?} for {f:?}"
                );
            }
            assert!(got
                .iter()
                .all(|(k, m)| *m == 0 || counts.iter().any(|(v, _)| v == k)));
        }
    }
    assert!(
        non_trivial > 50,
        "{non_trivial} filters narrow the timeline"
    );
}

/// `top_values` (one pass, best k kept) picks and orders the values as `rank` then truncation:
/// on every facet of the dev corpus under each filter, and on made-up counts full of ties.
#[test]
fn top_values_equals_rank_then_truncate() {
    use dossier::core::filter::{filter_pass, rank, top_values};
    let check = |counts: &[u32], names: &[String], k: usize| {
        let mut all: Vec<(String, usize)> = (0..counts.len())
            .filter(|&i| counts[i] > 0)
            .map(|i| (names[i].clone(), counts[i] as usize))
            .collect();
        rank(&mut all);
        all.truncate(k);
        let got: Vec<(String, usize)> = top_values(counts, |id| names[id as usize].as_str(), k)
            .into_iter()
            .map(|id| (names[id as usize].clone(), counts[id as usize] as usize))
            .collect();
        assert_eq!(got, all, "k = {k}, counts = {counts:?}");
    };
    let c = dev_corpus();
    for f in filters(&c).iter().take(60) {
        let p = filter_pass(&c, f);
        let names: Vec<String> = (0..p.counts[0].len() as u32)
            .map(|id| c.facet_value(id).to_string())
            .collect();
        for counts in &p.counts {
            for k in [0, 1, 3, 40] {
                check(counts, &names, k);
            }
        }
    }
    // Made-up counts: many ties, zeros, names out of order.
    let names: Vec<String> = (0..300).map(|i| format!("v{}", (i * 37) % 300)).collect();
    for seed in 0..20u32 {
        let counts: Vec<u32> = (0..300u32)
            .map(|i| (i.wrapping_mul(2654435761).wrapping_add(seed * 97) >> 7) % 6)
            .collect();
        for k in [1, 5, 40, 299, 400] {
            check(&counts, &names, k);
        }
    }
}
