//! Short notices: what the address asked for that was ignored, and contests a dataset lost.

use yew::prelude::*;

use crate::model::Problem;

pub fn notices(notices: &[String]) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <section class="notice" aria-label="Ignored address settings">
            <ul>{ for notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            <p>{ "The rest of the page works as usual." }</p>
        </section>
    }
}

/// Every rejected contest of a newsroom dataset, with its id, field and reason.
pub fn problems_panel(problems: &[Problem], on_bundled: &Callback<MouseEvent>) -> Html {
    if problems.is_empty() {
        return html! {};
    }
    html! {
        <section class="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{ format!("{} problem(s) in this dataset: the contests named here are not shown", problems.len()) }</h2>
            <table>
                <caption class="visually-hidden">{ "Rejected contests" }</caption>
                <thead><tr><th scope="col">{ "Contest" }</th><th scope="col">{ "Field" }</th><th scope="col">{ "Reason" }</th></tr></thead>
                <tbody>
                    { for problems.iter().map(|p| html! {
                        <tr><td>{ p.contest.clone() }</td><td>{ p.field.clone() }</td><td>{ p.kind.to_string() }</td></tr>
                    }) }
                </tbody>
            </table>
            <button type="button" onclick={on_bundled.clone()}>{ "Show the bundled results instead" }</button>
        </section>
    }
}
