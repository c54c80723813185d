//! From a parsed JSON tree to the dataset's types, naming the field of the first thing that does
//! not fit (`options[2] "Joe Biden" votes`: "expected a whole number, found text"), in the form
//! validation names fields. A value the reader could not read (`Json::Invalid`) is reported here,
//! as its field's problem, so only its contest is lost.

use super::why;
use crate::model::read::json::Json;
use crate::model::{
    BallotOption, Call, Contest, ContestKind, Correction, Live, Nomination, OptionKind, Party, RuleCheck, Status,
    LIVE_FEEDS,
};

/// The field that did not fit and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Unfit {
    pub field: String,
    pub reason: String,
}

type Fit<T> = Result<T, Unfit>;

/// One JSON object being read, with its path for messages.
struct Object<'a> {
    members: &'a [(String, Json)],
    path: String,
}

impl<'a> Object<'a> {
    fn new(value: &'a Json, path: String) -> Fit<Object<'a>> {
        match value {
            Json::Object(members) => Ok(Object { members, path }),
            other => Err(Unfit {
                reason: why(|| unexpected("an object", other)),
                field: path,
            }),
        }
    }

    fn path(&self, key: &str) -> String {
        why(|| match self.path.is_empty() {
            true => key.to_string(),
            false => format!("{} {key}", self.path),
        })
    }

    fn unfit<T>(&self, key: &str, reason: String) -> Fit<T> {
        Err(Unfit {
            field: self.path(key),
            reason,
        })
    }

    /// Absent and `null` both read as "not given". A value the reader could not read is given:
    /// each accessor reports it as its field's problem, with the reader's reason (`unexpected`).
    fn get(&self, key: &str) -> Option<&'a Json> {
        match self.members.iter().find(|(k, _)| k == key) {
            Some((_, Json::Null)) | None => None,
            Some((_, value)) => Some(value),
        }
    }

    fn required(&self, key: &str) -> Fit<&'a Json> {
        self.get(key).ok_or_else(|| Unfit {
            field: self.path(key),
            reason: why(|| "is missing".into()),
        })
    }

    fn opt_text(&self, key: &str) -> Fit<Option<String>> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(s.clone())),
            Some(other) => self.unfit(key, why(|| unexpected("text", other))),
        }
    }

    fn text(&self, key: &str) -> Fit<String> {
        self.required(key)?;
        self.opt_text(key).map(Option::unwrap_or_default)
    }

    fn opt_int(&self, key: &str) -> Fit<Option<i64>> {
        match self.get(key) {
            None => Ok(None),
            // The reader makes every exactly whole number within i64 an `Int` (`2.5e1` too), so a
            // `Float` is a fraction, however close to zero (`1e-400`), or too large.
            Some(Json::Int(n)) => Ok(Some(*n)),
            Some(Json::Float(f)) if f.abs() >= 9.2e18 => self.unfit(key, why(|| "the number is too large".into())),
            Some(Json::Float(_)) => self.unfit(key, why(|| "expected a whole number, found a fraction".into())),
            Some(other) => self.unfit(key, why(|| unexpected("a whole number", other))),
        }
    }

    /// Any number, whole or not (`expected_vote_pct`: 99.5).
    fn opt_number(&self, key: &str) -> Fit<Option<f64>> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Int(n)) => Ok(Some(*n as f64)),
            Some(Json::Float(f)) => Ok(Some(*f)),
            Some(other) => self.unfit(key, why(|| unexpected("a number", other))),
        }
    }

    /// Delegate votes: a whole number, or one ending in .5 (half votes); any other fraction is refused.
    fn opt_delegates(&self, key: &str) -> Fit<Option<crate::model::Delegates>> {
        match self.get(key) {
            Some(Json::Float(f)) if crate::model::EARLIER_EDITIONS && f.abs() < 1e15 && (f * 2.0).fract() == 0.0 => {
                Ok(Some(crate::model::Delegates::from_halves((f * 2.0) as i64)))
            }
            Some(Json::Float(f)) if crate::model::EARLIER_EDITIONS && f.abs() < 1e15 => self.unfit(
                key,
                why(|| "expected a whole number of delegate votes, or one ending in .5".into()),
            ),
            _ => Ok(self.opt_int(key)?.map(crate::model::Delegates::whole)),
        }
    }

    fn int(&self, key: &str) -> Fit<i64> {
        self.required(key)?;
        self.opt_int(key).map(Option::unwrap_or_default)
    }

    /// Absent reads as `false`.
    fn flag(&self, key: &str) -> Fit<bool> {
        self.opt_flag(key).map(Option::unwrap_or_default)
    }

    fn opt_flag(&self, key: &str) -> Fit<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(other) => self.unfit(key, why(|| unexpected("true or false", other))),
        }
    }

    fn list(&self, key: &str) -> Fit<&'a [Json]> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Json::Array(items)) => Ok(items),
            Some(other) => self.unfit(key, why(|| unexpected("a list", other))),
        }
    }

    fn texts(&self, key: &str) -> Fit<Vec<String>> {
        self.list(key)?
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Json::String(s) => Ok(s.clone()),
                other => self.unfit(&why(|| format!("{key}[{i}]")), why(|| unexpected("text", other))),
            })
            .collect()
    }

    fn code<T>(&self, key: &str, parse: fn(&str) -> Option<T>, allowed: &str) -> Fit<T> {
        let text = self.text(key)?;
        parse(&text).ok_or_else(|| Unfit {
            field: self.path(key),
            reason: why(|| format!("\"{text}\" is not one of {allowed}")),
        })
    }
}

/// "expected text, found a number"; a value the reader could not read says why instead.
fn unexpected(expected: &str, found: &Json) -> String {
    match found {
        Json::Invalid(reason) => reason.clone(),
        other => format!("expected {expected}, found {}", other.kind()),
    }
}

pub fn contest(value: &Json) -> Fit<Contest> {
    let o = Object::new(value, String::new())?;
    // Fields are read in the documented order, so the first one named is the first one wrong.
    let id = o.opt_text("id")?;
    let (cycle, party, territory) = (
        o.int("cycle")?,
        o.code("party", Party::from_code, "D, R")?,
        crate::model::data::territory::canonical_code(o.text("territory")?),
    );
    Ok(Contest {
        // Absent: the usual `{cycle}-{party}-{territory}` (an extra contest must name its own).
        id: id.unwrap_or_else(|| format!("{cycle}-{}-{territory}", party.code())),
        cycle,
        party,
        territory,
        extra: o.flag("extra")?,
        date: o.opt_text("date")?,
        kind: o.code("kind", ContestKind::from_code, "primary, caucus, party-run primary")?,
        status: o.code(
            "status",
            Status::from_code,
            "final, cancelled, no-vote, upcoming, counting, called, certified",
        )?,
        pledged_delegates: o.opt_delegates("pledged_delegates")?,
        whole_field: o.flag("whole_field")?,
        binding: o.opt_flag("binding")?.unwrap_or(true),
        votes_are: o.opt_text("votes_are")?,
        pct_of: match crate::model::EARLIER_EDITIONS {
            true => crate::model::Earlier::new(o.opt_text("pct_of")?),
            false => crate::model::Earlier::NONE,
        },
        pct_computed: match crate::model::EARLIER_EDITIONS {
            true => crate::model::Earlier::new(o.opt_flag("pct_computed")?.filter(|&set| set)),
            false => crate::model::Earlier::NONE,
        },
        sources: o.texts("sources")?,
        notes: o.opt_text("notes")?,
        options: {
            o.required("options")?;
            o.list("options")?
                .iter()
                .enumerate()
                .map(|(i, v)| ballot_option(v, i))
                .collect::<Fit<_>>()?
        },
        corrections: corrections(&o)?,
        rule_check: None,
        rule_agrees: o.opt_flag("rule_agrees")?,
        // Only a build that reads feeds reads their fields (see `LIVE_FEEDS`).
        expected_vote_pct: Live::new(if LIVE_FEEDS {
            o.opt_number("expected_vote_pct")?
        } else {
            None
        }),
        called: Live::new(match o.get("called").filter(|_| LIVE_FEEDS) {
            None => None,
            Some(value) => Some(call(value)?),
        }),
        updated_at: Live::new(if LIVE_FEEDS { o.opt_text("updated_at")? } else { None }),
    })
}

/// A live feed's call: `{"winner": <option>, "by": <desk>, "at": <RFC 3339>}`.
fn call(value: &Json) -> Fit<Call> {
    let o = Object::new(value, why(|| "called".into()))?;
    Ok(Call {
        winner: o.text("winner")?,
        by: o.text("by")?,
        at: o.text("at")?,
    })
}

/// One entry of the dataset's `nominations`; without a `nominee`, the presumptive one was nominated.
pub fn nomination(value: &Json) -> Fit<Nomination> {
    let o = Object::new(value, String::new())?;
    let presumptive_nominee = o.text("presumptive_nominee")?;
    Ok(Nomination {
        cycle: o.int("cycle")?,
        party: o.code("party", Party::from_code, "D, R")?,
        nominee: o.opt_text("nominee")?.unwrap_or_else(|| presumptive_nominee.clone()),
        presumptive_nominee,
        needed_to_nominate: o.opt_int("needed_to_nominate")?,
        clinched_on: o.opt_text("clinched_on")?,
    })
}

/// One entry of a details file (see `details.rs`): a contest's id, sources, corrections and notes.
pub struct Details {
    pub id: String,
    pub sources: Vec<String>,
    pub corrections: Vec<Correction>,
    pub notes: Option<String>,
    pub rule_check: Option<RuleCheck>,
}

pub fn contest_details(value: &Json) -> Fit<Details> {
    let o = Object::new(value, String::new())?;
    Ok(Details {
        id: o.text("id")?,
        sources: o.texts("sources")?,
        corrections: corrections(&o)?,
        notes: o.opt_text("notes")?,
        rule_check: match o.opt_text("check")? {
            Some(line) => Some(RuleCheck {
                line,
                how: o.opt_text("check_how")?.unwrap_or_default(),
            }),
            None => None,
        },
    })
}

fn corrections(o: &Object) -> Fit<Vec<Correction>> {
    o.list("corrections")?
        .iter()
        .enumerate()
        .map(|(i, v)| correction(v, why(|| format!("corrections[{i}]"))))
        .collect()
}

/// The option at `index`. Options have no sources of their own: the contest's list them all.
fn ballot_option(value: &Json, index: usize) -> Fit<BallotOption> {
    let mut o = Object::new(value, why(|| format!("options[{index}]")))?;
    let name = o.text("name")?;
    // Named as validation names it: `options[0] "Jason Palmer" votes`.
    o.path = why(|| format!("options[{index}] \"{name}\""));
    let kind = match o.get("kind") {
        // Absent: read from the label, as the CSV does.
        None => OptionKind::classify(&name),
        Some(_) => o.code("kind", OptionKind::from_code, "person, uncommitted, other, void")?,
    };
    if let Some(Json::Int(_) | Json::Float(_)) = o.get("pct") {
        return o.unfit(
            "pct",
            why(|| "write the percentage as printed, in quotes: \"56.0\"".into()),
        );
    }
    Ok(BallotOption {
        name,
        kind,
        votes: o.opt_int("votes")?,
        pct: o.opt_text("pct")?,
        delegates: o.opt_delegates("delegates")?,
    })
}

fn correction(value: &Json, path: String) -> Fit<Correction> {
    let o = Object::new(value, path)?;
    Ok(Correction {
        reported_at: o.text("reported_at")?,
        field: o.text("field")?,
        option: o.text("option")?,
        from: o.text("from")?,
        to: o.text("to")?,
        note: o.opt_text("note")?,
        sources: o.texts("sources")?,
    })
}

/// One entry of the front file's `editions`: an edition in a file of its own.
pub fn edition_file(value: &Json) -> Fit<crate::model::EditionFile> {
    let o = Object::new(value, String::new())?;
    Ok(crate::model::EditionFile {
        cycle: o.int("cycle")?,
        party: o.code("party", Party::from_code, "D, R")?,
        file: o.text("file")?,
        contests: o.int("contests")? as usize,
    })
}
