#!/usr/bin/env node
/**
 * Makes fixture databases with the build of a given commit, so that every
 * later build can be tested against what an older tusoi really wrote.
 *
 *   node scripts/make-fixture-db.mjs <commit> <outdir>
 *   e.g. node scripts/make-fixture-db.mjs c2c31c0 test/fixtures/db/before-exported-at-c2c31c0
 *
 * The commit is checked out in a temporary `git worktree` (this checkout's
 * node_modules linked in, no npm ci), built with its own `tsc -p
 * tsconfig.json`, and its CLI (`node bin/tusoi.js`) run as a user would,
 * with the small example questionnaire (test/fixtures/questionnaires/small.yaml,
 * copied from this checkout, so that the files stay a few KB each):
 *
 *   cells CB01, CB02 (under DU01), CB03, CB04, CB05 (under DUK), a grassroots
 *   committee DU01 merging CB01 and CB02, and the bloc DUK that imports its
 *   expected units (CB06 never reports) and merges DU01 (final), CB03 (final),
 *   CB04 (provisional: its round is still open) and CB05 (final).
 *
 * Written to <outdir>:
 *   bloc.sqlite            DUK: a merge round with four merged files, one provisional
 *   cell-named.sqlite      CB04: a named round, open, 3 of 4 members answered on
 *                          paper, one commitment (through that build's store module:
 *                          commitments are only asked for in a terminal interview)
 *                          and one measure
 *   cell-anonymous.sqlite  CB05: an anonymous round, closed, 3 of 4 members answered
 *   expected.json          what THAT build's `report --format json` and `status --json`
 *                          printed for each file, for later builds to compare counts with
 *
 * Each file is a VACUUM INTO copy in journal_mode DELETE (no -wal, no -shm),
 * vacuumed again with 1 KiB pages to keep it small (the content is unchanged).
 * Dates are the day the script ran (tusoi has no clock override): tests must
 * not assert them.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixtureArgs, git, repo } from './fixture-common.mjs';

const { commit, outDir, Database } = fixtureArgs('make-fixture-db.mjs');

const tmp = mkdtempSync(join(tmpdir(), 'tusoi-fixture-'));
const tree = join(tmp, 'tree');
const work = join(tmp, 'work');

function log(s) {
  process.stderr.write(`${s}\n`);
}

try {
  log(`worktree ${commit.slice(0, 7)} in ${tree}`);
  git('worktree', 'add', '--detach', tree, commit);
  symlinkSync(join(repo, 'node_modules'), join(tree, 'node_modules'), 'dir');
  log('building');
  execFileSync(process.execPath, [join(tree, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: tree, stdio: 'inherit' });

  mkdirSync(work);
  copyFileSync(join(repo, 'test', 'fixtures', 'questionnaires', 'small.yaml'), join(work, 'small.yaml'));
  const env = { ...process.env, TUSOI_LANG: 'vi', NO_COLOR: '1' };
  delete env.TUSOI_DB;
  /** Runs that build's CLI as typed; returns stdout, fails on a non-zero exit. */
  const tusoi = (...args) => {
    try {
      return execFileSync(process.execPath, [join(tree, 'bin', 'tusoi.js'), ...args], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      throw new Error(`tusoi ${args.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  };

  // Answers: the small questionnaire's five behaviours, levels from a fixed-seed generator.
  const behaviours = ['A1.1', 'A1.2', 'A2.1', 'B1.1', 'B1.2'];
  const levels = ['khong', 'thinh-thoang', 'thuong-xuyen'];
  let seed = 20261123;
  const level = () => levels[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 3];
  let form = 0;
  const paper = (db, member) => {
    form++;
    const file = join(work, `phieu-${form}.csv`);
    writeFileSync(file, `behaviour,level\n${behaviours.map((b) => `${b},${level()}`).join('\n')}\n`);
    tusoi('--db', db, 'answer', '--member', member, '--answers', file);
  };
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'];
  const cell = (code, parent, members, answered, o = {}) => {
    const db = `${code}.sqlite`;
    tusoi('--db', db, 'init', '--unit-code', code, '--unit-name', `Chi bộ ${code}`, '--parent', parent);
    tusoi('--db', db, 'member', 'add', ...names.slice(0, members));
    tusoi('--db', db, 'round', 'open', '--label', '2026', '--questionnaire', 'small.yaml', ...(o.anonymous ? ['--anonymous'] : []));
    for (let k = 1; k <= answered; k++) paper(db, `M00${k}`);
    if (!o.open) tusoi('--db', db, 'round', 'close');
    mkdirSync(join(work, o.to), { recursive: true });
    tusoi('--db', db, 'export', '--out', join(o.to, `${code}-2026.csv`));
    return db;
  };

  cell('CB01', 'DU01', 4, 3, { to: 'du01' });
  cell('CB02', 'DU01', 3, 3, { to: 'du01' });
  cell('CB03', 'DUK', 5, 4, { to: 'len' });
  const named = cell('CB04', 'DUK', 4, 3, { to: 'len', open: true });
  const anonymous = cell('CB05', 'DUK', 4, 3, { to: 'len', anonymous: true });

  tusoi('--db', 'DU01.sqlite', 'init', '--unit-code', 'DU01', '--unit-name', 'Đảng ủy cơ sở DU01', '--level', 'dang-uy-co-so', '--parent', 'DUK');
  tusoi('--db', 'DU01.sqlite', 'round', 'open', '--label', '2026', '--questionnaire', 'small.yaml');
  tusoi('--db', 'DU01.sqlite', 'merge', 'du01');
  tusoi('--db', 'DU01.sqlite', 'round', 'close');
  tusoi('--db', 'DU01.sqlite', 'export', '--out', join('len', 'DU01-2026.csv'));

  const bloc = 'DUK.sqlite';
  tusoi('--db', bloc, 'init', '--unit-code', 'DUK', '--unit-name', 'Đảng bộ Khối', '--level', 'khoi');
  tusoi('--db', bloc, 'round', 'open', '--label', '2026', '--questionnaire', 'small.yaml');
  const expected = ['DU01,Đảng ủy cơ sở DU01,DUK,dang-uy-co-so', ...['CB01', 'CB02'].map((c) => `${c},Chi bộ ${c},DU01,chi-bo`), ...['CB03', 'CB04', 'CB05', 'CB06'].map((c) => `${c},Chi bộ ${c},DUK,chi-bo`)];
  writeFileSync(join(work, 'don-vi.csv'), `Mã,Tên,Cấp trên,Cấp\n${expected.join('\n')}\n`);
  tusoi('--db', bloc, 'unit', 'import', 'don-vi.csv');
  tusoi('--db', bloc, 'merge', 'len');

  // A commitment and a measure in the named cell. Builds with sealed commitments
  // (migration step 6) have services/commitments.js: the commitment is sealed
  // under a secret, written next to the fixtures (expected.json, `secret`).
  const commitments = await import(pathToFileURL(join(tree, 'dist', 'store', 'commitments.js')).href);
  const sealedFile = join(tree, 'dist', 'services', 'commitments.js');
  const { openDatabase } = await import(pathToFileURL(join(tree, 'dist', 'store', 'db.js')).href);
  const db = openDatabase(join(work, named));
  let secret;
  try {
    const round = db.prepare('SELECT * FROM round WHERE closed_on IS NULL').get();
    const member = db.prepare("SELECT id, code, name, active FROM member WHERE code = 'M001'").get();
    const c = { action: 'Đúng giờ mỗi buổi sinh hoạt', due: '2027-06-30' };
    if (existsSync(sealedFile)) {
      const sealed = await import(pathToFileURL(sealedFile).href);
      const made = await sealed.createSecret(member);
      sealed.keepCommitment(db, { id: round.id, label: round.label, anonymous: round.anonymous === 1 }, member, made.key, { behaviourId: 'A1.2', level: 'thuong-xuyen' }, c);
      secret = made.secret;
    } else {
      commitments.saveCommitment(db, { roundId: round.id, memberId: member.id, behaviourId: 'A1.2', ...c });
    }
  } finally {
    db.close();
  }
  tusoi('--db', named, 'measure', 'add', 'Nhắc nhau giữ giờ giấc', '--behaviour', 'A1.2');

  mkdirSync(outDir, { recursive: true });
  const record = { commit, builtFrom: `git worktree of ${commit}, tsc -p tsconfig.json, node bin/tusoi.js`, madeOn: new Date().toISOString().slice(0, 10), ...(secret ? { secret } : {}), fixtures: {} };
  for (const [name, file] of [['bloc', bloc], ['cell-named', named], ['cell-anonymous', anonymous]]) {
    const report = JSON.parse(tusoi('--db', file, 'report', '--format', 'json'));
    const status = JSON.parse(tusoi('--db', file, '--json', 'status'));
    const target = join(outDir, `${name}.sqlite`);
    rmSync(target, { force: true });
    const src = new Database(join(work, file), { readonly: true, fileMustExist: true });
    src.prepare('VACUUM INTO ?').run(target);
    src.close();
    // No WAL to leave behind, and 1 KiB pages: a page per table and index
    // makes a 4 KiB-page file 100 KB however little it holds.
    const out = new Database(target);
    out.pragma('journal_mode = DELETE');
    out.pragma('page_size = 1024');
    out.exec('VACUUM');
    const userVersion = out.pragma('user_version', { simple: true });
    out.close();
    for (const extra of ['-wal', '-shm', '-journal']) if (existsSync(target + extra)) throw new Error(`${target}${extra} left behind`);
    record.fixtures[name] = { file: `${name}.sqlite`, unit: file.replace('.sqlite', ''), userVersion, report, status };
    log(`${name}.sqlite: user_version ${userVersion}`);
  }
  writeFileSync(join(outDir, 'expected.json'), `${JSON.stringify(record, null, 2)}\n`);
  log(`written to ${outDir}`);
} finally {
  try {
    git('worktree', 'remove', '--force', tree);
  } catch (error) {
    log(`could not remove the worktree: ${error.message}`);
  }
  rmSync(tmp, { recursive: true, force: true });
  try {
    git('worktree', 'prune');
  } catch {
    // nothing to prune
  }
}
