//! Loading by edition: which of the files the front file names a view needs (its filter's years
//! and party, the open contest's edition), and the requests for them. The state asks for each
//! file once; the effects fetch what it asks; the rows shown stay until the new ones are there.

use crate::model::{Catalog, Edition, EditionFile, Query};

/// The editions a view needs that are still in files of their own: those its filter spans and the
/// open contest's; newest first, as the manifest lists them. (The board's switch picks an edition
/// by choosing its cycle: `State::after`, `PickEdition`.)
pub fn needed<'a>(catalog: &'a Catalog, query: &Query) -> Vec<&'a EditionFile> {
    if query.data.is_some() {
        return Vec::new();
    }
    let newest = catalog.newest();
    let opened = query.contest.as_deref().and_then(Edition::of_id);
    catalog
        .pending()
        .iter()
        .filter(|file| {
            let edition = file.edition();
            query.filter.spans(edition, newest) || opened == Some(edition)
        })
        .collect()
}

/// Edition files the page asked for at once: the request's number, which its reply carries back,
/// and the dataset request whose catalog they complete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditionsRequest {
    pub number: u32,
    pub data: u32,
    pub files: Vec<EditionFile>,
}

/// Where the page is with the edition files: the latest request, the files on their way, and
/// those that failed (asked for again only when the reader changes the view).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EditionLoads {
    pub request: Option<EditionsRequest>,
    pub in_flight: Vec<String>,
    pub failed: Vec<String>,
    /// Why the files the view waits for could not be read.
    pub error: Option<String>,
}

impl EditionLoads {
    /// Asks for what `needed` lacks that is neither on its way nor failed; `None` when all is.
    pub(super) fn ask(&mut self, needed: &[&EditionFile], data: u32) {
        let files: Vec<EditionFile> = needed
            .iter()
            .filter(|f| !self.in_flight.contains(&f.file) && !self.failed.contains(&f.file))
            .map(|f| (*f).clone())
            .collect();
        if files.is_empty() {
            return;
        }
        self.in_flight.extend(files.iter().map(|f| f.file.clone()));
        self.error = None;
        let number = self.request.as_ref().map_or(0, |r| r.number.wrapping_add(1));
        self.request = Some(EditionsRequest { number, data, files });
    }

    /// A reply came for `files`: they are no longer on their way.
    pub(super) fn replied(&mut self, files: &[String]) {
        self.in_flight.retain(|f| !files.contains(f));
    }
}

/// The interleavings of edition requests and their replies, told as tables (as `transitions.rs`).
#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::super::{Action, Data, Shared, State};
    use crate::model::{load, Catalog, Cycles, EditionFile};

    /// The front file: 2024 Democratic, naming 2016 D, 2016 R and 2008 D in files of their own.
    const FRONT: &str = r#"{"schema_version":1,"title":"front","editions":[
        {"cycle":2016,"party":"D","file":"editions/2016-D.1.json","contests":1},
        {"cycle":2016,"party":"R","file":"editions/2016-R.2.json","contests":1},
        {"cycle":2008,"party":"D","file":"editions/2008-D.3.json","contests":1}],"contests":[
        {"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus",
         "status":"final","options":[{"name":"Jason Palmer","votes":51},{"name":"Joe Biden","votes":40}]}]}"#;

    fn edition_file(file: &str) -> (EditionFile, crate::model::Dataset) {
        let (cycle, party, votes) = match file {
            "editions/2016-D.1.json" => (2016, "D", 2),
            "editions/2016-R.2.json" => (2016, "R", 3),
            _ => (2008, "D", 4),
        };
        let json = format!(
            r#"{{"schema_version":1,"title":"{cycle} {party}","contests":[{{"id":"{cycle}-{party}-AS","cycle":{cycle},
            "party":"{party}","territory":"AS","date":"{cycle}-03-01","kind":"caucus","status":"final",
            "options":[{{"name":"Hillary Clinton","votes":{votes}}}]}}]}}"#
        );
        let front = Catalog::new(load(FRONT).unwrap().dataset);
        let entry = front.pending().iter().find(|f| f.file == file).unwrap().clone();
        (entry, load(&json).unwrap().dataset)
    }

    #[derive(Clone, Copy, Debug)]
    enum Step {
        /// The reader chooses a cycle ("2016", "all") or none ("").
        Cycle(&'static str),
        /// The reader types in the search.
        Search(&'static str),
        /// The edition file arrives, as asked by request `n` (from 0).
        Arrives(usize, &'static str),
        /// It could not be read.
        Fails(usize, &'static str),
    }

    /// What the page shows: the years of the rows shown, the status while editions load, and the
    /// files asked for so far, in order.
    fn seen(state: &State, asked: &[String]) -> String {
        let Data::Ready(catalog) = &state.data else {
            unreachable!()
        };
        let rows = state.shown().filter.apply(catalog);
        let mut years: Vec<String> = rows
            .iter()
            .map(|&i| catalog.contests()[i].id[..6].to_string())
            .collect();
        years.dedup();
        format!(
            "{} | {} | {}",
            years.join(","),
            state.editions_status().unwrap_or_default(),
            asked.join(",")
        )
    }

    #[test]
    fn each_file_is_fetched_once_and_only_what_the_view_asks_for_shows() {
        use Step::*;
        const L16: &str = "Loading the 2016 Democratic and Republican results\u{2026}";
        const L08: &str = "Loading the 2008 Democratic results\u{2026}";
        let d16 = "editions/2016-D.1.json";
        let r16 = "editions/2016-R.2.json";
        let d08 = "editions/2008-D.3.json";
        let scenarios: &[(&str, &[(Step, String)])] = &[
            (
                "choosing 2016 asks for both its files; the 2024 rows stay until both are there",
                &[
                    (Cycle("2016"), format!("2024-D | {L16} | {d16},{r16}")),
                    (Arrives(0, d16), format!("2024-D | Loading the 2016 Republican results\u{2026} | {d16},{r16}")),
                    (Arrives(0, r16), format!("2016-D,2016-R |  | {d16},{r16}")),
                    (Cycle(""), format!("2024-D |  | {d16},{r16}")),
                    (Cycle("2016"), format!("2016-D,2016-R |  | {d16},{r16}")),
                ],
            ),
            (
                "moved on before the reply: 2016's late reply never shows, and is not asked again",
                &[
                    (Cycle("2016"), format!("2024-D | {L16} | {d16},{r16}")),
                    (Cycle("2008"), format!("2024-D | {L08} | {d16},{r16},{d08}")),
                    (Arrives(0, d16), format!("2024-D | {L08} | {d16},{r16},{d08}")),
                    (Arrives(0, r16), format!("2024-D | {L08} | {d16},{r16},{d08}")),
                    (Arrives(1, d08), format!("2008-D |  | {d16},{r16},{d08}")),
                    (Cycle("2016"), format!("2016-D,2016-R |  | {d16},{r16},{d08}")),
                ],
            ),
            (
                "back to 2016 while its files are on their way: nothing is asked twice",
                &[
                    (Cycle("2016"), format!("2024-D | {L16} | {d16},{r16}")),
                    (Cycle(""), format!("2024-D |  | {d16},{r16}")),
                    (Cycle("2016"), format!("2024-D | {L16} | {d16},{r16}")),
                    (Arrives(0, r16), format!("2024-D | Loading the 2016 Democratic results\u{2026} | {d16},{r16}")),
                    (Arrives(0, d16), format!("2016-D,2016-R |  | {d16},{r16}")),
                ],
            ),
            (
                "a search with no year looks in every year, asking for every file",
                &[
                    (Search("clinton"), format!("2024-D | Loading the 2016 Democratic and Republican, 2008 Democratic results\u{2026} | {d16},{r16},{d08}")),
                    (Arrives(0, d08), format!("2024-D | Loading the 2016 Democratic and Republican results\u{2026} | {d16},{r16},{d08}")),
                    (Arrives(0, d16), format!("2024-D | Loading the 2016 Republican results\u{2026} | {d16},{r16},{d08}")),
                    (Arrives(0, r16), format!("2008-D,2016-D,2016-R |  | {d16},{r16},{d08}")),
                ],
            ),
            (
                "a failure is said while the view waits, the rows stay, and choosing again retries",
                &[
                    (Cycle("2008"), format!("2024-D | {L08} | {d08}")),
                    (Fails(0, d08), format!("2024-D | The 2008 Democratic results could not be loaded: 404 The list still shows the results before; choose again to retry. | {d08}")),
                    (Cycle(""), format!("2024-D |  | {d08}")),
                    (Cycle("2008"), format!("2024-D | {L08} | {d08},{d08}")),
                    (Arrives(1, d08), format!("2008-D |  | {d08},{d08}")),
                ],
            ),
            (
                "a late failure for a view the reader left says nothing",
                &[
                    (Cycle("2008"), format!("2024-D | {L08} | {d08}")),
                    (Cycle(""), format!("2024-D |  | {d08}")),
                    (Fails(0, d08), format!("2024-D |  | {d08}")),
                ],
            ),
        ];
        for (name, steps) in scenarios {
            let front = Shared(Rc::new(Catalog::new(load(FRONT).unwrap().dataset)));
            let mut state = Rc::new(State::prerendered(crate::model::Query::default(), front));
            let mut asked: Vec<String> = Vec::new();
            let mut last = None;
            for (step, expected) in steps.iter() {
                let action = match *step {
                    Cycle(code) => {
                        let mut filter = state.query.filter.clone();
                        filter.cycle = Cycles::from_code(code).unwrap_or_default();
                        Action::SetFilter(filter)
                    }
                    Search(text) => Action::SetText(text.into()),
                    Arrives(request, file) => Action::EditionsLoaded {
                        request: request as u32,
                        data: state.request,
                        editions: vec![edition_file(file)],
                    },
                    Fails(request, file) => Action::EditionsFailed {
                        request: request as u32,
                        data: state.request,
                        files: vec![file.into()],
                        message: "404".into(),
                    },
                };
                state = state.after(action);
                let wanted = state.editions_wanted().cloned();
                if wanted != last {
                    asked.extend(wanted.iter().flat_map(|r| r.files.iter().map(|f| f.file.clone())));
                    last = wanted;
                }
                assert_eq!(seen(&state, &asked), *expected, "{name}: after {step:?}");
            }
        }
    }

    #[test]
    fn a_contest_of_an_edition_still_in_its_file_waits_for_it_rather_than_being_ignored() {
        let front = Shared(Rc::new(Catalog::new(load(FRONT).unwrap().dataset)));
        let state = Rc::new(State::prerendered(crate::model::Query::default(), front));
        let (query, notices) = crate::model::Query::parse("?contest=2016-D-AS");
        let state = state.after(Action::Navigate(query, notices));
        assert!(state.notices.is_empty(), "{:?}", state.notices);
        let files: Vec<&str> = state
            .editions_wanted()
            .unwrap()
            .files
            .iter()
            .map(|f| f.file.as_str())
            .collect();
        assert_eq!(files, ["editions/2016-D.1.json"], "only its own edition");
        assert_eq!(state.shown().contest, None, "the list stays until it is there");
        let state = state.after(Action::EditionsLoaded {
            request: 0,
            data: 0,
            editions: vec![edition_file("editions/2016-D.1.json")],
        });
        assert_eq!(state.shown().contest.as_deref(), Some("2016-D-AS"));
        let (query, notices) = crate::model::Query::parse("?contest=2016-D-ZZ");
        let state = state.after(Action::Navigate(query, notices));
        assert_eq!(
            state.notices.len(),
            1,
            "a contest its edition lacks is said once it is there"
        );
    }

    #[test]
    fn the_board_switch_brings_the_list_to_an_edition_outside_it() {
        let front = Shared(Rc::new(Catalog::new(load(FRONT).unwrap().dataset)));
        let state = Rc::new(State::prerendered(crate::model::Query::default(), front));
        let edition = crate::model::Edition {
            cycle: 2008,
            party: crate::model::Party::Democratic,
        };
        let state = state.after(Action::PickEdition(edition));
        assert_eq!(state.query.filter.cycle, Cycles::Year(2008));
        assert!(state.push_history);
        let files: Vec<&str> = state
            .editions_wanted()
            .unwrap()
            .files
            .iter()
            .map(|f| f.file.as_str())
            .collect();
        assert_eq!(files, ["editions/2008-D.3.json"]);
    }

    #[test]
    fn what_a_view_needs_is_asked_for_at_once_and_sources_asked_for_meanwhile_once_and_kept() {
        use crate::model::{Cycles, Filter};
        let with_details = FRONT.replacen(r#""title":"front""#, r#""title":"front","details":"details.json""#, 1);
        let front = Shared(Rc::new(Catalog::new(load(&with_details).unwrap().dataset)));
        let state = Rc::new(State::prerendered(crate::model::Query::default(), front.clone()));
        // Every year: each file the view lacks, in one request, so the page fetches them side by side.
        let every = state.after(Action::SetFilter(Filter {
            cycle: Cycles::All,
            ..Filter::default()
        }));
        let asked = every.editions_wanted().unwrap().clone();
        let files: Vec<&str> = asked.files.iter().map(|f| f.file.as_str()).collect();
        assert_eq!(
            files,
            [
                "editions/2016-D.1.json",
                "editions/2016-R.2.json",
                "editions/2008-D.3.json"
            ]
        );
        // A contest opened while they come: its sources are wanted, and stay the same request
        // as each edition arrives and replaces the catalog.
        let mut state = every.after(Action::Open(Some("2024-D-AS".into())));
        let wanted = state.details_file_wanted();
        assert_eq!(wanted, Some((0, "details.json".to_string())));
        assert_eq!(state.editions_wanted(), Some(&asked), "nothing asked again");
        for file in ["editions/2008-D.3.json", "editions/2016-R.2.json"] {
            state = state.after(Action::EditionsLoaded {
                request: asked.number,
                data: 0,
                editions: vec![edition_file(file)],
            });
            assert_eq!(
                state.details_file_wanted(),
                wanted,
                "the sources are not asked for again"
            );
        }
        // Their reply, read into the catalog as it was asked for, keeps the editions come since.
        let mut read = front.dataset.clone();
        read.details = None;
        read.contests[0].sources = vec!["https://example.org/as".into()];
        let state = state.after(Action::DetailsLoaded {
            request: 0,
            from: front,
            merged: Shared(Rc::new(Catalog::new(read))),
            problems: Vec::new(),
        });
        let catalog = state.catalog().unwrap();
        assert_eq!(
            catalog.contest("2024-D-AS").unwrap().sources,
            ["https://example.org/as"]
        );
        assert!(catalog.contest("2008-D-AS").is_some() && catalog.contest("2016-R-AS").is_some());
        assert_eq!(state.details(), crate::app_state::Details::Ready);
        assert_eq!(state.details_file_wanted(), None);
    }
}
