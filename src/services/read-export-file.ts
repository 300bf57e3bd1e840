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
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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

// One buffer reused for every file: a new one per file was a sixth of a
// 10,000-file merge (allocation, page faults, garbage collection). The text
// decoded from it is a new string, so nothing keeps a reference to it.
let buffer = Buffer.allocUnsafe(256 * 1024);

/** A file's bytes in the shared buffer (valid until the next call). */
function readIntoBuffer(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > buffer.length) buffer = Buffer.allocUnsafe(Math.max(size, buffer.length * 2));
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Reads and checks one file: a merge candidate, the problems found, or why it could not be read. */
function readCandidate(job: ReadJob, q: Questionnaire): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readIntoBuffer(job.file);
  } catch (error) {
    return { index: job.index, error: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  const r = readExport(bytes, job.name);
  return r.ok ? { index: job.index, candidate: candidateOf(r.parsed, q) } : { index: job.index, problems: r.problems };
}

export function* readAll(jobs: ReadonlyArray<ReadJob>, q: Questionnaire): Generator<ReadOutcome> {
  for (const job of jobs) yield readCandidate(job, q);
}
