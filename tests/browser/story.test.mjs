// The board's story (where the presumptive nominee lost, each place a link to its result), the
// map's candidate colours against the party colours, and the race's line on the nomination.
// Every expected figure is read from the data files, not copied here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, dataset, openReady, ready, DIST, ROOT } from './harness.mjs';

let server, browser, data;
// Newsroom files (`?data=`) a test adds, served beside the site.
const routes = {};
before(async () => { server = await serve({ routes }); browser = await launch(); data = await dataset(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (path, options) => openReady(browser, server.base + path, options);

/** RFC 4180 rows of `text` as objects keyed by the header. */
function csv(text) {
  const rows = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\n') { rows.at(-1).push(field.replace(/\r$/, '')); field = ''; rows.push([]); }
    else field += c;
  }
  if (field) rows.at(-1).push(field);
  const [head, ...body] = rows.filter((r) => r.length > 1);
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

/** The contests of an edition its presumptive nominee could lose (bound delegates, listed them), and those lost. */
function story(cycle, party) {
  const nominee = data.nominations.find((n) => n.cycle === cycle && n.party === party).presumptive_nominee;
  const lists = (c) => c.options.some((o) => o.name.replace(/ \(write-in\)$/i, '').toLowerCase() === nominee.toLowerCase());
  const could = data.contests.filter((c) => c.cycle === cycle && c.party === party && c.binding !== false && c.pledged_delegates !== 0 && lists(c));
  const top = (c) => [...c.options].sort((a, b) => (b.votes ?? -1) - (a.votes ?? -1))[0];
  const lost = could.filter((c) => c.options.every((o) => o.votes != null) && top(c).name !== nominee && top(c).votes > (c.options.find((o) => o.name === nominee)?.votes ?? 0));
  return { nominee, could, lost, top };
}

test('the front page says where Biden lost in its first screen at 375 px, and the link opens the result', async () => {
  const { could, lost, top } = story(2024, 'D');
  assert.ok(lost.length >= 1, 'the 2024 Democratic data hold a loss');
  const page = await open('', { width: 375, height: 667 });
  const sentence = await page.locator('.story').innerText();
  assert.match(sentence, new RegExp(`^Biden won \\d+ of ${could.length} contests( \\(no winner named in \\d+\\))? and lost ${lost.length}: `));
  await sumsUp(page, 'Biden', could.length);
  const samoa = lost.find((c) => c.id === '2024-D-AS');
  assert.ok(samoa, 'American Samoa is among the losses');
  assert.match(sentence, new RegExp(`American Samoa, to ${top(samoa).name}`));
  const link = page.locator('.story a[href$="contest/2024-D-AS.html"]');
  const box = await link.boundingBox();
  assert.ok(box && box.y + box.height <= 667, `within the first screen: ${JSON.stringify(box)}`);
  assert.equal(await page.evaluate(() => scrollY), 0, 'no scrolling');
  await link.click();
  await page.waitForFunction(() => location.pathname.endsWith('/contest/2024-D-AS.html'));
  assert.match(await page.locator('tr[data-winner] th').innerText(), new RegExp(top(samoa).name));
  assert.deepEqual(page.problems, []);
  // Before any script: the prerendered page holds the same sentence and link.
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.match(html, /<p class="story">Biden won [^<]*<a href="contest\/2024-D-AS\.html"/);
});

/** The story's counts are the page's own: won as the race table's "Contests won" row says, and won, lost and no winner named add up to the contests counted. */
async function sumsUp(page, surname, contests) {
  const sentence = await page.locator('.story').innerText();
  const [, won, unnamed = '0', lost] = sentence.match(/won (\d+) of \d+ contests?(?: \(no winner named in (\d+)\))? and lost (\d+|none)/);
  assert.equal(Number(won) + Number(unnamed) + (lost === 'none' ? 0 : Number(lost)), contests, sentence);
  const row = page.locator('.race-table tbody tr', { hasText: surname }).first();
  assert.equal((await row.locator('td').nth(1).innerText()).trim(), won, `the race table's "Contests won": ${sentence}`);
  // The legend counts places (tiles), which the map's help says; the race, bound contests.
  assert.match(await page.locator('#map-help').innerText(), /The legend counts places won \(or, while the count goes on, led\); the race, contests won that bound delegates\./);
  const places = await page.locator('.tiles .tile .tile-text', { hasText: new RegExp(`^${surname}$`) }).count();
  const entry = await page.locator('.legend li', { hasText: surname }).first().innerText();
  assert.equal(entry.match(/\((\d+)\)$/)?.[1], String(places), `the legend's ${entry}: ${places} places on the map`);
}

test('2020: no loss to a winner the site does not name (Iowa, Nevada: votes not the result); Trump lost none, and the sentence says what he won', async () => {
  let page = await open('?cycle=2020&party=D');
  const sentence = await page.locator('.story').innerText();
  for (const id of ['2020-D-IA', '2020-D-NV']) {
    assert.equal(await page.locator(`.story a[href$="contest/${id}.html"]`).count(), 0, `${id}: ${sentence}`);
  }
  const [, lost] = sentence.match(/and lost (\d+): /);
  await page.locator('.story a', { hasText: / more$/ }).first().click();
  await page.waitForFunction(() => location.search.includes('lost=1'));
  await ready(page);
  const rows = await page.locator('table.winners tbody tr').evaluateAll((trs) => trs.map((tr) => tr.innerText));
  assert.equal(rows.length, Number(lost), `the view lists the places the story counts: ${sentence}`);
  assert.ok(rows.every((r) => !/^(Iowa|Nevada)\t/.test(r)), rows.join('\n'));
  page = await open('?cycle=2020&party=R');
  const trump = await page.locator('.story').innerText();
  assert.match(trump, /^Trump won \d+ of \d+ contests \(no winner named in \d+\) and lost none\.$/);
  await sumsUp(page, 'Trump', Number(trump.match(/of (\d+) contests/)[1]));
});

test('2024 Republican: the story names each place Trump lost, each a link to its result', async () => {
  const { could, lost } = story(2024, 'R');
  const page = await open('?cycle=2024&party=R');
  assert.match(await page.locator('.story').innerText(), new RegExp(`^Trump won \\d+ of ${could.length} contests( \\(no winner named in \\d+\\))? and lost ${lost.length}: `));
  await sumsUp(page, 'Trump', could.length);
  const hrefs = await page.locator('.story a').evaluateAll((links) => links.map((a) => a.getAttribute('href')).sort());
  assert.deepEqual(hrefs, lost.map((c) => `contest/${c.id}.html`).sort());
});

test('2008 Democratic: Obama was not on Michigan\'s ballot, so the story does not say he lost it; "N more" lists every place he lost', async () => {
  const nominee = data.nominations.find((n) => n.cycle === 2008 && n.party === 'D').presumptive_nominee;
  const surname = nominee.split(' ').at(-1);
  const isNominee = (o) => o.name.replace(/ \(write-in\)$/i, '').toLowerCase() === nominee.toLowerCase();
  const figure = (o) => o.votes != null || o.pct != null;
  const bound = data.contests.filter((c) => c.cycle === 2008 && c.party === 'D' && c.binding !== false && c.pledged_delegates !== 0 && c.options.some(isNominee));
  // Listed without a vote or a share while another option has one: not on the ballot.
  const offBallot = (c) => !c.options.some((o) => isNominee(o) && figure(o)) && c.options.some(figure);
  const absent = bound.filter(offBallot);
  const michigan = absent.find((c) => c.id === '2008-D-MI');
  assert.ok(michigan, `the data list ${nominee} in Michigan without votes: ${absent.map((c) => c.id)}`);
  assert.ok(michigan.options.find(isNominee).delegates > 0, 'with delegates given another way');

  const page = await open('?cycle=2008&party=D', { width: 375, height: 667 });
  const sentence = await page.locator('.story').innerText();
  const [, lost] = sentence.match(new RegExp(`^${surname} won \\d+ of ${bound.length - absent.length} contests(?: \\(no winner named in \\d+\\))? and lost (\\d+): `)) ?? [];
  assert.ok(lost, `counted over the contests he was on the ballot: ${sentence}`);
  const [losses, notOn] = sentence.split(` ${surname} was not on the ballot in `);
  assert.ok(notOn, `the story says where he was not on the ballot: ${sentence}`);
  assert.doesNotMatch(losses, /Michigan/, 'Michigan is not among his losses');
  assert.match(notOn, /Michigan/);
  assert.equal(await page.locator('.story a', { hasText: 'Michigan' }).getAttribute('href'), `contest/${michigan.id}.html`);

  const more = page.locator('.story a', { hasText: / more$/ });
  assert.ok(await more.count() >= 1, `"N more" is a link: ${sentence}`);
  const href = await more.first().getAttribute('href');
  const [, n] = (await more.first().innerText()).match(/^(\d+) more$/);
  // The places named before it, for the same winner: "A, B and 20 more, to Hillary Clinton".
  const group = losses.slice(0, losses.indexOf(`${n} more`)).split(/: |; /).at(-1);
  const named = group.split(/, | and /).filter(Boolean);
  const winner = losses.slice(losses.indexOf(`${n} more`)).match(/^\d+ more, to ([^;.]+)/)[1];
  await more.first().click();
  await page.waitForFunction(() => location.search.includes('lost=1'));
  await ready(page);
  assert.equal(new URL(page.url()).search, new URL(href, server.base).search, 'the link is the view it opens');
  assert.match(await page.locator('.status').innerText(), new RegExp(`^${lost} contests: 2008, Democratic, where ${surname} lost`));
  const rows = await page.locator('table.winners tbody tr').evaluateAll((trs) => trs.map((tr) => tr.innerText));
  assert.equal(rows.length, Number(lost), 'the view lists every place lost');
  const won = rows.filter((r) => r.includes(winner));
  assert.equal(won.length, named.length + Number(n), `${named.length} named and ${n} more, won by ${winner}`);
  for (const place of named) assert.ok(won.some((r) => r.includes(place)), `${place} is listed`);
  assert.equal(await page.locator(`table.winners a[href$="contest/${michigan.id}.html"]`).count(), 0, 'Michigan is not');
  assert.deepEqual(page.problems, []);

  // Michigan's own page and its territory's history mark no loss of his, with or without scripts.
  await page.goto(`${server.base}contest/${michigan.id}.html`);
  await ready(page);
  assert.equal(await page.locator('.lost-mark').count(), 0);
  for (const path of [join('contest', `${michigan.id}.html`), join('territory', `${michigan.territory}.html`)]) {
    assert.doesNotMatch(await readFile(join(DIST, path), 'utf8'), new RegExp(`${surname} lost</span>`), path);
  }
});

/** Hue in degrees and saturation of a CSS colour, as the browser computed it. */
function hsl(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255);
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(max + min - 1));
  let h = 0;
  if (d) h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { h: (h * 60 + 360) % 360, s };
}
const apart = (a, b) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

for (const scheme of ['light', 'dark']) {
  test(`candidate colours never read as a party's (${scheme}), and the legend matches the tiles`, async () => {
    // Every bundled edition, each map's every candidate.
    const editions = [...new Set(data.contests.map((c) => `${c.cycle}-${c.party}`))].map((e) => e.split('-'));
    assert.ok(editions.length >= 3, `editions: ${editions}`);
    for (const [cycle, party] of editions) {
      const page = await open(`?cycle=${cycle}&party=${party}`, { colorScheme: scheme });
      // An earlier edition comes in a file of its own.
      await page.waitForFunction(() => !document.querySelector('[role="status"]').textContent.startsWith('Loading'));
      const [dem, rep] = await page.evaluate(() => ['D', 'R'].map((p) => {
        const probe = document.createElement('i');
        probe.style.color = `var(--party-${p})`;
        document.body.append(probe);
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      }));
      const tiles = await page.locator('.tiles .tile[data-result^=w]').evaluateAll((ts) => ts.map((t) => ({
        text: t.querySelector('.tile-text').textContent, colour: getComputedStyle(t).backgroundColor,
      })));
      assert.ok(tiles.length > 10, `${cycle} ${party}: coloured tiles`);
      for (const tile of tiles) {
        const { h, s } = hsl(tile.colour);
        if (s < 0.15) continue; // a grey reads as no party
        for (const other of [dem, rep]) {
          assert.ok(apart(h, hsl(other).h) >= 30, `${cycle} ${party} ${tile.text} ${tile.colour} is near ${other}`);
        }
      }
      const legend = await page.locator('.legend li', { has: page.locator('.swatch[data-result^=w]') }).evaluateAll((lis) => lis.map((li) => ({
        name: li.textContent.replace(/ \(\d+\)$/, ''), colour: getComputedStyle(li.querySelector('.swatch')).backgroundColor,
      })));
      // (One winner is a legend of one: Trump won every 2020 Republican contest that named a winner.)
      assert.ok(legend.length >= 1, `${cycle} ${party}: the legend names the winners`);
      for (const entry of legend) {
        const surname = entry.name.split(' ').at(-1);
        const mine = tiles.filter((t) => t.text === surname);
        assert.ok(mine.length > 0, `${cycle} ${party}: ${entry.name} has tiles`);
        for (const t of mine) assert.equal(t.colour, entry.colour, `${entry.name}'s tiles match the legend`);
      }
      if (cycle === '2024' && party === 'R') {
        assert.notEqual(tiles.find((t) => t.text === 'Trump').colour, rep, 'Trump is not the party red either');
      }
    }
  });
}

test('the race says the delegates needed and the day the nominee passed them, as editions.csv has them', async () => {
  const rows = csv(await readFile(join(ROOT, 'data', 'editions.csv'), 'utf8'));
  for (const [cycle, party] of [[2024, 'D'], [2024, 'R'], [2020, 'D']]) {
    const row = rows.find((r) => r.cycle === String(cycle) && r.party === party);
    const page = await open(`?cycle=${cycle}&party=${party}`);
    const line = page.locator('.race .needed');
    if (!row.needed_to_nominate) {
      assert.equal(await line.count(), 0);
      continue;
    }
    const text = await line.innerText();
    assert.match(text, new RegExp(`^${Number(row.needed_to_nominate).toLocaleString('en-US')} delegates needed to nominate`));
    const [year, month, day] = row.clinched_on.split('-').map(Number);
    const when = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    assert.ok(text.includes(`passed it on ${when}.`), `${text} / ${when}`);
    // Who the party nominated, where it was not the presumptive nominee (Harris, 2024).
    assert.equal(text.endsWith(` The party nominated ${row.nominee}.`), row.nominee !== row.presumptive_nominee, text);
  }
});

test('the list says which shares are as printed; computed ones share one precision', async () => {
  // A share is computed only where the field is whole and every option has a count.
  // (Not shares the compilers computed, nor shares of delegates: those say so in their own words.)
  const printed = data.contests.find((c) => !c.whole_field && !c.pct_computed && !c.pct_of && c.options.some((o) => o.pct));
  const computed = data.contests.filter((c) => c.cycle === printed.cycle && c.party === printed.party && c.whole_field && c.options.every((o) => o.votes != null));
  assert.ok(printed && computed.length, 'the data hold both kinds in one edition');
  const page = await open(`?cycle=${printed.cycle}&party=${printed.party}`);
  const share = (c) => page.locator('table.winners tbody tr', { has: page.locator(`a[href$="contest/${c.id}.html"]`) }).locator('td').nth(4);
  assert.match(await share(printed).innerText(), /%\s*as printed$/);
  const places = new Set();
  for (const c of computed.slice(0, 8)) {
    const text = await share(c).innerText();
    assert.doesNotMatch(text, /as printed/, c.id);
    places.add(text.match(/\.(\d*)%/)?.[1].length);
  }
  assert.equal(places.size, 1, `one precision: ${[...places]}`);
  await page.goto(`${server.base}contest/${printed.id}.html`);
  assert.match(await page.locator('table.options thead').innerText(), /Share, as printed/);
});

test('where the file gives no figure, the race says none; without a day, no one "passed" it', async () => {
  const rows = csv(await readFile(join(ROOT, 'data', 'editions.csv'), 'utf8'));
  const row = rows.find((r) => r.cycle === '2024' && r.party === 'D');
  const bundled = JSON.parse(await readFile(join(DIST, 'data', (await readFile(join(DIST, 'index.html'), 'utf8')).match(/data-dataset="?data\/(results\.[0-9a-f]+\.json)/)[1]), 'utf8'));
  const nomination = bundled.nominations.find((n) => n.cycle === 2024 && n.party === 'D');
  assert.ok(nomination?.needed_to_nominate && nomination.clinched_on, 'the bundled file has both figures');
  // A newsroom's file of the same contests whose nomination lacks the figure, then the day.
  const file = (n) => JSON.stringify({ ...bundled, details: undefined, title: 'Newsroom test', nominations: [n],
    contests: bundled.contests.filter((c) => c.cycle === 2024 && c.party === 'D').map((c) => ({ ...c, sources: ['https://example.org/results'] })) });
  const { needed_to_nominate: _, ...noFigure } = nomination;
  const { clinched_on: __, ...noDay } = nomination;
  routes['/no-figure.json'] = { body: file(noFigure) };
  routes['/no-day.json'] = { body: file(noDay) };

  const bare = await open('?data=no-figure.json&cycle=2024&party=D');
  assert.match(await bare.locator('#race-title').innerText(), /^2024 Democratic delegate race/, 'the race is shown');
  assert.equal(await bare.locator('.race .needed').count(), 0, 'no line on the nomination');
  assert.equal(await bare.locator('.problems').count(), 0, 'the file is valid');
  assert.deepEqual(bare.problems, []);

  const undated = await open('?data=no-day.json&cycle=2024&party=D');
  const text = await undated.locator('.race .needed').innerText();
  const nominated = row.nominee === row.presumptive_nominee ? '' : ` The party nominated ${row.nominee}.`;
  assert.equal(text, `${Number(row.needed_to_nominate).toLocaleString('en-US')} delegates needed to nominate.${nominated}`);
  assert.doesNotMatch(text, /passed|Biden/);
  assert.deepEqual(undated.problems, []);
});
