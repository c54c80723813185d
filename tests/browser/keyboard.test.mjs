// The keyboard and pages without scripts: the focus is never dropped to the page (Tab out of the
// territory picker, "Clear filters", back from a contest), a skip link to the results, Home and End
// on the map, tiles that open their contest, and no control shown without scripts that cannot work.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, axe, dataset, openReady } from './harness.mjs';

let server, browser, data;
before(async () => { server = await serve({ prefix: '/graphics/tally/' }); browser = await launch(); data = await dataset(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (path, options) => openReady(browser, server.base + path, options);

/** The focused element, as a test reads it: tag, id, class and href. */
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e?.tagName, id: e?.id, className: e?.className ?? '', href: e?.getAttribute('href') ?? '' };
});

/** The contests' page links in the list, in the order shown. */
const rowLinks = (page) => page.locator('table.winners tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

test('Tab out of the territory combobox, whose list opens on focus, lands on the next control', async () => {
  const page = await open('?cycle=2024');
  await page.focus('#territory-input');
  assert.equal(await page.getAttribute('#territory-input', 'aria-expanded'), 'true', 'the list is open');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'filter-party');
  assert.equal(await page.getAttribute('#territory-input', 'aria-expanded'), 'false', 'and it closed behind');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).id, 'territory-input', 'and back');
  assert.deepEqual(page.problems, []);
});

test('"Clear filters" pressed with Enter clears them and keeps the focus on the button', async () => {
  const page = await open('?cycle=2024&party=D');
  await page.focus('button.clear');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !location.search.includes('party'));
  await page.waitForFunction((n) => document.querySelectorAll('table.winners tbody tr').length === n, data.front);
  const now = await focused(page);
  assert.equal(now.tag, 'BUTTON');
  assert.match(now.className, /\bclear\b/);
  assert.equal(await page.getAttribute('button.clear', 'aria-disabled'), 'true', 'nothing left to clear, said');
  // Pressed again, with nothing to clear: nothing happens, and the focus stays.
  await page.keyboard.press('Enter');
  assert.match((await focused(page)).className, /\bclear\b/);
  assert.deepEqual(page.problems, []);
});

test('back from a contest (its own link, the browser\'s back) returns the focus to the row opened', async () => {
  const page = await open('?cycle=2024&party=D');
  const links = await rowLinks(page);
  const at = links.findIndex((href) => href === 'contest/2024-D-AS.html');
  assert.ok(at >= 0 && at < links.length - 1, 'American Samoa is listed, with a row after it');
  const row = page.locator('table.winners a[href="contest/2024-D-AS.html"]');

  // The page's own link back, with the keyboard.
  await row.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.detail');
  assert.equal((await focused(page)).id, 'detail-title', 'an opened contest has the focus on its title');
  await page.focus('a.back');
  await page.keyboard.press('Enter');
  await page.waitForSelector('table.winners');
  assert.equal((await focused(page)).href, 'contest/2024-D-AS.html', 'the row opened has the focus');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).href, links[at + 1], 'and the next Tab goes on from it, not from the top');

  // The browser's back, after a click.
  await row.click();
  await page.waitForSelector('article.detail');
  await page.goBack();
  await page.waitForSelector('table.winners');
  await page.waitForFunction(() => document.activeElement?.getAttribute('href') === 'contest/2024-D-AS.html', null, { timeout: 5000 })
    .catch(async () => assert.fail(`the focus is on ${JSON.stringify(await focused(page))}`));
  assert.ok(page.url().endsWith('?cycle=2024&party=D'), page.url());
  assert.deepEqual(page.problems, []);
});

test('the skip link is the first tab stop, shows when focused, and moves the focus to the results', async () => {
  for (const path of ['', 'contest/2024-D-AS.html', '?party=R']) {
    const page = await open(path);
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    assert.match(skip.className, /\bskip\b/, `${path}: the first tab stop is the skip link`);
    const box = await page.locator('a.skip').boundingBox();
    assert.ok(box.width > 40 && box.height > 16 && box.y >= 0, `${path}: shown when focused (${JSON.stringify(box)})`);
    assert.equal((await page.locator('a.skip').innerText()).trim(), 'Skip to results');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'results', null, { timeout: 5000 })
      .catch(async () => assert.fail(`${path}: the focus is on ${JSON.stringify(await focused(page))}`));
    assert.match(await page.locator('#results').innerText(), /\d+ contests?/, `${path}: the results' status line`);
    assert.ok(page.url().includes(path), `${path}: the same page (${page.url()})`);
    assert.deepEqual(page.problems, [], path);
    await page.close();
  }
});

test('Home and End move to the first and last tile in reading order', async () => {
  const page = await open('?cycle=2024&party=D');
  // Reading order from where the tiles are drawn: row by row, left to right.
  const order = await page.locator('.tiles .tile').evaluateAll((tiles) => tiles
    .map((t) => { const r = t.getBoundingClientRect(); return { id: t.id, top: Math.round(r.top), left: r.left }; })
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((t) => t.id));
  await page.locator('.tiles').focus();
  await page.keyboard.press('End');
  assert.equal((await focused(page)).id, order.at(-1), 'End, from the map itself');
  await page.keyboard.press('Home');
  assert.equal((await focused(page)).id, order[0], 'Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  assert.equal((await focused(page)).id, order.at(-1), 'End, from a tile');
  assert.equal(await page.evaluate(() => scrollX), 0, 'the keys move the focus, not the page sideways');
  assert.deepEqual(page.problems, []);
});

test('a tap on a tile opens its contest in the page, as its link does', async () => {
  const page = await open('?cycle=2024&party=D', { width: 375, height: 800 });
  const href = await page.getAttribute('#tile-AS', 'href');
  assert.equal(href, 'contest/2024-D-AS.html', 'the tile is a link to the contest\'s own page');
  await page.evaluate(() => { window.stayed = true; });
  await page.locator('#tile-AS').click();
  await page.waitForFunction(() => location.pathname.endsWith('/contest/2024-D-AS.html'));
  await page.waitForSelector('article.detail');
  assert.match(await page.locator('#detail-title').innerText(), /^American Samoa: 2024 Democratic/);
  assert.equal(await page.evaluate(() => window.stayed), true, 'opened in the page, not loaded afresh');
  assert.equal(await page.locator('.tiles .tile').count(), 0, 'the contest, not the greyed map');
  assert.deepEqual(page.problems, []);
});

test('without scripts: no control that cannot work is shown; tiles are links to pages that exist', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  for (const path of ['', '?cycle=2024&party=D', 'contest/2024-D-AS.html', 'territory/AS.html']) {
    const page = await context.newPage();
    await page.goto(server.base + path);
    // Every control left is a link or the map's table (a <details>), which work without scripts.
    const controls = await page.locator('button, select, input, textarea, [tabindex]:not(a, #results, #detail-title, [id$="-detail-title"])')
      .evaluateAll((es) => es.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)));
    assert.deepEqual(controls, [], `${path}: controls shown`);
    assert.doesNotMatch(await page.locator('main').innerText(), /Arrow keys|Embed|Download CSV|Filters:/, path);

    // The skip link works without scripts too (on a page's own address: the static front page
    // cannot know a query string, so there it loads the front page at the results).
    if (path.includes('?')) { await page.close(); continue; }
    await page.keyboard.press('Tab');
    assert.match((await focused(page)).className, /\bskip\b/, `${path}: the skip link comes first`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#results');
    assert.equal((await focused(page)).id, 'results', `${path}: the focus moved to the results`);
    await page.close();
  }

  const page = await context.newPage();
  await page.goto(server.base + '?cycle=2024&party=D');
  const tiles = await page.locator('.tiles .tile').evaluateAll((ts) => ts.map((t) => ({ id: t.id, href: t.getAttribute('href'), tabindex: t.getAttribute('tabindex') })));
  assert.equal(tiles.length, 57);
  assert.equal(await page.getAttribute('.tiles', 'tabindex'), null, 'the map is no tab stop of its own');
  for (const tile of tiles) {
    assert.equal(tile.tabindex, null, `${tile.id} is a tab stop, as a link`);
    assert.match(tile.href ?? '', /^contest\/[^/]+\.html$/, `${tile.id} links to its contest's page`);
  }
  const missing = [];
  for (const href of new Set(tiles.map((t) => t.href))) {
    if ((await page.request.get(server.base + href)).status() !== 200) missing.push(href);
  }
  assert.deepEqual(missing, [], 'every tile\'s page exists');
  // Each edition's tile is that edition's contest in its place.
  const d2024 = data.contests.filter((c) => c.cycle === 2024 && c.party === 'D' && !c.extra);
  for (const contest of d2024) {
    assert.equal(tiles.find((t) => t.id === `tile-${contest.territory}`)?.href, `contest/${contest.id}.html`, contest.id);
  }
  // A click follows the link to the contest's page.
  await page.click('#tile-AS');
  await page.waitForURL(/\/contest\/2024-D-AS\.html$/);
  assert.match(await page.locator('#detail-title').innerText(), /^American Samoa/);
  await context.close();
});

test('axe finds no violations with the skip link focused, or after going back to a row', async () => {
  const page = await open('?cycle=2024&party=D');
  await page.keyboard.press('Tab');
  assert.deepEqual(await axe(page), [], 'skip link focused');
  await page.locator('table.winners a[href="contest/2024-D-AS.html"]').click();
  await page.waitForSelector('article.detail');
  assert.deepEqual(await axe(page), [], 'a contest, its options table');
  await page.goBack();
  await page.waitForSelector('table.winners');
  assert.deepEqual(await axe(page), [], 'back on the list');
  assert.deepEqual(page.problems, []);
});
