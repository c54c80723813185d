// Phones: the map readable at 320 px (labels at least 11 px, American Samoa's result in the first
// screen, a tap opening the result), "Cancelled" never cut at any width, no keyboard hint on a
// touch screen, and a contest page's answer before the masthead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, ready } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A touch-only phone (no hover, a coarse pointer), as Chromium emulates one. */
async function phone(width, height) {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  return page;
}

test('320 px: every label shown on a tile is at least 11 px; American Samoa\'s result is in the first screen', async () => {
  const page = await phone(320, 568);
  await page.goto(server.base);
  await ready(page);
  const small = await page.locator('.tiles .tile span').evaluateAll((spans) => spans
    .filter((s) => s.checkVisibility() && s.getClientRects().length > 0 && s.innerText.trim())
    .map((s) => [s.closest('.tile').id, s.innerText, parseFloat(getComputedStyle(s).fontSize)])
    .filter(([, , size]) => size < 11));
  assert.deepEqual(small, [], 'tile labels under 11 px');
  assert.ok(await page.locator('#tile-AS .tile-code').isVisible(), 'American Samoa\'s tile shows its code');
  // Its tile, or any other link to its result (a story sentence, say), wholly on the first screen.
  const shown = await page.locator('a[href$="contest/2024-D-AS.html"]').evaluateAll((links) => links
    .filter((a) => a.checkVisibility())
    .map((a) => a.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.top >= 0 && r.bottom <= innerHeight).length);
  assert.ok(shown > 0, 'no link to American Samoa\'s 2024 Democratic result on the first screen at 320 x 568');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a tap on a tile opens its result', async () => {
  const page = await phone(320, 568);
  await page.goto(server.base + '?cycle=2024&party=D');
  await ready(page);
  await page.locator('#tile-AS').tap();
  await page.waitForFunction(() => location.pathname.endsWith('/contest/2024-D-AS.html'));
  await page.waitForSelector('article.detail');
  assert.match(await page.locator('#detail-title').innerText(), /^American Samoa: 2024 Democratic/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"Cancelled" on a tile is never cut, from 320 to 1920 px', async () => {
  const page = await newPage(browser, { width: 320, height: 900 });
  await page.goto(server.base + '?cycle=2024&party=D');
  await ready(page);
  const cut = [];
  for (let width = 320; width <= 1920; width += 40) {
    await page.setViewportSize({ width, height: 900 });
    const texts = await page.locator('.tiles .tile-text').evaluateAll((spans) => spans
      .filter((s) => s.checkVisibility())
      .map((s) => [s.closest('.tile').id, s.innerText, s.scrollWidth > s.clientWidth + 1
        || s.getBoundingClientRect().right > s.closest('.tile').getBoundingClientRect().right + 0.5]));
    for (const [id, text, over] of texts) if (over || /\u2026|\.\.\.$/.test(text)) cut.push(`${width}px ${id}: ${text}`);
    const delaware = await page.locator('#tile-DE .tile-text').evaluate((s) => (s.checkVisibility() ? s.innerText : ''));
    assert.ok(['Cancelled', ''].includes(delaware), `${width}px: Delaware's tile reads ${JSON.stringify(delaware)}`);
  }
  assert.deepEqual(cut, []);
  await page.context().close();
});

test('the "Arrow keys" hint shows where there is a fine pointer that hovers, not on a touch screen', async () => {
  const touch = await phone(375, 800);
  await touch.goto(server.base);
  await ready(touch);
  assert.doesNotMatch(await touch.locator('#map-help').innerText(), /Arrow keys/);
  await touch.context().close();
  const desktop = await newPage(browser, { width: 1280, height: 900 });
  await desktop.goto(server.base);
  await ready(desktop);
  assert.match(await desktop.locator('#map-help').innerText(), /Arrow keys/);
  await desktop.context().close();
});

test('375 px: a contest page shows its headline and result before the masthead, the tools and the count', async () => {
  for (const touch of [true, false]) {
    const page = touch ? await phone(375, 667) : await newPage(browser, { width: 375, height: 667 });
    await page.goto(server.base + 'contest/2024-D-AS.html');
    await ready(page);
    const top = (selector) => page.locator(selector).first().evaluate((e) => e.getBoundingClientRect().top);
    const [title, result, masthead] = [await top('#detail-title'), await top('.detail .result'), await top('.masthead')];
    assert.ok(title < masthead, `the headline at ${title}px, the masthead at ${masthead}px`);
    assert.ok(result < 667 - 20, `the result at ${result}px, past the first screen`);
    // The tools and the list's count come after the answer, or not at all.
    const before = await page.locator('button.embed-button, .filters-toggle, .status').evaluateAll((els, t) => els
      .filter((e) => e.checkVisibility({ visibilityProperty: true }) && e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().top < t)
      .map((e) => `${e.className}: ${e.innerText.trim().slice(0, 30)} at ${Math.round(e.getBoundingClientRect().top)}px`), title);
    assert.deepEqual(before, [], `above the headline (at ${title}px)`);
    // On the desktop the masthead stays on top.
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.ok(await top('.masthead') < await top('#detail-title'), 'at 1280 px the masthead comes first');
    await page.context().close();
  }
});
