// Embeds on a live night, against the replay (`cargo xtask replay --live-cards`, docs/REPLAY.md): the
// demo article's card follows the feed as a `cargo xtask dist --live` build's cards do (the replay
// serves each card as that build writes it: `pages::live_card`), and a list embed follows a newsroom's
// preview of the feed (`?embed=1&data=`). Figures are read from the feed the replay serves, never
// copied here. A poll is asked for at once as showing the tab does (a `visibilitychange`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startReplay, moveClock, clockOf } from './replay.mjs';
import { launch, newPage, dataset } from './harness.mjs';

let replay, base, browser;

before(async () => {
  [replay, base] = await startReplay(['--from', '2024-03-05T21:20:00-05:00', '--live-cards']);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  replay?.kill();
});

/** Moves the replay's clock (`HH:MM` on the 5th or `06THH:MM`, Eastern). */
const clock = (at) => moveClock(base, at);

/** American Samoa in the feed as the replay serves it now, with the feed's `as_of`. */
async function samoa() {
  const res = await fetch(`${base}/live/feed.json`);
  assert.equal(res.status, 200);
  const feed = await res.json();
  return { ...feed.contests.find((c) => c.id === '2024-D-AS'), as_of: feed.as_of };
}

/** Asks `frame` to poll now, as showing the tab does; resolves with the reply's status once shown. */
async function poll(page, frame) {
  const reply = page.waitForResponse((r) => r.url().endsWith('/live/feed.json') && r.frame() === frame, { timeout: 10000 });
  await frame.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  const status = (await reply).status();
  // Read and shown within a frame; the resize script and the parent's script then a frame or two.
  await page.waitForTimeout(300);
  return status;
}

/** The card's option rows: name, then the votes, share and delegates cells as shown. */
const rows = (frame) => frame.$$eval('table.options tbody tr', (trs) => trs.map((tr) => [
  tr.querySelector('th').firstChild.nodeValue, ...[...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
]));
const shown = (n) => (n == null ? 'Not reported' : n.toLocaleString('en-US'));

/** The card's frame's height as the article set it, and the card's own. */
async function heights(page, frame) {
  const set = await page.$eval('#card', (f) => f.getBoundingClientRect().height);
  const own = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return [set, own];
}

/** The card's delegate check as its page was built (`.rule-check`, before any script), from its HTML. */
async function builtCheck(id) {
  const html = await (await fetch(`${base}/embed/${id}.html`)).text();
  const found = /<p class="rule-check"[^>]*>([^<]*)<\/p>/.exec(html);
  assert.ok(found, `${id}'s card has a delegate check`);
  return found[1].replaceAll('&#x27;', "'").replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

/** The card's delegate check as a reader of the frame finds it: its words, and whether it and the
 * arithmetic behind it are shown. */
const checkShown = (frame) => frame.evaluate(() => {
  const line = document.querySelector('.rule-check'), working = document.querySelector('.working');
  return { words: line.textContent, shown: !line.hidden, working: !!working && !working.hidden };
});

test('the demo article\'s card follows the feed: figures rise, the call, 4–2 corrected to 3–3, its height told', async () => {
  await clock('21:20');
  // A phone's width, where a longer sentence takes more lines.
  const page = await newPage(browser, { width: 360, height: 2000 });
  const first = page.waitForResponse((r) => r.url().endsWith('/live/feed.json'), { timeout: 15000 });
  await page.goto(`${base}/demo/article.html`);
  assert.equal((await first).status(), 200, 'the card polls the feed at once');
  const frame = await (await page.$('#card')).contentFrame();
  await page.waitForTimeout(300);

  const check = async (contest, why) => {
    const cells = await rows(frame);
    for (const o of contest.options) {
      const row = cells.find((r) => r[0] === o.name);
      assert.ok(row, `${o.name} has a row`);
      assert.equal(row[1], shown(o.votes), `${why}: ${o.name}'s votes`);
      if (o.delegates != null) assert.equal(row[3], String(o.delegates), `${why}: ${o.name}'s delegates`);
      // Shares of the counts, at one decimal rounded half up, where the field is whole.
      const valid = contest.options.reduce((sum, p) => sum + (p.votes ?? 0), 0);
      if (contest.whole_field && valid && o.votes) {
        assert.equal(row[2], `${(Math.floor((o.votes * 2000 + valid) / (2 * valid)) / 10).toFixed(1)}%`, `${why}: ${o.name}'s share`);
      }
    }
    const [set, own] = await heights(page, frame);
    assert.ok(Math.abs(set - own) <= 1, `${why}: the article gave the card its height (${set} px for ${own} px)`);
    return own;
  };
  const sentence = () => frame.textContent('.result');

  const early = await samoa();
  const sizes = [await check(early, '9:20 p.m.')];
  assert.match(await sentence(), /is leading/);
  assert.doesNotMatch(await sentence(), /Called/);
  // The build checked its own figures against the rule; the card now shows the feed's, so its check
  // says where these are checked (the full page), and its arithmetic of other votes is hidden.
  const built = await builtCheck('2024-D-AS');
  assert.match(built, /^Checked: /, 'the card was built with its check');
  assert.ok(early.rule, 'the feed carries the rule the page checks the split against');
  const night = async (why) => {
    const shownCheck = await checkShown(frame);
    assert.ok(shownCheck.shown, `${why}: the line stays`);
    assert.notEqual(shownCheck.words, built, `${why}: not the build's check`);
    assert.doesNotMatch(shownCheck.words, /Checked|as reported|gives|[0-9]/, `${why}: no check it did not make: ${shownCheck.words}`);
    assert.match(shownCheck.words, /full results page/, `${why}: says where the check is`);
    assert.equal(shownCheck.working, false, `${why}: the build's arithmetic is hidden`);
  };
  await night('9:20 p.m.');

  await clock('22:50');
  assert.equal(await poll(page, frame), 200);
  const later = await samoa();
  assert.ok(later.options.some((o, i) => o.votes > (early.options[i].votes ?? 0)), 'the feed\'s counts rose');
  sizes.push(await check(later, '10:50 p.m.'));
  assert.match(await sentence(), /is leading/);
  assert.doesNotMatch(await sentence(), /Called/);

  // Unchanged: a 304, and nothing in the card changes.
  const html = await frame.content();
  assert.equal(await poll(page, frame), 304);
  assert.equal(await frame.content(), html, 'a 304 changes nothing');

  // Called by the feed, with the first reported delegates.
  await clock('23:45');
  assert.equal(await poll(page, frame), 200);
  const called = await samoa();
  assert.ok(called.called, 'the feed has called American Samoa');
  sizes.push(await check(called, '11:45 p.m.'));
  // The split reported now is not the one the card was built with and checked.
  const bundled = (await dataset()).contests.find((c) => c.id === '2024-D-AS');
  const split = (contest) => contest.options.map((o) => o.delegates ?? 0);
  assert.notDeepEqual(split(called), split(bundled));
  await night('11:45 p.m., the first report');
  assert.ok((await sentence()).startsWith(`Called for ${called.called.winner} by ${called.called.by} at ${clockOf(called.called.at)} ${called.called.winner} is leading`), await sentence());
  assert.match(await frame.textContent('.meta'), /· Called ·/);
  const firstSplit = called.options.map((o) => o.delegates);
  // The card was built with the bundled corrections' line, which it keeps (as the app keeps the
  // details file's) until it records one of its own: watch the line from here.
  await frame.evaluate(() => {
    window.rewritten = 0;
    new MutationObserver((m) => { window.rewritten += m.length; })
      .observe(document.querySelector('.correction'), { subtree: true, childList: true, characterData: true });
  });
  await clock('23:50');
  assert.ok([200, 304].includes(await poll(page, frame)));
  assert.equal(await frame.evaluate(() => window.rewritten), 0, 'no correction while the split stands');

  // The split corrected: the card's corrections line says so, as the app's does.
  await clock('06T00:30');
  assert.equal(await poll(page, frame), 200);
  const corrected = await samoa();
  sizes.push(await check(corrected, '12:30 a.m.'));
  const changed = corrected.options.map((o, i) => [firstSplit[i], o.delegates]).filter(([a, b]) => a != null && b != null && a !== b);
  assert.ok(changed.length > 0, 'the feed corrected the split');
  // With the time the feed changed the split (its as_of), as the page records it.
  const at = /T(\d\d):(\d\d)/.exec(corrected.as_of);
  const line = `Delegates corrected from ${changed.map((c) => c[0]).join('–')} to ${changed.map((c) => c[1]).join('–')}`
    + ` at ${Number(at[1]) % 12 || 12}:${at[2]} ${Number(at[1]) < 12 ? 'a.m.' : 'p.m.'} Full details`;
  assert.equal((await frame.textContent('.correction')).trim(), line);
  assert.ok(await frame.evaluate(() => window.rewritten) > 0, 'the card recorded the correction itself');

  // Final: "won", and no more polls.
  await clock('06T02:10');
  assert.equal(await poll(page, frame), 200);
  sizes.push(await check(await samoa(), 'final'));
  assert.match(await sentence(), /won the popular vote/);
  // The feed's figures are the build's again: its check, and the arithmetic behind it, are back.
  assert.deepEqual(await checkShown(frame), { words: built, shown: true, working: true });
  assert.match(await frame.textContent('.meta'), /· Final ·/);
  let asked = 0;
  page.on('request', (r) => { if (r.url().endsWith('/live/feed.json')) asked++; });
  await frame.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.waitForTimeout(500);
  assert.equal(asked, 0, 'no poll once the contest is final');
  assert.ok(new Set(sizes).size > 1, `the card's height changed with its words (${sizes.join(', ')} px), and the article followed`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a card polls no more while hidden, once at once when shown, and backs off when the feed fails', async () => {
  await clock('22:00');
  const page = await newPage(browser);
  const polls = [];
  page.on('response', (r) => { if (r.url().endsWith('/live/feed.json')) polls.push(r.status()); });
  await page.goto(`${base}/embed/2024-D-AS.html`);
  await page.waitForTimeout(500);
  assert.deepEqual(polls, [200]);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(11000);
  assert.deepEqual(polls, [200], 'no poll while hidden, past the feed\'s 10 s');
  await clock('22:38');
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(500);
  assert.deepEqual(polls, [200, 503], 'one poll at once when shown (the feed is out)');
  // After a failure the next poll waits twice the feed's 10 s: none within 15 s.
  await clock('22:45');
  await page.waitForTimeout(15000);
  assert.deepEqual(polls, [200, 503], 'backed off');
  await page.waitForTimeout(6500);
  assert.deepEqual(polls, [200, 503, 200], 'and recovered');
  await page.close();
});

test('a list embed follows the feed as the page does', async () => {
  await clock('21:20');
  const page = await newPage(browser, { width: 800, height: 1600 });
  await page.goto(`${base}/demo/article.html`);
  // The article's list, as a newsroom previews it on the feed.
  await page.$eval('#list', (f) => { f.src = '../?embed=1&data=live/feed.json&territory=AS,GU,MP,PR,VI&cycle=2024'; });
  const frame = await (await page.$('#list')).contentFrame();
  await frame.waitForURL(/data=live/);
  await frame.waitForSelector('html[data-tally="live"]', { state: 'attached', timeout: 15000 });
  await frame.waitForSelector('table.winners tbody tr');
  const row = () => frame.$$eval('table.winners tbody tr', (trs) => trs.find((tr) => tr.querySelector('th').textContent.includes('American Samoa'))
    .textContent.replace(/\s+/g, ' '));
  const margin = (contest) => {
    const votes = contest.options.map((o) => o.votes ?? 0).sort((a, b) => b - a);
    const n = votes[0] - votes[1];
    return `(${n.toLocaleString('en-US')} ${n === 1 ? 'vote' : 'votes'})`;
  };
  const early = margin(await samoa());
  // The page shows the bundled figures until the app has read the feed.
  await frame.waitForFunction((early) => [...document.querySelectorAll('table.winners tbody tr')]
    .some((tr) => tr.textContent.includes('American Samoa') && tr.textContent.replace(/\s+/g, ' ').includes(early)), early, { timeout: 15000 });
  await clock('23:45');
  assert.equal(await poll(page, frame), 200);
  const called = await samoa();
  const text = await row();
  assert.ok(text.includes(margin(called)), `the margin follows the feed: ${text}`);
  for (const o of called.options.filter((o) => o.delegates)) {
    assert.ok(text.includes(`${o.name.split(' ').pop()} ${o.delegates}`), `${o.name}'s delegates: ${text}`);
  }
  const [set, own] = [await page.$eval('#list', (f) => f.getBoundingClientRect().height),
    await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))];
  assert.ok(Math.abs(set - own) <= 1, `the article gave the list its height (${set} px for ${own} px)`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('at the night\'s end every card the feed rewrote reads as the build wrote it from the same figures', async () => {
  // The final feed holds the bundled figures: the card's script must then say what the app's words
  // say. Each card first follows the feed at 9:20 p.m. (every figure rewritten), then to the end.
  await clock('06T02:10');
  const feed = await (await fetch(`${base}/live/feed.json`)).json();
  const live = await newPage(browser);
  const still = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  for (const contest of feed.contests) {
    await clock('21:20');
    const early = live.waitForResponse((r) => r.url().endsWith('/live/feed.json'));
    await live.goto(`${base}/embed/${contest.id}.html`);
    await early;
    await live.waitForTimeout(150);
    await clock('06T02:10');
    const polled = live.waitForResponse((r) => r.url().endsWith('/live/feed.json'));
    await live.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    assert.equal((await polled).status(), 200);
    await live.waitForTimeout(150);
    await still.goto(`${base}/embed/${contest.id}.html`);
    assert.equal(await live.textContent('article'), await still.textContent('article'), contest.id);
  }
  assert.ok(feed.contests.length > 20);
  assert.deepEqual(live.problems, []);
  await live.close();
  await still.context().close();
});

/** The result sentences and option cells of the first contest in `frame`, as a reader finds them. */
const reading = (frame) => frame.evaluate(() => ({
  sentences: [...document.querySelectorAll('.result')].slice(0, 2).map((p) => p.textContent.trim()),
  cells: [...document.querySelector('table.options').querySelectorAll('tbody tr')].map((tr) => [
    tr.querySelector('th').firstChild.nodeValue, ...[...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    ...[...tr.querySelectorAll('.mark')].map((m) => `[${m.textContent}]`), tr.hasAttribute('data-winner') ? 'winner' : '',
  ].join(' | ')),
}));

test('a card says what the page says of the same feed, on a feed\'s edge cases', async () => {
  // The feed as it stands mid-count, American Samoa rewritten in ways a newsroom's feed may write
  // it; the card's script (no wasm) and the app (the newsroom's preview, `?data=`) read the same
  // reply, and must agree on every sentence and cell the card shows.
  await clock('22:50');
  const feed = await (await fetch(`${base}/live/feed.json`)).json();
  const at = feed.contests.findIndex((c) => c.id === '2024-D-AS');
  const samoaNow = feed.contests[at];
  const leader = [...samoaNow.options].sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0))[0].name;
  const variants = {
    'as served': (c) => c,
    'called at +00:00': (c) => ({ ...c, status: 'called', called: { winner: leader, by: 'AP', at: '2024-03-06T04:42:00+00:00' } }),
    'a space for the T': (c) => ({ ...c, status: 'called', called: { winner: leader, by: 'AP', at: '2024-03-05 23:42:00-05:00' } }),
    '99.96% expected': (c) => ({ ...c, expected_vote_pct: 99.96 }),
    '0.15% expected': (c) => ({ ...c, expected_vote_pct: 0.15 }),
    'an uneven split at the top': (c) => ({
      ...c,
      // A third option where the feed lists two, named as no option of it is.
      options: [...c.options, ...(c.options.length < 3 ? [{ name: 'Marianne Williamson', votes: 1 }] : [])]
        .map((o, i) => ({ ...o, delegates: [2, 2, 1][i] ?? null })),
    }),
    'no delegates bound, one figure stated': (c) => ({
      ...c, binding: false, options: c.options.map((o, i) => ({ ...o, delegates: i === 0 ? c.pledged_delegates : null })),
    }),
    'none at stake, a 0 stated': (c) => ({
      ...c, pledged_delegates: 0, options: c.options.map((o, i) => ({ ...o, delegates: i === 0 ? 0 : null })),
    }),
    'a count missing while counting': (c) => ({ ...c, options: c.options.map((o, i) => ({ ...o, votes: i === 1 ? null : o.votes })) }),
    'every count 0 at the call': (c) => ({
      ...c, status: 'called', called: { winner: leader, by: 'AP', at: '2024-03-05T20:00:00-05:00' }, options: c.options.map((o) => ({ ...o, votes: 0 })),
    }),
    'write-ins with the most votes': (c) => ({
      ...c, options: [...c.options, { name: 'Write-in votes', votes: Math.max(...c.options.map((o) => o.votes ?? 0)) + 5 }],
    }),
  };
  for (const [why, change] of Object.entries(variants)) {
    const contests = feed.contests.slice();
    contests[at] = change(structuredClone(samoaNow));
    const body = JSON.stringify({ ...feed, contests });
    const context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
    await context.route('**/live/feed.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    const card = await context.newPage();
    const replied = card.waitForResponse((r) => r.url().endsWith('/live/feed.json'));
    await card.goto(`${base}/embed/2024-D-AS.html`);
    await replied;
    await card.waitForTimeout(300);
    // The same reply again: a card rewrites from what it was built with, never from its own words.
    const again = card.waitForResponse((r) => r.url().endsWith('/live/feed.json'));
    await card.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await again;
    await card.waitForTimeout(300);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/?contest=2024-D-AS&data=live/feed.json`);
    await page.waitForSelector('html[data-tally="live"]', { state: 'attached', timeout: 15000 });
    await page.waitForSelector('table.options', { timeout: 15000 });
    const rejected = await page.$$eval('section.problems tbody tr', (rows) => rows.map((r) => r.textContent));
    assert.deepEqual(rejected, [], `${why}: the page took the feed as it is`);
    const [onCard, onPage] = [await reading(card), await reading(page)];
    // A card's table has the rows it was built with: an option new in the feed (the write-ins)
    // counts in its sentences, not as a row of its own (docs/DATA.md, "Live feeds").
    if (why.startsWith('write-ins')) onPage.cells = onPage.cells.filter((row) => !row.startsWith('Write-in votes'));
    // Its rows also keep their built order (the page orders them by the figures): compared as a set.
    onCard.cells.sort();
    onPage.cells.sort();
    assert.deepEqual(onCard, onPage, why);
    assert.deepEqual(errors, [], why);
    await context.close();
  }
});

test('a card keeps what it shows when the feed writes what the page refuses, or an older reply comes', async () => {
  await clock('22:50');
  const feed = await (await fetch(`${base}/live/feed.json`)).json();
  const context = await browser.newContext();
  let body = JSON.stringify(feed);
  await context.route('**/live/feed.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const card = await context.newPage();
  await card.goto(`${base}/embed/2024-D-AS.html`);
  await card.waitForTimeout(300);
  const before = await reading(card);
  assert.match(before.sentences[0], /is leading/);
  for (const [why, change] of [
    ['a status the format does not know', { status: 'projected' }],
    ['a call for no one on the ballot', { status: 'called', called: { winner: 'Nobody on the ballot', by: 'AP', at: '2024-03-05T23:42:00-05:00' } }],
    ['"called" without a call', { status: 'called', called: undefined }],
    ['no status', { status: undefined }],
    ['more than all the expected vote', { expected_vote_pct: 120 }],
    ['a call by no one', { status: 'called', called: { winner: 'Jason Palmer', by: ' ', at: '2024-03-05T23:42:00-05:00' } }],
    ['a reply older than the one shown', {}],
  ]) {
    const later = structuredClone(feed);
    if (!Object.keys(change).length) later.as_of = new Date(Date.parse(feed.as_of) - 60000).toISOString();
    const refused = Object.assign(later.contests.find((c) => c.id === '2024-D-AS'), change);
    refused.options[0].votes += 1000;
    body = JSON.stringify(later);
    const polled = card.waitForResponse((r) => r.url().endsWith('/live/feed.json'));
    await card.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await polled;
    await card.waitForTimeout(300);
    assert.deepEqual(await reading(card), before, why);
  }
  await context.close();
});

test('a card logs a correction the feed writes itself once, at the feed\'s time', async () => {
  await clock('22:50');
  const feed = await (await fetch(`${base}/live/feed.json`)).json();
  const context = await browser.newContext();
  const split = (first, second, own = []) => {
    const later = structuredClone(feed);
    const samoa = later.contests.find((c) => c.id === '2024-D-AS');
    samoa.options.forEach((o, i) => { o.delegates = [first, second][i] ?? null; });
    samoa.corrections = own;
    return JSON.stringify(later);
  };
  let body = split(4, 2);
  await context.route('**/live/feed.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const card = await context.newPage();
  await card.goto(`${base}/embed/2024-D-AS.html`);
  await card.waitForTimeout(300);
  const names = feed.contests.find((c) => c.id === '2024-D-AS').options.slice(0, 2).map((o) => o.name);
  // The same reply corrects the split and carries the feed's own corrections of it.
  body = split(3, 3, names.map((option, i) => ({
    reported_at: '2024-03-06T00:20:00-05:00', field: 'delegates', option, from: String([4, 2][i]), to: '3', sources: [],
  })));
  const polled = card.waitForResponse((r) => r.url().endsWith('/live/feed.json'));
  await card.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await polled;
  await card.waitForTimeout(300);
  const line = await card.textContent('.correction');
  assert.match(line, /^Delegates corrected from 4\u20132 to 3\u20133 at 12:20 a\.m\. /, line);
  await context.close();
});
