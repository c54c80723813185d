// Tally's benchmark: prints a table and writes the same figures to target/bench/results.json.
// Not a test: nothing here passes or fails on a number. Usage: node tests/bench/bench.mjs <site> [--quick]
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, ROOT } from '../browser/harness.mjs';

const site = process.argv[2];
const quick = process.argv.includes('--quick');
const LOADS = quick ? 3 : 15;
const KEYSTROKES = quick ? 4 : 20;

const gzip = (b) => gzipSync(b, { level: 9 }).length;
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const ms = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

const results = { quick, transfer: {}, first_load: {}, paint: {}, latency: {}, memory: {} };

// 1. Transfer: every file of dist/, and what a first load actually fetches.
const dist = join(ROOT, 'dist');
console.log('\nTransfer (KB): every file of dist/');
console.log('file'.padEnd(44), 'raw'.padStart(8), 'gzip'.padStart(8), 'brotli'.padStart(8));
for (const path of (await files(dist)).sort()) {
  const body = await readFile(path);
  const row = { raw: body.length, gzip: gzip(body), brotli: brotli(body) };
  results.transfer[relative(dist, path)] = row;
  console.log(relative(dist, path).padEnd(44), kb(row.raw).padStart(8), kb(row.gzip).padStart(8), kb(row.brotli).padStart(8));
}

const server = await serve({ dir: site });
const browser = await launch();

async function coldPage(width = 1280, on = browser) {
  const context = await on.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on('crash', () => console.error('page crashed'));
  page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  return { context, page };
}

/** Render time of the results caption (Element Timing), in ms from navigation start. */
const resultsPaint = (page) => page.evaluate(() => new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entry = list.getEntries().find((e) => e.identifier === 'results');
    if (entry) resolve(entry.renderTime || entry.loadTime);
  }).observe({ type: 'element', buffered: true });
}));

// 2. First load: what it fetches, gzipped.
{
  const { context, page } = await coldPage();
  const fetched = [];
  page.on('response', async (r) => { try { fetched.push([new URL(r.url()).pathname, await r.body()]); } catch {} });
  await page.goto(server.base);
  await resultsPaint(page);
  await page.waitForTimeout(300);
  let raw = 0, gz = 0, br = 0;
  console.log('\nFirst load fetches');
  for (const [path, body] of fetched) {
    raw += body.length; gz += gzip(body); br += brotli(body);
    console.log(`  ${path.padEnd(42)} ${kb(body.length).padStart(8)} raw ${kb(gzip(body)).padStart(7)} gzip`);
  }
  results.first_load = { requests: fetched.length, raw, gzip: gz, brotli: br };
  console.log(`  total: ${fetched.length} requests, ${kb(raw)} KB raw, ${kb(gz)} KB gzip (${gz.toLocaleString("en-US")} bytes), ${kb(br)} KB brotli (budget: <= 150 KB gzip; goal: <= 120; KB = 1,024 bytes)`);
  await context.close();
}

// 3. First results paint, cold cache, Tally vs the script-free page, interleaved in one run.
{
  const samples = { tally: [], static: [] };
  for (let i = 0; i < LOADS; i++) {
    for (const [name, path] of [['tally', ''], ['static', 'static.html']]) {
      const { context, page } = await coldPage();
      await page.goto(server.base + path);
      samples[name].push(await resultsPaint(page));
      await context.close();
    }
  }
  console.log(`\nFirst results paint, cold cache, ${LOADS} loads each (ms)`);
  console.log('page'.padEnd(10), 'median'.padStart(9), 'min'.padStart(9), 'max'.padStart(9));
  for (const name of ['tally', 'static']) {
    const xs = samples[name];
    results.paint[name] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), samples: xs };
    console.log(name.padEnd(10), ms(median(xs)).padStart(9), ms(Math.min(...xs)).padStart(9), ms(Math.max(...xs)).padStart(9));
  }
  results.paint.ratio = results.paint.tally.median / results.paint.static.median;
  console.log(`ratio Tally / static: ${results.paint.ratio.toFixed(2)} (goal: <= 1.2)`);
}

// 4. Filter latency and wasm memory, on the real data and on synthetic datasets.
/** Times each step (a keystroke or a choice) from the event to the updated DOM. */
const measureInPage = (page, kind, selector, steps) => page.evaluate(async ({ kind, selector, steps }) => {
  const times = [];
  const input = document.querySelector(selector);
  for (const value of steps) {
    // The first DOM mutation marks the update; a keystroke that changes nothing on screen ends
    // when the app's render pass (microtasks) is over, which the next macrotask proves.
    let observer;
    const changed = Promise.race([
      new Promise((resolve) => {
        observer = new MutationObserver(() => resolve(performance.now()));
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      }),
      new Promise((resolve) => setTimeout(() => resolve(performance.now()), 0)),
    ]).finally(() => observer.disconnect());
    const start = performance.now();
    if (kind === 'type') {
      input.focus();
      input.value += value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: value, inputType: 'insertText' }));
    } else {
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
    times.push((await changed) - start);
    await new Promise((r) => setTimeout(r, 20));
  }
  return times;
}, { kind, selector, steps });

const datasets = [['real (172)', ''], ...(quick ? [['synthetic 1,000', '?data=synthetic-1000.json']] : [['synthetic 1,000', '?data=synthetic-1000.json'], ['synthetic 10,000', '?data=synthetic-10000.json']])];
console.log(`\nFilter latency, keystroke or choice to updated DOM (ms); wasm memory after load`);
console.log('dataset'.padEnd(18), 'input'.padEnd(18), 'median'.padStart(8), 'p95'.padStart(8), 'memory MB'.padStart(10));
for (const [name, search] of datasets) {
  const own = await launch();
  const { context, page } = await coldPage(1280, own);
  await page.goto(server.base + search);
  await page.waitForSelector('[role="status"].status', { timeout: 60000 });
  const memory = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? NaN);
  results.memory[name] = memory;
  const text = 'candidate a 1'.slice(0, KEYSTROKES);
  const runs = {
    'territory search': await measureInPage(page, 'type', '#territory-input', [...'northern mariana'.slice(0, KEYSTROKES)]),
    'text search': await measureInPage(page, 'type', '#filter-text', [...(search ? text : 'palmer')]),
    'party choice': await measureInPage(page, 'select', '#filter-party', Array.from({ length: KEYSTROKES }, (_, i) => ['D', 'R', ''][i % 3])),
  };
  results.latency[name] = {};
  for (const [input, xs] of Object.entries(runs)) {
    results.latency[name][input] = { median: median(xs), p95: pct(xs, 0.95), samples: xs };
    console.log(name.padEnd(18), input.padEnd(18), ms(median(xs)).padStart(8), ms(pct(xs, 0.95)).padStart(8), (input === 'territory search' ? (memory / 1048576).toFixed(1) : '').padStart(10));
  }
  await context.close();
  await own.close();
}
console.log('goals: keystroke-to-DOM <= 8 ms on the real data, <= 50 ms at 10,000 contests');

await browser.close();
await server.close();
const out = join(ROOT, 'target', 'bench', 'results.json');
await writeFile(out, JSON.stringify(results, null, 2));
console.log(`\nfigures written to ${relative(ROOT, out)}`);
