//! Whose page or file a URL is: the host a reader sees beside a source link or a newsroom's data,
//! and whether this site may load data from it at all.
//!
//! One reading serves both, and it is the browser's: a host is shown (or an origin allowed) only
//! when a browser's URL parser would open that very host. Where a browser would read the scheme or
//! host differently from how it looks (`\` is `/` to it, tabs and newlines vanish, `%2E` is `.`,
//! an `@` makes what precedes it a user name), the URL is refused: no link, no host.

/// An http(s) URL's authority: whether it is https, its host as written, its port unless the
/// scheme's default, and the two as a reader sees them (`example.org:8443`).
struct Authority<'a> {
    secure: bool,
    host: &'a str,
    port: Option<&'a str>,
    shown: &'a str,
}

fn authority(url: &str) -> Option<Authority<'_>> {
    let (scheme, rest) = url.split_once(':')?;
    let secure = scheme.eq_ignore_ascii_case("https");
    if !secure && !scheme.eq_ignore_ascii_case("http") {
        return None;
    }
    let rest = rest.strip_prefix("//")?;
    let written = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let (host, port) = written.split_once(':').unwrap_or((written, ""));
    // Letters, digits, `-`, `_` and dots only: no userinfo (`@`), no `\` (a browser's `/`), no
    // tab, newline (which it drops) or other space or control, no percent-escape it would decode,
    // no IPv6 literal, no non-ASCII name it would show as punycode. What follows the host cannot
    // change it.
    let plain = !host.is_empty()
        && !is_odd_address(host)
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    // A plain number below 65536 (a browser refuses others); an empty port is no port, and the
    // scheme's own is dropped, as browsers do.
    let mut number = 0u32;
    for b in port.bytes() {
        if !b.is_ascii_digit() || number > 6553 || port.starts_with('0') {
            return None;
        }
        number = number * 10 + u32::from(b - b'0');
    }
    let default = if secure { 443 } else { 80 };
    let port = (!port.is_empty() && number != default).then_some(port);
    let shown = if port.is_some() { written } else { host };
    (plain && number < 65536).then_some(Authority {
        secure,
        host,
        port,
        shown,
    })
}

/// Whether a browser would rewrite `host` as an IPv4 address (`0x7f.1` and `2130706433` are
/// 127.0.0.1 to it): its last label starts with a digit, as no top-level domain does, and it is not
/// four plain numbers up to 255, the one form a browser keeps as written.
fn is_odd_address(host: &str) -> bool {
    let name = host.strip_suffix('.').unwrap_or(host).as_bytes();
    let last = name.iter().rposition(|&b| b == b'.').map_or(0, |dot| dot + 1);
    if !name.get(last).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let mut parts = 0;
    for part in host.split('.') {
        let mut value = 0u32;
        for b in part.bytes() {
            if !b.is_ascii_digit() || value > 25 {
                return true;
            }
            value = value * 10 + u32::from(b - b'0');
        }
        parts += 1;
        // A leading zero would make it octal to a browser.
        if part.is_empty() || value > 255 || (part.len() > 1 && part.starts_with('0')) {
            return true;
        }
    }
    parts != 4
}

/// `https://www.example.org:8443/path` -> `example.org:8443`; `None` unless the URL is http(s)
/// and a browser would open the host it shows (see the module's note).
pub fn host(url: &str) -> Option<&str> {
    let shown = authority(url)?.shown;
    Some(
        shown
            .strip_prefix("www.")
            // `www.com` is a name of its own.
            .filter(|rest| rest.contains('.'))
            .unwrap_or(shown),
    )
}

/// `https://example.org:8443/path` -> `https://example.org:8443` (scheme, host and port, lower case,
/// the scheme's own port dropped), as a browser's `URL.origin`; `None` as for [`host`].
pub fn origin(url: &str) -> Option<String> {
    let Authority { secure, host, port, .. } = authority(url)?;
    let scheme = if secure { "https" } else { "http" };
    let port = port.map(|p| format!(":{p}")).unwrap_or_default();
    Some(format!("{scheme}://{}{port}", host.to_ascii_lowercase()))
}

/// Whether a source may be a link: only http(s) pages a browser opens where they say, never
/// `javascript:` or `data:`.
pub fn is_web_link(url: &str) -> bool {
    authority(url).is_some()
}

/// Whether `text` is an origin alone (`https://data.example.org`, in any case, a final `/` aside):
/// no path, query or credentials.
pub fn is_origin(text: &str) -> bool {
    origin(text).is_some_and(|o| o.eq_ignore_ascii_case(text.strip_suffix('/').unwrap_or(text)))
}

/// Whether the page at `page` may load a dataset from `data` (both absolute URLs): the same
/// origin always; another only if whoever built the site allowed it (`allowed`, origins alone).
pub fn data_allowed(data: &str, page: &str, allowed: &[&str]) -> bool {
    match (origin(data), origin(page)) {
        (Some(data), Some(page)) => {
            data == page
                || allowed
                    .iter()
                    .any(|a| is_origin(a) && origin(a).is_some_and(|a| a == data))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A URL, and the host shown beside it (`-`: refused, no link and no host).
    const HOSTS: &[(&str, &str)] = &[
        ("https://www.example.org/a?b", "example.org"),
        (
            "http://results.sos.state.example:8080/x",
            "results.sos.state.example:8080",
        ),
        ("https://trusted.org", "trusted.org"),
        ("https://trusted.org.", "trusted.org."),
        ("https://Trusted.ORG/", "Trusted.ORG"),
        ("https://xn--80ak6aa92e.com/", "xn--80ak6aa92e.com"),
        ("https://www./", "www."),
        ("https://www.com/", "www.com"),
        ("https://www.example.org:8443/", "example.org:8443"),
        // Backslashes: a browser reads `\` as `/`, so the host would be evil.example.
        ("https://evil.example\\@trusted.org/", "-"),
        ("https://evil.example\\.trusted.org/", "-"),
        ("https:\\\\evil.example/", "-"),
        ("https://trusted.org/\\evil.example", "trusted.org"),
        // Tabs, newlines, spaces and controls: a browser drops or rejects them.
        ("https://evil.exa\tmple@trusted.org/", "-"),
        ("https://evil.example\n.trusted.org/", "-"),
        ("https://trusted.org\r/", "-"),
        ("ht\ttps://trusted.org/", "-"),
        ("https:/\n/evil.example/", "-"),
        (" https://trusted.org/", "-"),
        ("https://trusted.org /x", "-"),
        ("https://trusted.org/a b\t(note)", "trusted.org"),
        ("https://trusted.org\u{0}.evil.example/", "-"),
        ("https://trusted.org\u{7f}/", "-"),
        // Userinfo: what precedes `@` is a user name, the host follows it.
        ("https://trusted.org@evil.example/", "-"),
        ("https://user@trusted.org/", "-"),
        ("https://trusted.org:443@evil.example/", "-"),
        ("https://trusted.org?@evil.example", "trusted.org"),
        ("https://trusted.org#@evil.example", "trusted.org"),
        ("https://trusted.org/@evil.example", "trusted.org"),
        // Percent-escapes in a host are decoded by a browser.
        ("https://evil%2Eexample/", "-"),
        ("https://trusted.org%40evil.example/", "-"),
        ("https://trusted.org%2F@evil.example/", "-"),
        ("https://trusted.org/%2F@evil.example", "trusted.org"),
        // Schemes, in any case; only http(s) is a web link.
        ("HTTPS://trusted.org/", "trusted.org"),
        ("HtTp://trusted.org/", "trusted.org"),
        ("javascript:alert(1)", "-"),
        ("JavaScript://trusted.org/%0aalert(1)", "-"),
        ("data:text/html,hi", "-"),
        ("ftp://example.org/", "-"),
        ("https:evil.example", "-"),
        ("https:/evil.example", "-"),
        ("https:///evil.example", "-"),
        ("https://", "-"),
        // Ports: the scheme's own is dropped; anything but a plain number below 65536 is refused.
        ("https://trusted.org:443/", "trusted.org"),
        ("http://trusted.org:80/", "trusted.org"),
        ("http://trusted.org:443/", "trusted.org:443"),
        ("https://trusted.org:8443/x", "trusted.org:8443"),
        ("https://trusted.org:/x", "trusted.org"),
        ("https://trusted.org:65536/", "-"),
        ("https://trusted.org:08443/", "-"),
        ("https://trusted.org:+443/", "-"),
        ("https://trusted.org:evil.example/", "-"),
        // Addresses: four plain numbers are kept as written; a browser rewrites any other form
        // (`0x7f.1` is 127.0.0.1). IPv6 literals and non-ASCII names are refused.
        ("https://127.0.0.1/", "127.0.0.1"),
        ("http://127.0.0.1:8080/x", "127.0.0.1:8080"),
        ("https://127.0.0.1./", "-"),
        ("https://256.1.1.1/", "-"),
        ("https://1.2.3/", "-"),
        ("https://0x7f.1/", "-"),
        ("https://2130706433/", "-"),
        ("https://127.000.0.1/", "-"),
        ("https://trusted.org.1/", "-"),
        ("https://1password.com/", "1password.com"),
        ("https://[::1]/", "-"),
        ("https://\u{430}pple.com/", "-"),
    ];

    #[test]
    fn hosts_are_the_ones_a_browser_opens_or_refused() {
        let mut failures = Vec::new();
        for &(url, expected) in HOSTS {
            let shown = host(url).unwrap_or("-");
            if shown != expected || is_web_link(url) != (expected != "-") {
                failures.push(format!("{url:?}: expected {expected}, shows {shown}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    /// The `url` crate implements the URL standard browsers follow: every host shown is the one
    /// it opens, and every origin is its origin.
    #[test]
    fn a_host_shown_is_the_host_the_url_standard_reads() {
        for &(url, _) in HOSTS.iter().filter(|(_, shown)| *shown != "-") {
            let parsed = ::url::Url::parse(url).unwrap();
            let opened = match parsed.port() {
                Some(port) => format!("{}:{port}", parsed.host_str().unwrap()),
                None => parsed.host_str().unwrap().to_string(),
            };
            let shown = host(url).unwrap().to_ascii_lowercase();
            assert!(
                opened == shown || opened == format!("www.{shown}"),
                "{url}: opens {opened}"
            );
            assert_eq!(origin(url), Some(parsed.origin().ascii_serialization()), "{url}");
        }
    }

    #[test]
    fn data_comes_from_this_site_unless_the_builder_allowed_another() {
        let page = "https://news.example/graphics/tally/?data=x";
        let cases = [
            ("https://news.example/other/results.json", &[][..], true),
            ("https://NEWS.example/results.json", &[], true),
            ("https://news.example:443/results.json", &[], true),
            ("HTTPS://news.example/results.json", &[], true),
            ("https://evil.example/results.json", &[], false),
            ("http://news.example/results.json", &[], false),
            ("https://data.example/r.json", &["https://data.example"], true),
            ("https://data.example/r.json", &["https://DATA.example/"], true),
            ("https://data.example/r.json", &["https://data.example/feeds"], false),
            ("https://data.example/r.json", &["https://user@data.example"], false),
            ("https://data.example:444/r.json", &["https://data.example"], false),
            ("https://user@news.example/r.json", &[], false),
            ("https://news.example\\@evil.example/r.json", &[], false),
            ("https://news.example%2F@evil.example/r.json", &[], false),
        ];
        for (data, allowed, ok) in cases {
            assert_eq!(data_allowed(data, page, allowed), ok, "{data} with {allowed:?}");
        }
        // A site served from an address (a newsroom's machine, the browser tests' loopback).
        let local = "http://127.0.0.1:8080/graphics/";
        assert!(data_allowed("http://127.0.0.1:8080/results.json", local, &[]));
        assert!(!data_allowed("http://127.0.0.1:8081/results.json", local, &[]));
        for (text, alone) in [
            ("https://data.example", true),
            ("https://data.example/", true),
            ("https://Data.Example:8443", true),
            ("https://data.example/feeds", false),
            ("https://data.example?x", false),
            ("data.example", false),
        ] {
            assert_eq!(is_origin(text), alone, "{text}");
        }
    }
}
