// A newsroom's live build (`cargo xtask dist --live <feed>`), built here into target/dist-live
// against a feed on another origin: the replay on a port of its own (the feed's address is compiled
// into the app, so the port is fixed). The site is served as a host serves it, with the policy its
// `_headers` asks for, and the reader opens its front page with a clean address: no `?data=`.
// Figures are read from the feed the replay serves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startReplay, moveClock, checkLines, checkCounts } from './replay.mjs';
import { ROOT, launch, newPage, ready, serve, distHeaders, buildsLoaded, dataset } from './harness.mjs';

const FEED_ORIGIN = 'http://127.0.0.1:47213';
const FEED = `${FEED_ORIGIN}/live/feed.json`;
const OUT = join(ROOT, 'target', 'dist-live');

let replay, site, browser;

before(async () => {
  const started = Date.now();
  const build = spawnSync('cargo', ['xtask', 'dist', '--live', FEED, '--out', OUT], { cwd: ROOT, encoding: 'utf8' });
  const said = `${build.stdout}\n${build.stderr}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  // The live build's wasm does not fit the reader's first-load check yet: that failure, the build's
  // last step, is reported here; any other fails the file.
  // Each budget line reads "<what>: N KB gzip ... budget M KB)" (the first load's with its bytes
  // too): only the first load may be over.
  const over = said.split('\n').map((l) => l.match(/^(.*?): ([\d.]+) KB gzip.*budget ([\d.]+) KB(?:, \d+ B)?\)$/))
    .filter((m) => m && Number(m[2]) > Number(m[3])).map((m) => m[1]);
  const overBudget = /size budgets: over budget/.test(said) && /<== Content-Security-Policy into target\/dist-live\/: ok/.test(said)
    && over.length === 1 && over[0] === 'first load of the interactive page';
  if (build.status !== 0 && !overBudget) throw new Error(`cargo xtask dist --live failed:\n${said.slice(-4000)}`);
  console.log(`# the live build (cargo xtask dist --live ${FEED} --out target/dist-live): ${seconds} s`);
  for (const line of said.split('\n').filter((l) => /first load of the interactive page|over budget/.test(l))) console.log(`# ${line}`);
  [replay] = await startReplay(['--port', '47213', '--from', '2024-03-05T21:20:00-05:00', '--dist', OUT]);
  const headers = await distHeaders(OUT);
  site = await serve({ dir: OUT, headers: () => headers });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  replay?.kill();
});

/** The feed as the replay serves it now. */
async function feed() {
  const res = await fetch(FEED);
  assert.equal(res.status, 200);
  return res.json();
}

/** "9:20 p.m." for an RFC 3339 time, at the offset it was written in, as the page tells it. */
function told(time) {
  const [hours, minutes] = time.slice(11, 16).split(':').map(Number);
  return `${hours % 12 || 12}:${String(minutes).padStart(2, '0')} ${hours < 12 ? 'a.m.' : 'p.m.'}`;
}

test('the front page polls the feed the build names, from a clean address, in the reader\'s build', async () => {
  await moveClock(FEED_ORIGIN, '21:20');
  const page = await newPage(browser);
  const asked = page.waitForResponse((r) => r.url() === FEED, { timeout: 15000 });
  await page.goto(site.base);
  await ready(page);
  assert.equal((await asked).status(), 200, 'it asks the feed at once');
  const line = await page.waitForSelector('p.feed', { timeout: 5000 });
  assert.equal(await line.textContent(), `Live: figures from ${told((await feed()).as_of)}`);
  assert.equal(page.url(), site.base, 'the address stays clean');
  assert.deepEqual(await buildsLoaded(page), ['tally'], 'the reader\'s build, not the newsroom\'s');

  // The night goes on: the next poll updates the list in place.
  await moveClock(FEED_ORIGIN, '23:45');
  const next = page.waitForResponse((r) => r.url() === FEED && r.request().method() === 'GET', { timeout: 10000 });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  assert.equal((await next).status(), 200);
  const validators = (await next).request().headers();
  assert.ok(validators['if-none-match'] && validators['if-modified-since'], `a conditional request, across origins: both validators (${JSON.stringify(validators)})`);
  await page.waitForSelector('table.winners tbody tr[data-changed]', { timeout: 5000 });
  assert.equal(await page.textContent('p.feed'), `Live: figures from ${told((await feed()).as_of)}`);
  assert.equal(page.url(), site.base);
  assert.deepEqual(page.problems, [], 'no request the policy refused, no error');
  await page.close();
});

test('the policy lets pages ask the feed\'s origin, and no other', async () => {
  const page = await newPage(browser);
  await page.goto(site.base);
  await ready(page);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  const connect = policy.match(/connect-src ([^;]*)/)[1].split(' ');
  assert.deepEqual(connect, ["'self'", FEED_ORIGIN]);
  assert.equal((await distHeaders(OUT))['Content-Security-Policy'], policy, 'the same in _headers');
  // Another origin is refused.
  const refused = await page.evaluate(() => fetch('http://127.0.0.1:9/live/feed.json').then(() => 'fetched', () => 'refused'));
  assert.equal(refused, 'refused');
  assert.ok(page.problems.some((p) => /violates the following Content Security Policy directive: "connect-src/.test(p)), page.problems.join('; '));
  await page.close();
});

test('a card of the live build follows the feed across origins', async () => {
  await moveClock(FEED_ORIGIN, '21:20');
  const page = await newPage(browser, { width: 400 });
  const asked = page.waitForResponse((r) => r.url() === FEED, { timeout: 15000 });
  await page.goto(`${site.base}embed/2024-D-AS.html`);
  assert.equal((await asked).status(), 200, 'the card polls the feed');
  await page.waitForTimeout(300);
  const samoa = async () => (await feed()).contests.find((c) => c.id === '2024-D-AS');
  const built = (await dataset()).contests.find((c) => c.id === '2024-D-AS');
  const showsTheFeed = async (why) => {
    const contest = await samoa();
    const cells = await page.$$eval('table.options tbody tr', (trs) => trs.map((tr) => [tr.querySelector('th').firstChild.nodeValue, tr.querySelector('td').textContent.trim()]));
    for (const option of contest.options) {
      const row = cells.find(([name]) => name === option.name);
      assert.equal(row?.[1], option.votes == null ? 'Not reported' : option.votes.toLocaleString('en-US'), `${why}, ${option.name}: ${JSON.stringify(cells)}`);
    }
    return contest.options.map((o) => o.votes);
  };
  const first = await showsTheFeed('its first poll');
  assert.notDeepEqual(first, built.options.map((o) => o.votes), 'the feed is not the figures the card was built with');
  // The next poll sends the reply's validators: another origin's feed must allow them (a preflight).
  await moveClock(FEED_ORIGIN, '23:45');
  const next = page.waitForResponse((r) => r.url() === FEED && r.request().method() === 'GET', { timeout: 10000 });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  assert.equal((await next).status(), 200);
  const validators = (await next).request().headers();
  assert.ok(validators['if-none-match'] && validators['if-modified-since'], `a conditional request: both validators (${JSON.stringify(validators)})`);
  await page.waitForTimeout(300);
  assert.notDeepEqual(await showsTheFeed('a later poll'), first, 'the counts moved on');
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** Asks the page to poll now, as showing the tab does, and waits for the feed's reply to be shown. */
async function pollNow(page) {
  const reply = page.waitForResponse((r) => r.url() === FEED && r.request().method() === 'GET', { timeout: 10000 });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  assert.equal((await reply).status(), 200);
  await page.waitForTimeout(300);
}

test("the live build flags American Samoa's first report against its rule (its page, the board's counts), and the correction clears it, saying the split it replaced was flagged", async () => {
  const samoa = async () => (await feed()).contests.find((c) => c.id === '2024-D-AS');
  const split = (contest) => contest.options.map((o) => o.delegates ?? 0);
  await moveClock(FEED_ORIGIN, '23:00');
  const reported = await samoa();
  await moveClock(FEED_ORIGIN, '06T00:30');
  const correctedAt = (await samoa()).updated_at;
  await moveClock(FEED_ORIGIN, correctedAt);
  const corrected = await samoa();
  const { flag, agrees, replaced } = checkLines(corrected.options.map((o) => o.name), split(reported), split(corrected));

  /** A page of the build from its clean address, once its first poll of the feed is shown. */
  async function open(path) {
    const page = await newPage(browser);
    const asked = page.waitForResponse((r) => r.url() === FEED, { timeout: 15000 });
    await page.goto(site.base + path);
    await ready(page);
    assert.equal((await asked).status(), 200);
    await page.waitForSelector('p.feed', { timeout: 5000 });
    return page;
  }
  // The board before the report; at 11 p.m. it counts one more split differing from its rule
  // (American Samoa's is the only split reported then: live.test.mjs).
  await moveClock(FEED_ORIGIN, '22:59');
  const board = await open('');
  const before = await checkCounts(board);
  await moveClock(FEED_ORIGIN, '23:00');
  await pollNow(board);
  const flagged = await checkCounts(board);
  assert.deepEqual(flagged, { agree: before.agree, differ: before.differ + 1 });
  // Its page, opened then: the first poll, over the bundled results, flags it.
  const contest = await open('contest/2024-D-AS.html');
  const pages = [contest, board];
  const line = async () => (await contest.locator('.detail .rule-check').allTextContents()).join(' ').trim();
  assert.equal(await line(), flag);

  // The correction: the line says it agrees, and the board counts it so.
  await moveClock(FEED_ORIGIN, correctedAt);
  for (const page of pages) await pollNow(page);
  // The line says the split the correction replaced was flagged, as the built page says of the first report.
  assert.equal(await line(), agrees + replaced);
  // Word for word the line the build wrote from data/corrections.csv for the same figures.
  const html = await (await fetch(`${site.base}contest/2024-D-AS.html`)).text();
  const built = /<p class="rule-check"[^>]*>([^<]*)<\/p>/.exec(html)?.[1].replaceAll('&#x27;', "'").replaceAll('&#39;', "'");
  assert.equal(await line(), built);
  assert.deepEqual(await checkCounts(board), { agree: flagged.agree + 1, differ: flagged.differ - 1 });
  for (const page of pages) {
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});
