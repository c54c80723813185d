//! The whole page state and its transitions; the DOM is not touched here.

use std::rc::Rc;

use yew::Reducible;

use super::contest_detail::Sort;
use super::embed_customizer::Customizer;
use super::territory_picker::Picker;
use super::winners::FIRST_ROWS;
use crate::model::{Catalog, Filter, Problem, Query};

/// A loaded catalog, shared; equal only to itself, so comparing props never walks the data.
#[derive(Clone, Debug)]
pub struct Shared(pub Rc<Catalog>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for Shared {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    Loading,
    Failed(String),
    Ready(Shared),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub data: Data,
    pub query: Query,
    /// What was ignored in the address, in words.
    pub notices: Vec<String>,
    /// Contests of a newsroom dataset that were rejected.
    pub problems: Rc<Vec<Problem>>,
    /// Whether the last change deserves its own history entry (typing replaces it).
    pub push_history: bool,
    pub last_was_typing: bool,
    pub picker: Picker,
    /// How many rows of the list to render (see `winners.rs`).
    pub limit: usize,
    /// The opened contest's options table order.
    pub sort: Sort,
    /// The embed customizer's settings while it is open.
    pub customizer: Option<Customizer>,
    /// A compact embedded list was expanded by "Show all".
    pub embed_expanded: bool,
    /// Why the details file (sources and corrections) could not be read, once it failed.
    pub details_error: Option<String>,
}

/// Whether an opened contest's sources and corrections are there to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Details {
    Ready,
    Loading,
    Failed(String),
}

pub enum Action {
    Loaded(Shared, Vec<Problem>),
    Failed(String),
    /// The details file was read into the catalog it was fetched for.
    DetailsLoaded {
        from: Shared,
        merged: Shared,
        problems: Vec<Problem>,
    },
    DetailsFailed {
        from: Shared,
        message: String,
    },
    /// Back/forward, or a link inside the page.
    Navigate(Query, Vec<String>),
    SetFilter(Filter),
    SetText(String),
    Open(Option<String>),
    ShowAllInEmbed,
    Picker(Picker),
    Sort(Sort),
    ShowRows(usize),
    /// Open (or change) the embed customizer, or close it with `None`.
    Customize(Option<Customizer>),
    /// After a newsroom dataset failed: drop `?data=` and load the bundled results.
    UseBundled,
}

impl State {
    pub fn from_location(search: &str) -> State {
        let (query, notices) = Query::parse(search);
        State {
            data: Data::Loading,
            query,
            notices,
            problems: Rc::default(),
            push_history: false,
            last_was_typing: false,
            details_error: None,
            embed_expanded: false,
            customizer: None,
            picker: Picker::default(),
            limit: FIRST_ROWS,
            sort: Sort::default(),
        }
    }

    /// The catalog whose sources and corrections are still in a details file, once a contest is
    /// open and until the file has been read or has failed.
    pub fn details_wanted(&self) -> Option<&Shared> {
        let wanted = self.query.contest.is_some() && self.details_error.is_none();
        self.catalog().filter(|c| wanted && c.dataset.details.is_some())
    }

    pub fn details(&self) -> Details {
        match (&self.details_error, self.catalog()) {
            (Some(message), _) => Details::Failed(message.clone()),
            (None, Some(catalog)) if catalog.dataset.details.is_some() => Details::Loading,
            _ => Details::Ready,
        }
    }

    pub fn catalog(&self) -> Option<&Shared> {
        match &self.data {
            Data::Ready(catalog) => Some(catalog),
            _ => None,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // The same state back means no render (the list asks for its page after every selection).
        if matches!(action, Action::ShowRows(limit) if limit == self.limit) {
            return self;
        }
        let mut next = (*self).clone();
        // Only a reader's own change of the query earns a history entry (typing: its first keystroke).
        next.push_history = false;
        let typing = matches!(action, Action::SetText(_));
        match action {
            Action::Loaded(catalog, problems) => {
                next.notices.extend(next.query.check_against(&catalog));
                next.data = Data::Ready(catalog);
                next.problems = Rc::new(problems);
                next.details_error = None;
            }
            Action::Failed(message) => {
                next.data = Data::Failed(message);
            }
            // Either arrives after a fetch; the reader may have moved to another dataset meanwhile.
            Action::DetailsLoaded { from, merged, problems } => {
                if self.catalog() == Some(&from) {
                    next.data = Data::Ready(merged);
                    if !problems.is_empty() {
                        next.problems = Rc::new(self.problems.iter().cloned().chain(problems).collect());
                    }
                }
            }
            Action::DetailsFailed { from, message } => {
                if self.catalog() == Some(&from) {
                    next.details_error = Some(message);
                }
            }
            Action::Navigate(query, notices) => {
                next.query = query;
                next.notices = notices;
                if let Some(catalog) = self.catalog() {
                    next.notices.extend(next.query.check_against(catalog));
                }
            }
            Action::SetFilter(filter) => {
                next.query.filter = filter;
                next.query.contest = None;
                next.push_history = true;
            }
            Action::SetText(text) => {
                next.query.filter.text = text;
                next.query.contest = None;
                next.push_history = !self.last_was_typing;
            }
            Action::Open(contest) => {
                next.query.contest = contest;
                next.sort = Sort::default();
                next.push_history = true;
            }
            Action::ShowAllInEmbed => next.embed_expanded = true,
            Action::ShowRows(limit) => next.limit = limit,
            Action::Sort(sort) => next.sort = sort,
            Action::Picker(picker) => next.picker = picker,
            Action::Customize(settings) => next.customizer = settings,
            Action::UseBundled => {
                next.query.data = None;
                next.push_history = true;
                next.data = Data::Loading;
                next.problems = Rc::default();
            }
        }
        // View-only changes (picker, sort, rows shown) do not end a run of typing.
        if next.query != self.query {
            next.last_was_typing = typing;
        }
        Rc::new(next)
    }
}
