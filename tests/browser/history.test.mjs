// A territory's page is its whole history (issue 20): it opens on a table of every contest at a
// glance, newest first, each row a link to the contest in full below it; on a phone the table fits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, launchWithText, newPage, ready, axe, dataset, ROOT } from './harness.mjs';

let server, browser, data, editions;
before(async () => {
  server = await serve();
  browser = await launch();
  data = await dataset();
  editions = await everyEdition();
});
after(async () => { await browser?.close(); await server?.close(); });

const PAGE = 'territory/AS.html';

/** Every contest of every edition's own file (static/data/editions/), with its id as the reader makes it. */
async function everyEdition() {
  const dir = join(ROOT, 'static', 'data', 'editions');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.endsWith('.details.json'));
  const contests = [];
  for (const name of names) {
    for (const c of JSON.parse(await readFile(join(dir, name), 'utf8')).contests) {
      contests.push({ ...c, id: c.id ?? `${c.cycle}-${c.party}-${c.territory}` });
    }
  }
  return contests;
}

/** A place's history order, from the data alone: newest cycle, Democratic first, a main contest before a second, then date and id. */
const historyOrder = (a, b) => b.cycle - a.cycle || a.party.localeCompare(b.party) || Number(!!a.extra) - Number(!!b.extra)
  || (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') || a.id.localeCompare(b.id);

/** The table's rows as [contest id its link leads to, the row's text], and the cards' ids, in page order. */
async function rowsAndCards(page) {
  const rows = await page.locator('table.glance tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th a').getAttribute('href'), tr.innerText]));
  const cards = await page.locator('article.detail h2[id$="-detail-title"]').evaluateAll((hs) => hs.map((h) => h.id.replace(/-detail-title$/, '')));
  return { rows: rows.map(([href, text]) => [href.match(/^territory\/AS\.html#(.+)-detail-title$/)?.[1], text]), cards };
}

test('American Samoa\'s page opens on its history at a glance, newest first, each row a link to its card below', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.base + PAGE);
    if (javaScriptEnabled) await ready(page);
    const how = javaScriptEnabled ? 'in the app' : 'without scripts';
    const { rows, cards } = await rowsAndCards(page);
    const ids = rows.map(([id]) => id);
    assert.deepEqual(ids, cards, `${how}: one row per card, in the cards' order`);
    // Every American Samoa contest the page was built from, and only contests of American Samoa.
    for (const c of data.contests.filter((c) => c.territory === 'AS')) assert.ok(ids.includes(c.id), `${how}: ${c.id} is listed`);
    const held = ids.map((id) => editions.find((c) => c.id === id));
    assert.ok(held.every((c) => c?.territory === 'AS'), `${how}: ${ids} are American Samoa's contests`);
    assert.deepEqual(ids, [...held].sort(historyOrder).map((c) => c.id), `${how}: newest first`);
    const oldest = Math.min(...held.map((c) => c.cycle));
    assert.equal(await page.locator('table.glance caption').innerText(), `American Samoa: every contest since ${oldest} in these results, at a glance`);
    assert.deepEqual(await page.locator('table.glance thead th').allInnerTexts(), ['Year', 'Party', 'Contest', 'Winner', 'Margin', 'Delegates']);
    // Each row names its year and the winner the counts make (where they make one).
    for (const [id, text] of rows) {
      const contest = data.contests.find((c) => c.id === id) ?? editions.find((c) => c.id === id);
      assert.ok(text.includes(String(contest.cycle)), `${id}: ${JSON.stringify(text)}`);
      const counted = contest.options.filter((o) => o.votes !== undefined).sort((a, b) => b.votes - a.votes);
      if (counted.length === contest.options.length && counted.length > 1 && counted[0].votes > counted[1].votes && !contest.votes_are) {
        assert.ok(text.includes(counted[0].name), `${id}'s row names ${counted[0].name}: ${JSON.stringify(text)}`);
      }
    }
    // The table comes before the cards.
    const before = await page.locator('table.glance').evaluate((t) => !!(t.compareDocumentPosition(document.querySelector('article.detail')) & Node.DOCUMENT_POSITION_FOLLOWING));
    assert.ok(before, `${how}: the table comes first`);

    // The oldest contest's row leads to its card, on this page: no new page, the card in view.
    if (javaScriptEnabled) await page.evaluate(() => { window.stayed = true; });
    const last = ids.at(-1);
    await page.locator(`table.glance a[href$="#${last}-detail-title"]`).click();
    await page.waitForFunction((id) => location.hash === `#${id}-detail-title`, last);
    assert.ok(page.url().includes(`/${PAGE}#`), `${how}: still American Samoa's page: ${page.url()}`);
    const top = await page.locator(`[id="${last}-detail-title"]`).evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(top >= -1 && top < 900, `${how}: ${last}'s card is in view (${top}px)`);
    if (javaScriptEnabled) {
      assert.equal(await page.evaluate(() => window.stayed), true, 'the app kept the page');
      assert.deepEqual(await axe(page), [], 'no accessibility violation');
    }
    await context.close();
  }
});

test('at 320 px the table fits: nothing cut, nothing sideways, at the browser\'s text size and at 200%', async () => {
  const large = await launchWithText(32);
  try {
    for (const [context, size] of [[null, '100%'], [large, '200%']]) {
      const page = context ? await context.newPage() : await newPage(browser, { width: 320, height: 640 });
      if (context) await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(server.base + PAGE);
      await ready(page);
      const found = await page.locator('table.glance').evaluate((table) => {
        const cut = [];
        // What is hidden for screen readers only (the headings, clipped to nothing on a phone) is left out.
        const clipped = (el) => { for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return true; return false; };
        for (const el of [table, ...table.querySelectorAll('*')]) {
          if (!el.checkVisibility() || clipped(el)) continue;
          if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) cut.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" (${el.scrollWidth} > ${el.clientWidth})`);
          const style = getComputedStyle(el);
          if (style.textOverflow === 'ellipsis') cut.push(`ellipsis: ${el.tagName}`);
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.right > innerWidth + 0.5) cut.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ends at ${Math.round(box.right)}px`);
        }
        return cut;
      });
      assert.deepEqual(found, [], `cut at 320 px, text ${size}`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth) <= 0, `sideways at 320 px, text ${size}`);
      // Every cell shows, margins and delegates included: the phone folds the row, it drops nothing.
      const hidden = await page.locator('table.glance tbody td, table.glance tbody th').evaluateAll((cells) => cells.filter((c) => !c.checkVisibility() || c.getBoundingClientRect().width === 0).length);
      assert.equal(hidden, 0, `cells hidden at 320 px, text ${size}`);
      assert.deepEqual(page.problems ?? [], []);
      await page.close();
    }
  } finally {
    await large.close();
  }
});
