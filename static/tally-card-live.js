/* A contest's card on a live night (docs/DATA.md, "Live feeds"): only the cards of a site built with
   `cargo xtask dist --live <url>` load it (xtask/src/pages.rs names the feed and the contest on its
   tag). It polls as the app does, small: conditional requests (If-None-Match, If-Modified-Since),
   the feed's poll_seconds (at least 10) doubled after each failure up to 5 minutes, no poll while
   the page is hidden and one at once when it is shown, none once the contest is settled, a reply
   older than the one shown ignored. It rewrites the card's figures, the result lines in the app's
   words ("Leading" until the feed calls, "Called for Jason Palmer by AP at 11:42 p.m.", "won" only
   once final), the marks, and the corrections line, recording a count that went down or a changed
   delegate split as the app does; the build's delegate check stays only while it is true of the
   figures shown. tally-child.js tells the parent the new height. */
(function () {
  var tag = document.currentScript, doc = document;
  var url = new URL(tag.getAttribute('data-feed'), doc.baseURI).href, id = tag.getAttribute('data-contest');
  var link, etag, modified, asOf = '', seconds = 10, failures = 0, timer, busy, done, before, corrections = [];
  var SETTLED = { 'final': 1, certified: 1, cancelled: 1, 'no-vote': 1 };
  var LABEL = { upcoming: 'Upcoming', counting: 'Counting', called: 'Called', 'final': 'Final', certified: 'Certified', cancelled: 'Cancelled', 'no-vote': 'No count' };
  // The methods Tally checks from a contest's statewide figures (derive/allocation.rs).
  var CHECKED = /^(dnc-proportional|proportional|proportional-wta-trigger|winner-take-all)$/;
  var VOID = /^(blank ballots|blank|void ballots|blank and void ballots|overvotes|overvote|undervotes|spoiled ballots)$/i;
  // Votes for several people together, which no one leads with (OptionKind::classify).
  var OTHER = /^(write-in votes|write-ins|write-in|other|others|other candidates|scattering|blank\/void\/scattering)$/i;
  var $ = function (s, r) { return (r || doc).querySelector(s); };
  var all = function (s, r) { return [].slice.call((r || doc).querySelectorAll(s)); };
  var n = function (v) { return v.toLocaleString('en-US'); };
  var count = function (v, one, many) { return n(v) + ' ' + (v === 1 ? one : many); };
  var names = function (list) { return list.length < 3 ? list.join(' and ') : list.slice(0, -1).join(', ') + ' and ' + list[list.length - 1]; };
  // An RFC 3339 time, date and time joined by T, t or a space, as data/time.rs reads it.
  var MOMENT = /^\s*\d{4}-\d\d-\d\d[Tt ](\d\d):(\d\d):\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)\s*$/;
  var time = function (t) {
    var m = MOMENT.exec(t || '');
    return m ? ' at ' + (+m[1] % 12 || 12) + ':' + m[2] + (+m[1] < 12 ? ' a.m.' : ' p.m.') + (/^(z|[+-]00:00)$/i.test(m[4]) ? ' UTC' : '') : '';
  };
  // Two printed shares' difference as shown, rounded half up to the coarser precision ("50.0" less
  // "49.75" is "0.3"); none for a bound ("<0.1") or a missing figure.
  var printed = function (a, b) {
    var places = function (p) { return (p.split('.')[1] || '').length; };
    if (!/^\d+(\.\d+)?$/.test(a) || !/^\d+(\.\d+)?$/.test(b)) return '';
    var fine = Math.max(places(a), places(b)), coarse = Math.min(places(a), places(b));
    var diff = Math.round(a * Math.pow(10, fine)) - Math.round(b * Math.pow(10, fine)), step = Math.pow(10, fine - coarse);
    return diff < 0 ? '' : (Math.floor((2 * diff + step) / (2 * step)) / Math.pow(10, coarse)).toFixed(coarse);
  };
  var text = function (el, words) { if (el && el.textContent !== words) el.textContent = words; };
  // The figures as built (each cell of the options table), and the delegate check made from them.
  var figures = function () { return all('table.options tbody td').map(function (td) { return td.textContent; }).join('|'); };
  var built = figures(), check = $('.rule-check'), working = $('.working'), checked = check && check.textContent;
  // The popular-vote sentence as built: each reply starts from it, never from a sentence already rewritten.
  var builtWords = $('.result') && $('.result').textContent;

  function schedule() {
    clearTimeout(timer);
    if (!done) timer = setTimeout(poll, Math.min(seconds * Math.pow(2, failures), Math.max(300, seconds)) * 1000);
  }

  function poll() {
    if (busy || done || doc.hidden) return;
    busy = 1;
    var headers = {};
    if (etag) headers['If-None-Match'] = etag;
    if (modified) headers['If-Modified-Since'] = modified;
    fetch(url, { headers: headers, cache: 'no-store' }).then(function (reply) {
      if (reply.status === 304) return;
      if (!reply.ok) throw reply.status;
      etag = reply.headers.get('ETag');
      modified = reply.headers.get('Last-Modified');
      return reply.json().then(read);
    }).then(function () { failures = 0; }, function () { failures++; }).then(function () { busy = 0; schedule(); });
  }

  function read(feed) {
    seconds = Math.max(10, Math.floor(+feed.poll_seconds) || 10);
    // An older feed than the one shown (a slow reply, a stale cache) changes nothing.
    if (feed.as_of && asOf && Date.parse(feed.as_of) < Date.parse(asOf)) return;
    asOf = feed.as_of || asOf;
    var contest = (feed.contests || []).filter(function (c) { return (c.id || c.cycle + '-' + c.party + '-' + c.territory) === id; })[0];
    if (contest && typeof contest.status === 'string') contest.status = contest.status.trim();
    if (contest && readable(contest)) show(contest);
  }

  // What the page refuses of a feed's contest (decode.rs, validate.rs: a status missing or unknown,
  // a call for no one on the ballot, by no desk or at no readable time, an expected vote outside
  // 0-100), the card does not show either: it keeps what it shows.
  function readable(c) {
    // As data/fold.rs compares names: case, marks and curly apostrophes aside.
    var fold = function (v) { return String(v).trim().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u02bc]/g, "'").toLowerCase(); };
    var call = c.called && c.called.winner, pct = c.expected_vote_pct;
    if (!LABEL[c.status] || (c.status === 'called' && !call)) return false;
    if (pct != null && !(typeof pct === 'number' && pct >= 0 && pct <= 100)) return false;
    if (c.called && (!String(c.called.by || '').trim() || !MOMENT.test(c.called.at || ''))) return false;
    if (c.updated_at != null && !MOMENT.test(c.updated_at)) return false;
    return !call || (c.options || []).some(function (o) { return fold(o.name) === fold(call); });
  }

  function show(c) {
    var options = c.options || [], settled = SETTLED[c.status], called = !settled && c.called;
    var counted = !!settled;
    var kind = function (o) { return o.kind || (VOID.test(o.name.trim()) ? 'void' : OTHER.test(o.name.trim()) ? 'other' : 'person'); };
    var isVoid = function (o) { return kind(o) === 'void'; };
    var valid = 0, blank = 0, stated = 0, allCounts = true, listed = 0;
    options.forEach(function (o) {
      if (isVoid(o)) blank += o.votes || 0; else if (o.votes == null) allCounts = false; else valid += o.votes;
      if (o.delegates != null) stated += o.delegates, listed++;
    });
    var computed = c.whole_field && allCounts && valid > 0;
    var tenths = function (o) { return Math.floor((o.votes * 2000 + valid) / (2 * valid)); };

    // A delegate figure that changes once reported, or a count that goes down: a correction at the
    // feed's time, as the page records it (not on the first reply, which may be ahead of the card).
    if (before) {
      // At the feed's time; a feed that gives none, at the contest's (as app_state/live.rs does).
      var at = asOf || c.updated_at || '';
      options.forEach(function (o) {
        var was = before[o.name];
        if (!was) return;
        if (was.votes != null && o.votes != null && o.votes < was.votes) corrections.push(['votes', o.name, was.votes, o.votes, at]);
        if (was.delegates != null && o.delegates != null && o.delegates !== was.delegates) corrections.push(['delegates', o.name, was.delegates, o.delegates, at]);
      });
    }
    before = {};
    options.forEach(function (o) { before[o.name] = o; });

    var byName = {};
    options.forEach(function (o, i) { byName[o.name.toLowerCase()] = i; });
    var share = function (o) {
      if (computed) return isVoid(o) ? '\u2014' : (o.votes && !tenths(o) ? '<0.1' : (tenths(o) / 10).toFixed(1)) + '%';
      return o.pct != null ? o.pct + '%' : 'Not reported';
    };
    var delegates = function (o) {
      // In derive/delegates.rs's order: a contest that binds none says so before any arithmetic.
      if (o.delegates != null) return String(o.delegates);
      if (c.binding === false || c.pledged_delegates === 0) return 'Not bound';
      return listed && c.pledged_delegates > 0 && stated === c.pledged_delegates ? '0' : 'Not reported';
    };

    // The popular vote from whole counts; a count still missing names no leader; a finished count
    // the card cannot read keeps the build's sentence and marks.
    var people = options.filter(function (o) { var k = kind(o); return k !== 'void' && k !== 'other'; });
    var sorted = people.slice().sort(function (a, b) { return (b.votes || 0) - (a.votes || 0); });
    var top = sorted[0], second = sorted[1], leaders = [];
    var sentence = $('.result');
    var words = builtWords;
    var uncounted = people.filter(function (o) { return o.votes == null; });
    if (c.status === 'upcoming' && !valid) words = 'No votes have been counted yet.';
    else if (!counted && people.length === 1 && uncounted.length === 1 && people[0].pct == null && people[0].delegates == null) {
      words = people[0].name + ' is the only option listed; no figures have been published yet.';
    } else if (!counted && uncounted.length) {
      // Before the count is final the build's sentence (a finished result) is no longer true.
      words = 'No leader can be named: ' + names(uncounted.map(function (o) { return o.name; })) + (uncounted.length === 1 ? ' has' : ' have') + ' no published figure and could be ahead.';
    } else if (allCounts && top) {
      leaders = people.filter(function (o) { return o.votes === top.votes; });
      if (leaders.length > 1) {
        words = names(leaders.map(function (o) { return o.name; })) + ' tied for first place, ' + count(top.votes, 'vote', 'votes') + ' each.';
      } else {
        var by = '';
        // A margin only over a certain runner-up: no other row ahead of them ("Write-in votes"
        // could hide a person with more), as derive/results.rs's margin.
        var sure = second && options.every(function (o) { return o === top || o === second || isVoid(o) || o.votes <= second.votes; });
        if (sure) {
          var points = computed ? ((tenths(top) - tenths(second)) / 10).toFixed(1) : printed(top.pct, second.pct);
          by = ' by ' + count(top.votes - (second.votes || 0), 'vote', 'votes') + (+points ? ' (' + points + ' points)' : '');
        }
        var expected = c.expected_vote_pct;
        // As live.rs writes it: one decimal where there is one, rounded half up, never 100 before all of it.
        if (expected != null && expected < 100) expected = Math.min(expected, 99.9);
        expected = !counted && expected != null ? ', with ' + (expected % 1 ? (Math.round(expected * 10) / 10).toFixed(1) : expected) + '% of the expected vote counted' : '';
        words = top.name + (counted ? ' won the popular vote' : ' is leading') + by + expected + '.';
      }
    }
    if (called) {
      var call = 'Called for ' + called.winner + ' by ' + called.by + time(called.at);
      words = call + (/\.$/.test(call) ? ' ' : '. ') + words;
    }
    text(sentence, words);

    // The delegates: the most, a split, or none reported yet.
    var most = 0;
    options.forEach(function (o) { most = Math.max(most, o.delegates || 0); });
    var holders = options.filter(function (o) { return most && o.delegates === most; });
    var line = all('.result')[1];
    var stake = function (joiner) { return c.pledged_delegates != null ? joiner + 'of ' + c.pledged_delegates + ' pledged' : ''; };
    var rest = c.binding !== false && c.pledged_delegates > 0 && listed < options.length && listed && stated === c.pledged_delegates
      ? ' The options left blank by the source won none: the delegates listed add up to all ' + c.pledged_delegates + ' pledged.' : '';
    // In words/delegates.rs's order: none won (why), all awarded without a vote, the most, a split.
    if (line) {
      var even = holders.length > 1 && options.every(function (o) { return !o.delegates || o.delegates === most; });
      text(line, !holders.length ? (c.binding === false ? 'This contest bound no delegates.' : c.pledged_delegates === 0 ? 'No delegates were at stake.' : 'The delegate allocation has not been reported.')
        : holders.length === 1 && (c.status === 'cancelled' || c.status === 'no-vote') && most === c.pledged_delegates
          ? holders[0].name + ' was awarded all ' + count(most, 'pledged delegate', 'pledged delegates') + '.'
        : holders.length === 1 ? holders[0].name + (counted ? ' won' : ' has') + ' the most delegates: ' + most + stake(' ') + '.' + rest
        : even ? 'The delegates were split evenly: ' + holders.map(function (o) { return o.name + ' ' + most; }).join(', ') + stake(', ') + '.' + rest
        : names(holders.map(function (o) { return o.name; })) + (counted ? ' won' : ' have') + ' the most delegates, ' + most + ' each' + stake(', ') + '.' + rest);
    }

    // The status in the card's line of facts.
    var meta = $('.meta');
    var facts = meta && meta.lastChild;
    if (facts && facts.nodeType === 3) {
      var parts = facts.nodeValue.split(' \u00b7 ');
      if (parts.length === 3) parts[1] = LABEL[c.status], text(facts, parts.join(' \u00b7 '));
    }

    // Each row's figures and marks.
    var heading = all('table.options thead th')[2];
    text(heading, computed ? 'Share' : 'Share, as printed');
    var mark = leaders.length > 1 ? 'Tied' : counted ? 'Winner' : 'Leading';
    all('table.options tbody tr').forEach(function (row) {
      var head = row.firstChild, o = options[byName[head.firstChild.nodeValue.toLowerCase()]];
      if (!o) return;
      var cells = row.querySelectorAll('td'), meter = $('meter', cells[1]);
      text(cells[0], o.votes == null ? 'Not reported' : n(o.votes));
      text($('span', cells[1]) || cells[1], share(o));
      if (meter) meter.value = computed && !isVoid(o) ? tenths(o) / 10 : parseFloat(o.pct) || 0;
      text(cells[2], delegates(o));
      // Where the card names no leader of a finished count, the build's marks stand.
      if (!leaders.length && counted) return;
      all('.mark', head).forEach(function (m) { m.remove(); });
      var marks = [];
      if (leaders.indexOf(o) >= 0) marks.push(mark);
      if (holders.indexOf(o) >= 0 && (holders.length > 1 || !(counted && leaders.indexOf(o) >= 0))) marks.push(holders.length > 1 ? 'Tied on delegates' : 'Most delegates');
      var after = head.childNodes[1] || null;
      marks.forEach(function (words) {
        var span = doc.createElement('span');
        span.className = 'mark';
        span.textContent = words;
        head.insertBefore(span, after);
      });
      if (counted && leaders.length && leaders.indexOf(o) >= 0) row.setAttribute('data-winner', '');
      else row.removeAttribute('data-winner');
    });
    // The delegate check was made by the build from the figures it had ("Checked: from these votes,
    // the party's rule gives Palmer 3, Biden 3, as reported."). Once the feed's figures differ, a
    // check made from figures speaks of other votes or another split: it would tell an article's
    // readers that a 4–2 the rule contradicts was checked. A card has no rule arithmetic (the page's
    // is 8 KB of wasm), so it says where these figures are checked: the full results page, which
    // checks the feed's split against the rule the feed carries. A line about the rule alone
    // (unbound, by district) stays; with no rule in the feed the page shows none, and nor does the
    // card. The arithmetic ("How this is worked out") is of the built figures: hidden until they return.
    var rule = c.rule || {}, stale = figures() !== built;
    if (check) {
      text(check, stale && CHECKED.test(rule.method) && rule.basis === 'statewide' && c.binding !== false
        ? 'This card follows the live feed; the check of its delegates against the party\'s rule is on the full results page.' : checked);
      check.hidden = stale && !c.rule;
    }
    if (working) working.hidden = stale;
    var basis = $('.methods .result');
    if (computed && basis) text(basis, basis.textContent.replace(/the [\d,]+ votes/, 'the ' + n(valid) + ' votes'));
    var foot = all('table.options tfoot td');
    if (foot.length) {
      text(foot[0], n(valid));
      text(foot[1], blank ? 'plus ' + n(blank) + ' blank or void' : '');
    }

    // The corrections in one line, as the card writes them, with the time of the latest on a live
    // night ("Delegates corrected from 4–2 to 3–3 at 12:25 a.m."): the feed's own, and those recorded.
    // One entry per change: none recorded here of a change the feed's own corrections give.
    var theirs = (c.corrections || []).map(function (k) { return [k.field, k.option, k.from, k.to, k.reported_at]; });
    var key = function (k) { return [k[0], k[1], k[2], k[3]].join('\u0000'); };
    var known = theirs.concat(corrections.filter(function (r) { return !theirs.some(function (t) { return key(t) === key(r); }); }));
    var said = $('.correction');
    if (known.length && !said) {
      // A card built without corrections gets the line where the build writes it.
      said = doc.createElement('p');
      said.className = 'correction';
      said.append('', link = doc.createElement('a'));
      link.href = 'contest/' + id + '.html';
      link.target = '_blank';
      link.rel = 'noopener';
      link.textContent = 'Full details';
      $('.methods').before(said);
    }
    if (known.length) {
      var field = known[0][0];
      var one = (known.length > 1 && known.every(function (k) { return k[0] === field; })
        ? (field === 'pct' ? 'shares' : field) + ' corrected from ' + known.map(function (k) { return k[2]; }).join('\u2013') + ' to ' + known.map(function (k) { return k[3]; }).join('\u2013')
        : known.map(function (k) { return k[1] + "'s " + (k[0] === 'pct' ? 'share' : k[0]) + ' corrected from ' + k[2] + ' to ' + k[3]; }).join('; ')) + time(known[known.length - 1][4]);
      text(said.firstChild, one.charAt(0).toUpperCase() + one.slice(1) + (/\.$/.test(one) ? ' ' : '. '));
    }
    done = settled;
  }

  doc.addEventListener('visibilitychange', function () { if (!doc.hidden) clearTimeout(timer), poll(); });
  poll();
})();
