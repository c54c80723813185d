// Tally's benchmark: prints a table and writes the same figures to target/bench/results.json.
// Not a test: nothing here passes or fails on a number (the size budgets are xtask/src/budget.rs).
// Usage: node tests/bench/bench.mjs <site> [--quick], where <site> is dist/ plus what
// xtask/src/bench.rs adds: script-free copies of two pages and synthetic datasets.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, extname, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { serve, launch, ROOT } from '../browser/harness.mjs';

const site = resolve(process.argv[2] ?? join(ROOT, 'dist'));
const quick = process.argv.includes('--quick');
const LOADS = quick ? 3 : 11;
const KEYSTROKES = quick ? 4 : 20;
const SETTLE_MS = 500;

/** Lighthouse's mobile profile (150 ms round trip, 1.6 Mbps down, 750 Kbps up, 4x CPU slowdown). */
const PROFILES = {
  loopback: null,
  mobile: { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, cpu: 4 },
};
/** The pages loaded cold; `results` is the element whose arrival in the DOM makes a paint a results paint. */
const FRONT = '[elementtiming=results]';
const DETAIL = '.detail .result';
const PAGES = {
  front: { path: '', results: FRONT, takeover: true },
  'front, script-free': { path: 'static.html', results: FRONT },
  contest: { path: 'contest/2024-D-AS.html', results: DETAIL, takeover: true },
  'contest, script-free': { path: 'contest/2024-D-AS.static.html', results: DETAIL },
  'card embed': { path: 'embed/2024-D-AS.html', results: DETAIL },
};
/** What xtask/src/bench.rs adds to dist/: served, but no part of Tally's transfer. */
const benchOnly = (name) => /(^|\/)([^/]*\.static\.html|static\.html|synthetic-\d+\.json|every-edition\.json|bench-rules\.json)$/.test(name);

const gzip = (b) => gzipSync(b, { level: 9 });
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (Number.isFinite(n) ? (n / 1024).toFixed(1) : 'n/a');
const median = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const ms = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/** Every file under the site, by its path relative to the site. */
async function files() {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(site, join(e.parentPath ?? e.path, e.name))).sort();
}

const results = { quick, loads: LOADS, profiles: {}, table: [], transfer: {}, first_load: {}, takeover: {}, latency: {}, memory: {} };

// 1. Transfer: every file of dist/; the prerendered pages (and link previews) of one kind on one line each.
console.log('\nTransfer (KB): every file of dist/ (KB = 1,024 bytes)');
console.log('file'.padEnd(44), 'raw'.padStart(8), 'gzip'.padStart(8), 'brotli'.padStart(8));
const groups = new Map();
for (const name of (await files()).filter((n) => !benchOnly(n))) {
  const body = await readFile(join(site, name));
  const row = { raw: body.length, gzip: gzip(body).length, brotli: brotli(body) };
  results.transfer[name] = row;
  const group = name.match(/^(contest|territory|embed|preview)\//)?.[1];
  if (group) groups.set(group, [...(groups.get(group) ?? []), row]);
  else console.log(name.padEnd(44), kb(row.raw).padStart(8), kb(row.gzip).padStart(8), kb(row.brotli).padStart(8));
}
for (const [group, rows] of groups) {
  for (const [what, pick] of [['median', median], ['largest', (xs) => Math.max(...xs)]]) {
    const label = `${group}/*.${group === 'preview' ? 'png' : 'html'}, ${what} of ${rows.length}`;
    console.log(label.padEnd(44), ...['raw', 'gzip', 'brotli'].map((k) => kb(pick(rows.map((r) => r[k]))).padStart(8)));
  }
}

// Served like a CDN: gzip for text and wasm, the policy from dist/_headers, no caching between loads.
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain',
};
const policy = {};
{
  const text = await readFile(join(site, '_headers'), 'utf8').catch(() => '');
  for (const line of (text.split(/^\S.*$/m)[1] ?? '').split('\n').filter((l) => /^\s+\S/.test(l))) {
    const [name, ...value] = line.trim().split(':');
    policy[name] = value.join(':').trim();
  }
}
const routes = {};
for (const name of await files()) {
  const ext = extname(name);
  const body = await readFile(join(site, name));
  const compress = ['.html', '.js', '.wasm', '.css', '.json', '.svg'].includes(ext);
  const route = {
    type: TYPES[ext] ?? 'application/octet-stream',
    body: compress ? gzip(body) : body,
    headers: { ...policy, 'cache-control': 'no-store', ...(compress ? { 'content-encoding': 'gzip' } : {}) },
  };
  routes[`/${name}`] = route;
  if (`/${name}`.endsWith('/index.html')) routes[`/${name}`.slice(0, -'index.html'.length)] = route;
}
const server = await serve({ dir: site, routes });
const browser = await launch();

/**
 * Installed before any page script: the paint entries, when the results reach the DOM, layout
 * shifts and the takeover's moment. Element Timing alone misses the static page's paint: the
 * entry is reported in a task after the paint, and by then the takeover has often replaced the
 * caption it was for, so Chromium drops it; First Contentful Paint is kept.
 */
function observe({ results, settleMs }) {
  const t = (window.__bench = { shifts: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === 'results') t.element = Math.min(t.element ?? Infinity, e.renderTime || e.loadTime);
  }).observe({ type: 'element', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') t.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) t.shifts.push([e.startTime, e.value]);
  }).observe({ type: 'layout-shift', buffered: true });
  t.settled = new Promise((settle) => {
    new MutationObserver(() => {
      if (t.results === undefined && results && document.querySelector(results)) t.results = performance.now();
      if (t.live === undefined && document.documentElement?.dataset.tally === 'live') {
        t.live = performance.now();
        setTimeout(settle, settleMs);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-tally'] });
    addEventListener('load', () => setTimeout(() => { if (!document.querySelector('script[type=module]')) settle(); }, settleMs));
  });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
}

/** A fresh context and page under `profile`, with the network watched through the DevTools protocol. */
async function coldPage(profile, { on = browser, results } = {}) {
  const context = await on.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('crash', () => console.error('page crashed'));
  page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
  await page.addInitScript(observe, { results, settleMs: SETTLE_MS });
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, chunks: [] }));
  cdp.on('Network.responseReceived', (e) => Object.assign(requests.get(e.requestId) ?? {}, { type: e.type, response: e.timestamp, headers: e.response.encodedDataLength, timing: e.response.timing }));
  cdp.on('Network.dataReceived', (e) => requests.get(e.requestId)?.chunks.push([e.timestamp, e.encodedDataLength]));
  cdp.on('Network.loadingFinished', (e) => Object.assign(requests.get(e.requestId) ?? {}, { end: e.timestamp, bytes: e.encodedDataLength }));
  await cdp.send('Network.enable');
  if (profile) {
    const { latency, downloadThroughput, uploadThroughput, cpu } = profile;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput, uploadThroughput });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  return { context, page, requests };
}

/**
 * One cold load: paint times (ms from navigation start), the takeover's moment, its layout shift,
 * and every request's encoded bytes (headers included), in page time. The results paint is the
 * first contentful paint if the results were in the DOM by then, else their Element Timing entry.
 */
async function coldLoad(profile, { path, results, takeover }) {
  const { context, page, requests } = await coldPage(profile, { results });
  try {
    await page.goto(server.base + path, { timeout: 120000 });
    const t = await page.evaluate(async ({ takeover, settleMs }) => {
      await Promise.race([window.__bench.settled, new Promise((r) => setTimeout(r, takeover ? 60000 : 5000))]);
      const { element, fcp, results, live, shifts } = window.__bench;
      const until = (live ?? performance.now()) + settleMs;
      const cls = shifts.filter(([at]) => at <= until).reduce((sum, [, v]) => sum + v, 0);
      return { element, fcp, results, live, cls, requestStart: performance.getEntriesByType('navigation')[0].requestStart };
    }, { takeover: !!takeover, settleMs: SETTLE_MS });
    // The protocol's clock, in seconds, put on the page's: the document's request was sent at
    // its timing.requestTime + sendStart, which the page calls requestStart.
    const doc = [...requests.values()].find((r) => r.type === 'Document');
    const offset = doc.timing.requestTime * 1000 + doc.timing.sendStart - t.requestStart;
    const at = (seconds) => seconds * 1000 - offset;
    const atFcp = t.results !== undefined && t.results <= t.fcp;
    const first = atFcp ? t.fcp : t.element ?? NaN;
    const by = (r, time) => (r.end !== undefined && at(r.end) <= time ? r.bytes
      : (r.response !== undefined && at(r.response) <= time ? r.headers : 0) + r.chunks.filter(([s]) => at(s) <= time).reduce((n, [, b]) => n + b, 0));
    // Bytes before the paint: the page itself, and every request finished by then.
    const fetched = [...requests.values()].filter((r) => r.url.startsWith('http')).map((r) => {
      const bytes = r.bytes ?? by(r, Infinity);
      const end = r.end === undefined ? NaN : at(r.end);
      return { path: new URL(r.url).pathname.slice(1) || 'index.html', bytes, end, before_paint: r === doc || end <= first ? bytes : 0, received_by_paint: by(r, first) };
    });
    const sum = (key) => fetched.reduce((n, r) => n + r[key], 0);
    return {
      paint: first, results_in_dom_at_fcp: atFcp, element: t.element, fcp: t.fcp, live: t.live, cls: takeover ? t.cls : NaN,
      before_paint: sum('before_paint'), received_by_paint: sum('received_by_paint'), all: sum('bytes'), fetched,
    };
  } finally {
    await context.close();
  }
}

// 2. Cold loads, each page in turn within each round so a slow moment hits them all alike.
for (const [profile, conditions] of Object.entries(PROFILES)) {
  const loads = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]));
  for (let i = 0; i < LOADS; i++) {
    for (const [name, spec] of Object.entries(PAGES)) loads[name].push(await coldLoad(conditions, spec));
  }
  const figures = {};
  for (const [name, xs] of Object.entries(loads)) {
    const of = (key) => xs.map((x) => x[key]);
    figures[name] = {
      paint: median(of('paint')), fcp: median(of('fcp')), element: median(of('element')), live: median(of('live')),
      cls_worst: Math.max(...of('cls')), before_paint: median(of('before_paint')), received_by_paint: median(of('received_by_paint')),
      all: median(of('all')), results_in_dom_at_fcp: of('results_in_dom_at_fcp').filter(Boolean).length,
      samples: xs.map(({ fetched, ...x }) => x),
    };
  }
  results.profiles[profile] = { conditions, pages: figures };
  results.first_load[profile] = { front: loads.front.at(-1), contest: loads.contest.at(-1) };
}

// What the interactive pages fetch, in order, from their last load on the mobile profile.
for (const name of ['front', 'contest']) {
  const { paint, live, fetched } = results.first_load.mobile[name];
  console.log(`\n${name} page, last cold load on the mobile profile: encoded bytes (headers included); results paint at ${ms(paint)} ms, takeover at ${ms(live)} ms`);
  for (const r of fetched) {
    console.log(`  ${r.path.padEnd(42)} ${kb(r.bytes).padStart(7)} KB  done at ${ms(r.end).padStart(9)} ms${r.before_paint ? '  (counted before the paint)' : ''}`);
  }
}

// What a reader's first load of each edition costs: the front page opened on it (?cycle=&party=),
// cold on loopback, every request until the network is idle. The front file names the others.
{
  const front = JSON.parse(await readFile(join(site, (await files()).find((n) => /^data\/results\.[0-9a-f]+\.json$/.test(n)))));
  const editions = [
    ...[...new Set(front.contests.map((c) => `${c.cycle} ${c.party}`))].map((k) => {
      const [cycle, party] = k.split(' ');
      return { cycle: Number(cycle), party, file: null, contests: front.contests.filter((c) => `${c.cycle} ${c.party}` === k).length };
    }),
    ...front.editions,
  ];
  console.log('\nFirst load per edition: the front page opened on it, cold, loopback, all encoded bytes (headers included);');
  console.log('its own files: its results and the sources and corrections fetched with them');
  console.log('edition'.padEnd(10), 'contests'.padStart(9), 'first load'.padStart(11), 'its own files'.padStart(14));
  results.editions = {};
  for (const { cycle, party, file, contests } of editions) {
    const { context, page, requests } = await coldPage(null);
    await page.goto(`${server.base}?cycle=${cycle}&party=${party}`, { timeout: 120000 });
    await page.waitForSelector('html[data-tally="live"]', { state: 'attached', timeout: 120000 });
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 120000 });
    const fetched = [...requests.values()].filter((r) => r.url.startsWith('http'));
    const all = fetched.reduce((n, r) => n + (r.bytes ?? 0), 0);
    // Its own files: the results, and the sources and corrections fetched with them.
    const own = fetched.filter((r) => r.url.includes(`/data/editions/${cycle}-${party}.`)).reduce((n, r) => n + (r.bytes ?? 0), 0);
    results.editions[`${cycle} ${party}`] = { contests, all, own };
    const ownCell = file ? `${kb(own)} KB` : 'front file';
    console.log(`${cycle} ${party}`.padEnd(10), String(contests).padStart(9), `${kb(all)} KB`.padStart(11), ownCell.padStart(14));
    await context.close();
  }
}

// 3. Filter latency and wasm memory, once the app has taken the page over.
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

const datasets = [
  ['front file', '', 'loopback'], ['front file', '', 'mobile'],
  // Every edition, 2008 to 2024, loaded at once (cargo xtask bench writes it from data/*.csv).
  ['every edition', '?data=every-edition.json', 'loopback', 'clinton'],
  // The same, as a reader gets it: the front file, then each edition's own file (issue 20).
  ['all years', '?cycle=all', 'loopback', 'clinton'],
  ['synthetic 1,000', '?data=synthetic-1000.json', 'loopback'],
  // In the quick run too: the test command prints the 10,000-contest figures (goal <= 50 ms).
  ['synthetic 10,000', '?data=synthetic-10000.json', 'loopback'],
];
console.log(`\nFilter latency, keystroke or choice to updated DOM (ms), after the takeover; wasm memory after load`);
console.log('dataset'.padEnd(18), 'profile'.padEnd(9), 'input'.padEnd(18), 'median'.padStart(8), 'p95'.padStart(8), 'memory MB'.padStart(10));
for (const [name, search, profile, typed] of datasets) {
  const own = await launch();
  const { context, page } = await coldPage(PROFILES[profile], { on: own });
  await page.goto(server.base + search, { timeout: 120000 });
  await page.waitForSelector('html[data-tally="live"]', { state: 'attached', timeout: 120000 });
  await page.waitForSelector('[role="status"].status', { timeout: 120000 });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 120000 });
  // The wasm's exports have one-letter names (glue.rs shortens them): find the memory by its type.
  const memory = await page.evaluate(() => Object.values(window.__wasm ?? {}).find((v) => v instanceof WebAssembly.Memory)?.buffer?.byteLength ?? NaN);
  if (profile === 'loopback') results.memory[name] = memory;
  const text = 'candidate a 1'.slice(0, KEYSTROKES);
  const runs = {
    'territory search': await measureInPage(page, 'type', '#territory-input', [...'northern mariana'.slice(0, KEYSTROKES)]),
    'text search': await measureInPage(page, 'type', '#filter-text', [...(typed ?? (search ? text : 'palmer'))]),
    'party choice': await measureInPage(page, 'select', '#filter-party', Array.from({ length: KEYSTROKES }, (_, i) => ['D', 'R', ''][i % 3])),
  };
  const key = profile === 'loopback' ? name : `${name}, ${profile}`;
  results.latency[key] = {};
  for (const [input, xs] of Object.entries(runs)) {
    results.latency[key][input] = { median: median(xs), p95: pct(xs, 0.95), samples: xs };
    const mb = input === 'territory search' && profile === 'loopback' ? (memory / 1048576).toFixed(1) : '';
    console.log(name.padEnd(18), profile.padEnd(9), input.padEnd(18), ms(median(xs)).padStart(8), ms(pct(xs, 0.95)).padStart(8), mb.padStart(10));
  }
  await context.close();
  await own.close();
}
console.log('goals: keystroke-to-DOM <= 8 ms on the real data (loopback), <= 50 ms at 10,000 contests');

// The delegate check, live: the newsroom's build reading a file whose contests carry their rules
// (bench-rules.json, the bundled data with data/allocation.csv's rules: xtask/src/bench.rs) checks
// every contest against its rule, its words written; timed in the page through the build's
// `time_rule_checks` (src/ui/bench.rs), the median of several runs.
{
  const own = await launch();
  const { context, page } = await coldPage(null, { on: own });
  await page.goto(server.base + '?data=bench-rules.json', { timeout: 120000 });
  await page.waitForSelector('html[data-tally="live"]', { state: 'attached', timeout: 120000 });
  const timing = await page.evaluate(async () => {
    const glue = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /\/newsroom-[0-9a-f]+\.js$/.test(n));
    // glue.rs shortens the names the glue and the wasm share, this export's too: it is the
    // module's one function export besides init.
    const module = await import(glue);
    const time_rule_checks = Object.entries(module).find(([name, f]) => typeof f === 'function' && !['default', 'initSync'].includes(name))[1];
    const build = { time_rule_checks };
    const file = await (await fetch('bench-rules.json')).text();
    const contests = JSON.parse(file).contests.length;
    build.time_rule_checks(file, 5); // warm
    const runs = Array.from({ length: 15 }, () => build.time_rule_checks(file, 10));
    return { contests, runs };
  });
  const check = median(timing.runs);
  results.rule_check = { contests: timing.contests, median_ms: check, runs_ms: timing.runs };
  console.log(`\nDelegate check in the browser (newsroom build, loopback): all ${timing.contests} contests checked against their rules in ${ms(check)} ms (median of ${timing.runs.length} runs of 10; goal < 5 ms)`);
  await context.close();
  await own.close();
}

await browser.close();
await server.close();

// 4. The figures of issue #10, side by side.
const at = (profile) => results.profiles[profile].pages;
const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}x` : 'n/a');
const msCell = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
const kbCell = (x) => (Number.isFinite(x) ? `${kb(x)} KB` : 'n/a');
const rows = [
  ['first results paint, front page (FCP)', (p) => msCell(at(p).front.paint), 'printed'],
  ['  script-free front page (FCP)', (p) => msCell(at(p)['front, script-free'].paint), 'printed'],
  ['  front / script-free', (p) => ratio(at(p).front.paint, at(p)['front, script-free'].paint), '<= 1.05x'],
  ['first results paint, contest page (FCP)', (p) => msCell(at(p).contest.paint), 'printed'],
  ['  script-free contest page (FCP)', (p) => msCell(at(p)['contest, script-free'].paint), 'printed'],
  ['  contest / script-free', (p) => ratio(at(p).contest.paint, at(p)['contest, script-free'].paint), '<= 1.05x'],
  ['bytes before the results paint, front page', (p) => kbCell(at(p).front.before_paint), '<= 30 KB'],
  ['bytes before the results paint, contest page', (p) => kbCell(at(p).contest.before_paint), '<= 30 KB'],
  ['filters respond (takeover done), front page', (p) => `${msCell(at(p).front.live)} (${ratio(at(p).front.live, at(p)['front, script-free'].paint)})`, 'printed'],
  ['filters respond (takeover done), contest page', (p) => `${msCell(at(p).contest.live)} (${ratio(at(p).contest.live, at(p)['contest, script-free'].paint)})`, 'printed'],
  [`layout shift to takeover + ${SETTLE_MS} ms, front (worst)`, (p) => at(p).front.cls_worst.toFixed(4), 'CLS 0'],
  [`layout shift to takeover + ${SETTLE_MS} ms, contest (worst)`, (p) => at(p).contest.cls_worst.toFixed(4), 'CLS 0'],
  ['card embed, all bytes', (p) => kbCell(at(p)['card embed'].all), '<= 15 KB'],
  ['card embed, first paint (FCP)', (p) => msCell(at(p)['card embed'].paint), 'printed'],
  [`front page, all bytes to takeover + ${SETTLE_MS} ms`, (p) => kbCell(at(p).front.all), '<= 160 KB (goal 120)'],
  ['keystroke-to-DOM, real data, text search (median)', (p) => `${ms(results.latency[p === 'loopback' ? 'front file' : `front file, ${p}`]?.['text search']?.median)} ms`, '<= 8 ms on loopback'],
];
const widths = [52, 18, 18, 22];
const line = (cells) => cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(`\nIssue #10 figures: median of ${LOADS} cold loads per page and profile, each in a fresh context, served gzip`);
console.log('mobile: 150 ms latency per request, 1.6 Mbps down, 750 Kbps up, 4x CPU slowdown (DevTools protocol)');
console.log('first results paint: FCP, the results being in the DOM by then (see observe()); bytes: encoded as transferred, headers');
console.log('included (KB = 1,024 bytes), before the paint: the page and each request finished by then; "(Nx)": over the script-free paint');
console.log(line(['figure', 'loopback', 'mobile', 'goal']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const [figure, cell, goal] of rows) {
  const row = { figure, loopback: cell('loopback'), mobile: cell('mobile'), goal };
  results.table.push(row);
  console.log(line([figure, row.loopback, row.mobile, goal]));
}
for (const [profile, { pages }] of Object.entries(results.profiles)) {
  for (const [name, { results_in_dom_at_fcp: n }] of Object.entries(pages)) {
    if (n < LOADS) console.log(`note: ${name}, ${profile}: results in the DOM at FCP in ${n} of ${LOADS} loads; the others use Element Timing`);
  }
}

const out = join(ROOT, 'target', 'bench', 'results.json');
await mkdir(join(ROOT, 'target', 'bench'), { recursive: true });
await writeFile(out, JSON.stringify(results, null, 2));
console.log(`\nfigures written to ${relative(ROOT, out)}`);
