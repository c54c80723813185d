// Reflow and text size (WCAG 1.4.4, 1.4.10): nothing cut, nothing scrolling sideways, on phones, on
// desktops, with the reader's text at 200% and at 400% zoom; every row of the list says its year.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, launchWithText, newPage, ready, dataset } from './harness.mjs';

let server, browser, data;
before(async () => { server = await serve(); browser = await launch(); data = await dataset(); });
after(async () => { await browser?.close(); await server?.close(); });

const PAGES = { front: '', contest: 'contest/2024-D-AS.html', territory: 'territory/AS.html' };

/**
 * Every element shown whose content is wider than its box: text cut by `overflow` (an ellipsis
 * included) or spilling over its neighbour. Form controls measure their own way and are left out,
 * and so is what is hidden for screen readers only (clipped to nothing).
 */
function cut() {
  const clipped = (el) => { for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return true; return false; };
  return [...document.body.querySelectorAll('*')]
    .filter((el) => !['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName))
    .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
    .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !clipped(el))
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}" (${el.scrollWidth} > ${el.clientWidth})`);
}

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

async function opened(context, path, viewport) {
  const page = context.newPage ? await context.newPage() : await newPage(context, viewport);
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(server.base + path);
  await ready(page);
  return page;
}

test('phones: nothing in the front or a territory page is cut at 320 and 375 px', async () => {
  for (const width of [320, 375]) {
    for (const path of [PAGES.front, PAGES.territory]) {
      const page = await newPage(browser, { width, height: 800 });
      await page.goto(server.base + path);
      await ready(page);
      assert.deepEqual(await page.evaluate(cut), [], `cut at ${width}px on /${path}`);
      // The mark beside a winner where the presumptive nominee lost reads whole.
      assert.match(await page.locator('tr:has(a[href*="contest/2024-D-AS.html"]) .lost-mark').innerText(), /^Biden lost$/i);
      assert.ok(await sideways(page) <= 0, `/${path} scrolls sideways at ${width}px`);
      await page.context().close();
    }
  }
});

test('desktops: nothing scrolls sideways or is cut at 1024, 1280 and 1920 px, "Cancelled" included', async () => {
  for (const width of [1024, 1280, 1920]) {
    for (const path of Object.values(PAGES)) {
      const page = await newPage(browser, { width, height: 900 });
      await page.goto(server.base + path);
      await ready(page);
      assert.ok(await sideways(page) <= 0, `/${path} scrolls sideways by ${await sideways(page)}px at ${width}px`);
      assert.deepEqual(await page.evaluate(cut), [], `cut at ${width}px on /${path}`);
      const table = await page.evaluate(() => document.querySelector('table.winners')?.getBoundingClientRect().right ?? 0);
      assert.ok(table <= width, `the list ends at ${table}px, past ${width}px`);
      if (path === PAGES.front) {
        // Delaware's 2024 Democratic primary was cancelled: its tile says so whole, or shows its code alone.
        const text = await page.locator('#tile-DE .tile-text').evaluate((e) => (e.checkVisibility() ? e.innerText : ''));
        assert.ok(['Cancelled', ''].includes(text), `Delaware's tile reads ${JSON.stringify(text)}`);
      }
      await page.context().close();
    }
  }
});

test('text at 200%: text and cells grow, the desktop keeps its layout, nothing is cut or scrolls sideways', async () => {
  const large = await launchWithText(32);
  try {
    const sizes = async (page) => page.evaluate(() => ['.status', '.winners td.winner', 'button'].map((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)));
    const phoneLayout = (page) => page.evaluate(() => getComputedStyle(document.querySelector('.filters-toggle')).display !== 'none'
      || document.querySelector('.winners thead th').getBoundingClientRect().height <= 1);
    const normal = await newPage(browser, { width: 1280, height: 900 });
    await normal.goto(server.base);
    await ready(normal);
    const base = await sizes(normal);
    assert.equal(await phoneLayout(normal), false, 'the desktop layout at 1280px');
    await normal.context().close();

    for (const width of [375, 1280]) {
      for (const path of Object.values(PAGES)) {
        const page = await opened(large, path, { width, height: 800 });
        assert.ok(await sideways(page) <= 0, `/${path} scrolls sideways by ${await sideways(page)}px at ${width}px, text 200%`);
        assert.deepEqual(await page.evaluate(cut), [], `cut at ${width}px on /${path}, text 200%`);
        if (path === PAGES.front) {
          const grown = await sizes(page);
          grown.forEach((size, i) => assert.ok(size >= base[i] * 1.9, `text ${i}: ${size}px at 200%, ${base[i]}px at 100%`));
          assert.equal(await phoneLayout(page), width < 600, `the phone layout at ${width}px, text 200%`);
          // Names wrap between words, never letter by letter.
          const broken = await page.locator('table.winners tbody th[scope="row"] a').evaluateAll((links) => links.filter((a) => {
            const range = document.createRange();
            range.selectNodeContents(a);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > a.innerText.split(/\s+/).length;
          }).map((a) => a.innerText));
          assert.deepEqual(broken, [], `names broken inside a word at ${width}px, text 200%`);
        }
        await page.close();
      }
    }
  } finally {
    await large.close();
  }
});

test('400% zoom (320 x 256 px): nothing is cut or scrolls sideways; the list header takes at most a fifth of the screen', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
  try {
    for (const path of Object.values(PAGES)) {
      const page = await opened(context, path);
      assert.ok(await sideways(page) <= 0, `/${path} scrolls sideways by ${await sideways(page)}px at 400%`);
      assert.deepEqual(await page.evaluate(cut), [], `cut on /${path} at 400%`);
      if (path !== PAGES.contest) {
        // Deep in the list, how much of the screen the list's header covers.
        await page.locator('table.winners tbody tr').last().scrollIntoViewIfNeeded();
        const covered = await page.locator('.list-head').evaluate((head) => {
          const r = head.getBoundingClientRect();
          return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / innerHeight;
        });
        assert.ok(covered <= 0.2, `/${path}: the list header covers ${Math.round(covered * 100)}% of the screen`);
      }
      await page.close();
    }
  } finally {
    await context.close();
  }
});

test('every row says its year: American Samoa\'s rows differ, on phones and desktops', async () => {
  const samoa = data.contests.filter((c) => c.territory === 'AS');
  assert.ok(samoa.length > 1, 'the bundled data has several American Samoa contests');
  for (const width of [375, 1280]) {
    const page = await newPage(browser, { width, height: 800 });
    await page.goto(server.base + PAGES.territory);
    await ready(page);
    const rows = await page.locator('table.winners tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('a').getAttribute('href'), tr.innerText]));
    assert.equal(rows.length, samoa.length);
    for (const c of samoa) {
      const [, text] = rows.find(([href]) => href.endsWith(`contest/${c.id}.html`));
      assert.ok(text.includes(String(c.cycle)), `${c.id}'s row at ${width}px names ${c.cycle}: ${JSON.stringify(text)}`);
    }
    assert.equal(new Set(rows.map(([, text]) => text)).size, rows.length, `rows read alike at ${width}px`);
    await page.context().close();
  }
});
