//! The build's renderer: the app's own components to HTML, natively, for the static pages.

use std::rc::Rc;

use super::{App, AppProps};
use crate::app_state::State;

/// The HTML of the app in `state`, as the browser's first render of that state makes it.
pub fn render(state: State) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime starts");
    let renderer = yew::LocalServerRenderer::<App>::with_props(AppProps {
        first: Rc::new(state),
        then: None,
    })
    .hydratable(false);
    runtime.block_on(async move {
        let mut html = String::new();
        renderer.render_to_string(&mut html).await;
        html
    })
}
