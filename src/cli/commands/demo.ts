/**
 * `tusoi demo`: a realistic small bloc made in seconds through the real
 * commands (run in-process, exactly as typed): 12 cells answer a round from
 * paper forms filled with plausible random answers (fixed seed), export;
 * two grassroots committees merge theirs and export upward; the bloc merges
 * everything, one cell still missing, and shows its coverage and report.
 */
import { shellArg } from '../shell-arg.js';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomResponse } from '../../demo/generate.js';
import { AGENCIES, DEPARTMENTS, personName } from '../../demo/names.js';
import { seeded } from '../../demo/random.js';
import { ExitCode, UserError } from '../../errors.js';
import { bundledQuestionnaireFile, loadQuestionnaireFile } from '../../questionnaire/load.js';
import type { Context } from '../context.js';
import type { Io } from '../io.js';

const ROUND = '2026';
const SEED = 20261123;

interface DemoCell {
  readonly code: string;
  readonly name: string;
  readonly parent: string;
  readonly members: number;
  /** How many of its members have answered; the rest have not (yet). */
  readonly answered: number;
  /** The cell that has not sent its file. */
  readonly missing?: boolean;
}

/** The bloc: DUK; grassroots committees DU01 (5 cells) and DU02 (4 cells); 3 cells report directly. */
function plan(rnd: () => number): DemoCell[] {
  const cells: DemoCell[] = [];
  const parents = ['DU01', 'DU01', 'DU01', 'DU01', 'DU01', 'DU02', 'DU02', 'DU02', 'DU02', 'DUK', 'DUK', 'DUK'];
  parents.forEach((parent, i) => {
    const members = 8 + Math.floor(rnd() * 10);
    const answered = members - (rnd() < 0.5 ? 0 : 1 + Math.floor(rnd() * 2));
    cells.push({
      code: `CB${String(i + 1).padStart(2, '0')}`,
      name: `Chi bộ ${DEPARTMENTS[i % DEPARTMENTS.length]} – ${AGENCIES[i % AGENCIES.length]}`,
      parent,
      members,
      answered,
      ...(i === 8 ? { missing: true } : {}),
    });
  });
  return cells;
}

/** What a demo leaves at the top of its folder. */
const DEMO_ENTRIES = ['khoi.sqlite', 'don-vi.csv', 'chi-bo', 'phieu', 'gui-len', 'dang-uy-co-so'];

const silent = (io: Io): Io => ({ ...io, stdout: { write: () => true }, stderr: { write: () => true }, stdin: { isTTY: false } });

export async function demo(ctx: Context, o: { dir?: string }): Promise<number> {
  const m = ctx.m.demo;
  const dir = o.dir ? resolve(ctx.io.cwd, o.dir) : mkdtempSync(join(tmpdir(), 'tusoi-demo-'));
  // A demo run before in this folder: its databases would refuse `init` halfway; say so first.
  if (o.dir && DEMO_ENTRIES.some((e) => existsSync(join(dir, e)))) throw new UserError('DEMO_DIR_EXISTS', { dir: o.dir });
  mkdirSync(dir, { recursive: true });
  for (const sub of ['chi-bo', 'phieu', 'gui-len', 'dang-uy-co-so']) mkdirSync(join(dir, sub), { recursive: true });
  const quiet = silent(ctx.io);
  const lang = ['--lang', ctx.lang];
  /** Runs one tusoi command exactly as typed, in-process; any failure stops the demo. */
  const tusoi = async (args: string[], io: Io = quiet): Promise<void> => {
    const code = await ctx.run([...lang, ...args], { ...io, cwd: dir });
    if (code !== 0) throw new UserError('DEMO_STEP_FAILED', { command: `tusoi ${args.join(' ')}` });
  };
  const out = (s: string) => ctx.io.stdout.write(`${s}\n`);

  const rnd = seeded(SEED);
  const q = loadQuestionnaireFile(bundledQuestionnaireFile('nq4-khoa-xii'));
  if (!q.ok) throw new UserError('QUESTIONNAIRE_INVALID', { file: 'nq4-khoa-xii', errors: q.problems.length });
  const cells = plan(rnd);
  const members = cells.reduce((n, c) => n + c.members, 0);
  out(m.intro(dir, cells.length, members));

  // 1. Each cell: its database, members, a round, paper forms entered, closed, exported.
  for (const c of cells) {
    const db = join(dir, 'chi-bo', `${c.code}.sqlite`);
    await tusoi(['--db', db, 'init', '--unit-code', c.code, '--unit-name', c.name, '--parent', c.parent]);
    await tusoi(['--db', db, 'member', 'add', ...Array.from({ length: c.members }, () => personName(rnd))]);
    await tusoi(['--db', db, 'round', 'open', '--label', ROUND]);
    for (let k = 1; k <= c.answered; k++) {
      const form = join(dir, 'phieu', `${c.code}-M${String(k).padStart(3, '0')}.csv`);
      const answers = randomResponse(q.questionnaire, rnd);
      writeFileSync(form, `behaviour,level\n${[...answers].map(([b, l]) => `${b},${l}`).join('\n')}\n`);
      await tusoi(['--db', db, 'answer', '--member', `M${String(k).padStart(3, '0')}`, '--answers', form]);
    }
    if (c.missing) {
      out(m.cellStep(c.code, c.members, c.answered, false));
      continue;
    }
    await tusoi(['--db', db, 'round', 'close']);
    const to = c.parent === 'DUK' ? 'gui-len' : join('dang-uy-co-so', c.parent);
    mkdirSync(join(dir, to), { recursive: true });
    await tusoi(['--db', db, 'export', '--out', join(to, `${c.code}-${ROUND}.csv`)]);
    out(m.cellStep(c.code, c.members, c.answered, true));
  }
  out(m.cellsDone(cells.length - 1, cells.find((c) => c.missing)!.code));

  // 2. The grassroots committees merge their cells and send their own export up.
  for (const du of ['DU01', 'DU02']) {
    const db = join(dir, 'dang-uy-co-so', `${du}.sqlite`);
    await tusoi(['--db', db, 'init', '--unit-code', du, '--unit-name', m.committeeName(du), '--level', 'dang-uy-co-so', '--parent', 'DUK']);
    await tusoi(['--db', db, 'round', 'open', '--label', ROUND]);
    await tusoi(['--db', db, 'merge', join('dang-uy-co-so', du)]);
    await tusoi(['--db', db, 'round', 'close']);
    await tusoi(['--db', db, 'export', '--out', join('gui-len', `${du}-${ROUND}.csv`)]);
    out(m.committeeStep(du, cells.filter((c) => c.parent === du && !c.missing).length));
  }
  out(m.committeesDone);

  // 3. The bloc: expected units, then everything that arrived.
  const bloc = join(dir, 'khoi.sqlite');
  await tusoi(['--db', bloc, 'init', '--unit-code', 'DUK', '--unit-name', m.blocName, '--level', 'khoi']);
  await tusoi(['--db', bloc, 'round', 'open', '--label', ROUND]);
  const committees = ['DU01', 'DU02'].map((du) => `${du},"${m.committeeName(du)}",DUK,dang-uy-co-so`);
  const expected = [...committees, ...cells.map((c) => `${c.code},"${c.name}",${c.parent},chi-bo`)];
  writeFileSync(join(dir, 'don-vi.csv'), `\uFEFFMã,Tên,Cấp trên,Cấp\r\n${expected.join('\r\n')}\r\n`);
  await tusoi(['--db', bloc, 'unit', 'import', 'don-vi.csv']);
  await tusoi(['--db', bloc, 'merge', 'gui-len']);
  await tusoi(['--db', bloc, 'report', '--format', 'html', '--out', `DUK-${ROUND}.html`]);
  out(m.blocDone);
  out('');

  // What bloc staff see: coverage, then the report.
  const real = ctx.io;
  await tusoi(['--db', bloc, 'status'], real);
  out('');
  await tusoi(['--db', bloc, 'report'], real);
  out('');
  out(m.files(dir, bloc, join(dir, `DUK-${ROUND}.html`), join(dir, 'gui-len'), join(dir, 'chi-bo')));
  out(m.next(shellArg(bloc), shellArg(join(dir, 'chi-bo', 'CB09.sqlite'))));
  return ExitCode.Ok;
}
