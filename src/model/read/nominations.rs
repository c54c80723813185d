//! Each edition's nomination: read from the reference table (data/editions.csv, by the converter)
//! for the editions a dataset holds, and checked wherever a dataset is validated.

use crate::model::read::csv::Table;
use crate::model::read::validate::said;
use crate::model::{parse_date, CsvError, Dataset, Nomination, Party, Problem, ProblemKind};

/// How problems name a nomination, in place of a contest id: "2024-D nomination".
pub fn nomination_id(nomination: &Nomination) -> String {
    format!("{}-{} nomination", nomination.cycle, nomination.party.code())
}

/// The nominations of the editions `dataset` holds contests of, from a table in the columns of
/// data/editions.csv; rows of other editions (2016, 2008) are left out, keeping the file small.
pub fn nominations_from_csv(text: &str, dataset: &Dataset) -> Result<(Vec<Nomination>, Vec<Problem>), CsvError> {
    let columns = [
        "cycle",
        "party",
        "presumptive_nominee",
        "nominee",
        "needed_to_nominate",
        "clinched_on",
    ];
    let table = Table::parse(text, &columns)?;
    let (mut nominations, mut problems) = (Vec::new(), Vec::new());
    for (index, row) in table.rows.iter().enumerate() {
        let cell = |column: &str| table.cell(row, column);
        let mut unreadable = |column: &str, reason: String| {
            let id = format!("editions.csv row {}", index + 2);
            problems.push(Problem::new(id, column, ProblemKind::Unreadable(reason)));
        };
        let (Ok(cycle), Some(party)) = (cell("cycle").parse::<i64>(), Party::from_code(cell("party"))) else {
            unreadable(
                "cycle, party",
                format!("\"{}\", \"{}\" is no cycle and party", cell("cycle"), cell("party")),
            );
            continue;
        };
        if !dataset.contests.iter().any(|c| c.cycle == cycle && c.party == party) {
            continue;
        }
        let needed_to_nominate = match cell("needed_to_nominate") {
            "" => None,
            text => match text.parse::<i64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    unreadable("needed_to_nominate", format!("\"{text}\" is not a whole number"));
                    continue;
                }
            },
        };
        let optional = |column: &str| Some(cell(column).to_string()).filter(|t| !t.is_empty());
        let presumptive_nominee = cell("presumptive_nominee").to_string();
        nominations.push(Nomination {
            cycle,
            party,
            nominee: optional("nominee").unwrap_or_else(|| presumptive_nominee.clone()),
            presumptive_nominee,
            needed_to_nominate,
            clinched_on: optional("clinched_on"),
        });
    }
    Ok((nominations, problems))
}

/// One nomination per edition, each naming its presumptive nominee, with a real clinch date.
pub fn nomination_problems(nominations: &[Nomination]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (index, nomination) in nominations.iter().enumerate() {
        let id = nomination_id(nomination);
        let mut report =
            |words: fn(&Nomination) -> (String, ProblemKind)| problems.push(said(&id, || words(nomination)));
        if nominations[..index].iter().any(|n| n.edition() == nomination.edition()) {
            report(|_| {
                let reason = "a second entry for this edition";
                ("nominations".into(), ProblemKind::Unreadable(reason.into()))
            });
        }
        if nomination.presumptive_nominee.trim().is_empty() {
            report(|_| ("presumptive_nominee".into(), ProblemKind::Empty));
        }
        if nomination
            .clinched_on
            .as_deref()
            .is_some_and(|date| parse_date(date).is_none())
        {
            report(|n| {
                let date = n.clinched_on.clone().unwrap_or_default();
                ("clinched_on".into(), ProblemKind::DateUnreadable(date))
            });
        }
        if nomination.needed_to_nominate.is_some_and(|n| n < 0) {
            report(|n| {
                let needed = n.needed_to_nominate.unwrap_or_default();
                ("needed_to_nominate".into(), ProblemKind::Negative(needed))
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    const FILE: &str = r#"{"schema_version":1,"title":"t","nominations":[
        {"cycle":2024,"party":"D","presumptive_nominee":"Joe Biden","nominee":"Kamala Harris","needed_to_nominate":1968,"clinched_on":"2024-03-12"},
        {"cycle":2024,"party":"R","presumptive_nominee":"Donald Trump"},
        {"cycle":2020,"party":"X","presumptive_nominee":"Nobody"},
        {"cycle":2016,"party":"D","presumptive_nominee":"Hillary Clinton","clinched_on":"June"}],
        "contests":[{"id":"2024-D-AS","cycle":2024,"party":"D","territory":"AS","date":"2024-03-05","kind":"caucus",
         "status":"final","options":[{"name":"Jason Palmer","votes":51},{"name":"Joe Biden","votes":40}]}]}"#;

    #[test]
    #[cfg_attr(not(feature = "newsroom"), ignore = "the reader's build keeps no reasons")]
    fn a_file_carries_its_nominations_and_a_bad_one_is_named_and_left_out() {
        let loaded = load(FILE).unwrap();
        let read: Vec<(String, &str)> = loaded
            .dataset
            .nominations
            .iter()
            .map(|n| (n.edition().label(), n.nominee.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                ("2024 Democratic".into(), "Kamala Harris"),
                ("2024 Republican".into(), "Donald Trump")
            ],
            "without a nominee, the presumptive one was nominated"
        );
        let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "nomination #3: party: \"X\" is not one of D, R",
                "2016-D nomination: clinched_on: \"June\" is not a date (write YYYY-MM-DD)",
            ]
        );
        assert_eq!(loaded.dataset.contests.len(), 1, "the contests still load");
        let twice = Nomination {
            nominee: "Someone".into(),
            ..loaded.dataset.nominations[0].clone()
        };
        let problems = nomination_problems(&[loaded.dataset.nominations[0].clone(), twice]);
        assert_eq!(
            problems[0].to_string(),
            "2024-D nomination: nominations: a second entry for this edition"
        );
    }

    #[test]
    fn the_converter_keeps_the_editions_the_dataset_holds() {
        let dataset = load(FILE).unwrap().dataset;
        let table = "cycle,party,presumptive_nominee,nominee,convention_delegates_total,pledged_or_bound_total,needed_to_nominate,needed_basis,clinched_on,source_url,note\n\
            2024,D,Joe Biden,Kamala Harris,4674,3934,1968,majority,2024-03-12,https://example.org,\"A note, quoted\"\n\
            2016,R,Donald Trump,Donald Trump,2472,,1237,majority,2016-05-26,,\n\
            2024,D,Joe Biden,,,,many,,,,\n";
        let (nominations, problems) = nominations_from_csv(table, &dataset).unwrap();
        assert_eq!(nominations, dataset.nominations[..1]);
        assert_eq!(
            problems[0].to_string(),
            "editions.csv row 4: needed_to_nominate: \"many\" is not a whole number"
        );
    }
}
