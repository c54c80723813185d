//! The few browser calls the components need: location, history, fetch, theme, fatal message.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::model::{LoadError, Theme, MAX_BYTES};

pub fn location_search() -> String {
    gloo::utils::window().location().search().unwrap_or_default()
}

/// Writes the query into the address bar: a new history entry, or in place of the current one.
pub fn write_search(search: &str, push: bool) {
    let window = gloo::utils::window();
    let location = window.location();
    if location.search().unwrap_or_default() == search {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{search}{hash}");
    if let Ok(history) = window.history() {
        let _ = if push {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// An absolute URL for a page-relative one, so links work from inside an iframe.
pub fn absolute(relative: &str) -> String {
    resolve(relative, &gloo::utils::window().location().href().unwrap_or_default())
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
    let too_large = |bytes: usize| LoadError::TooLarge(bytes).to_string();
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

/// Offers `text` to the reader as a file named `name`, as a link with `download` would.
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

/// Last resort after a panic: text only, written without Yew.
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
