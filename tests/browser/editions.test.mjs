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
async function watched({ hold = false } = {}) {
  const page = await newPage(browser);
  page.fetched = [];
  page.on('request', (r) => { const m = new URL(r.url()).pathname.match(/\/data\/(.*)$/); if (m) page.fetched.push(m[1]); });
  let release;
  page.held = new Promise((resolve) => { release = resolve; });
  page.release = release;
  if (hold) await page.route(/\/data\/editions\//, async (route) => { await page.held; await route.continue(); });
  await page.addInitScript(() => {
    // Every shift, and those of the list (its rows, its status line) apart.
    window.shifts = 0;
    window.listShifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.shifts += e.value;
        for (const s of e.sources) if (s.node?.closest?.('table.winners, .list-head')) window.listShifts.push(s.node.nodeName);
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

test('choosing 2016 fetches its two files once, says so, then shows its rows with nothing shifting', async () => {
  const page = await watched({ hold: true });
  await page.goto(server.base);
  await ready(page);
  const before = await rows(page);
  await page.selectOption('#filter-cycle', '2016');
  await page.waitForFunction(() => document.querySelector('.status').textContent.startsWith('Loading'));
  assert.equal(await page.locator('.status').textContent(), 'Loading the 2016 Democratic and Republican results\u2026');
  assert.equal(await rows(page), before, 'the rows shown stay while it loads');
  assert.equal(await page.inputValue('#filter-cycle'), '2016', 'the filter responds at once');
  await page.waitForTimeout(600);
  page.release();
  const expected = inCycle(2016).length;
  await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr').length === n
    && !document.querySelector('.status').textContent.startsWith('Loading'), expected);
  await page.waitForLoadState('networkidle');
  const editions = page.fetched.filter((f) => f.startsWith('editions/') && !f.includes('.details.'));
  assert.deepEqual(editions.sort(), files(2016).map((f) => f.replace(/^editions\//, 'editions/')).sort(), 'only 2016\'s files, each once');
  assert.match(page.url(), /cycle=2016/);
  // The rows are replaced in place, all at once: nothing in the list moves. (Above it, the board's
  // story is 2016's own sentence, longer than 2024's: the map below it moves with it.)
  assert.deepEqual(await page.evaluate(() => window.listShifts), [], 'no layout shift in the list');
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
