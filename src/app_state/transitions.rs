//! The page's transitions told as tables: dataset requests and their replies in every order, the
//! document's title as the reader moves, and what the address asks for that these results lack.

use std::rc::Rc;

use super::*;
use crate::model::url::pages::Page;
use crate::model::{load, Party};

/// Two contests of the bundled file (its sources in a details file), and a newsroom's file
/// (`x.json`) with another; `down.json` cannot be read.
const BUNDLED: &str = r#"{"schema_version":1,"title":"bundled","details":"details.json","contests":[
    {"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus",
     "status":"final","options":[{"name":"Jason Palmer","votes":51},{"name":"Joe Biden","votes":40}]},
    {"id":"2024-R-GU","cycle":2024,"party":"R","territory":"GU","date":"2024-03-08","kind":"caucus",
     "status":"final","options":[{"name":"Donald Trump","votes":300},{"name":"Nikki Haley","votes":20}]}]}"#;
const NEWSROOM: &str = r#"{"schema_version":1,"title":"x","contests":[
    {"id":"2024-D-GU","cycle":2024,"party":"D","territory":"GU","date":"2024-06-08","kind":"caucus",
     "status":"final","options":[{"name":"Joe Biden","votes":90}]}]}"#;

fn catalog(json: &str) -> Shared {
    Shared(Rc::new(Catalog::new(load(json).unwrap().dataset)))
}

/// What a reader (or the network) does next.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// The browser opens an address.
    Open(&'static str),
    /// Back, forward or a link in the page, to an address.
    Go(&'static str),
    /// "Show the bundled results instead".
    UseBundled,
    /// A contest opened in the page.
    OpenContest(&'static str),
    /// The reply to the `n`th dataset request the page made (from 0), as that file is.
    Reply(usize),
    /// The sources read for the catalog the `n`th request's reply made.
    Sources(usize),
}

/// What the page shows: "loading", "failed", or the title of the file whose contests are shown.
fn shown(state: &State) -> String {
    match &state.data {
        Data::Loading => "loading".into(),
        Data::Failed(_) => "failed".into(),
        Data::Ready(catalog) => catalog.dataset.title.clone(),
    }
}

#[test]
fn only_the_reply_to_the_latest_request_is_shown() {
    use Step::*;
    let scenarios: &[(&str, &[(Step, &str)])] = &[
        (
            "a reply for the page left behind is ignored",
            &[
                (Open("?data=x.json"), "loading"),
                (Go(""), "loading"),
                (Reply(0), "loading"),
                (Reply(1), "bundled"),
            ],
        ),
        (
            "back to a slow file, forward to the bundled page: the file's late reply is ignored",
            &[
                (Open("?data=x.json"), "loading"),
                (Reply(0), "x"),
                (UseBundled, "loading"),
                (Reply(1), "bundled"),
                (Go("?data=x.json"), "loading"),
                (Go(""), "loading"),
                (Reply(3), "bundled"),
                (Reply(2), "bundled"),
            ],
        ),
        (
            "back and forth before any reply: only the last request counts, even for the same file",
            &[
                (Open("?data=x.json"), "loading"),
                (Go(""), "loading"),
                (Go("?data=x.json"), "loading"),
                (Reply(1), "loading"),
                (Reply(0), "loading"),
                (Reply(2), "x"),
                (Reply(2), "x"),
            ],
        ),
        (
            "a late failure does not replace the results that came",
            &[
                (Open("?data=down.json"), "loading"),
                (Go(""), "loading"),
                (Reply(1), "bundled"),
                (Reply(0), "bundled"),
            ],
        ),
        (
            "a failure that answers the latest request is shown, and the way back works",
            &[
                (Open(""), "loading"),
                (Go("?data=down.json"), "loading"),
                (Reply(0), "loading"),
                (Reply(1), "failed"),
                (UseBundled, "loading"),
                (Reply(2), "bundled"),
            ],
        ),
        (
            "filters changed while the file loads ask for nothing new",
            &[
                (Open("?data=x.json"), "loading"),
                (Go("?data=x.json&party=D"), "loading"),
                (Reply(0), "x"),
            ],
        ),
        (
            "sources read for a catalog the page has left are ignored",
            &[
                (Open("?contest=2024-D-AS"), "loading"),
                (Reply(0), "bundled"),
                (Go("?data=x.json"), "loading"),
                (Sources(0), "loading"),
                (Reply(1), "x"),
                (Sources(0), "x"),
                (Go("?contest=2024-D-AS"), "loading"),
                (Reply(2), "bundled"),
                (Sources(0), "bundled"),
                (OpenContest("2024-R-GU"), "bundled"),
                (Sources(2), "bundled, with sources"),
            ],
        ),
    ];
    for (name, steps) in scenarios {
        let mut state = Rc::new(State::from_location(""));
        let mut asked: Vec<DataRequest> = Vec::new();
        let mut replied: Vec<Option<Shared>> = Vec::new();
        for (i, &(step, expected)) in steps.iter().enumerate() {
            state = match step {
                Open(search) => Rc::new(State::from_location(search)),
                Go(search) => {
                    let (query, notices) = Query::from_address("", search);
                    state.after(Action::Navigate(query, notices))
                }
                UseBundled => state.after(Action::UseBundled),
                OpenContest(id) => state.after(Action::Open(Some(id.into()))),
                Reply(n) => {
                    let request = asked[n].number;
                    let reply = match asked[n].data.as_deref() {
                        None => Some(catalog(BUNDLED)),
                        Some("x.json") => Some(catalog(NEWSROOM)),
                        _ => None,
                    };
                    replied[n] = reply.clone();
                    state.after(match reply {
                        Some(catalog) => Action::Loaded {
                            request,
                            catalog,
                            problems: Vec::new(),
                        },
                        None => Action::Failed {
                            request,
                            message: "The server answered 503".into(),
                        },
                    })
                }
                Sources(n) => {
                    let from = replied[n].clone().expect("a catalog to read sources for");
                    let mut dataset = from.dataset.clone();
                    dataset.details = None;
                    dataset.title.push_str(", with sources");
                    state.after(Action::DetailsLoaded {
                        request: asked[n].number,
                        from,
                        merged: Shared(Rc::new(Catalog::new(dataset))),
                        problems: Vec::new(),
                    })
                }
            };
            if let Some(request) = state.data_wanted().filter(|r| asked.last() != Some(r)) {
                asked.push(request);
                replied.push(None);
            }
            let step = format!("{name}, step {} ({step:?})", i + 1);
            assert_eq!(shown(&state), expected, "{step}");
            // Never one file's contests under another's address.
            if let Some(catalog) = state.catalog() {
                let from_x = catalog.dataset.title.starts_with('x');
                assert_eq!(from_x, state.query.data.as_deref() == Some("x.json"), "{step}");
            }
        }
    }
}

#[test]
fn the_title_is_the_static_pages_own_as_the_reader_moves() {
    let bundled = catalog(BUNDLED);
    let title = |page: Page| Some(page.head(&bundled).title);
    let mut state = Rc::new(State::from_location("?cycle=2024"));
    assert_eq!(
        state.title(),
        None,
        "nothing to name while loading: the page keeps its own"
    );
    state = state.after(Action::Loaded {
        request: 0,
        catalog: bundled.clone(),
        problems: Vec::new(),
    });
    assert_eq!(
        state.title(),
        title(Page::Front),
        "a filtered front page is the front page"
    );
    state = state.after(Action::Open(Some("2024-D-AS".into())));
    assert_eq!(state.title(), title(Page::Contest("2024-D-AS".into())));
    let territory = Filter {
        territories: vec!["GU".into()],
        ..Filter::default()
    };
    state = state.after(Action::SetFilter(territory));
    assert_eq!(state.title(), title(Page::Territory("GU".into())));
    let (query, notices) = Query::from_address("contest/2024-R-GU.html", "");
    state = state.after(Action::Navigate(query, notices));
    assert_eq!(
        state.title(),
        title(Page::Contest("2024-R-GU".into())),
        "back or forward"
    );
    let (query, notices) = Query::from_address("", "");
    state = state.after(Action::Navigate(query, notices));
    assert_eq!(state.title(), title(Page::Front));
    let titles = [
        Page::Front,
        Page::Contest("2024-D-AS".into()),
        Page::Territory("GU".into()),
    ]
    .map(title);
    assert!(titles[0] != titles[1] && titles[1] != titles[2], "{titles:?}");
}

#[test]
fn an_embed_naming_a_contest_these_results_lack_says_so_with_its_id() {
    let cases = [
        ("?embed=1&contest=2024-D-ZZ", BUNDLED, Some("2024-D-ZZ")),
        ("?embed=1&contest=2024-D-AS&data=x.json", NEWSROOM, Some("2024-D-AS")),
        ("?embed=1&contest=2024-d-as", BUNDLED, None),
        ("?embed=1&territory=AS", BUNDLED, None),
        ("?embed=1&contest=", BUNDLED, Some("")),
    ];
    for (search, file, absent) in cases {
        let state = Rc::new(State::from_location(search)).after(Action::Loaded {
            request: 0,
            catalog: catalog(file),
            problems: Vec::new(),
        });
        assert_eq!(state.absent_contest.as_deref(), absent, "{search}");
        assert_eq!(
            state.query.contest.is_some(),
            absent.is_none() && search.contains("contest"),
            "{search}"
        );
        let (query, notices) = Query::from_address("", "?embed=1&territory=GU");
        let moved = state.after(Action::Navigate(query, notices));
        assert_eq!(moved.absent_contest, None, "{search}: a new address starts afresh");
    }
    assert_eq!(
        Query::absent_contest("2024-D-ZZ"),
        "No contest \u{201c}2024-D-ZZ\u{201d} in these results."
    );
    assert_eq!(Query::absent_contest(" "), "This embed names no contest.");
}

#[test]
fn a_territory_no_one_knows_is_kept_for_the_embed_to_name() {
    for (search, unknown, kept) in [
        ("?embed=1&territory=ZZ", Some("ZZ"), 0),
        ("?embed=1&territory=AS,ZZ,QQ", Some("ZZ,QQ"), 1),
        ("?embed=1&territory=AS", None, 1),
    ] {
        let (query, notices) = Query::parse(search);
        assert_eq!(query.unknown_territory.as_deref(), unknown, "{search}");
        assert_eq!(query.filter.territories.len(), kept, "{search}");
        assert_eq!(notices.len(), usize::from(unknown.is_some()), "{search}");
        assert!(!query.to_search().contains("ZZ"), "{search}: never written back");
    }
    assert_eq!(
        Query::absent_territory("ZZ"),
        "No territory \u{201c}ZZ\u{201d} in these results."
    );
}

#[test]
fn an_empty_data_value_names_no_file_and_the_bundled_results_load() {
    for search in ["?data=", "?data", "?data=%20&party=D"] {
        let state = State::from_location(search);
        assert_eq!(
            state.data_wanted(),
            Some(DataRequest { number: 0, data: None }),
            "{search}"
        );
        assert_eq!(
            state.notices,
            ["Ignored an empty data=: it names no file, so these are the bundled results."],
            "{search}"
        );
    }
    let state = State::from_location("?data=&party=D");
    assert_eq!(state.query.filter.party, Some(Party::Democratic), "the rest applies");
}

#[test]
fn the_list_caption_follows_the_chosen_order() {
    let cases = [
        (ListOrder::Territory, "Winners by contest, by territory name"),
        (ListOrder::Margin, "Winners by contest, closest race first"),
        (ListOrder::Turnout, "Winners by contest, most votes counted first"),
        (ListOrder::Date, "Winners by contest, in date order"),
    ];
    let mut state = Rc::new(State::from_location(""));
    for (order, caption) in cases {
        state = state.after(Action::SetOrder(order));
        assert_eq!(state.query.sort.caption(), caption);
    }
}
