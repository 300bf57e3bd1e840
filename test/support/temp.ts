/**
 * Temporary folders that are removed after the test that made them (or, when
 * made while a file's tests are collected, after that describe block or file).
 * Use `tempDir()` instead of `mkdtempSync`: nothing a test writes stays behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const leftOver = new Set<string>();

function remove(dir: string): void {
  leftOver.delete(dir);
  // A folder made unwritable by a test must still go.
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** A new empty folder under the system's temporary folder, removed when the current test (or block) ends. */
export function tempDir(prefix = 'tusoi-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => remove(dir));
  } catch {
    // Not in a test. While a file's tests are collected, afterAll removes it after the block; in a
    // beforeAll hook afterAll registers nothing, so setup.ts removes what is left after the file.
    leftOver.add(dir);
    try {
      afterAll(() => remove(dir));
    } catch {
      // (outside any suite: left to setup.ts)
    }
  }
  return dir;
}

/** Removes the folders made in hooks; `test/support/setup.ts` calls it after each test file. */
export function removeLeftOverTempDirs(): void {
  for (const d of [...leftOver]) remove(d);
}
