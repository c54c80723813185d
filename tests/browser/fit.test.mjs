// Embeds that fit an article: the compact card's height in a phone's column, list embeds that show
// only what was selected, missing addresses named, and the Embed button's feedback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, ready, axe, dataset } from './harness.mjs';

let server, browser, data;
const routes = {};
before(async () => {
  // A sub-path, as a newsroom's CDN would host it.
  server = await serve({ prefix: '/graphics/tally/', routes });
  browser = await launch();
  data = await dataset();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The card's own height in a column `width` px wide: what an article's iframe becomes. */
async function cardHeight(path, width = 343) {
  const page = await newPage(browser, { width, height: 700 });
  await page.goto(server.base + path);
  await page.waitForSelector('.embed .credit');
  const height = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  return { page, height };
}

// Before the compact card (measured on the full card at 343 px): American Samoa 2024 D 1,132 px,
// Iowa 2020 D 1,436 px (measured on main's dist). The bounds are the compact cards' heights when
// they were made (700 px and 1,245 px) and a tenth more: they fail on the full cards.
for (const [id, bound] of [['2024-D-AS', 770], ['2020-D-IA', 1370]]) {
  test(`the card for ${id} is compact at 343 px (under ${bound} px): result, figures, delegates; methods folded`, async () => {
    const contest = data.contests.find((c) => c.id === id);
    const { page, height } = await cardHeight(`embed/${id}.html`);
    console.log(`card ${id} at 343 px: ${height} px`);
    assert.ok(height <= bound, `the card is ${height} px tall at 343 px`);
    const text = await page.locator('.embed').innerText();
    // Every option's votes and delegates are still there, from the dataset, each in its own row.
    const delegatesColumn = await page.locator('table.options thead th').evaluateAll((ths) => ths.findIndex((th) => /^Delegates/.test(th.innerText)));
    assert.ok(delegatesColumn > 0, 'a Delegates column');
    for (const option of contest.options) {
      const row = page.locator('table.options tbody tr').filter({ has: page.locator('th', { hasText: option.name }) }).first();
      assert.equal(await row.count(), 1, `${id}: a row for ${option.name}`);
      const cells = await row.locator('th, td').allInnerTexts();
      if (option.votes != null) assert.ok(cells.some((c) => c.trim() === option.votes.toLocaleString('en-US')), `${option.name}'s votes in ${cells}`);
      if (option.delegates != null) assert.equal(cells[delegatesColumn].trim(), option.delegates.toLocaleString('en-US'), `${option.name}'s delegates`);
    }
    // The result line names who got the most votes (won, or led where the votes are not the result).
    const top = [...contest.options].filter((o) => o.votes != null).sort((a, b) => b.votes - a.votes)[0];
    assert.match(await page.locator('.detail .result').first().innerText(), new RegExp(`^${top.name} (won|led)`));
    // Methods, notes and the full corrections are folded away, one click from open.
    const methods = page.locator('details.methods');
    assert.equal(await methods.count(), 1);
    assert.equal(await methods.evaluate((d) => d.open), false, 'folded');
    for (const correction of contest.corrections) assert.ok(!text.includes(correction.note ?? '\u0000'), 'no correction notes unfolded');
    await page.click('details.methods > summary');
    assert.ok(await page.evaluate(() => document.documentElement.getBoundingClientRect().height) > height, 'opening the methods grows the card');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(page.problems, []);
  });
}

test("the American Samoa card says its correction in one line, from the data, and links to the contest's page", async () => {
  const contest = data.contests.find((c) => c.id === '2024-D-AS');
  const { page } = await cardHeight('embed/2024-D-AS.html');
  const line = page.locator('.embed .correction');
  assert.equal(await line.count(), 1);
  const from = contest.corrections.map((c) => c.from).join('\u2013');
  const to = contest.corrections.map((c) => c.to).join('\u2013');
  assert.equal((await line.innerText()).trim(), `Delegates corrected from ${from} to ${to}. Full details`);
  const link = line.locator('a');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.ok((await link.evaluate((a) => a.href)).endsWith('/graphics/tally/contest/2024-D-AS.html'));
  const box = await line.evaluate((p) => p.getBoundingClientRect().height);
  const lineHeight = await line.evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
  assert.ok(box <= 2 * lineHeight + 1, `short: ${box} px (line ${lineHeight} px)`);
  assert.deepEqual(page.problems, []);
});

test('?full=1 keeps the whole card: the methods and every correction open, no one-line summary', async () => {
  const contest = data.contests.find((c) => c.id === '2024-D-AS');
  const compact = (await cardHeight('embed/2024-D-AS.html')).height;
  const { page, height } = await cardHeight('embed/2024-D-AS.html?full=1');
  console.log(`card 2024-D-AS?full=1 at 343 px: ${height} px`);
  assert.ok(height > compact + 200, `the full card (${height} px) is the long one (compact ${compact} px)`);
  assert.equal(await page.locator('details.methods').evaluate((d) => d.open), true);
  assert.equal(await page.locator('.embed .correction').isVisible(), false);
  const text = await page.locator('.embed').innerText();
  for (const c of contest.corrections) assert.ok(text.includes(c.note), `the note: ${c.note.slice(0, 40)}`);
  assert.deepEqual(page.problems, []);
});

test("the reader's own ?embed=1&contest= view is the same compact card", async () => {
  const page = await newPage(browser, { width: 343, height: 700 });
  await page.goto(server.base + '?embed=1&contest=2024-D-AS');
  await ready(page);
  await page.waitForSelector('.embed .correction');
  const height = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(height <= 800, `${height} px`);
  assert.equal(await page.locator('details.methods').count(), 1);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.problems, []);
});

test('a list embed of one territory shows only its contests: no national map, no "Show all" for a short list', async () => {
  for (const code of ['AS', 'IA']) {
    const page = await newPage(browser, { width: 600 });
    await page.goto(server.base + `?embed=1&territory=${code}`);
    await ready(page);
    await page.waitForSelector('.embed .credit');
    const expected = data.contests.filter((c) => c.territory === code).length;
    // Every edition's contests of the place, each edition's file fetched once asked for.
    await page.waitForFunction((n) => document.querySelectorAll('.embed .winners tbody tr').length >= n, expected).catch(() => {});
    assert.equal(await page.locator('.embed .tile, .embed .tiles, .embed .legend').count(), 0, `${code}: no map of faded tiles`);
    assert.equal(await page.locator('.embed .winners tbody tr').count(), expected, `${code}: every contest`);
    assert.equal(await page.locator('button.more').count(), 0, `${code}: nothing hidden, no "Show all"`);
    assert.deepEqual(page.problems, []);
  }
});

test('a list embed of ten contests shows all ten; a longer one hides some behind "Show all N", which then shows them', async () => {
  const ten = '?embed=1&territory=AS,GU,MP,PR,VI&cycle=2024';
  const count = data.contests.filter((c) => c.cycle === 2024 && ['AS', 'GU', 'MP', 'PR', 'VI'].includes(c.territory)).length;
  assert.ok(count <= 10);
  let page = await newPage(browser, { width: 600 });
  await page.goto(server.base + ten);
  await ready(page);
  assert.equal(await page.locator('.embed .winners tbody tr').count(), count);
  assert.equal(await page.locator('button.more').count(), 0, 'nothing hidden, no "Show all"');

  const many = '?embed=1&cycle=2024&party=D';
  const total = data.contests.filter((c) => c.cycle === 2024 && c.party === 'D').length;
  page = await newPage(browser, { width: 600 });
  await page.goto(server.base + many);
  await ready(page);
  const shown = await page.locator('.embed .winners tbody tr').count();
  assert.ok(shown < total);
  assert.equal((await page.locator('button.more').innerText()).trim(), `Show all ${total} contests`);
  // The legend counts the contests selected, never more than the list holds.
  for (const entry of await page.locator('.legend li').allInnerTexts()) {
    const n = Number(entry.match(/\((\d+)\)$/)?.[1] ?? 0);
    assert.ok(n <= total, `${entry}`);
  }
  await page.click('button.more');
  assert.equal(await page.locator('.embed .winners tbody tr').count(), total);
  assert.equal(await page.locator('button.more').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('the legend counts, for each winner, the listed rows they won; a list embed\'s legend never counts more than it selected', async () => {
  const byId = new Map(data.contests.map((c) => [c.id, c]));
  // As the race and the legend group names: a write-in is its candidate.
  const fold = (name) => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/ \(write-in\)$/i, '').trim().toLowerCase();
  for (const view of ['?cycle=2024&party=D&lost=1', '?cycle=2024&party=D', '?cycle=2024&party=R', '?cycle=2020&party=D', '?cycle=2024&party=R&territory=VT,DC,NH,IA']) {
    const page = await newPage(browser, { width: 1280 });
    await page.goto(server.base + view);
    await ready(page);
    const [, cycle, partyName] = (await page.locator('#map-title').innerText()).match(/^(\d{4}) (Democratic|Republican) /);
    // Each listed row of the map's edition whose tile shows a winner: the place's contest (not its second).
    const rows = await page.locator('table.winners tbody tr').evaluateAll((trs) => trs.map((tr) => [
      tr.querySelector('th a').getAttribute('href').match(/contest\/([^./?]+)\.html/)[1], tr.querySelector('td.winner').firstChild?.textContent ?? '',
    ]));
    const won = new Map();
    for (const [id, winner] of rows) {
      const contest = byId.get(id);
      if (contest.cycle !== Number(cycle) || contest.party !== partyName[0] || contest.extra) continue;
      if (!/^w/.test(await page.locator(`#tile-${contest.territory}`).getAttribute('data-result'))) continue;
      won.set(fold(winner), (won.get(fold(winner)) ?? 0) + 1);
    }
    assert.ok(won.size > 0, `${view}: rows with winners`);
    const legend = await page.locator('.legend li', { has: page.locator('.swatch[data-result^=w]') }).allInnerTexts();
    const counted = new Map(legend.map((entry) => entry.match(/^(.*?)(?: \((\d+)\))?$/)).map(([, name, n]) => [fold(name), Number(n ?? 0)]));
    for (const [name, n] of counted) assert.equal(n, won.get(name) ?? 0, `${view}: the legend's ${name} (${n}) for ${won.get(name) ?? 0} rows won`);
    for (const [name, n] of won) assert.equal(counted.get(name), n, `${view}: ${name} won ${n} listed rows; the legend says ${counted.get(name)}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
  // A list embed shows some rows behind "Show all"; its legend counts what was selected, not more.
  const total = data.contests.filter((c) => c.cycle === 2024 && c.party === 'D').length;
  const page = await newPage(browser, { width: 600 });
  await page.goto(server.base + '?embed=1&cycle=2024&party=D');
  await ready(page);
  const counts = (await page.locator('.legend li').allInnerTexts()).map((t) => Number(t.match(/\((\d+)\)$/)?.[1] ?? 0));
  assert.ok(counts.reduce((a, b) => a + b, 0) <= total, `legend ${counts} for ${total} contests`);
  // Five territories' list: only their rows, and no map of faded tiles.
  await page.goto(server.base + '?embed=1&territory=AS,GU,MP,PR,VI&cycle=2024');
  await ready(page);
  assert.equal(await page.locator('.embed .tile[data-muted], .embed .tiles').count(), 0, 'no muted tiles');
  assert.equal(await page.locator('.embed .winners tbody tr').count(), data.contests.filter((c) => c.cycle === 2024 && ['AS', 'GU', 'MP', 'PR', 'VI'].includes(c.territory)).length);
  assert.deepEqual(page.problems, []);
});

test('an unknown territory in a list embed is named in one line, not the whole explorer', async () => {
  const page = await newPage(browser, { width: 600 });
  await page.goto(server.base + '?embed=1&territory=ZZ');
  await ready(page);
  assert.equal((await page.locator('.embed').innerText()).trim(), 'No territory \u201cZZ\u201d in these results.');
  assert.equal(await page.locator('.embed table, .embed .board, .embed .tiles').count(), 0);
  assert.deepEqual(page.problems, []);
});

test("the Embed button: the tools say at once that they are loading, then the customizer's heading has the focus", async () => {
  const page = await newPage(browser, { width: 375, height: 800 });
  // The newsroom's build held back, as a slow phone would wait for it.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/newsroom-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.base + 'contest/2024-D-AS.html');
  await ready(page);
  await page.click('button.embed-button');
  const status = page.locator('[role="status"]', { hasText: 'Loading the embed tools' });
  // At once: a blink after the tap (the page reloads with the reader's build, the status before any wasm).
  await status.waitFor({ timeout: 300 });
  assert.equal(await page.locator('.customizer').count(), 0, 'the tools are still on their way');
  release();
  await page.waitForSelector('.customizer', { timeout: 15000 });
  assert.equal(await status.count(), 0, 'the status is gone once the tools are there');
  await page.waitForFunction(() => document.activeElement?.id === 'customizer-title', null, { timeout: 5000 });
  assert.deepEqual(page.problems, []);
});

for (const width of [375, 1280]) {
  test(`the customizer's preview is not cut off at ${width} px`, async () => {
    const page = await newPage(browser, { width, height: 800 });
    await page.goto(server.base + 'contest/2024-D-AS.html?customize=1');
    await page.waitForSelector('.customizer', { timeout: 15000 });
    const frame = await (await page.$('iframe.preview')).contentFrame();
    await frame.waitForSelector('.embed .credit');
    const fits = () => page.evaluate(() => {
      const iframe = document.querySelector('iframe.preview');
      const box = iframe.getBoundingClientRect();
      const content = iframe.contentDocument.documentElement;
      return {
        height: box.height, content: content.getBoundingClientRect().height,
        right: box.right, viewport: document.documentElement.clientWidth,
        sideways: content.scrollWidth - content.clientWidth,
      };
    });
    let now;
    for (let i = 0; i < 50; i++) {
      now = await fits();
      if (now.height + 2 >= now.content) break;
      await page.waitForTimeout(100);
    }
    assert.ok(now.height + 2 >= now.content, `the preview is ${now.height} px for ${now.content} px of card`);
    assert.ok(now.right <= now.viewport, `the preview ends at ${now.right} px of ${now.viewport}`);
    assert.ok(now.sideways <= 0, `the card scrolls sideways by ${now.sideways} px`);
    assert.deepEqual(page.problems, []);
  });
}

/** An id in the shape of the data's that names no contest in it. */
function absentId() {
  const { cycle, party } = data.contests[0];
  const id = `${cycle}-${party}-ZZ`;
  assert.ok(!data.contests.some((c) => c.id === id), `${id} is in the data`);
  return id;
}

test('an address the site lacks gets its 404.html, status 404: the site\'s style, the address and any missing id named, a link to the front page', async () => {
  const id = absentId();
  const front = await newPage(browser, { width: 375 });
  await front.goto(server.base);
  const style = () => getComputedStyle(document.body).fontFamily + ' | ' + getComputedStyle(document.body).backgroundColor;
  const siteStyle = await front.evaluate(style);
  for (const [path, named] of [
    [`embed/${id}.html`, `No contest \u201c${id}\u201d in these results.`],
    [`contest/${id}.html?utm_source=x`, `No contest \u201c${id}\u201d in these results.`],
    ['territory/ZZ.html', 'No territory \u201cZZ\u201d in these results.'],
    ['resluts.html', null],
  ]) {
    const page = await newPage(browser, { width: 375 });
    const response = await page.goto(server.base + path);
    assert.equal(response.status(), 404, path);
    assert.equal(await page.locator('h1').innerText(), 'Page not found');
    const asked = new URL(server.base + path);
    assert.equal(await page.locator('#address').innerText(), asked.pathname + asked.search, `${path}: the address named`);
    if (named) assert.equal(await page.locator('#missing').innerText(), named, path);
    else assert.equal(await page.locator('#missing').isVisible(), false, `${path}: no id to name`);
    assert.equal(await page.evaluate(style), siteStyle, `${path}: the site's stylesheet applies at any depth`);
    assert.equal(await page.locator('#home').evaluate((a) => a.href), server.base, `${path}: the link goes to the front page`);
    await axe(page);
    // The browser reports the 404 itself; nothing else may go wrong (a CSP violation would show).
    assert.deepEqual(page.problems.filter((p) => !/status of 404/.test(p)), [], path);
    if (path === 'resluts.html') {
      await page.click('#home');
      await page.waitForSelector('.masthead h1');
      assert.equal(new URL(page.url()).pathname, new URL(server.base).pathname);
    }
  }
});

test('a card whose id is missing, inside an article: the not-found page fits its frame, and the way out opens beside the article', async () => {
  const id = absentId();
  routes['/graphics/tally/missing-article.html'] = {
    type: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title><style>iframe { border: 0; display: block }</style></head><body>
<p>An article with a card whose contest is gone.</p>
<iframe data-tally id="gone" src="embed/${id}.html" title="Tally card" width="100%" height="480" scrolling="no"></iframe>
<script src="tally-embed.js" async></script></body></html>`,
  };
  const page = await newPage(browser, { width: 375, height: 700 });
  await page.goto(server.base + 'missing-article.html');
  const frame = await (await page.$('#gone')).contentFrame();
  await frame.waitForSelector('#missing:not([hidden])');
  assert.equal(await frame.locator('#missing').innerText(), `No contest \u201c${id}\u201d in these results.`);
  assert.equal(await frame.locator('#home').getAttribute('target'), '_blank');
  let h;
  for (let i = 0; i < 50; i++) {
    h = await page.evaluate(() => {
      const f = document.querySelector('#gone');
      return { iframe: f.getBoundingClientRect().height, content: f.contentDocument.documentElement.getBoundingClientRect().height };
    });
    if (Math.abs(h.iframe - h.content) <= 2) break;
    await page.waitForTimeout(100);
  }
  assert.ok(Math.abs(h.iframe - h.content) <= 2 && h.iframe < 480, `iframe ${h.iframe}px for ${h.content}px of content`);
});
