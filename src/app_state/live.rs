//! A live feed's polling, as state: how long until the next poll (the feed's `poll_seconds`,
//! doubled after each failure up to five minutes, none once every contest is settled), what a
//! reply does (a 304 nothing at all; an older feed than the one shown nothing; a newer one replaces
//! the figures in place, records each figure that went down and each changed delegate split as a
//! correction with its time, marks what changed, and announces each call, correction and split
//! newly flagged against its rule once), and the line shown while the feed is not answering. The
//! effect that fetches is `ui/effects.rs`.

use std::rc::Rc;

use super::{Data, Shared, State};
use crate::model::data::time::Moment;
use crate::model::derive::allocation::reported;
use crate::model::read::validate::FEED;
use crate::model::words::allocation::first_report_words;
use crate::model::words::corrections::correction_line;
use crate::model::words::live::{call_words, feed_line};
use crate::model::{Catalog, Contest, Correction, Dataset, Live, Problem, MIN_POLL_SECONDS};

/// The longest wait between polls, however often the feed has failed.
pub const MAX_BACKOFF_SECONDS: u32 = 300;

/// What the page keeps of the feed between polls.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    /// Polls that failed in a row since the last answer (0: the feed answers).
    pub failures: u32,
    /// Contests whose figures the latest update changed: marked briefly.
    pub changed: Rc<Vec<String>>,
    /// The latest update's calls and corrections, in one sentence each, for a polite live region.
    pub announcement: String,
    /// Updates that changed something: the marks alternate between two animations by its parity,
    /// so that a figure changed twice in a row is marked twice.
    pub updates: u32,
    /// Each contest whose delegate split the page saw corrected: the split it showed first, and
    /// whether the party's rule gave it, as checked then. Its check's line keeps saying so.
    pub replaced: Vec<Replaced>,
}

/// A split a correction on the night replaced: the contest (its place in the page's dataset, where
/// contests keep their places until another file is read), the split, whether its rule gave it.
pub type Replaced = (usize, Vec<i64>, bool);

/// The reply to one poll.
#[derive(Clone, Debug, PartialEq)]
pub enum Poll {
    /// 304 Not Modified: nothing to do, nothing to render.
    Unchanged,
    /// No answer, an error status, or a file that could not be read.
    Failed,
    /// A feed, read.
    Changed { catalog: Shared, problems: Vec<Problem> },
}

/// Seconds until the next poll of a feed that asks every `poll_seconds` (never under the minimum),
/// after `failures` failed polls in a row: doubled each time, at most five minutes.
pub fn delay(poll_seconds: i64, failures: u32) -> u32 {
    let base = poll_seconds.clamp(MIN_POLL_SECONDS, 86_400) as u32;
    match failures {
        0 => base,
        _ => base
            .saturating_mul(1 << failures.min(16))
            .min(MAX_BACKOFF_SECONDS.max(base)),
    }
}

fn as_of(dataset: &Dataset) -> Option<i64> {
    dataset.as_of.as_deref().and_then(Moment::parse).map(|m| m.epoch)
}

impl State {
    /// Seconds until the next poll, while the file shown is a feed with a contest still to settle.
    pub fn poll_delay(&self) -> Option<u32> {
        let dataset = &self.catalog()?.dataset;
        let seconds = *dataset.poll_seconds.get()?;
        let open = dataset.contests.iter().any(|c| !c.status.settled());
        open.then(|| delay(seconds, self.failures()))
    }

    /// "Figures from 11:45 p.m.; the feed is not answering." after a failed poll.
    pub fn feed_trouble(&self) -> Option<String> {
        if self.failures() == 0 {
            return None;
        }
        Some(feed_line(self.catalog()?.dataset.as_of.as_deref(), false, 0))
    }

    /// The line over a feed's results (`words::live::feed_line`): when its figures are from,
    /// whether the feed answers, and how many contests' latest update could not be read.
    pub fn feed_status(&self) -> Option<String> {
        let dataset = &self.catalog()?.dataset;
        dataset.poll_seconds.get()?;
        Some(feed_line(dataset.as_of.as_deref(), self.failures() == 0, self.unread()))
    }

    /// Contests the latest reply named in a problem: left out of it, so they keep their last good
    /// figures. The feed's own problems (`feed`) cost no contest.
    fn unread(&self) -> usize {
        let mut contests: Vec<&str> = Vec::new();
        for problem in self.problems.iter().filter(|p| p.contest != FEED) {
            if !contests.contains(&problem.contest.as_str()) {
                contests.push(&problem.contest);
            }
        }
        contests.len()
    }

    /// Polls that failed in a row since the feed last answered.
    pub fn failures(&self) -> u32 {
        self.feed.get().map_or(0, |f| f.failures)
    }

    /// The state after poll reply `poll` to dataset request `request`: the same `Rc` (no render)
    /// when it changes nothing on the page.
    pub(super) fn polled(self: Rc<Self>, request: u32, poll: Poll) -> Rc<Self> {
        // A reply for a file the reader has left is never shown under the new address.
        let Some(shown) = self.catalog().filter(|_| request == self.request).cloned() else {
            return self;
        };
        let mut next = (*self).clone();
        let was = self.feed.get().cloned().unwrap_or_default();
        let mut feed = was.clone();
        match poll {
            Poll::Unchanged | Poll::Changed { .. } if was.failures > 0 => feed.failures = 0,
            Poll::Unchanged => return self,
            Poll::Failed => feed.failures = was.failures.saturating_add(1),
            Poll::Changed { .. } => {}
        }
        next.feed = Live::new(Some(feed.clone()));
        let Poll::Changed { catalog, problems } = poll else {
            return Rc::new(next);
        };
        // An older feed than the one shown (a slow reply, a stale cache) is ignored, and so is the
        // same feed again (the first poll, which has no validators to send yet).
        let older = matches!((as_of(&catalog.dataset), as_of(&shown.dataset)), (Some(new), Some(old)) if new < old);
        if older || catalog.dataset == shown.dataset {
            return if feed.failures == was.failures {
                self
            } else {
                Rc::new(next)
            };
        }
        let (dataset, changed, said) = update(&shown.dataset, catalog.dataset.clone(), &mut feed.replaced);
        next.data = Data::Ready(Shared(Rc::new(Catalog::new(dataset))));
        next.problems = Rc::new(problems);
        if !changed.is_empty() {
            feed.updates = was.updates.wrapping_add(1);
        }
        feed.changed = Rc::new(changed);
        feed.announcement = said.join(" ");
        next.feed = Live::new(Some(feed));
        Rc::new(next)
    }
}

/// The page's dataset with a feed's reply: each of the feed's contests replaces the one with its id
/// (or joins), keeping the corrections shown before (the details file's, those recorded on the night)
/// and its sources and notes if the feed has none; contests the feed does not list stay as they were
/// (a live build's bundled results). Then, once the page shows a feed (not on the first reply over
/// the bundled file, which may well be ahead of the night), each figure that went down and each
/// delegate figure that changed is a new correction at the feed's time. Also returns the contests
/// that changed, and a sentence for each new call or correction.
pub fn update(old: &Dataset, feed: Dataset, replaced: &mut Vec<Replaced>) -> (Dataset, Vec<String>, Vec<String>) {
    let night = old.poll_seconds.get().is_some();
    let at = feed
        .as_of
        .clone()
        .filter(|t| Moment::parse(t).is_some())
        .unwrap_or_default();
    let (mut changed, mut said) = (Vec::new(), Vec::new());
    let mut merged = old.clone();
    merged.as_of = feed.as_of;
    merged.poll_seconds = feed.poll_seconds;
    for mut contest in feed.contests {
        let Some(index) = merged.contests.iter().position(|c| c.id == contest.id) else {
            changed.push(contest.id.clone());
            merged.contests.push(contest);
            continue;
        };
        let before = &merged.contests[index];
        // At the feed's time; a feed that gives none readably, at the contest's `updated_at`.
        let when = match at.as_str() {
            "" => contest
                .updated_at
                .get()
                .filter(|t| Moment::parse(t).is_some())
                .cloned()
                .unwrap_or_default(),
            _ => at.clone(),
        };
        let recorded = if night {
            corrections(before, &contest, &when)
        } else {
            Vec::new()
        };
        // The split the page's first correction of it replaced, with its check, kept from then on.
        if let (Some(agreed), Some(split), false) = (
            before.rule_agrees,
            reported(before),
            replaced.iter().any(|r| r.0 == index),
        ) {
            if recorded.iter().any(|c| c.field == "delegates") {
                replaced.push((index, split, agreed));
            }
        }
        // The feed's own corrections of a split make its check's line say what the first report was.
        let feed_corrected_split = contest.corrections.iter().any(|c| c.field.starts_with("delegates"));
        // One entry per change: the feed's own correction takes the place of an entry of the same
        // change shown before (one this page recorded, a reply earlier), and the page records none
        // the feed gives itself in the same reply; each change is still said once.
        let same = |a: &Correction, b: &Correction| {
            (&a.field, &a.option, &a.from, &a.to) == (&b.field, &b.option, &b.from, &b.to)
        };
        let theirs = std::mem::take(&mut contest.corrections);
        let mut kept: Vec<Correction> = before.corrections.clone();
        for correction in &theirs {
            match kept.iter().position(|k| same(k, correction)) {
                Some(i) => kept[i] = correction.clone(),
                None => kept.push(correction.clone()),
            }
        }
        if !recorded.is_empty() {
            let probe = Contest {
                corrections: recorded.clone(),
                ..contest.clone()
            };
            if let Some(line) = correction_line(&probe) {
                said.push(format!("{}: {line}.", contest.territory_name()));
            }
            kept.extend(recorded.into_iter().filter(|r| !theirs.iter().any(|t| same(t, r))));
        }
        contest.corrections = kept;
        if let (false, Some(first)) = (feed_corrected_split, replaced.iter().find(|r| r.0 == index)) {
            say_split_replaced(&mut contest, first);
        }
        if contest.sources.is_empty() {
            contest.sources = before.sources.clone();
        }
        if contest.notes.is_none() {
            contest.notes = before.notes.clone();
        }
        if night && before.called.is_none() {
            if let Some(call) = call_words(&contest) {
                said.push(format!("{}: {call}", contest.territory_name()));
            }
        }
        // A split its rule contradicts is flagged on the night (`rules::check_feed_rules`): said
        // once, when the flag goes up, in the words its page shows.
        if let (true, Some(false), Some(check)) = (night, contest.rule_agrees, &contest.rule_check) {
            if before.rule_agrees != Some(false) {
                said.push(format!("{}: {}", contest.territory_name(), check.line));
            }
        }
        if night
            && (figures(before) != figures(&contest)
                || before.status != contest.status
                || before.called != contest.called)
        {
            changed.push(contest.id.clone());
        }
        merged.contests[index] = contest;
    }
    (merged, changed, said)
}

/// After a correction on the night, the check's line says whether the split it replaced followed
/// the party's rule, as it was checked when shown: a reader who saw "Reported Palmer 4, Biden 2; the
/// rule gives 3–3" flagged learns why it changed, as a built page's line says of a first report.
fn say_split_replaced(contest: &mut Contest, (_, first, first_follows): &Replaced) {
    let Some(now) = reported(contest) else { return };
    let which: Vec<usize> = (0..first.len().min(now.len()))
        .filter(|&i| first[i] > 0 || now[i] > 0)
        .collect();
    if let (Some(check), Some(now_follows)) = (&mut contest.rule_check, contest.rule_agrees) {
        check
            .line
            .push_str(&first_report_words(&which, first, *first_follows, &now, now_follows));
    }
}

type Figures = Vec<(Option<i64>, Option<String>, Option<crate::model::Delegates>)>;

fn figures(contest: &Contest) -> Figures {
    contest
        .options
        .iter()
        .map(|o| (o.votes, o.pct.clone(), o.delegates))
        .collect()
}

/// The corrections `after` makes to `before`: each option's votes that went down; each option's
/// delegates once a reported split changes (every option whose figure changed, as a party reports
/// a corrected split).
fn corrections(before: &Contest, after: &Contest, at: &str) -> Vec<Correction> {
    let mut found = Vec::new();
    let note = |what: &str| {
        Some(format!(
            "Recorded by this page when the feed changed the {what} it had reported."
        ))
    };
    for option in &after.options {
        let Some(was) = before.options.iter().find(|o| o.name == option.name) else {
            continue;
        };
        let mut record = |field: &str, from: String, to: String| {
            found.push(Correction {
                reported_at: at.to_string(),
                field: field.into(),
                option: option.name.clone(),
                from,
                to,
                note: note(field),
                sources: Vec::new(),
            })
        };
        if let (Some(from), Some(to)) = (was.votes, option.votes) {
            if to < from {
                record("votes", from.to_string(), to.to_string());
            }
        }
        if let (Some(from), Some(to)) = (was.delegates, option.delegates) {
            if to != from {
                record("delegates", from.to_string(), to.to_string());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests;
