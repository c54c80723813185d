// Reading a newsroom's file: one bad value costs its contest, not the file; a break in the JSON's
// structure names its line and column; a source's host is shown only when a browser opens that host.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, newPage, openReady, DIST, bundledName } from './harness.mjs';

// The bundled file as a newsroom's: its own calendar is whole, a newsroom's need not be.
const bundled = (await readFile(join(DIST, 'data', await bundledName()), 'utf8')).replace('"complete_calendar":true', '"complete_calendar":false');
const contests = JSON.parse(bundled).contests;
const idOf = (c) => c.id ?? `${c.cycle}-${c.party}-${c.territory}`;
const escape = (text) => String(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The first count in the file, written with a leading zero: the first contest with a count holds it.
const broken = contests.find((c) => c.options.some((o) => o.votes !== undefined));
const option = broken.options.findIndex((o) => o.votes !== undefined);
const at = bundled.indexOf('"votes":') + '"votes":'.length;
const LEADING_ZERO = `${bundled.slice(0, at)}0${bundled.slice(at)}`;

// The same file one contest a line, with the comma after the third line's first value dropped.
const lines = bundled.trim().replace('"contests":[', '"contests":[\n').replaceAll('},{"cycle"', '},\n{"cycle"');
const third = lines.split('\n')[2];
const comma = third.indexOf(',"party"');
const MISSING_COMMA = lines.replace(third, third.slice(0, comma) + third.slice(comma + 1));
const COLUMN = Array.from(third.slice(0, comma)).length + 1;

const SPOOF = 'https://evil.example\\@trusted.org/results';
const FAIR = 'https://www.trusted.org:443/results';
const SOURCES = JSON.stringify({
  schema_version: 1, title: 'Sources test', contests: [{
    id: '2024-D-GU', cycle: 2024, party: 'D', territory: 'GU', date: '2024-06-08', kind: 'caucus', status: 'final',
    sources: [SPOOF, FAIR], options: [{ name: 'Ann Example', votes: 60 }, { name: 'Bob Example', votes: 40 }],
  }],
});

let server, browser;
before(async () => {
  server = await serve({
    routes: {
      '/leading-zero.json': { body: LEADING_ZERO },
      '/missing-comma.json': { body: MISSING_COMMA },
      '/sources.json': { body: SOURCES },
    },
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('a number with a leading zero costs its contest, named with its option and field; the others show', async () => {
  const page = await openReady(browser, server.base + '?data=leading-zero.json');
  const id = idOf(broken);
  const { name, votes } = broken.options[option];
  const panel = await page.locator('section.problems').innerText();
  assert.match(panel, new RegExp(`${escape(id)}\\s+options\\[${option}\\] "${escape(name)}" votes\\s+the number 0${votes} starts with a 0`));
  assert.match(await page.locator('[role="status"]').innerText(), new RegExp(`\\b${contests.length - 1} contests\\b`));
  // With another site's file, a row links to `?data=…&contest=<id>`.
  const linked = await page.locator('table.winners a').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('contest')));
  const listed = (c) => linked.filter((id) => id === idOf(c)).length;
  assert.equal(listed(broken), 0, 'the broken contest is not listed');
  assert.ok(listed(contests.find((c) => c !== broken)) > 0, 'the others are');
  assert.deepEqual(page.problems, []);
});

test('a break in the structure loses the file, with the line and column where it is', async () => {
  const page = await newPage(browser);
  await page.goto(server.base + '?data=missing-comma.json');
  await page.waitForSelector('.error-state');
  const message = await page.locator('.error-state').innerText();
  assert.ok(message.includes(`The file is not valid JSON: line 3, column ${COLUMN}: expected ',' or '}' after a value.`), message);
  assert.ok(!/byte/.test(message), 'no byte offset');
  assert.deepEqual(page.problems, []);
});

test('a source whose host a browser reads differently is text, not a link; the others show their host', async () => {
  const page = await openReady(browser, server.base + '?data=sources.json&contest=2024-D-GU');
  await page.waitForSelector('section.sources ul');
  const items = page.locator('section.sources li');
  // Why: the browser itself opens evil.example for the spoofing URL.
  assert.equal(await page.evaluate((url) => new URL(url).host, SPOOF), 'evil.example');
  assert.equal(await items.nth(0).innerText(), SPOOF);
  assert.equal(await items.nth(0).locator('a').count(), 0);
  const href = await items.nth(1).locator('a').getAttribute('href');
  const opened = await page.evaluate((url) => new URL(url).host, href);
  assert.ok((await items.nth(1).innerText()).endsWith(`(${opened.replace(/^www\./, '')})`), opened);
  assert.deepEqual(page.problems, []);
});
