// The cost of one guess at a commitment secret (node:crypto scrypt at the
// parameters tusoi stores), and what trying every secret would take on a
// 16-core machine. Measured, never asserted: `npm run build && node bench/scrypt-cost.mjs [runs]`.
import { scryptSync } from 'node:crypto';
import { cpus } from 'node:os';
import { KDF_PARAMS } from '../dist/privacy/seal.js';
import { SECRET_ALPHABET, SECRET_BITS, SECRET_LENGTH } from '../dist/privacy/secret-code.js';

const runs = Number(process.argv[2] ?? 15);
const { n, r, p } = KDF_PARAMS;
const salt = Buffer.alloc(16, 7);
const times = [];
scryptSync('WARM-UP0-0000', salt, 32, { N: n, r, p, maxmem: 256 * n * r });
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  scryptSync(`GUESS-${String(i).padStart(7, '2')}`, salt, 32, { N: n, r, p, maxmem: 256 * n * r });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] / 1000;
const fastest = times[0] / 1000;
const YEAR = 365.25 * 86_400;
const space = SECRET_ALPHABET.length ** SECRET_LENGTH;
const years = (perGuess, cores) => (space * perGuess) / cores / YEAR;
const fmt = (x) => x.toExponential(2);

console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, node ${process.version}`);
console.log(`scrypt N=2^${Math.log2(n)} r=${r} p=${p} (${(128 * n * r) / 2 ** 20} MiB): median ${(median * 1000).toFixed(1)} ms, fastest ${(fastest * 1000).toFixed(1)} ms a guess on one core (${runs} runs)`);
console.log(`secret: ${SECRET_LENGTH} characters of ${SECRET_ALPHABET.length} = ${SECRET_BITS.toFixed(0)} bits, ${fmt(space)} possibilities`);
console.log(`every secret on 16 cores: ${fmt(years(fastest, 16))} years at the fastest time (half that on average)`);
for (const digits of [4, 6]) console.log(`  a ${digits}-digit PIN, for comparison: ${((10 ** digits * fastest) / 16 / 3600).toFixed(2)} hours on 16 cores`);
