// The delegate check as a reader sees it: one line under a contest's delegates and "How this is
// worked out", the same on the page the build wrote and in the app; American Samoa's first report
// against the rule, and the demo article built around it. Every figure is read from the dataset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, newPage, ready, axe, dataset, openReady, ROOT } from './harness.mjs';

let server, browser, data, ruled;
before(async () => {
  // A newsroom's file whose contests carry their rules: American Samoa as first reported (4-2).
  ruled = await readFile(join(ROOT, 'tests', 'corpus', 'rule-contradicted.json'), 'utf8');
  server = await serve({ routes: { '/ruled.json': { body: ruled } } });
  browser = await launch();
  data = await dataset();
});
after(async () => { await browser?.close(); await server?.close(); });

const contest = (id) => data.contests.find((c) => c.id === id);
const dash = (list) => list.join('\u2013');
const text = async (locator) => (await locator.innerText()).trim();

/** The Democrats' rule on a contest's votes, in this test's own arithmetic: 15% threshold, shares
 * re-tabulated among the viable, one pool of the pledged delegates, largest remainders. */
function dncSplit(c) {
  const counted = c.options.filter((o) => o.votes !== undefined && !/blank|overvote/i.test(o.name));
  const total = counted.reduce((s, o) => s + o.votes, 0);
  const viable = counted.filter((o) => o.votes / total >= 0.15);
  const among = viable.reduce((s, o) => s + o.votes, 0);
  const quotas = viable.map((o) => ({ o, quota: (o.votes / among) * c.pledged_delegates }));
  quotas.forEach((q) => { q.given = Math.floor(q.quota); });
  let left = c.pledged_delegates - quotas.reduce((s, q) => s + q.given, 0);
  for (const q of [...quotas].sort((a, b) => (b.quota % 1) - (a.quota % 1))) if (left-- > 0) q.given += 1;
  return { total, quotas };
}

test("American Samoa's page: the rule gives the corrected split, the first report did not follow it, the arithmetic shown", async () => {
  const c = contest('2024-D-AS');
  const { total, quotas } = dncSplit(c);
  // This test's own arithmetic agrees with the reported (corrected) split...
  for (const q of quotas) assert.equal(q.given, q.o.delegates, `${q.o.name}: ${q.quota}`);
  // ...and the first report differs from it.
  const first = c.options.filter((o) => o.delegates > 0).map((o) => c.corrections.find((k) => k.option === o.name)?.from ?? String(o.delegates));
  const now = c.options.filter((o) => o.delegates > 0).map((o) => String(o.delegates));
  assert.notDeepEqual(first, now, 'a correction changed the split');

  // The page the build wrote, without scripts.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const bare = await context.newPage();
  await bare.goto(server.base + 'contest/2024-D-AS.html');
  const line = await text(bare.locator('.detail .rule-check'));
  assert.equal(line, c.check);
  assert.ok(line.startsWith('Checked: from these votes'), line);
  for (const q of quotas) assert.ok(line.includes(`${q.o.name.split(' ').at(-1)} ${q.given}`), `${line}: ${q.o.name}`);
  assert.ok(line.includes(`first report (${dash(first)}) did not follow the rule; the correction (${dash(now)}) does`), line);
  const working = bare.locator('.detail details.working');
  assert.equal(await working.evaluate((d) => d.open), false, 'folded');
  await bare.click('.detail details.working > summary');
  const steps = await text(working.locator('p'));
  assert.deepEqual(steps.split('\n'), c.check_how.split('\n'));
  for (const q of quotas) {
    const share = ((q.o.votes / total) * 100).toFixed(2);
    assert.ok(steps.includes(`${share}% (${q.o.votes} votes)`), `${q.o.name}'s share of ${total}: ${steps}`);
    assert.ok(steps.includes(`× ${c.pledged_delegates} = ${q.quota.toFixed(2)}`), `${q.o.name}'s quota ${q.quota}: ${steps}`);
  }
  assert.ok(/threshold 15%/i.test(steps) && /largest remainder/.test(steps), steps);
  await context.close();

  // The app takes the page over: the same line, the same arithmetic.
  const page = await newPage(browser);
  await page.goto(server.base + 'contest/2024-D-AS.html');
  await ready(page);
  assert.equal(await text(page.locator('.detail .rule-check')), c.check);
  await page.click('.detail details.working > summary');
  assert.deepEqual((await text(page.locator('.detail details.working p'))).split('\n'), c.check_how.split('\n'));
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.problems, []);
});

test('opened from the list, a contest shows its check once the details file is in', async () => {
  const page = await newPage(browser);
  for (const [view, id] of [['', '2024-D-AS'], ['?cycle=2020', '2020-D-VT']]) {
    await page.goto(server.base + view);
    await ready(page);
    await page.waitForSelector(`tr a[href*="contest/${id}.html"]`);
    await page.locator(`tr:has(a[href*="contest/${id}.html"]) a`).first().click();
    await page.waitForSelector('.detail .rule-check');
    assert.equal(await text(page.locator('.detail .rule-check')), contest(id).check, id);
    await page.click('text=All results');
    await page.waitForFunction(() => !location.pathname.includes('contest/'));
  }
  assert.deepEqual(page.problems, []);
});

test("every contest's page states its check, and shows the arithmetic exactly where there is some", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const kinds = new Map();
  // The editions whose rules the reference facts hold (data/allocation.csv): each contest has its line.
  const checked = new Set(data.contests.filter((c) => c.check).map((c) => `${c.cycle}-${c.party}`));
  for (const c of data.contests.filter((c) => checked.has(`${c.cycle}-${c.party}`))) {
    assert.ok(c.check, `${c.id}: the build wrote a check line`);
    await page.goto(server.base + `contest/${c.id}.html`);
    assert.equal(await text(page.locator('.detail .rule-check')), c.check, c.id);
    assert.equal(await page.locator('.detail details.working').count(), c.check_how ? 1 : 0, `${c.id}: the arithmetic`);
    kinds.set(c.check.split(':')[0], c.id);
  }
  // Checked, and each reason a contest is not.
  console.log(`check lines by kind: ${[...kinds.keys()].join(' | ')}`);
  for (const kind of ['Checked', 'Not checkable from the statewide vote', 'Not checked']) assert.ok(kinds.has(kind), kind);
  // A district rule says how much is allocated by district, from the data.
  const district = data.contests.find((c) => /^Not checkable from the statewide vote: \d+ of the \d+/.test(c.check));
  assert.ok(district.check.includes(`of the ${district.pledged_delegates} delegates`), district.check);
  await context.close();
});

test("the demo article's centrepiece: American Samoa's card says the first report broke the rule", async () => {
  const c = contest('2024-D-AS');
  const page = await newPage(browser, { width: 800 });
  await page.goto(server.base + 'demo/article.html');
  await page.locator('#card').scrollIntoViewIfNeeded();
  const card = await (await page.$('#card')).contentFrame();
  await card.waitForSelector('.rule-check');
  const line = await text(card.locator('.rule-check'));
  assert.equal(line, c.check);
  assert.ok(await card.locator('.rule-check').isVisible(), 'shown in the article, not folded');
  assert.match(line, /first report \(\d+\u2013\d+\) did not follow the rule/);
  assert.deepEqual(page.problems, []);
});

const PARTIES = { D: 'Democratic', R: 'Republican' };

test("the board counts each edition's checks, and the filter lists the splits that differ from the rule", async () => {
  for (const [cycle, party] of [[2024, 'D'], [2024, 'R'], [2020, 'D']]) {
    const page = await newPage(browser);
    await page.goto(server.base + `?cycle=${cycle}&party=${party}`);
    await ready(page);
    assert.match(await text(page.locator('#race-title')), new RegExp(`^${cycle} ${PARTIES[party]}`));
    const edition = data.contests.filter((c) => c.cycle === cycle && c.party === party);
    const agree = edition.filter((c) => c.rule_agrees === true).length;
    const differ = edition.filter((c) => c.rule_agrees === false).length;
    const line = await text(page.locator('.race .rule-checks'));
    console.log(`${cycle}-${party}: ${line}`);
    const s = (n) => (n === 1 ? 's' : '');
    assert.ok(line.startsWith(`Delegates checked against the party's rules: ${agree + differ} of ${edition.length}; ${agree} agree${s(agree)} with the reported split, ${differ} differ${s(differ)}.`), line);
    // The checked contests are those whose page says "Checked" or names the rule's other split.
    assert.equal(agree, edition.filter((c) => c.check.startsWith('Checked:')).length);
    assert.equal(differ, edition.filter((c) => c.check.startsWith('Reported ')).length);

    await page.check('#filter-differs');
    await page.waitForFunction(() => location.search.includes('differs=1'));
    const ids = await page.locator('table.winners tbody tr a').evaluateAll((as) => as.map((a) => a.getAttribute('href').match(/contest\/([^./?]+)\.html/)[1]));
    assert.deepEqual(ids.sort(), edition.filter((c) => c.rule_agrees === false).map((c) => c.id).sort());
    assert.match(await text(page.locator('.status')), /delegates differing from the rule/);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test("a newsroom's file: a split its rule contradicts is a named problem, the rest shown and checked live", async () => {
  const file = JSON.parse(ruled);
  const samoa = file.contests.find((c) => c.id === '2024-D-AS');
  const reported = samoa.options.map((o) => `${o.name.split(' ').at(-1)} ${o.delegates}`).join(', ');
  const page = await openReady(browser, server.base + '?data=ruled.json');
  const panel = await text(page.locator('section.problems'));
  assert.match(panel, new RegExp(`2024-D-AS\\s+delegates\\s+the reported split \\(${reported}\\) is not the one the party's rule gives from these votes`), panel);
  const listed = await page.locator('table.winners a').evaluateAll((as) => as.map((a) => new URL(a.href).searchParams.get('contest')));
  assert.ok(!listed.includes('2024-D-AS') && listed.includes('2024-D-GU'), `${listed}`);
  // Guam, checked by the newsroom's build from its rule: the line on its page, the board's count.
  const guam = file.contests.find((c) => c.id === '2024-D-GU');
  await page.goto(server.base + '?data=ruled.json&contest=2024-D-GU');
  await ready(page);
  const winner = guam.options.find((o) => o.delegates > 0);
  assert.equal(await text(page.locator('.detail .rule-check')), `Checked: from these votes, the party's rule gives ${winner.name.split(' ').at(-1)} ${winner.delegates}, as reported.`);
  assert.deepEqual(page.problems, []);
});
