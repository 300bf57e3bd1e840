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
import { readFileSync } from 'node:fs';
import { readExport } from '../exchange/import.js';
import { candidateOf, type MergeCandidate } from '../exchange/merge.js';
import type { CsvProblem } from '../exchange/problems.js';
import type { Questionnaire } from '../questionnaire/model.js';

export interface ReadJob {
  readonly index: number;
  readonly file: string;
  readonly name: string;
}

export type ReadOutcome =
  | { readonly index: number; readonly candidate: MergeCandidate }
  | { readonly index: number; readonly problems: ReadonlyArray<CsvProblem> }
  | { readonly index: number; readonly error: string };

/** Reads and checks one file: a merge candidate, the problems found, or why it could not be read. */
export function readCandidate(job: ReadJob, q: Questionnaire): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.file);
  } catch (error) {
    return { index: job.index, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  const r = readExport(bytes, job.name);
  return r.ok ? { index: job.index, candidate: candidateOf(r.parsed, q) } : { index: job.index, problems: r.problems };
}

export function* readAll(jobs: ReadonlyArray<ReadJob>, q: Questionnaire): Generator<ReadOutcome> {
  for (const job of jobs) yield readCandidate(job, q);
}
