//! The filter bar: territory picker, party, cycle, contest kind, free-text search, clear all.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::territory_picker::TerritoryPicker;
use crate::model::{ContestKind, Filter, Party};

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub filter: Filter,
    pub cycles: Vec<i64>,
    pub on_change: Callback<Filter>,
    pub on_text: Callback<String>,
}

fn select_value(event: Event) -> String {
    event.target_unchecked_into::<HtmlSelectElement>().value()
}

#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let filter = &props.filter;
    let change = |update: fn(&mut Filter, String)| {
        let (filter, on_change) = (filter.clone(), props.on_change.clone());
        Callback::from(move |event: Event| {
            let mut next = filter.clone();
            update(&mut next, select_value(event));
            on_change.emit(next);
        })
    };
    let on_territories = {
        let (filter, on_change) = (filter.clone(), props.on_change.clone());
        Callback::from(move |territories: Vec<String>| {
            on_change.emit(Filter {
                territories,
                ..filter.clone()
            })
        })
    };
    let on_input = props
        .on_text
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let on_clear = props.on_change.reform(|_: MouseEvent| Filter::default());

    html! {
        <form class="filters" role="search" aria-label="Filter contests" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <TerritoryPicker selected={filter.territories.clone()} on_change={on_territories} />
            <div class="field">
                <label for="filter-party">{ "Party" }</label>
                <select id="filter-party" onchange={change(|f, v| f.party = Party::from_code(&v))}>
                    <option value="" selected={filter.party.is_none()}>{ "Both parties" }</option>
                    { for Party::ALL.iter().map(|p| html! {
                        <option value={p.code()} selected={filter.party == Some(*p)}>{ p.name() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filter-cycle">{ "Cycle" }</label>
                <select id="filter-cycle" onchange={change(|f, v| f.cycle = v.parse().ok())}>
                    <option value="" selected={filter.cycle.is_none()}>{ "All years" }</option>
                    { for props.cycles.iter().map(|c| html! {
                        <option value={c.to_string()} selected={filter.cycle == Some(*c)}>{ c.to_string() }</option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="filter-kind">{ "Contest" }</label>
                <select id="filter-kind" onchange={change(|f, v| f.kind = ContestKind::from_code(&v))}>
                    <option value="" selected={filter.kind.is_none()}>{ "All kinds" }</option>
                    { for ContestKind::ALL.iter().map(|k| html! {
                        <option value={k.code()} selected={filter.kind == Some(*k)}>{ k.label() }</option>
                    }) }
                </select>
            </div>
            <div class="field field-search">
                <label for="filter-text">{ "Search" }</label>
                <input id="filter-text" type="search" placeholder="Candidate, state or territory" autocomplete="off"
                    value={filter.text.clone()} oninput={on_input} />
            </div>
            <button type="button" class="clear" onclick={on_clear} disabled={filter.is_empty()}>{ "Clear filters" }</button>
        </form>
    }
}
