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

/// The same view through Pym.js, for newsrooms that already run it. Pym builds the iframe itself,
/// so the snippet waits until the spot nears the viewport (lazy), then marks the iframe lazy too.
pub fn pym_snippet(embed_url: &str, title: &str, container_id: &str) -> String {
    let id: String = container_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
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
        let pym = pym_snippet("https://example.org/", title, "tally-1");
        assert_eq!(
            pym.matches("</script>").count(),
            2,
            "only the snippet's own script ends: {pym}"
        );
        assert!(pym.contains("title: \"\\\"><script>alert(1)<\\/script>"));
    }
}
