/**
 * Reading export files for a merge, one at a time and in order, so that memory
 * stays flat however many files there are and decisions never depend on timing.
 *
 * NOTE: worker threads were tried (two parsers beside the storing thread) and
 * gave nothing on the 2-vCPU machines this is measured on: the work is
 * allocation-heavy and the two vCPUs share one core's caches. The reader is
 * kept behind this one function so that a parallel one can return if laptops
 * with more cores show a gain.
 */
import { readExport } from '../exchange/import.js';
import { candidateOf, type MergeCandidate } from '../exchange/merge.js';
import type { CsvProblem } from '../exchange/problems.js';
import { FILE_CAPS, readCapped } from '../files/read-capped.js';
import type { Questionnaire } from '../questionnaire/model.js';

export interface ReadJob {
  readonly index: number;
  readonly file: string;
  readonly name: string;
}

export type ReadOutcome =
  | { readonly index: number; readonly candidate: MergeCandidate; readonly warnings: ReadonlyArray<CsvProblem> }
  | { readonly index: number; readonly problems: ReadonlyArray<CsvProblem> }
  | { readonly index: number; readonly error: string };

// One buffer reused for every file: a new one per file was a sixth of a
// 10,000-file merge (allocation, page faults, garbage collection). The text
// decoded from it is a new string, so nothing keeps a reference to it. It
// grows to the largest file read, never past the export cap + 1.
const scratch = { buffer: Buffer.allocUnsafe(256 * 1024) };

/**
 * Reads and checks one file: a merge candidate, the problems found, or why it
 * could not be read. A FIFO, a device or a file over the cap is refused before
 * a byte is read (`files/read-capped.ts`), as a problem of that file alone.
 */
function readCandidate(job: ReadJob, q: Questionnaire, now: Date): ReadOutcome {
  const got = readCapped(job.file, FILE_CAPS.export, scratch);
  if (!got.ok) {
    const r = got.refusal;
    const problem = (code: CsvProblem['code'], params: CsvProblem['params']): ReadOutcome => ({ index: job.index, problems: [{ code, file: job.name, line: 0, params }] });
    if (r.code === 'FILE_NOT_REGULAR') return problem('FILE_NOT_REGULAR', { kind: r.kind });
    if (r.code === 'FILE_TOO_LARGE') return problem('FILE_TOO_LARGE', { count: r.size, limit: r.limit });
    return { index: job.index, error: r.code === 'FILE_NOT_FOUND' ? 'ENOENT' : r.reason };
  }
  const r = readExport(got.bytes, job.name, { questionnaire: q, now });
  return r.ok ? { index: job.index, candidate: candidateOf(r.parsed, q), warnings: r.parsed.warnings } : { index: job.index, problems: r.problems };
}

export function* readAll(jobs: ReadonlyArray<ReadJob>, q: Questionnaire, now: Date): Generator<ReadOutcome> {
  for (const job of jobs) yield readCandidate(job, q, now);
}
