// Embeds: heights in a news article, the Pym/AMP/Datawrapper/Medium messages, links, accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, newPage, ready, axe, openCustomizer, buildsLoaded, ROOT } from './harness.mjs';

const PYM_PARENT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pym-style parent</title><link rel="icon" href="favicon.svg"></head><body>
<p>Parent page</p><div id="box"></div>
<script src="pym-parent.js"></script></body></html>`;
// Records every message from the child; applies Pym heights; asks with a Pym width message.
const PYM_SCRIPT = `
window.received = [];
const frame = document.createElement('iframe');
frame.title = 'Tally embed'; frame.setAttribute('scrolling', 'no'); frame.style.border = '0'; frame.style.width = '100%';
frame.src = location.pathname.replace(/pym-parent\\.html$/, '') + '?embed=1&contest=2024-D-AS&embedId=tally-as&childId=pymtest&initialWidth=600&parentTitle=T&parentUrl=' + encodeURIComponent(location.href) + '#top';
window.addEventListener('message', (e) => {
  window.received.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data));
  const m = typeof e.data === 'string' && e.data.match(/^pymxPYMxpymtestxPYMxheightxPYMx(\\d+)$/);
  if (m) frame.style.height = m[1] + 'px';
});
window.askWidth = () => frame.contentWindow.postMessage('pymxPYMxpymtestxPYMxwidthxPYMx600', '*');
document.getElementById('box').appendChild(frame);
`;

let server, browser;
// Fixture pages, read at each request: a test may add its own.
const routes = {
  '/graphics/tally/pym-parent.html': { body: PYM_PARENT, type: 'text/html' },
  '/graphics/tally/pym-parent.js': { body: PYM_SCRIPT, type: 'text/javascript' },
};
before(async () => {
  // A sub-path, as a newsroom's CDN would host it: relative asset URLs must hold.
  server = await serve({ prefix: '/graphics/tally/', routes });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Iframe height vs its content's own height, once both have settled. */
async function heights(page, selector) {
  const frame = await (await page.$(selector)).contentFrame();
  await frame.waitForSelector('.embed .credit');
  let last = null;
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(async (sel) => {
      const iframe = document.querySelector(sel);
      const content = iframe.contentDocument.documentElement.getBoundingClientRect().height;
      return { iframe: iframe.getBoundingClientRect().height, content };
    }, selector);
    if (last && Math.abs(now.iframe - now.content) <= 2 && now.iframe === last.iframe) return now;
    last = now;
    await page.waitForTimeout(100);
  }
  return last;
}

for (const width of [320, 800]) {
  test(`demo article at ${width}px: each iframe is exactly as tall as its content, also after a change`, async () => {
    const page = await newPage(browser, { width, height: 800 });
    await page.goto(server.base + 'demo/article.html');
    for (const selector of ['#card', '#list']) {
      await page.locator(selector).scrollIntoViewIfNeeded();
      const h = await heights(page, selector);
      assert.ok(Math.abs(h.iframe - h.content) <= 2, `${selector} at ${width}px: iframe ${h.iframe}px, content ${h.content}px`);
      assert.ok(h.content > 150, `${selector} has real content`);
    }
    // The change: the card's folded arithmetic ("How this is worked out") opened.
    const card = await (await page.$('#card')).contentFrame();
    await page.locator('#card').scrollIntoViewIfNeeded();
    const before = (await heights(page, '#card')).iframe;
    await card.click('details.working > summary');
    const after = await heights(page, '#card');
    assert.ok(after.iframe > before, `opening the arithmetic grows the iframe (${before} -> ${after.iframe})`);
    assert.ok(Math.abs(after.iframe - after.content) <= 2, `after the change: iframe ${after.iframe}px, content ${after.content}px`);
    assert.deepEqual(page.problems, []);
  });
}

test('a Pym-style parent gets the height, and again when it sends its width; all four dialects are spoken', async () => {
  const page = await newPage(browser, { width: 700 });
  await page.goto(server.base + 'pym-parent.html');
  const frame = await (await page.$('iframe')).contentFrame();
  await frame.waitForSelector('.embed .credit');
  await page.waitForFunction(() => window.received.some((m) => m.startsWith('pymxPYMxpymtestxPYMxheightxPYMx')));
  await page.waitForTimeout(300);
  const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  const pym = () => page.evaluate(() => window.received.filter((m) => m.startsWith('pymxPYMx')));
  const sent = await pym();
  const last = Number(sent.at(-1).split('xPYMx').at(-1));
  assert.ok(Math.abs(last - content) <= 2, `Pym height ${last} vs content ${content}`);
  await page.evaluate(() => window.askWidth());
  await page.waitForFunction((n) => window.received.filter((m) => m.startsWith('pymxPYMx')).length > n, sent.length);
  const all = await page.evaluate(() => window.received);
  assert.ok(all.some((m) => m.includes('"sentinel":"amp"') && m.includes('"type":"embed-size"')), 'AMP embed-size');
  assert.ok(all.some((m) => m.includes('"datawrapper-height":{"tally-as":')), 'Datawrapper height keyed by the embed id');
  assert.ok(all.some((m) => m.includes('"context":"iframe.resize"') && m.includes('"src":"http')), 'Medium/Embedly iframe.resize');
  const heightsSent = sent.map((m) => m.split('xPYMx').at(-1));
  assert.ok(heightsSent.every((h, i) => i === 0 || h !== heightsSent[i - 1]), 'heights are sent only when they change');
  assert.deepEqual(page.problems, []);
});

test('embed links open a new tab; the full-results link keeps the filters; axe finds nothing', async () => {
  for (const path of ['?embed=1&contest=2024-D-AS', '?embed=1&territory=AS,GU&cycle=2024&party=D', '?embed=1&contest=2024-D-AS&theme=dark&plain=1']) {
    const page = await newPage(browser, { width: 400 });
    await page.goto(server.base + path);
    await ready(page);
    await page.waitForSelector('.embed .credit');
    const links = await page.$$eval('a', (as) => as.map((a) => ({ href: a.href, target: a.target, text: a.textContent })));
    assert.ok(links.length > 0);
    for (const link of links) assert.equal(link.target, '_blank', `${path}: ${link.text} opens a new tab`);
    const full = links.find((l) => l.text === 'Full results');
    assert.ok(full && !full.href.includes('embed=1') && full.href.includes('/graphics/tally/'), `${path}: full results ${full?.href}`);
    assert.equal(await page.locator('header.masthead, form.filters').count(), 0, 'no page chrome');
    if (path.includes('plain=1')) {
      const title = await page.locator('.detail > h1').evaluate((h) => [h.getBoundingClientRect().width, h.textContent]);
      assert.ok(title[0] <= 1 && title[1].includes('American Samoa'), `${path}: the title is for screen readers only`);
    }
    assert.deepEqual(await axe(page), [], path);
    assert.deepEqual(page.problems, []);
  }
});

test('the Embed button opens a customizer with a live preview and titled, lazy snippets', async () => {
  const page = await newPage(browser, { width: 1000 });
  await page.goto(server.base + '?contest=2024-D-AS');
  await ready(page);
  assert.deepEqual(await buildsLoaded(page), ['tally'], "a reader's page loads the reader's build only");
  await openCustomizer(page);
  assert.deepEqual(await buildsLoaded(page), ['newsroom'], "the customizer comes with the newsroom's build");
  assert.equal(new URL(page.url()).pathname.endsWith('/contest/2024-D-AS.html'), true, 'the same contest');
  assert.ok(!page.url().includes('customize'), 'the request is not left in the address');
  const preview = page.locator('iframe.preview');
  // A contest's embed is its static card: no wasm.
  assert.match(await preview.getAttribute('src'), /\/embed\/2024-D-AS\.html$/);
  const frame = await (await preview.elementHandle()).contentFrame();
  await frame.waitForSelector('.embed .credit');
  for (const id of ['#snippet-iframe', '#snippet-pym']) {
    const code = await page.inputValue(id);
    assert.match(code, /title[=:] ?"Tally: American Samoa, 2024 Democratic caucus results"/, `${id} has a title`);
    assert.match(code, /embed\/2024-D-AS\.html/);
  }
  assert.match(await page.inputValue('#snippet-iframe'), /loading="lazy"/);
  assert.match(await page.inputValue('#snippet-iframe'), /tally-embed\.js/);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.problems, []);
});

test('the embed fits from 280px to 800px wide without sideways scrolling', async () => {
  for (const width of [280, 800]) {
    for (const path of ['?embed=1&contest=2024-D-AS', '?embed=1&contest=2020-D-IA', '?embed=1&territory=AS,GU,MP,PR,VI&cycle=2024']) {
      const page = await newPage(browser, { width, height: 600 });
      await page.goto(server.base + path);
      await page.waitForSelector('.embed .credit');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} at ${width}px scrolls sideways by ${overflow}px`);
      assert.deepEqual(page.problems, []);
    }
  }
});

/** Waits until an iframe's height matches its content's (the child's real height) and holds. */
async function settled(page, selector) {
  const frame = await (await page.$(selector)).contentFrame();
  await frame.waitForSelector('.embed');
  const measure = () => page.evaluate((sel) => {
    const iframe = document.querySelector(sel);
    return { iframe: iframe.getBoundingClientRect().height, content: iframe.contentDocument.documentElement.getBoundingClientRect().height };
  }, selector);
  for (let i = 0; i < 50; i++) {
    const h = await measure();
    if (Math.abs(h.iframe - h.content) <= 2) return h;
    await page.waitForTimeout(100);
  }
  return measure();
}

const LATE_ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Late parent script</title><link rel="icon" href="favicon.svg"><style>iframe { border: 0; display: block }</style></head><body>
<p>An article whose frames load before Tally's parent script.</p>
<iframe data-tally id="card" src="embed/2024-D-AS.html" title="Tally card" width="100%" height="480" scrolling="no"></iframe>
<iframe data-tally id="list" src="./?embed=1&amp;territory=AS,GU,MP,PR,VI&amp;cycle=2024" title="Tally list" width="100%" height="480" scrolling="no"></iframe>
<iframe data-tally id="absent" src="./?embed=1&amp;contest=2024-D-ZZ" title="Tally absent" width="100%" height="480" scrolling="no"></iframe>
</body></html>`;

test('frames that load before the async parent script still end at their real height: the parent asks', async () => {
  routes['/graphics/tally/late-article.html'] = { body: LATE_ARTICLE, type: 'text/html' };
  const page = await newPage(browser, { width: 700, height: 900 });
  await page.goto(server.base + 'late-article.html');
  for (const selector of ['#card', '#list', '#absent']) {
    const frame = await (await page.$(selector)).contentFrame();
    await frame.waitForSelector(selector === '#absent' ? '.embed .empty' : '.embed .credit');
  }
  // Every frame has sent its height by now, to a page with no one listening.
  await page.waitForTimeout(500);
  const before = await page.$eval('#card', (f) => f.getBoundingClientRect().height);
  assert.equal(before, 480, 'nothing has set the height yet');
  await page.addScriptTag({ url: 'tally-embed.js' });
  for (const selector of ['#card', '#list', '#absent']) {
    const h = await settled(page, selector);
    assert.ok(Math.abs(h.iframe - h.content) <= 2, `${selector}: iframe ${h.iframe}px, content ${h.content}px`);
  }
  const absent = await settled(page, '#absent');
  assert.ok(absent.iframe < 150, `the one-line embed is one line tall (${absent.iframe}px)`);
  assert.deepEqual(page.problems, []);
});

test('an embed naming a contest the results lack is one line with the id, not the whole explorer', async () => {
  const page = await newPage(browser, { width: 600 });
  await page.goto(server.base + '?embed=1&contest=2024-D-ZZ');
  await ready(page);
  assert.equal((await page.locator('.embed').innerText()).trim(), 'No contest \u201c2024-D-ZZ\u201d in these results.');
  assert.equal(await page.locator('.embed table, .embed .board, .embed .tile-map, .notice').count(), 0, 'no list, no map, no notice');
  assert.deepEqual(page.problems, []);
});

test('heights from messages are clamped; what is not a number is ignored', async () => {
  const page = await newPage(browser, { width: 800, height: 800 });
  await page.goto(server.base + 'demo/article.html');
  await page.locator('#card').scrollIntoViewIfNeeded();
  const real = (await heights(page, '#card')).iframe;
  const frame = await (await page.$('#card')).contentFrame();
  const say = async (height) => {
    await frame.evaluate((h) => parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*'), height);
    await page.waitForTimeout(150);
    return page.$eval('#card', (f) => f.getBoundingClientRect().height);
  };
  const tallest = await say(1e9);
  assert.ok(tallest <= 40000, `a billion pixels is clamped (${tallest}px)`);
  assert.equal(await say('300'), tallest, 'a string is ignored');
  assert.equal(await say(null), tallest, 'null is ignored');
  assert.equal(await say(Number.NaN), tallest, 'NaN is ignored');
  const lowest = await say(-500);
  assert.ok(lowest >= 32 && lowest < 100, `a negative height is clamped up (${lowest}px)`);
  // Asked again, the child restores its real height.
  await page.$eval('#card', (f) => f.contentWindow.postMessage('tally:height?', '*'));
  await page.waitForFunction((h) => Math.abs(document.querySelector('#card').getBoundingClientRect().height - h) <= 2, real);
  assert.deepEqual(page.problems, []);
});

test('two list embeds in one article: each Pym snippet has its own container, and each gets its own frame', async () => {
  const snippets = [];
  for (const view of ['?cycle=2024&party=D', '?territory=AS,GU,MP,PR,VI&cycle=2024']) {
    const page = await newPage(browser, { width: 1000 });
    await page.goto(server.base + view);
    await ready(page);
    await openCustomizer(page);
    snippets.push(await page.inputValue('#snippet-pym'));
    assert.deepEqual(page.problems, []);
  }
  const ids = snippets.map((s) => s.match(/^<div id="([^"]+)"><\/div>/)?.[1]);
  assert.ok(ids.every((id) => /^tally-list-[0-9a-f]{8}$/.test(id)), `ids: ${ids}`);
  assert.notEqual(ids[0], ids[1], 'two list embeds, two ids');
  const pym = await readFile(join(ROOT, 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js'), 'utf8');
  routes['/graphics/tally/pym.v1.min.js'] = { body: pym, type: 'text/javascript' };
  const local = (s) => s.replace('https://pym.nprapps.org/pym.v1.min.js', 'pym.v1.min.js').replace('<script src="pym.v1.min.js"></script>', '');
  routes['/graphics/tally/two-lists.html'] = {
    type: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two lists</title><link rel="icon" href="favicon.svg"><script src="pym.v1.min.js"></script></head><body>
<h1>Two lists</h1>${local(snippets[0])}<p>Between the lists.</p>${local(snippets[1])}</body></html>`,
  };
  const page = await newPage(browser, { width: 800 });
  await page.goto(server.base + 'two-lists.html');
  for (const [i, id] of ids.entries()) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForSelector(`#${id} iframe`);
    assert.equal(await page.locator(`#${id} iframe`).count(), 1, `${id} holds one frame`);
    const src = await page.locator(`#${id} iframe`).getAttribute('src');
    assert.ok(src.includes(i === 0 ? 'party=D' : 'territory=AS,GU,MP,PR,VI'), `${id} shows its own view: ${src}`);
  }
  assert.deepEqual(page.problems, []);
});
