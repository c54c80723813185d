// Browser-test harness: serves dist/ on loopback and drives the system Chromium (never a downloaded one).
import { createServer } from 'node:http';
import { readFile, stat, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.svg': 'image/svg+xml', '.txt': 'text/plain', '.png': 'image/png',
};

/**
 * Serves `dir` on 127.0.0.1 under `prefix` (to prove sub-path hosting). `routes` maps a path to
 * `{status, body, type, headers}` for test fixtures; `headers(path)` adds response headers (CSP).
 */
/** The headers `dir`/_headers asks hosts to send (the Content-Security-Policy), as an object. */
export async function distHeaders(dir = DIST) {
  const text = await readFile(join(dir, '_headers'), 'utf8').catch(() => '');
  const headers = {};
  for (const line of text.split('\n').filter((l) => /^\s+\S/.test(l))) {
    const [name, ...value] = line.trim().split(':');
    headers[name] = value.join(':').trim();
  }
  return headers;
}

export async function serve({ dir = DIST, prefix = '/', routes = {}, headers } = {}) {
  if (!headers) {
    const fromDist = await distHeaders();
    headers = () => fromDist;
  }
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const fixture = routes[url.pathname];
    if (fixture?.destroy) return req.socket.destroy();
    if (fixture) {
      res.writeHead(fixture.status ?? 200, { 'content-type': fixture.type ?? 'application/json', ...(fixture.headers ?? {}) });
      return res.end(fixture.body ?? '');
    }
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404); return res.end('not found'); }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(dir, rel));
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers(url.pathname) });
      res.end(body);
    } catch {
      // As static hosts do (GitHub Pages, Netlify, Cloudflare Pages): the site's own 404.html, if any.
      const notFound = await readFile(join(dir, '404.html')).catch(() => null);
      res.writeHead(404, notFound ? { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...headers(url.pathname) } : {});
      res.end(notFound ?? 'not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { base, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
  '--disable-sync', '--disable-quic',
];

/** Launches headless Chromium; Playwright gives it a fresh temporary --user-data-dir. */
export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/**
 * Chromium with the reader's default text size at `size` px (16 is the browser's own): the
 * preference a reader sets for larger text, written into a fresh profile. Returns a persistent
 * context; close it to end the browser.
 */
export async function launchWithText(size) {
  const profile = await mkdtemp(join(tmpdir(), 'tally-text-'));
  await mkdir(join(profile, 'Default'));
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: size } } }));
  return chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/**
 * A page at `width` that records console errors, page errors and CSP violations in `page.problems`.
 */
export async function newPage(browser, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => page.problems.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => { page.problems.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/** Clicks what starts a download and returns the downloaded file's text. */
export async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** Waits until the app has rendered the results the address asks for (the status line), or an error state. */
export async function ready(page) {
  // The static page shows results at once; the app marks <html data-tally="live"> once it runs it.
  await page.waitForSelector('html[data-tally="live"]', { timeout: 15000, state: 'attached' }).catch(() => {
    throw new Error(`the app did not take the page over within 15 s (${page.problems.join('; ') || 'no console errors'})`);
  });
  await page.waitForSelector('[role="status"].status, .error-state, .embed', { timeout: 15000 }).catch(() => {
    throw new Error(`the page did not render: no results, error state or embed after 15 s (${page.problems.join('; ') || 'no console errors'})`);
  });
  // The list renders a first screenful, then the rest a tick later (aria-busy meanwhile).
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 15000 });
  // An address of an older edition shows the front page's rows until that edition's files are in
  // (the status says "Loading the 2020 Democratic results…"): what the address asked for is its rows.
  await page.waitForFunction(() => !document.querySelector('.status')?.textContent.startsWith('Loading'), null, { timeout: 15000 }).catch(() => {
    throw new Error(`the edition the address asked for did not load within 15 s (${page.problems.join('; ') || 'no console errors'})`);
  });
}

/**
 * Clicks "Embed" and waits for the customizer. On a reader's page the button reloads the page
 * with `customize=1`, which loads the newsroom's build (the customizer is not in the reader's);
 * a page already on the newsroom's build (`?data=`) opens it in place.
 */
export async function openCustomizer(page) {
  await page.click('button.embed-button');
  await page.waitForSelector('.customizer', { timeout: 15000 });
  await ready(page);
}

/** The app builds a page fetched: `tally-*` (the reader's) or `newsroom-*`. */
export async function buildsLoaded(page) {
  const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  return [...new Set(names.map((n) => n.match(/\/(tally|newsroom)-[0-9a-f]+_bg\.wasm$/)?.[1]).filter(Boolean))];
}

/** A new page at `url`, once the app runs it (see `ready`). */
export async function openReady(browser, url, options) {
  const page = await newPage(browser, options);
  await page.goto(url);
  await ready(page);
  return page;
}

/** Runs axe-core in the page and returns its violations, described. */
export async function axe(page) {
  const source = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The bundled dataset's file name in dist/data/ (it carries a hash of its content), as the pages name it. */
export async function bundledName() {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const name = html.match(/data-dataset="?data\/(results\.[0-9a-f]+\.json)/)?.[1];
  if (!name) throw new Error('dist/index.html names no hashed dataset (data-dataset)');
  return name;
}

/** The bundled dataset with its details file read in, to check what the page shows against it. */
export async function dataset() {
  const read = async (name) => JSON.parse(await readFile(join(DIST, 'data', name), 'utf8'));
  const results = await read(await bundledName());
  const details = new Map((await read(results.details)).contests.map((d) => [d.id, d]));
  // Every edition in a file of its own (the front file's manifest), its details beside it.
  results.front = results.contests.length;
  for (const edition of results.editions ?? []) {
    const file = await read(edition.file);
    const folder = edition.file.replace(/[^/]*$/, '');
    for (const d of (await read(folder + file.details)).contests) details.set(d.id, d);
    results.contests.push(...file.contests);
    for (const n of file.nominations ?? []) {
      if (!results.nominations.some((m) => m.cycle === n.cycle && m.party === n.party)) results.nominations.push(n);
    }
  }
  for (const contest of results.contests) {
    // As the reader does: an absent id is the usual one.
    contest.id ??= `${contest.cycle}-${contest.party}-${contest.territory}`;
    contest.sources = details.get(contest.id)?.sources ?? [];
    contest.corrections = details.get(contest.id)?.corrections ?? [];
    // The delegate check in words, as the build computed it (absent for a newsroom's file);
    // whether it agrees (`rule_agrees`) is in the results file itself.
    contest.check = details.get(contest.id)?.check;
    contest.check_how = details.get(contest.id)?.check_how;
  }
  return results;
}
