// The replay server for the live-night tests (`cargo xtask replay`, docs/REPLAY.md): started on a
// free port against dist/, its clock moved step by step.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST } from './harness.mjs';

/**
 * Starts `cargo xtask replay` with `args` on a free port (unless they name one); resolves with the
 * process and its address.
 */
export async function startReplay(args) {
  const xtask = join(ROOT, 'target', 'debug', 'xtask');
  if (!existsSync(xtask)) spawnSync('cargo', ['build', '-q', '-p', 'xtask'], { cwd: ROOT, stdio: 'inherit' });
  const port = args.includes('--port') ? [] : ['--port', '0'];
  const child = spawn(xtask, ['replay', ...port, '--speed', '0', '--dist', DIST, ...args], { cwd: ROOT });
  const address = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/feed (http:\/\/127\.0\.0\.1:\d+)\/live\/feed\.json/);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`the replay stopped (${code}): ${out}`)));
  });
  return [child, address];
}

/**
 * Moves the clock of the replay at `base`: Eastern time on the night (`HH:MM` on the 5th or
 * `06THH:MM`), or any RFC 3339 time (a moment read from the feed).
 */
export async function moveClock(base, at) {
  const day = at.startsWith('06T') ? '2024-03-06T' + at.slice(3) : `2024-03-05T${at}`;
  const moment = /^\d{4}-/.test(at) ? at : `${day}:00-05:00`;
  const res = await fetch(`${base}/replay/clock?at=${encodeURIComponent(moment)}`);
  assert.equal(res.status, 200);
}

/**
 * American Samoa's delegate check in the page's words (src/model/words/allocation.rs, `check_line`),
 * from the split first reported and the corrected one, which is the split its rule gives (the page
 * says so once corrected): `flag` while the first report stands, `agrees` after, followed by
 * `replaced` on a page that showed the first report. Each names the options either split gives a
 * delegate, by surname, in the feed's order.
 */
export function checkLines(names, first, fixed) {
  const named = names.map((_, i) => i).filter((i) => first[i] > 0 || fixed[i] > 0);
  const surname = (i) => names[i].split(' ').at(-1);
  return {
    flag: `Reported ${named.map((i) => `${surname(i)} ${first[i]}`).join(', ')}; the rule gives ${named.map((i) => fixed[i]).join('\u2013')} from these votes.`,
    agrees: `Checked: from these votes, the party's rule gives ${named.map((i) => `${surname(i)} ${fixed[i]}`).join(', ')}, as reported.`,
    // What the check adds of the split the correction replaced, as a built page says of a first report.
    replaced: ` The first report (${named.map((i) => first[i]).join('\u2013')}) did not follow the rule; the correction (${named.map((i) => fixed[i]).join('\u2013')}) does.`,
  };
}

/** The board's delegate checks ("… A agree with the reported split, D differ. …") as numbers. */
export async function checkCounts(page) {
  const line = (await page.textContent('.race .rule-checks')).trim();
  // Before any split is reported, none is checked, and the line says so in words.
  if (line === "No contest's delegates are checked against the party's rules here.") return { agree: 0, differ: 0 };
  const found = line.match(/rules: \d+ of \d+; (\d+) agrees? with the reported split, (\d+) differs?\./);
  assert.ok(found, line);
  return { agree: Number(found[1]), differ: Number(found[2]) };
}

/** An RFC 3339 time as the page tells it (src/model/data/time.rs, `clock`): "11:42 p.m." at the
 * offset it was written with, " UTC" added at zero offset. */
export function clockOf(at) {
  const [, hour, minute] = /T(\d\d):(\d\d)/.exec(at);
  const utc = /(Z|[+-]00:00)$/i.test(at) ? ' UTC' : '';
  return `${+hour % 12 || 12}:${minute} ${+hour < 12 ? 'a.m.' : 'p.m.'}${utc}`;
}
