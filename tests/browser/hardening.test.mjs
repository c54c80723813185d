// Bad input on purpose: hostile text, URL garbage, newsroom datasets that fail, and the CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, newPage, ready, axe, DIST, distHeaders, downloadText, openReady, openCustomizer, buildsLoaded } from './harness.mjs';

const HOSTILE = ['<img src=x onerror=alert(1)>', '"><script>alert(2)</script>'];
const contest = (id, territory, names) => ({
  id, cycle: 2024, party: 'D', territory, date: '2024-03-05', kind: 'caucus', status: 'final', pledged_delegates: 6,
  sources: ['https://example.org/"><script>alert(3)</script>'],
  options: names.map((name, i) => ({ name, kind: 'person', votes: 60 - i * 20, pct: String(60 - i * 20), delegates: 3 - i })),
});
const dataset = (contests, extra = {}) => JSON.stringify({ schema_version: 1, title: 'Newsroom test <b>data</b>', contests, ...extra });
const NEWSROOM = dataset([
  contest('2024-D-AS', 'AS', HOSTILE),
  contest('2024-D-GU', 'GU', ['Ann Example', 'Bob Example']),
  { ...contest('2024-D-MP', 'MP', ['Cy Example']), options: [{ name: 'Cy Example', kind: 'person', votes: -5 }] },
  { ...contest('2024-D-ZZ', 'ZZ', ['Di Example']) },
  { id: '2024-D-PR', cycle: 'twenty', party: 'D' },
]);
const CSV_HEADER = 'cycle,party,contest_id,territory_code,territory_name,territory_kind,date,contest_type,status,pledged_delegates,candidate,votes,vote_pct,delegates_won,source_url\n';
const CSV = CSV_HEADER
  + '2024,D,2024-D-AS,AS,American Samoa,territory,2024-03-05,caucus,final,6,Jason Palmer,51,56.0,3,https://example.org\n'
  + '2024,D,2024-D-AS,AS,American Samoa,territory,2024-03-05,caucus,final,6,Joe Biden,40,44.0,3,https://example.org\n'
  + '2024,D,2024-D-GU,GU,Guam,territory,2024-06-08,caucus,final,7,Joe Biden,lots,,7,https://example.org\n';

let server, browser;
before(async () => {
  server = await serve({
    routes: {
      '/newsroom.json': { body: NEWSROOM },
      '/newsroom.csv': { body: CSV, type: 'text/csv' },
      '/empty.json': { body: '' },
      '/garbage.json': { body: '<html>not data</html>', type: 'text/html' },
      '/missing.json': { status: 404, body: 'not found' },
      '/broken.json': { destroy: true },
      '/split/results.json': { body: dataset([{ ...contest('2024-D-GU', 'GU', ['Ann Example', 'Bob Example']), sources: [] }], { details: 'details.json' }) },
      '/split/details.json': { status: 503, body: 'unavailable' },
      '/split-bad/results.json': { body: dataset([{ ...contest('2024-D-GU', 'GU', ['Ann Example', 'Bob Example']), sources: [] }], { details: 'details.json' }) },
      '/split-bad/details.json': { body: JSON.stringify({ schema_version: 1, contests: [
        { id: '2024-D-GU', sources: ['https://example.org/guam'] },
        { id: '2024-D-ZZ', sources: ['https://example.org/nowhere'] },
      ] }) },
      // A newsroom file whose details file lives on a site the builder never allowed.
      '/far-details/results.json': { body: dataset([{ ...contest('2024-D-GU', 'GU', ['Ann Example', 'Bob Example']), sources: [] }], { details: 'https://evil.example/details.json' }) },
      '/huge.json': { body: '{"schema_version":1,"contests":[' + ' '.repeat(21 * 1024 * 1024) + ']}' },
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const open = (path, options) => openReady(browser, server.base + path, options);

test('a newsroom dataset: valid contests shown, each rejected one listed with id, field and reason', async () => {
  const page = await open('?data=newsroom.json');
  assert.equal(await page.locator('table.winners tbody tr').count(), 2, 'AS and GU are valid');
  const panel = await page.locator('section.problems').innerText();
  for (const expected of [/2024-D-MP\s+options\[0\] "Cy Example" votes\s+is -5; it cannot be negative/, /2024-D-ZZ\s+territory\s+"ZZ" is not a known territory code/, /2024-D-PR\s+cycle\s+expected a whole number, found text/]) {
    assert.match(panel, expected);
  }
  // Whose results these are, in a line no one can dismiss, with the file's own title.
  const title = JSON.parse(NEWSROOM).title;
  assert.equal(await page.locator('.provenance').innerText(), `Results from a file on this site, not the bundled Tally data: \u201c${title}\u201d.`);
  assert.equal(await page.locator('.provenance button').count(), 0, 'nothing dismisses it');
  const embed = await open('?data=newsroom.json&embed=1&contest=2024-D-AS');
  assert.match(await embed.locator('.embed .provenance').innerText(), /^Results from a file on this site, not the bundled Tally data/);
  // Real load failures are reported in the page, not as console errors.
  assert.deepEqual(page.problems, []);
});

test('a newsroom CSV is named as such, with the way to convert it, and a way back', async () => {
  // The page reads Tally JSON; the CSV reader stays with the tools (`cargo xtask data --convert`).
  const page = await newPage(browser);
  await page.goto(server.base + '?data=newsroom.csv');
  await page.waitForSelector('.error-state');
  assert.match(await page.locator('.error-state').innerText(), /The file is CSV; the page reads Tally JSON\. Convert it with `cargo xtask data --convert/);
  await page.click('text=Show the bundled results instead');
  await page.waitForSelector('table.winners');
  assert.deepEqual(page.problems, []);
});

test('each failed load has its own message and a way back to the bundled results', async () => {
  const cases = [
    ['empty.json', /The file is empty/],
    ['garbage.json', /neither JSON nor CSV/],
    ['missing.json', /The server answered 404/],
    ['huge.json', /Tally reads files up to 20 MB/],
    ['broken.json', /could not be fetched/],
    // Another site's data never appears under this site's name unless its builder allowed it.
    ['https://evil.example/results.json', /This site does not load results from evil\.example/],
  ];
  for (const [url, message] of cases) {
    const page = await newPage(browser);
    await page.goto(server.base + '?data=' + encodeURIComponent(url));
    await page.waitForSelector('.error-state');
    assert.match(await page.locator('.error-state').innerText(), message, url);
    await page.click('text=Show the bundled results instead');
    await page.waitForSelector('table.winners');
    assert.ok(!page.url().includes('data='), `${url}: the bundled results replace it`);
    // The browser's own log lines for the failed request are expected; nothing else is.
    const own = page.problems.filter((p) => !/Failed to load resource|Content Security Policy|connect-src/.test(p));
    assert.deepEqual(own, [], url);
  }
});

test('when the details file fails, the contest still shows, with a message where its sources would be', async () => {
  const page = await open('?data=split/results.json&contest=2024-D-GU');
  assert.match(await page.locator('table.options').innerText(), /Ann Example\s*Winner\s+60/);
  assert.match(await page.locator('.details-error').innerText(), /could not be loaded\. The server answered 503/);
  assert.match(await page.locator('[role="status"]').innerText(), /1 contest/);
  const own = page.problems.filter((p) => !/Failed to load resource/.test(p));
  assert.deepEqual(own, []);
});

test('a details file entry that fits no contest is listed apart; the rest of the file is used', async () => {
  const page = await open('?data=split-bad/results.json&contest=2024-D-GU');
  await page.waitForSelector('section.sources ul');
  assert.deepEqual(await page.locator('section.sources a').evaluateAll((as) => as.map((a) => a.href)), ['https://example.org/guam']);
  const panel = await page.locator('section.details-problems').innerText();
  assert.match(panel, /sources and corrections file/);
  assert.match(panel, /2024-D-ZZ\s+id\s+no contest has this id/);
  assert.equal(await page.locator('section.problems').count(), 0, 'the dataset itself had no problem');
  assert.match(await page.locator('table.options').innerText(), /Ann Example/);
  assert.deepEqual(page.problems, []);
});

test('text from a dataset is always text: list, detail, embed, snippets and the CSV download', async () => {
  const escaped = (html) => HOSTILE.every((name) => !html.includes(name));
  for (const path of ['?data=newsroom.json', '?data=newsroom.json&contest=2024-D-AS', '?data=newsroom.json&contest=2024-D-AS&embed=1', '?data=newsroom.json&territory=AS&embed=1']) {
    const page = await open(path);
    await page.waitForTimeout(200);
    const text = await page.locator('body').innerText();
    assert.ok(text.includes(HOSTILE[0]), `${path}: the name shows as written`);
    assert.equal(await page.locator('img[src="x"], script:not([src]):not([type=module])').count(), 0, `${path}: no element was made from data`);
    assert.ok(escaped(await page.content()), `${path}: markup in names is escaped in the DOM`);
    assert.deepEqual(page.problems, [], path);
  }
  const list = await open('?data=newsroom.json');
  const { text: csv } = await downloadText(list, 'button.download');
  for (const name of HOSTILE) assert.ok(csv.includes(name.replaceAll('"', '""')), `the CSV holds ${name} as written`);
  const page = await open('?data=newsroom.json&contest=2024-D-AS');
  assert.deepEqual(await buildsLoaded(page), ['newsroom'], "another site's file is read by the newsroom's build");
  await openCustomizer(page);
  for (const id of ['#snippet-iframe', '#snippet-pym']) {
    const code = await page.inputValue(id);
    assert.equal((code.match(/<script/g) || []).length, id === '#snippet-pym' ? 2 : 1, `${id}: only the snippet's own scripts`);
  }
  assert.deepEqual(page.problems, []);
});

test('URL garbage gives a notice, never a broken page', async () => {
  const cases = ['?territory=<script>alert(1)</script>', `?q=${'x'.repeat(5000)}&territory=${'A'.repeat(5000)}`, '?party=D&party=R&party=<b>', '?q=%E0%A4%A&cycle=%', '?contest=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', '?theme=neon&embed=maybe&cycle=99999999999999999999'];
  for (const search of cases) {
    const page = await open(search);
    assert.ok((await page.locator('.notice li').count()) >= 1, `${search}: a notice`);
    assert.ok((await page.locator('table.winners tbody tr, .empty').count()) >= 1, `${search}: the page works`);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(page.problems, [], search);
  }
});

test('the release build runs under a strict Content-Security-Policy with no violations', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv=Content-Security-Policy content="([^"]+)">/);
  assert.ok(meta, 'the policy is in the page');
  const policy = meta[1];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.ok(!policy.includes('unsafe-inline'), 'no unsafe-inline');
  assert.equal((await distHeaders())['Content-Security-Policy'], policy, '_headers carries the same policy');
  for (const path of ['?cycle=2024', '?contest=2024-D-AS', '?embed=1&contest=2024-D-AS', 'demo/article.html']) {
    const page = await newPage(browser);
    const response = await page.goto(server.base + path);
    assert.equal(response.headers()['content-security-policy'], policy, `${path}: served with the header`);
    if (path.startsWith('demo')) await page.waitForSelector('iframe');
    else await ready(page);
    await page.waitForTimeout(300);
    assert.deepEqual(page.problems, [], path);
  }
  const page = await open('?contest=2024-D-AS');
  await openCustomizer(page);
  await (await (await page.$('iframe.preview')).contentFrame()).waitForSelector('.embed .credit');
  assert.deepEqual(page.problems, [], 'customizer and preview under the policy');
  assert.deepEqual(await axe(page), []);
});

test('links shared with campaign tags open without a notice, and the address drops the tags', async () => {
  for (const [path, kept] of [
    ['?utm_source=newsletter&utm_medium=email&utm_campaign=primaries&fbclid=IwAR0x&gclid=Cj0K&party=D', /\?party=D$/],
    ['contest/2024-D-AS.html?utm_source=twitter&fbclid=abc&gclid=xyz', /\/contest\/2024-D-AS\.html$/],
  ]) {
    const page = await open(path);
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.notice').count(), 0, `${path}: no notice`);
    assert.match(page.url(), kept, `${path}: the view's own address`);
    assert.deepEqual(page.problems, [], path);
  }
});

test('an empty data= is said to name no file; the bundled results show', async () => {
  const page = await open('?data=&party=D');
  const notice = await page.locator('.notice').innerText();
  assert.match(notice, /empty data=: it names no file/);
  assert.ok(!notice.includes('no such setting'), notice);
  assert.ok((await page.locator('table.winners tbody tr').count()) > 0);
  assert.equal(await page.locator('.provenance').count(), 0, 'the bundled results, said as such');
  assert.deepEqual(page.problems, []);
});

test("the details file a newsroom's file names passes the same origin check as the file", async () => {
  const page = await newPage(browser);
  const asked = [];
  page.on('request', (request) => asked.push(request.url()));
  await page.goto(server.base + '?data=far-details/results.json&contest=2024-D-GU');
  await ready(page);
  await page.waitForSelector('.details-error');
  assert.match(await page.locator('.details-error').innerText(), /This site does not load results from evil\.example/);
  assert.ok(!asked.some((url) => url.includes('evil.example')), 'never asked for');
  assert.match(await page.locator('table.options').innerText(), /Ann Example/, 'the contest still shows');
  assert.deepEqual(page.problems, []);
});

test("an embed of a contest a newsroom's file lacks is one line, under the file's provenance", async () => {
  const page = await open('?data=newsroom.json&embed=1&contest=2024-D-VI');
  assert.match(await page.locator('.embed .provenance').innerText(), /^Results from a file on this site/);
  assert.equal(await page.locator('.embed .empty').innerText(), 'No contest \u201c2024-D-VI\u201d in these results.');
  assert.equal(await page.locator('.embed table, .embed .board').count(), 0);
  assert.deepEqual(page.problems, []);
});
