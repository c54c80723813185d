// A live night, against the replay (`cargo xtask replay`, docs/REPLAY.md): the newsroom's preview of
// the Super Tuesday 2024 feed (`?data=live/feed.json`), with the replay's clock moved step by step.
// Figures are read from the feed the replay serves, never copied here. A poll is asked for at once
// as a reader's browser does when the tab is shown again (a `visibilitychange`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startReplay, moveClock, checkLines, checkCounts, clockOf } from './replay.mjs';
import { launch, newPage, ready, dataset } from './harness.mjs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';

let replay, base, browser;

before(async () => {
  [replay, base] = await startReplay(['--from', '2024-03-05T21:20:00-05:00']);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  replay?.kill();
});

/** Moves the replay's clock (`HH:MM` on the 5th or `06THH:MM`, Eastern). */
const clock = (at) => moveClock(base, at);

/** The feed as the replay serves it now. */
async function feed() {
  const res = await fetch(`${base}/live/feed.json`);
  assert.equal(res.status, 200);
  return res.json();
}

/** Asks the page to poll now, as showing the tab does, and waits for the feed's reply. */
async function poll(page) {
  const reply = page.waitForResponse((r) => r.url().endsWith('/live/feed.json'), { timeout: 10000 });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const response = await reply;
  // The reply is read and rendered within a frame or two.
  await page.waitForTimeout(300);
  return response.status();
}

/** Records every layout shift from now on, the delegate race's rows included, with what moved. */
async function watchShifts(page) {
  await page.evaluate(() => {
    window.shifts = [];
    const named = (node) => {
      const element = node?.nodeType === 1 ? node : node?.parentElement;
      return element ? `${element.tagName.toLowerCase()}.${element.className} "${element.textContent.trim().slice(0, 50)}"` : 'a removed node';
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.shifts.push({ value: e.value, moved: e.sources.map((s) => named(s.node)) });
    }).observe({ type: 'layout-shift' });
  });
}

/** CLS since `watchShifts` is 0: nothing moved. */
async function assertNoShift(page, when = '') {
  const shifts = await page.evaluate(() => window.shifts);
  const cls = shifts.reduce((sum, e) => sum + e.value, 0);
  assert.equal(cls, 0, `${when}nothing shifts (CLS 0); moved: ${JSON.stringify(shifts)}`);
}

const samoa = (f) => f.contests.find((c) => c.id === '2024-D-AS');
const votesOf = (contest) => contest.options.map((o) => o.votes ?? null);

/** American Samoa's vote cells on its page, as numbers. */
async function shownVotes(page, names) {
  return page.evaluate((names) => names.map((name) => {
    const row = [...document.querySelectorAll('.detail tbody tr, table tbody tr')].find((r) => r.querySelector('th')?.textContent.includes(name));
    const cell = row && [...row.querySelectorAll('td')].find((td) => /^[\d,]+$/.test(td.textContent.trim()));
    return cell ? Number(cell.textContent.replace(/,/g, '')) : null;
  }), names);
}

test('figures rise, Leading becomes Called only when the feed calls, the correction is logged with its time', async () => {
  await clock('21:20');
  const page = await newPage(browser);
  await page.goto(`${base}/?data=live/feed.json&contest=2024-D-AS`);
  await ready(page);
  const names = samoa(await feed()).options.map((o) => o.name);
  const sentence = () => page.textContent('.result');

  const first = votesOf(samoa(await feed()));
  assert.deepEqual(await shownVotes(page, names), first);
  assert.match(await sentence(), /is leading/);

  await clock('22:50');
  assert.equal(await poll(page), 200);
  const later = votesOf(samoa(await feed()));
  assert.ok(later.some((v, i) => v > first[i]), `the feed's counts rose: ${first} -> ${later}`);
  assert.deepEqual(await shownVotes(page, names), later, 'the page shows the new counts');
  assert.match(await sentence(), /is leading/);
  assert.doesNotMatch(await sentence(), /Called/);

  // Called only once the feed says so, with its desk and time.
  await clock('23:45');
  assert.equal(await poll(page), 200);
  const call = samoa(await feed()).called;
  assert.ok(call, 'the feed has called American Samoa');
  assert.ok((await sentence()).startsWith(`Called for ${call.winner} by ${call.by} at ${clockOf(call.at)} `), await sentence());
  // One sentence per call (California's were called meanwhile too), none per count; the split
  // reported meanwhile (11 p.m.) is flagged against its rule, once (the next test).
  const said = await page.textContent('[aria-live="polite"]');
  assert.ok(said.includes(`American Samoa: Called for ${call.winner} by ${call.by} at ${clockOf(call.at)}`), said);
  assert.equal(said.split('American Samoa: Called').length, 2, 'said once');
  assert.equal(said.split('American Samoa: ').length, 3, `the call and the flag, nothing else: ${said}`);
  assert.doesNotMatch(await sentence(), /\bwon\b/, 'not won before the count is final');

  // The delegates change from the first report to the corrected split: a correction, with its time.
  // The page is asked at the moment the feed corrected them (its stamp on the contest, `updated_at`).
  const firstSplit = samoa(await feed()).options.map((o) => o.delegates);
  await clock('06T00:30');
  const { updated_at: correctedAt, options } = samoa(await feed());
  const corrected = options.map((o) => o.delegates);
  assert.notDeepEqual(firstSplit, corrected);
  assert.ok(correctedAt > call.at, `corrected after the call: ${correctedAt}`);
  await moveClock(base, correctedAt);
  assert.equal((await feed()).as_of, correctedAt, 'the feed was written when it corrected them');
  assert.equal(await poll(page), 200);
  const log = await page.textContent('.corrections');
  // As the log prints a time: the feed's, its date and clock apart ("2024-03-06 00:25:00-05:00").
  const printed = correctedAt.replace('T', ' ');
  for (const [i, name] of names.entries()) {
    if (firstSplit[i] !== corrected[i]) {
      assert.ok(log.includes(`${name} delegates: first reported ${firstSplit[i]}, corrected to ${corrected[i]} (${printed})`), `${name} at ${printed}: ${log}`);
    }
  }
  assert.match(await page.textContent('[aria-live="polite"]'), /American Samoa: Delegates corrected from/);

  // Final: "won", and no more polling.
  await clock('06T02:10');
  assert.equal(await poll(page), 200);
  assert.match(await sentence(), /won the popular vote/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** Each contest's delegates in a feed, by id (0 where none is reported). */
const splits = (f) => Object.fromEntries(f.contests.map((c) => [c.id, c.options.map((o) => o.delegates ?? 0)]));

/** The ids of the contests whose reported delegates differ between two feeds. */
function splitsChanged(before, after) {
  const [a, b] = [splits(before), splits(after)];
  return Object.keys(b).filter((id) => JSON.stringify(a[id]) !== JSON.stringify(b[id]));
}

/** The contests the list shows, by id. */
const listed = (page) => page.locator('table.winners tbody tr a').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('contest')));

test("the split American Samoa's rule contradicts is flagged on the night (its page, the board's counts, ?differs=1, said once), and the correction clears it, saying the split it replaced was flagged", async () => {
  // The feed's figures around the first report (11 p.m.) and the correction (its `updated_at`).
  await clock('22:59');
  const beforeReport = await feed();
  await clock('23:00');
  const reported = await feed();
  await clock('06T00:30');
  const { updated_at: correctedAt } = samoa(await feed());
  await moveClock(base, correctedAt);
  const corrected = await feed();
  const justBefore = new Date(Date.parse(correctedAt) - 60000).toISOString();
  await moveClock(base, justBefore);
  const beforeCorrection = await feed();
  // Only American Samoa's split changes at each of the two moments, so the counts move by it alone.
  assert.deepEqual(splitsChanged(beforeReport, reported), ['2024-D-AS']);
  assert.deepEqual(splitsChanged(beforeCorrection, corrected), ['2024-D-AS']);
  const first = splits(reported)['2024-D-AS'];
  const fixed = splits(corrected)['2024-D-AS'];
  assert.deepEqual(splits(beforeCorrection)['2024-D-AS'], first, 'the first report stands until the correction');
  assert.notDeepEqual(first, fixed);
  // The check's words, the split the rule gives being the corrected one (which the page then says agrees).
  const { flag, agrees, replaced } = checkLines(samoa(corrected).options.map((o) => o.name), first, fixed);

  // Before the report: no check yet. The board and the contest's page, opened then.
  await clock('22:59');
  const board = await newPage(browser);
  await board.goto(`${base}/?data=live/feed.json`);
  await ready(board);
  assert.match(await board.textContent('#race-title'), /^2024 Democratic/);
  const atFirst = await checkCounts(board);
  const page = await newPage(browser);
  await page.goto(`${base}/?data=live/feed.json&contest=2024-D-AS`);
  await ready(page);
  // The check line under the delegates (none while no check was made).
  const line = async () => (await page.locator('.detail .rule-check').allTextContents()).join(' ').trim();
  assert.notEqual(await line(), flag);

  // The report (4-2): flagged on its page and said once, counted as differing by the board.
  await clock('23:00');
  assert.equal(await poll(page), 200);
  assert.equal(await line(), flag);
  const said = await page.textContent('[aria-live="polite"]');
  assert.ok(said.includes(`American Samoa: ${flag}`), said);
  assert.equal(await poll(board), 200);
  assert.deepEqual(await checkCounts(board), { agree: atFirst.agree, differ: atFirst.differ + 1 });
  // A page opened now (the feed's first load) lists it among the splits that differ from the rule.
  const differs = await newPage(browser);
  await differs.goto(`${base}/?data=live/feed.json&differs=1`);
  await ready(differs);
  assert.ok((await listed(differs)).includes('2024-D-AS'), `${await listed(differs)}`);

  // Still flagged just before the correction, not said again; the correction clears it.
  await moveClock(base, justBefore);
  for (const p of [page, board, differs]) assert.equal(await poll(p), 200);
  assert.equal(await line(), flag);
  assert.doesNotMatch(await page.textContent('[aria-live="polite"]'), /Reported/);
  const flagged = await checkCounts(board);
  await moveClock(base, correctedAt);
  for (const p of [page, board, differs]) assert.equal(await poll(p), 200);
  // The line says the split the correction replaced was flagged, as the built page says of the first report.
  assert.equal(await line(), agrees + replaced);
  assert.deepEqual(await checkCounts(board), { agree: flagged.agree + 1, differ: flagged.differ - 1 });
  assert.ok(!(await listed(differs)).includes('2024-D-AS'), `${await listed(differs)}`);
  for (const p of [page, board, differs]) {
    assert.deepEqual(p.problems, []);
    await p.close();
  }
});

test('a 304 changes nothing in the page; focus and scroll survive an update', async () => {
  // The contests the update below changes, from the feed at both moments: focus goes on one of them.
  const contestsAt = async (at) => {
    await clock(at);
    return (await feed()).contests;
  };
  const later = await contestsAt('21:30');
  const earlier = await contestsAt('20:30');
  const optionsOf = (contests, id) => JSON.stringify(contests.find((c) => c.id === id)?.options);
  const changing = earlier.filter((c) => JSON.stringify(c.options) !== optionsOf(later, c.id)).map((c) => c.id);
  assert.ok(changing.length > 0, 'the update changes figures');
  const page = await newPage(browser, { width: 1280, height: 600 });
  await page.goto(`${base}/?data=live/feed.json`);
  await ready(page);
  // The first poll has no validators yet: the same feed again, which changes nothing.
  assert.ok([200, 304].includes(await poll(page)));
  const mutations = await page.evaluate(() => {
    window.mutations = 0;
    new MutationObserver((m) => { window.mutations += m.length; }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    return window.mutations;
  });
  assert.equal(mutations, 0);
  assert.equal(await poll(page), 304, 'nothing changed: the validators get a 304');
  assert.equal(await poll(page), 304);
  assert.equal(await page.evaluate(() => window.mutations), 0, 'a 304 is no re-render');

  // Focus on the link of a row the update changes, the lowest in the list, scrolled down; an update keeps both.
  const hrefs = await page.$$eval('table.winners tbody tr th a', (links) => links.map((a) => a.getAttribute('href')));
  const focused = hrefs.findLast((href) => changing.includes(new URLSearchParams(href.split('?')[1]).get('contest')));
  assert.ok(focused, `a row of ${changing}`);
  await page.locator(`table.winners tbody tr th a[href="${focused}"]`).focus();
  await page.evaluate(() => window.scrollTo(0, 400));
  const before = await page.evaluate(() => [document.activeElement.textContent, window.scrollY]);
  await watchShifts(page);
  await clock('21:30');
  assert.equal(await poll(page), 200);
  assert.ok(await page.evaluate(() => window.mutations) > 0, 'the update rendered');
  const afterUpdate = await page.evaluate(() => [document.activeElement.textContent, window.scrollY]);
  assert.deepEqual(afterUpdate, before);
  await assertNoShift(page);
  const marked = await page.locator('tr[data-changed]').count();
  assert.ok(marked > 0, 'changed rows are marked');
  assert.ok(await page.evaluate(() => document.activeElement.closest('tr').hasAttribute('data-changed')), 'the focused row is one that changed');
  await page.close();
});

test('an update keeps the filters, the order, the address, the rows\' order and the scroll', async () => {
  await clock('20:30');
  const page = await newPage(browser, { width: 1280, height: 500 });
  await page.goto(`${base}/?data=live/feed.json`);
  await ready(page);
  // A party chosen, a search for a candidate on each of its ballots, and the list by territory
  // name: an order no figure decides.
  const contests = (await feed()).contests;
  const party = contests.find((c) => c.party !== 'D').party;
  const ballots = contests.filter((c) => c.party === party).map((c) => c.options.map((o) => o.name));
  const everywhere = ballots[0].find((name) => !/uncommitted|none of/i.test(name) && ballots.every((b) => b.includes(name)));
  const surname = everywhere.split(' ').pop();
  await page.selectOption('#filter-party', party);
  await page.fill('#filter-text', surname);
  await page.selectOption('#list-sort', 'territory');
  await ready(page);
  const controls = () => page.evaluate(() => ['#filter-party', '#list-sort', '#filter-cycle', '#filter-text', '#filter-lost']
    .map((s) => { const c = document.querySelector(s); return c && (c.type === 'checkbox' ? c.checked : c.value); }));
  const rows = () => page.evaluate(() => [...document.querySelectorAll('table.winners tbody tr th a')].map((a) => new URL(a.href).searchParams.get('contest')));
  const chosen = await controls();
  assert.deepEqual([...chosen.slice(0, 2), chosen[3]], [party, 'territory', surname]);
  const address = page.url();
  assert.match(address, new RegExp(`party=${party}`));
  assert.match(address, new RegExp(surname));
  const order = await rows();
  assert.ok(order.length > 3 && order.every((id) => id.includes(`-${party}-`)), `the ${party} contests: ${order}`);
  await page.evaluate(() => window.scrollTo(0, 250));
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 0, 'the page scrolls');

  await clock('21:30');
  assert.equal(await poll(page), 200);
  const changedRows = await page.evaluate(() => [...document.querySelectorAll('table.winners tbody tr[data-changed] th a')].length);
  assert.ok(changedRows > 0, 'the update changed rows shown');
  assert.deepEqual(await controls(), chosen, 'the filters keep their values');
  assert.equal(page.url(), address, 'the address stays');
  assert.deepEqual(await rows(), order, 'the rows keep their order');
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the scroll stays');

  // An order by a figure updates change (most votes counted first): the rows are where a page opened
  // on the new figures puts them, and those that did not change keep their order among themselves.
  await page.selectOption('#list-sort', 'turnout');
  await ready(page);
  const byTurnout = await rows();
  await clock('06T00:30');
  assert.equal(await poll(page), 200);
  const changed = await page.evaluate(() => [...document.querySelectorAll('table.winners tbody tr[data-changed] th a')].map((a) => new URL(a.href).searchParams.get('contest')));
  const unchanged = (ids) => ids.filter((id) => !changed.includes(id));
  assert.ok(changed.length > 0 && unchanged(byTurnout).length > 1, `changed ${changed}`);
  assert.equal(await page.inputValue('#list-sort'), 'turnout');
  const fresh = await newPage(browser, { width: 1280, height: 500 });
  await fresh.goto(page.url());
  await ready(fresh);
  const now = await rows();
  assert.notDeepEqual(now, byTurnout, 'this update reorders rows by turnout');
  assert.deepEqual(now, await fresh.evaluate(() => [...document.querySelectorAll('table.winners tbody tr th a')].map((a) => new URL(a.href).searchParams.get('contest'))), 'as a page opened on these figures orders them');
  assert.deepEqual(unchanged(now), unchanged(byTurnout), 'the rows that did not change keep their order');
  assert.deepEqual(page.problems, []);
  await fresh.close();
  await page.close();
});

test('a changed figure is marked briefly, with no motion under prefers-reduced-motion', async () => {
  await clock('21:30');
  const page = await newPage(browser);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${base}/?data=live/feed.json`);
  await ready(page);
  await clock('22:30');
  assert.equal(await poll(page), 200);
  const cells = page.locator('table.winners tbody tr[data-changed] > *');
  assert.ok((await cells.count()) > 0, 'changed rows are marked');
  const motion = () => cells.evaluateAll((all) => all.map((cell) => {
    const style = getComputedStyle(cell);
    return { animation: style.animationName, lasts: style.animationDuration, times: style.animationIterationCount, transition: style.transitionDuration };
  }));
  for (const cell of await motion()) {
    assert.equal(cell.animation, 'none', `no animation under reduced motion: ${JSON.stringify(cell)}`);
    assert.ok(cell.transition.split(',').every((d) => parseFloat(d) === 0), `no transition: ${JSON.stringify(cell)}`);
  }
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  for (const cell of await motion()) {
    assert.notEqual(cell.animation, 'none', 'otherwise the mark is animated');
    assert.ok(parseFloat(cell.lasts) > 0 && parseFloat(cell.lasts) <= 5, `briefly: ${cell.lasts}`);
    assert.equal(cell.times, '1', 'once');
  }
  await page.close();
});

test('polls back off while the feed fails (doubling, up to 5 minutes), recover, and stop once every contest is final', async () => {
  await clock('22:30');
  const page = await newPage(browser);
  await page.goto(`${base}/?data=live/feed.json`);
  await ready(page);
  const every = (await feed()).poll_seconds;
  // The page's timers on a clock of the test's own; each poll noted at its time on that clock.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 1000);
  await page.evaluate(() => {
    window.polls = [];
    const fetch = window.fetch;
    window.fetch = function (input, init) {
      if (String(input.url ?? input).endsWith('live/feed.json')) window.polls.push(Date.now());
      return fetch.call(this, input, init);
    };
  });
  const polls = () => page.evaluate(() => window.polls);
  let answered = 0;
  page.on('response', (r) => { if (r.url().endsWith('/live/feed.json')) answered++; });
  /** Runs the page's clock for `seconds`, a second at a time; each poll's reply comes in meanwhile. */
  const run = async (seconds) => {
    for (let s = 0; s < seconds; s++) {
      const before = (await polls()).length;
      await page.clock.runFor(1000);
      const asked = (await polls()).length;
      if (asked > before) {
        for (let waited = 0; answered < asked && waited < 10000; waited += 50) await page.waitForTimeout(50);
        // Read and rendered; the next wait starts after a frame.
        await page.waitForTimeout(300);
        await page.clock.runFor(100);
      }
    }
  };
  // The feed stops answering (the replay's outage, its clock stopped in it), and the page is shown.
  await clock('22:38');
  const first = page.waitForResponse((r) => r.url().endsWith('/live/feed.json'));
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  assert.equal((await first).status(), 503);
  await page.waitForTimeout(300);
  await page.clock.runFor(100);
  const cap = 5 * 60;
  const backedOff = [1, 2, 3, 4, 5].map((failures) => Math.min(every * 2 ** failures, cap));
  await run(backedOff.reduce((a, b) => a + b) - 5);
  // It answers again before the poll due after five failures; the one after waits the feed's time.
  await clock('22:45');
  await run(5 + every + 2);
  const times = await polls();
  const waits = times.slice(1).map((t, i) => Math.round((t - times[i]) / 1000));
  assert.equal(waits.length, backedOff.length + 1, `polls at ${waits}`);
  waits.forEach((wait, i) => assert.ok(Math.abs(wait - [...backedOff, every][i]) <= 1, `waits ${waits}, not ${[...backedOff, every]}`));
  assert.match(await page.textContent('p.feed'), /^Live: figures from 10:45 p\.m\./);

  // Every contest final: one more reply, then no request at all.
  const { end } = await (await fetch(`${base}/replay/clock`)).json();
  await moveClock(base, end);
  const final = await feed();
  assert.ok(final.contests.every((c) => ['final', 'certified'].includes(c.status)), 'the night is over');
  const done = (await polls()).length;
  await run(every + 1);
  assert.equal((await polls()).length, done + 1, 'it asks once more and hears every contest is final');
  await run(3 * cap);
  assert.equal((await polls()).length, done + 1, 'then never again');
  assert.deepEqual(page.problems.filter((p) => !p.includes('503')), []);
  await page.close();
});

test('an update moves nothing on a phone, a tablet or a wide screen (CLS 0): a call, counts, a leader', async () => {
  for (const [width, from, to] of [[375, '21:30', '23:45'], [800, '20:30', '21:30'], [1920, '23:45', '06T00:30']]) {
    await clock(from);
    const page = await newPage(browser, { width, height: 800 });
    await page.goto(`${base}/?data=live/feed.json`);
    await ready(page);
    assert.ok([200, 304].includes(await poll(page)));
    await watchShifts(page);
    await clock(to);
    assert.equal(await poll(page), 200);
    assert.ok((await page.locator('tr[data-changed]').count()) > 0, `${width} px, ${from} to ${to}: the update rendered`);
    await assertNoShift(page, `${width} px, ${from} to ${to}: `);
    await page.close();
  }
});

test('the feed not answering is said, polls back off, and the page recovers', async () => {
  await clock('22:30');
  const page = await newPage(browser);
  await page.goto(`${base}/?data=live/feed.json`);
  await ready(page);
  const line = () => page.textContent('p.feed');
  assert.match(await line(), /^Live: figures from \d+:\d\d p\.m\.$/);
  await clock('22:38');
  assert.equal(await poll(page), 503);
  assert.match(await line(), /^Figures from \d+:\d\d p\.m\.; the feed is not answering\.$/);
  assert.equal(await page.getAttribute('p.feed', 'data-answering'), 'false');
  await clock('22:45');
  assert.equal(await poll(page), 200);
  assert.equal(await line(), `Live: figures from 10:45 p.m.`);
  assert.deepEqual(page.problems.filter((p) => !p.includes('503')), []);
  await page.close();
});

test('no polls while the page is hidden, one at once when it is shown', async () => {
  await clock('22:00');
  const page = await newPage(browser);
  const polls = [];
  page.on('request', (r) => { if (r.url().endsWith('/live/feed.json')) polls.push(Date.now()); });
  await page.goto(`${base}/?data=live/feed.json`);
  await ready(page);
  const loaded = polls.length;
  // The tab goes to the background for longer than the feed's 10 seconds.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(12000);
  assert.equal(polls.length, loaded, 'no poll while hidden');
  const shown = Date.now();
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(1000);
  assert.equal(polls.length, loaded + 1, 'one poll once shown');
  assert.ok(polls.at(-1) - shown < 1000, 'at once');
  await page.close();
});

test('figures: bytes per poll, update to DOM, idle CPU (printed)', async () => {
  const { gzipSync } = await import('node:zlib');
  // 11:41 to 11:42 p.m.: only American Samoa changes (its call).
  await clock('23:41');
  const first = await fetch(`${base}/live/feed.json`);
  const body = Buffer.from(await first.arrayBuffer());
  const etag = first.headers.get('etag');
  // Unchanged: a 304, headers only.
  const unchanged = await fetch(`${base}/live/feed.json`, { headers: { 'If-None-Match': etag } });
  assert.equal(unchanged.status, 304);
  const headerBytes = (res) => [...res.headers].reduce((n, [k, v]) => n + k.length + v.length + 4, 'HTTP/1.1 304 Not Modified\r\n'.length + 2);
  // One contest changed: the whole feed again.
  await clock('23:42');
  const next = await fetch(`${base}/live/feed.json`, { headers: { 'If-None-Match': etag } });
  const changedBody = Buffer.from(await next.arrayBuffer());
  console.log(`# bytes per poll: unchanged ${headerBytes(unchanged)} (304, headers only); changed ${headerBytes(next) + changedBody.length} (${changedBody.length} body, ${gzipSync(changedBody).length} if gzipped by the host; ${JSON.parse(changedBody).contests.length} contests)`);
  assert.ok(body.length > 0);

  // Update to DOM: from the poll's reply to the list's rows changed, every contest of the night in one update.
  const page = await newPage(browser);
  await clock('18:45');
  await page.goto(`${base}/?data=live/feed.json`);
  await ready(page);
  await clock('06T02:10');
  await page.evaluate(() => {
    window.updated = new Promise((resolve) => new MutationObserver(() => resolve(performance.now())).observe(document.querySelector('table.winners'), { subtree: true, childList: true, characterData: true }));
  });
  const reply = page.waitForResponse((r) => r.url().endsWith('/live/feed.json'));
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const response = await reply;
  const received = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/live/feed.json')).pop().responseEnd);
  const shown = await page.evaluate(() => window.updated);
  const contests = (await response.json()).contests.length;
  console.log(`# update to DOM, ${contests} contests changed at once (loopback): ${(shown - received).toFixed(1)} ms`);

  await page.close();

  // Idle: a page open on a feed that does not change (the clock stopped), its polls answered 304.
  await clock('22:00');
  const idle = await newPage(browser);
  let polls = 0;
  idle.on('response', (r) => { if (r.url().endsWith('/live/feed.json')) polls++; });
  await idle.goto(`${base}/?data=live/feed.json`);
  await ready(idle);
  await idle.waitForTimeout(2000);
  const cdp = await idle.context().newCDPSession(idle);
  await cdp.send('Performance.enable');
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const [start, polled] = [await busy(), polls];
  await idle.waitForTimeout(30000);
  const perMinute = ((await busy()) - start) * 2;
  console.log(`# CPU per idle minute, page open on an unchanging feed (${polls - polled} polls in 30 s, 304s): ${(perMinute * 1000).toFixed(0)} ms`);
  assert.ok(polls - polled >= 2, 'it polls every 10 s');
  await idle.close();
});

test('update to DOM: every 2024 Democratic contest (57) changed at once, on loopback and under the mobile profile (printed)', async () => {
  // A night of its own: each contest half counted at the start, then all final in one update.
  const contests = (await dataset()).contests
    .filter((c) => c.cycle === 2024 && c.party === 'D')
    .map(({ sources, corrections, ...c }) => c);
  const start = '2024-03-05T18:00:00-05:00', at = '2024-03-05T18:01:00-05:00';
  const half = (c) => ({
    ...c, status: 'counting', expected_vote_pct: 50,
    options: c.options.map(({ delegates, ...o }) => (o.votes == null ? o : { ...o, votes: Math.floor(o.votes / 2) })),
  });
  const timeline = {
    title: 'Every 2024 Democratic contest, half counted, then final', start,
    feed: { schema_version: 1, title: 'Every 2024 Democratic contest', poll_seconds: 10, contests: contests.map(half) },
    moments: contests.map((c) => ({ at, contest: c.id, set: { status: c.status, expected_vote_pct: 100, options: c.options } })),
  };
  const file = join(await mkdtemp(join(tmpdir(), 'tally-night-')), 'night.json');
  await writeFile(file, JSON.stringify(timeline));
  const [night, address] = await startReplay(['--timeline', file, '--from', start]);
  const move = (to) => fetch(`${address}/replay/clock?at=${encodeURIComponent(to)}`);
  try {
    for (const mobile of [false, true]) {
      await move(start);
      const page = await newPage(browser);
      if (mobile) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.enable');
        // A slow 4G phone: 150 ms, 1.6 Mbps down, 750 kbps up, the CPU four times slower.
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      }
      await page.goto(`${address}/?data=live/feed.json&party=D&cycle=2024`, { timeout: 60000 });
      await ready(page);
      await move(at);
      await page.evaluate(() => {
        window.updated = new Promise((resolve) => new MutationObserver(() => resolve(performance.now()))
          .observe(document.querySelector('table.winners'), { subtree: true, childList: true, characterData: true }));
      });
      const reply = page.waitForResponse((r) => r.url().endsWith('/live/feed.json'), { timeout: 30000 });
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      const response = await reply;
      const shown = await page.evaluate(() => window.updated);
      const received = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/live/feed.json')).pop().responseEnd);
      const feed = await response.json();
      assert.equal(feed.contests.length, contests.length);
      assert.equal(feed.contests.filter((c) => c.status === 'counting').length, 0, 'every contest changed in this update');
      assert.ok(shown > received, 'the update reached the DOM after its reply');
      // One update changed every contest: each one's row is marked, and there is one row per contest.
      const marked = () => page.evaluate(() => document.querySelectorAll('table.winners tbody tr[data-changed]').length);
      await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr[data-changed]').length >= n, contests.length, { timeout: 10000 }).catch(() => {});
      assert.equal(await marked(), contests.length, `${await marked()} of the ${contests.length} contests' rows updated`);
      assert.equal(await page.locator('table.winners tbody tr').count(), contests.length);
      const profile = mobile ? 'mobile profile: 150 ms, 1.6 Mbps, CPU 4x slower' : 'loopback';
      console.log(`# update to DOM, ${feed.contests.length} contests changed at once (${profile}): ${(shown - received).toFixed(1)} ms`);
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  } finally {
    night.kill();
  }
});

test('a contest whose update fails a check keeps its last figures, and the feed line says so in one line', async () => {
  // A night of its own: American Samoa half counted, then an update calling it for someone not on
  // its ballot (a problem: that update is not shown), then its final figures.
  const { sources, corrections, ...samoa } = (await dataset()).contests.find((c) => c.id === '2024-D-AS');
  const at = (time) => `2024-03-05T${time}:00-05:00`;
  const half = samoa.options.map(({ delegates, ...o }) => (o.votes == null ? o : { ...o, votes: Math.floor(o.votes / 2) }));
  const timeline = {
    title: 'American Samoa, one unreadable update', start: at('21:00'),
    feed: { schema_version: 1, title: 'American Samoa', poll_seconds: 10, contests: [{ ...samoa, status: 'counting', options: half }] },
    moments: [
      { at: at('21:10'), contest: samoa.id, set: { status: 'called', called: { winner: 'Nobody on the ballot', by: 'Test Desk', at: at('21:10') }, options: samoa.options } },
      { at: at('21:20'), contest: samoa.id, set: { status: samoa.status, called: null, options: samoa.options } },
    ],
  };
  const file = join(await mkdtemp(join(tmpdir(), 'tally-night-')), 'night.json');
  await writeFile(file, JSON.stringify(timeline));
  const [night, address] = await startReplay(['--timeline', file, '--from', at('21:00')]);
  const move = (time) => fetch(`${address}/replay/clock?at=${encodeURIComponent(at(time))}`);
  try {
    const page = await newPage(browser);
    await page.goto(`${address}/?data=live/feed.json&contest=${samoa.id}`);
    await ready(page);
    const names = samoa.options.map((o) => o.name);
    const line = () => page.textContent('p.feed');
    assert.deepEqual(await shownVotes(page, names), half.map((o) => o.votes ?? null));
    assert.doesNotMatch(await line(), /could not be read/);

    await move('21:10');
    assert.equal(await poll(page), 200);
    assert.deepEqual(await shownVotes(page, names), half.map((o) => o.votes ?? null), 'its last good figures');
    assert.match(await line(), /^Live: figures from 9:10 p\.m\.; the latest update of 1 contest could not be read\.$/);
    assert.doesNotMatch(await page.textContent('.result'), /Called/);

    await move('21:20');
    assert.equal(await poll(page), 200);
    assert.deepEqual(await shownVotes(page, names), samoa.options.map((o) => o.votes ?? null));
    assert.equal(await line(), 'Live: figures from 9:20 p.m.');
    await page.close();
  } finally {
    night.kill();
  }
});
