//! The static pages: after trunk has built the app, render every page with the app's own
//! components (`tally::ui::render`, natively) into trunk's `index.html`, and give the data files
//! names that carry a hash of their content. Trunk runs this as a post-build hook
//! (`Trunk.toml`), so `trunk build`, `trunk serve` and `cargo xtask dist` all write the pages.

use std::fs;
use std::path::Path;
use std::rc::Rc;

use tally::app_state::editions::needed;
use tally::app_state::{Shared, State};
use tally::model::url::pages::Page;
use tally::model::words::site::{sitemap, Head};
use tally::model::words::snippet::html_attr as escape;
use tally::model::{load_bytes, merge_own_details, Catalog, EditionFile, Party};

use crate::data::{BUNDLED, BUNDLED_DETAILS, BUNDLED_EDITIONS, EDITIONS_DIR};
use crate::{root, Result};

/// The environment variable that names the site's public address, for absolute links.
pub const BASE_URL_VAR: &str = "TALLY_BASE_URL";
/// The origins besides the site's own that `?data=` may read, space-separated (none by default).
pub const DATA_ORIGINS_VAR: &str = "TALLY_DATA_ORIGINS";

/// The origins the builder allowed, from the environment, each checked to be an http(s) origin.
pub fn data_origins() -> Result<Vec<String>> {
    let listed = std::env::var(DATA_ORIGINS_VAR).unwrap_or_default();
    listed
        .split_whitespace()
        .map(|o| {
            // An origin alone (scheme, host, port), in any case: no path, no credentials.
            let bare = o.trim_end_matches('/').to_ascii_lowercase();
            let origin = tally::model::url::origin::origin(o).filter(|origin| *origin == bare);
            origin
                .filter(|origin| tally::model::url::origin::is_web_link(origin))
                .ok_or_else(|| {
                    format!("{DATA_ORIGINS_VAR}: {o:?} is not an origin such as https://data.example.org").into()
                })
        })
        .collect()
}

/// Writes every page, the hashed data files and (with a base URL) the sitemap into `site`.
pub fn write(site: &Path, base_url: Option<&str>) -> Result<String> {
    let template = fs::read_to_string(site.join("index.html"))?;
    let data = write_data(site)?;
    let loaded = load_bytes(data.results.as_bytes()).map_err(|e| format!("{BUNDLED}: {e}"))?;
    let details = fs::read(root().join(BUNDLED_DETAILS))?;
    let (dataset, problems) =
        merge_own_details(&loaded.dataset, &details).map_err(|e| format!("{BUNDLED_DETAILS}: {e}"))?;
    if let Some(problem) = loaded.problems.first().or(problems.first()) {
        return Err(format!("the bundled data has a problem: {problem}").into());
    }
    let front = Catalog::new(dataset);
    let mut editions = Vec::new();
    for edition in &data.editions {
        let loaded = load_bytes(edition.results.as_bytes()).map_err(|e| format!("{}: {e}", edition.file.file))?;
        let (dataset, problems) =
            merge_own_details(&loaded.dataset, &edition.details).map_err(|e| format!("{}: {e}", edition.file.file))?;
        if let Some(problem) = loaded.problems.first().or(problems.first()) {
            return Err(format!("{} has a problem: {problem}", edition.file.file).into());
        }
        editions.push((edition.file.clone(), dataset));
    }
    // Every contest of every edition has its pages; each page is rendered from the data the
    // app will have when it takes the page over: the front file and the editions the page needs.
    let catalog = Shared(Rc::new(front.with_editions(editions.clone())));
    let mut catalogs: Vec<(Vec<String>, Shared)> = Vec::new();
    let mut catalog_for = |page: &Page| -> Shared {
        let needed: Vec<String> = needed(&front, &page.query()).iter().map(|f| f.file.clone()).collect();
        if let Some((_, found)) = catalogs.iter().find(|(files, _)| *files == needed) {
            return found.clone();
        }
        let chosen = editions
            .iter()
            .filter(|(f, _)| needed.contains(&f.file))
            .cloned()
            .collect();
        let made = Shared(Rc::new(front.with_editions(chosen)));
        catalogs.push((needed, made.clone()));
        made
    };
    let pages = Page::all(&catalog);
    let origins = data_origins()?;
    let (previews, preview_figures) = crate::previews::write(site, &catalog)?;
    let build = Build {
        results_name: &data.results_name,
        base_url,
        origins: &origins,
    };
    for page in &pages {
        let preview = match page {
            Page::Contest(id) => previews.get(id),
            _ => None,
        };
        let body = tally::ui::render(State::prerendered(page.query(), catalog_for(page)));
        // What a page says of itself is read from every edition's contests (`words::site::coverage`).
        let html = assemble(&template, page, &page.head(&catalog), &body, &build, preview)?;
        let html = with_data_preloads(&html, &data_to_take_over(page, &front, &data));
        let path = site.join(page.path());
        fs::create_dir_all(path.parent().expect("pages live in the site"))?;
        fs::write(path, html)?;
    }
    fs::write(site.join(NOT_FOUND), not_found(&template, base_url)?)?;
    if let Some(base) = base_url {
        fs::write(site.join("sitemap.xml"), sitemap(base, &pages))?;
    }
    Ok(format!(
        "{} pages, {preview_figures}, data/{}, data/{}{}",
        pages.len(),
        data.results_name,
        data.details_name,
        if base_url.is_some() {
            ", sitemap.xml"
        } else {
            " (no sitemap: no base URL)"
        }
    ))
}

struct HashedData {
    results: String,
    results_name: String,
    details_name: String,
    editions: Vec<HashedEdition>,
}

/// An edition in a file of its own, as written into `data/editions/`.
struct HashedEdition {
    file: EditionFile,
    results: String,
    details: Vec<u8>,
    /// `editions/<cycle>-<party>.details.<hash>.json`, relative to `data/`.
    details_name: String,
}

/// `data/results.<hash>.json` and `data/details.<hash>.json`: a page names the data it was
/// built from, so no cache can pair it with another build's. The results file names every other
/// edition's file (`editions`: `data/editions/<cycle>-<party>.<hash>.json`, with its
/// `<cycle>-<party>.details.<hash>.json`), hashed the same way.
fn write_data(site: &Path) -> Result<HashedData> {
    let dir = site.join("data");
    fs::create_dir_all(dir.join("editions"))?;
    let mut editions = Vec::new();
    for (cycle, party) in edition_files()? {
        let stem = format!("{cycle}-{}", party.code());
        let source = root().join(EDITIONS_DIR);
        let details = fs::read(source.join(format!("{stem}.details.json")))?;
        let details_name = format!("{stem}.details.{}.json", tally::model::content_hash(&details));
        let results = fs::read_to_string(source.join(format!("{stem}.json")))?;
        let results = named_details(&results, &format!("{stem}.details.json"), &details_name, "")?;
        let name = format!("{stem}.{}.json", tally::model::content_hash(results.as_bytes()));
        fs::write(dir.join("editions").join(&details_name), &details)?;
        fs::write(dir.join("editions").join(&name), &results)?;
        let contests = load_bytes(results.as_bytes())
            .map_err(|e| format!("{EDITIONS_DIR}/{stem}.json: {e}"))?
            .dataset
            .contests
            .len();
        let file = EditionFile {
            cycle,
            party,
            file: format!("editions/{name}"),
            contests,
        };
        editions.push(HashedEdition {
            file,
            results,
            details,
            details_name: format!("editions/{details_name}"),
        });
    }
    let manifest: Vec<&EditionFile> = editions.iter().map(|e| &e.file).collect();
    let manifest = format!(",\"editions\":{}", serde_json::to_string(&manifest)?);
    let details = fs::read(root().join(BUNDLED_DETAILS))?;
    let details_name = format!("details.{}.json", tally::model::content_hash(&details));
    let results = fs::read_to_string(root().join(BUNDLED))?;
    let results = named_details(&results, "details.json", &details_name, &manifest)?;
    // The reader's build reads the bundled data only if these bytes are the ones named here.
    let results_name = format!("results.{}.json", tally::model::content_hash(results.as_bytes()));
    fs::write(dir.join(&details_name), &details)?;
    fs::write(dir.join(&results_name), &results)?;
    Ok(HashedData {
        results,
        results_name,
        details_name,
        editions,
    })
}

/// The editions in files of their own: every one `cargo xtask data` wrote but the front file's,
/// newest first, Democratic before Republican.
fn edition_files() -> Result<Vec<(i64, Party)>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(root().join(EDITIONS_DIR))? {
        let name = entry?.file_name().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".json").filter(|s| !s.ends_with(".details")) else {
            continue;
        };
        let edition = stem
            .split_once('-')
            .and_then(|(cycle, party)| Some((cycle.parse().ok()?, Party::from_code(party)?)))
            .ok_or_else(|| format!("{EDITIONS_DIR}/{name} is not named <cycle>-<party>.json"))?;
        if !BUNDLED_EDITIONS.contains(&edition) {
            found.push(edition);
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(found)
}

/// A results file pointing at its details file by `name` rather than as the converter wrote it
/// (`written`), with `more` after the pointer.
fn named_details(results: &str, written: &str, name: &str, more: &str) -> Result<String> {
    let pointer = format!("\"details\":\"{written}\"");
    if !results.contains(&pointer) {
        return Err(format!("a results file does not point at {written} as the converter writes it").into());
    }
    Ok(results.replacen(&pointer, &format!("\"details\":\"{name}\"{more}"), 1))
}

/// What every page of one build shares: the data it names, its public address, the origins allowed.
struct Build<'a> {
    results_name: &'a str,
    base_url: Option<&'a str>,
    origins: &'a [String],
}

/// One page from trunk's `index.html`: its own head (base, title, description, canonical and
/// link-preview tags, the data it needs), the rendered app in `<main id="app">`, and for a card
/// none of the app's scripts.
fn assemble(
    template: &str,
    page: &Page,
    head: &Head,
    body: &str,
    build: &Build,
    preview: Option<&crate::previews::Preview>,
) -> Result<String> {
    let Build {
        results_name,
        base_url,
        origins,
    } = *build;
    let href = page.href();
    let depth = page.path().matches('/').count();
    let mut tags = String::new();
    // Every link and asset is written relative to the site's root. The front page names it too:
    // once the app moves the address bar to another page's path, the document's own URL would
    // no longer be the root, but a base element's URL is fixed when the page is read.
    let root = if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    };
    tags.push_str(&format!("<base href=\"{root}\">"));
    tags.push_str(&format!("<title>{}</title>", escape(&head.title)));
    let meta = |name: &str, content: &str| format!("<meta name=\"{name}\" content=\"{}\">", escape(content));
    let property = |name: &str, content: &str| format!("<meta property=\"{name}\" content=\"{}\">", escape(content));
    tags.push_str(&meta("description", &head.description));
    // A card lives in iframes; its contest's page is the one to index.
    let canonical = match page {
        Page::Card(id) => Page::Contest(id.clone()).href(),
        _ => href.clone(),
    };
    let absolute = base_url.map(|base| format!("{}/{canonical}", base.trim_end_matches('/')));
    let canonical = absolute
        .clone()
        .unwrap_or_else(|| if canonical.is_empty() { "./".into() } else { canonical });
    tags.push_str(&format!("<link rel=\"canonical\" href=\"{}\">", escape(&canonical)));
    if matches!(page, Page::Card(_)) {
        tags.push_str(&meta("robots", "noindex"));
    }
    tags.push_str(&property("og:type", "website"));
    tags.push_str(&property("og:site_name", "Tally"));
    tags.push_str(&property("og:title", &head.headline));
    tags.push_str(&property("og:description", &head.description));
    if let Some(url) = &absolute {
        tags.push_str(&property("og:url", url));
    }
    // A contest's page shows its result as an image: absolute with a base URL (as og:url), else
    // relative to the root, which `<base>` names.
    let image = preview.map(|p| {
        let url = match base_url {
            Some(base) => format!("{}/{}", base.trim_end_matches('/'), p.path),
            None => p.path.clone(),
        };
        (url, &p.alt)
    });
    if let Some((url, alt)) = &image {
        tags.push_str(&property("og:image", url));
        tags.push_str(&property("og:image:type", "image/png"));
        tags.push_str(&property("og:image:width", &crate::previews::draw::WIDTH.to_string()));
        tags.push_str(&property("og:image:height", &crate::previews::draw::HEIGHT.to_string()));
        tags.push_str(&property("og:image:alt", alt));
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    tags.push_str(&meta("twitter:card", card));
    tags.push_str(&meta("twitter:title", &head.headline));
    tags.push_str(&meta("twitter:description", &head.description));
    if let Some((url, alt)) = &image {
        tags.push_str(&meta("twitter:image", url));
        tags.push_str(&meta("twitter:image:alt", alt));
    }
    let html = replace_element(template, "title", &tags)?;
    let main = if page.interactive() {
        let allowed = if origins.is_empty() {
            String::new()
        } else {
            format!(" data-origins=\"{}\"", escape(&origins.join(" ")))
        };
        format!(
            "<main id=\"app\" data-page=\"{}\" data-dataset=\"data/{results_name}\"{allowed}>{body}</main>",
            escape(&page.query().to_search())
        )
    } else {
        format!("<main id=\"app\">{body}</main>")
    };
    let mut html = replace_element(&html, "main", &main)?;
    // A live night's card follows the feed with a script of its own; any other card has none.
    if let (Page::Card(id), Some(feed)) = (page, live_feed()) {
        html = live_card(&html, &feed, id);
    }
    Ok(if page.interactive() {
        without_preloads(&html)
    } else {
        without_app_scripts(&html)
    })
}

/// The data files the app reads to take `page` over, relative to `data/`, where it reads more
/// than the front file: the front file, its details where the page shows contests in full, each
/// edition the page needs and its details (`start::page_data` reads them in that order).
fn data_to_take_over(page: &Page, front: &Catalog, data: &HashedData) -> Vec<String> {
    if !page.interactive() {
        return Vec::new();
    }
    let query = page.query();
    let mut files = Vec::new();
    if query.shows_details() {
        files.push(data.details_name.clone());
    }
    for needed in needed(front, &query) {
        if let Some(edition) = data.editions.iter().find(|e| e.file.file == needed.file) {
            files.push(edition.file.file.clone());
            files.push(edition.details_name.clone());
        }
    }
    // The front file first, which the app reads before any other.
    if !files.is_empty() {
        files.insert(0, data.results_name.clone());
    }
    files
}

/// `html` with a preload of each of `files` (in `data/`) at the end of its body: the browser asks
/// for them all at once as it reads the page, and the app's fetches, one after another, are
/// answered from them (the same requests: `as="fetch"`, `crossorigin`). Only pages that take
/// over editions or sources have any; the front page has none.
fn with_data_preloads(html: &str, files: &[String]) -> String {
    if files.is_empty() {
        return html.to_string();
    }
    let links: String = files
        .iter()
        .map(|f| {
            format!(
                "<link rel=\"preload\" href=\"data/{}\" as=\"fetch\" crossorigin>",
                escape(f)
            )
        })
        .collect();
    html.replacen("</body>", &format!("{links}</body>"), 1)
}

/// The feed a live build follows (`cargo xtask dist --live <url>`), if this is one.
pub fn live_feed() -> Option<String> {
    std::env::var(crate::builds::LIVE_FEED_VAR)
        .ok()
        .filter(|f| !f.is_empty())
}

/// The script a live build's cards load to follow the feed (`static/tally-card-live.js`: no wasm).
pub const CARD_UPDATER: &str = "tally-card-live.js";

/// A card that follows `feed`: its updater, told the feed and the card's contest, deferred so that it
/// runs once the card is read. The resize script already tells the parent each new height.
pub fn live_card(html: &str, feed: &str, contest: &str) -> String {
    let tag = format!(
        "<script src={CARD_UPDATER} data-feed=\"{}\" data-contest=\"{}\" defer></script>",
        escape(feed),
        escape(contest)
    );
    match html.find("<main") {
        Some(at) => format!("{}{tag}{}", &html[..at], &html[at..]),
        None => html.to_string(),
    }
}

/// The page static hosts serve for an address they lack (GitHub Pages, Netlify and Cloudflare Pages
/// find it by this name; others are told in the README).
pub const NOT_FOUND: &str = "404.html";

/// The not-found page's one script. A host serves this page at whatever address was asked for, so
/// the site's root is found from the address: what precedes the first of the site's own folders,
/// else the address's own folder (unless the build knew the root and wrote it). It then names the
/// address, and a contest's or jurisdiction's id in the app's own words ("No contest “2024-D-ZZ”
/// in these results."); inside an article's frame the way out opens beside the article.
const NOT_FOUND_SCRIPT: &str = r#"(()=>{const p=location.pathname,k=/^(.*?\/)(contest|embed|territory|preview|data|demo)\/(.*)$/.exec(p);if(!document.querySelector("base")){const b=document.createElement("base");b.href=k?k[1]:p.replace(/[^/]*$/,"");document.head.append(b)}addEventListener("DOMContentLoaded",()=>{let a=p;try{a=decodeURI(p)}catch(e){}document.getElementById("address").textContent=a+location.search;const i=k&&/^([^/]+)\.html$/.exec(k[3]);if(i){const m=document.getElementById("missing");m.textContent=(k[2]=="territory"?"No territory \u201c":"No contest \u201c")+i[1]+"\u201d in these results.";m.hidden=!1}if(top!=self)document.getElementById("home").target="_blank"})})()"#;

/// `404.html`: in the site's style, which address was not found and a link to the front page. No
/// app: only the resize script, so an article's frame fits it.
fn not_found(template: &str, base_url: Option<&str>) -> Result<String> {
    let base = base_url.map_or(String::new(), |b| {
        format!("<base href=\"{}/\">", escape(b.trim_end_matches('/')))
    });
    let head = format!(
        "{base}<script>{NOT_FOUND_SCRIPT}</script><title>Page not found · Tally</title>\
         <meta name=\"robots\" content=\"noindex\">"
    );
    let html = replace_element(template, "title", &head)?;
    let body = "<main id=\"app\"><h1>Page not found</h1>\
        <p>Tally has no page at <code id=\"address\">this address</code>.</p>\
        <p id=\"missing\" hidden></p>\
        <p><a id=\"home\" href=\"./\">All results</a></p></main>";
    Ok(without_app_scripts(&replace_element(&html, "main", body)?))
}

/// An interactive page keeps trunk's loader but not its preloads of the wasm and its glue: on a
/// slow phone they would share the bandwidth with the page and its stylesheet, which are all the
/// results need to paint. The loader asks for them once the page is read. Nor does it load the
/// resize script: the app adds it when the page is an embed.
fn without_preloads(html: &str) -> String {
    without(html, |tag| {
        (tag.starts_with("<link") && (tag.contains("modulepreload") || tag.contains(".wasm")))
            || (tag.starts_with("<script") && tag.contains("tally-child"))
    })
}

/// `html` with its first `<name …>…</name>` element replaced by `with`.
fn replace_element(html: &str, name: &str, with: &str) -> Result<String> {
    let start = html
        .find(&format!("<{name}"))
        .ok_or_else(|| format!("trunk's index.html has no <{name}>"))?;
    let close = format!("</{name}>");
    let end = html[start..]
        .find(&close)
        .map(|i| start + i + close.len())
        .ok_or_else(|| format!("trunk's index.html has no {close}"))?;
    Ok(format!("{}{with}{}", &html[..start], &html[end..]))
}

/// A card's page keeps its styles and the resize script (`tally-child.js`) and drops the app:
/// trunk's module loader and its preloads of the wasm and its glue.
fn without_app_scripts(html: &str) -> String {
    let is_app = |t: &str| {
        t.contains("modulepreload") || t.contains(".wasm") || t.contains("type=module") || t.contains("type=\"module\"")
    };
    let html = without(html, |tag| {
        (tag.starts_with("<script") || tag.starts_with("<link")) && is_app(tag)
    });
    // The resize script also applies ?theme= and ?plain=: it runs before the card paints.
    let Some(at) = html.find("tally-child.js") else {
        return html;
    };
    match (html[..at].rfind("<script"), html[at..].find('>')) {
        (Some(start), Some(end)) => format!("{}<script src=tally-child.js>{}", &html[..start], &html[at + end + 1..]),
        _ => html,
    }
}

/// `html` without the elements whose opening tag `drop` picks (a script with its body).
fn without(html: &str, drop: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag = &rest[start..];
        let end = tag.find('>').map_or(tag.len(), |i| i + 1);
        let open = &tag[..end];
        if !drop(open) {
            out.push_str(open);
            rest = &tag[end..];
        } else if open.starts_with("<script") {
            let close = tag.find("</script>").map_or(tag.len(), |i| i + "</script>".len());
            rest = &tag[close..];
        } else {
            rest = &tag[end..];
        }
    }
    out.push_str(rest);
    out
}

/// Every `.html` file under `dir`, at any depth.
pub fn html_files(dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            found.extend(html_files(&path)?);
        } else if path.extension().is_some_and(|e| e == "html") {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_front_file_names_every_other_edition_by_its_hash_and_the_catalog_has_a_page_for_each_contest() {
        let site = std::env::temp_dir().join(format!("tally-pages-{}", std::process::id()));
        let data = write_data(&site).unwrap();
        let front = Catalog::new(load_bytes(data.results.as_bytes()).unwrap().dataset);
        let named: Vec<(i64, Party)> = front.pending().iter().map(|f| (f.cycle, f.party)).collect();
        assert_eq!(
            named,
            edition_files().unwrap(),
            "every edition but the front file's, newest first"
        );
        assert!(front
            .contests()
            .iter()
            .all(|c| BUNDLED_EDITIONS.contains(&(c.cycle, c.party))));
        let mut editions = Vec::new();
        for file in front.pending() {
            let url = format!("data/{}", file.file);
            let bytes = fs::read(site.join(&url)).unwrap();
            let read = tally::model::load_as_built(&bytes, &url).expect("named by its hash");
            assert_eq!(
                read.dataset.contests.len(),
                file.contests,
                "{url}: the manifest's count"
            );
            let details = read.dataset.details.clone().unwrap();
            let folder = site.join("data/editions");
            tally::model::merge_details_as_built(&read.dataset, &fs::read(folder.join(&details)).unwrap(), &details)
                .expect("its details named by their hash");
            editions.push((file.clone(), read.dataset));
        }
        let all = front.with_editions(editions);
        let pages = Page::all(&all);
        for contest in all.contests() {
            assert!(
                pages.contains(&Page::Contest(contest.id.clone())) && pages.contains(&Page::Card(contest.id.clone()))
            );
        }
        assert!(all.contest("2008-D-AS").is_some() && pages.contains(&Page::Territory("AS".into())));
        let _ = fs::remove_dir_all(&site);
    }

    #[test]
    fn a_page_that_takes_over_editions_preloads_every_file_it_reads_and_the_front_page_none() {
        let site = std::env::temp_dir().join(format!("tally-preloads-{}", std::process::id()));
        let data = write_data(&site).unwrap();
        let front = Catalog::new(load_bytes(data.results.as_bytes()).unwrap().dataset);
        assert_eq!(data_to_take_over(&Page::Front, &front, &data), Vec::<String>::new());
        let territory = data_to_take_over(&Page::Territory("AS".into()), &front, &data);
        let mut expected = vec![data.results_name.clone(), data.details_name.clone()];
        for edition in front.pending() {
            let hashed = data.editions.iter().find(|e| e.file.file == edition.file).unwrap();
            expected.extend([hashed.file.file.clone(), hashed.details_name.clone()]);
        }
        assert_eq!(territory, expected, "every edition since 2008, each with its details");
        for file in &territory {
            assert!(site.join("data").join(file).is_file(), "{file} is written");
        }
        let html = with_data_preloads("<body><main></main></body>", &territory[..1]);
        assert_eq!(
            html,
            format!(
                "<body><main></main><link rel=\"preload\" href=\"data/{}\" as=\"fetch\" crossorigin></body>",
                data.results_name
            )
        );
        let _ = fs::remove_dir_all(&site);
    }

    #[test]
    fn a_card_keeps_styles_and_the_resize_script_only() {
        let html = r#"<head><link rel=stylesheet href=tally-1.css><link rel=modulepreload href=./tally-2.js><link rel=preload href=./tally-2_bg.wasm as=fetch><script src=tally-child.js defer></script><script type=module>import init from './tally-2.js';</script></head>"#;
        assert_eq!(
            without_app_scripts(html),
            "<head><link rel=stylesheet href=tally-1.css><script src=tally-child.js></script></head>"
        );
    }

    #[test]
    fn only_a_live_builds_cards_follow_the_feed() {
        let card = "<head><script src=tally-child.js></script></head><main id=\"app\"></main>";
        assert_eq!(
            live_card(card, "https://feeds.example/night.json?a=1&b=2", "2024-D-AS"),
            "<head><script src=tally-child.js></script></head><script src=tally-card-live.js \
             data-feed=\"https://feeds.example/night.json?a=1&amp;b=2\" data-contest=\"2024-D-AS\" defer></script>\
             <main id=\"app\"></main>"
        );
        let template =
            "<head><title>Tally</title><script src=tally-child.js defer></script></head><main id=app></main>";
        let head = Head {
            title: "t".into(),
            headline: "h".into(),
            description: "d".into(),
        };
        let build = Build {
            results_name: "results.1.json",
            base_url: None,
            origins: &[],
        };
        // Without `--live` (the tests' environment sets no feed), a card loads no updater: zero bytes.
        assert_eq!(live_feed(), None);
        let html = assemble(template, &Page::Card("2024-D-AS".into()), &head, "", &build, None).unwrap();
        assert!(!html.contains(CARD_UPDATER), "{html}");
    }

    #[test]
    fn the_not_found_page_names_its_root_when_the_build_knows_it_and_runs_no_app() {
        let template = "<head><title>Tally</title><script type=module>import a from './tally-1.js';</script>\
            <script src=tally-child.js defer></script></head><main id=app></main>";
        let known = not_found(template, Some("https://example.org/tally")).unwrap();
        assert!(known.contains("<base href=\"https://example.org/tally/\">"), "{known}");
        assert!(known.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(known.contains("<h1>Page not found</h1>") && known.contains("<script src=tally-child.js>"));
        assert!(!known.contains("type=module"));
        // Without one, the script finds it from the address.
        assert!(!not_found(template, None).unwrap().contains("<base"));
    }

    #[test]
    fn elements_are_replaced_whole() {
        let html = "<title>Old</title><main id=app><p>Loading</p></main>";
        let html = replace_element(html, "title", "<title>New</title>").unwrap();
        assert_eq!(
            replace_element(&html, "main", "<main>x</main>").unwrap(),
            "<title>New</title><main>x</main>"
        );
    }

    #[test]
    fn a_contest_page_names_its_preview_absolute_with_a_base_url_else_relative() {
        let template = "<head><title>Tally</title></head><main id=app></main>";
        let page = Page::Contest("2024-D-AS".into());
        let head = Head {
            title: "t".into(),
            headline: "Jason Palmer wins".into(),
            description: "d".into(),
        };
        let preview = crate::previews::Preview {
            path: "preview/2024-D-AS.0123456789abcdef.png".into(),
            alt: "Jason Palmer wins.".into(),
        };
        let build = |base_url| Build {
            results_name: "results.1.json",
            base_url,
            origins: &[],
        };
        let html = assemble(template, &page, &head, "", &build(None), Some(&preview)).unwrap();
        assert!(html.contains("<meta property=\"og:image\" content=\"preview/2024-D-AS.0123456789abcdef.png\">"));
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
        assert!(html.contains("<meta property=\"og:image:width\" content=\"1200\">"));
        assert!(html.contains("<meta property=\"og:image:height\" content=\"630\">"));
        assert!(html.contains("<meta property=\"og:image:alt\" content=\"Jason Palmer wins.\">"));
        let html = assemble(
            template,
            &page,
            &head,
            "",
            &build(Some("https://example.org/tally/")),
            Some(&preview),
        )
        .unwrap();
        let url = "https://example.org/tally/preview/2024-D-AS.0123456789abcdef.png";
        assert!(html.contains(&format!("<meta property=\"og:image\" content=\"{url}\">")));
        assert!(html.contains(&format!("<meta name=\"twitter:image\" content=\"{url}\">")));
        // A page without a preview keeps the small card.
        let html = assemble(template, &Page::Territory("AS".into()), &head, "", &build(None), None).unwrap();
        assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">") && !html.contains("og:image"));
    }
}
