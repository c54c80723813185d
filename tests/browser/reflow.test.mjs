// Reflow and text size (WCAG 1.4.4, 1.4.10): nothing cut, nothing scrolling sideways, on phones, on
// desktops, with the reader's text at 200% and at 400% zoom; every row of the list says its year.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, launchWithText, newPage, ready, dataset, ROOT } from './harness.mjs';

let server, browser, data;
before(async () => { server = await serve(); browser = await launch(); data = await dataset(); });
after(async () => { await browser?.close(); await server?.close(); });

const PAGES = { front: '', contest: 'contest/2024-D-AS.html', territory: 'territory/AS.html' };

/**
 * Every element shown whose content does not fit: text wider than its box (cut by `overflow` or
 * spilling over its neighbour), content taller than a box that hides what overflows (a tile is
 * square and hides it), an ellipsis or a line clamp in the style, and text shown with "…" in it
 * (but "Loading…"). Each entry starts with its kind. Form controls measure their own way and are
 * left out, and so is what is hidden for screen readers only (clipped to nothing).
 */
function cut() {
  const clipped = (el) => { for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return true; return false; };
  const shown = (el) => el.checkVisibility({ visibilityProperty: true }) && !clipped(el);
  const name = (el) => `${el.tagName.toLowerCase()}.${el.className}${el.id ? `#${el.id}` : ''} "${el.textContent.trim().slice(0, 30)}"`;
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (['INPUT', 'SELECT', 'TEXTAREA', 'OPTION'].includes(el.tagName) || !shown(el)) continue;
    const style = getComputedStyle(el);
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) found.push(`wide: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    if (['hidden', 'clip'].includes(style.overflowY) && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 1) {
      found.push(`tall: ${name(el)} (${el.scrollHeight} > ${el.clientHeight})`);
    }
    if (style.textOverflow === 'ellipsis' || !['none', ''].includes(style.webkitLineClamp ?? 'none')) found.push(`ellipsis style: ${name(el)}`);
  }
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    if (text.data.includes('\u2026') && !/^\s*Loading[^\u2026]*\u2026\s*$/.test(text.data) && shown(text.parentElement)) {
      found.push(`ellipsis: "${text.data.trim().slice(0, 40)}" in ${name(text.parentElement)}`);
    }
  }
  return found;
}

/** How many of `cut()`'s entries are an ellipsis (in the style or in the text). */
const ellipses = (found) => found.filter((entry) => /(^|: )ellipsis/.test(entry)).length;

/**
 * Text boxes laid over one another: siblings (the list's rows and each row's cells, the masthead's
 * parts, the tiles and each tile's labels) whose boxes cross by more than a pixel each way, and a
 * tile's label outside its tile. Each box of a wrapped inline element counts on its own.
 */
function overlaps() {
  const clipped = (el) => { for (let e = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return true; return false; };
  const boxes = (el) => (el.checkVisibility({ visibilityProperty: true }) && !clipped(el) ? [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0) : []);
  const name = (el) => `${el.tagName.toLowerCase()}.${el.className}${el.id ? `#${el.id}` : ''} "${el.textContent.trim().slice(0, 24)}"`;
  const cross = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const found = [];
  for (const parent of document.querySelectorAll('table.winners tbody, table.winners tbody tr, table.glance tbody, table.glance tbody tr, .masthead, .map-head, .list-head, .tiles, .tiles .tile')) {
    const children = [...parent.children].filter((c) => c.textContent.trim()).map((c) => [c, boxes(c)]);
    for (let i = 0; i < children.length; i++) {
      for (let j = i + 1; j < children.length; j++) {
        const [a, aBoxes] = children[i], [b, bBoxes] = children[j];
        if (aBoxes.some((ra) => bBoxes.some((rb) => cross(ra, rb)))) found.push(`${name(a)} over ${name(b)}`);
      }
    }
  }
  for (const tile of document.querySelectorAll('.tiles .tile')) {
    const edge = tile.getBoundingClientRect();
    for (const label of tile.children) {
      if (!boxes(label).length) continue;
      const range = document.createRange();
      range.selectNodeContents(label);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && (r.left < edge.left - 0.5 || r.right > edge.right + 0.5 || r.top < edge.top - 0.5 || r.bottom > edge.bottom + 0.5)) {
        found.push(`${name(label)} outside ${tile.id} (${Math.round(r.left)}-${Math.round(r.right)} x ${Math.round(r.top)}-${Math.round(r.bottom)} in ${Math.round(edge.left)}-${Math.round(edge.right)} x ${Math.round(edge.top)}-${Math.round(edge.bottom)})`);
      }
    }
  }
  return found;
}

const sideways = (page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

async function opened(context, path, viewport) {
  const page = context.newPage ? await context.newPage() : await newPage(context, viewport);
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(server.base + path);
  await ready(page);
  return page;
}

test('phones: nothing in the front, a contest or a territory page is cut at 320 and 375 px; the upset badge shows', async () => {
  for (const width of [320, 375]) {
    const found = [];
    for (const path of Object.values(PAGES)) {
      const page = await newPage(browser, { width, height: 800 });
      await page.goto(server.base + path);
      await ready(page);
      const here = await page.evaluate(cut);
      found.push(...here.map((entry) => `/${path}: ${entry}`));
      if (path !== PAGES.contest) {
        // The mark beside a winner where the presumptive nominee lost reads whole, and is seen: in
        // the list, and in a territory's table at a glance (its row links to the card, by id).
        const mark = page.locator('tr:has(a[href*="contest/2024-D-AS.html"], a[href$="#2024-D-AS-detail-title"]) .lost-mark');
        assert.match(await mark.innerText(), /^Biden lost$/i);
        const box = await mark.evaluate((e) => (e.checkVisibility({ visibilityProperty: true, opacityProperty: true }) ? e.getBoundingClientRect().toJSON() : null));
        assert.ok(box && box.width > 0 && box.height > 0, `the "Biden lost" mark is not seen at ${width}px on /${path}: ${JSON.stringify(box)}`);
        assert.ok(box.right <= width, `the "Biden lost" mark ends at ${box.right}px, past ${width}px on /${path}`);
      }
      assert.ok(await sideways(page) <= 0, `/${path} scrolls sideways at ${width}px`);
      await page.context().close();
    }
    console.log(`cut at ${width} px: ${found.length} elements, ${ellipses(found)} ellipses (front, contest and territory pages)`);
    assert.deepEqual(found, [], `cut at ${width}px`);
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
        // The map's edition's cancelled contests (Delaware's 2024 Democratic primary among them):
        // each tile says so whole; at 1024 px a tile may show its code alone.
        const [, cycle, partyName] = (await page.locator('#map-title').innerText()).match(/^(\d{4}) (Democratic|Republican) /);
        const cancelled = data.contests.filter((c) => c.cycle === Number(cycle) && c.party === partyName[0] && c.status === 'cancelled');
        assert.ok(cancelled.length > 0, `the ${cycle} ${partyName} data hold a cancelled contest`);
        for (const contest of cancelled) {
          const label = page.locator(`#tile-${contest.territory} .tile-text`);
          const text = await label.evaluate((e) => (e.checkVisibility({ visibilityProperty: true }) && e.getBoundingClientRect().width > 0 ? e.innerText : ''));
          assert.ok(width === 1024 ? ['Cancelled', ''].includes(text) : text === 'Cancelled', `${contest.territory}'s tile reads ${JSON.stringify(text)} at ${width}px`);
        }
      }
      await page.context().close();
    }
  }
});

test('text at 200%: text and cells grow, the desktop keeps its layout, nothing is cut, overlaps or scrolls sideways', async () => {
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
        assert.deepEqual(await page.evaluate(overlaps), [], `overlapping at ${width}px on /${path}, text 200%`);
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

test('400% zoom (320 x 256 px): nothing is cut, overlaps or scrolls sideways; the list header takes at most a fifth of the screen', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
  try {
    for (const path of Object.values(PAGES)) {
      const page = await opened(context, path);
      assert.ok(await sideways(page) <= 0, `/${path} scrolls sideways by ${await sideways(page)}px at 400%`);
      assert.deepEqual(await page.evaluate(cut), [], `cut on /${path} at 400%`);
      assert.deepEqual(await page.evaluate(overlaps), [], `overlapping on /${path} at 400%`);
      if (path !== PAGES.contest) {
        // Deep in the list, how much of the screen the list's header covers.
        await page.locator('table.winners tbody tr, table.glance tbody tr').last().scrollIntoViewIfNeeded();
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

test('every row says its year: on the front page and American Samoa\'s, on phones and desktops; American Samoa\'s rows differ', async () => {
  const samoa = data.contests.filter((c) => c.territory === 'AS');
  assert.ok(samoa.length > 1, 'the bundled data has several American Samoa contests');
  const byId = new Map(data.contests.map((c) => [c.id, c]));
  for (const width of [375, 1280]) {
    for (const path of [PAGES.front, PAGES.territory]) {
      const page = await newPage(browser, { width, height: 800 });
      await page.goto(server.base + path);
      await ready(page);
      // A territory's page lists its contests at a glance, each row a link to its card (`#<id>-detail-title`).
      const rows = await page.locator('table.winners tbody tr, table.glance tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('a').getAttribute('href'), tr.innerText]));
      const idOf = (href) => href.match(/contest\/([^./?]+)\.html|#(.+)-detail-title$/)?.slice(1).find(Boolean);
      assert.ok(rows.length >= samoa.length, `/${path} lists rows at ${width}px`);
      for (const [href, text] of rows) {
        const contest = byId.get(idOf(href));
        assert.ok(contest, `${href} is a contest of the data`);
        assert.ok(text.includes(String(contest.cycle)), `/${path}: ${contest.id}'s row at ${width}px names ${contest.cycle}: ${JSON.stringify(text)}`);
      }
      if (path === PAGES.territory) {
        assert.deepEqual(rows.map(([href]) => idOf(href)).sort(), samoa.map((c) => c.id).sort());
        assert.equal(new Set(rows.map(([, text]) => text)).size, rows.length, `rows read alike at ${width}px`);
      } else {
        assert.equal(rows.length, data.front, `the front page lists every contest of the newest cycle at ${width}px`);
      }
      await page.context().close();
    }
  }
});

/**
 * Where a stylesheet sets a length in px that should follow the reader's text size: breakpoints
 * (@media, @container) not in em, and sizes, spaces and widths in px. Borders, outlines, radii and
 * shadows may be px; so may a gap of 4 px or less, and the 1 px box of a visually hidden rule.
 */
function pxLengths(css) {
  const found = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, kind, prelude] of text.matchAll(/@(media|container)([^{]*)\{/g)) {
    for (const [length] of prelude.matchAll(/-?[\d.]+[a-z%]+/g)) if (!length.endsWith('em')) found.push(`@${kind}${prelude.trimEnd()}: ${length}`);
  }
  const SIZED = /^(font|font-size|line-height|padding(-[a-z]+)*|margin(-[a-z]+)*|(min-|max-)?(width|height)|(row-|column-)?gap|inset|top|right|bottom|left|flex|flex-basis|text-indent)$/;
  for (const [, selector, body] of text.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    const hidden = /clip-path:\s*inset\(50%\)/.test(body);
    for (const declaration of body.split(';')) {
      const [property, ...rest] = declaration.split(':');
      const name = property.trim(), value = rest.join(':');
      const px = [...value.matchAll(/(-?[\d.]+)px/g)].map((m) => Number(m[1]));
      if (!px.length || !SIZED.test(name)) continue;
      if (/gap$/.test(name) && px.every((n) => Math.abs(n) <= 4)) continue;
      if (hidden && /(width|height)$/.test(name) && px.every((n) => n === 1)) continue;
      found.push(`${selector.trim()} { ${name}:${value} }`);
    }
  }
  return found;
}

test('the stylesheets set breakpoints in em and sizes in rem or em, px only for lines and hairlines', async () => {
  const dir = join(ROOT, 'static');
  const sheets = (await readdir(dir)).filter((name) => name.endsWith('.css'));
  assert.ok(sheets.includes('tally.css'), `static/ holds ${sheets}`);
  const found = [];
  for (const name of sheets) found.push(...pxLengths(await readFile(join(dir, name), 'utf8')).map((f) => `${name}: ${f}`));
  assert.deepEqual(found, []);
  // The check itself finds what it must.
  assert.equal(pxLengths('@media (max-width: 600px) { a { color: red } } b { font-size: 14px; gap: 8px; border: 1px solid; width: 1px }').length, 4);
});
