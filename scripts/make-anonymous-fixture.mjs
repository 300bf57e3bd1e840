#!/usr/bin/env node
/**
 * Makes the anonymous-round fixture of issue 13 with the build of a given
 * commit (one from before the tally storage), so that every later build can
 * be tested on a file an older tusoi really wrote, with its leaks in it:
 *
 *   node scripts/make-anonymous-fixture.mjs <commit> <outdir>
 *   e.g. node scripts/make-anonymous-fixture.mjs 60752ba test/fixtures/db/anonymous-60752ba
 *
 * That build (a temporary git worktree, this checkout's node_modules linked,
 * its own tsc) makes a cell of 12 members with an anonymous round of the
 * bundled questionnaire, enters 12 distinct seeded paper forms in a shuffled
 * order, and closes the round. Unlike make-fixture-db.mjs the file is NOT
 * vacuumed (that would rewrite the pages and erase the write order the old
 * storage leaked): the WAL is checkpointed into it and the journal mode set
 * to DELETE, which copies pages as they are.
 *
 * Written to <outdir>: cell.sqlite, and truth.json: the member ids, each
 * member's ballot, the order of entry, and that build's `report --json`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureArgs, git, repo } from './fixture-common.mjs';

const { commit, outDir, Database } = fixtureArgs('make-anonymous-fixture.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'tusoi-anon-fixture-'));
const tree = join(tmp, 'tree');
const work = join(tmp, 'work');

/** The same small LCG as the tests' seeded(): fixed answers from a seed. */
function seeded(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

try {
  git('worktree', 'add', '--detach', tree, commit);
  symlinkSync(join(repo, 'node_modules'), join(tree, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(tree, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: tree, stdio: 'inherit' });
  mkdirSync(work);
  const env = { ...process.env, TUSOI_LANG: 'vi', NO_COLOR: '1' };
  delete env.TUSOI_DB;
  delete env.npm_command;
  const tusoi = (...args) => execFileSync(process.execPath, [join(tree, 'bin', 'tusoi.js'), '--db', 'cell.sqlite', ...args], { cwd: work, env, encoding: 'utf8' });
  tusoi('init', '--unit-code', 'CB07', '--unit-name', 'Chi bộ Phòng Tổng hợp', '--parent', 'DU01');
  const names = Array.from({ length: 12 }, (_, i) => `${['Nguyễn', 'Trần', 'Lê', 'Phạm'][i % 4]} Văn ${['An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà'][i % 6]} ${i + 1}`);
  tusoi('member', 'add', ...names);
  tusoi('round', 'open', '--label', '2026', '--anonymous');
  const show = JSON.parse(tusoi('questionnaire', 'show', 'nq4-khoa-xii', '--json'));
  const behaviours = show.groups.flatMap((g) => g.manifestations.flatMap((m) => m.behaviours.map((b) => b.id)));
  const levels = show.levels.map((l) => l.id);
  const db = new Database(join(work, 'cell.sqlite'), { readonly: true });
  const members = db.prepare('SELECT id, code FROM member ORDER BY id').all();
  db.close();
  const rnd = seeded(1304);
  const ballots = members.map((m) => ({ memberId: m.id, code: m.code, answers: Object.fromEntries(behaviours.map((b) => [b, levels[Math.floor(rnd() * levels.length)]])) }));
  const order = members.map((m) => m.id);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const id of order) {
    const b = ballots.find((x) => x.memberId === id);
    const form = join(work, `form-${id}.csv`);
    writeFileSync(form, `behaviour,level\n${Object.entries(b.answers).map(([k, v]) => `${k},${v}`).join('\n')}\n`);
    tusoi('answer', '--member', b.code, '--answers', form);
  }
  tusoi('round', 'close');
  const report = JSON.parse(tusoi('report', '--json'));
  // Pages as written: the WAL into the file, then no WAL (no VACUUM).
  const w = new Database(join(work, 'cell.sqlite'));
  w.pragma('wal_checkpoint(TRUNCATE)');
  w.pragma('journal_mode = DELETE');
  w.close();
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(work, 'cell.sqlite'), join(outDir, 'cell.sqlite'));
  writeFileSync(join(outDir, 'truth.json'), `${JSON.stringify({ commit, madeOn: new Date().toISOString().slice(0, 10), behaviours, levels, members: members.map((m) => m.id), order, ballots, report }, null, 1)}\n`);
  process.stderr.write(`wrote ${outDir}\n`);
} finally {
  try {
    git('worktree', 'remove', '--force', tree);
  } catch {
    git('worktree', 'prune');
  }
  rmSync(tmp, { recursive: true, force: true });
}
