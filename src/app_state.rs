//! The whole page's state and its transitions, in plain Rust: what the reader chose (the URL's
//! query) and what the view shows (data, picker, sort, rows shown, customizer). The app's one
//! reducer runs [`State::after`]; `cargo test` covers it natively. Nothing here touches the DOM.

use std::rc::Rc;

use crate::model::derive::list_order::ListOrder;
use crate::model::url::pages::Page;
use crate::model::{Catalog, Filter, Problem, Query, Theme};
use crate::model::{Cycles, Dataset, Edition, EditionFile};

pub use editions::{EditionLoads, EditionsRequest};
pub use live::{Feed, Poll};

/// Rows rendered before "Show more"; the real calendar (172 contests) fits in one page.
pub const PAGE_ROWS: usize = 200;
/// Rows of the first render, about two phone screens; the app shows a page once it has painted.
pub const FIRST_ROWS: usize = 30;

/// What the reader has typed in the territory picker and where they are in its list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picker {
    pub text: String,
    pub open: bool,
    /// Index of the highlighted entry among those shown.
    pub active: usize,
}

/// Columns of a contest's options table a reader can sort by; a view setting, not part of the URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Votes,
    Delegates,
}

/// The options table's order: a column and whether it runs high to low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for Sort {
    /// Most votes first.
    fn default() -> Self {
        Sort {
            key: SortKey::Votes,
            descending: true,
        }
    }
}

/// The embed customizer's settings while it is open; they shape the preview and the codes, not the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Customizer {
    pub theme: Theme,
    pub plain: bool,
    /// Which code was copied last, to say so on its button.
    pub copied: Option<&'static str>,
}

/// Where the reader opened a contest from: going back returns the focus there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Opener {
    /// Its row in the list (or the contest's own page, or an address).
    #[default]
    List,
    /// Its tile on the map.
    Map,
}

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
    /// Entries of the details file that were left out (their contests still show).
    pub details_problems: Rc<Vec<Problem>>,
    /// Whether the last change deserves its own history entry (typing replaces it).
    pub push_history: bool,
    pub last_was_typing: bool,
    pub picker: Picker,
    /// How many rows of the list to render.
    pub limit: usize,
    /// The opened contest's options table order.
    pub sort: Sort,
    /// The embed customizer's settings while it is open.
    pub customizer: Option<Customizer>,
    /// The address asked for the list as CSV (`download=1`); cleared once it is made.
    pub download: bool,
    /// A compact embedded list was expanded by "Show all".
    pub embed_expanded: bool,
    /// On a phone, the filters are folded behind one button until the reader opens them.
    pub filters_open: bool,
    /// The cycle and party the reader chose for the map, when the selection has several.
    pub edition: Option<Edition>,
    /// Why the details file (sources and corrections) could not be read, once it failed.
    pub details_error: Option<String>,
    /// The number of the latest dataset request: only its reply counts (`Action::Loaded`).
    pub request: u32,
    /// The contest the address named that these results do not hold: an embed says so in one
    /// line (a page says it among the notices and shows the rest).
    pub absent_contest: Option<String>,
    /// Where the open contest was opened from.
    pub opener: Opener,
    /// The contest the reader just went back from ("All results", the browser's back) and where
    /// they had opened it: the focus returns to that row or tile, not to the top of the page.
    pub back_from: Option<(String, Opener)>,
    /// A live feed's polling (`live.rs`), from its first poll; nothing in a build that reads no feeds.
    pub feed: crate::model::Live<Feed>,
    /// The edition files asked for, on their way, failed (`editions.rs`).
    pub editions: EditionLoads,
    /// While editions the query needs load: the view whose rows stay shown until they are there.
    pub rows_from: Option<Query>,
}

/// The document's title for a view of a catalog: the title the build gave the static page that
/// shows it (`Page::title`), so moving in the app names each page as loading it would.
pub fn title(query: &Query, catalog: &Catalog) -> String {
    Page::showing(query).title(catalog)
}

/// A dataset the page asks for: the file (`None`, the bundled one) and the request's number,
/// which its reply carries back, so a reply to an earlier request is known when it comes late.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataRequest {
    pub number: u32,
    pub data: Option<String>,
}

/// Whether an opened contest's sources and corrections are there to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Details {
    Ready,
    Loading,
    Failed(String),
}

pub enum Action {
    /// The reply to dataset request number `request`; ignored unless it is still the latest.
    Loaded {
        request: u32,
        catalog: Shared,
        problems: Vec<Problem>,
    },
    Failed {
        request: u32,
        message: String,
    },
    /// Edition files read (each with its sources), for edition request `request` of dataset
    /// request `data`. Kept whichever view the reader moved to: only what a view asks for shows.
    EditionsLoaded {
        request: u32,
        data: u32,
        editions: Vec<(EditionFile, Dataset)>,
    },
    /// Edition files that could not be read: said only while the view still waits for them.
    EditionsFailed {
        request: u32,
        data: u32,
        files: Vec<String>,
        message: String,
    },
    /// The details file was read into the catalog it was fetched for (`from`: what it answers),
    /// of dataset request `request`: editions may have joined that catalog since.
    DetailsLoaded {
        request: u32,
        from: Shared,
        merged: Shared,
        problems: Vec<Problem>,
    },
    DetailsFailed {
        request: u32,
        from: Shared,
        message: String,
    },
    /// Back/forward, or a link inside the page.
    Navigate(Query, Vec<String>),
    SetFilter(Filter),
    SetText(String),
    Open(Option<String>),
    /// A contest opened from its tile on the map.
    OpenFromMap(String),
    ShowAllInEmbed,
    Picker(Picker),
    Sort(Sort),
    ShowRows(usize),
    /// Open (or change) the embed customizer, or close it with `None`.
    Customize(Option<Customizer>),
    /// The CSV the address asked for is made.
    Downloaded,
    /// After a newsroom dataset failed: drop `?data=` and load the bundled results.
    UseBundled,
    /// Unfold (or fold) the filters on a phone.
    ToggleFilters,
    /// Show this cycle and party on the map.
    PickEdition(Edition),
    /// Order the list (part of the address).
    SetOrder(ListOrder),
    /// The reply to a poll of the feed that dataset request `request` loaded (`live.rs`).
    Polled {
        request: u32,
        poll: crate::model::Live<Poll>,
    },
}

impl State {
    /// The state for an address the browser opened (not prerendered): loading what it asks for.
    pub fn from_location(search: &str) -> State {
        let (query, notices) = Query::parse(search);
        State::new(query, notices)
    }

    /// A prerendered page's state: its view of the bundled data, every row shown (a page without
    /// scripts must be whole). The build renders it; the browser takes over from the same state.
    pub fn prerendered(query: Query, catalog: Shared) -> State {
        State {
            data: Data::Ready(catalog),
            limit: PAGE_ROWS,
            ..State::new(query, Vec::new())
        }
    }

    /// Loading what `query` asks for; `notices` say what the address held that was ignored.
    pub fn new(mut query: Query, notices: Vec<String>) -> State {
        let customizer = std::mem::take(&mut query.customize).then(Customizer::default);
        let download = std::mem::take(&mut query.download);
        State {
            data: Data::Loading,
            query,
            notices,
            problems: Rc::default(),
            details_problems: Rc::default(),
            push_history: false,
            last_was_typing: false,
            details_error: None,
            request: 0,
            absent_contest: None,
            opener: Opener::List,
            back_from: None,
            feed: crate::model::Live::NONE,
            editions: EditionLoads::default(),
            rows_from: None,
            embed_expanded: false,
            filters_open: false,
            edition: None,
            customizer,
            download,
            picker: Picker::default(),
            limit: FIRST_ROWS,
            sort: Sort::default(),
        }
    }

    /// The catalog whose sources and corrections are still in a details file, once a contest is
    /// open and until the file has been read or has failed.
    pub fn details_wanted(&self) -> Option<&Shared> {
        let wanted = self.query.shows_details() && self.details_error.is_none();
        self.catalog().filter(|c| wanted && c.dataset.details.is_some())
    }

    /// The details file to fetch and the dataset request it belongs to: the same while editions
    /// merge into the catalog, so the file is fetched once (its reply is kept: `DetailsLoaded`).
    pub fn details_file_wanted(&self) -> Option<(u32, String)> {
        self.details_wanted()
            .and_then(|c| Some((self.request, c.dataset.details.clone()?)))
    }

    /// The catalog a details reply answers: the one it was read for, or that one with editions
    /// merged in since (the same dataset request, the same details file still unread).
    fn details_pending(&self, request: u32, from: &Shared) -> Option<&Shared> {
        let same_file = |c: &&Shared| c.dataset.details.is_some() && c.dataset.details == from.dataset.details;
        self.catalog().filter(|c| request == self.request && same_file(c))
    }

    pub fn details(&self) -> Details {
        match (&self.details_error, self.catalog()) {
            (Some(message), _) => Details::Failed(message.clone()),
            (None, Some(catalog)) if catalog.dataset.details.is_some() => Details::Loading,
            _ => Details::Ready,
        }
    }

    /// The dataset to fetch, while one is wanted.
    pub fn data_wanted(&self) -> Option<DataRequest> {
        (self.data == Data::Loading).then(|| DataRequest {
            number: self.request,
            data: self.query.data.clone(),
        })
    }

    /// The document's title: the one the static page showing this view has, once the data is
    /// there to name it (`title`).
    pub fn title(&self) -> Option<String> {
        self.catalog().map(|catalog| title(&self.query, catalog))
    }

    pub fn catalog(&self) -> Option<&Shared> {
        match &self.data {
            Data::Ready(catalog) => Some(catalog),
            _ => None,
        }
    }

    /// The view the list, the board and an opened contest show: the query, or while editions it
    /// needs load, the one shown before (nothing blanks, nothing shifts).
    pub fn shown(&self) -> &Query {
        self.rows_from.as_ref().unwrap_or(&self.query)
    }

    /// The edition files to fetch: the latest request, while it is for the catalog shown.
    pub fn editions_wanted(&self) -> Option<&EditionsRequest> {
        self.editions
            .request
            .as_ref()
            .filter(|r| r.data == self.request && self.catalog().is_some())
    }

    /// What the status line says of editions: coming ("Loading the 2016 Democratic and
    /// Republican results…"), or why they are not there; `None` when the view has all it needs.
    pub fn editions_status(&self) -> Option<String> {
        let catalog = self.catalog()?;
        let waiting: Vec<Edition> = editions::needed(catalog, &self.query)
            .iter()
            .map(|f| f.edition())
            .collect();
        if waiting.is_empty() {
            return None;
        }
        Some(match &self.editions.error {
            Some(why) => crate::model::words::site::not_loaded(&waiting, why),
            None => crate::model::words::site::loading(&waiting),
        })
    }
}

impl State {
    /// A new dataset request: the page shows "Loading" until its reply, and earlier ones no longer count.
    fn request_data(&mut self) {
        self.data = Data::Loading;
        self.problems = Rc::default();
        self.request = self.request.wrapping_add(1);
    }

    /// A contest opened (or closed, `None`) in the page: its own history entry, most votes first.
    fn open(&mut self, contest: Option<String>, opener: Opener) {
        self.query.contest = contest;
        self.sort = Sort::default();
        self.push_history = true;
        self.opener = opener;
    }

    /// Checks the query against the catalog shown: notices for what it lacks. A contest of an
    /// edition still in its own file waits for it.
    fn check_query(&mut self, catalog: &Catalog) {
        let asked = self.query.contest.clone();
        let coming = asked.as_deref().and_then(Edition::of_id);
        if catalog.pending().iter().any(|f| Some(f.edition()) == coming) {
            self.query.contest = None;
            self.notices.extend(self.query.check_against(catalog));
            self.query.contest = asked;
            return;
        }
        let notices = self.query.check_against(catalog);
        self.notices.extend(notices);
        self.absent_contest = asked.filter(|_| self.query.contest.is_none());
    }

    /// Asks for the editions the query needs; the rows shown stay until they are all there.
    fn follow_editions(&mut self, before: &State) {
        if self.query != before.query {
            self.editions.failed.clear();
        }
        let Some(catalog) = self.catalog().cloned() else {
            return;
        };
        let needed = editions::needed(&catalog, &self.query);
        if needed.is_empty() {
            self.rows_from = None;
            self.editions.error = None;
            return;
        }
        if self.rows_from.is_none() && before.catalog().is_some() {
            self.rows_from = Some(before.shown().clone());
        }
        self.editions.ask(&needed, self.request);
    }

    /// The state after `action`; the same `Rc` back when nothing changed (no render).
    pub fn after(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::Polled { request, poll } = action {
            // Only a build that reads feeds polls (see `LIVE_FEEDS`): nothing at all in the others.
            return match poll.get() {
                Some(poll) => self.polled(request, poll.clone()),
                None => self,
            };
        }
        // The same state back means no render (the list asks for its page after every selection);
        // so does a reply to an earlier dataset request, which the reader has moved on from.
        let unchanged = match &action {
            Action::ShowRows(limit) => *limit == self.limit,
            // "Clear filters" with nothing to clear: an open contest stays open.
            Action::SetFilter(filter) => *filter == self.query.filter,
            Action::Loaded { request, .. } | Action::Failed { request, .. } => {
                *request != self.request || self.data != Data::Loading
            }
            // Edition files complete the catalog they were asked for, not another dataset.
            Action::EditionsLoaded { data, .. } | Action::EditionsFailed { data, .. } => {
                *data != self.request || self.catalog().is_none()
            }
            _ => false,
        };
        if unchanged {
            return self;
        }
        let mut next = (*self).clone();
        // Only a reader's own change of the query earns a history entry (typing: its first keystroke).
        next.push_history = false;
        next.back_from = None;
        let typing = matches!(action, Action::SetText(_));
        let back = matches!(action, Action::Navigate(..) | Action::Open(None));
        match action {
            Action::Loaded { catalog, problems, .. } => {
                next.editions = EditionLoads::default();
                next.rows_from = None;
                next.check_query(&catalog);
                next.data = Data::Ready(catalog);
                next.problems = Rc::new(problems);
                next.details_problems = Rc::default();
                next.details_error = None;
                next.feed = crate::model::Live::NONE;
            }
            Action::Failed { message, .. } => {
                next.data = Data::Failed(message);
            }
            Action::EditionsLoaded { editions, .. } => {
                let files: Vec<String> = editions.iter().map(|(f, _)| f.file.clone()).collect();
                next.editions.replied(&files);
                if let Some(catalog) = self.catalog() {
                    let merged = Shared(Rc::new(catalog.with_editions(editions)));
                    next.check_query(&merged);
                    next.data = Data::Ready(merged);
                }
            }
            Action::EditionsFailed { files, message, .. } => {
                next.editions.replied(&files);
                next.editions.failed.extend(files);
                next.editions.error = Some(message);
            }
            // Either arrives after a fetch; the reader may have moved to another dataset meanwhile.
            Action::DetailsLoaded {
                request,
                from,
                merged,
                problems,
            } => {
                if let Some(now) = self.details_pending(request, &from) {
                    // Editions that came while it was on its way are kept: it was asked for once.
                    let merged = match *now == from {
                        true => merged,
                        false => Shared(Rc::new(now.with_details_of(&merged))),
                    };
                    next.data = Data::Ready(merged);
                    next.details_problems = Rc::new(problems);
                }
            }
            Action::DetailsFailed { request, from, message } => {
                if self.details_pending(request, &from).is_some() {
                    next.details_error = Some(message);
                }
            }
            Action::Navigate(mut query, notices) => {
                if std::mem::take(&mut query.customize) {
                    next.customizer = Some(Customizer::default());
                }
                next.download |= std::mem::take(&mut query.download);
                if query.data != self.query.data {
                    next.request_data();
                }
                next.query = query;
                next.notices = notices;
                next.absent_contest = None;
                if let Some(catalog) = next.catalog().cloned() {
                    next.check_query(&catalog);
                }
            }
            Action::SetFilter(filter) => {
                next.query.filter = filter.canonical();
                next.query.contest = None;
                next.push_history = true;
            }
            Action::SetText(text) => {
                next.query.filter.text = text;
                next.query.filter = next.query.filter.clone().canonical();
                next.query.contest = None;
                next.push_history = !self.last_was_typing;
            }
            Action::Open(None) => {
                // "All results": to the list its link names.
                next.query = self.query.list(self.catalog().and_then(|c| c.newest()));
                next.open(None, Opener::List);
            }
            Action::Open(contest) => next.open(contest, Opener::List),
            Action::OpenFromMap(contest) => next.open(Some(contest), Opener::Map),
            Action::ShowAllInEmbed => next.embed_expanded = true,
            Action::ToggleFilters => next.filters_open = !self.filters_open,
            Action::PickEdition(edition) => {
                next.edition = Some(edition);
                // An edition outside the list's years or party brings the list to it (its cycle).
                let newest = self.catalog().and_then(|c| c.newest());
                if !self.query.filter.spans(edition, newest) {
                    next.query.filter.cycle = Cycles::Year(edition.cycle);
                    next.query.filter.party = next.query.filter.party.filter(|&p| p == edition.party);
                    next.query.contest = None;
                    next.push_history = true;
                }
            }
            Action::SetOrder(order) => {
                next.query.sort = order;
                next.push_history = true;
            }
            Action::ShowRows(limit) => next.limit = limit,
            Action::Polled { .. } => {}
            Action::Sort(sort) => next.sort = sort,
            Action::Picker(picker) => next.picker = picker,
            Action::Customize(settings) => next.customizer = settings,
            Action::Downloaded => next.download = false,
            Action::UseBundled => {
                next.query.data = None;
                next.push_history = true;
                next.request_data();
            }
        }
        // Going back (not a filter's change, which keeps the focus on its control) closed a contest.
        if back && next.query.contest.is_none() {
            next.back_from = self.query.contest.clone().map(|id| (id, self.opener));
        }
        // View-only changes (picker, sort, rows shown) do not end a run of typing.
        if next.query != self.query {
            next.last_was_typing = typing;
        }
        // A new selection starts again with a screenful, so the change shows at once; the app
        // renders a page once that is painted.
        // (Of the rows shown: while editions load, the rows before stay as they are, and the
        // rows that replace them come all at once, so nothing below them moves twice.)
        next.follow_editions(&self);
        if next.shown().filter != self.shown().filter && self.rows_from.is_none() {
            next.limit = FIRST_ROWS;
        }
        Rc::new(next)
    }
}

pub mod editions;
#[cfg(test)]
mod focus;
pub mod live;
#[cfg(test)]
mod transitions;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    const DATASET: &str = r#"{"schema_version":1,"title":"t","details":"details.json","contests":[
        {"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus",
         "status":"final","options":[{"name":"Jason Palmer","votes":51},{"name":"Joe Biden","votes":40}]}]}"#;

    fn catalog() -> Shared {
        Shared(Rc::new(Catalog::new(load(DATASET).unwrap().dataset)))
    }

    fn loaded(search: &str) -> (Rc<State>, Shared) {
        let catalog = catalog();
        let state = Rc::new(State::from_location(search)).after(Action::Loaded {
            request: 0,
            catalog: catalog.clone(),
            problems: Vec::new(),
        });
        (state, catalog)
    }

    #[test]
    fn a_run_of_typing_is_one_history_entry_whatever_the_view_does_meanwhile() {
        let (state, _) = loaded("");
        let state = state.after(Action::SetText("p".into()));
        assert!(state.push_history, "the first keystroke earns an entry");
        let state = state.after(Action::Picker(Picker {
            open: true,
            ..Picker::default()
        }));
        let state = state.after(Action::ShowRows(PAGE_ROWS));
        let state = state.after(Action::SetText("pa".into()));
        assert!(!state.push_history, "later keystrokes replace it");
        let filter = Filter {
            party: Some(crate::model::Party::Democratic),
            ..state.query.filter.clone()
        };
        let state = state.after(Action::SetFilter(filter));
        assert!(state.push_history, "a choice is an entry of its own");
        assert!(
            state.after(Action::SetText("pal".into())).push_history,
            "and typing after it starts a new one"
        );
    }

    #[test]
    fn customize_opens_the_customizer_once_and_is_never_written_back() {
        let (state, _) = loaded("?party=D&customize=1");
        assert!(state.customizer.is_some(), "the first render has it open");
        assert!(!state.query.customize && state.query.to_href().contains("party=D"));
        assert!(!state.query.to_href().contains("customize"));
        let (taken_over, _) = loaded("?party=D");
        let (query, notices) = Query::parse("?party=D&customize=1");
        let state = taken_over.after(Action::Navigate(query, notices.clone()));
        assert!(
            notices.is_empty() && state.customizer.is_some(),
            "applied after a takeover too"
        );
        assert!(!state.query.customize);
        let (asked, _) = loaded("?party=D&download=1");
        assert!(asked.download && !asked.query.to_href().contains("download"));
        assert!(!asked.after(Action::Downloaded).download, "made once");
    }

    #[test]
    fn nothing_to_change_gives_the_same_state_so_no_render() {
        let (state, _) = loaded("");
        assert_eq!(state.limit, FIRST_ROWS);
        assert!(Rc::ptr_eq(&state, &state.clone().after(Action::ShowRows(FIRST_ROWS))));
        let paged = state.clone().after(Action::ShowRows(PAGE_ROWS));
        assert!(!Rc::ptr_eq(&state, &paged) && paged.limit == PAGE_ROWS);
    }

    #[test]
    fn a_new_selection_starts_with_a_screenful() {
        let (state, _) = loaded("");
        let paged = state.after(Action::ShowRows(PAGE_ROWS + PAGE_ROWS));
        assert_eq!(
            paged.clone().after(Action::Sort(Sort::default())).limit,
            2 * PAGE_ROWS,
            "a view change keeps it"
        );
        assert_eq!(paged.after(Action::SetText("guam".into())).limit, FIRST_ROWS);
    }

    #[test]
    fn opening_a_contest_earns_history_and_starts_at_most_votes() {
        let (state, _) = loaded("?party=D");
        let sorted = state.after(Action::Sort(Sort {
            key: SortKey::Name,
            descending: false,
        }));
        assert!(!sorted.push_history, "a sort is a view setting");
        let opened = sorted.after(Action::Open(Some("2024-D-AS".into())));
        assert!(opened.push_history);
        assert_eq!(opened.sort, Sort::default());
        assert_eq!(opened.query.contest.as_deref(), Some("2024-D-AS"));
    }

    #[test]
    fn details_are_wanted_once_a_contest_is_open_and_only_for_the_catalog_they_were_read_for() {
        let (state, catalog) = loaded("");
        assert_eq!(state.details_wanted(), None, "the list needs no sources");
        let state = state.after(Action::Open(Some("2024-D-AS".into())));
        assert_eq!(state.details_wanted(), Some(&catalog));
        assert_eq!(state.details(), Details::Loading);

        // A reply for a catalog the page has since replaced changes nothing.
        let other = catalog_with_details_read();
        let stale = state.clone().after(Action::DetailsFailed {
            request: state.request,
            from: other.clone(),
            message: "late".into(),
        });
        assert_eq!(stale.details(), Details::Loading);

        let merged = catalog_with_details_read();
        let left_out = Problem::new(
            "2024-D-ZZ",
            "id",
            crate::model::ProblemKind::Unreadable("no contest has this id".into()),
        );
        let read = state.clone().after(Action::DetailsLoaded {
            request: state.request,
            from: catalog.clone(),
            merged: merged.clone(),
            problems: vec![left_out.clone()],
        });
        assert_eq!(
            *read.details_problems,
            [left_out],
            "said apart from the dataset's own problems"
        );
        assert!(read.problems.is_empty());
        assert_eq!(read.catalog(), Some(&merged));
        assert_eq!(read.details(), Details::Ready);
        assert_eq!(read.details_wanted(), None);

        let request = state.request;
        let failed = state.after(Action::DetailsFailed {
            request,
            from: catalog,
            message: "The server answered 503".into(),
        });
        assert_eq!(failed.details(), Details::Failed("The server answered 503".into()));
        assert_eq!(failed.details_wanted(), None, "no retry loop");
    }

    fn catalog_with_details_read() -> Shared {
        let mut dataset = load(DATASET).unwrap().dataset;
        dataset.details = None;
        Shared(Rc::new(Catalog::new(dataset)))
    }

    #[test]
    fn going_back_to_the_bundled_results_drops_the_newsroom_file() {
        let (state, _) = loaded("?data=https://example.org/x.json&party=D");
        let state = state.after(Action::UseBundled);
        assert_eq!(state.query.data, None);
        assert_eq!(state.data, Data::Loading);
        assert!(state.push_history);
        assert_eq!(
            state.query.filter.party,
            Some(crate::model::Party::Democratic),
            "the filters stay"
        );
    }
}
