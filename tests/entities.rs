//! Entity recognition tests: snapshots per fixture, a dev-corpus score gate, random-input robustness and core purity.

use dossier::core;
use dossier::core::model::{Article, Entity, EntityKind};
use dossier::core::text::name_key;
use expect_test::{expect, expect_file, Expect};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn article(id: &str, lang: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        lang: Some(lang.into()),
        published: Some("2024-01-15".into()),
        ..Article::default()
    }
}

/// One line per entity: kind, canonical name, class/type, aliases, role, affiliation, mention count.
fn render(entities: &[Entity]) -> String {
    let mut out = String::new();
    for e in entities {
        let kind = match e.kind {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
        };
        let class = e
            .class
            .as_deref()
            .or(e.place_type.as_deref())
            .unwrap_or("-");
        out.push_str(&format!(
            "{kind} {} [{class}] aliases={:?} role={} aff={} mentions={}\n",
            e.name,
            e.aliases,
            e.role.as_deref().unwrap_or("-"),
            e.affiliation.as_deref().unwrap_or("-"),
            e.mentions.len()
        ));
    }
    out
}

fn check(lang: &str, text: &str, want: Expect) {
    let x = core::extract(&article("t", lang, text));
    want.assert_eq(&render(&x.entities));
}

#[test]
fn snapshot_seeds() {
    for (stem, snap) in [
        (
            "000_cfe1943a9ee40dbb",
            expect_file!["snapshots/seed_000.txt"],
        ),
        (
            "004_b9c81769e6d6b49c",
            expect_file!["snapshots/seed_004.txt"],
        ),
    ] {
        let path = shared().join("seeds").join(format!("{stem}.json"));
        let raw = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let a: Article = serde_json::from_str(&raw).expect("seed parses");
        let x = core::extract(&a);
        snap.assert_eq(&render(&x.entities));
    }
}

#[test]
fn snapshot_english() {
    check(
        "en",
        "WASHINGTON — US President Joe Biden met Indian Prime Minister Narendra Modi at the White House. \
         Mr. Modi later visited Boston Dynamics and spoke with CEO Robert Playter. Playter said the \
         Ministry of Commerce had approved the plan.",
        expect![[r#"
            place Washington [city] aliases=["WASHINGTON"] role=- aff=- mentions=1
            place United States [country] aliases=["US"] role=- aff=- mentions=1
            person Joe Biden [-] aliases=["Joe Biden"] role=President aff=United States mentions=1
            person Narendra Modi [-] aliases=["Narendra Modi", "Modi"] role=Prime Minister aff=India mentions=2
            place White House [venue] aliases=["White House"] role=- aff=- mentions=1
            org Boston Dynamics [company] aliases=["Boston Dynamics"] role=- aff=- mentions=1
            person Robert Playter [-] aliases=["Robert Playter", "Playter"] role=CEO aff=- mentions=2
            org Ministry of Commerce [government] aliases=["Ministry of Commerce"] role=- aff=- mentions=1
        "#]],
    );
}

#[test]
fn snapshot_french() {
    check(
        "fr",
        "Le Premier ministre Pham Minh Chinh a reçu Nick Clegg, président des affaires mondiales de Meta, \
         à Hanoi. Le Premier ministre a salué le groupe. M. Clegg s'est rendu au Centre d'innovation du Vietnam.\n\n\
         Photo : Duong Giang/VNA/CVN",
        expect![[r#"
            person Pham Minh Chinh [-] aliases=["Pham Minh Chinh"] role=Prime Minister aff=Vietnam mentions=2
            person Nick Clegg [-] aliases=["Nick Clegg", "Clegg"] role=President of Global Affairs aff=Meta mentions=2
            org Meta [company] aliases=["Meta"] role=- aff=- mentions=1
            place Hanoi [city] aliases=["Hanoi"] role=- aff=- mentions=1
            org Centre d'innovation du Vietnam [other] aliases=["Centre d'innovation du Vietnam"] role=- aff=- mentions=1
            place Vietnam [country] aliases=["Vietnam"] role=- aff=- mentions=1
            person Duong Giang [-] aliases=["Duong Giang"] role=- aff=- mentions=1
            org Vietnam News Agency [media] aliases=["VNA"] role=- aff=- mentions=1
            org Le Courrier du Vietnam [media] aliases=["CVN"] role=- aff=- mentions=1
        "#]],
    );
}

#[test]
fn snapshot_indonesian() {
    check(
        "id",
        "Presiden Prabowo Subianto menerima Ketua Nvidia Jensen Huang di Istana Merdeka. Menteri Komunikasi \
         dan Digital Meutya Hafid turut hadir. Kementerian Perindustrian menyambut rencana itu.\nKomentar (0)",
        expect![[r#"
            person Prabowo Subianto [-] aliases=["Prabowo Subianto"] role=President aff=Indonesia mentions=1
            org Nvidia [company] aliases=["Nvidia"] role=- aff=- mentions=1
            person Jensen Huang [-] aliases=["Jensen Huang"] role=Chairman aff=Nvidia mentions=1
            place Istana Merdeka [venue] aliases=["Istana Merdeka"] role=- aff=- mentions=1
            person Meutya Hafid [-] aliases=["Meutya Hafid"] role=Minister aff=Indonesia mentions=1
            org Ministry of Industry [government] aliases=["Kementerian Perindustrian"] role=- aff=- mentions=1
        "#]],
    );
}

#[test]
fn snapshot_vietnamese() {
    check(
        "vi",
        "Thủ tướng Phạm Minh Chính tiếp ông Jensen Huang, Chủ tịch Tập đoàn Nvidia, tại Hà Nội. Bộ trưởng Bộ \
         Kế hoạch và Đầu tư Nguyễn Chí Dũng cùng dự. Ông Huang cho biết Bộ Thông tin và Truyền thông ủng hộ.",
        expect![[r#"
            person Pham Minh Chinh [-] aliases=["Phạm Minh Chính"] role=Prime Minister aff=Vietnam mentions=1
            person Jensen Huang [-] aliases=["Jensen Huang", "Huang"] role=Chairman aff=Nvidia mentions=3
            org Nvidia [company] aliases=["Tập đoàn Nvidia"] role=- aff=- mentions=1
            place Hanoi [city] aliases=["Hà Nội"] role=- aff=- mentions=1
            person Nguyen Chi Dung [-] aliases=["Nguyễn Chí Dũng"] role=Minister aff=Vietnam mentions=1
            org Ministry of Information and Communications [government] aliases=["Bộ Thông tin và Truyền thông"] role=- aff=- mentions=1
        "#]],
    );
}

#[test]
fn snapshot_german() {
    check(
        "de",
        "MÜNCHEN – Bundeskanzler Friedrich Merz hat den Siemens-Chef Roland Busch im Kanzleramt empfangen. \
         Das Bundesministerium für Wirtschaft und Klimaschutz begrüßte die Investition in Sachsen. Merz sprach \
         von einem guten Tag.",
        expect![[r#"
            place Munich [city] aliases=["MÜNCHEN"] role=- aff=- mentions=1
            person Friedrich Merz [-] aliases=["Friedrich Merz", "Merz"] role=Federal Chancellor aff=Germany mentions=2
            org Siemens [company] aliases=["Siemens"] role=- aff=- mentions=1
            person Roland Busch [-] aliases=["Roland Busch"] role=CEO aff=Siemens mentions=1
            place Federal Chancellery [venue] aliases=["Kanzleramt"] role=- aff=- mentions=1
            org Ministry of Economic Affairs and Climate Action [government] aliases=["Bundesministerium für Wirtschaft und Klimaschutz"] role=- aff=- mentions=1
            place Saxony [region] aliases=["Sachsen"] role=- aff=- mentions=1
        "#]],
    );
}

#[test]
fn snapshot_spanish_italian_portuguese() {
    check(
        "es",
        "El presidente del Gobierno, Pedro Sánchez, recibió al consejero delegado de Telefónica, José María \
         Álvarez-Pallete, en el Palacio de la Moncloa. Sánchez viajará a Pekín.",
        expect![[r#"
            person Pedro Sanchez [-] aliases=["Pedro Sánchez", "Sánchez"] role=Prime Minister aff=Spain mentions=2
            org Telefonica [company] aliases=["Telefónica"] role=- aff=- mentions=1
            person Jose Maria Alvarez-Pallete [-] aliases=["José María Álvarez-Pallete"] role=CEO aff=Telefonica mentions=1
            place Moncloa Palace [venue] aliases=["Palacio de la Moncloa"] role=- aff=- mentions=1
            place Beijing [city] aliases=["Pekín"] role=- aff=- mentions=1
        "#]],
    );
    check(
        "it",
        "La presidente del Consiglio Giorgia Meloni ha incontrato a Palazzo Chigi l'amministratore delegato \
         di Microsoft, Satya Nadella. Nadella ha annunciato investimenti a Milano.",
        expect![[r#"
            person Giorgia Meloni [-] aliases=["Giorgia Meloni"] role=Prime Minister aff=Italy mentions=1
            place Palazzo Chigi [venue] aliases=["Palazzo Chigi"] role=- aff=- mentions=1
            org Microsoft [company] aliases=["Microsoft"] role=- aff=- mentions=1
            person Satya Nadella [-] aliases=["Satya Nadella", "Nadella"] role=CEO aff=Microsoft mentions=2
            place Milan [city] aliases=["Milano"] role=- aff=- mentions=1
        "#]],
    );
    check(
        "pt",
        "O presidente Luiz Inácio Lula da Silva recebeu o fundador da Amazon, Jeff Bezos, no Palácio do \
         Planalto. Lula disse que o Brasil quer investimentos.\nFoto: Ricardo Stuckert/PR",
        expect![[r#"
            person Luiz Inacio Lula da Silva [-] aliases=["Luiz Inácio Lula da Silva", "Lula"] role=President aff=Brazil mentions=2
            org Amazon [company] aliases=["Amazon"] role=- aff=- mentions=1
            person Jeff Bezos [-] aliases=["Jeff Bezos"] role=Founder aff=Amazon mentions=1
            place Planalto Palace [venue] aliases=["Palácio do Planalto"] role=- aff=- mentions=1
            place Brazil [country] aliases=["Brasil"] role=- aff=- mentions=1
            person Ricardo Stuckert [-] aliases=["Ricardo Stuckert"] role=- aff=- mentions=1
        "#]],
    );
}

/// Names compared the way score.py compares them: folded, punctuation-free, single-spaced.
fn names(name: &str, aliases: &[String]) -> HashSet<String> {
    let mut out: HashSet<String> = aliases.iter().map(|a| name_key(a)).collect();
    out.insert(name_key(name));
    out.remove("");
    out
}

fn toksets(name: &str, aliases: &[String]) -> HashSet<Vec<String>> {
    std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .map(|n| {
            let mut v: Vec<String> = name_key(n).split(' ').map(str::to_string).collect();
            v.sort();
            v.dedup();
            v
        })
        .collect()
}

struct GoldEnt {
    name: String,
    aliases: Vec<String>,
}

fn ent_match(p: &Entity, g: &GoldEnt, kind: EntityKind) -> bool {
    if !names(&p.name, &p.aliases).is_disjoint(&names(&g.name, &g.aliases)) {
        return true;
    }
    kind == EntityKind::Person
        && !toksets(&p.name, &p.aliases).is_disjoint(&toksets(&g.name, &g.aliases))
}

/// (tp, fp, fn) per kind, keyed by "lang/kind" and "all/kind".
fn score_dev() -> BTreeMap<String, [usize; 3]> {
    let dir = shared().join("corpus/dev");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the dev corpus must be at {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "dev corpus has {} files", files.len());
    let mut counts: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for f in files {
        let raw = std::fs::read_to_string(&f).expect("read gold");
        let v: serde_json::Value = serde_json::from_str(&raw).expect("gold parses");
        let a: Article = serde_json::from_value(v.clone()).expect("article");
        let lang = a.lang.clone().unwrap_or_default();
        let x = core::extract(&a);
        for (kind, key) in [
            (EntityKind::Person, "persons"),
            (EntityKind::Org, "orgs"),
            (EntityKind::Place, "places"),
        ] {
            let gold: Vec<GoldEnt> = v["gold"][key]
                .as_array()
                .map(|arr| {
                    arr.iter()
                        .map(|g| GoldEnt {
                            name: g["name"].as_str().unwrap_or("").to_string(),
                            aliases: g["aliases"]
                                .as_array()
                                .map(|a| {
                                    a.iter()
                                        .filter_map(|s| s.as_str().map(str::to_string))
                                        .collect()
                                })
                                .unwrap_or_default(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            let mut matched: HashSet<usize> = HashSet::new();
            let (mut tp, mut fp) = (0, 0);
            for p in x.entities.iter().filter(|e| e.kind == kind) {
                let hits: Vec<usize> = (0..gold.len())
                    .filter(|&i| ent_match(p, &gold[i], kind))
                    .collect();
                if hits.is_empty() {
                    fp += 1;
                } else if let Some(&new) = hits.iter().find(|i| !matched.contains(i)) {
                    matched.insert(new);
                    tp += 1;
                }
            }
            let fnn = gold.len() - matched.len();
            let kname = format!("{kind:?}").to_lowercase();
            for k in [
                format!("all/{kname}"),
                format!("{lang}/{kname}"),
                format!("{lang}/all"),
                "all/all".to_string(),
            ] {
                let c = counts.entry(k).or_default();
                c[0] += tp;
                c[1] += fp;
                c[2] += fnn;
            }
        }
    }
    counts
}

fn prf(c: [usize; 3]) -> (f64, f64, f64) {
    let [tp, fp, fnn] = c.map(|x| x as f64);
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fnn > 0.0 { tp / (tp + fnn) } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[test]
fn dev_corpus_entity_f1_gate() {
    let counts = score_dev();
    for (k, c) in &counts {
        let (p, r, f) = prf(*c);
        println!(
            "{k:14} P {p:.3} R {r:.3} F1 {f:.3}  (tp {} fp {} fn {})",
            c[0], c[1], c[2]
        );
    }
    let f = |k: &str| prf(counts.get(k).copied().unwrap_or_default()).2;
    assert!(f("all/all") >= 0.90, "entity F1 {:.3} < 0.90", f("all/all"));
    for kind in ["person", "org", "place"] {
        let v = f(&format!("all/{kind}"));
        assert!(v >= 0.85, "{kind} F1 {v:.3} < 0.85");
    }
}

/// A small xorshift generator: no dependency, reproducible.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "Thủ tướng ",
    "Phạm Minh Chính",
    "ông ",
    "Bộ ",
    "Kế hoạch và Đầu tư ",
    "Perdana Menteri ",
    "Kementerian ",
    "M. ",
    "Mme ",
    "Herr ",
    "Sr. ",
    "le Premier ministre ",
    "Ketua ",
    "Nvidia ",
    "Meta",
    "(",
    ")",
    ", ",
    ". ",
    "\n",
    ">> ",
    "Photo : ",
    "/",
    "Komentar (0)",
    "Vietnam.vn",
    "États-Unis",
    "Hà Nội",
    "EE. UU.",
    "C.C. ",
    "Intel-Chef ",
    "l'Élysée",
    "Sachsens ",
    "US$",
    "AS ",
    "NEW YORK – ",
    "Modi's ",
    "Tập đoàn ",
    "e\u{301}",
    "\u{1F600}",
    "ß",
    "İ",
    "ǅ",
    "’s",
    "-",
    "–",
    "Ä",
    "x",
    " ",
    "\u{a0}",
    "\t",
    "'",
    "Centre d'",
    "de ",
    "Ministry of ",
    "Foto: ",
    "(Ảnh: TTXVN)",
    "Bundesministerium für ",
    "Jr.",
    "A",
    "Ü",
    "ĳ",
    "\u{200b}",
    "1,5 ",
    "2024",
];

#[test]
fn random_input_never_panics_and_spans_are_sound() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let langs = ["en", "fr", "id", "vi", "de", "es", "it", "pt"];
    for round in 0..600 {
        let mut text = String::new();
        let len = 1 + rng.below(40);
        for _ in 0..len {
            if rng.below(4) == 0 {
                // An arbitrary code point.
                let cp = rng.below(0x2FFFF) as u32;
                if let Some(c) = char::from_u32(cp) {
                    text.push(c);
                }
            } else {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        let lang = langs[round % langs.len()];
        let x = core::extract(&article("r", lang, &text));
        for e in &x.entities {
            assert!(!e.aliases.is_empty(), "{text:?}");
            for a in &e.aliases {
                assert!(text.contains(a.as_str()), "alias {a:?} not in {text:?}");
            }
            let mut prev = 0;
            for m in &e.mentions {
                assert!(m.start < m.end && m.end <= text.len(), "{m:?} in {text:?}");
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                assert!(m.start >= prev, "mentions sorted");
                prev = m.start;
            }
        }
        for n in core::noise::noise_lines(&text) {
            assert!(
                text.is_char_boundary(n.start)
                    && text.is_char_boundary(n.end)
                    && n.end <= text.len()
            );
        }
    }
}

#[test]
fn core_is_pure() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let banned = [
        "leptos",
        "web_sys",
        "web-sys",
        "wasm_bindgen",
        "gloo",
        "js_sys",
        "std::fs",
        "std::net",
    ];
    let mut stack = vec![dir];
    let mut seen = 0;
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read src/core") {
            let p = entry.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                seen += 1;
                let src = std::fs::read_to_string(&p).expect("read source");
                for b in banned {
                    assert!(!src.contains(b), "{} mentions {b}", p.display());
                }
                assert!(
                    src.starts_with("//!"),
                    "{} must open with a //! line",
                    p.display()
                );
            }
        }
    }
    assert!(seen >= 5, "found only {seen} core files");
}

/// (lang, text, names that must be found, names that must not be found).
const NAME_CASES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "es",
        "El Ministerio de Industria, Comercio y Turismo publicó los datos el lunes.",
        &["Ministry of Industry, Trade and Tourism"],
        &["Ministry of Industria", "Comercio", "Turismo"],
    ),
    (
        "pt",
        "Segundo o Ministério do Desenvolvimento, Indústria, Comércio e Serviços, o investimento cresceu.",
        &["Ministry of Development, Industry, Trade and Services"],
        &["Indústria", "Serviços"],
    ),
    (
        "en",
        "A spokesperson for the Department for Science, Innovation and Technology said talks went well.",
        &["Department for Science, Innovation and Technology"],
        &["Innovation", "Department for Science"],
    ),
    (
        "it",
        "Il piano è stato presentato al ministero dello Sviluppo economico a Roma.",
        &["Ministry of Economic Development"],
        &[],
    ),
    (
        "id",
        "Kementerian Luar Negeri, Kementerian Keuangan dan Kementerian Perdagangan ikut hadir.",
        &["Ministry of Foreign Affairs", "Ministry of Finance", "Ministry of Trade"],
        &[],
    ),
    (
        "id",
        "Presiden Joko Widodo menerima investor di Jakarta.\n>> Baca juga: Luhut: Tesla Tertarik Bangun Pabrik Baterai\nIa berbicara soal nikel.",
        &["Joko Widodo", "Tesla"],
        &["Tertarik Bangun Pabrik Baterai"],
    ),
    (
        "en",
        "Donald Trump spoke first. Melania Trump and Ivanka Trump attended the dinner.",
        &["Donald Trump", "Melania Trump", "Ivanka Trump"],
        &[],
    ),
    (
        "it",
        "Xi ha incontrato il presidente della Camera, Roberto Fico, a Roma.",
        &["Roberto Fico"],
        &["Robert Fico", "Roberto"],
    ),
    (
        "pt",
        "Acompanharam o presidente a ministra Tereza Cristina e o chanceler Carlos França.",
        &["Carlos Franca"],
        &["France"],
    ),
    (
        "vi",
        "Chủ tịch nước đã hội đàm với ông Tập Cận Bình. Ông Tập cho biết Trung Quốc sẵn sàng hợp tác.",
        &["Xi Jinping"],
        &["TAP Air Portugal"],
    ),
    (
        "es",
        "El presidente recibió al empresario en el Palacio.\nFoto: Pool Moncloa / Cuartoscuro\nLa reunión duró una hora.",
        &["Cuartoscuro"],
        &["Pool Moncloa"],
    ),
    (
        "en",
        "Modi met Biden at the White House.\n\n(Reporting by Reuters staff; editing by Jane Doe)",
        &["Reuters"],
        &["Reuters staff"],
    ),
    (
        "en",
        "Samsung Electronics and SK hynix are building chip plants in the United States.",
        &["SK hynix", "Samsung Electronics"],
        &[],
    ),
    (
        "vi",
        "Tân Hoa xã dẫn lời ông Tập cho biết Trung Quốc sẵn sàng hợp tác.",
        &["Xinhua"],
        &[],
    ),
    (
        "de",
        "Umweltverbände wie die Grüne Liga und der Naturschutzbund kritisieren den Wasserverbrauch.",
        &["Grune Liga", "Nature and Biodiversity Conservation Union"],
        &["Alliance 90/The Greens"],
    ),
    (
        "de",
        "Am Montag besuchte er in Shanghai die Tongji-Universität und diskutierte mit Studierenden.",
        &["Tongji-Universität"],
        &[],
    ),
    (
        "es",
        "La Universidad de Salamanca firmaron con la Fundación Telefónica un acuerdo.",
        &["Universidad de Salamanca", "Fundación Telefónica"],
        &["Universidad de Salamanca firmaron con la Fundación Telefónica"],
    ),
    (
        "it",
        "L'Università di Padova e la Fondazione Cariplo hanno firmato un accordo.",
        &["Università di Padova", "Fondazione Cariplo"],
        &["L'Università", "Università di Padova e la Fondazione Cariplo"],
    ),
    (
        "de",
        "Das Landesamt für Umwelt hatte die Genehmigung erteilt. Das Bundesinstitut für Risikobewertung warnte.",
        &["Landesamt für Umwelt", "Bundesinstitut für Risikobewertung"],
        &[],
    ),
    (
        "es",
        "Milei viajó acompañado por su hermana y secretaria general de la Presidencia, Karina Milei.",
        &[],
        &["Presidencia"],
    ),
    (
        "it",
        "Xi ha incontrato il presidente della Camera, Roberto Fico, a Roma.",
        &["Roberto Fico"],
        &["Camera"],
    ),
    (
        "pt",
        "Segundo o Itamaraty, a China é o maior parceiro comercial do Brasil.",
        &["Brazilian Ministry of Foreign Affairs"],
        &["Itamaraty Palace"],
    ),
    (
        "id",
        "Sekretariat Kabinet menyampaikan bahwa rapat digelar di Jakarta.",
        &["Sekretariat Kabinet"],
        &[],
    ),
    // Credit lines: every "cue: name" piece is read, a one-word name after a writer's cue is a
    // person, an agency in capitals before a credit word is an organisation.
    (
        "id",
        "Presiden menerima Tim Cook di Jakarta.\n\nFoto: ANTARA FOTO/Hafidz Mubarak A\n\nPenulis: Ihsanuddin | Editor: Sabrina Asril",
        &["ANTARA", "Hafidz Mubarak A", "Ihsanuddin", "Sabrina Asril"],
        &["FOTO", "Penulis", "Editor", "Foto"],
    ),
    (
        "es",
        "Sánchez recibió a Xi en Madrid.\n\nFoto: Presidencia de la República / Borja Puig de la Bellacasa",
        &["Presidencia de la República", "Borja Puig de la Bellacasa"],
        &[],
    ),
    (
        "fr",
        "Le ministre a reçu Jensen Huang à Paris.\n\nPhoto : Jean Dupont / AFP",
        &["Jean Dupont", "Agence France-Presse"],
        &["Photo"],
    ),
    // Set phrases written like names, quoted slogans, a country's long local name.
    (
        "id",
        "Presiden meminta Apple membangun pabrik di Tanah Air. Ia bertemu Presiden Republik Rakyat Tiongkok (RRT) Xi Jinping di Beijing.",
        &["China", "Xi Jinping", "Apple", "Beijing"],
        &["Tanah Air", "Republik Rakyat"],
    ),
    (
        "it",
        "Dopo l'uscita dell'Italia dalla Via della Seta, Giorgia Meloni ha incontrato Xi Jinping a Pechino.",
        &["Italy", "Giorgia Meloni", "Xi Jinping", "Beijing"],
        &["Via della Seta"],
    ),
    (
        "en",
        "Prime Minister Narendra Modi and President Joe Biden hosted a \"Hi-Tech Handshake\" with executives at the White House.",
        &["Narendra Modi", "Joe Biden", "White House"],
        &["Hi-Tech Handshake"],
    ),
    // Vietnamese: an occupation before a name, a landmark after a lowercase common noun
    // ("hồ", "trụ sở"), a nationality after "doanh nghiệp", a credit whose words are also
    // function words once diacritics are dropped ("Thống Nhất" / "thông nhật").
    (
        "vi",
        "Ông Cook uống cà phê cùng ca sĩ Mỹ Linh gần hồ Hoàn Kiếm và mời các doanh nghiệp Việt tham gia. Tại trụ sở Trung ương Đảng, Tổng Bí thư Tô Lâm tiếp ông Jensen Huang.\n\nẢnh: Thống Nhất/TTXVN",
        &["My Linh", "Hoan Kiem Lake", "Party Central Committee Headquarters", "To Lam", "Jensen Huang", "Thong Nhat", "Vietnam News Agency"],
        &["Mỹ Linh", "Việt", "Trụ", "Hoan Kiem"],
    ),
    // German: titles with a case ending, names listed beside a person, a name before its party.
    (
        "de",
        "Begleitet wurde er von den Bundesministern Steffi Lemke, Cem Özdemir und Volker Wissing. Musk hatte den damaligen Unions-Kanzlerkandidaten Armin Laschet (CDU) geführt und traf den Ministerpräsidenten Dietmar Woidke.",
        &["Steffi Lemke", "Cem Ozdemir", "Volker Wissing", "Armin Laschet", "Dietmar Woidke"],
        &["Unions-Kanzlerkandidaten Armin Laschet", "Bundesministern Steffi Lemke"],
    ),
    (
        "de",
        "Die Deutsche Bahn, Volkswagen und Siemens Energy investieren in Brandenburg.",
        &["Brandenburg"],
        &["Deutsche Bahn Volkswagen"],
    ),
    // An airport named after a person, with its acronym; an acronym that spells the lowercase
    // phrase before it is no organisation.
    (
        "es",
        "Biden llegó al Aeropuerto Internacional Felipe Ángeles (AIFA). El Gobierno creó un régimen de incentivos para grandes inversiones (RIGI).",
        &["Aeropuerto Internacional Felipe Ángeles"],
        &["Felipe Angeles", "AIFA", "RIGI", "Aeropuerto Internacional"],
    ),
    (
        "id",
        "Presiden tiba di Bandara Internasional Soekarno-Hatta pada Senin.",
        &["Soekarno-Hatta International Airport"],
        &["Bandara Internasional Soekarno-Hatta"],
    ),
    // Events and products are not organisations or persons; an office is a body.
    (
        "fr",
        "Au salon VivaTech, Jensen Huang a présenté la puce Grace Blackwell avant la conférence GTC.",
        &["Jensen Huang"],
        &["VivaTech", "Grace Blackwell", "GTC"],
    ),
    (
        "es",
        "Según informó la Oficina del Presidente, Javier Milei recibió a los directivos en Buenos Aires.",
        &["Oficina del Presidente", "Javier Milei", "Buenos Aires"],
        &[],
    ),
    // Malay honorifics and company suffixes, a currency amount, an acronym opening a titled run,
    // a known person's name inside a longer one, capitalised common words.
    (
        "en",
        "Selangor Menteri Besar Datuk Seri Amirudin Shari said Sime Darby Property Bhd will build the park. Google will invest US$2 billion (RM9.4 billion).",
        &["Amirudin Shari", "Sime Darby Property Bhd", "Google"],
        &["RM9", "Datuk Seri", "Besar Datuk Seri Amirudin Shari"],
    ),
    (
        "id",
        "Hadir pula Direktur Utama BPXN Toto Nugroho dalam acara itu.",
        &["BPXN", "Toto Nugroho"],
        &["BPXN Toto Nugroho"],
    ),
    (
        "pt",
        "Para António Costa Silva, ministro da Economia, o investimento confirma o potencial da região. O projeto tem Potencial Interesse Nacional e ajuda o desenvolvimento econômico e o interesse nacional.",
        &["Antonio Costa Silva"],
        &["Antonio Costa", "Potencial Interesse Nacional"],
    ),
    // A company and a country is a subsidiary; a name the text also shows as a place is the
    // place; Indonesian "di" is "in".
    (
        "pt",
        "A Toyota do Brasil e a Microsoft Indonesia anunciaram investimentos no Brasil.",
        &["Toyota do Brasil", "Microsoft Indonesia", "Brazil"],
        &["Toyota"],
    ),
    (
        "it",
        "La società costruirà a Novara il suo stabilimento. Erano presenti il sindaco di Novara, Alessandro Canelli, e altri.",
        &["Novara", "Alessandro Canelli"],
        &[],
    ),
    (
        "id",
        "Grab di Indonesia menambah investasi.",
        &["Grab", "Indonesia"],
        &["Grab di Indonesia"],
    ),
    // Vietnamese bodies and sites named by a head phrase, up to a person's name.
    (
        "vi",
        "Chủ tịch UBND thành phố Hải Phòng Nguyễn Văn Tùng đã tiếp đoàn. Đại diện Sở Kế hoạch và Đầu tư Hải Phòng và Trường Đại học Hàng hải Việt Nam cùng dự. Nhà máy đặt tại Khu công nghiệp Yên Phong II-C, tỉnh Bắc Ninh.",
        &["Hai Phong People's Committee", "Nguyen Van Tung", "Sở Kế hoạch và Đầu tư Hải Phòng", "Trường Đại học Hàng hải Việt Nam", "Khu công nghiệp Yên Phong II-C", "Bac Ninh"],
        &["Trường Đại", "Sở Kế", "UBND", "Khu"],
    ),
    (
        "vi",
        "Đoàn đã làm việc tại Sở Kế hoạch và Đầu tư thành phố.",
        &["Sở Kế hoạch và Đầu tư"],
        &["Sở Kế hoạch và Đầu"],
    ),
    // A known company, more words and a suffix: another company of the group. A town and an
    // unknown word is no company.
    (
        "en",
        "The park is developed by Sime Darby Property Bhd, the ministry said.",
        &["Sime Darby Property Bhd"],
        &["Sime Darby", "Property Bhd"],
    ),
    (
        "id",
        "Acara itu dipandu oleh Sanya Dinda dari Jakarta.",
        &["Jakarta"],
        &["Sanya Dinda", "Sanya"],
    ),
];

#[test]
fn names_found_and_not_found() {
    for (lang, text, want, not) in NAME_CASES {
        let x = core::extract(&article("t", lang, text));
        let got: Vec<&str> = x.entities.iter().map(|e| e.name.as_str()).collect();
        for w in *want {
            assert!(got.contains(w), "{lang}: {w:?} missing in {got:?} ({text})");
        }
        for w in *not {
            assert!(
                !got.contains(w),
                "{lang}: {w:?} wrongly in {got:?} ({text})"
            );
        }
    }
}

/// A name the text shows as a place ("en Sagunto", "em Indaiatuba") is that place everywhere in
/// the text, not also an unknown organisation found by a weaker cue ("el alcalde de Sagunto").
#[test]
fn a_place_is_not_also_an_unknown_org() {
    for (lang, text, name) in [
        (
            "es",
            "La empresa levantará en Sagunto su planta. Asistieron el alcalde de Sagunto, Darío Moreno, y otros.",
            "Sagunto",
        ),
        (
            "pt",
            "Os recursos serão aplicados nas unidades de Sorocaba, Porto Feliz e Indaiatuba. Em Indaiatuba a fábrica cresce.",
            "Indaiatuba",
        ),
    ] {
        let x = core::extract(&article("t", lang, text));
        let same: Vec<&Entity> = x.entities.iter().filter(|e| e.name == name).collect();
        assert_eq!(same.len(), 1, "{name}: {same:?}");
        assert_eq!(same[0].kind, EntityKind::Place, "{name}: {same:?}");
        assert!(same[0].mentions.len() >= 2, "{name}: {same:?}");
    }
}
