//! Where the focus goes back to as the reader leaves a contest, told as a table: the row or tile
//! it was opened from, only when the reader goes back, and said once.

use std::rc::Rc;

use super::*;
use crate::model::{load, Party};

const DATASET: &str = r#"{"schema_version":1,"title":"t","contests":[
    {"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus",
     "status":"final","options":[{"name":"Jason Palmer","votes":51},{"name":"Joe Biden","votes":40}]},
    {"id":"2024-R-GU","cycle":2024,"party":"R","territory":"GU","date":"2024-03-08","kind":"caucus",
     "status":"final","options":[{"name":"Donald Trump","votes":300},{"name":"Nikki Haley","votes":20}]}]}"#;

/// What the reader does.
#[derive(Clone, Copy, Debug)]
enum Move {
    /// A contest's link in the list.
    Row(&'static str),
    /// A contest's tile on the map.
    Tile(&'static str),
    /// The open contest's "All results" link.
    AllResults,
    /// Back or forward to an address.
    Go(&'static str),
    /// A filter's change: the party, or "Clear filters".
    Party(Option<Party>),
    /// The list shows its next page.
    NextPage,
}

use Move::*;
use Opener::{List, Map};

#[test]
fn going_back_from_a_contest_returns_the_focus_to_where_it_was_opened() {
    type Expected = Option<(&'static str, Opener)>;
    let scenarios: &[(&str, &[(Move, Expected)])] = &[
        (
            "the contest's own link back",
            &[(Row("2024-D-AS"), None), (AllResults, Some(("2024-D-AS", List)))],
        ),
        (
            "the browser's back",
            &[(Row("2024-D-AS"), None), (Go("?party=D"), Some(("2024-D-AS", List)))],
        ),
        (
            "opened from the map: back to its tile",
            &[(Tile("2024-R-GU"), None), (Go(""), Some(("2024-R-GU", Map)))],
        ),
        (
            "the last opener counts",
            &[
                (Tile("2024-R-GU"), None),
                (AllResults, Some(("2024-R-GU", Map))),
                (Row("2024-D-AS"), None),
                (AllResults, Some(("2024-D-AS", List))),
            ],
        ),
        (
            "a contest's page opened from an address goes back to its row",
            &[
                (Go("?contest=2024-D-AS"), None),
                (AllResults, Some(("2024-D-AS", List))),
            ],
        ),
        (
            "a filter's change keeps the focus on its control",
            &[(Row("2024-D-AS"), None), (Party(Some(Party::Republican)), None)],
        ),
        (
            "from one contest back to another: the new one's title has it",
            &[
                (Row("2024-D-AS"), None),
                (Row("2024-R-GU"), None),
                (Go("?contest=2024-D-AS"), None),
            ],
        ),
        (
            "said once: the next change forgets it",
            &[
                (Row("2024-D-AS"), None),
                (AllResults, Some(("2024-D-AS", List))),
                (NextPage, None),
            ],
        ),
        (
            "\"Clear filters\" with nothing to clear leaves the contest open, so nothing is closed",
            &[
                (Row("2024-D-AS"), None),
                (Party(None), None),
                (AllResults, Some(("2024-D-AS", List))),
            ],
        ),
    ];
    let catalog = Shared(Rc::new(Catalog::new(load(DATASET).unwrap().dataset)));
    for (name, moves) in scenarios {
        let mut state = Rc::new(State::from_location("")).after(Action::Loaded {
            request: 0,
            catalog: catalog.clone(),
            problems: Vec::new(),
        });
        for (i, &(step, expected)) in moves.iter().enumerate() {
            state = state.after(match step {
                Row(id) => Action::Open(Some(id.into())),
                Tile(id) => Action::OpenFromMap(id.into()),
                AllResults => Action::Open(None),
                Go(search) => {
                    let (query, notices) = Query::from_address("", search);
                    Action::Navigate(query, notices)
                }
                Party(party) => Action::SetFilter(Filter {
                    party,
                    ..Filter::default()
                }),
                NextPage => Action::ShowRows(PAGE_ROWS),
            });
            let back = state.back_from.as_ref().map(|(id, opener)| (id.as_str(), *opener));
            assert_eq!(back, expected, "{name}, step {} ({step:?})", i + 1);
        }
    }
}

#[test]
fn clear_filters_with_nothing_to_clear_changes_nothing() {
    let state = Rc::new(State::from_location("")).after(Action::Open(Some("2024-D-AS".into())));
    let cleared = state.clone().after(Action::SetFilter(Filter::default()));
    assert!(Rc::ptr_eq(&state, &cleared), "no render, no history entry");
    assert_eq!(cleared.query.contest.as_deref(), Some("2024-D-AS"));
}
