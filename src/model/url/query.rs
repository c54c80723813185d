//! The URL query: the whole state of a page, parsed leniently (garbage becomes a notice) and
//! written back canonically. The one place the URL format lives.

use crate::model::derive::list_order::ListOrder;
use crate::model::url::foreign;
use crate::model::url::pages::{self, Page};
use crate::model::{territory, Catalog, ContestKind, Cycles, Edition, Filter, Party};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub filter: Filter,
    /// The contest whose detail is open.
    pub contest: Option<String>,
    /// The winners list's order; date unless the URL says otherwise.
    pub sort: ListOrder,
    pub theme: Theme,
    pub embed: bool,
    /// Embed without its title line.
    pub plain: bool,
    /// A newsroom dataset to load instead of the bundled one.
    pub data: Option<String>,
    /// Pym.js child id and Datawrapper-style embed id, for the resize messages.
    pub child_id: Option<String>,
    pub embed_id: Option<String>,
    /// `customize=1`: open the Embed customizer (the address the reader's build reloads with to
    /// get the newsroom's tools). A request, not a view: the page opens it and never writes it back.
    pub customize: bool,
    /// `download=1`: download the list as CSV once it is ready (where the reader's build's
    /// "Download CSV" reloads to: the CSV writer is one of the newsroom's tools). A request too.
    pub download: bool,
    /// The `territory=` codes that name no known place, as given (never written back): an embed
    /// that names only such places says so rather than show every contest.
    pub unknown_territory: Option<String>,
}

/// Longest value quoted back in a notice.
const QUOTE_LIMIT: usize = 40;

fn quote(value: &str) -> String {
    let mut shown: String = value.chars().take(QUOTE_LIMIT).collect();
    if value.chars().count() > QUOTE_LIMIT {
        shown.push('\u{2026}');
    }
    format!("\u{201c}{shown}\u{201d}")
}

impl Query {
    /// Where "All results" leads from the open contest: the list the reader came from, brought to
    /// the contest's year where that list would not hold it. A 2008 contest's own page, opened
    /// from a search engine, leads to 2008's results, not the newest year's.
    pub fn list(&self, newest: Option<i64>) -> Query {
        let mut list = self.clone();
        let year = list.filter.year(newest);
        if let Some(edition) = list.contest.take().as_deref().and_then(Edition::of_id) {
            if year.is_some() && year != Some(edition.cycle) {
                list.filter.cycle = Cycles::Year(edition.cycle);
            }
        }
        list
    }

    /// Parses `?a=b&c=d` (leading `?` optional). Returns the query and a notice per ignored value.
    pub fn parse(search: &str) -> (Query, Vec<String>) {
        let mut query = Query::default();
        let mut notices = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for pair in search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, key_ok) = decode(raw_key);
            let (value, value_ok) = decode(raw_value);
            if !key_ok || !value_ok {
                notices.push(format!("Ignored {}: it is not valid URL encoding.", quote(pair)));
                continue;
            }
            let value = value.trim().to_string();
            // What other sites add to links (campaign tags, Pym's own) is not a setting: no notice.
            if foreign::is_foreign(&key) {
                continue;
            }
            let repeatable = key == "territory";
            if !repeatable && seen.contains(&key) {
                notices.push(format!(
                    "Ignored a second {key}={}: only the first counts.",
                    quote(&value)
                ));
                continue;
            }
            seen.push(key.clone());
            if let Err(reason) = query.set(&key, &value) {
                notices.push(reason);
            }
        }
        (query, notices)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let bad = |what: &str| Err(format!("Ignored {key} {}: {what}.", quote(value)));
        let flag = |value: &str| matches!(value, "" | "1" | "true" | "yes");
        match key {
            "territory" => {
                let mut unknown = Vec::new();
                for code in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                    match territory(code) {
                        Some(t) if !self.filter.territories.iter().any(|c| c == t.code) => {
                            self.filter.territories.push(t.code.to_string())
                        }
                        Some(_) => {}
                        // Strings: `[&str]::join` would be a second copy of std's join.
                        None => unknown.push(code.to_string()),
                    }
                }
                if !unknown.is_empty() {
                    self.unknown_territory = Some(unknown.join(","));
                    return Err(format!(
                        "Ignored territory {}: not a known state or territory code.",
                        quote(&unknown.join(","))
                    ));
                }
            }
            "party" => match value.to_ascii_uppercase().as_str() {
                "" | "ALL" | "BOTH" => {}
                code => match Party::from_code(code) {
                    Some(p) => self.filter.party = Some(p),
                    None => return bad("use D or R"),
                },
            },
            "cycle" => match Cycles::from_code(value) {
                Some(cycles) => self.filter.cycle = cycles,
                None => return bad("not a year"),
            },
            "kind" => match ContestKind::from_code(value) {
                Some(kind) => self.filter.kind = Some(kind),
                None => return bad("use primary, caucus or party-run"),
            },
            // `upsets=1` is what the same view was called before it was named for what it shows.
            "lost" | "upsets" => self.filter.nominee_lost = flag(value),
            "differs" => self.filter.rule_differs = flag(value),
            "sort" => match ListOrder::from_code(value) {
                Some(order) => self.sort = order,
                None => return bad("use date, territory, margin or turnout"),
            },
            "q" => self.filter.text = value.chars().take(200).collect(),
            "contest" => self.contest = Some(value.chars().take(100).collect()),
            "theme" => {
                self.theme = match value {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    "auto" | "" => Theme::Auto,
                    _ => return bad("use light, dark or auto"),
                }
            }
            "embed" => self.embed = flag(value),
            "customize" => self.customize = flag(value),
            "download" => self.download = flag(value),
            "plain" => self.plain = flag(value),
            // A setting, even left empty (a newsroom's template without its file): said so.
            "data" if value.is_empty() => {
                return Err("Ignored an empty data=: it names no file, so these are the bundled results.".into())
            }
            "data" => self.data = Some(value.to_string()),
            "childId" => self.child_id = Some(value.chars().take(100).collect()),
            "embedId" => self.embed_id = Some(value.chars().take(100).collect()),
            _ => return Err(format!("Ignored {}: Tally has no such setting.", quote(key))),
        }
        Ok(())
    }

    /// Whether the view shows contests in full, sources and corrections included: an opened
    /// contest, or a territory's own page, which shows each of its contests.
    pub fn shows_details(&self) -> bool {
        self.contest.is_some() || only_territory(&self.filter).is_some()
    }

    /// Notices for values that are well formed but name nothing in this dataset.
    pub fn check_against(&mut self, catalog: &Catalog) -> Vec<String> {
        let mut notices = Vec::new();
        if let Cycles::Year(cycle) = self.filter.cycle {
            if !catalog.cycles().contains(&cycle) {
                notices.push(format!(
                    "Ignored cycle {}: this dataset has no contests that year.",
                    quote(&cycle.to_string())
                ));
                self.filter.cycle = Cycles::Newest;
            }
        }
        if let Some(id) = &self.contest {
            match catalog.contest(id) {
                Some(contest) => self.contest = Some(contest.id.clone()),
                None => {
                    notices.push(format!("Ignored contest {}: no contest has that id.", quote(id)));
                    self.contest = None;
                }
            }
        }
        notices
    }

    /// What an embed shows, in one line, when the contest it names is not in the results
    /// (`check_against` leaves it out of the query): "No contest “2024-D-ZZ” in these results.";
    /// an empty id names none.
    pub fn absent_contest(id: &str) -> String {
        match id.trim() {
            "" => "This embed names no contest.".into(),
            id => format!("No contest {} in these results.", quote(id)),
        }
    }

    /// What an embed shows when every place it names is unknown: "No territory “ZZ” in these
    /// results."
    pub fn absent_territory(code: &str) -> String {
        format!("No territory {} in these results.", quote(code))
    }

    /// The page's address relative to the site's root: the static page that shows this view, with
    /// whatever else the query asks for after it ("contest/2024-D-AS.html", "territory/AS.html",
    /// "./?cycle=2024"). A newsroom's own dataset has no static pages, so it stays on the front page.
    pub fn to_href(&self) -> String {
        let page = match self.data {
            Some(_) => Page::Front,
            None => Page::showing(self),
        };
        let mut rest = self.clone();
        match page {
            Page::Contest(_) => rest.contest = None,
            Page::Territory(_) => rest.filter.territories.clear(),
            _ => return format!("./{}", self.to_search()),
        }
        format!("{}{}", page.path(), rest.to_search())
    }

    /// This view as an embed's address: a contest's static card wherever one exists (no wasm),
    /// otherwise the app's embed view of the same filters.
    pub fn embed_href(&self) -> String {
        match (&self.contest, &self.data) {
            (Some(id), None) => {
                let looks = Query {
                    theme: self.theme,
                    plain: self.plain,
                    ..Query::default()
                };
                format!("{}{}", pages::card_path(id), looks.to_search())
            }
            _ => {
                let embed = Query {
                    embed: true,
                    ..self.clone()
                };
                format!("./{}", embed.to_search())
            }
        }
    }

    /// The query of an address: its static page's path (relative to the site's root, with or
    /// without ".html", as hosts with pretty URLs serve it) and then the query string, which wins.
    pub fn from_address(path: &str, search: &str) -> (Query, Vec<String>) {
        let (mut query, notices) = Query::parse(search);
        let page = |folder: &str| {
            path.strip_prefix(folder)
                .map(|name| name.strip_suffix(".html").unwrap_or(name))
                .filter(|name| !name.is_empty() && !name.contains('/'))
                .map(|name| decode(name).0)
        };
        if let (None, Some(id)) = (&query.contest, page("contest/")) {
            query.contest = Some(id);
        }
        if let (true, Some(code)) = (query.filter.territories.is_empty(), page("territory/")) {
            if let Some(t) = territory(&code) {
                query.filter.territories.push(t.code.to_string());
            }
        }
        (query, notices)
    }

    /// The canonical query string, `?`-prefixed, or empty when there is nothing to say.
    pub fn to_search(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let f = &self.filter;
        if let Some(cycle) = f.cycle.code() {
            pairs.push(("cycle", cycle));
        }
        if let Some(party) = f.party {
            pairs.push(("party", party.code().into()));
        }
        if !f.territories.is_empty() {
            pairs.push(("territory", f.territories.join(",")));
        }
        if let Some(kind) = f.kind {
            pairs.push(("kind", crate::model::data::fold::replace(kind.code(), ' ', "-")));
        }
        if f.nominee_lost {
            pairs.push(("lost", "1".into()));
        }
        if f.rule_differs {
            pairs.push(("differs", "1".into()));
        }
        if !f.text.is_empty() {
            pairs.push(("q", f.text.clone()));
        }
        if self.sort != ListOrder::Date {
            pairs.push(("sort", self.sort.code().into()));
        }
        if let Some(contest) = &self.contest {
            pairs.push(("contest", contest.clone()));
        }
        if self.theme != Theme::Auto {
            pairs.push(("theme", self.theme.code().into()));
        }
        if self.embed {
            pairs.push(("embed", "1".into()));
        }
        if self.plain {
            pairs.push(("plain", "1".into()));
        }
        if let Some(data) = &self.data {
            pairs.push(("data", data.clone()));
        }
        if let Some(id) = &self.child_id {
            pairs.push(("childId", id.clone()));
        }
        if let Some(id) = &self.embed_id {
            pairs.push(("embedId", id.clone()));
        }
        if pairs.is_empty() {
            return String::new();
        }
        let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
        format!("?{}", body.join("&"))
    }
}

/// The one territory a filter selects, when it selects by nothing else: a territory's own page.
pub fn only_territory(filter: &Filter) -> Option<&str> {
    match filter.territories.as_slice() {
        [code] if filter.is_one_territory() => Some(code),
        _ => None,
    }
}

/// Percent-decodes a query component (`+` is a space). The flag is false for a broken `%` escape
/// or bytes that are not UTF-8.
pub fn decode(text: &str) -> (String, bool) {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                // Checked first: `from_str_radix` alone would take a sign ("%+F").
                let hex = bytes
                    .get(i + 1..i + 3)
                    .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => return (text.to_string(), false),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(s) => (s, true),
        Err(_) => (text.to_string(), false),
    }
}

/// Percent-encodes all but unreserved characters; commas stay readable (`territory=AS,GU`).
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~,".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
