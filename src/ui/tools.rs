//! The reader's build (`--no-default-features`): the newsroom's tools are not in it. Their places
//! on the page look the same; the Embed button reloads the page with `customize=1`, which loads
//! the newsroom's build (`xtask/src/builds.rs` writes the page's loader) with the customizer open.

use yew::prelude::*;

use super::browser;
use super::notices::Rejected;
use super::state::{Action, Customizer};
use crate::model::format::count;
use crate::model::{Problem, Query};

/// The "Embed" button, as the newsroom's build draws it closed.
pub fn embed_customizer(_: &Query, _: &str, _: Option<&Customizer>, _: &Callback<Action>) -> Html {
    html! { <button type="button" class="embed-button" aria-expanded="false" onclick={|_| browser::open_tools()}>{ "Embed" }</button> }
}

/// How many entries a file lost. Only a file the build did not check can have any (the bundled
/// one is validated when it is built); the newsroom's build names each one.
pub fn problems_panel(problems: &[Problem], rejected: Rejected, _: &Callback<MouseEvent>) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    let what = match rejected {
        Rejected::Contests => "contests in this dataset could not be read and are not shown",
        Rejected::Details => "sources or corrections could not be read and are not shown",
    };
    html! { <p class="problems" role="alert">{ format!("{}: {what}.", count(problems.len() as i64, "problem", "problems")) }</p> }
}
