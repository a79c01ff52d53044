//! A tiny DOM builder over web-sys. The page draws its views with it instead of `view!`: plain,
//! non-generic calls keep the wasm small (the first load has a 300 KB gzip budget). Text always goes
//! in as text nodes, never as HTML.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

thread_local! {
    /// The page's document, looked up once (every element and text node needs it).
    static DOC: Document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
}

#[inline(never)]
pub fn document() -> Document {
    DOC.with(Document::clone)
}

/// An element being built.
pub struct N(pub Element);

thread_local! {
    /// One blank element per tag name made so far: a new element is a shallow clone of it, so
    /// drawing a card passes no tag name from wasm to JavaScript (each string passed is decoded
    /// there, and decoding short strings cost a third of drawing the page's lists).
    static BLANK: std::cell::RefCell<Vec<(String, Element)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A new HTML element.
#[inline(never)]
pub fn el(tag: &str) -> N {
    let blank = BLANK.with(|b| {
        let mut b = b.borrow_mut();
        if let Some((_, e)) = b.iter().find(|(t, _)| t == tag) {
            return e.clone();
        }
        let e = DOC.with(|d| d.create_element(tag)).expect("create element");
        b.push((tag.to_string(), e.clone()));
        e
    });
    N(blank
        .clone_node()
        .expect("clone element")
        .unchecked_into::<Element>())
}

/// A new SVG element.
#[inline(never)]
pub fn svg(tag: &str) -> N {
    N(document()
        .create_element_ns(Some("http://www.w3.org/2000/svg"), tag)
        .expect("create svg element"))
}

impl N {
    /// Set an attribute.
    #[inline(never)]
    pub fn at(self, name: &str, value: &str) -> N {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Set an attribute when `on`.
    #[inline(never)]
    pub fn at_if(self, on: bool, name: &str, value: &str) -> N {
        if on {
            self.at(name, value)
        } else {
            self
        }
    }

    #[inline(never)]

    pub fn cls(self, class: &str) -> N {
        // One string to pass, not two ("class" and its value); an SVG element's className
        // cannot be set, so it takes the attribute.
        if self.0.is_instance_of::<web_sys::HtmlElement>() {
            self.0.set_class_name(class);
            self
        } else {
            self.at("class", class)
        }
    }

    /// Append text (a text node).
    #[inline(never)]
    pub fn txt(self, text: &str) -> N {
        // One call: Element.append(string) adds a text node (never parsed as markup).
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Append a child element.
    #[inline(never)]
    pub fn add(self, child: N) -> N {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Append a child when there is one.
    #[inline(never)]
    pub fn opt(self, child: Option<N>) -> N {
        match child {
            Some(c) => self.add(c),
            None => self,
        }
    }

    /// Append children.
    #[inline(never)]
    pub fn kids(self, children: Vec<N>) -> N {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// Listen to `event`. The listener lives as long as the element (JavaScript owns it).
    #[inline(never)]
    pub fn on(self, event: &str, f: impl FnMut(Event) + 'static) -> N {
        listen(&self.0, event, Box::new(f));
        self
    }
}

#[inline(never)]
pub fn listen(target: &web_sys::EventTarget, event: &str, f: Box<dyn FnMut(Event)>) {
    let closure = Closure::wrap(f).into_js_value();
    let _ = target.add_event_listener_with_callback(event, closure.unchecked_ref());
}

/// Make the children of `list` the rows `keys` names, in that order, touching only what differs:
/// a row already there (its `data-key`) stays as it is, rows no longer named go, and new ones are
/// made by `make(i)` for `keys[i]` (keys are distinct). A list drawn again this way costs the
/// browser only its new rows, not a restyle and layout of every row.
#[inline(never)]
pub fn sync_rows(list: &Element, keys: &[String], make: &mut dyn FnMut(usize) -> N) {
    use std::collections::HashSet;
    let wanted: HashSet<String> = keys.iter().cloned().collect();
    let mut old: Vec<(String, Element)> = Vec::new();
    let mut child = list.first_element_child();
    while let Some(e) = child {
        child = e.next_element_sibling();
        match e.get_attribute("data-key") {
            Some(k) if wanted.contains(&k) => old.push((k, e)),
            _ => e.remove(),
        }
    }
    let there: HashSet<String> = old.iter().map(|(k, _)| k.clone()).collect();
    // Rows taken out of their place (they went before `old[j]`), skipped when `j` meets them.
    let mut moved = vec![false; old.len()];
    let mut j = 0;
    for (i, k) in keys.iter().enumerate() {
        while j < old.len() && moved[j] {
            j += 1;
        }
        if j < old.len() && old[j].0 == *k {
            j += 1;
            continue;
        }
        let node = match there
            .contains(k)
            .then(|| (j..old.len()).find(|&m| !moved[m] && old[m].0 == *k))
            .flatten()
        {
            Some(m) => {
                moved[m] = true;
                old[m].1.clone()
            }
            None => {
                let row = make(i);
                let _ = row.0.set_attribute("data-key", k);
                row.0
            }
        };
        let before: Option<&web_sys::Node> = old.get(j).map(|(_, e)| e.as_ref());
        let _ = list.insert_before(&node, before);
    }
}

/// Remove every child of `e`.
#[inline(never)]
pub fn clear(e: &Element) {
    e.set_text_content(None);
}

/// The id of the focused element, if it has one.
#[inline(never)]
pub fn focused_id() -> Option<String> {
    document()
        .active_element()
        .map(|e| e.id())
        .filter(|id| !id.is_empty())
}

/// Give the focus back to the element with `id` (after a part of the page was drawn again).
#[inline(never)]
/// Whether it is still there to take the focus.
pub fn refocus(id: Option<String>) -> bool {
    if let Some(e) = id.and_then(|id| document().get_element_by_id(&id)) {
        if let Ok(e) = e.dyn_into::<web_sys::HtmlElement>() {
            return e.focus().is_ok();
        }
    }
    false
}

/// Whether the focus is inside `e`.
pub fn has_focus_within(e: &Element) -> bool {
    document()
        .active_element()
        .is_some_and(|a| e.contains(Some(&a)))
}

/// The element as an <input>.
#[inline(never)]
pub fn input(e: &Element) -> Option<&web_sys::HtmlInputElement> {
    e.dyn_ref::<web_sys::HtmlInputElement>()
}

/// Run `f` in a later task, in `ms` milliseconds or more (`setTimeout`).
#[inline(never)]
pub fn later(ms: i32, f: Box<dyn FnOnce()>) {
    if let Some(w) = web_sys::window() {
        let f = Closure::once_into_js(f);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms);
    }
}

/// Append to `parent` what `next` makes, `step` items a task from the next task on, until it makes
/// nothing or `parent` has left the page: a long list drawn without one long task.
pub fn append_in_steps(parent: Element, step: usize, mut next: Box<dyn FnMut() -> Option<N>>) {
    later(
        0,
        Box::new(move || {
            if !parent.is_connected() {
                return;
            }
            for _ in 0..step {
                match next() {
                    Some(n) => {
                        let _ = parent.append_child(&n.0);
                    }
                    None => return,
                }
            }
            append_in_steps(parent, step, next);
        }),
    );
}

/// Run `f` now and again whenever a signal it reads changes. One non-generic wrapper around
/// `Effect::new`, so each effect does not cost its own copy of the effect machinery in the wasm.
#[inline(never)]
pub fn effect(f: Box<dyn Fn()>) {
    leptos::prelude::Effect::new(move |_| f());
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's IntersectionObserver (declared here: web-sys's needs a crate feature).
    #[derive(Clone)]
    pub type IntersectionObserver;
    #[wasm_bindgen::prelude::wasm_bindgen(constructor)]
    fn new(callback: &js_sys::Function, options: &js_sys::Object) -> IntersectionObserver;
    #[wasm_bindgen::prelude::wasm_bindgen(method)]
    pub fn observe(this: &IntersectionObserver, target: &Element);
    #[wasm_bindgen::prelude::wasm_bindgen(method)]
    pub fn unobserve(this: &IntersectionObserver, target: &Element);
    #[wasm_bindgen::prelude::wasm_bindgen(method)]
    pub fn disconnect(this: &IntersectionObserver);
}

/// An observer calling `f(near)` whenever its target comes within `margin` below the window
/// (`near` true) or leaves it, and once when a target is first observed.
#[inline(never)]
pub fn observer(margin: &str, f: Box<dyn FnMut(bool)>) -> IntersectionObserver {
    let mut f = f;
    let cb = Closure::wrap(Box::new(move |entries: js_sys::Array| {
        let last = entries.get(entries.length().saturating_sub(1));
        let near = js_sys::Reflect::get(&last, &"isIntersecting".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        f(near)
    }) as Box<dyn FnMut(js_sys::Array)>)
    .into_js_value();
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"rootMargin".into(), &margin.into());
    IntersectionObserver::new(cb.unchecked_ref(), &options)
}
