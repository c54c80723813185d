//! The filter bar: territory picker, party, cycle, contest kind, free-text search, clear all.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::state::{Action, Picker};
use super::territory_picker::territory_picker;
use crate::model::derive::list_order::ListOrder;
use crate::model::{Catalog, ContestKind, Cycles, Filter, Party};

fn select_value(event: Event) -> String {
    event.target_unchecked_into::<HtmlSelectElement>().value()
}

/// One labelled select whose first choice, "any" (if given), clears the filter. Choices: (value,
/// label, selected).
fn choice(
    id: &'static str,
    label: &'static str,
    any: Option<&'static str>,
    choices: Vec<(String, String, bool)>,
    onchange: Callback<Event>,
) -> Html {
    let none_selected = !choices.iter().any(|(_, _, selected)| *selected);
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select {id} {onchange}>
                if let Some(any) = any { <option value="" selected={none_selected}>{ any }</option> }
                { for choices.into_iter().map(|(value, label, selected)| html! { <option {value} {selected}>{ label }</option> }) }
            </select>
        </div>
    }
}

/// A view function, not a component: it has no state of its own, and each component costs wasm.
pub fn filters(filter: &Filter, catalog: &Catalog, picker: &Picker, open: bool, dispatch: &Callback<Action>) -> Html {
    let on_change = &dispatch.reform(Action::SetFilter);
    let change = |update: fn(&mut Filter, String)| {
        let (filter, on_change) = (filter.clone(), on_change.clone());
        Callback::from(move |event: Event| {
            let mut next = filter.clone();
            update(&mut next, select_value(event));
            on_change.emit(next);
        })
    };
    let on_territories = {
        let (filter, on_change) = (filter.clone(), on_change.clone());
        Callback::from(move |territories: Vec<String>| {
            on_change.emit(Filter {
                territories,
                ..filter.clone()
            })
        })
    };
    let on_input =
        dispatch.reform(|e: InputEvent| Action::SetText(e.target_unchecked_into::<HtmlInputElement>().value()));
    let on_clear = on_change.reform(|_: MouseEvent| Filter::default());

    // On a phone one button stands for the whole form, saying what is active.
    let active = filter.active(catalog);
    // Offered where the dataset names a presumptive nominee of the editions chosen, or when the
    // address asked for it (so it can be cleared).
    let who_lost = filter
        .who_lost(catalog)
        .or_else(|| filter.nominee_lost.then(|| "the presumptive nominee".into()));
    // It always shows what the list holds: a search or a territory's page with no year chosen
    // looks in every year.
    let year = filter.year(catalog.newest());
    let mut cycles = vec![("all".to_string(), "All years".to_string(), year.is_none())];
    cycles.extend(
        catalog
            .cycles()
            .iter()
            .map(|&c| (c.to_string(), c.to_string(), year == Some(c))),
    );
    let summary = if active.is_empty() {
        "none".to_string()
    } else {
        active.join(", ")
    };
    html! {
        <>
        <button type="button" class="filters-toggle" aria-expanded={open.to_string()} aria-controls="filters"
            onclick={dispatch.reform(|_| Action::ToggleFilters)}>
            { "Filters" }<span class="filters-summary">{ format!(": {summary}") }</span>
        </button>
        <form id="filters" class="filters" role="search" aria-label="Filter contests" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { territory_picker(&filter.territories, picker, &on_territories, dispatch) }
            { choice("filter-party", "Party", Some("Both parties"), Party::ALL.iter().map(|p| (p.code().into(), p.name().into(), filter.party == Some(*p))).collect(),
                change(|f, v| f.party = Party::from_code(&v))) }
            { choice("filter-cycle", "Cycle", None, cycles, change(|f, v| f.cycle = Cycles::from_code(&v).unwrap_or_default())) }
            { choice("filter-kind", "Contest", Some("All kinds"), ContestKind::ALL.iter().map(|k| (k.code().into(), k.label().into(), filter.kind == Some(*k))).collect(),
                change(|f, v| f.kind = ContestKind::from_code(&v))) }
            <div class="field field-search">
                <label for="filter-text">{ "Search" }</label>
                <input id="filter-text" type="search" placeholder="Candidate, state or territory" autocomplete="off"
                    value={filter.text.clone()} oninput={on_input} />
            </div>
            if let Some(who) = who_lost {
                <label class="check"><input id="filter-lost" type="checkbox" checked={filter.nominee_lost} onchange={change(|f, _| f.nominee_lost = !f.nominee_lost)} />{ format!(" Where {who} lost") }</label>
            }
            <label class="check"><input id="filter-differs" type="checkbox" checked={filter.rule_differs} onchange={change(|f, _| f.rule_differs = !f.rule_differs)} />{ " Delegates differ from the rule" }</label>
            // Not `disabled`: a button disabled under the focus that pressed it drops the focus to the page.
            <button type="button" class="clear" onclick={on_clear} aria-disabled={filter.is_empty().then_some("true")}>{ "Clear filters" }</button>
        </form>
        </>
    }
}

/// The list's order (date, territory, closeness, turnout), beside the status line.
pub fn list_order(order: ListOrder, dispatch: &Callback<Action>) -> Html {
    let options = ListOrder::ALL
        .iter()
        .map(|o| (o.code().to_string(), o.label().to_string(), *o == order))
        .collect();
    let on_change =
        dispatch.reform(|e: Event| Action::SetOrder(ListOrder::from_code(&select_value(e)).unwrap_or_default()));
    html! { <div class="list-order">{ choice("list-sort", "Order", None, options, on_change) }</div> }
}
