//! The Import panel and its worker: paste an article or give files (picker or drop); the worker
//! (src/app/worker.js, running the tools wasm of src/tools.rs) reads, extracts and stores them (IndexedDB) off the
//! main thread; results join the corpus in batches (`Growing`: the corpus is grown a few ms per
//! task, so no task is long, at most one growth every 500 ms or more); progress,
//! cancel, a message for each problem, and the list of your articles with delete and clear all.

use crate::app::dom::{clear, document, effect, el, sync_rows, N};
use crate::app::i18n::{language_name, t, ti, Lang, K, KI};
use crate::app::state::Ctx;
use crate::app::timeline::article_title;
use crate::app::views::{button, link, Target};
use crate::core::corpus::{Corpus, Growing};
use crate::core::intake::{pasted_json, read_records, Record};
use crate::core::parse::{human_size, MAX_FILE_BYTES};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashSet;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Function, Reflect};
use web_sys::Element;

/// What the page keeps of imports: the worker, your ids, batches not yet in the corpus, and the
/// ids of the import under way (undone if it is cancelled or cannot be saved).
#[derive(Default)]
struct Imp {
    worker: Option<web_sys::Worker>,
    mine: HashSet<String>,
    pending: Vec<Record>,
    running: Vec<String>,
    flush_due: bool,
    pasted: bool,
    /// The panel is open (kept when the page is drawn again in another language).
    open: bool,
    /// Imports finished.
    done: u32,
    /// How long the last corpus growth took, from start to the page drawn (ms).
    flush_ms: f64,
    /// The corpus being grown by the batches taken in (a few ms per task), and when it started.
    growing: Option<(Growing, f64)>,
    /// Replaced corpora, let go of a little per task.
    old: Vec<Corpus>,
    /// An import the worker has saved, announced once its articles are all in the corpus:
    /// (articles saved, whether it was pasted text).
    saved: Option<(usize, bool)>,
}

/// Work per step of a growing corpus (articles or timeline entries), and the time a task may
/// spend on steps before it yields to the page (ms).
const GROW_STEP: usize = 16;
const GROW_SLICE_MS: f64 = 6.0;

/// Signals the panel shows: messages (is a problem, text) and progress (done, total) while running.
#[derive(Clone, Copy)]
struct Sig {
    ctx: Ctx,
    msgs: RwSignal<Vec<(bool, String)>>,
    progress: RwSignal<Option<(u32, u32)>>,
}

thread_local! {
    static IMP: RefCell<Imp> = RefCell::new(Imp::default());
    static SIG: RefCell<Option<Sig>> = const { RefCell::new(None) };
}

fn sig() -> Option<Sig> {
    SIG.with(|s| *s.borrow())
}

/// Whether the article `id` is one you imported.
pub fn is_mine(id: &str) -> bool {
    IMP.with(|i| i.borrow().mine.contains(id))
}

/// The "yours" badge for article `id`, when it is one you imported.
pub fn mine_badge(l: Lang, id: &str) -> Option<N> {
    is_mine(id).then(|| el("span").cls("badge mine").txt(ti(l, KI::Mine)))
}

/// Start: keep the handles, and load the articles stored by earlier visits.
pub fn init(ctx: Ctx) {
    let s = Sig {
        ctx,
        msgs: RwSignal::new(Vec::new()),
        progress: RwSignal::new(None),
    };
    SIG.with(|x| *x.borrow_mut() = Some(s));
    // The worker (and its script) start only when an earlier visit stored articles, so a first
    // visit fetches neither; without `indexedDB.databases()`, the worker is asked anyway.
    let load = || post(Array::of1(&"load".into()));
    let idb =
        Reflect::get(&web_sys::js_sys::global(), &"indexedDB".into()).unwrap_or(JsValue::UNDEFINED);
    let listed = Reflect::get(&idb, &"databases".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&idb).ok())
        .and_then(|p| p.dyn_into::<web_sys::js_sys::Promise>().ok());
    match listed {
        Some(p) => {
            let f = Closure::<dyn FnMut(JsValue)>::new(move |list: JsValue| {
                let ours = Array::from(&list).iter().any(|d| {
                    Reflect::get(&d, &"name".into())
                        .ok()
                        .and_then(|n| n.as_string())
                        == Some(DB_NAME.into())
                });
                if ours {
                    load();
                }
            });
            // Refused (some private modes): ask the worker.
            let no = Closure::<dyn FnMut(JsValue)>::new(move |_| load());
            let _ = p.then2(&f, &no);
            f.forget();
            no.forget();
        }
        None => load(),
    }
}

/// The IndexedDB database src/app/worker.js keeps the imported articles in.
const DB_NAME: &str = "dossier";

fn lang() -> Lang {
    crate::app::i18n::Lang::from_code(
        &document()
            .document_element()
            .map(|e| e.get_attribute("lang").unwrap_or_default())
            .unwrap_or_default(),
    )
    .unwrap_or(Lang::En)
}

fn say(bad: bool, text: String) {
    if let Some(s) = sig() {
        s.msgs.update(|m| m.push((bad, text)));
    }
}

/// The href of the first element matching `sel` ("" if none).
fn href(sel: &str) -> String {
    document()
        .query_selector(sel)
        .ok()
        .flatten()
        .and_then(|e| Reflect::get(&e, &"href".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The worker, made when first needed (its script sits next to the glue; it loads the tools wasm).
fn worker() -> Option<web_sys::Worker> {
    if let Some(w) = IMP.with(|i| i.borrow().worker.clone()) {
        return Some(w);
    }
    let glue = href("link[rel=modulepreload]");
    let dir = glue.rsplit_once('/').map_or("", |x| x.0);
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let w = web_sys::Worker::new_with_options(&format!("{dir}/worker.js"), &opts).ok()?;
    let f = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|e: web_sys::MessageEvent| {
        on_message(Array::from(&e.data()))
    });
    w.set_onmessage(Some(f.as_ref().unchecked_ref()));
    f.forget();
    // The worker could not start (its script or the glue failed to load): say so, keep nothing.
    let f = Closure::<dyn FnMut(JsValue)>::new(|e: JsValue| {
        let why = Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "the import worker failed".into());
        IMP.with(|i| i.borrow_mut().worker = None);
        on_message(Array::of3(&"failed".into(), &"import".into(), &why.into()));
    });
    w.set_onerror(Some(f.as_ref().unchecked_ref()));
    f.forget();
    IMP.with(|i| i.borrow_mut().worker = Some(w.clone()));
    Some(w)
}

/// Send `msg` to the worker (made if needed).
pub(crate) fn post(msg: Array) {
    if let Some(w) = worker() {
        let _ = w.post_message(&msg);
    }
}

fn now() -> f64 {
    web_sys::js_sys::Date::now()
}

/// Run `f` in a later task.
fn later(ms: i32, f: fn()) {
    crate::app::dom::later(ms, Box::new(f));
}

/// Whether articles are still joining the corpus (a growth under way or batches waiting).
pub fn growing() -> bool {
    IMP.with(|i| {
        let i = i.borrow();
        i.growing.is_some() || !i.pending.is_empty()
    })
}

/// Start growing the corpus by the batches received (unless a growth is under way: the batches
/// wait for the next one).
fn flush() {
    start_growth(None);
}

/// Grow the corpus by the batches received, leaving out the articles `gone` names.
fn start_growth(gone: Option<&HashSet<String>>) {
    let Some(s) = sig() else { return };
    let recs = IMP.with(|i| {
        let mut i = i.borrow_mut();
        // (A growth under way schedules the next one when it is done.)
        i.flush_due = false;
        if i.growing.is_some() {
            return None;
        }
        Some(std::mem::take(&mut i.pending))
    });
    let Some(recs) = recs else { return };
    let removes = gone.is_some_and(|g| {
        s.ctx
            .corpus
            .with_untracked(|c| c.articles.iter().any(|a| g.contains(&a.id)))
    });
    if recs.is_empty() && !removes {
        announce_saved();
        return;
    }
    let (a, x) = recs.into_iter().map(|r| (r.a, r.x)).unzip();
    let g = s.ctx.corpus.with_untracked(|c| {
        Growing::new_without(c, |id| gone.is_some_and(|g| g.contains(id)), a, x)
    });
    IMP.with(|i| i.borrow_mut().growing = Some((g, now())));
    grow();
}

/// Steps of the growing corpus for a few milliseconds, then yield; once grown, it replaces the
/// corpus (the views follow in this task) and the old one is let go of in later tasks.
fn grow() {
    let Some(s) = sig() else { return };
    let t0 = now();
    loop {
        let done = IMP.with(|i| {
            let mut i = i.borrow_mut();
            let Some((g, _)) = i.growing.as_mut() else {
                return None;
            };
            Some(
                s.ctx
                    .corpus
                    .with_untracked(|c| (!g.is_stale(c)).then(|| g.step(c, GROW_STEP))),
            )
        });
        match done {
            None => return,
            // The corpus was replaced meanwhile (a precomputed bundle loaded): start again.
            Some(None) => {
                stop_growing();
                return flush();
            }
            Some(Some(done)) => match done {
                false if now() - t0 < GROW_SLICE_MS => continue,
                false => return later(0, grow),
                true => break,
            },
        }
    }
    let Some((g, started)) = IMP.with(|i| i.borrow_mut().growing.take()) else {
        return;
    };
    let Some(grown) = s.ctx.corpus.with_untracked(|c| g.finish(c)) else {
        return;
    };
    if let Some(old) = s.ctx.corpus.try_update(|c| std::mem::replace(c, grown)) {
        IMP.with(|i| i.borrow_mut().old.push(old));
        later(0, let_go);
    }
    // The views are drawn in the next tasks (`Ctx::corpus_later`, queued as this task ends): a
    // timeout queued from the next task comes after theirs, and measures the whole growth.
    let done = move || {
        IMP.with(|i| i.borrow_mut().flush_ms = now() - started);
        let more = IMP.with(|i| !i.borrow().pending.is_empty());
        if more {
            flush_soon();
        } else {
            announce_saved();
        }
    };
    crate::app::dom::later(
        0,
        Box::new(move || crate::app::dom::later(0, Box::new(done))),
    );
}

/// Drop a little of the replaced corpora, then yield.
fn let_go() {
    let t0 = now();
    loop {
        let left = IMP.with(|i| {
            let mut i = i.borrow_mut();
            if let Some(c) = i.old.last_mut() {
                if c.shed(GROW_STEP * 4) {
                    i.old.pop();
                }
            }
            !i.old.is_empty()
        });
        if !left {
            return;
        }
        if now() - t0 > GROW_SLICE_MS {
            return later(0, let_go);
        }
    }
}

/// Stop growing the corpus: the articles it was taking in wait again (for `drop_ids`).
fn stop_growing() {
    IMP.with(|i| {
        let mut i = i.borrow_mut();
        if let Some((g, _)) = i.growing.take() {
            let (a, x) = g.abandon();
            let mut back: Vec<Record> =
                a.into_iter().zip(x).map(|(a, x)| Record { a, x }).collect();
            back.append(&mut i.pending);
            i.pending = back;
        }
    });
}

/// Once every batch is in the corpus: the import the worker saved is over.
fn announce_saved() {
    let idle = IMP.with(|i| {
        let i = i.borrow();
        i.growing.is_none() && i.pending.is_empty()
    });
    let Some((n, pasted)) = idle
        .then(|| IMP.with(|i| i.borrow_mut().saved.take()))
        .flatten()
    else {
        return;
    };
    let Some(s) = sig() else { return };
    s.progress.set(None);
    mark_done();
    if n > 0 {
        say(false, count(n, KI::Imported));
        if pasted {
            if let Some(f) = document().get_element_by_id("paste") {
                call0(&f, "reset");
            }
        }
    }
}

/// Grow in 500 ms, or twice as long as the last growth took (a large corpus is grown less often:
/// the batches that arrive meanwhile join in one growth).
fn flush_soon() {
    let due = IMP.with(|i| std::mem::replace(&mut i.borrow_mut().flush_due, true));
    if !due {
        let wait = IMP.with(|i| i.borrow().flush_ms * 2.0).max(500.0) as i32;
        later(wait, flush);
    }
}

/// Take batch records in: yours, waiting for the next flush.
fn take(json: &str, running: bool) {
    let recs = read_records(json);
    IMP.with(|i| {
        let mut i = i.borrow_mut();
        for r in &recs {
            i.mine.insert(r.a.id.clone());
            if running {
                i.running.push(r.a.id.clone());
            }
        }
        i.pending.extend(recs);
    });
    flush_soon();
}

/// Take articles out of the page (not the store): from the waiting batches, and from the corpus
/// by a growth that leaves them out (with the waiting batches in).
fn drop_ids(ids: &[String]) {
    stop_growing();
    let gone: HashSet<String> = ids.iter().cloned().collect();
    IMP.with(|i| {
        let mut i = i.borrow_mut();
        i.pending.retain(|r| !gone.contains(&r.a.id));
        i.mine.retain(|id| !gone.contains(id));
    });
    start_growth(Some(&gone));
}

/// Undo the import under way (cancelled, or it could not be saved).
fn undo_running() {
    let ids = IMP.with(|i| std::mem::take(&mut i.borrow_mut().running));
    drop_ids(&ids);
    if let Some(s) = sig() {
        s.progress.set(None);
    }
}

fn count(n: usize, k: KI) -> String {
    format!("{}: {n}", ti(lang(), k))
}

fn on_message(m: Array) {
    let op = m.get(0).as_string().unwrap_or_default();
    let arg = |i| m.get(i).as_string().unwrap_or_default();
    let num = |i| m.get(i).as_f64().unwrap_or(0.0) as u32;
    let Some(s) = sig() else { return };
    match op.as_str() {
        "loaded" => take(&arg(1), false),
        "batch" => {
            take(&arg(1), true);
            s.progress.set(Some((num(2), num(3))));
        }
        "problem" => say(true, arg(1)),
        "saved" => {
            let pasted = IMP.with(|i| {
                let mut i = i.borrow_mut();
                i.running.clear();
                std::mem::take(&mut i.pasted)
            });
            IMP.with(|i| i.borrow_mut().saved = Some((num(1) as usize, pasted)));
            flush();
        }
        "deleted" => {
            let ids: Vec<String> = Array::from(&m.get(1))
                .iter()
                .filter_map(|v| v.as_string())
                .collect();
            drop_ids(&ids);
            if !m.get(2).is_truthy() {
                say(false, count(ids.len(), KI::Deleted));
            }
        }
        "cleared" => {
            let ids: Vec<String> = IMP.with(|i| i.borrow().mine.iter().cloned().collect());
            drop_ids(&ids);
            say(false, count(ids.len(), KI::Deleted));
        }
        "file" => crate::app::download::done(&arg(1), &arg(2), &arg(3)),
        "failed" if op_is(&m, "export") => crate::app::download::failed(&arg(2)),
        "failed" => {
            let why = arg(2);
            let l = lang();
            if op_is(&m, "load") {
                say(true, format!("{}: {why}", ti(l, KI::NotRead)));
            } else {
                if op_is(&m, "import") || op_is(&m, "save") {
                    undo_running();
                    mark_done();
                }
                say(true, format!("{}: {why}", ti(l, KI::NotSaved)));
            }
        }
        _ => {}
    }
}

/// Count finished imports on the panel (`data-done`), so a test knows when one is over.
fn mark_done() {
    let n = IMP.with(|i| {
        let mut i = i.borrow_mut();
        i.done += 1;
        i.done
    });
    if let Some(e) = document().get_element_by_id("import") {
        let _ = e.set_attribute("data-done", &n.to_string());
    }
}

fn op_is(m: &Array, op: &str) -> bool {
    m.get(1).as_string().as_deref() == Some(op)
}

/// Call the method `name` of `e` with no argument.
fn call0(e: &JsValue, name: &str) {
    if let Ok(f) = Reflect::get(e, &name.into()).and_then(|f| f.dyn_into::<Function>()) {
        let _ = f.call0(e);
    }
}

fn value(e: &Element) -> String {
    Reflect::get(e, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Send files (a FileList) and/or a pasted article to the worker.
fn start(files: JsValue, pasted: String) {
    let Some(s) = sig() else { return };
    if s.progress.get_untracked().is_some() {
        say(true, ti(lang(), KI::Busy).to_string());
        return;
    }
    let known = s.ctx.corpus.with_untracked(|c| {
        let mut k: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
        k.push("");
        k.join("\0")
    });
    let known = IMP.with(|i| {
        let mut i = i.borrow_mut();
        i.pasted = !pasted.is_empty();
        let mut k = known;
        for r in &i.pending {
            k.push_str(&r.a.id);
            k.push('\0');
        }
        k
    });
    s.msgs.set(Vec::new());
    s.progress.set(Some((0, 0)));
    let msg = Array::of4(&"import".into(), &files, &pasted.into(), &known.into());
    post(msg);
}

/// Stop the import under way: the worker is ended (a new one comes next time) and nothing of it stays.
fn cancel() {
    if let Some(w) = IMP.with(|i| i.borrow_mut().worker.take()) {
        w.terminate();
    }
    let ids = IMP.with(|i| i.borrow().running.clone());
    undo_running();
    say(false, ti(lang(), KI::Cancelled).to_string());
    mark_done();
    if !ids.is_empty() {
        // In case the ended worker had begun to store them.
        let arr: Array = ids.iter().map(|i| JsValue::from(i.as_str())).collect();
        post(Array::of3(&"delete".into(), &arr, &JsValue::TRUE));
    }
}

fn field(id: &str, label: &str, tag: &str, kind: &str) -> N {
    el("div")
        .cls("control")
        .add(el("label").at("for", id).txt(label))
        .add(
            el(tag)
                .at("id", id)
                .at("name", id)
                .at_if(!kind.is_empty(), "type", kind),
        )
}

/// The paste form: title, date, source, language, text.
fn paste_form(l: Lang) -> N {
    let mut langs = vec![el("option").at("value", "").txt(ti(l, KI::Detect))];
    for code in ["en", "fr", "id", "vi", "de", "es", "it", "pt"] {
        langs.push(el("option").at("value", code).txt(&language_name(l, code)));
    }
    let form = el("form").at("id", "paste").cls("paste");
    let f = form.0.clone();
    form.on("submit", move |ev| {
        ev.prevent_default();
        let v = |id: &str| {
            f.query_selector(&format!("#{id}"))
                .ok()
                .flatten()
                .map(|e| value(&e))
                .unwrap_or_default()
        };
        let json = pasted_json(
            &v("p-title"),
            &v("p-date"),
            &v("p-source"),
            &v("p-lang"),
            &v("p-text"),
        );
        start(JsValue::from(Array::new()), json);
    })
    .add(
        el("fieldset")
            .add(el("legend").txt(ti(l, KI::Paste)))
            .add(field("p-title", ti(l, KI::Title), "input", "text"))
            .add(field("p-date", t(l, K::Published), "input", "date"))
            .add(field("p-source", t(l, K::Source), "input", "text"))
            .add(
                el("div")
                    .cls("control")
                    .add(el("label").at("for", "p-lang").txt(t(l, K::ArticleLang)))
                    .add(el("select").at("id", "p-lang").kids(langs)),
            )
            .add(
                el("div")
                    .cls("control")
                    .add(el("label").at("for", "p-text").txt(ti(l, KI::Text)))
                    .add(
                        el("textarea")
                            .at("id", "p-text")
                            .at("rows", "6")
                            .at("required", ""),
                    ),
            )
            .add(el("button").at("type", "submit").txt(ti(l, KI::Add))),
    )
}

/// The files of a drop event or a file input (a FileList).
fn files_of(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The file picker inside a drop zone.
fn files_box(l: Lang) -> N {
    let pick = el("input")
        .at("type", "file")
        .at("id", "import-files")
        .at("multiple", "")
        .at("accept", ".txt,.md,.html,.htm,.json,.jsonl,.ndjson");
    let p = pick.0.clone();
    let pick = pick.on("change", move |_| {
        start(files_of(&p, "files"), String::new());
        let _ = Reflect::set(&p, &"value".into(), &"".into());
    });
    let zone = el("div").cls("drop").at("id", "drop");
    let z = zone.0.clone();
    let z2 = zone.0.clone();
    zone.on("dragover", move |ev| {
        ev.prevent_default();
        let _ = z.set_attribute("class", "drop over");
    })
    .on("dragleave", move |_| {
        let _ = z2.set_attribute("class", "drop");
    })
    .on("drop", move |ev| {
        ev.prevent_default();
        let files = files_of(&files_of(&ev, "dataTransfer"), "files");
        start(files, String::new());
    })
    .add(el("p").add(el("label").at("for", "import-files").txt(ti(l, KI::Drop))))
    .add(pick)
    .add(el("p").cls("hint").txt(&format!(
        "{} {} {} {}",
        ti(l, KI::Files),
        ti(l, KI::Accepted),
        human_size(MAX_FILE_BYTES),
        ti(l, KI::PerFile)
    )))
}

/// Progress bar and Cancel, shown while an import runs.
fn progress_box(l: Lang, s: Sig) -> N {
    let bar = el("progress")
        .at("id", "import-progress")
        .at("aria-label", ti(l, KI::Progress));
    let count = el("span").cls("n");
    let boxed = el("div").cls("progress");
    let (b, c, x) = (bar.0.clone(), count.0.clone(), boxed.0.clone());
    effect(Box::new(move || match s.progress.get() {
        Some((done, total)) => {
            let _ = x.remove_attribute("hidden");
            let _ = b.set_attribute("max", &total.max(1).to_string());
            let _ = b.set_attribute("value", &done.to_string());
            c.set_text_content(Some(&format!("{done} / {total}")));
        }
        None => {
            let _ = x.set_attribute("hidden", "");
        }
    }));
    boxed
        .add(bar)
        .add(count)
        .add(button(ti(l, KI::Cancel), "cancel", cancel))
}

/// The most of your articles the list shows.
const LIST_MAX: usize = 100;

/// Your articles, each with Delete, and Delete all (after a confirmation).
fn mine_box(l: Lang, s: Sig) -> N {
    let list = el("ul");
    let heading = el("h3").at("id", "mine-heading");
    let sect = el("section")
        .cls("mine")
        .at("aria-labelledby", "mine-heading");
    let more = el("p").cls("more");
    let (u, h, x, m) = (
        list.0.clone(),
        heading.0.clone(),
        sect.0.clone(),
        more.0.clone(),
    );
    // Drawn in a task of its own after the corpus changes (`Ctx::corpus_later`); the rows still
    // listed stay as they are (`dom::sync_rows`).
    let grown = s.ctx.corpus_later();
    effect(Box::new(move || {
        grown.track();
        s.ctx.corpus.with_untracked(|c| {
            let mut rows: Vec<usize> = Vec::new();
            let mut n = 0;
            for (i, a) in c.articles.iter().enumerate() {
                if is_mine(&a.id) {
                    n += 1;
                    if rows.len() < LIST_MAX {
                        rows.push(i);
                    }
                }
            }
            h.set_text_content(Some(&format!("{} ({n})", ti(l, KI::Yours))));
            let _ = if n == 0 {
                x.set_attribute("hidden", "")
            } else {
                x.remove_attribute("hidden")
            };
            if n > LIST_MAX {
                m.set_text_content(Some(&format!("… {} {}", n - LIST_MAX, ti(l, KI::More))));
                let _ = m.remove_attribute("hidden");
            } else {
                let _ = m.set_attribute("hidden", "");
            }
            let keys: Vec<String> = rows.iter().map(|&i| c.articles[i].id.clone()).collect();
            sync_rows(&u, &keys, &mut |k| {
                let (id, title) = (keys[k].clone(), article_title(&c.articles[rows[k]]));
                let del = el("button")
                    .at("type", "button")
                    .at("aria-label", &format!("{} {title}", ti(l, KI::Delete)))
                    .txt(ti(l, KI::Delete));
                let ids = Array::of1(&id.as_str().into());
                let del = del.on("click", move |_| {
                    post(Array::of2(&"delete".into(), &ids));
                });
                el("li")
                    .add(link(s.ctx, Target::Article(id, None), &title))
                    .txt(" ")
                    .add(del)
            });
        });
    }));
    let clear_all = button(ti(l, KI::ClearMine), "clear-mine", move || {
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message(ti(lang(), KI::ConfirmClear)).ok())
            .unwrap_or(false);
        if sure {
            post(Array::of1(&"clear".into()));
        }
    });
    sect.add(heading).add(list).add(more).add(clear_all)
}

/// The Import panel: a disclosure in the masthead.
pub fn import_panel(l: Lang) -> Option<N> {
    let s = sig()?;
    let log = el("ul");
    let u = log.0.clone();
    effect(Box::new(move || {
        clear(&u);
        let mut ul = N(u.clone());
        for (bad, text) in s.msgs.get() {
            ul = ul.add(el("li").cls(if bad { "bad" } else { "ok" }).txt(&text));
        }
    }));
    let done = IMP.with(|i| i.borrow().done).to_string();
    let panel = el("details")
        .cls("import")
        .at("id", "import")
        .at("data-done", &done)
        .add(el("summary").txt(ti(l, KI::Import)));
    let d = panel.0.clone();
    let panel = panel
        .at_if(IMP.with(|i| i.borrow().open), "open", "")
        .on("toggle", move |_| {
            let open = d.has_attribute("open");
            IMP.with(|i| i.borrow_mut().open = open);
        });
    Some(
        panel.add(
            el("div")
                .cls("import-body")
                .add(paste_form(l))
                .add(files_box(l))
                .add(progress_box(l, s))
                .add(
                    el("div")
                        .cls("messages")
                        .at("role", "status")
                        .at("aria-live", "polite")
                        .add(log),
                )
                .add(mine_box(l, s)),
        ),
    )
}
