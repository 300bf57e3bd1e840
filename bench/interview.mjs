// The interview: time to the first question of the real CLI under a pty, and
// the p99 time to commit one answer on a database holding 1,000 submitted responses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { BIN, interleaved, median, percentile, row, ROOT } from './lib.mjs';

async function firstQuestionOnce(db, cwd) {
  const { spawn } = await import('@lydell/node-pty');
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const pty = spawn(process.execPath, [BIN, '--db', db, 'answer', '--member', 'M0001'], { cols: 80, rows: 30, cwd, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    let firstPrompt;
    let keyAt;
    const timer = setTimeout(() => reject(new Error(`no question: ${out}`)), 20_000);
    pty.onData((d) => {
      out += d;
      const text = stripVTControlCharacters(out);
      if (firstPrompt === undefined && text.includes('(C/k)')) {
        firstPrompt = Number(process.hrtime.bigint() - start) / 1e6;
        keyAt = process.hrtime.bigint();
        pty.write('c\r');
      } else if (keyAt !== undefined && text.includes('phím số')) {
        const afterKey = Number(process.hrtime.bigint() - keyAt) / 1e6;
        clearTimeout(timer);
        pty.kill('SIGKILL');
        resolve(firstPrompt + afterKey);
      }
    });
  });
}

export async function setupCell(members, submitted) {
  const { createDatabase } = await import(`${ROOT}/dist/store/db.js`);
  const { saveUnit } = await import(`${ROOT}/dist/store/unit.js`);
  const { addMembers } = await import(`${ROOT}/dist/store/members.js`);
  const { openRound } = await import(`${ROOT}/dist/store/rounds.js`);
  const { enterPaperResponse } = await import(`${ROOT}/dist/store/responses.js`);
  const { loadQuestionnaireFile, bundledQuestionnaireFile } = await import(`${ROOT}/dist/questionnaire/load.js`);
  const { allBehaviours } = await import(`${ROOT}/dist/questionnaire/model.js`);
  const dir = mkdtempSync(join(tmpdir(), 'tusoi-bench-'));
  const file = join(dir, 'cell.sqlite');
  const db = createDatabase(file);
  saveUnit(db, { code: 'CB01', name: 'Chi bộ', level: 'chi-bo', parentCode: null }, '2026-11-23');
  const list = addMembers(db, Array.from({ length: members }, (_, i) => ({ name: `Đảng viên ${i + 1}`, code: `M${String(i + 1).padStart(4, '0')}` })), '2026-11-23');
  const parsed = loadQuestionnaireFile(bundledQuestionnaireFile('nq4-khoa-xii'));
  const q = parsed.questionnaire;
  const round = openRound(db, { label: '2026', questionnaire: q, sourceText: '', anonymous: false, kind: 'collect', today: '2026-11-23' });
  const ids = allBehaviours(q).map((b) => b.id);
  const levels = q.levels.map((l) => l.id);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < submitted; i++) {
    const answers = new Map(ids.map((b) => [b, levels[rnd() < 0.8 ? 0 : rnd() < 0.7 ? 1 : 2]]));
    enterPaperResponse(db, round, list[i].id, answers, { replace: false, today: '2026-11-23' });
  }
  return { db, file, dir, round, list, ids, q };
}

export async function interviewBench(runs) {
  // A cell of 30 with the bundled questionnaire, as a secretary has it.
  const small = await setupCell(30, 0);
  small.db.close();
  const times = [];
  await firstQuestionOnce(small.file, small.dir); // warm the file cache
  for (let i = 0; i < runs; i++) times.push(await firstQuestionOnce(small.file, small.dir));
  const first = median(times);

  // 1,000 submitted responses, then answers committed one by one as the interview does.
  const big = await setupCell(1010, 1000);
  const { startNamedResponse, saveAnswer } = await import(`${ROOT}/dist/store/responses.js`);
  // As the interview runs: every commit durable (synchronous = FULL).
  big.db.pragma('synchronous = FULL');
  const commits = [];
  for (let m = 1000; m < 1010; m++) {
    const r = startNamedResponse(big.db, big.round, big.list[m].id);
    big.ids.forEach((b, k) => {
      const t = process.hrtime.bigint();
      saveAnswer(big.db, r.id, b, 'khong', big.ids[k + 1] ?? '#review');
      commits.push(Number(process.hrtime.bigint() - t) / 1e6);
    });
  }
  big.db.close();
  const p99 = percentile(commits, 99);
  const { baseline } = interleaved({ baseline: { args: ['-e', '0'] } }, runs);
  return [
    row('time to first question (pty, 30 members)', first, 'ms', baseline, 'node -e 0', first / baseline, '≤ 2.00×', first / baseline <= 2),
    row(`answer commit p99 (1,000 submitted, n=${commits.length})`, p99, 'ms', baseline, 'node -e 0', p99 / baseline, '≤ 0.10×', p99 / baseline <= 0.1),
  ];
}
