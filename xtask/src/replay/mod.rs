//! `cargo xtask replay`: a night replayed on a loopback server. It serves the feed of a timeline
//! (`timeline.rs`, docs/REPLAY.md) as it stood at each moment of an adjustable clock, with an ETag
//! and Last-Modified (a conditional request for an unchanged feed gets a 304), and dist/ beside it,
//! so the app and its feed share an origin. Without `--timeline`, the night is Super Tuesday 2024,
//! generated from the bundled data (`super_tuesday.rs`).
//!
//! The clock: `--from <RFC 3339>` (default: the timeline's start) running `--speed` times real time
//! (default 60). Tests move it: `GET /replay/clock?at=<RFC 3339>&speed=<n>` sets it, and
//! `GET /replay/clock` says where it is.

pub mod super_tuesday;
pub mod timeline;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tally::model::data::time::Moment;
use timeline::Timeline;

use crate::{root, Result};

/// Where the feed is served.
pub const FEED_PATH: &str = "/live/feed.json";

/// The replay's clock: simulated seconds since the epoch at `base_real`, running `speed` times faster.
#[derive(Clone, Copy, Debug)]
pub struct Clock {
    base: i64,
    base_real: Instant,
    speed: f64,
}

impl Clock {
    pub fn now(&self) -> i64 {
        self.after(self.base_real.elapsed())
    }

    /// The night's time once `real` has passed since the clock was set.
    fn after(&self, real: std::time::Duration) -> i64 {
        self.base + (real.as_secs_f64() * self.speed) as i64
    }
}

pub struct Replay {
    pub timeline: Timeline,
    pub clock: Mutex<Clock>,
    pub dist: PathBuf,
    /// Serve each card as a `cargo xtask dist --live live/feed.json` build writes it (`--live-cards`),
    /// so that the cards of the site built without a feed follow this one (the browser tests).
    pub live_cards: bool,
}

/// The Super Tuesday timeline, from the bundled files and the rules the build checked them with.
pub fn super_tuesday() -> Result<String> {
    let results = std::fs::read_to_string(root().join(crate::data::BUNDLED))?;
    let details = std::fs::read(root().join(crate::data::BUNDLED_DETAILS))?;
    let rules = crate::data::bundled_rules()?;
    Ok(serde_json::to_string_pretty(&super_tuesday::generate(
        &results, &details, &rules,
    )?)?)
}

pub fn run(args: &[String]) -> Result<()> {
    let value = |name: &str| args.iter().skip_while(|a| *a != name).nth(1).cloned();
    let text = match value("--timeline") {
        Some(file) => std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?,
        None => super_tuesday()?,
    };
    if let Some(file) = value("--write") {
        std::fs::write(&file, &text)?;
        println!("wrote {file}");
        return Ok(());
    }
    let timeline = Timeline::parse(&text)?;
    let speed: f64 = value("--speed")
        .map_or(Ok(60.0), |s| s.parse())
        .map_err(|_| "--speed: a number")?;
    let from = match value("--from") {
        Some(at) => Moment::parse(&at).ok_or("--from: an RFC 3339 time")?.epoch,
        None => timeline.start,
    };
    let port = value("--port").unwrap_or_else(|| "8787".into());
    let listener = TcpListener::bind(format!("127.0.0.1:{port}"))?;
    let replay = Arc::new(Replay {
        timeline,
        clock: Mutex::new(Clock {
            base: from,
            base_real: Instant::now(),
            speed,
        }),
        dist: value("--dist").map_or_else(|| root().join("dist"), PathBuf::from),
        live_cards: args.iter().any(|a| a == "--live-cards"),
    });
    let address = listener.local_addr()?;
    println!(
        "replaying at {speed}x: feed http://{address}{FEED_PATH}\n  the newsroom's preview: http://{address}/?data=live/feed.json\n  clock: http://{address}/replay/clock?at=<RFC 3339>&speed=<n>"
    );
    serve(listener, replay)
}

pub fn serve(listener: TcpListener, replay: Arc<Replay>) -> Result<()> {
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let replay = Arc::clone(&replay);
        std::thread::spawn(move || {
            let _ = answer(stream, &replay);
        });
    }
    Ok(())
}

/// A request's line and the headers the replay reads.
struct Request {
    method: String,
    path: String,
    query: String,
    if_none_match: Option<String>,
    if_modified_since: Option<String>,
}

fn read_request(stream: &TcpStream) -> Option<Request> {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let method = line.split_whitespace().next()?.to_string();
    let target = line.split_whitespace().nth(1)?.to_string();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let mut request = Request {
        method,
        path: path.to_string(),
        query: query.to_string(),
        if_none_match: None,
        if_modified_since: None,
    };
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let value = Some(value.trim().to_string());
            match name.trim().to_ascii_lowercase().as_str() {
                "if-none-match" => request.if_none_match = value,
                "if-modified-since" => request.if_modified_since = value,
                _ => {}
            }
        }
    }
    Some(request)
}

fn respond(mut stream: TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

fn answer(stream: TcpStream, replay: &Replay) -> std::io::Result<()> {
    let Some(request) = read_request(&stream) else {
        return Ok(());
    };
    let params = |name: &str| {
        request
            .query
            .split('&')
            .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('=').map(percent_decoded))
    };
    match request.path.as_str() {
        // A page of another origin asks with validators, which browsers ask leave to send first
        // (a CORS preflight): the host a live build's feed is on must allow them (docs/DATA.md).
        FEED_PATH if request.method == "OPTIONS" => respond(
            stream,
            "204 No Content",
            &[
                ("Access-Control-Allow-Origin", "*".into()),
                ("Access-Control-Allow-Methods", "GET".into()),
                (
                    "Access-Control-Allow-Headers",
                    "If-None-Match, If-Modified-Since".into(),
                ),
                ("Access-Control-Max-Age", "600".into()),
            ],
            b"",
        ),
        "/replay/clock" => {
            let mut clock = replay.clock.lock().expect("the clock");
            if let Some(at) = params("at").and_then(|at| Moment::parse(&at)) {
                clock.base = at.epoch;
                clock.base_real = Instant::now();
            }
            if let Some(speed) = params("speed").and_then(|s| s.parse().ok()) {
                *clock = Clock {
                    base: clock.now(),
                    base_real: Instant::now(),
                    speed,
                };
            }
            let body = format!(
                "{{\"now\":\"{}\",\"speed\":{},\"end\":\"{}\"}}",
                super_tuesday::rfc3339(clock.now()),
                clock.speed,
                super_tuesday::rfc3339(replay.timeline.end())
            );
            let json = ("Content-Type", "application/json".to_string());
            respond(
                stream,
                "200 OK",
                &[json, ("Cache-Control", "no-store".into())],
                body.as_bytes(),
            )
        }
        FEED_PATH => {
            let now = replay.clock.lock().expect("the clock").now();
            let Some((feed, written)) = replay.timeline.at(now) else {
                return respond(
                    stream,
                    "503 Service Unavailable",
                    &[("Cache-Control", "no-store".into())],
                    b"",
                );
            };
            let body = serde_json::to_vec(&feed).expect("a feed serialises");
            let etag = format!("\"{}\"", tally::model::content_hash(&body));
            let modified = http_date(written);
            let headers = [
                ("Content-Type", "application/json".to_string()),
                ("ETag", etag.clone()),
                ("Last-Modified", modified.clone()),
                // Ask every time: a 304 is a few hundred bytes.
                ("Cache-Control", "no-cache".into()),
                ("Access-Control-Allow-Origin", "*".into()),
                ("Access-Control-Expose-Headers", "ETag, Last-Modified".into()),
            ];
            let unchanged = match (&request.if_none_match, &request.if_modified_since) {
                (Some(tags), _) => tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"),
                (None, Some(since)) => *since == modified,
                (None, None) => false,
            };
            if unchanged {
                respond(stream, "304 Not Modified", &headers[1..], b"")
            } else {
                respond(stream, "200 OK", &headers, &body)
            }
        }
        path => serve_file(stream, replay, path),
    }
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(&text[i + 1..i + 3], 16) {
                    Ok(b) => out.push(b),
                    Err(_) => out.extend_from_slice(&bytes[i..i + 3]),
                }
                i += 3;
                continue;
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A file of dist/ (the site, so that `?data=live/feed.json` is of the same origin).
fn serve_file(stream: TcpStream, replay: &Replay, path: &str) -> std::io::Result<()> {
    let dist = &replay.dist;
    let relative = percent_decoded(path.trim_start_matches('/'));
    if relative.split('/').any(|part| part == "..") {
        return respond(stream, "403 Forbidden", &[], b"");
    }
    let mut file = dist.join(&relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    let mut body = Vec::new();
    match std::fs::File::open(&file).and_then(|mut f| f.read_to_end(&mut body)) {
        Ok(_) => {
            let kind = match file.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") | Some("mjs") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("json") => "application/json",
                Some("svg") => "image/svg+xml",
                Some("png") => "image/png",
                _ => "application/octet-stream",
            };
            let card = relative
                .strip_prefix("embed/")
                .and_then(|name| name.strip_suffix(".html"))
                .filter(|_| replay.live_cards);
            if let Some(id) = card {
                let html = crate::pages::live_card(&String::from_utf8_lossy(&body), &FEED_PATH[1..], id);
                body = html.into_bytes();
            }
            respond(stream, "200 OK", &[("Content-Type", kind.into())], &body)
        }
        Err(_) => respond(stream, "404 Not Found", &[], b"not found"),
    }
}

/// `Tue, 05 Mar 2024 23:45:00 GMT` (RFC 9110's IMF-fixdate).
pub fn http_date(epoch: i64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (days, secs) = (epoch.div_euclid(86_400), epoch.rem_euclid(86_400));
    let (y, m, d) = super_tuesday::civil(days);
    format!(
        "{}, {d:02} {} {y:04} {:02}:{:02}:{:02} GMT",
        DAYS[days.rem_euclid(7) as usize],
        MONTHS[m as usize - 1],
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests;
