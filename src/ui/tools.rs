//! The reader's build (`--no-default-features`): the newsroom's tools are not in it. Their places
//! on the page look the same; the Embed button reloads the page with `customize=1`, which loads
//! the newsroom's build (`xtask/src/builds.rs` writes the page's loader) with the customizer open.

use yew::prelude::*;

use super::browser;
use super::notices::Rejected;
use super::state::{Action, Customizer};
use crate::model::{Problem, Query};

/// The "Embed" button, as the newsroom's build draws it closed.
pub fn embed_customizer(_: &Query, _: &str, _: Option<&Customizer>, _: &Callback<Action>) -> Html {
    html! { <button type="button" class="embed-button" aria-expanded="false" onclick={|_| browser::open_tools("customize")}>{ "Embed" }</button> }
}

/// Nothing: the reader's build reads only the files the build validated, as built, so no entry
/// is ever left out (the newsroom's build lists each one a file loses).
pub fn problems_panel(_: &[Problem], _: Rejected, _: &Callback<MouseEvent>) -> Html {
    Html::default()
}

/// Nothing: the reader's build shows only this site's own results (the newsroom's build says
/// whose results it shows when they are another site's).
pub fn provenance(_: &Option<String>, _: &str) -> Html {
    Html::default()
}
