//! Shared by the dev-set tests: loads `../shared/corpus/dev` and scores extractions the way `tools/score.py` does.
#![allow(dead_code)]

use dossier::core::model::{Article, Entity, EntityKind, EventStatus, Extraction};
use dossier::core::text::name_key;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

/// The gold-annotated development corpus beside the repository (CI clones it there).
pub fn dev_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev"))
}

/// A dev article with its gold annotation.
pub struct GoldArticle {
    pub article: Article,
    pub gold: Value,
}

/// Hold-out articles written for this project (never used to tune rules), with gold, inside the repository.
pub fn holdout_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/holdout"
    ))
}

/// Every dev article, sorted by file name. Panics with a clear message when the folder is missing.
pub fn load_dev() -> Vec<GoldArticle> {
    load_gold_dir(&dev_dir())
}

/// Every gold-annotated article of `dir`, sorted by file name.
pub fn load_gold_dir(dir: &std::path::Path) -> Vec<GoldArticle> {
    let dir = dir.to_path_buf();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the dev corpus is expected at {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).expect("read dev file");
            let gold: Value = serde_json::from_slice(&bytes).expect("dev file is JSON");
            let article = dossier::core::parse::parse_file(&f.to_string_lossy(), &bytes)
                .expect("dev file is an article")
                .remove(0);
            GoldArticle {
                article,
                gold: gold["gold"].clone(),
            }
        })
        .collect()
}

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores by measure ("person", "org", "place", "entity", "meeting", "topic").
pub type Scores = BTreeMap<&'static str, Counts>;

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

fn gold_names(g: &Value) -> HashSet<String> {
    let mut s: HashSet<String> = strs(&g["aliases"]).iter().map(|a| name_key(a)).collect();
    s.insert(name_key(g["name"].as_str().unwrap_or("")));
    s.remove("");
    s
}

fn pred_names(e: &Entity) -> HashSet<String> {
    let mut s: HashSet<String> = e.aliases.iter().map(|a| name_key(a)).collect();
    s.insert(name_key(&e.name));
    s.remove("");
    s
}

fn token_set(s: &str) -> Vec<String> {
    let mut v: Vec<String> = name_key(s)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect();
    v.sort();
    v.dedup();
    v
}

fn entity_match(p: &Entity, g: &Value, kind: EntityKind) -> bool {
    if !pred_names(p).is_disjoint(&gold_names(g)) {
        return true;
    }
    if kind == EntityKind::Person {
        let pt: Vec<Vec<String>> = std::iter::once(p.name.clone())
            .chain(p.aliases.iter().cloned())
            .map(|x| token_set(&x))
            .collect();
        let gt: Vec<Vec<String>> = std::iter::once(g["name"].as_str().unwrap_or("").to_string())
            .chain(strs(&g["aliases"]))
            .map(|x| token_set(&x))
            .collect();
        return pt.iter().any(|a| gt.contains(a));
    }
    false
}

fn date_ok(pred: Option<&str>, gold: Option<&str>) -> bool {
    match (pred, gold) {
        (Some(p), Some(g)) if !p.is_empty() && !g.is_empty() => {
            p == g || (g.len() < p.len() && p.starts_with(g))
        }
        _ => false,
    }
}

/// Score one extraction against its gold annotation, exactly as `tools/score.py` does.
pub fn score_article(x: &Extraction, gold: &Value) -> Scores {
    let mut out = Scores::new();
    for (kind, key, label) in [
        (EntityKind::Person, "persons", "person"),
        (EntityKind::Org, "orgs", "org"),
        (EntityKind::Place, "places", "place"),
    ] {
        let gl: Vec<&Value> = gold[key]
            .as_array()
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        let mut matched: HashSet<usize> = HashSet::new();
        let mut c = Counts::default();
        for pe in x.entities.iter().filter(|e| e.kind == kind) {
            let hits: Vec<usize> = (0..gl.len())
                .filter(|&i| entity_match(pe, gl[i], kind))
                .collect();
            if hits.is_empty() {
                c.fp += 1;
            } else if let Some(&i) = hits.iter().find(|i| !matched.contains(i)) {
                matched.insert(i);
                c.tp += 1;
            }
        }
        c.fn_ = gl.len() - matched.len();
        out.entry(label).or_default().add(c);
        out.entry("entity").or_default().add(c);
    }
    // Meetings: only predicted events that happened count.
    let mut alias_of: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for e in &x.entities {
        alias_of
            .entry(name_key(&e.name))
            .or_default()
            .extend(pred_names(e));
    }
    let gold_ents: Vec<&Value> = ["persons", "orgs"]
        .iter()
        .flat_map(|k| gold[*k].as_array().into_iter().flatten())
        .collect();
    let part_match = |pname: &str, gname: &str| {
        let mut pn = alias_of.get(&name_key(pname)).cloned().unwrap_or_default();
        pn.insert(name_key(pname));
        let ge = gold_ents
            .iter()
            .find(|g| name_key(g["name"].as_str().unwrap_or("")) == name_key(gname));
        let gnames = match ge {
            Some(g) => gold_names(g),
            None => [name_key(gname)].into_iter().collect(),
        };
        !pn.is_disjoint(&gnames) || pn.iter().any(|p| token_set(p) == token_set(gname))
    };
    let gm: Vec<&Value> = gold["meetings"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let pm: Vec<_> = x
        .events
        .iter()
        .filter(|e| e.kind == "meeting" && e.status == EventStatus::Happened)
        .collect();
    let mut used: HashSet<usize> = HashSet::new();
    let mut tp = 0;
    for pe in &pm {
        for (i, ge) in gm.iter().enumerate() {
            if used.contains(&i) || !date_ok(pe.date.as_deref(), ge["date"].as_str()) {
                continue;
            }
            let gp = strs(&ge["participants"]);
            let hit = gp
                .iter()
                .filter(|g| pe.participants.iter().any(|p| part_match(p, g)))
                .count();
            if hit >= 1 && hit * 2 >= gp.len() {
                used.insert(i);
                tp += 1;
                break;
            }
        }
    }
    out.insert(
        "meeting",
        Counts {
            tp,
            fp: pm.len() - tp,
            fn_: gm.len() - used.len(),
        },
    );
    let gt: HashSet<String> = strs(&gold["topics"])
        .into_iter()
        .filter(|t| !t.starts_with("other"))
        .collect();
    let pt: HashSet<String> = x.topics.iter().cloned().collect();
    out.insert(
        "topic",
        Counts {
            tp: gt.intersection(&pt).count(),
            fp: pt.difference(&gt).count(),
            fn_: gt.difference(&pt).count(),
        },
    );
    out
}

/// Extract and score the whole dev set: overall scores and scores per language.
pub fn score_dev() -> (Scores, BTreeMap<String, Scores>) {
    score_set(&load_dev())
}

/// Extract and score gold articles: overall scores and scores per language.
pub fn score_set(dev: &[GoldArticle]) -> (Scores, BTreeMap<String, Scores>) {
    let mut total = Scores::new();
    let mut by_lang: BTreeMap<String, Scores> = BTreeMap::new();
    for g in dev {
        let x = dossier::core::extract(&g.article);
        let s = score_article(&x, &g.gold);
        let lang = g.article.lang.clone().unwrap_or_default();
        for (k, c) in s {
            total.entry(k).or_default().add(c);
            by_lang
                .entry(lang.clone())
                .or_default()
                .entry(k)
                .or_default()
                .add(c);
        }
    }
    (total, by_lang)
}

/// A table of P/R/F1 for the given measures, overall and per language.
pub fn report(total: &Scores, by_lang: &BTreeMap<String, Scores>, measures: &[&str]) -> String {
    let mut s = String::new();
    let line = |s: &mut String, label: &str, sc: &Scores| {
        s.push_str(&format!("{label:<6}"));
        for m in measures {
            let c = sc.get(m).copied().unwrap_or_default();
            s.push_str(&format!(
                "  {m} P {:.3} R {:.3} F1 {:.3}",
                c.precision(),
                c.recall(),
                c.f1()
            ));
        }
        s.push('\n');
    };
    line(&mut s, "all", total);
    for (lang, sc) in by_lang {
        line(&mut s, lang, sc);
    }
    s
}

/// Score a gold set of 24 articles (3 per language), print the table, and hold it to minimum F1 bars
/// for entities, meetings and topics. `name` labels the messages ("hold-out", "blind").
pub fn assert_set_scores(dir: &std::path::Path, name: &str, entity: f64, meeting: f64, topic: f64) {
    let set = load_gold_dir(dir);
    assert_eq!(
        set.len(),
        24,
        "the {name} set has 3 articles in each of 8 languages"
    );
    let (total, by_lang) = score_set(&set);
    println!(
        "{}",
        report(
            &total,
            &by_lang,
            &["person", "org", "place", "entity", "meeting", "topic"]
        )
    );
    let f1 = |m: &str| total.get(m).copied().unwrap_or_default().f1();
    for (measure, bar) in [("entity", entity), ("meeting", meeting), ("topic", topic)] {
        assert!(
            f1(measure) >= bar,
            "{name} {measure} F1 {:.3} < {bar:.2}",
            f1(measure)
        );
    }
}
