/**
 * Plausible responses and cell exports from a fixed seed, for the demo, the
 * tests and the benchmarks. Exports are made by the real summary and export
 * code, so what is generated is exactly what `tusoi export` would write.
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { exportCsv, exportRows } from '../exchange/export.js';
import { allBehaviours, type LevelId, type Questionnaire } from '../questionnaire/model.js';
import { summarise, type Summary } from '../summary/aggregate.js';
import { AGENCIES, DEPARTMENTS } from './names.js';
import { seeded } from './random.js';

/**
 * One member's answers: most members report little; each has a propensity,
 * and a few behaviours (working habits more than ideology) are reported more.
 */
export function randomResponse(q: Questionnaire, rnd: () => number): Map<string, LevelId> {
  const levels = q.levels.map((l) => l.id);
  const roll = rnd();
  const propensity = roll < 0.55 ? 0 : roll < 0.85 ? 0.008 : 0.04;
  const answers = new Map<string, LevelId>();
  for (const b of allBehaviours(q)) {
    const bias = /^(TT3|TT4|TT5|DD5|DD6)\./.test(b.id) ? 2.5 : /^TDB/.test(b.id) ? 0.2 : 1;
    const p = Math.min(0.9, propensity * bias);
    const r = rnd();
    answers.set(b.id, r < p * 0.25 ? levels[levels.length - 1]! : r < p ? levels[Math.min(1, levels.length - 1)]! : levels[0]!);
  }
  return answers;
}

export interface GeneratedCell {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly summary: Summary;
  readonly csv: string;
  readonly fileName: string;
}

export interface GenerateOptions {
  readonly count: number;
  readonly seed: number;
  readonly roundLabel: string;
  /** Cells are spread over these parents (none: cells report directly). */
  readonly parents?: ReadonlyArray<string>;
  readonly status?: 'final' | 'provisional';
  readonly exportedAt?: string;
  readonly tusoiVersion?: string;
  readonly codePrefix?: string;
  /** Leave the exports unsigned, as a build before format 2 wrote them (default: each cell signs with its own key). */
  readonly unsigned?: boolean;
}

/** PKCS#8 DER of an Ed25519 private key, before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A generated cell's key pair, derived from its code: the same options give
 * the same files (Ed25519 signatures are deterministic), and a cell generated
 * twice with other figures is the same unit signing again, as a real cell is.
 */
export function demoKey(code: string): { publicKey: ReturnType<typeof createPublicKey>; privateKey: ReturnType<typeof createPrivateKey> } {
  const raw = createHash('sha256').update(`tusoi-demo-key\u0000${code}`).digest();
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
  return { publicKey: createPublicKey(privateKey), privateKey };
}

/** N cell exports, one at a time (memory stays flat for thousands). */
export function* generateCellExports(q: Questionnaire, o: GenerateOptions): Generator<GeneratedCell> {
  const rnd = seeded(o.seed);
  for (let i = 0; i < o.count; i++) {
    const code = `${o.codePrefix ?? 'CB'}${String(i + 1).padStart(4, '0')}`;
    const name = `Chi bộ ${DEPARTMENTS[i % DEPARTMENTS.length]} – ${AGENCIES[Math.floor(i / DEPARTMENTS.length) % AGENCIES.length]}`;
    const parentCode = o.parents && o.parents.length > 0 ? o.parents[i % o.parents.length]! : null;
    const members = 5 + Math.floor(rnd() * 26);
    const respondents = Math.max(0, members - Math.floor(rnd() * 3));
    const responses = Array.from({ length: respondents }, () => randomResponse(q, rnd));
    const summary = summarise(q, responses, { code, name, level: 'chi-bo', parentCode, members });
    const rows = exportRows(
      q,
      summary,
      {
        tusoiVersion: o.tusoiVersion ?? '0.0.0',
        unit: { code, name, level: 'chi-bo', parentCode },
        roundLabel: o.roundLabel,
        status: o.status ?? 'final',
        exportedAt: o.exportedAt ?? '2026-11-23T09:00:00Z',
        ...(o.unsigned ? {} : { signer: demoKey(code) }),
      },
      'vi',
    );
    yield { code, name, parentCode, summary, csv: exportCsv(rows, ','), fileName: `${code}-${o.roundLabel}.csv` };
  }
}
