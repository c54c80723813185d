//! The territory picker: an ARIA combobox over every jurisdiction, grouped by kind, multi-select.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::{Action, Picker};
use crate::model::data::fold::fold;
use crate::model::{territory, Territory, TerritoryKind, TERRITORIES};

/// What one row of the list selects: a single jurisdiction or every one of a kind.
#[derive(Clone, Copy, PartialEq)]
enum Entry {
    One(&'static Territory),
    Group(TerritoryKind),
}

impl Entry {
    fn id(self) -> String {
        match self {
            Entry::One(t) => format!("territory-option-{}", t.code),
            Entry::Group(kind) => format!("territory-group-{}", kind.code()),
        }
    }

    fn codes(self) -> Vec<String> {
        match self {
            Entry::One(t) => vec![t.code.to_string()],
            Entry::Group(kind) => TERRITORIES
                .iter()
                .filter(|t| t.kind == kind)
                .map(|t| t.code.to_string())
                .collect(),
        }
    }
}

/// The entries matching what was typed, grouped by kind: by name anywhere, or by code.
fn matching(text: &str) -> Vec<(TerritoryKind, Vec<Entry>)> {
    let needle = fold(text.trim());
    TerritoryKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let members: Vec<&'static Territory> = TERRITORIES.iter().filter(|t| t.kind == kind).collect();
            let mut entries: Vec<Entry> = Vec::new();
            if members.len() > 1 && (needle.is_empty() || kind.plural().starts_with(&needle)) {
                entries.push(Entry::Group(kind));
            }
            entries.extend(
                members
                    .into_iter()
                    .filter(|t| {
                        needle.is_empty()
                            || crate::model::data::fold::contains(&fold(t.name), &needle)
                            || t.code.eq_ignore_ascii_case(&needle)
                    })
                    .map(Entry::One),
            );
            (!entries.is_empty()).then_some((kind, entries))
        })
        .collect()
}

fn group_heading(kind: TerritoryKind) -> &'static str {
    match kind {
        TerritoryKind::State => "States",
        TerritoryKind::District => "District",
        TerritoryKind::Territory => "Territories",
        TerritoryKind::Abroad => "Abroad",
    }
}

/// A view function over the app's state (`picker`): choosing emits the new codes on `on_change`.
pub fn territory_picker(
    selected: &[String],
    picker: &Picker,
    on_change: &Callback<Vec<String>>,
    dispatch: &Callback<Action>,
) -> Html {
    let set = {
        let dispatch = dispatch.clone();
        move |next: Picker| dispatch.emit(Action::Picker(next))
    };
    let groups = matching(&picker.text);
    let flat: Vec<Entry> = groups.iter().flat_map(|(_, entries)| entries.iter().copied()).collect();
    let active_index = picker.active.min(flat.len().saturating_sub(1));

    let is_selected = |entry: Entry| entry.codes().iter().all(|c| selected.contains(c));
    let toggle = {
        let (selected, on_change, set, picker) = (selected.to_vec(), on_change.clone(), set.clone(), picker.clone());
        move |entry: Entry| {
            let codes = entry.codes();
            let mut next = selected.clone();
            if codes.iter().all(|c| next.contains(c)) {
                next.retain(|c| !codes.contains(c));
            } else {
                next.extend(codes.into_iter().filter(|c| !selected.contains(c)));
            }
            on_change.emit(next);
            set(Picker {
                text: String::new(),
                ..picker.clone()
            });
        }
    };

    let on_input = dispatch.reform(|e: InputEvent| {
        Action::Picker(Picker {
            text: e.target_unchecked_into::<HtmlInputElement>().value(),
            open: true,
            active: 0,
        })
    });
    let on_keydown = {
        let (picker, set, toggle, flat) = (picker.clone(), set.clone(), toggle.clone(), flat.clone());
        let (selected, on_change) = (selected.to_vec(), on_change.clone());
        Callback::from(move |e: KeyboardEvent| {
            let with = |active: usize, open: bool| Picker {
                active,
                open,
                ..picker.clone()
            };
            match e.key().as_str() {
                "ArrowDown" => {
                    e.prevent_default();
                    let next = if picker.open {
                        (active_index + 1).min(flat.len().saturating_sub(1))
                    } else {
                        active_index
                    };
                    set(with(next, true));
                }
                "ArrowUp" => {
                    e.prevent_default();
                    set(with(active_index.saturating_sub(1), picker.open));
                }
                "Enter" if picker.open => {
                    e.prevent_default();
                    if let Some(entry) = flat.get(active_index) {
                        toggle(*entry);
                    }
                }
                "Escape" => set(with(active_index, false)),
                "Backspace" if picker.text.is_empty() && !selected.is_empty() => {
                    let mut next = selected.clone();
                    next.pop();
                    on_change.emit(next);
                }
                _ => {}
            }
        })
    };
    let open_to = |open: bool| {
        let (picker, set) = (picker.clone(), set.clone());
        Callback::from(move |_: FocusEvent| set(Picker { open, ..picker.clone() }))
    };

    let chips = selected.iter().map(|code| {
        let name = territory(code).map_or(code.as_str(), |t| t.name);
        let (selected, on_change, code) = (selected.to_vec(), on_change.clone(), code.clone());
        let remove = Callback::from(move |_| on_change.emit(selected.iter().filter(|c| **c != code).cloned().collect()));
        html! {
            <li><button type="button" class="chip" onclick={remove} aria-label={format!("Remove {name}")}>{ name }<span aria-hidden="true">{ " \u{00d7}" }</span></button></li>
        }
    });

    let option = |entry: Entry, index: usize| {
        let toggle = toggle.clone();
        let label = match entry {
            Entry::One(t) => html! { <>{ t.name }<span class="code">{ t.code }</span></> },
            Entry::Group(kind) => {
                html! { { format!("All {} ({})", kind.plural(), entry.codes().len()) } }
            }
        };
        html! {
            <li role="option" id={entry.id()} aria-selected={is_selected(entry).to_string()}
                class="option" data-active={(index == active_index).then_some("")}
                onmousedown={Callback::from(move |e: MouseEvent| { e.prevent_default(); toggle(entry); })}>
                { label }
            </li>
        }
    };
    let mut index = 0;
    let listbox = groups.iter().map(|(kind, entries)| {
        let heading_id = format!("territory-heading-{}", kind.code());
        let items: Vec<Html> = entries
            .iter()
            .map(|entry| {
                index += 1;
                option(*entry, index - 1)
            })
            .collect();
        html! {
            <li role="presentation">
                <ul role="group" aria-labelledby={heading_id.clone()}>
                    <li role="presentation" id={heading_id} class="group-heading">{ group_heading(*kind) }</li>
                    { for items }
                </ul>
            </li>
        }
    });
    let expanded = picker.open && !flat.is_empty();

    html! {
        <div class="field picker">
            <label for="territory-input" id="territory-label">{ "Territory" }</label>
            if !selected.is_empty() {
                <ul class="chips" aria-label="Chosen jurisdictions">{ for chips }</ul>
            }
            <input id="territory-input" type="text" role="combobox" autocomplete="off"
                aria-autocomplete="list" aria-expanded={expanded.to_string()} aria-controls="territory-list"
                aria-activedescendant={expanded.then(|| flat.get(active_index).map(|e| e.id())).flatten()}
                placeholder="Type a name or code, e.g. Guam"
                value={picker.text.clone()} oninput={on_input} onkeydown={on_keydown} onfocus={open_to(true)} onblur={open_to(false)} />
            // Not a tab stop (a list that scrolls would be one): Tab leaves the input for the next
            // control, as the list closes behind it.
            <ul id="territory-list" role="listbox" aria-labelledby="territory-label" aria-multiselectable="true" tabindex="-1" hidden={!expanded}>
                // Built only while open: a closed list would cost the first paint 70 hidden rows.
                { for listbox.take(if expanded { usize::MAX } else { 0 }) }
            </ul>
            if picker.open && flat.is_empty() {
                <p class="hint">{ "No jurisdiction matches." }</p>
            }
        </div>
    }
}
