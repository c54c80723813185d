//! The "Embed" button and its customizer: a live preview of the current view and copyable codes.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::browser::absolute;
use crate::model::snippet::{iframe_snippet, pym_snippet};
use crate::model::{Query, Theme};

#[derive(Properties, PartialEq)]
pub struct EmbedCustomizerProps {
    pub query: Query,
    /// What the embed shows, in words: the iframe's title for screen readers.
    pub title: String,
}

#[component]
pub fn EmbedCustomizer(props: &EmbedCustomizerProps) -> Html {
    let open = use_state(|| false);
    let theme = use_state(|| Theme::Auto);
    let plain = use_state(|| false);
    let copied = use_state(String::new);
    let preview = use_node_ref();

    let mut embed = props.query.clone();
    embed.embed = true;
    embed.plain = *plain;
    embed.theme = *theme;
    embed.data = props.query.data.clone();
    let embed_url = absolute(&embed.to_search());
    let script_url = absolute("tally-embed.js");
    let title = format!("Tally: {}", props.title);
    let container = format!(
        "tally-{}",
        props
            .query
            .contest
            .clone()
            .unwrap_or_else(|| "results".into())
            .to_ascii_lowercase()
    );
    let snippets = [
        (
            "snippet-iframe",
            "Iframe with Tally's resize script",
            iframe_snippet(&embed_url, &title, &script_url),
        ),
        ("snippet-pym", "Pym.js", pym_snippet(&embed_url, &title, &container)),
    ];

    // The preview resizes itself from the same messages a newsroom's page receives.
    {
        let preview = preview.clone();
        use_effect_with(*open, move |open| {
            let listener = open.then(|| {
                EventListener::new(&gloo::utils::window(), "message", move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
                        return;
                    };
                    let data = event.data();
                    let is_amp = js_sys::Reflect::get(&data, &"sentinel".into())
                        .ok()
                        .and_then(|s| s.as_string())
                        .as_deref()
                        == Some("amp");
                    let height = js_sys::Reflect::get(&data, &"height".into())
                        .ok()
                        .and_then(|h| h.as_f64());
                    if let (true, Some(height), Some(frame)) = (is_amp, height, preview.cast::<HtmlElement>()) {
                        let _ = frame
                            .style()
                            .set_property("height", &format!("{}px", height.ceil() as i64));
                    }
                })
            });
            move || drop(listener)
        });
    }

    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    if !*open {
        return html! { <button type="button" class="embed-button" aria-expanded="false" onclick={toggle}>{ "Embed" }</button> };
    }
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            theme.set(match value.as_str() {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => Theme::Auto,
            });
        })
    };
    let on_plain = {
        let plain = plain.clone();
        Callback::from(move |e: Event| plain.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
    };
    let copy = |id: &'static str, text: String| {
        let copied = copied.clone();
        Callback::from(move |_| {
            let clipboard = gloo::utils::window().navigator().clipboard();
            let _ = clipboard.write_text(&text);
            copied.set(id.to_string());
        })
    };

    html! {
        <>
            <button type="button" class="embed-button" aria-expanded="true" onclick={toggle}>{ "Close embed options" }</button>
            <section class="customizer" aria-labelledby="customizer-title">
                <h2 id="customizer-title">{ "Embed this view" }</h2>
                <div class="customizer-options">
                    <div class="field">
                        <label for="embed-theme">{ "Theme" }</label>
                        <select id="embed-theme" onchange={on_theme}>
                            <option value="auto" selected={*theme == Theme::Auto}>{ "Follow the reader's setting" }</option>
                            <option value="light" selected={*theme == Theme::Light}>{ "Light" }</option>
                            <option value="dark" selected={*theme == Theme::Dark}>{ "Dark" }</option>
                        </select>
                    </div>
                    <label class="check"><input type="checkbox" checked={*plain} onchange={on_plain} />{ " Without the title line" }</label>
                </div>
                <h3>{ "Preview" }</h3>
                <iframe ref={preview} class="preview" src={embed_url.clone()} title={title.clone()} loading="lazy"></iframe>
                { for snippets.into_iter().map(|(id, label, code)| html! {
                    <div class="snippet">
                        <label for={id}>{ label }</label>
                        <textarea id={id} readonly=true rows="4" value={code.clone()} />
                        <button type="button" onclick={copy(id, code)}>{ if *copied == id { "Copied" } else { "Copy" } }</button>
                    </div>
                }) }
            </section>
        </>
    }
}
