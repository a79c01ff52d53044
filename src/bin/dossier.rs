//! The native command line: `extract` prints the extraction JSON of articles, `bundle` precomputes a sharded corpus for the page, `gen-corpus` makes benchmark corpora.

use dossier::core;
use dossier::core::model::{Article, ExtractOutput, Extraction};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage:
  dossier extract PATH...
      print the extraction JSON (PATH: a .json/.jsonl/.txt/.md/.html file, a folder of them, or - for standard input)
  dossier bundle OUT_DIR PATH... [--shard-size N] [--threads T]
      extract with every core and write OUT_DIR/corpus-index.json and OUT_DIR/shard-NNNN.json
  dossier gen-corpus N OUT.jsonl [--seed S] [DIR]
      write N benchmark articles made from the articles in DIR (default: the dev corpus)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") if args.len() > 1 => match read_all(&args[1..]) {
            Ok(articles) => {
                let out = ExtractOutput {
                    articles: core::extract_all(&articles),
                };
                match serde_json::to_string_pretty(&out) {
                    Ok(json) => {
                        println!("{json}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(&format!("cannot write JSON: {e}")),
                }
            }
            Err(message) => fail(&message),
        },
        Some("bundle") if args.len() > 2 => match bundle(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => fail(&message),
        },
        Some("gen-corpus") if args.len() > 2 => match gen_corpus(&args[1..]) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => fail(&message),
        },
        Some("-h") | Some("--help") | Some("help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => fail(USAGE),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("dossier: {message}");
    ExitCode::from(1)
}

/// Read every article named by `paths`, in order; the first bad file stops with a message naming it.
fn read_all(paths: &[String]) -> Result<Vec<Article>, String> {
    let mut articles = Vec::new();
    for p in paths {
        if p == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("standard input: {e}"))?;
            // Standard input is JSON when it looks like JSON, else one plain-text article.
            let trimmed = bytes.iter().find(|b| !b.is_ascii_whitespace());
            let name = match trimmed {
                Some(b'{')
                    if bytes.iter().filter(|&&b| b == b'\n').count() > 1
                        && looks_like_jsonl(&bytes) =>
                {
                    "stdin.jsonl"
                }
                Some(b'{') | Some(b'[') => "stdin.json",
                Some(b'<') => "stdin.html",
                _ => "stdin.txt",
            };
            articles.extend(
                core::parse::parse_file_with_limit(name, &bytes, usize::MAX)
                    .map_err(|e| format!("standard input: {e}"))?,
            );
            continue;
        }
        let path = Path::new(p);
        let files = if path.is_dir() {
            folder_files(path)?
        } else {
            vec![path.to_path_buf()]
        };
        for f in files {
            let bytes = std::fs::read(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            let name = f.to_string_lossy();
            articles.extend(
                core::parse::parse_file_with_limit(&name, &bytes, usize::MAX)
                    .map_err(|e| format!("{}: {e}", f.display()))?,
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    for a in &articles {
        if !seen.insert(a.id.as_str()) {
            return Err(format!("duplicate article id `{}`", a.id));
        }
    }
    Ok(articles)
}

fn looks_like_jsonl(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    lines
        .next()
        .is_some_and(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
}

/// The article files of a folder, sorted by name.
fn folder_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let ext = core::parse::extension(&path.to_string_lossy());
        if path.is_file()
            && matches!(
                ext.as_str(),
                "json" | "jsonl" | "txt" | "md" | "html" | "htm"
            )
        {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// `--name value` options, in order.
type Options = Vec<(String, String)>;

/// Split `args` into positional arguments and `--name value` options.
fn options(args: &[String], known: &[&str]) -> Result<(Vec<String>, Options), String> {
    let mut pos = Vec::new();
    let mut opts = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(name) = a.strip_prefix("--") {
            if !known.contains(&name) {
                return Err(format!("unknown option `{a}`\n{USAGE}"));
            }
            let v = it
                .next()
                .ok_or_else(|| format!("option `{a}` needs a value"))?;
            opts.push((name.to_string(), v.clone()));
        } else {
            pos.push(a.clone());
        }
    }
    Ok((pos, opts))
}

fn number_option(opts: &[(String, String)], name: &str) -> Result<Option<u64>, String> {
    match opts.iter().rev().find(|(n, _)| n == name) {
        None => Ok(None),
        Some((_, v)) => v
            .parse::<u64>()
            .map(Some)
            .map_err(|_| format!("`--{name}` must be a whole number, not `{v}`")),
    }
}

/// Extract `articles` with `threads` threads (scoped, pulling small chunks from a shared
/// counter so slow articles do not leave a core idle). Same result, same order as `extract_all`.
fn extract_parallel(articles: &[Article], threads: usize) -> Vec<Extraction> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    const CHUNK: usize = 8;
    let threads = threads.clamp(1, articles.len().div_ceil(CHUNK).max(1));
    if threads == 1 {
        return core::extract_all(articles);
    }
    let next = AtomicUsize::new(0);
    let mut parts: Vec<(usize, Vec<Extraction>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        if start >= articles.len() {
                            break;
                        }
                        let end = (start + CHUNK).min(articles.len());
                        mine.push((start, core::extract_all(&articles[start..end])));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    parts.sort_by_key(|(start, _)| *start);
    parts.into_iter().flat_map(|(_, xs)| xs).collect()
}

fn bundle(args: &[String]) -> Result<(), String> {
    let (pos, opts) = options(args, &["shard-size", "threads"])?;
    let [out, paths @ ..] = pos.as_slice() else {
        return Err(USAGE.into());
    };
    if paths.is_empty() {
        return Err(USAGE.into());
    }
    let shard_size =
        number_option(&opts, "shard-size")?.map_or(core::shard::DEFAULT_SHARD_SIZE, |n| n as usize);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = number_option(&opts, "threads")?.map_or(cores, |n| n as usize);
    let t0 = Instant::now();
    let articles = read_all(paths)?;
    let t1 = Instant::now();
    let extractions = extract_parallel(&articles, threads);
    let t2 = Instant::now();
    let (index, files) = core::shard::make_bundle(&articles, &extractions, shard_size)?;
    let out = Path::new(out);
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    // Shards of an earlier, larger bundle would be left behind: remove them first.
    if let Ok(entries) = std::fs::read_dir(out) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            let is_shard = name.len() == "shard-0000.json".len()
                && name.starts_with("shard-")
                && name.ends_with(".json")
                && name[6..10].bytes().all(|b| b.is_ascii_digit());
            if is_shard && !files.iter().any(|(f, _)| *f == name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    let mut bytes = 0;
    for (name, json) in &files {
        let p = out.join(name);
        std::fs::write(&p, json).map_err(|e| format!("{}: {e}", p.display()))?;
        bytes += json.len();
    }
    let p = out.join(core::shard::INDEX_FILE);
    std::fs::write(&p, core::shard::index_json(&index))
        .map_err(|e| format!("{}: {e}", p.display()))?;
    let t3 = Instant::now();
    let secs = (t2 - t1).as_secs_f64();
    eprintln!(
        "bundled {} articles ({} events) into {} shards, {:.1} MB, hash {}\n  read {:.2} s, extract {:.2} s on {} threads ({:.0} articles/s), write {:.2} s",
        index.articles,
        index.events,
        index.shards.len(),
        bytes as f64 / 1e6,
        index.hash,
        (t1 - t0).as_secs_f64(),
        secs,
        threads,
        articles.len() as f64 / secs.max(1e-9),
        (t3 - t2).as_secs_f64()
    );
    Ok(())
}

// ---------------------------------------------------------------- gen-corpus

/// SplitMix64: a tiny deterministic generator, so that a seed always gives the same corpus.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xa076_1d64_78bd_642f));
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const GIVEN: &[&str] = &[
    "Amira", "Bao", "Camille", "Dario", "Elif", "Farid", "Greta", "Hiroshi", "Ines", "Jonas",
    "Kaveh", "Lucia", "Mateus", "Nadia", "Oskar", "Priya", "Quentin", "Rania", "Soren", "Thuy",
    "Ugo", "Valeria", "Wibowo", "Xavier", "Yasmin", "Zoltan", "Adel", "Birgit", "Cyril", "Dewi",
    "Emeka", "Fabiola", "Gunnar", "Hana", "Ilario", "Joana", "Kenji", "Lina", "Marek", "Noor",
    "Olga", "Paulo", "Rosalind", "Sanjay", "Tobias", "Ursula", "Vinh", "Wanda",
];

const FAMILY: &[&str] = &[
    "Achterberg",
    "Baldacci",
    "Castellano",
    "Dharmawan",
    "Eriksen",
    "Fontaine",
    "Gallardo",
    "Halvorsen",
    "Iskandar",
    "Jablonski",
    "Kurniawan",
    "Lindqvist",
    "Marchetti",
    "Nakamura",
    "Oyelaran",
    "Pellegrini",
    "Quintero",
    "Rasmussen",
    "Santoso",
    "Takahashi",
    "Uribe",
    "Vasconcelos",
    "Wirawan",
    "Xiong",
    "Yilmaz",
    "Zielinski",
    "Abernathy",
    "Brennan",
    "Cardoso",
    "Delacroix",
    "Esposito",
    "Ferreira",
    "Gutierrez",
    "Hartmann",
    "Ivanova",
    "Jovanovic",
    "Kowalczyk",
    "Lemaire",
    "Moreau",
    "Novak",
    "Okonkwo",
    "Petrov",
    "Rinaldi",
    "Sorensen",
    "Trinh",
    "Vuong",
    "Weidmann",
    "Zanetti",
];

const SYLLABLES: &[&str] = &[
    "vor", "ta", "lum", "nex", "qui", "ra", "zen", "tek", "sol", "ari", "bel", "cor", "dyn", "el",
    "fin", "gal", "hel", "ion", "kor", "lyx", "mar", "nov", "or", "pax", "sy", "tri", "ul", "ve",
    "xa", "zor",
];

const COMPANY_SUFFIX: &[&str] = &[
    "",
    "",
    "",
    " Systems",
    " Technologies",
    " Group",
    " Labs",
    " Semiconductor",
    " Holdings",
    " AI",
    " Networks",
    " Robotics",
];

const CITIES: &[&str] = &[
    "Osaka",
    "Lyon",
    "Surabaya",
    "Da Nang",
    "Hamburg",
    "Valencia",
    "Turin",
    "Porto",
    "Seattle",
    "Austin",
    "Busan",
    "Bangalore",
    "Marseille",
    "Bandung",
    "Hai Phong",
    "Munich",
    "Seville",
    "Milan",
    "Curitiba",
    "Toronto",
    "Melbourne",
    "Kaohsiung",
    "Penang",
    "Nagoya",
    "Toulouse",
    "Medan",
    "Can Tho",
    "Cologne",
    "Bilbao",
    "Naples",
    "Recife",
    "Denver",
    "Lille",
    "Makassar",
    "Hue",
    "Leipzig",
    "Malaga",
    "Bologna",
    "Fortaleza",
    "Boston",
];

fn company_name(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..2 + rng.below(2) {
        s.push_str(rng.pick(SYLLABLES));
    }
    let mut c = s.chars();
    let head: String = c
        .next()
        .map(|f| f.to_uppercase().collect())
        .unwrap_or_default();
    format!("{head}{}{}", c.as_str(), rng.pick(COMPANY_SUFFIX))
}

/// Surface form → replacement, consistent within one article: persons get a new given and
/// family name (one-word references get the matching part), companies a new name, cities another city.
fn substitutions(x: &Extraction, rng: &mut Rng) -> Vec<(String, String)> {
    let mut subs: Vec<(String, String)> = Vec::new();
    let add = |from: &str, to: &str, subs: &mut Vec<(String, String)>| {
        let from = from.trim();
        if from.chars().count() >= 2 && !subs.iter().any(|(f, _)| f == from) {
            subs.push((from.to_string(), to.to_string()));
        }
    };
    for e in &x.entities {
        let mut forms: Vec<&str> = e.aliases.iter().map(String::as_str).collect();
        forms.push(&e.name);
        match e.kind {
            core::model::EntityKind::Person => {
                let given = rng.pick(GIVEN);
                let family = rng.pick(FAMILY);
                let full = format!("{given} {family}");
                let words: Vec<&str> = e.name.split_whitespace().collect();
                for f in forms {
                    if f.split_whitespace().count() > 1 {
                        add(f, &full, &mut subs);
                    } else if words.len() > 1 && words.first() == Some(&f) {
                        add(f, given, &mut subs);
                    } else {
                        add(f, family, &mut subs);
                    }
                }
            }
            core::model::EntityKind::Org if e.class.as_deref() == Some("company") => {
                let name = company_name(rng);
                for f in forms {
                    add(f, &name, &mut subs);
                }
            }
            core::model::EntityKind::Place if e.place_type.as_deref() == Some("city") => {
                let city = rng.pick(CITIES);
                if forms.contains(&city) {
                    continue;
                }
                for f in forms {
                    add(f, city, &mut subs);
                }
            }
            _ => {}
        }
    }
    // Longest first, so that "Elon Musk" is replaced before "Musk".
    subs.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    subs
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Replace whole-word occurrences of the substitutions (longest match first) and shift
/// four-digit years 1990–2039 by `years`, in one left-to-right pass.
fn rewrite(text: &str, subs: &[(String, String)], years: i32) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if !is_word_char(prev) && c.is_alphanumeric() {
            if let Some((from, to)) = subs.iter().find(|(f, _)| {
                rest.starts_with(f.as_str()) && !is_word_char(rest[f.len()..].chars().next())
            }) {
                out.push_str(to);
                prev = from.chars().last();
                i += from.len();
                continue;
            }
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 4 && !is_word_char(rest[4..].chars().next()) {
                let y: i32 = rest[..4].parse().unwrap_or(0);
                if (1990..2040).contains(&y) {
                    out.push_str(&(y + years).to_string());
                    prev = Some('0');
                    i += 4;
                    continue;
                }
            }
        }
        out.push(c);
        prev = Some(c);
        i += c.len_utf8();
    }
    out
}

fn shift_published(p: &str, years: i32) -> Option<String> {
    match core::dates::DateValue::parse_iso(p)? {
        core::dates::DateValue::Day { y, m, d } => {
            let y = y + years;
            let d = d.min(core::dates::days_in_month(y, m));
            Some(core::dates::DateValue::Day { y, m, d }.iso())
        }
        _ => None,
    }
}

fn gen_corpus(args: &[String]) -> Result<(), String> {
    let (pos, opts) = options(args, &["seed"])?;
    let (n, out, dir) = match pos.as_slice() {
        [n, out] => (n, out, None),
        [n, out, dir] => (n, out, Some(dir.clone())),
        _ => return Err(USAGE.into()),
    };
    let n: usize = n
        .parse()
        .map_err(|_| format!("N must be a whole number, not `{n}`"))?;
    let seed = number_option(&opts, "seed")?.unwrap_or(1);
    let dir = dir.unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev").to_string()
    });
    let base = read_all(&[dir])?;
    if base.is_empty() {
        return Err("no article to generate from".into());
    }
    let base_x = core::extract_all(&base);
    let mut lines = String::new();
    for i in 0..n {
        let k = i % base.len();
        let (a, x) = (&base[k], &base_x[k]);
        let mut rng = Rng::new(seed, i as u64);
        let subs = substitutions(x, &mut rng);
        let years = rng.below(9) as i32 - 6;
        let generated = Article {
            id: format!("g{i:06}-{}", a.id),
            text: rewrite(&a.text, &subs, years),
            title: a.title.as_deref().map(|t| rewrite(t, &subs, years)),
            lang: a.lang.clone(),
            published: a
                .published
                .as_deref()
                .and_then(|p| shift_published(p, years)),
            source: a.source.clone(),
            url: None,
        };
        let json = serde_json::to_string(&generated).map_err(|e| e.to_string())?;
        lines.push_str(&json);
        lines.push('\n');
    }
    std::fs::write(out, lines).map_err(|e| format!("{out}: {e}"))?;
    eprintln!(
        "wrote {n} articles to {out} (seed {seed}, from {} articles)",
        base.len()
    );
    Ok(())
}
