// The built page loads, renders its heading and results, and logs no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, ready } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the page loads, renders its heading and logs no console error', async () => {
  const page = await newPage(browser);
  await page.goto(server.base);
  await ready(page);
  assert.equal(await page.locator('h1').innerText(), 'Tally', 'the heading renders');
  assert.match(await page.locator('[role="status"]').innerText(), /^\d+ contests/, 'the status line counts contests');
  assert.deepEqual(page.problems, [], 'no console errors');
});
