//! Reading files we are handed: the malformed-file corpus, what one bad value costs (its contest,
//! not the file), and the bundled details file against the spreadsheet it came from.

mod bundled;

use tally::model::*;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

/// What reading a file gives, in the form tests/corpus/EXPECTED spells it: a lost file as its
/// error's variant and message; otherwise each problem's kind, contest and field, then the
/// contests that load.
fn outcome(bytes: &[u8]) -> String {
    match load_any(bytes) {
        Err(error) => format!("{}: {error}", variant(&format!("{error:?}"))),
        Ok(loaded) => {
            let problems: Vec<String> = loaded
                .problems
                .iter()
                .map(|p| format!("{} {} {}", variant(&format!("{:?}", p.kind)), p.contest, p.field))
                .collect();
            let shown: Vec<&str> = loaded.dataset.contests.iter().map(|c| c.id.as_str()).collect();
            let shown = if shown.is_empty() {
                "nothing".into()
            } else {
                shown.join(" ")
            };
            format!("{} | shows {shown}", problems.join("; "))
        }
    }
}

/// `Unreadable("…")` -> `Unreadable`: the variant's name alone, compared whole.
fn variant(debug: &str) -> &str {
    debug.split(['(', ' ', '{']).next().unwrap_or(debug)
}

/// Every file in tests/corpus is malformed on purpose; EXPECTED says exactly what each must give.
#[test]
fn malformed_corpus_gives_exactly_the_expected_errors() {
    let expected = std::fs::read_to_string(format!("{CORPUS}/EXPECTED")).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for line in expected.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let (file, expected) = line.split_once(char::is_whitespace).unwrap();
        let actual = outcome(&std::fs::read(format!("{CORPUS}/{file}")).unwrap());
        if actual != expected.trim() {
            failures.push(format!("{file}\n  expected: {}\n  actual:   {actual}", expected.trim()));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    let files = std::fs::read_dir(CORPUS).unwrap().count() - 1;
    assert_eq!(checked, files, "every corpus file has a line in EXPECTED");
}

/// One number written with a leading zero costs its contest, named with its option and field in
/// words; the other contests load. The same in the bundled file, whose ids are left unwritten.
#[test]
fn a_bad_value_loses_its_contest_not_the_file() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/static/data/results.json")).unwrap();
    let all = load(&text).unwrap().dataset.contests.len();
    let texas = text.find("\"territory\":\"TX\"").unwrap();
    let votes = texas + text[texas..].find("\"votes\":").unwrap() + "\"votes\":".len();
    let broken = format!("{}0{}", &text[..votes], &text[votes..]);
    let loaded = load(&broken).unwrap();
    // The bundled file claims the whole calendar, so the lost contest is also missed there.
    let unreadable: Vec<&Problem> = loaded
        .problems
        .iter()
        .filter(|p| p.kind != ProblemKind::MissingJurisdiction)
        .collect();
    let [problem] = unreadable[..] else {
        panic!("one problem: {:#?}", loaded.problems)
    };
    let contests = load(&text).unwrap().dataset.contests;
    let first_tx = contests.iter().find(|c| c.territory == "TX").unwrap();
    let option = first_tx.options.iter().position(|o| o.votes.is_some()).unwrap();
    let written = &text[votes..votes + text[votes..].find([',', '}']).unwrap()];
    assert_eq!(written, first_tx.options[option].votes.unwrap().to_string());
    assert_eq!(problem.contest, first_tx.id);
    assert_eq!(
        problem.field,
        format!("options[{option}] \"{}\" votes", first_tx.options[option].name)
    );
    assert_eq!(
        problem.kind,
        ProblemKind::Unreadable(format!(
            "the number 0{written} starts with a 0 (leave out leading zeros)"
        ))
    );
    assert_eq!(loaded.dataset.contests.len(), all - 1, "every other contest loads");
    assert!(loaded.dataset.contests.iter().all(|c| c.id != first_tx.id));
}

/// A break in the structure loses the file, with the line and column where it is and what was
/// expected there, never a byte offset.
#[test]
fn a_structural_break_names_line_and_column() {
    let text = bundled::results();
    // The bundled file on lines of their own, one contest a line, then a comma dropped on line 3.
    let lines = text
        .trim()
        .replacen("\"contests\":[", "\"contests\":[\n", 1)
        .replace("},{\"cycle\"", "},\n{\"cycle\"");
    let third = lines.match_indices('\n').nth(1).unwrap().0 + 1;
    let comma = third + lines[third..].find(",\"party\"").unwrap();
    let broken = format!("{}{}", &lines[..comma], &lines[comma + 1..]);
    let column = lines[third..comma].chars().count() + 1;
    assert_eq!(
        load(&broken).unwrap_err().to_string(),
        format!("The file is not valid JSON: line 3, column {column}: expected ',' or '}}' after a value.")
    );
    assert!(load(&lines).is_ok(), "the same file with its comma loads");
}

/// Every source a row of data/results.csv cites is among its contest's sources once the bundled
/// details file is read in; the details file carries no per-option copies.
#[test]
fn every_row_source_is_shown_with_its_contest() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |path: &str| std::fs::read(format!("{root}/{path}")).unwrap();
    let lean = load_bytes(bundled::results().as_bytes()).unwrap().dataset;
    let details = bundled::details().into_bytes();
    let (full, problems) = merge_details(&lean, &details).unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
    let csv = String::from_utf8(read("data/results.csv")).unwrap();
    let rows = parse_csv(&csv).unwrap();
    let column = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    let (id, source) = (column("contest_id"), column("source_url"));
    let mut cited = 0;
    for row in rows[1..].iter().filter(|r| r.len() > source) {
        let contest = full.contests.iter().find(|c| c.id == row[id]).unwrap();
        for url in row[source].split(" ; ").filter(|u| !u.trim().is_empty()) {
            assert!(contest.sources.iter().any(|s| s == url.trim()), "{}: {url}", row[id]);
            cited += 1;
        }
    }
    assert!(cited >= rows.len() - 1, "every row cites a source: {cited}");
    assert!(!String::from_utf8_lossy(&details).contains("\"options\""));
}
