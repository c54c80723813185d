//! The few browser calls the app needs: location, history, fetch, theme, fatal message. Only
//! effects, event handlers and `ui::start` call them: the server renderer never does.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::model::{Theme, MAX_BYTES};

/// The site's root, as every page names it in `<base>` (a prerendered page may sit in a folder).
fn site_root() -> String {
    let document = gloo::utils::document();
    document
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_else(|| gloo::utils::window().location().href().unwrap_or_default())
}

/// Where the browser is: the path relative to the site's root, and the query string.
pub fn address() -> (String, String) {
    let location = gloo::utils::window().location();
    let root = web_sys::Url::new(&site_root())
        .map(|u| u.pathname())
        .unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let relative = path.strip_prefix(&root).unwrap_or(&path).to_string();
    (relative, location.search().unwrap_or_default())
}

/// The newsroom's tools: this address again with `<request>=1` (`customize`, `download`), which
/// the page's loader answers with the newsroom's build (the reader's build, which calls this, has
/// neither the customizer nor the CSV writer).
#[cfg(not(feature = "newsroom"))]
pub fn open_tools(request: &str) {
    let location = gloo::utils::window().location();
    let Ok(url) = web_sys::Url::new(&location.href().unwrap_or_default()) else {
        return;
    };
    url.search_params().set(request, "1");
    let _ = location.assign(&url.href());
}

/// An attribute the build wrote on `<main id="app">`.
fn app_attribute(name: &str) -> Option<String> {
    gloo::utils::document().get_element_by_id("app")?.get_attribute(name)
}

/// The bundled dataset's address, as the page names it on `<main id="app">` (the file's name
/// carries a hash of its content, so no cache pairs this page with another build's data).
pub fn bundled_dataset() -> String {
    app_attribute("data-dataset").unwrap_or_else(|| "data/results.json".into())
}

/// The origins, besides this site's own, that whoever built the site allows `?data=` to read
/// (`TALLY_DATA_ORIGINS` at build time, written on `<main id="app" data-origins>`).
#[cfg(feature = "newsroom")]
pub fn allowed_origins() -> String {
    app_attribute("data-origins").unwrap_or_default()
}

/// A plain click stays in the page; one with a modifier opens a new tab, as links do.
pub fn plain_click(event: &web_sys::MouseEvent) -> bool {
    !(event.ctrl_key() || event.meta_key() || event.shift_key())
}

/// Writes an address (relative to the site's root) into the address bar: a new history entry,
/// or in place of the current one. The page's own static URL, so a reload or a share lands on it.
pub fn write_address(href: &str, push: bool) {
    let window = gloo::utils::window();
    let location = window.location();
    let target = resolve(href, &site_root());
    let current = location.href().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if current == target || current == format!("{target}{hash}") {
        return;
    }
    let url = format!("{target}{hash}");
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// An absolute URL for one relative to the site's root, so links work from inside an iframe and
/// in copied codes.
pub fn absolute(relative: &str) -> String {
    resolve(relative, &site_root())
}

/// `relative` read against the absolute URL `base`, as a link in that document would be.
pub fn resolve(relative: &str, base: &str) -> String {
    web_sys::Url::new_with_base(relative, base)
        .map(|u| u.href())
        .unwrap_or_else(|_| relative.to_string())
}

pub fn apply_theme(theme: Theme) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("data-theme", theme.code());
    }
}

/// Fetches a dataset's bytes, with the reason in words when it fails.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| {
        format!("The data could not be fetched from {url}: the network failed or the server does not allow it (CORS).")
    })?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| "The browser returned no response.".to_string())?;
    if !response.ok() {
        return Err(format!(
            "The server answered {} {} for {url}.",
            response.status(),
            response.status_text()
        ));
    }
    let too_large = crate::model::too_large;
    // Refuse early when the server says how large the body is.
    if let Ok(Some(length)) = response.headers().get("content-length") {
        if let Some(length) = length.parse::<usize>().ok().filter(|&n| n > MAX_BYTES) {
            return Err(too_large(length));
        }
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| "The response body could not be read.".to_string())?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| "The response body could not be read.".to_string())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if bytes.len() > MAX_BYTES {
        return Err(too_large(bytes.len()));
    }
    Ok(bytes)
}

/// Done once the browser has painted the frame it is preparing: its animation-frame callback
/// sets a timeout, whose task comes after the paint. Both call JS functions (`setTimeout` bound
/// to the promise's `resolve`), so no Rust closure is handed to the browser.
pub async fn after_paint() {
    let window = gloo::utils::window();
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        let set_timeout =
            js_sys::Reflect::get(&window, &"setTimeout".into()).map(JsCast::unchecked_into::<js_sys::Function>);
        if let Ok(set_timeout) = set_timeout {
            let then = set_timeout.bind2(&window, &resolve, &0.into());
            let _ = window.request_animation_frame(then.unchecked_ref());
        }
    });
    let _ = JsFuture::from(frame).await;
}

/// Offers `text` to the reader as a file named `name`, as a link with `download` would.
#[cfg(feature = "newsroom")]
pub fn download(name: &str, mime: &str, text: &str) {
    let url = format!("data:{mime},{}", crate::model::encode(text));
    if let Ok(link) = gloo::utils::document().create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", name);
        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
            link.click();
        }
    }
}

/// Adds a script of this site to the page (the CSP allows 'self').
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn add_script(src: &str) {
    let document = gloo::utils::document();
    if let (Ok(script), Some(head)) = (document.create_element("script"), document.head()) {
        let _ = script.set_attribute("src", src);
        let _ = head.append_child(&script);
    }
}

/// Last resort after a panic: text only, written without Yew.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn show_fatal(message: &str) {
    let document = gloo::utils::document();
    let Some(body) = document.body() else { return };
    let Ok(box_) = document.create_element("div") else {
        return;
    };
    box_.set_class_name("fatal");
    let _ = box_.set_attribute("role", "alert");
    box_.set_text_content(Some(message));
    let _ = body.prepend_with_node_1(&box_);
}

/// A feed's reply to a conditional request: `None` for 304 Not Modified, else the body and the
/// validators to send next time (`ETag`, `Last-Modified`).
#[cfg(any(feature = "newsroom", feature = "live"))]
pub type FeedReply = Option<(Vec<u8>, Option<String>, Option<String>)>;

/// Asks for a feed again, naming what the page has (`If-None-Match`, `If-Modified-Since`): an
/// unchanged feed costs a 304 and no body. The browser's cache is bypassed, so the 304 is ours.
#[cfg(any(feature = "newsroom", feature = "live"))]
pub async fn fetch_feed(url: &str, etag: &Option<String>, modified: &Option<String>) -> Result<FeedReply, ()> {
    let headers = web_sys::Headers::new().map_err(|_| ())?;
    if let Some(etag) = etag {
        let _ = headers.set("If-None-Match", etag);
    }
    if let Some(modified) = modified {
        let _ = headers.set("If-Modified-Since", modified);
    }
    let init = web_sys::RequestInit::new();
    init.set_headers(&headers);
    init.set_cache(web_sys::RequestCache::NoStore);
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| ())?;
    let response: Response = response.dyn_into().map_err(|_| ())?;
    match response.status() {
        304 => return Ok(None),
        200 => {}
        _ => return Err(()),
    }
    let header = |name: &str| response.headers().get(name).ok().flatten();
    let (etag, modified) = (header("etag"), header("last-modified"));
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| ())?)
        .await
        .map_err(|_| ())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    if bytes.len() > MAX_BYTES {
        return Err(());
    }
    Ok(Some((bytes, etag, modified)))
}

/// Whether the page is hidden (another tab, a minimised window): no polls then.
#[cfg(any(feature = "newsroom", feature = "live"))]
pub fn hidden() -> bool {
    gloo::utils::document().hidden()
}

/// Done after `ms` milliseconds (never, with `None`), or as soon as the page is shown or hidden.
#[cfg(any(feature = "newsroom", feature = "live"))]
pub async fn sleep_or_shown(ms: Option<u32>) {
    let (window, document) = (gloo::utils::window(), gloo::utils::document());
    let mut listener = None;
    let wake = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(ms) = ms {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
        let _ = document.add_event_listener_with_callback("visibilitychange", &resolve);
        listener = Some(resolve);
    });
    let _ = JsFuture::from(wake).await;
    if let Some(resolve) = listener {
        let _ = document.remove_event_listener_with_callback("visibilitychange", &resolve);
    }
}

/// Adds a stylesheet of this site to the page (the live feed's, `tally-live.css`).
#[cfg(any(feature = "newsroom", feature = "live"))]
pub fn add_stylesheet(href: &str) {
    let document = gloo::utils::document();
    if let (Ok(link), Some(head)) = (document.create_element("link"), document.head()) {
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        let _ = head.append_child(&link);
    }
}
