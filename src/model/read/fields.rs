//! Facts about whole contests that the rows of results.csv do not carry, from a side file
//! (data/fields.csv in the repository): whether the listed options are the whole field, whether
//! the vote binds delegates, what the votes are when they are not the official result, a note for
//! readers. Each row there cites its basis.

use crate::model::{parse_csv, CsvError, Dataset, Problem, ProblemKind};

/// Sets each contest's `whole_field`, `binding`, `votes_are`, `pct_of` and `notes` from
/// data/fields.csv. A contest it does not name keeps the safe defaults: not known to be the whole
/// field, binding, its votes the result, its percentages of votes, no note. The `votes_are` and
/// `pct_of` columns are optional.
pub fn apply_fields(dataset: &mut Dataset, text: &str) -> Result<Vec<Problem>, CsvError> {
    let rows = parse_csv(text)?;
    let (header, rows) = rows.split_first().ok_or(CsvError::MissingColumn("contest_id".into()))?;
    let column = |name: &str| {
        header
            .iter()
            .position(|c| c == name)
            .ok_or(CsvError::MissingColumn(name.into()))
    };
    let (id, whole, binding, note) = (
        column("contest_id")?,
        column("whole_field")?,
        column("binding")?,
        column("note")?,
    );
    column("basis")?;
    let votes_are = column("votes_are").ok();
    let pct_of = column("pct_of").ok();
    let mut problems = Vec::new();
    for row in rows {
        let cell = |i: usize| row.get(i).map_or("", |c| c.trim());
        let Some(contest) = dataset.contests.iter_mut().find(|c| c.id == cell(id)) else {
            let reason = "no contest has this id".to_string();
            problems.push(Problem::new(
                cell(id),
                "fields.csv contest_id",
                ProblemKind::Unreadable(reason),
            ));
            continue;
        };
        for (value, field, target, default) in [
            (cell(whole), "whole_field", &mut contest.whole_field, false),
            (cell(binding), "binding", &mut contest.binding, true),
        ] {
            *target = match value {
                "" => default,
                "yes" => true,
                "no" => false,
                other => {
                    let reason = format!("\"{other}\" is neither yes nor no");
                    problems.push(Problem::new(
                        &contest.id,
                        format!("fields.csv {field}"),
                        ProblemKind::Unreadable(reason),
                    ));
                    default
                }
            };
        }
        contest.votes_are = votes_are.map(cell).filter(|v| !v.is_empty()).map(String::from);
        contest.pct_of = crate::model::Earlier::new(pct_of.map(cell).filter(|v| !v.is_empty()).map(String::from));
        contest.notes = Some(cell(note).to_string()).filter(|n| !n.is_empty());
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset_from_csv;

    #[test]
    fn side_file_sets_facts_and_names_what_it_cannot_read() {
        let results = "cycle,party,contest_id,territory_code,territory_name,territory_kind,date,contest_type,status,pledged_delegates,candidate,votes,vote_pct,delegates_won,source_url\n\
            2024,D,2024-D-AS,AS,American Samoa,territory,2024-03-05,caucus,final,6,Ann,51,,,\n";
        let (mut dataset, _) = dataset_from_csv(results, None, "t", None).unwrap();
        let fields = "contest_id,whole_field,binding,note,basis,votes_are\n2024-D-AS,yes,no,Unbound.,why,final alignment\n2024-D-ZZ,yes,,,\n";
        let problems = apply_fields(&mut dataset, fields).unwrap();
        let contest = &dataset.contests[0];
        assert!(contest.whole_field && !contest.binding);
        assert_eq!(contest.votes_are.as_deref(), Some("final alignment"));
        assert_eq!(contest.notes.as_deref(), Some("Unbound."));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].contest, "2024-D-ZZ");
        let unreadable = "contest_id,whole_field,binding,note,basis\n2024-D-AS,perhaps,,,\n";
        let problems = apply_fields(&mut dataset, unreadable).unwrap();
        assert_eq!(problems[0].field, "fields.csv whole_field");
        assert!(!dataset.contests[0].whole_field, "unreadable is the safe default");
    }
}
