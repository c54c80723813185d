//! A timeline: the feed as it stood at the start of a night, and the moments that changed it
//! (docs/REPLAY.md). The feed at any time is the start with every earlier moment applied in order.

use serde_json::{Map, Value};
use tally::model::data::time::Moment;

use crate::Result;

/// One change: at `at`, members of one contest replaced (`contest` and `set`), or the feed not
/// answering for `outage_seconds`.
#[derive(Clone, Debug)]
pub struct Change {
    pub at: i64,
    pub at_text: String,
    pub contest: Option<String>,
    pub set: Map<String, Value>,
    pub outage_seconds: i64,
}

#[derive(Clone, Debug)]
pub struct Timeline {
    pub start: i64,
    pub start_text: String,
    pub feed: Value,
    pub changes: Vec<Change>,
}

fn moment(value: Option<&Value>, what: &str) -> Result<(i64, String)> {
    let text = value
        .and_then(Value::as_str)
        .ok_or(format!("{what}: expected an RFC 3339 time"))?;
    let at = Moment::parse(text).ok_or(format!("{what}: \"{text}\" is not an RFC 3339 time"))?;
    Ok((at.epoch, text.to_string()))
}

impl Timeline {
    pub fn parse(text: &str) -> Result<Timeline> {
        let value: Value = serde_json::from_str(text)?;
        let (start, start_text) = moment(value.get("start"), "start")?;
        let feed = value.get("feed").cloned().ok_or("feed: missing")?;
        let ids: Vec<&str> = feed
            .get("contests")
            .and_then(Value::as_array)
            .ok_or("feed contests: expected a list")?
            .iter()
            .filter_map(|c| c.get("id").and_then(Value::as_str))
            .collect();
        let mut changes = Vec::new();
        for (i, raw) in value
            .get("moments")
            .and_then(Value::as_array)
            .ok_or("moments: expected a list")?
            .iter()
            .enumerate()
        {
            let (at, at_text) = moment(raw.get("at"), &format!("moments[{i}] at"))?;
            let contest = raw.get("contest").and_then(Value::as_str).map(str::to_string);
            if let Some(id) = &contest {
                if !ids.contains(&id.as_str()) {
                    return Err(format!("moments[{i}] contest: no contest {id} in the feed").into());
                }
            }
            let set = raw.get("set").and_then(Value::as_object).cloned().unwrap_or_default();
            let outage_seconds = raw.get("outage_seconds").and_then(Value::as_i64).unwrap_or(0);
            if changes.last().is_some_and(|last: &Change| last.at > at) {
                return Err(format!("moments[{i}] at: earlier than the moment before it").into());
            }
            changes.push(Change {
                at,
                at_text,
                contest,
                set,
                outage_seconds,
            });
        }
        Ok(Timeline {
            start,
            start_text,
            feed,
            changes,
        })
    }

    /// The feed as it stood at `now`, written at the last change before it (its `as_of`), or
    /// `None` while the feed is not answering.
    pub fn at(&self, now: i64) -> Option<(Value, i64)> {
        let mut feed = self.feed.clone();
        let mut written = (self.start, self.start_text.clone());
        for change in self.changes.iter().take_while(|c| c.at <= now) {
            if change.outage_seconds > 0 && now < change.at + change.outage_seconds {
                return None;
            }
            let Some(id) = &change.contest else { continue };
            let contests = feed["contests"].as_array_mut().expect("checked when parsed");
            if let Some(Value::Object(contest)) = contests.iter_mut().find(|c| c["id"] == id.as_str()) {
                for (key, value) in &change.set {
                    contest.insert(key.clone(), value.clone());
                }
            }
            written = (change.at, change.at_text.clone());
        }
        feed["as_of"] = Value::String(written.1);
        Some((feed, written.0))
    }

    /// When the last change happens.
    pub fn end(&self) -> i64 {
        self.changes.last().map_or(self.start, |c| c.at + c.outage_seconds)
    }
}
