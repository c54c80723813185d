//! A strict Content-Security-Policy for the release build: no 'unsafe-inline' for scripts, only
//! the hashes of trunk's inline loader and of the not-found page's script. Written into every page as a meta tag and into `_headers`
//! for hosts that read one (Netlify, Cloudflare Pages).

use std::fs;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::Result;

/// The policy for a page whose inline scripts have these bodies.
pub fn policy(inline_scripts: &[&str], data_origins: &[String]) -> String {
    let hashes: Vec<String> = inline_scripts
        .iter()
        .map(|body| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body.as_bytes()))
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; img-src 'self'; \
         connect-src {}; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
        hashes.join(" "),
        // Data from this site, and from the origins its builder allowed: nowhere else.
        ["'self'".to_string()]
            .iter()
            .chain(data_origins)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    )
}

/// The bodies of `<script>` elements that have no `src`.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut bodies = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else { break };
        let Some(close) = after.find("</script>") else { break };
        if !after[..open_end].contains(" src=") {
            bodies.push(&after[open_end + 1..close]);
        }
        rest = &after[close + "</script>".len()..];
    }
    bodies
}

/// Adds the policy to every page in dist/ and writes dist/_headers. Every page runs the same
/// inline loader or none (404.html its own script), so one policy fits them all.
pub fn apply() -> Result<String> {
    let dist = crate::dist_dir();
    let html = fs::read_to_string(dist.join("index.html"))?;
    let not_found = fs::read_to_string(dist.join(crate::pages::NOT_FOUND)).unwrap_or_default();
    let scripts: Vec<&str> = inline_scripts(&html)
        .into_iter()
        .chain(inline_scripts(&not_found))
        .collect();
    let policy = policy(&scripts, &crate::pages::data_origins()?);
    let meta = format!("<meta http-equiv=Content-Security-Policy content=\"{policy}\">");
    for path in crate::pages::html_files(&dist)? {
        let html = fs::read_to_string(&path)?;
        let shown = path.strip_prefix(&dist).unwrap_or(&path).display();
        if html.contains("Content-Security-Policy") {
            return Err(format!("dist/{shown} already has a policy; build it afresh").into());
        }
        // After the charset, which must come first; the demo article is not ours to police.
        let Some(charset) = ["<meta charset=utf-8>", "<meta charset=\"utf-8\">"]
            .into_iter()
            .find(|c| html.contains(c))
        else {
            continue;
        };
        if !html.contains("<main id=") {
            continue;
        }
        fs::write(&path, html.replacen(charset, &format!("{charset}{meta}"), 1))?;
    }
    let headers = format!(
        "/*\n  Content-Security-Policy: {policy}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n\
         /data/*\n  Cache-Control: public, max-age=31536000, immutable\n"
    );
    fs::write(dist.join("_headers"), headers)?;
    Ok(policy)
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_only_inline_scripts() {
        let html = "<script type=module>import x from './a.js';</script><script src=b.js></script>";
        assert_eq!(super::inline_scripts(html), ["import x from './a.js';"]);
        let policy = super::policy(&["alert(1)"], &["https://data.example".into()]);
        assert!(policy.contains("connect-src 'self' https://data.example;"), "{policy}");
        // Known digest of "alert(1)".
        assert!(
            policy.contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"),
            "{policy}"
        );
        assert!(!policy.contains("unsafe-inline"));
    }
}
