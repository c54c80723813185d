//! Short notices: what the address asked for that was ignored, and contests a dataset lost.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Problem;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<String>,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    html! {
        <section class="notice" aria-label="Ignored address settings">
            <ul>{ for props.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
            <p>{ "The rest of the page works as usual." }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProblemsPanelProps {
    pub problems: Rc<Vec<Problem>>,
    pub on_bundled: Callback<MouseEvent>,
}

/// Every rejected contest of a newsroom dataset, with its id, field and reason.
#[component]
pub fn ProblemsPanel(props: &ProblemsPanelProps) -> Html {
    if props.problems.is_empty() {
        return html! {};
    }
    html! {
        <section class="problems" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{ format!("{} problem(s) in this dataset: the contests named here are not shown", props.problems.len()) }</h2>
            <table>
                <caption class="visually-hidden">{ "Rejected contests" }</caption>
                <thead><tr><th scope="col">{ "Contest" }</th><th scope="col">{ "Field" }</th><th scope="col">{ "Reason" }</th></tr></thead>
                <tbody>
                    { for props.problems.iter().map(|p| html! {
                        <tr><td>{ p.contest.clone() }</td><td>{ p.field.clone() }</td><td>{ p.kind.to_string() }</td></tr>
                    }) }
                </tbody>
            </table>
            <button type="button" onclick={props.on_bundled.clone()}>{ "Show the bundled results instead" }</button>
        </section>
    }
}
