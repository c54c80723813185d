//! Whose page or file a URL is: the host a reader sees beside a source link or a newsroom's data,
//! and whether this site may load data from it at all.

/// `https://www.example.org:8443/path` -> `example.org:8443`; `None` unless the URL is http(s).
pub fn host(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // Credentials before the host would let a link pose as another site.
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// `https://example.org:8443/path` -> `https://example.org:8443` (scheme, host and port, lower case).
pub fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    Some(format!(
        "{}://{}",
        scheme.to_ascii_lowercase(),
        authority.to_ascii_lowercase()
    ))
}

/// Whether a source may be a link: only http(s) pages, never `javascript:` or `data:`.
pub fn is_web_link(url: &str) -> bool {
    host(url).is_some()
}

/// Whether the page at `page` may load a dataset from `data` (both absolute URLs): the same
/// origin always; another only if whoever built the site allowed it (`allowed`, origins).
pub fn data_allowed(data: &str, page: &str, allowed: &[&str]) -> bool {
    match (origin(data), origin(page)) {
        (Some(data), Some(page)) => data == page || allowed.iter().any(|a| origin(a).is_some_and(|a| a == data)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_what_a_reader_recognises() {
        let cases = [
            ("https://www.example.org/a?b", Some("example.org")),
            (
                "http://results.sos.state.example:8080/x",
                Some("results.sos.state.example:8080"),
            ),
            ("https://user@evil.example/", Some("evil.example")),
            ("javascript:alert(1)", None),
            ("data:text/html,hi", None),
            ("ftp://example.org/", None),
            ("https://", None),
        ];
        for (url, expected) in cases {
            assert_eq!(host(url), expected, "{url}");
        }
    }

    #[test]
    fn data_comes_from_this_site_unless_the_builder_allowed_another() {
        let page = "https://news.example/graphics/tally/?data=x";
        let cases = [
            ("https://news.example/other/results.json", &[][..], true),
            ("https://NEWS.example/results.json", &[], true),
            ("https://evil.example/results.json", &[], false),
            ("http://news.example/results.json", &[], false),
            ("https://data.example/r.json", &["https://data.example"], true),
            ("https://data.example:444/r.json", &["https://data.example"], false),
            ("https://user@news.example/r.json", &[], false),
        ];
        for (data, allowed, ok) in cases {
            assert_eq!(data_allowed(data, page, allowed), ok, "{data} with {allowed:?}");
        }
    }
}
