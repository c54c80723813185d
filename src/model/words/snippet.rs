//! The copy-and-paste embed codes. Every value is escaped for where it lands (HTML attribute or
//! JavaScript string), so a dataset's text can never become markup in a newsroom's page.

/// Escapes text for a double-quoted HTML attribute.
pub fn html_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A JavaScript string literal that is also safe inside a `<script>` element.
pub fn js_string(text: &str) -> String {
    crate::model::read::json::quote(text)
        .replace("</", "<\\/")
        .replace("<!--", "<\\!--")
}

/// A plain iframe plus Tally's tiny parent script, which applies the height messages.
pub fn iframe_snippet(embed_url: &str, title: &str, script_url: &str) -> String {
    format!(
        "<iframe data-tally src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"480\" scrolling=\"no\" style=\"border:0;width:100%\"></iframe>\n<script src=\"{}\" async></script>",
        html_attr(embed_url),
        html_attr(title),
        html_attr(script_url)
    )
}

/// The id of the element Pym fills: `name` (the contest's id, or "list"), then a digest of the
/// embed's address, so that two embeds of different views in one article never share it.
pub fn container_id(name: &str, embed_url: &str) -> String {
    let digest = crate::model::content_hash(embed_url.as_bytes());
    format!("tally-{name}-{}", &digest[..8])
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-') => c,
            _ => '-',
        })
        .collect()
}

/// The same view through Pym.js, for newsrooms that already run it. Pym builds the iframe itself,
/// so the snippet waits until the spot nears the viewport (lazy), then marks the iframe lazy too.
/// `name` begins the container's id (`container_id`).
pub fn pym_snippet(embed_url: &str, title: &str, name: &str) -> String {
    let id = container_id(name, embed_url);
    let (id_js, url_js, title_js) = (js_string(&id), js_string(embed_url), js_string(title));
    format!(
        "<div id=\"{id}\"></div>\n<script src=\"https://pym.nprapps.org/pym.v1.min.js\"></script>\n<script>(function () {{\n  var spot = document.getElementById({id_js});\n  new IntersectionObserver(function (entries, observer) {{\n    if (!entries[0].isIntersecting) return;\n    observer.disconnect();\n    var parent = new pym.Parent({id_js}, {url_js}, {{ title: {title_js} }});\n    parent.iframe.setAttribute(\"loading\", \"lazy\");\n  }}, {{ rootMargin: \"400px\" }}).observe(spot);\n}})();</script>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_text() {
        let title = "\"><script>alert(1)</script><img src=x onerror=alert(1)>";
        let iframe = iframe_snippet(
            "https://example.org/?q=a&b",
            title,
            "https://example.org/tally-embed.js",
        );
        assert!(
            !iframe.contains("<script>alert") && !iframe.contains("<img"),
            "{iframe}"
        );
        assert!(iframe.contains("?q=a&amp;b"));
        let pym = pym_snippet("https://example.org/", title, "list");
        assert_eq!(
            pym.matches("</script>").count(),
            2,
            "only the snippet's own script ends: {pym}"
        );
        assert!(pym.contains("title: \"\\\"><script>alert(1)<\\/script>"));
        let id = container_id("\"><b x='1'>", "https://example.org/");
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id}"
        );
    }

    #[test]
    fn each_view_has_its_own_container_id() {
        let base = "https://news.example/tally/";
        let views = [
            ("list", format!("{base}?cycle=2024&party=D&embed=1")),
            ("list", format!("{base}?territory=AS,GU,MP,PR,VI&cycle=2024&embed=1")),
            (
                "list",
                format!("{base}?territory=AS,GU,MP,PR,VI&cycle=2024&theme=dark&embed=1"),
            ),
            ("list", format!("{base}?embed=1")),
            ("2024-D-AS", format!("{base}embed/2024-D-AS.html")),
            ("2024-D-AS", format!("{base}embed/2024-D-AS.html?plain=1")),
        ];
        let ids: Vec<String> = views.iter().map(|(name, url)| container_id(name, url)).collect();
        for (i, (id, (name, url))) in ids.iter().zip(&views).enumerate() {
            assert!(id.starts_with(&format!("tally-{}-", name.to_ascii_lowercase())), "{id}");
            assert!(!ids[..i].contains(id), "{url} has the id of an earlier view: {id}");
            let snippet = pym_snippet(url, "Tally", name);
            assert!(snippet.starts_with(&format!("<div id=\"{id}\">")), "{snippet}");
            assert!(snippet.contains(&format!("new pym.Parent(\"{id}\"")), "{snippet}");
        }
        assert_eq!(ids[0], container_id("list", &views[0].1), "the same view, the same id");
    }
}
