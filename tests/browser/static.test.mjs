// Static first: every page reads whole without scripts, the app takes a page over without a flash,
// link previews state the result in words, and a contest's card embed needs no wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, newPage, ready, axe, dataset, DIST, ROOT } from './harness.mjs';

let server, browser, data;
before(async () => {
  const pym = await readFile(join(ROOT, 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js'), 'utf8');
  server = await serve({
    prefix: '/graphics/tally/',
    routes: {
      '/graphics/tally/pym.v1.min.js': { body: pym, type: 'text/javascript' },
      '/graphics/tally/pym-article.html': { body: PYM_ARTICLE, type: 'text/html' },
      '/graphics/tally/pym-article.js': { body: PYM_PARENT, type: 'text/javascript' },
    },
  });
  browser = await launch();
  data = await dataset();
});
after(async () => { await browser?.close(); await server?.close(); });

// A news article that embeds the static card with the real Pym.js parent library.
const PYM_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pym.js article</title><link rel="icon" href="favicon.svg"></head>
<body><h1>Article</h1><div id="tally-card"></div><p>After the card.</p>
<script src="pym.v1.min.js"></script><script src="pym-article.js"></script></body></html>`;
const PYM_PARENT = `window.parent_ = new pym.Parent('tally-card', 'embed/2024-D-AS.html', { title: 'Tally: American Samoa' });`;

const thousands = (n) => n.toLocaleString('en-US');
const contest = (id) => data.contests.find((c) => c.id === id);
const winnerOf = (c) => [...c.options].sort((a, b) => (b.votes ?? -1) - (a.votes ?? -1))[0];

/** What a page must show of a contest: each option with its count and delegates, and its sources. */
async function assertShowsContest(page, id, { sources = true } = {}) {
  const c = contest(id);
  const text = await page.locator('main').innerText();
  for (const option of c.options) {
    assert.ok(text.includes(option.name), `${id}: ${option.name}`);
    if (option.votes !== undefined) assert.ok(text.includes(thousands(option.votes)), `${id}: ${option.name}'s votes`);
  }
  assert.ok(text.includes(winnerOf(c).name), `${id}: the winner`);
  if (sources) {
    const links = await page.locator('section.sources a').evaluateAll((as) => as.map((a) => a.href));
    for (const source of c.sources) assert.ok(links.includes(source), `${id}: source ${source}`);
    assert.ok(text.includes(`Data as of ${data.as_of}`), `${id}: as-of`);
  }
}

const PAGES = {
  front: '',
  contest: 'contest/2024-D-AS.html',
  territory: 'territory/AS.html',
  card: 'embed/2024-D-AS.html',
};

test('with JavaScript disabled, every kind of page shows its results', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();

  await page.goto(server.base + PAGES.front);
  assert.equal(await page.locator('table.winners tbody tr').count(), data.front, 'front page: every contest of the newest cycle');
  for (const code of ['AS', 'GU', 'MP', 'PR', 'VI', 'DA']) {
    assert.equal(await page.locator(`tr:has(a[href*="contest/2024-D-${code}.html"])`).count(), 1, `front page lists 2024-D-${code}`);
  }
  assert.match(await page.locator('tr:has(a[href*="contest/2024-D-AS.html"]) .winner').innerText(), /^Jason Palmer/);

  await page.goto(server.base + PAGES.contest);
  await assertShowsContest(page, '2024-D-AS');
  assert.match(await page.locator('article.detail').innerText(), /Jason Palmer 3, Joe Biden 3/);
  // Each source is a web link with its host beside it, so a reader sees whose page it is.
  for (const item of await page.locator('section.sources li').all()) {
    const href = await item.locator('a').getAttribute('href');
    assert.match(href, /^https?:\/\//);
    assert.ok((await item.innerText()).endsWith(`(${new URL(href).host.replace(/^www\./, '')})`), href);
  }

  await page.goto(server.base + PAGES.territory);
  for (const c of data.contests.filter((c) => c.territory === 'AS')) await assertShowsContest(page, c.id);
  assert.match(await page.locator('main').innerText(), /Michael Bloomberg/);

  await page.goto(server.base + PAGES.card);
  await assertShowsContest(page, '2024-D-AS', { sources: false });
  await context.close();
});

test('the static pages have no accessibility violations (axe, scripts held back)', async () => {
  for (const [name, path] of Object.entries(PAGES)) {
    const page = await newPage(browser, { width: 1000 });
    // The page as a reader without scripts has it: no app script or wasm arrives.
    await page.route(/(tally-[0-9a-f]+\.js|_bg\.wasm|tally-child\.js)$/, (route) => route.abort());
    await page.goto(server.base + path);
    assert.deepEqual(await axe(page), [], name);
    await page.close();
  }
});

test('a card embed runs no wasm and no inline script: only the resize script', async () => {
  const html = await readFile(join(DIST, PAGES.card), 'utf8');
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.deepEqual(scripts.map((s) => s[1].match(/src="?([^" >]+)/)?.[1]), ['tally-child.js']);
  assert.ok(scripts.every((s) => s[2].trim() === ''), 'no inline script');
  assert.ok(!/\.wasm/.test(html), 'no wasm preload');
  const page = await newPage(browser, { width: 600 });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.base + PAGES.card);
  await page.waitForLoadState('networkidle');
  assert.ok(!fetched.some((p) => p.endsWith('.wasm') || /\/data\//.test(p)), `fetched only the card: ${fetched.join(', ')}`);
  assert.deepEqual(page.problems, []);
});

for (const [name, path] of Object.entries(PAGES).filter(([n]) => n !== 'card')) {
  test(`${name} page: the app takes over without a flash: same result, no layout shift, focus and scroll kept`, async () => {
    const page = await newPage(browser, { width: 1000, height: 600 });
    // Hold the wasm back until the static page has been read, focused and scrolled.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.addInitScript(() => {
      window.shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.shifts += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.base + path, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('main .status');
    const before = await page.locator('main').innerText();
    // Where the landmarks of the result sit: every one must be where it was after the swap.
    const places = () => page.evaluate(() => ['.status', 'table.winners tbody tr', '#detail-title', '.tiles', '.race-table', 'table.options']
      .map((s) => document.querySelector(s)).filter(Boolean)
      .map((e) => { const r = e.getBoundingClientRect(); return [e.className || e.id, r.x, r.y + scrollY, r.width, r.height].join(' '); }));
    const placed = await places();
    // Focus on an element without an id (a link in the list or the page), where the reader may be.
    const focusable = path === '' ? 'tr:has(a[href*="contest/2024-D-AS.html"]) a' : '#filter-party';
    await page.focus(focusable);
    const focusedText = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80));
    await page.evaluate(() => window.scrollTo(0, 250));
    const scrolled = await page.evaluate(() => window.scrollY);
    release();
    await page.waitForSelector('html[data-tally="live"]', { state: 'attached' });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('main').innerText(), before, 'the same result before and after');
    assert.deepEqual(await places(), placed, 'nothing moved');
    assert.equal(await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80)), focusedText, 'focus stays');
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'scroll stays');
    assert.equal(await page.evaluate(() => window.shifts), 0, 'no layout shift');
    assert.deepEqual(page.problems, [], 'no console error');
  });
}

test('a choice made on the static page before the app arrives is kept, not undone', async () => {
  const page = await newPage(browser);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.base + '?sort=territory', { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#filter-party');
  await page.selectOption('#filter-party', 'R');
  release();
  await ready(page);
  const newest = Math.max(...data.contests.map((c) => c.cycle));
  const expected = data.contests.filter((c) => c.party === 'R' && c.cycle === newest).length;
  await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr').length === n, expected);
  assert.equal(await page.inputValue('#filter-party'), 'R');
  assert.match(page.url(), /party=R/);
  assert.match(page.url(), /sort=territory/, 'and the address\'s own choices stay');
  assert.deepEqual(page.problems, []);
});

test('after the takeover the filters work on the same page', async () => {
  const page = await newPage(browser);
  await page.goto(server.base + PAGES.territory);
  await ready(page);
  await page.selectOption('#filter-cycle', '2020');
  const expected = data.contests.filter((c) => c.territory === 'AS' && c.cycle === 2020).length;
  await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr').length === n, expected);
  assert.match(page.url(), /cycle=2020/);
  assert.match(await page.locator('[role="status"]').innerText(), new RegExp(`^${expected} contests?: 2020`));
  assert.deepEqual(page.problems, []);
});

test('an old ?contest= address still opens that contest, at its page\'s address', async () => {
  const page = await newPage(browser);
  await page.goto(server.base + '?contest=2024-D-AS');
  await ready(page);
  await page.waitForSelector('article.detail');
  assert.match(await page.locator('#detail-title').innerText(), /American Samoa/);
  await page.waitForFunction(() => location.pathname.endsWith('/contest/2024-D-AS.html'));
  assert.deepEqual(page.problems, []);
});

test('links between pages are real links to the static pages', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.base + PAGES.front);
  await page.locator('tr:has(a[href*="contest/2024-D-AS.html"]) a').click();
  await page.waitForURL(/\/contest\/2024-D-AS\.html$/);
  assert.match(await page.locator('#detail-title').innerText(), /American Samoa/);
  await page.click('text=All results');
  await page.waitForURL(/\/graphics\/tally\/$/);
  await context.close();
});

test('a contest page states its result in words for link previews and search', async () => {
  const html = await readFile(join(DIST, PAGES.contest), 'utf8');
  const tag = (attr, name) => html.match(new RegExp(`<meta ${attr}="?${name}"? content="([^"]*)"`))?.[1];
  const samoa = contest('2024-D-AS');
  const [first, second] = [...samoa.options].sort((a, b) => b.votes - a.votes);
  const headline = `${first.name} wins the 2024 American Samoa Democratic caucus, ${first.votes} votes to ${second.votes}`;
  assert.equal(tag('property', 'og:title'), headline);
  assert.equal(tag('name', 'twitter:title'), headline);
  assert.ok(tag('name', 'description').startsWith(headline));
  assert.ok(tag('property', 'og:description').startsWith(headline));
  assert.equal(tag('name', 'twitter:card'), 'summary_large_image');
  assert.ok(tag('property', 'og:image:alt').startsWith(headline));
  assert.match(html, /<title>American Samoa: 2024 Democratic caucus results \| Tally<\/title>/);
  assert.match(html, /<link rel="?canonical"? href="?contest\/2024-D-AS\.html"?>/);
  // Built without a base URL: no absolute address is made up.
  assert.ok(!/og:url/.test(html), 'no og:url without a base URL');
});

test('each contest page\'s link preview is a PNG in dist/ of the size its tags state', async () => {
  const { readdir } = await import('node:fs/promises');
  const pages = (await readdir(join(DIST, 'contest'))).filter((f) => f.endsWith('.html'));
  assert.equal(pages.length, data.contests.length, 'a page per contest');
  for (const file of pages) {
    const html = await readFile(join(DIST, 'contest', file), 'utf8');
    const tag = (attr, name) => html.match(new RegExp(`<meta ${attr}="?${name}"? content="?([^">]*)"?>`))?.[1];
    const image = tag('property', 'og:image');
    assert.match(image ?? '', /^preview\/[^/]+\.[0-9a-f]{16}\.png$/, `${file}: og:image is a hashed relative path`);
    assert.equal(tag('name', 'twitter:image'), image, file);
    assert.equal(tag('name', 'twitter:card'), 'summary_large_image', file);
    const png = await readFile(join(DIST, image));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${image} is a PNG`);
    // IHDR: width and height, big-endian, right after the signature and the chunk's header.
    assert.equal(png.readUInt32BE(16), Number(tag('property', 'og:image:width')), `${image} width`);
    assert.equal(png.readUInt32BE(20), Number(tag('property', 'og:image:height')), `${image} height`);
    assert.equal(png.readUInt32BE(16), 1200);
    assert.equal(png.readUInt32BE(20), 630);
  }
  // Other pages keep the small card, with no image.
  const front = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.ok(!/og:image/.test(front), 'the front page names no preview');
  // American Samoa's 2024 Democratic preview names its winner from the data, Jason Palmer, and the
  // browser decodes it at the stated size.
  const samoa = contest('2024-D-AS');
  const winner = winnerOf(samoa).name;
  assert.equal(winner, 'Jason Palmer');
  const html = await readFile(join(DIST, PAGES.contest), 'utf8');
  const image = html.match(/<meta property="?og:image"? content="?([^">]*)"?>/)[1];
  assert.match(html.match(/<meta property="?og:image:alt"? content="([^"]*)"/)[1], new RegExp(`^${winner} wins`));
  const page = await newPage(browser);
  await page.goto(server.base + 'contest/2024-D-AS.html');
  const size = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  }, image);
  assert.deepEqual(size, [1200, 630]);
  await page.context().close();
});

test('the real Pym.js parent sizes the static card to its content', async () => {
  const page = await newPage(browser, { width: 420 });
  await page.goto(server.base + 'pym-article.html');
  const iframe = page.locator('#tally-card iframe');
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForSelector('.embed .credit');
  await page.waitForFunction(() => {
    const f = document.querySelector('#tally-card iframe');
    const content = f.contentDocument.documentElement.getBoundingClientRect().height;
    return Math.abs(f.getBoundingClientRect().height - content) <= 2 && content > 150;
  }, null, { timeout: 10000 });
  assert.match(await iframe.getAttribute('src'), /childId=tally-card/);
  assert.deepEqual(page.problems, []);
});
