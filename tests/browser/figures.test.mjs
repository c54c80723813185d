// Figures and words about a contest's result, as a reader sees them once the app runs the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, dataset, openReady } from './harness.mjs';

let server, browser, data;
before(async () => { server = await serve(); browser = await launch(); data = await dataset(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (path) => openReady(browser, server.base + path);
const most = (contest, figure) => contest.options.reduce((best, o) => ((o[figure] ?? -1) > (best[figure] ?? -1) ? o : best));
const rowOf = (page, name) => page.locator('table.options tbody tr', { has: page.locator(`th:text-is("${name}")`) });

test('a contest whose votes are not its official result marks what each option led, and no winner', async () => {
  const marked = data.contests.filter((c) => c.votes_are);
  assert.ok(marked.some((c) => c.id === '2020-D-IA'), 'the data marks Iowa 2020');
  for (const contest of marked) {
    const page = await open(`contest/${contest.id}.html`);
    const [votes, delegates] = [most(contest, 'votes'), most(contest, 'delegates')];
    assert.equal(await page.locator('tr[data-winner]').count(), 0, `${contest.id}: no winner's row`);
    assert.doesNotMatch(await page.locator('table.options').innerText(), /\bWinner\b/, `${contest.id}: no "Winner" mark`);
    const marks = await rowOf(page, votes.name).locator('.mark').allInnerTexts();
    assert.ok(marks.includes(`Most votes, ${contest.votes_are}`), `${contest.id}: ${votes.name} marked ${marks}`);
    // (2008-R-MN reports no delegates: no one is marked for them.)
    const anyDelegates = contest.options.some((o) => o.delegates != null);
    assert.equal((await rowOf(page, delegates.name).locator('.mark').allInnerTexts()).includes('Most delegates'), anyDelegates, contest.id);
    assert.match(await page.locator('article.detail').innerText(), new RegExp(`${votes.name} led the ${contest.votes_are}`));
    await page.close();
  }
});

test('a count above zero whose share rounds to nothing reads "<0.1%", a zero count "0.0%"', async () => {
  // Shares are computed from the counts where the field is whole and every option has one.
  const computed = data.contests.filter((c) => c.whole_field && c.status === 'final' && c.options.every((o) => o.votes !== undefined));
  // A void row's kind is left out where its label says it (docs/DATA.md, "Option kinds").
  const isVoid = (o) => o.kind === 'void' || (!o.kind && /^(blank ballots|void ballots|blank and void ballots|overvotes|undervotes|spoiled ballots)$/i.test(o.name.trim()));
  const valid = (c) => c.options.filter((o) => !isVoid(o)).reduce((sum, o) => sum + o.votes, 0);
  const tiny = computed.flatMap((c) => c.options.filter((o) => o.votes > 0 && !isVoid(o) && o.votes * 2000 < valid(c)).map((o) => [c, o]));
  assert.ok(tiny.length > 0, 'the bundled data has such a count');
  const [contest, option] = tiny[0];
  const page = await open(`contest/${contest.id}.html`);
  assert.equal((await rowOf(page, option.name).locator('td').allInnerTexts())[1], '<0.1%', `${contest.id} ${option.name}`);
  for (const zero of contest.options.filter((o) => o.votes === 0 && !isVoid(o))) {
    assert.equal((await rowOf(page, zero.name).locator('td').allInnerTexts())[1], '0.0%', `${contest.id} ${zero.name}`);
  }
  await page.close();
});
