//! The dataset's types, exactly as the bundled JSON spells them (see docs/DATA.md).

use serde::Serialize;

/// Bumped whenever a field changes meaning; readers refuse versions they do not know.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dataset {
    pub schema_version: u32,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// A live feed's: how often a page asks for it again, in seconds (at least
    /// [`MIN_POLL_SECONDS`]). A file that declares it is polled; the bundled file has none.
    #[serde(skip_serializing_if = "Live::is_none")]
    pub poll_seconds: Live<i64>,
    /// When true, every jurisdiction of every cycle and party present must have a contest.
    pub complete_calendar: bool,
    /// Where the contests' sources and corrections are, when not inline: a details file, relative
    /// to this one, fetched when a contest is opened (see `details.rs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Each edition's nomination, where the dataset records it (the presumptive nominee's losses
    /// are shown only for these).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub nominations: Vec<crate::model::Nomination>,
    /// The editions kept in files of their own, which the page fetches when asked for them (the
    /// front file's manifest, written by the build; empty in any other file).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<crate::model::EditionFile>,
    pub contests: Vec<Contest>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Party {
    #[serde(rename = "D")]
    Democratic,
    #[serde(rename = "R")]
    Republican,
}

impl Party {
    pub const ALL: [Party; 2] = [Party::Democratic, Party::Republican];

    pub fn code(self) -> &'static str {
        match self {
            Party::Democratic => "D",
            Party::Republican => "R",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Party::Democratic => "Democratic",
            Party::Republican => "Republican",
        }
    }

    pub fn from_code(code: &str) -> Option<Party> {
        Party::ALL.into_iter().find(|p| p.code().eq_ignore_ascii_case(code))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum ContestKind {
    #[serde(rename = "primary")]
    Primary,
    #[serde(rename = "caucus")]
    Caucus,
    #[serde(rename = "party-run primary")]
    PartyRunPrimary,
}

impl ContestKind {
    pub const ALL: [ContestKind; 3] = [Self::Primary, Self::Caucus, Self::PartyRunPrimary];

    pub fn code(self) -> &'static str {
        match self {
            Self::Primary => "primary",
            Self::Caucus => "caucus",
            Self::PartyRunPrimary => "party-run primary",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Primary => "Primary",
            Self::Caucus => "Caucus",
            Self::PartyRunPrimary => "Party-run primary",
        }
    }

    /// Accepts the dataset spelling and a URL-friendly one (`party-run`).
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|k| {
            k.code() == code
                || super::fold::replace(k.code(), ' ', "-") == code
                || (code == "party-run" && *k == Self::PartyRunPrimary)
        })
    }
}

/// Whether this build reads what only the earlier cycles' data use (`pct_of`, `pct_computed`, half
/// delegate votes in JSON): without them those fields read as absent, and their words are left out
/// of the wasm.
pub const EARLIER_EDITIONS: bool = cfg!(feature = "earlier");

/// A field only the earlier cycles' data use (`pct_of`, `pct_computed`). In a build without them
/// (the reader's, feature `earlier` off) it holds nothing, and no code to clone, compare or show it
/// is left in the wasm.
#[derive(Clone, Debug, PartialEq)]
pub struct Earlier<T>(#[cfg(feature = "earlier")] Option<T>, std::marker::PhantomData<T>);

impl<T> Earlier<T> {
    pub const NONE: Earlier<T> = Earlier(
        #[cfg(feature = "earlier")]
        None,
        std::marker::PhantomData,
    );

    #[allow(unused_variables)]
    pub fn new(value: Option<T>) -> Earlier<T> {
        Earlier(
            #[cfg(feature = "earlier")]
            value,
            std::marker::PhantomData,
        )
    }

    pub fn get(&self) -> Option<&T> {
        #[cfg(feature = "earlier")]
        return self.0.as_ref();
        #[cfg(not(feature = "earlier"))]
        return None;
    }

    pub fn is_none(&self) -> bool {
        self.get().is_none()
    }
}

impl Earlier<bool> {
    /// A flag's value, `false` when absent.
    pub fn is(&self) -> bool {
        self.get() == Some(&true)
    }

    /// Skips a flag that is not set, as the JSON leaves it out.
    pub fn is_not(&self) -> bool {
        !self.is()
    }
}

impl<T> Default for Earlier<T> {
    fn default() -> Self {
        Self::NONE
    }
}

impl<T: Serialize> Serialize for Earlier<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

/// Whether this build reads a live feed's fields (the newsroom's build, or a reader's built with
/// `--live`). Without them, every status reads as the bundled file's and the night's words are
/// left out of the wasm: the reader of a finished dataset pays nothing for them.
pub const LIVE_FEEDS: bool = cfg!(any(feature = "newsroom", feature = "live"));

/// A live feed's field. In a build that reads no feeds it holds nothing, and the compiler knows it:
/// no code to clone, drop or show it is left in the reader's wasm.
#[derive(Clone, Debug, PartialEq)]
pub struct Live<T>(
    #[cfg(any(feature = "newsroom", feature = "live"))] Option<T>,
    std::marker::PhantomData<T>,
);

impl<T> Live<T> {
    pub const NONE: Live<T> = Live(
        #[cfg(any(feature = "newsroom", feature = "live"))]
        None,
        std::marker::PhantomData,
    );

    #[allow(unused_variables)]
    pub fn new(value: Option<T>) -> Live<T> {
        Live(
            #[cfg(any(feature = "newsroom", feature = "live"))]
            value,
            std::marker::PhantomData,
        )
    }

    pub fn get(&self) -> Option<&T> {
        #[cfg(any(feature = "newsroom", feature = "live"))]
        return self.0.as_ref();
        #[cfg(not(any(feature = "newsroom", feature = "live")))]
        return None;
    }

    pub fn is_none(&self) -> bool {
        self.get().is_none()
    }

    pub fn get_mut(&mut self) -> Option<&mut T> {
        #[cfg(any(feature = "newsroom", feature = "live"))]
        return self.0.as_mut();
        #[cfg(not(any(feature = "newsroom", feature = "live")))]
        return None;
    }
}

impl<T> Default for Live<T> {
    fn default() -> Self {
        Self::NONE
    }
}

impl<T: Serialize> Serialize for Live<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

/// The least `poll_seconds` a feed may ask for: a CDN and a phone can afford one request in ten seconds.
pub const MIN_POLL_SECONDS: i64 = 10;

/// Where a contest stands. A finished file's contests are `final`, `cancelled` or `no-vote`; a live
/// feed's also `upcoming`, `counting`, `called` (by the desk its `called` names) or `certified`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Status {
    #[serde(rename = "final")]
    Final,
    #[serde(rename = "cancelled")]
    Cancelled,
    #[serde(rename = "no-vote")]
    NoVote,
    #[serde(rename = "upcoming")]
    Upcoming,
    #[serde(rename = "counting")]
    Counting,
    #[serde(rename = "called")]
    Called,
    #[serde(rename = "certified")]
    Certified,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Self::Final,
        Self::Cancelled,
        Self::NoVote,
        Self::Upcoming,
        Self::Counting,
        Self::Called,
        Self::Certified,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Final => "final",
            Self::Cancelled => "cancelled",
            Self::NoVote => "no-vote",
            // A build that reads no feeds has none of their statuses: their words are left out.
            _ if !LIVE_FEEDS => "",
            Self::Upcoming => "upcoming",
            Self::Counting => "counting",
            Self::Called => "called",
            Self::Certified => "certified",
        }
    }

    /// The count is over: the figures are the result, and a leader "won" (final or certified).
    pub fn counted(self) -> bool {
        self == Self::Final || (LIVE_FEEDS && self == Self::Certified)
    }

    /// Nothing more will change on the night: counted, cancelled or decided without a count.
    /// A feed whose contests are all settled is no longer polled.
    pub fn settled(self) -> bool {
        !LIVE_FEEDS || !matches!(self, Self::Upcoming | Self::Counting | Self::Called)
    }

    /// A feed's statuses only where this build reads feeds ([`LIVE_FEEDS`]).
    pub fn from_code(code: &str) -> Option<Self> {
        const KNOWN: &[Status] = if LIVE_FEEDS {
            &Status::ALL
        } else {
            &[Status::Final, Status::Cancelled, Status::NoVote]
        };
        KNOWN.iter().copied().find(|s| s.code() == code.trim())
    }

    /// In a reader's words. `no-vote` is a contest decided without a count (a voice vote, or
    /// an unopposed candidate with no ballot), not one that was never held.
    pub fn label(self) -> &'static str {
        match self {
            Self::Final => "Final",
            Self::Cancelled => "Cancelled",
            Self::NoVote => "No count",
            _ if !LIVE_FEEDS => "",
            Self::Upcoming => "Upcoming",
            Self::Counting => "Counting",
            Self::Called => "Called",
            Self::Certified => "Certified",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contest {
    /// `{cycle}-{party}-{territory}`, plus `-{suffix}` for an extra contest (`2024-R-MI-C`).
    pub id: String,
    pub cycle: i64,
    pub party: Party,
    pub territory: String,
    /// A second contest for the same territory, party and cycle (Michigan's caucus, Nevada's primary).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub extra: bool,
    /// ISO date of the main (or last) voting day; absent only for a cancelled contest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub kind: ContestKind,
    pub status: Status,
    /// Pledged delegates at stake; absent when the source gives none (unbound delegations).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pledged_delegates: Option<crate::model::Delegates>,
    /// The listed options are the whole field: every name on the ballot and every other vote
    /// (itemised or in an "Other" row). Only a source says so; unknown reads as not whole.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub whole_field: bool,
    /// Whether this vote binds delegates. `false` for a non-binding primary or a delegation that
    /// goes to the convention unbound (2024-R-MT, 2024-R-SD, 2024-R-NV-P).
    #[serde(skip_serializing_if = "is_true")]
    pub binding: bool,
    /// What the votes are, when they are not the contest's official result: "final alignment" for
    /// a caucus whose party declared its result in delegate equivalents (2020-D-IA, 2020-D-NV).
    /// No winner is named on such votes; the words say what each option led.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes_are: Option<String>,
    /// What the percentages are shares of, when not of votes: "state delegate equivalents" for a
    /// caucus whose party reported delegates rather than votes (2016-D-IA). The largest share wins
    /// the contest; the words say what it is a share of.
    #[serde(skip_serializing_if = "Earlier::is_none")]
    pub pct_of: Earlier<String>,
    /// The percentages were computed by the compilers from the listed counts, not printed by a
    /// source (the earlier cycles' files: FiveThirtyEight's counts, two decimals).
    #[serde(skip_serializing_if = "Earlier::is_not")]
    pub pct_computed: Earlier<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    pub options: Vec<BallotOption>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// A live feed's estimate of the share of the expected vote counted (like AP's EEVP), 0 to 100.
    #[serde(skip_serializing_if = "Live::is_none")]
    pub expected_vote_pct: Live<f64>,
    /// A live feed's call: who a desk or wire projected as the winner, and when.
    #[serde(skip_serializing_if = "Live::is_none")]
    pub called: Live<Call>,
    /// A live feed's: when this contest's figures last changed (RFC 3339).
    #[serde(skip_serializing_if = "Live::is_none")]
    pub updated_at: Live<String>,
    /// The delegates checked against the party's rule, in words: computed from the contest's rule
    /// by the build (or a newsroom's tools), never read from a file a newsroom hands us.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_check: Option<RuleCheck>,
    /// Whether the reported split is the one the party's rule gives from these votes: `None`
    /// where it could not be checked. Computed as `rule_check` is (the board's counts, the filter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_agrees: Option<bool>,
}

/// A race called by a desk or wire: Tally never calls one itself.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Call {
    /// One of the contest's ballot options, by name.
    pub winner: String,
    /// The desk or wire that called it ("AP", "Tally News Desk").
    pub by: String,
    /// When, RFC 3339 (`2024-03-05T23:42:00-05:00`).
    pub at: String,
}

/// The delegate check as the reader reads it: one line, and the arithmetic behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleCheck {
    pub line: String,
    /// "How this is worked out": the arithmetic, a step a line (one string: shown as it is,
    /// which costs the reader's wasm less than a list).
    pub how: String,
}

fn is_true(value: &bool) -> bool {
    *value
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OptionKind {
    /// A named person (write-in candidacies of a named person included).
    Person,
    /// "Uncommitted", "No preference", "None of These Candidates" and the like: a real choice.
    Uncommitted,
    /// Aggregated votes for several people: "Write-in votes", "Other candidates".
    Other,
    /// Ballots that chose no one: "Blank ballots", "Overvotes". Shown, never counted as a choice.
    Void,
}

impl OptionKind {
    pub const ALL: [OptionKind; 4] = [Self::Person, Self::Uncommitted, Self::Other, Self::Void];

    pub fn code(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Uncommitted => "uncommitted",
            Self::Other => "other",
            Self::Void => "void",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// Whether this option can lead the vote or win delegates.
    pub fn can_win(self) -> bool {
        matches!(self, Self::Person | Self::Uncommitted)
    }

    /// Reads a kind from a source's row label, the one place these label conventions live. Only
    /// whole labels count (any case): a person may be called Blankenship or Otherson. A label not
    /// listed here is a person; a file states any other kind itself (JSON `kind`, CSV `option_kind`).
    pub fn classify(name: &str) -> OptionKind {
        Self::classify_with(name, EARLIER_EDITIONS)
    }

    /// As `classify`, with or without the labels only the earlier cycles' files use (a build
    /// without them reads such an option's kind from the file: the converter writes it).
    pub fn classify_with(name: &str, earlier: bool) -> OptionKind {
        let name = name.trim();
        let find = |labels: &[(&str, OptionKind)]| {
            labels
                .iter()
                .find(|(label, _)| label.eq_ignore_ascii_case(name))
                .map(|&(_, kind)| kind)
        };
        let earlier = if earlier { find(&EARLIER_LABELS) } else { None };
        find(&LABELS).or(earlier).unwrap_or(OptionKind::Person)
    }
}

/// Every non-person label the bundled sources use, and their usual variants.
const LABELS: [(&str, OptionKind); 20] = [
    ("Uncommitted", OptionKind::Uncommitted),
    ("Uncommitted delegates", OptionKind::Uncommitted),
    ("Noncommitted Delegate", OptionKind::Uncommitted),
    ("Non-committed delegate", OptionKind::Uncommitted),
    ("No preference", OptionKind::Uncommitted),
    ("Uninstructed", OptionKind::Uncommitted),
    ("None of These Candidates", OptionKind::Uncommitted),
    ("None of the Names Shown", OptionKind::Uncommitted),
    ("Write-in votes", OptionKind::Other),
    ("Write-ins", OptionKind::Other),
    ("Other", OptionKind::Other),
    ("Others", OptionKind::Other),
    ("Other candidates", OptionKind::Other),
    ("Scattering", OptionKind::Other),
    ("Blank ballots", OptionKind::Void),
    ("Void ballots", OptionKind::Void),
    ("Blank and void ballots", OptionKind::Void),
    ("Overvotes", OptionKind::Void),
    ("Undervotes", OptionKind::Void),
    ("Spoiled ballots", OptionKind::Void),
];

/// The labels only the earlier cycles' files use (2008-2020 R).
const EARLIER_LABELS: [(&str, OptionKind); 6] = [
    ("Uninstructed Delegation", OptionKind::Uncommitted),
    ("Undecided", OptionKind::Uncommitted),
    ("Write-in", OptionKind::Other),
    // New York's count of blank, void and scattered ballots together, which the shares include.
    ("Blank/Void/Scattering", OptionKind::Other),
    ("Blank", OptionKind::Void),
    ("Overvote", OptionKind::Void),
];

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BallotOption {
    pub name: String,
    pub kind: OptionKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<i64>,
    /// The percentage exactly as the source printed it ("56.0", "<0.1"); never recomputed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pct: Option<String>,
    /// Delegate votes won, only when the source states them; may end in .5 (half votes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delegates: Option<crate::model::Delegates>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Correction {
    /// ISO 8601 timestamp of the corrected report.
    pub reported_at: String,
    /// Which figure changed: `delegates`, `votes` or `pct`.
    pub field: String,
    /// The ballot option whose figure changed.
    pub option: String,
    pub from: String,
    pub to: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub sources: Vec<String>,
}

impl Contest {
    pub fn territory(&self) -> Option<&'static crate::model::Territory> {
        crate::model::data::territory::territory(&self.territory)
    }

    pub fn territory_name(&self) -> &str {
        self.territory().map_or(self.territory.as_str(), |t| t.name)
    }

    /// Whether this vote bound delegates: binding, and some at stake (or not stated).
    pub fn binds_delegates(&self) -> bool {
        self.binding && self.pledged_delegates != Some(crate::model::Delegates::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_classify_into_kinds() {
        let cases = [
            ("Jason Palmer", OptionKind::Person),
            ("Joe Biden (write-in)", OptionKind::Person),
            ("Uncommitted", OptionKind::Uncommitted),
            ("Noncommitted Delegate", OptionKind::Uncommitted),
            ("No preference", OptionKind::Uncommitted),
            ("Uninstructed", OptionKind::Uncommitted),
            ("None of These Candidates", OptionKind::Uncommitted),
            ("None of the Names Shown", OptionKind::Uncommitted),
            ("Uninstructed Delegation", OptionKind::Uncommitted),
            ("Undecided", OptionKind::Uncommitted),
            ("Write-in votes", OptionKind::Other),
            ("Other candidates", OptionKind::Other),
            ("Others", OptionKind::Other),
            ("Blank ballots", OptionKind::Void),
            ("Blank", OptionKind::Void),
            ("Overvotes", OptionKind::Void),
            ("Overvote", OptionKind::Void),
            ("Blank and void ballots", OptionKind::Void),
            ("  overvotes ", OptionKind::Void),
            ("NO PREFERENCE", OptionKind::Uncommitted),
            ("Don Blankenship", OptionKind::Person),
            ("Otherson", OptionKind::Person),
            ("Avoid Smith", OptionKind::Person),
            ("Otherwise Uninstructed", OptionKind::Person),
        ];
        for (name, kind) in cases {
            assert_eq!(OptionKind::classify_with(name, true), kind, "{name}");
        }
        // A build without the earlier cycles' labels reads them as names (the converter writes
        // their kinds).
        assert_eq!(OptionKind::classify_with("Blank", false), OptionKind::Person);
    }
}
