// Loading by edition (issue 20): the front page holds the newest cycle and fetches only its file;
// every other edition is a file of its own, fetched once when a filter, an address or a page asks
// for it, the rows shown staying until the new ones are there. Every figure is read from dist/data.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, dataset, newPage, ready, openReady } from './harness.mjs';

let server, browser, data;
before(async () => { server = await serve(); browser = await launch(); data = await dataset(); });
after(async () => { await browser?.close(); await server?.close(); });

const newest = () => Math.max(...data.contests.map((c) => c.cycle));
const inCycle = (cycle) => data.contests.filter((c) => c.cycle === cycle);
const files = (cycle) => data.editions.filter((e) => e.cycle === cycle).map((e) => e.file);
const rows = (page) => page.locator('table.winners tbody tr').count();

/** A page that records every data file it fetches, and holds edition files back until `release`. */
async function watched({ hold = false, width, height } = {}) {
  const page = await newPage(browser, { width, height });
  page.fetched = [];
  page.on('request', (r) => { const m = new URL(r.url()).pathname.match(/\/data\/(.*)$/); if (m) page.fetched.push(m[1]); });
  let release;
  page.held = new Promise((resolve) => { release = resolve; });
  page.release = release;
  if (hold) await page.route(/\/data\/editions\//, async (route) => { await page.held; await route.continue(); });
  await page.addInitScript(() => {
    // Every shift, and those not caused by the reader's own input (what CLS counts), each with
    // what moved, named.
    window.shifts = 0;
    window.moved = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.shifts += e.value;
        if (e.hadRecentInput) continue;
        const named = e.sources.map((s) => {
          const node = s.node?.nodeType === 1 ? s.node : s.node?.parentElement;
          return `${node?.nodeName ?? '?'}.${node?.className ?? ''} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`;
        });
        window.moved.push(`${e.value.toFixed(4)}: ${named.join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return page;
}

test('the front page holds the newest cycle and fetches only its own file', async () => {
  const page = await watched();
  await page.goto(server.base);
  await ready(page);
  await page.waitForLoadState('networkidle');
  assert.equal(data.front, inCycle(newest()).length, 'the front file is the newest cycle');
  assert.equal(await rows(page), data.front);
  assert.deepEqual(page.fetched.filter((f) => f.endsWith('.json')), [page.fetched.find((f) => f.startsWith('results.'))]);
  const cycles = await page.locator('#filter-cycle option').allTextContents();
  assert.deepEqual(cycles, ['All years', ...[...new Set(data.contests.map((c) => c.cycle))].sort((a, b) => b - a).map(String)]);
  assert.equal(await page.inputValue('#filter-cycle'), String(newest()), 'it shows what the list holds');
  assert.deepEqual(page.problems, []);
});

/** Unfolds the filters where a phone folds them, and lets what that moved settle. */
async function filtersOpen(page) {
  if (await page.locator('.filters-toggle').isVisible()) await page.click('.filters-toggle');
  await page.waitForTimeout(600);
}

// The longest stories of the board above the map are 2016's and 2008's (Clinton's and Obama's
// losses, place by place): their room is kept, so nothing on the page moves when they come.
for (const [width, height] of [[320, 568], [375, 667], [1280, 900], [1920, 1080]]) {
  for (const cycle of [2016, 2008]) {
    test(`${width} px: choosing ${cycle} fetches its files once, says so in the status, then shows its rows with nothing shifting`, async () => {
      const page = await watched({ hold: true, width, height });
      await page.goto(server.base);
      await ready(page);
      await filtersOpen(page);
      const before = await rows(page);
      await page.evaluate(() => { window.moved = []; });
      await page.selectOption('#filter-cycle', String(cycle));
      await page.waitForFunction(() => document.querySelector('.status').textContent.startsWith('Loading'));
      const parties = [...new Set(inCycle(cycle).map((c) => c.party))].sort().map((p) => (p === 'D' ? 'Democratic' : 'Republican'));
      assert.equal(await page.locator('.status').textContent(), `Loading the ${cycle} ${parties.join(' and ')} results\u2026`);
      assert.equal(await page.locator('.status').getAttribute('role'), 'status', 'said in the status region');
      assert.equal(await rows(page), before, 'the rows shown stay while it loads');
      await page.waitForTimeout(600);
      page.release();
      const expected = inCycle(cycle).length;
      await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr').length === n
        && !document.querySelector('.status').textContent.startsWith('Loading'), expected);
      await page.waitForTimeout(500);
      // Every layout shift of the whole page from the switch until the rows are in and 500 ms
      // more, the reader's own input aside (what CLS counts): none.
      assert.deepEqual(await page.evaluate(() => window.moved), [], 'nothing on the page moves');
      await page.waitForLoadState('networkidle');
      const editions = page.fetched.filter((f) => f.startsWith('editions/') && !f.includes('.details.'));
      assert.deepEqual(editions.sort(), files(cycle).sort(), `only ${cycle}'s files, each once`);
      assert.match(page.url(), new RegExp(`cycle=${cycle}`));
      assert.deepEqual(page.problems, []);
    });
  }
}

test('the filters respond while an edition loads: the party chosen while 2008 is held back is what the status and the list follow', async () => {
  const page = await watched({ hold: true });
  await page.goto(server.base);
  await ready(page);
  await page.selectOption('#filter-cycle', '2008');
  await page.waitForFunction(() => document.querySelector('.status').textContent.startsWith('Loading'));
  // The request event may reach the test a moment after the status changed.
  for (let tries = 0; tries < 40 && !page.fetched.some((f) => f.startsWith('editions/')); tries++) await page.waitForTimeout(50);
  assert.equal(page.fetched.filter((f) => f.startsWith('editions/')).length > 0, true, 'its files are asked for');
  // Held back: nothing of 2008 has come, yet the party filter takes the reader's choice at once.
  await page.selectOption('#filter-party', 'R');
  assert.equal(await page.inputValue('#filter-party'), 'R');
  await page.waitForFunction(() => /party=R/.test(location.search));
  assert.equal(await page.locator('.status').textContent(), 'Loading the 2008 Republican results\u2026');
  assert.equal(await page.inputValue('#filter-cycle'), '2008', 'the cycle chosen stays chosen');
  page.release();
  const expected = inCycle(2008).filter((c) => c.party === 'R').length;
  await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr').length === n
    && !document.querySelector('.status').textContent.startsWith('Loading'), expected);
  assert.deepEqual(page.problems, []);
});

test('"Clinton" finds 2008 and 2016, and the cycle select shows All years', async () => {
  const page = await openReady(browser, server.base);
  await page.fill('#filter-text', 'Clinton');
  const found = data.contests.filter((c) => c.options.some((o) => /clinton/i.test(o.name)));
  const years = [...new Set(found.map((c) => c.cycle))].sort();
  assert.deepEqual(years, [2008, 2016], 'the data hold Clinton in 2008 and 2016');
  await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr').length === n, found.length);
  const shown = await page.locator('table.winners tbody tr').allInnerTexts();
  for (const year of years) assert.ok(shown.some((r) => r.includes(String(year))), `a ${year} row`);
  assert.equal(await page.inputValue('#filter-cycle'), 'all');
  assert.deepEqual(page.problems, []);
});

test('"Where Clinton lost" in 2016 lists Sanders\' wins, Michigan among them', async () => {
  const page = await openReady(browser, server.base + '?cycle=2016&party=D&lost=1');
  // Until 2016's file is in, the rows shown are the front page's, under a status that says so.
  await page.waitForFunction(() => !document.querySelector('.status').textContent.startsWith('Loading'));
  const label = await page.locator('label:has(#filter-lost)').textContent();
  assert.equal(label.trim(), 'Where Clinton lost');
  const texts = await page.locator('table.winners tbody tr').allInnerTexts();
  assert.ok(texts.some((t) => t.includes('Michigan') && t.includes('Sanders')), texts.join('\n'));
  assert.deepEqual(page.problems, []);
});

test('the board switch lists every edition and shows 2008 Democratic on the map and in the race', async () => {
  const page = await openReady(browser, server.base);
  const switches = await page.locator('.editions button').allTextContents();
  const editions = [...new Set(data.contests.map((c) => `${c.cycle} ${c.party === 'D' ? 'Democratic' : 'Republican'}`))];
  assert.deepEqual(switches.sort(), editions.sort());
  await page.click('.editions button:text-is("2008 Democratic")');
  await page.waitForFunction(() => document.querySelector('#map-title')?.textContent.includes('2008 Democratic')
    && document.querySelector('#race-title')?.textContent.includes('2008 Democratic'));
  assert.equal(await page.locator('.editions button[aria-pressed="true"]').textContent(), '2008 Democratic');
  assert.deepEqual(page.problems, []);
});

// The story keeps room for the longest of any edition (so an edition's arriving moves nothing),
// and no more than it needs: each edition's story fits the room, and the longest fills it to
// within two lines, at the narrowest width of each of the stylesheet's bands.
test('every edition\'s story fits the room kept for it, and the room is no bigger than the longest needs', async () => {
  for (const width of [320, 368, 480, 648, 1032, 1920]) {
    const page = await openReady(browser, server.base, { width });
    const editions = await page.locator('.editions button').allTextContents();
    let [tallest, kept, lineHeight] = [0, 0, 0];
    for (const edition of editions) {
      await page.click(`.editions button:text-is("${edition}")`);
      await page.waitForFunction((e) => document.querySelector('#map-title')?.textContent.includes(e)
        && document.querySelector('.story')?.textContent.length > 0 && !document.querySelector('[aria-busy="true"]'), edition);
      const { height, room, line, text } = await page.evaluate(() => {
        const story = document.querySelector('.story');
        const style = getComputedStyle(story);
        // The words' own height, whatever room the box keeps.
        const range = document.createRange();
        range.selectNodeContents(story);
        return { height: range.getBoundingClientRect().height, room: parseFloat(style.minHeight), line: parseFloat(style.lineHeight), text: story.textContent };
      });
      assert.ok(height <= room + 0.5, `${width} px, ${edition}: the story (${height} px) outgrows its room (${room} px): ${text}`);
      tallest = Math.max(tallest, height);
      [kept, lineHeight] = [room, line];
    }
    assert.ok(kept - tallest <= 2 * lineHeight + 0.5, `${width} px: ${kept} px kept for a story of at most ${tallest} px (lines of ${lineHeight} px)`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

for (const path of ['contest/2016-D-AS.html', 'territory/AS.html']) {
  test(`${path}: the app takes the page over without changing it`, async () => {
    const page = await watched();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(server.base + path, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('main .status');
    const before = await page.locator('main').innerText();
    // Where the result's landmarks sit: every one must be where it was after the swap.
    const places = () => page.evaluate(() => ['.status', 'table.winners tbody tr', 'table.glance tbody tr', '#detail-title', 'table.options', 'article.detail:last-of-type']
      .map((s) => document.querySelector(s)).filter(Boolean)
      .map((e) => { const r = e.getBoundingClientRect(); return [e.className || e.id, r.x, r.y + scrollY, r.width, r.height].join(' '); }));
    const placed = await places();
    release();
    await ready(page);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('main').innerText(), before, 'the same page');
    assert.deepEqual(await places(), placed, 'nothing moved');
    assert.equal(await page.evaluate(() => window.shifts ?? 0), 0);
    if (path.startsWith('territory')) {
      // A territory's page opens on its history at a glance (history.test.mjs).
      const years = await page.locator('table.glance tbody tr').allInnerTexts();
      for (const c of data.contests.filter((c) => c.territory === 'AS')) {
        assert.ok(years.some((t) => t.includes(String(c.cycle))), `${c.id} is on the page`);
      }
    }
    assert.deepEqual(page.problems, []);
  });
}

test('territory/AS.html: every file it takes over is asked for at once, the results and details of each edition, and no file twice', async () => {
  const page = await newPage(browser);
  // Each data file's request and its end, in the order the browser tells them; every edition
  // file held back 300 ms, so files asked for one after another would show as such.
  const events = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) events.push(['asked', new URL(r.url()).pathname]); });
  page.on('requestfinished', (r) => { if (r.url().includes('/data/')) events.push(['done', new URL(r.url()).pathname]); });
  await page.route(/\/data\/editions\//, async (route) => { await new Promise((r) => setTimeout(r, 300)); await route.continue(); });
  await page.goto(server.base + 'territory/AS.html');
  await ready(page);
  await page.waitForLoadState('networkidle');
  const asked = events.filter(([what]) => what === 'asked').map(([, path]) => path);
  assert.deepEqual(asked, [...new Set(asked)], 'no file asked for twice');
  const editionFiles = asked.filter((p) => p.includes('/data/editions/'));
  assert.equal(editionFiles.length, 2 * data.editions.length, 'every edition, its results and its details');
  const firstDone = events.findIndex(([what, path]) => what === 'done' && path.includes('/data/editions/'));
  const askedBefore = events.slice(0, firstDone).filter(([what, path]) => what === 'asked' && path.includes('/data/editions/')).length;
  assert.equal(askedBefore, editionFiles.length, 'every edition file asked for before the first came');
  assert.deepEqual(page.problems, []);
});

test('a contest opened while every year loads: its sources are fetched once and shown, whichever comes first', async () => {
  const page = await watched();
  // The editions come first, then the sources asked for meanwhile: the catalog they were asked
  // for has been replaced by then (they were fetched a second time for it).
  let editionsIn, sourcesIn;
  const editionsHeld = new Promise((resolve) => { editionsIn = resolve; });
  const sourcesHeld = new Promise((resolve) => { sourcesIn = resolve; });
  await page.route(/\/data\/editions\//, async (route) => { await editionsHeld; await route.continue(); });
  await page.route(/\/data\/details\.[0-9a-f]+\.json$/, async (route) => { await sourcesHeld; await route.continue(); });
  await page.goto(server.base);
  await ready(page);
  await page.selectOption('#filter-cycle', 'all');
  await page.waitForFunction(() => document.querySelector('.status').textContent.startsWith('Loading'));
  await page.click('#tile-AS');
  await page.waitForFunction(() => /contest\/2024-D-AS\.html$/.test(location.pathname));
  await page.waitForTimeout(300);
  editionsIn();
  await page.waitForSelector('article.detail .sources[aria-busy="true"]');
  await page.waitForTimeout(300);
  sourcesIn();
  await page.waitForSelector('article.detail .sources:not([aria-busy])');
  await page.waitForLoadState('networkidle');
  const sources = page.fetched.filter((f) => /^details\.[0-9a-f]+\.json$/.test(f));
  assert.equal(sources.length, 1, `the sources file once: ${page.fetched.join(', ')}`);
  const expected = data.contests.find((c) => c.id === '2024-D-AS').sources;
  const links = await page.locator('article.detail .sources a').evaluateAll((as) => as.map((a) => a.href));
  for (const url of expected) assert.ok(links.includes(url), `${url} is shown`);
  assert.deepEqual(page.problems, []);
});

test("an older contest's own page leads back to its year's results, which list it; the newest year's to the front page", async () => {
  const older = inCycle(Math.min(...data.contests.map((c) => c.cycle))).find((c) => c.territory === 'MI');
  const page = await newPage(browser);
  await page.goto(`${server.base}contest/${older.id}.html`);
  await ready(page);
  await page.click('a.back');
  await page.waitForFunction((cycle) => new URLSearchParams(location.search).get('cycle') === String(cycle) && !location.pathname.includes('contest/'), older.cycle);
  await ready(page);
  assert.equal(await rows(page), inCycle(older.cycle).length, `every ${older.cycle} contest listed`);
  await page.waitForSelector(`tr a[href*="contest/${older.id}.html"]`);
  const newer = inCycle(newest()).find((c) => c.territory === 'MI');
  await page.goto(`${server.base}contest/${newer.id}.html`);
  await ready(page);
  await page.click('a.back');
  await page.waitForFunction(() => !location.pathname.includes('contest/'));
  assert.equal(new URL(page.url()).search, '', 'the front page');
  assert.deepEqual(page.problems, []);
});
