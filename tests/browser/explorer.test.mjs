// The explorer: filters, winners list, contest detail, permalinks, keyboard, accessibility, layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, newPage, ready, axe, screenshot, dataset, downloadText, bundledName, openReady, buildsLoaded, DIST } from './harness.mjs';

let server, browser, data;
before(async () => { server = await serve(); browser = await launch(); data = await dataset(); });
after(async () => { await browser?.close(); await server?.close(); });

const thousands = (n) => n.toLocaleString('en-US');
const contest = (id) => data.contests.find((c) => c.id === id);

const open = (path, options) => openReady(browser, server.base + path, options);

const rowCount = (page) => page.locator('table.winners tbody tr').count();
const COLUMNS = ['Territory', 'Date', 'Party', 'Contest', 'Winner', 'Share', 'Margin', 'Delegates'];
const cellOf = (page, id, label) => page.locator(`tr:has(a[href*="contest/${id}.html"]) > :nth-child(${COLUMNS.indexOf(label) + 1})`).innerText();

test('American Samoa 2024 D: Palmer wins 51-40, delegates split 3-3, first report 4-2', async () => {
  const page = await open('?territory=AS&cycle=2024&party=D');
  assert.equal(await rowCount(page), 1);
  assert.match(await cellOf(page, '2024-D-AS', 'Winner'), /^Jason Palmer/);
  assert.match(await cellOf(page, '2024-D-AS', 'Delegates'), /Palmer 3, Biden 3, of 6 pledged/);
  await page.locator('tr:has(a[href*="contest/2024-D-AS.html"]) a').click();
  await page.waitForSelector('article.detail');
  assert.ok(new URL(page.url()).pathname.endsWith('/contest/2024-D-AS.html'), `opening a contest goes to its page's address: ${page.url()}`);
  const samoa = contest('2024-D-AS');
  for (const option of samoa.options.filter((o) => o.votes !== undefined)) {
    const row = page.locator('table.options tbody tr', { has: page.locator(`th:text-is("${option.name}")`) });
    const cells = await row.locator('td').allInnerTexts();
    assert.equal(cells[0], thousands(option.votes), `${option.name} votes`);
    assert.equal(cells[2], String(option.delegates), `${option.name} delegates`);
  }
  const winnerRow = await page.locator('tr[data-winner] th').innerText();
  assert.match(winnerRow, /Jason Palmer\s*Winner/, 'the winner is marked in words');
  await page.waitForSelector('section.corrections');
  const text = await page.locator('article.detail').innerText();
  assert.match(text, /Jason Palmer won the popular vote by 11 votes \(12\.0 points\)/);
  assert.match(text, /split evenly: Jason Palmer 3, Joe Biden 3, of 6 pledged/);
  assert.match(text, /Shares are computed from the counts: each option's part of the 91 votes/);
  assert.match(text, /Jason Palmer delegates: first reported 4, corrected to 3/);
  assert.match(text, /Joe Biden delegates: first reported 2, corrected to 3/);
  assert.deepEqual(page.problems, []);
});

test('sources and corrections are fetched when a contest is opened, not on the first load', async () => {
  const page = await newPage(browser);
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(server.base + '?territory=AS&cycle=2024&party=D');
  await ready(page);
  const details = (path) => path.endsWith(`/data/${data.details}`);
  const name = await bundledName();
  assert.ok(fetched.some((p) => p.endsWith(`/data/${name}`)));
  assert.ok(!fetched.some(details), 'the list does not fetch the details file');
  await page.locator('tr:has(a[href*="contest/2024-D-AS.html"]) a').click();
  await page.waitForSelector('section.sources ul');
  const links = await page.locator('section.sources a').evaluateAll((as) => as.map((a) => a.href));
  assert.deepEqual(links, contest('2024-D-AS').sources);
  await page.click('text=All results');
  await page.locator('tr:has(a[href*="contest/2024-D-AS.html"]) a').click();
  await page.waitForSelector('section.corrections');
  assert.equal(fetched.filter(details).length, 1, 'read once, then kept');
  assert.deepEqual(page.problems, []);
});

test('a new selection renders a screenful first; the rest follows after it is painted', async () => {
  const page = await open('');
  // The prerendered front page lists every contest before any script runs.
  assert.equal(await rowCount(page), data.front, 'the static page is whole');
  await page.evaluate(() => {
    window.firstRows = null;
    const tbody = () => document.querySelector('table.winners tbody');
    new MutationObserver(() => {
      if (window.firstRows === null) window.firstRows = tbody().querySelectorAll('tr').length;
    }).observe(tbody(), { childList: true });
  });
  await page.selectOption('#filter-party', 'R');
  const newest = Math.max(...data.contests.map((c) => c.cycle));
  const expected = data.contests.filter((c) => c.cycle === newest && c.party === 'R').length;
  await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr').length === n, expected);
  const first = await page.evaluate(() => window.firstRows);
  assert.ok(first > 0 && first <= 30, `the first render after the change lists ${first} rows`);
  assert.deepEqual(page.problems, []);
});

test('the list downloads as CSV: the rows shown, as the page words them', async () => {
  const page = await open('?territory=AS');
  // The CSV writer is one of the newsroom's tools: the reader's build reloads with download=1.
  const { name, text } = await downloadText(page, 'button.download');
  assert.deepEqual(await buildsLoaded(page), ['newsroom'], "made by the newsroom's build");
  assert.ok(!page.url().includes('download'), 'the request is not left in the address');
  assert.match(name, /\.csv$/);
  const lines = text.trimEnd().split('\r\n');
  assert.equal(lines[0], 'contest_id,territory,date,party,contest,status,winner,basis,share,margin,delegates');
  // A territory's page lists its contests at a glance, each row a link to its card.
  const ids = await page.locator('table.glance tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('a').getAttribute('href').match(/#(.+)-detail-title$/)[1]));
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), ids, 'one row per contest, in the page\'s order');
  const samoa = lines.find((l) => l.startsWith('2024-D-AS,'));
  // The winner the dataset's counts make, not the page's own words for it.
  const winner = [...contest('2024-D-AS').options].sort((a, b) => (b.votes ?? -1) - (a.votes ?? -1))[0].name;
  assert.ok(samoa.includes(`,${winner},`), `${samoa} names ${winner}`);
  assert.ok(samoa.includes(contest('2024-D-AS').date));
  assert.deepEqual(page.problems, []);
});

test('American Samoa 2020 shows Michael Bloomberg', async () => {
  const page = await open('?territory=AS&cycle=2020');
  const expected = data.contests.filter((c) => c.territory === 'AS' && c.cycle === 2020).length;
  await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr').length === n, expected);
  assert.match(await cellOf(page, '2020-D-AS', 'Winner'), /^Michael Bloomberg/);
  assert.deepEqual(page.problems, []);
});

test('every jurisdiction of a calendar is listed, territories and Democrats Abroad included', async () => {
  const page = await open('?cycle=2024&party=D');
  const expected = data.contests.filter((c) => c.cycle === 2024 && c.party === 'D').length;
  assert.equal(await rowCount(page), expected);
  for (const code of ['AS', 'GU', 'MP', 'PR', 'VI', 'DC', 'DA']) {
    assert.equal(await page.locator(`tr:has(a[href*="contest/2024-D-${code}.html"])`).count(), 1, `${code} listed`);
  }
  assert.match(await page.locator('[role="status"]').innerText(), new RegExp(`^${expected} contests: 2024, Democratic`));
});

test('the territory picker finds jurisdictions by part of the name', async () => {
  const page = await open('');
  for (const [typed, name] of [['gua', 'Guam'], ['mariana', 'Northern Mariana Islands'], ['abroad', 'Democrats Abroad'], ['VI', 'U.S. Virgin Islands']]) {
    await page.fill('#territory-input', typed);
    const option = page.locator('[role="option"]', { hasText: name });
    assert.equal(await option.count(), 1, `typing "${typed}" offers ${name}`);
    assert.ok(await option.isVisible());
  }
  await page.locator('[role="option"]', { hasText: 'U.S. Virgin Islands' }).click();
  assert.ok(page.url().endsWith('/territory/VI.html'), `one territory is its page: ${page.url()}`);
  // A territory's own page holds every edition of the place (each fetched once asked for).
  const expected = data.contests.filter((c) => c.territory === 'VI').length;
  // Its page opens on its history at a glance, a row per contest (tests/browser/history.test.mjs).
  await page.waitForFunction((n) => document.querySelectorAll('table.glance tbody tr').length === n, expected);
  assert.deepEqual(page.problems, []);
});

test('filters live in the URL: reload restores the view, back returns to the previous one', async () => {
  const page = await open('');
  await page.fill('#filter-text', 'palmer');
  await page.waitForFunction(() => location.search.includes('q=palmer'));
  await page.selectOption('#filter-party', 'D');
  await page.waitForFunction(() => location.search.includes('party=D'));
  // A search looks in every year: the earlier editions' files come first.
  const loaded = () => page.waitForFunction(() => !document.querySelector('[role="status"]').textContent.startsWith('Loading'));
  await loaded();
  const status = await page.locator('[role="status"]').innerText();
  const rows = await rowCount(page);
  assert.ok(rows > 0);
  await page.reload();
  await ready(page);
  await loaded();
  assert.equal(await page.locator('[role="status"]').innerText(), status, 'reload restores the same view');
  assert.equal(await page.inputValue('#filter-text'), 'palmer');
  assert.equal(await page.inputValue('#filter-party'), 'D');
  await page.goBack();
  await page.waitForFunction(() => !location.search.includes('party=D'));
  assert.equal(await page.inputValue('#filter-party'), '', 'back undoes the party choice');
  assert.equal(await page.inputValue('#filter-text'), 'palmer', 'and keeps the search');
  assert.deepEqual(page.problems, []);
});

test('keyboard only: reach the picker, choose a territory, open a contest, sort a column', async () => {
  const page = await open('?cycle=2024&party=D');
  let focused = '';
  for (let i = 0; i < 10 && focused !== 'territory-input'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.id);
  }
  assert.equal(focused, 'territory-input', 'Tab reaches the territory picker');
  await page.keyboard.type('samoa');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('territory=AS'));
  assert.equal(await rowCount(page), 1);
  await page.keyboard.press('Escape');
  let onLink = false;
  // Past the board's switch (every edition) and the map's one tab stop.
  for (let i = 0; i < 30 && !onLink; i++) {
    await page.keyboard.press('Tab');
    onLink = await page.evaluate(() => document.activeElement?.closest('table.winners') !== null && document.activeElement.tagName === 'A');
  }
  assert.ok(onLink, 'Tab reaches the contest link');
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.detail');
  const votesHeader = page.locator('table.options th', { hasText: 'Votes' });
  assert.equal(await votesHeader.getAttribute('aria-sort'), 'descending', 'votes sorted by default');
  await votesHeader.locator('button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await votesHeader.getAttribute('aria-sort'), 'ascending');
  const names = await page.locator('table.options tbody th').allInnerTexts();
  assert.match(names[0], /^Dean Phillips/, 'fewest votes first');
  assert.deepEqual(page.problems, []);
});

test('unknown URL values give a notice and the rest of the page works', async () => {
  for (const [search, word] of [['?territory=ZZ&party=D', 'ZZ'], ['?cycle=1776&party=D', '1776'], ['?contest=nope&party=D', 'nope']]) {
    const page = await open(search);
    assert.match(await page.locator('.notice').innerText(), new RegExp(word), search);
    const newest = Math.max(...data.contests.map((c) => c.cycle));
    const expected = data.contests.filter((c) => c.party === 'D' && c.cycle === newest).length;
    assert.equal(await rowCount(page), expected, `${search}: the list still shows`);
    assert.deepEqual(page.problems, []);
  }
});

test('axe finds no violations on the list and the detail, light and dark', async () => {
  for (const theme of ['light', 'dark']) {
    for (const path of [`?cycle=2024&theme=${theme}`, `?contest=2024-D-AS&theme=${theme}`]) {
      const page = await open(path, { colorScheme: theme });
      if (path.includes('contest=')) await page.waitForSelector('section.corrections');
      await page.click('#territory-input');
      assert.deepEqual(await axe(page), [], `${path}`);
      assert.deepEqual(page.problems, []);
    }
  }
});

test('phones: no horizontal scroll at 320px; screenshots at 375px and 1280px', async () => {
  for (const path of ['?cycle=2024', '?contest=2024-D-AS', '?contest=2020-D-IA']) {
    const page = await open(path, { width: 320 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 320px`);
  }
  for (const width of [375, 1280]) {
    for (const [name, path] of [['list', '?cycle=2024&party=D'], ['detail', '?contest=2024-D-AS']]) {
      const page = await open(path, { width });
      await screenshot(page, `${name}-${width}`);
    }
  }
});

/** The `<title>` the build wrote into a static page of dist/. */
async function staticTitle(path) {
  const html = await readFile(join(DIST, path), 'utf8');
  const raw = html.match(/<title>([^<]*)<\/title>/)?.[1];
  assert.ok(raw, `${path} has a title`);
  const entities = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
  return raw.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => entities[e]);
}

test("the document's title follows in-app moves and back/forward: each static page's own", async () => {
  const page = await open('?cycle=2024&party=D');
  const front = await staticTitle('index.html');
  assert.equal(await page.title(), front);
  await page.locator('tr:has(a[href*="contest/2024-D-AS.html"]) a').click();
  await page.waitForFunction(() => location.pathname.endsWith('/contest/2024-D-AS.html'));
  const samoa = await staticTitle('contest/2024-D-AS.html');
  assert.notEqual(samoa, front);
  await page.waitForFunction((t) => document.title === t, samoa);
  await page.goBack();
  await page.waitForFunction(() => !location.pathname.includes('contest/'));
  await page.waitForFunction((t) => document.title === t, front);
  await page.goForward();
  await page.waitForFunction((t) => document.title === t, samoa);
  await page.goBack();
  await page.fill('#territory-input', 'gua');
  await page.locator('[role="option"]', { hasText: 'Guam' }).click();
  // "All years" with one territory and nothing else is the territory's own page (every year).
  await page.selectOption('#filter-cycle', 'all');
  await page.selectOption('#filter-party', '');
  await page.waitForFunction(() => location.pathname.endsWith('/territory/GU.html'));
  await page.waitForFunction((t) => document.title === t, await staticTitle('territory/GU.html'));
  assert.deepEqual(page.problems, []);
});

test('the list caption says the order chosen', async () => {
  const page = await open('?cycle=2024');
  const caption = () => page.locator('table.winners caption').innerText();
  assert.equal(await caption(), 'Winners by contest, in date order');
  for (const [order, words] of [['margin', 'closest race first'], ['turnout', 'most votes counted first'], ['territory', 'by territory name'], ['date', 'in date order']]) {
    await page.selectOption('#list-sort', order);
    await page.waitForFunction((w) => document.querySelector('table.winners caption').textContent.endsWith(w), words);
  }
  await page.selectOption('#list-sort', 'margin');
  await page.reload();
  await ready(page);
  assert.equal(await caption(), 'Winners by contest, closest race first', 'from the address too');
  assert.deepEqual(page.problems, []);
});
