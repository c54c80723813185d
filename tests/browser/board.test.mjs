// The results board: the tile map (every jurisdiction, keyboard, table alternative), the delegate
// race of one edition, where the presumptive nominee lost, and the list made for phones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, newPage, ready, axe, screenshot, dataset, openReady, ROOT } from './harness.mjs';

let server, browser, data;
before(async () => { server = await serve(); browser = await launch(); data = await dataset(); });
after(async () => { await browser?.close(); await server?.close(); });

const TERRITORIES = ['AS', 'GU', 'MP', 'PR', 'VI', 'DA', 'DC'];
const D2024 = () => data.contests.filter((c) => c.cycle === 2024 && c.party === 'D');

const open = (path, options) => openReady(browser, server.base + path, options);

test('the map has one tile per jurisdiction, and one unmuted tile for each contest in the set', async () => {
  const page = await open('?cycle=2024&party=D');
  assert.equal(await page.locator('.tiles .tile').count(), 57, '50 states, DC, five territories, Democrats Abroad');
  for (const contest of D2024().filter((c) => !c.extra)) {
    const tile = page.locator(`#tile-${contest.territory}`);
    assert.equal(await tile.count(), 1, `${contest.territory} has a tile`);
    assert.equal(await tile.getAttribute('data-muted'), null, `${contest.territory} is in the set`);
  }
  for (const code of TERRITORIES) {
    assert.match(await page.locator(`#tile-${code}`).innerText(), /2024 Democratic/, `${code} is named in words`);
  }
  const samoa = data.contests.find((c) => c.id === '2024-D-AS');
  const winner = [...samoa.options].sort((a, b) => b.votes - a.votes)[0].name;
  assert.match(await page.locator('#tile-AS').innerText(), new RegExp(`American Samoa, 2024 Democratic caucus: ${winner} won`));
  assert.match(await page.locator('#tile-AS').innerText(), new RegExp(winner.split(' ').at(-1)));
  // The table alternative lists every jurisdiction too.
  assert.equal(await page.locator('.map-table tbody tr').count(), 57);
  assert.deepEqual(page.problems, []);
});

test('one tab stop into the map; arrow keys move between tiles; Enter opens the tile\'s contest', async () => {
  const page = await open('?cycle=2024&party=D');
  assert.equal(await page.locator('.tiles[tabindex="0"]').count(), 1, 'the map is one tab stop');
  assert.equal(await page.locator('.tiles .tile:not([tabindex="-1"])').count(), 0, 'its tiles are not tab stops');
  await page.locator('.tiles').focus();
  await page.keyboard.press('ArrowDown');
  const first = await page.evaluate(() => document.activeElement.id);
  assert.equal(first, 'tile-AK', 'an arrow enters the map at its first tile in reading order');
  await page.keyboard.press('ArrowDown');
  const below = await page.evaluate(() => document.activeElement.id);
  assert.equal(below, 'tile-WA', 'ArrowDown skips empty cells to the next tile below');
  await page.keyboard.press('ArrowRight');
  const code = (await page.evaluate(() => document.activeElement.id)).replace('tile-', '');
  assert.equal(code, 'ID');
  const idaho = D2024().find((c) => c.territory === code && !c.extra);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => location.pathname.endsWith(`/contest/${id}.html`), idaho.id);
  await page.waitForSelector('article.detail');
  assert.match(await page.locator('#detail-title').innerText(), /^Idaho: 2024 Democratic/);
  // Back on the map, still one tab stop after the re-render, and the focus on the tile it left.
  await page.goBack();
  await page.waitForSelector('.tiles');
  assert.equal(await page.locator('.tiles .tile:not([tabindex="-1"])').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), `tile-${code}`);
  assert.deepEqual(page.problems, []);
});

test('tiles outside the filters stay on the map, muted', async () => {
  const page = await open('territory/AS.html');
  assert.equal(await page.locator('.tiles .tile').count(), 57);
  assert.equal(await page.locator('#tile-AS').getAttribute('data-muted'), null);
  assert.equal(await page.locator('.tiles .tile[data-muted]').count(), 56, 'every other place is muted, not dropped');
  assert.match(await page.locator('#tile-GU').innerText(), /outside the current filter/);
  assert.deepEqual(page.problems, []);
});

test('the delegate race sums the set from the dataset and states what is missing', async () => {
  const page = await open('?cycle=2024&party=D');
  const contests = D2024();
  const pledged = contests.reduce((sum, c) => sum + (c.pledged_delegates ?? 0), 0);
  const biden = contests.flatMap((c) => c.options).filter((o) => o.name === 'Joe Biden').reduce((sum, o) => sum + (o.delegates ?? 0), 0);
  const row = page.locator('.race-table tbody tr', { has: page.locator('th', { hasText: 'Joe Biden' }) });
  assert.match(await row.locator('td.bar').innerText(), new RegExp(`${biden.toLocaleString('en-US')} of ${pledged.toLocaleString('en-US')}`));
  assert.match(await page.locator('#race-title').innerText(), new RegExp(`${contests.length} contests`));
  assert.equal(await page.locator('.race-table meter').count() > 0, true, 'drawn as bars');
  assert.deepEqual(page.problems, []);
});

/** RFC 4180 rows of a CSV file in data/, each keyed by the header's names. */
async function csvRows(name) {
  const text = await readFile(join(ROOT, 'data', name), 'utf8');
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') { rows.at(-1).push(cell); cell = ''; }
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (c === '\r' && text[i + 1] === '\n') i++;
      rows.at(-1).push(cell); cell = ''; rows.push([]);
    } else cell += c;
  }
  if (cell || rows.at(-1).length) rows.at(-1).push(cell);
  const [header, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? '').trim()])));
}

const PARTIES = { Democratic: 'D', Republican: 'R' };

test('the unfiltered front page shows one edition\'s race, totalled as the CSV totals it', async () => {
  const rows = await csvRows('results.csv');
  const page = await open('');
  const title = await page.locator('#race-title').innerText();
  const [, cycle, partyName, count] = title.match(/^(\d{4}) (Democratic|Republican) delegate race: (\d+) contests?$/) ?? [];
  assert.ok(cycle, `the heading names one edition: "${title}"`);
  const newest = Math.max(...rows.map((r) => Number(r.cycle)));
  assert.equal(Number(cycle), newest, 'the newest cycle');
  assert.match(await page.locator('#map-title').innerText(), new RegExp(`^${cycle} ${partyName} winners`), 'the map shows the same edition');
  const party = PARTIES[partyName];
  const mine = rows.filter((r) => r.cycle === cycle && r.party === party);
  const contests = new Map(mine.map((r) => [r.contest_id, Number(r.pledged_delegates || 0)]));
  assert.equal(Number(count), contests.size);
  const pledged = [...contests.values()].reduce((a, b) => a + b, 0);
  const bars = await page.locator('.race-table td.bar span').allInnerTexts();
  assert.ok(bars.length > 0);
  for (const bar of bars) assert.match(bar, new RegExp(` of ${pledged.toLocaleString('en-US')}$`), 'out of this edition\'s pledged total');
  // Every row is a candidate of this edition; none is only another edition's.
  const fold = (name) => name.split(' (')[0].trim().toLowerCase();
  const here = new Set(mine.map((r) => fold(r.candidate)));
  const elsewhere = new Set(rows.filter((r) => !(r.cycle === cycle && r.party === party)).map((r) => fold(r.candidate)).filter((n) => !here.has(n)));
  const names = await page.locator('.race-table tbody th').evaluateAll((ths) => ths.map((th) => th.firstChild.textContent));
  for (const name of names) {
    assert.ok(here.has(fold(name)) || ['Uncommitted', 'None of these candidates'].includes(name), `${name} ran in ${cycle} ${partyName}`);
    assert.ok(!elsewhere.has(fold(name)), `${name} is another edition's`);
  }
  // One switch for both: the map and the race move to another edition together.
  const other = page.locator('.editions button[aria-pressed="false"]').first();
  const label = await other.innerText();
  await other.click();
  await page.waitForFunction((l) => document.querySelector('#race-title').textContent.startsWith(`${l} delegate race`), label);
  assert.match(await page.locator('#map-title').innerText(), new RegExp(`^${label} winners`));
  assert.deepEqual(page.problems, []);
});

test('"Where Biden lost" on 2024 Democratic lists American Samoa alone, marked in words in the list and on the map', async () => {
  const page = await open('?cycle=2024&party=D');
  assert.equal((await page.locator('label:has(#filter-lost)').innerText()).trim(), 'Where Biden lost');
  await page.check('#filter-lost');
  await page.waitForFunction(() => location.search.includes('lost=1'));
  const ids = await page.locator('table.winners tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('a').getAttribute('href').match(/contest\/([^./?]+)\.html/)[1]));
  assert.deepEqual(ids, ['2024-D-AS']);
  assert.match(await page.locator('.status').innerText(), /where Biden lost/);
  assert.match(await page.locator('tr:has(a[href*="contest/2024-D-AS.html"]) .lost-mark').innerText(), /Biden lost/i);
  assert.match(await page.locator('#tile-AS').innerText(), /Biden lost/);
  assert.match(await page.locator('.legend').innerText(), /Where Biden lost/);
  // An address from before keeps working.
  const old = await open('?cycle=2024&party=R&upsets=1');
  const oldIds = await old.locator('table.winners tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('a').getAttribute('href').match(/contest\/([^./?]+)\.html/)[1]));
  assert.deepEqual(oldIds.sort(), ['2024-R-DC', '2024-R-VT']);
  assert.ok(await old.isChecked('#filter-lost'));
  assert.deepEqual([...page.problems, ...old.problems], []);
});

test('phones: the 2024 Democratic list is compact, the filters fold, the status stays in view', async () => {
  const page = await open('?cycle=2024&party=D', { width: 375, height: 800 });
  const height = await page.locator('table.winners').evaluate((t) => t.getBoundingClientRect().height);
  assert.ok(height < 3600, `the list is ${Math.round(height)}px tall`);
  const rows = await page.locator('table.winners tbody tr').evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().height));
  // Two lines a row, a third where a long name or the delegates need it: wrapped, never cut.
  assert.ok(Math.max(...rows) <= 80, `rows up to ${Math.max(...rows)}px`);
  assert.equal(await page.locator('#filters').isVisible(), false, 'filters folded');
  assert.match(await page.locator('.filters-toggle').innerText(), /Filters: 2024, Democratic/);
  await page.click('.filters-toggle');
  assert.equal(await page.locator('#filters').isVisible(), true, 'one tap unfolds them');
  await page.evaluate(() => window.scrollTo(0, 3000));
  const status = await page.locator('.list-head').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(status >= 0 && status < 5, `the status line stays in view (top ${status})`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scroll (${overflow}px)`);
  // A tap on a row opens the contest.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Anywhere on the row: the territory's link covers it.
  await page.locator('tr:has(a[href*="contest/2024-D-AS.html"])').scrollIntoViewIfNeeded();
  const box = await page.locator('tr:has(a[href*="contest/2024-D-AS.html"]) td.winner').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => location.pathname.endsWith('/contest/2024-D-AS.html'));
  await page.waitForSelector('article.detail');
  assert.deepEqual(page.problems, []);
});

test('desktop at 1280px: no phrase breaks across lines, and nothing scrolls sideways', async () => {
  const page = await open('?cycle=2024&party=D', { width: 1280 });
  // Every cell but the delegates is one line; the delegates may break between candidates, never
  // inside "Palmer 3" or "of 6 pledged".
  const broken = await page.locator('table.winners tbody tr').evaluateAll((rows) => rows.flatMap((row) => {
    const line = parseFloat(getComputedStyle(row).lineHeight) || 20;
    const cells = [...row.children].slice(0, 7).filter((cell) => {
      const text = [...cell.childNodes].filter((n) => !(n.classList?.contains('basis')));
      return text.some((n) => { const r = document.createRange(); r.selectNodeContents(n); return r.getClientRects().length > 1 || r.getBoundingClientRect().height > line * 1.5; });
    });
    // A phrase is a box of its own (inline-block): broken, it is taller than a line.
    const phrases = [...row.children[7].querySelectorAll('span')].filter((s) => s.getClientRects().length > 1 || s.getBoundingClientRect().height > line * 1.5);
    return [...cells, ...phrases].map((e) => `${row.querySelector('a').getAttribute('href')}: ${e.innerText}`);
  }));
  assert.deepEqual(broken, []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scroll (${overflow}px)`);
  assert.deepEqual(page.problems, []);
});

test('the list sorts by date, territory, closeness and turnout; the order is in the URL', async () => {
  const page = await open('?cycle=2024&party=D');
  const ids = () => page.locator('table.winners tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelector('a').getAttribute('href').match(/contest\/([^./?]+)\.html/)[1]));
  const dated = await ids();
  const dates = dated.map((id) => data.contests.find((c) => c.id === id).date ?? '9999');
  assert.deepEqual(dates, [...dates].sort(), 'by date');
  await page.selectOption('#list-sort', 'margin');
  await page.waitForFunction(() => location.search.includes('sort=margin'));
  const margins = await page.locator('table.winners tbody tr > :nth-child(7)').allInnerTexts();
  const points = margins.map((m) => m.match(/^\+([\d.]+) pts/)).filter(Boolean).map((m) => Number(m[1]));
  assert.ok(points.length > 10);
  assert.deepEqual(points, [...points].sort((a, b) => a - b), 'closest first');
  await page.selectOption('#list-sort', 'turnout');
  await page.waitForFunction(() => location.search.includes('sort=turnout'));
  const turnout = (id) => data.contests.find((c) => c.id === id).options.reduce((sum, o) => sum + (o.votes ?? 0), 0);
  const byTurnout = (await ids()).map(turnout).filter((n) => n > 0);
  assert.deepEqual(byTurnout, [...byTurnout].sort((a, b) => b - a), 'largest turnout first');
  await page.selectOption('#list-sort', 'territory');
  await page.waitForFunction(() => location.search.includes('sort=territory'));
  const names = await page.locator('table.winners tbody th a').allInnerTexts();
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)), 'alphabetical');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#list-sort'), 'territory');
  assert.deepEqual(page.problems, []);
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations on the map, the race and the phone list (${colorScheme})`, async () => {
    for (const width of [375, 1280]) {
      const page = await open('?cycle=2024&party=D', { width, colorScheme });
      assert.deepEqual(await axe(page), [], `${colorScheme} at ${width}px`);
    }
  });
}

test('screenshots of the board at 375px and 1280px, with the map in the first screen', async () => {
  for (const width of [375, 1280]) {
    const page = await open('?cycle=2024&party=D', { width, height: 900 });
    const top = await page.locator('.tiles').evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top < 900, `the map starts in the first screen at ${width}px (${top}px)`);
    await screenshot(page, `board-${width}`);
  }
});
