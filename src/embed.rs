//! The iframe-resize protocol: one child speaks every common parent's dialect at once
//! (Pym.js, AMP, Datawrapper-style listeners, Medium/Embedly), only when the height changes.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::json::quote;

/// The messages for one height; pure strings so they are easy to read and to test.
pub fn messages(height: u32, href: &str, child_id: Option<&str>, embed_id: Option<&str>) -> Vec<Message> {
    let mut out = vec![
        Message::Json(format!(r#"{{"sentinel":"amp","type":"embed-size","height":{height}}}"#)),
        Message::Text(format!(
            r#"{{"src":{},"context":"iframe.resize","height":{height}}}"#,
            quote(href)
        )),
    ];
    if let Some(id) = child_id {
        out.push(Message::Text(format!("pymxPYMx{id}xPYMxheightxPYMx{height}")));
    }
    if let Some(id) = embed_id {
        out.push(Message::Json(format!(
            r#"{{"datawrapper-height":{{{}:{height}}}}}"#,
            quote(id)
        )));
    }
    out
}

/// A message is posted either as a string or as the object its JSON describes.
pub enum Message {
    Text(String),
    Json(String),
}

/// The content's own height: the root element's box (auto height), never the viewport, which
/// would pin Pym at 150 px. Nothing may set `html, body { height: 100% }` in the embed.
fn content_height() -> u32 {
    gloo::utils::document()
        .document_element()
        .map_or(0, |root| root.get_bounding_client_rect().height().ceil() as u32)
}

/// Keeps the parent told of the height; lives for the page's lifetime.
pub struct Resizer {
    _observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
    _listeners: Vec<EventListener>,
    _poll: Interval,
}

pub fn start(child_id: Option<String>, embed_id: Option<String>) -> Option<Resizer> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let last = Rc::new(Cell::new(0u32));
    let send = {
        let last = last.clone();
        Rc::new(move |force: bool| {
            let height = content_height();
            if height == 0 || (!force && height == last.get()) {
                return;
            }
            last.set(height);
            let href = gloo::utils::window().location().href().unwrap_or_default();
            for message in messages(height, &href, child_id.as_deref(), embed_id.as_deref()) {
                let value = match message {
                    Message::Text(text) => JsValue::from_str(&text),
                    Message::Json(json) => js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL),
                };
                let _ = parent.post_message(&value, "*");
            }
        })
    };
    let on_resize = {
        let send = send.clone();
        Closure::<dyn FnMut()>::new(move || send(false))
    };
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    if let Some(root) = gloo::utils::document().document_element() {
        observer.observe(&root);
    }
    let mut listeners = Vec::new();
    {
        let send = send.clone();
        listeners.push(EventListener::new(&window, "resize", move |_| send(false)));
    }
    {
        // A Pym parent asks with its width; answer with the height even if unchanged.
        let send = send.clone();
        listeners.push(EventListener::new(&window, "message", move |event| {
            let data = event
                .dyn_ref::<web_sys::MessageEvent>()
                .and_then(|e| e.data().as_string());
            if data.is_some_and(|d| d.starts_with("pymxPYMx") && d.contains("xPYMxwidthxPYMx")) {
                send(true);
            }
        }));
    }
    {
        let send = send.clone();
        if let Ok(fonts) = js_sys::Reflect::get(&gloo::utils::document(), &"fonts".into()) {
            if let Ok(ready) = js_sys::Reflect::get(&fonts, &"ready".into()) {
                if let Ok(promise) = ready.dyn_into::<js_sys::Promise>() {
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
                        send(false);
                    });
                }
            }
        }
    }
    // The slow fallback for browsers or layouts the observer misses.
    let poll = {
        let send = send.clone();
        Interval::new(1000, move || send(false))
    };
    send(true);
    Some(Resizer {
        _observer: observer,
        _callback: on_resize,
        _listeners: listeners,
        _poll: poll,
    })
}
