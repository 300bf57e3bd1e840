// Anonymous resume codes (issue 13): what one guess at a code costs, the
// scrypt derivation of store/ballot-seal.ts, and the brute-force time it
// implies for one member's ballot (half the code space on one core).
import { randomBytes } from 'node:crypto';
import { median, row, ROOT } from './lib.mjs';

export async function resumeCodeBench(runs) {
  const { deriveBallotKey, newResumeCode, CODE_LENGTH } = await import(`${ROOT}/dist/store/ballot-seal.js`);
  const salt = randomBytes(16);
  deriveBallotKey(newResumeCode(), salt, 1); // warm
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    deriveBallotKey(newResumeCode(), salt, 1);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const perGuess = median(times);
  const years = ((32 ** CODE_LENGTH / 2) * perGuess) / 1000 / (365.25 * 86400);
  return [
    row('resume code: one guess (scrypt N=2^15, r=8, 32 MiB)', perGuess, 'ms', undefined, '', undefined, '≥ 50 ms', perGuess >= 50),
    row(`resume code: brute force of one ballot (32^${CODE_LENGTH} / 2 guesses, one core)`, years, 'years', undefined, '', undefined, '≥ 100 years', years >= 100),
  ];
}
