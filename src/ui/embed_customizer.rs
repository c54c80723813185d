//! The "Embed" button and its customizer: a live preview of the current view and copyable codes.

use yew::prelude::*;

use super::browser::absolute;
use super::state::{Action, Customizer};
use crate::model::words::snippet::{iframe_snippet, pym_snippet};
use crate::model::{Query, Theme};

/// The "Embed" button and, when open, the customizer: a view function over the app's state (a
/// component of its own would cost more wasm). `title` says what the embed shows, for its iframe.
pub fn embed_customizer(
    query: &Query,
    title: &str,
    customizer: Option<&Customizer>,
    dispatch: &Callback<Action>,
) -> Html {
    let Some(settings) = customizer else {
        return html! { <button type="button" class="embed-button" aria-expanded="false" onclick={dispatch.reform(|_| Action::Customize(Some(Customizer::default())))}>{ "Embed" }</button> };
    };
    let mut embed = query.clone();
    embed.embed = true;
    embed.plain = settings.plain;
    embed.theme = settings.theme;
    let embed_url = absolute(&embed.embed_href());
    let script_url = absolute("tally-embed.js");
    let title = format!("Tally: {title}");
    let name = query.contest.as_deref().unwrap_or("list");
    let snippets = [
        (
            "snippet-iframe",
            "Iframe with Tally's resize script",
            iframe_snippet(&embed_url, &title, &script_url),
        ),
        ("snippet-pym", "Pym.js", pym_snippet(&embed_url, &title, name)),
    ];

    let update = |change: fn(&mut Customizer, &Event)| {
        let settings = settings.clone();
        dispatch.reform(move |event: Event| {
            let mut next = settings.clone();
            change(&mut next, &event);
            Action::Customize(Some(next))
        })
    };
    let on_theme = update(|c, e| {
        c.theme = match e.target_unchecked_into::<web_sys::HtmlSelectElement>().value().as_str() {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::Auto,
        }
    });
    let on_plain = update(|c, e| c.plain = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
    let copy = |id: &'static str, text: String| {
        let settings = settings.clone();
        dispatch.reform(move |_: MouseEvent| {
            let _ = gloo::utils::window().navigator().clipboard().write_text(&text);
            Action::Customize(Some(Customizer {
                copied: Some(id),
                ..settings.clone()
            }))
        })
    };

    html! {
        <>
            <button type="button" class="embed-button" aria-expanded="true" onclick={dispatch.reform(|_| Action::Customize(None))}>{ "Close embed options" }</button>
            <section class="customizer" aria-labelledby="customizer-title">
                // Reached by a reload (the reader's build's Embed button), the page gives its
                // heading the focus: autofocus, not an effect.
                <h2 id="customizer-title" tabindex="-1" autofocus=true>{ "Embed this view" }</h2>
                <div class="customizer-options">
                    <div class="field">
                        <label for="embed-theme">{ "Theme" }</label>
                        <select id="embed-theme" onchange={on_theme}>
                            <option value="auto" selected={settings.theme == Theme::Auto}>{ "Follow the reader's setting" }</option>
                            <option value="light" selected={settings.theme == Theme::Light}>{ "Light" }</option>
                            <option value="dark" selected={settings.theme == Theme::Dark}>{ "Dark" }</option>
                        </select>
                    </div>
                    <label class="check"><input type="checkbox" checked={settings.plain} onchange={on_plain} />{ " Without the title line" }</label>
                </div>
                <h3>{ "Preview" }</h3>
                // Sized as an article sizes it: by the parent script, from the embed's messages.
                <iframe class="preview" data-tally="" src={embed_url.clone()} title={title.clone()}></iframe>
                <script src="tally-embed.js"></script>
                { for snippets.into_iter().map(|(id, label, code)| html! {
                    <div class="snippet">
                        <label for={id}>{ label }</label>
                        <textarea id={id} readonly=true rows="4" value={code.clone()} />
                        <button type="button" onclick={copy(id, code)}>{ if settings.copied == Some(id) { "Copied" } else { "Copy" } }</button>
                    </div>
                }) }
            </section>
        </>
    }
}
