//! Whether the page may read a file from an address: a newsroom's dataset (`?data=`) and the
//! details file that dataset names alike, so neither can put another site's figures under this one.

use crate::model::url::origin::{data_allowed, host};

/// `Ok` when the page at `page` may read `url` (both absolute): this site's own files, and those of
/// the origins whoever built it allowed (`allowed`, separated by spaces). Otherwise why not, in words.
pub fn may_read(url: &str, page: &str, allowed: &str) -> Result<(), String> {
    if data_allowed(url, page, &allowed.split_whitespace().collect::<Vec<_>>()) {
        return Ok(());
    }
    let from = host(url).unwrap_or(url);
    Err(format!(
        "This site does not load results from {from}: only its own data, and sites its publisher allows, can appear under its name."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dataset_and_the_details_file_it_names_pass_the_same_check() {
        let page = "https://news.example/graphics/tally/?data=x";
        let allowed = "https://data.example  https://feeds.example:8443";
        let cases = [
            // A dataset from `?data=`.
            ("https://news.example/results.json", None),
            ("https://data.example/2024/results.json", None),
            ("https://feeds.example:8443/r.json", None),
            ("https://evil.example/results.json", Some("evil.example")),
            ("http://data.example/results.json", Some("data.example")),
            // The details file a dataset names, read against the dataset's address: beside it, or
            // anywhere its author wrote, which is where the check matters.
            ("https://data.example/2024/details.json", None),
            ("https://evil.example/details.json", Some("evil.example")),
            ("javascript:alert(1)", Some("javascript:alert(1)")),
        ];
        for (url, refused) in cases {
            match (may_read(url, page, allowed), refused) {
                (Ok(()), None) => {}
                (Err(message), Some(host)) => assert!(
                    message.starts_with(&format!("This site does not load results from {host}:")),
                    "{url}: {message}"
                ),
                (read, _) => panic!("{url}: {read:?}, expected {refused:?}"),
            }
        }
        assert!(
            may_read("https://data.example/r.json", page, "").is_err(),
            "nothing allowed but the site"
        );
    }
}
