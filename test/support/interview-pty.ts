/** Driving `tusoi answer` under a pseudo-terminal: start a member's interview, answer a range of questions. */
import type { TempCell } from './cell.js';
import { KEYS, runPty, type PtySession } from './pty.js';

export const LEVEL_KEY: Record<string, string> = { khong: '1', 'thinh-thoang': '2', 'thuong-xuyen': '3' };

/** Answers questions `from`..`to` (1-based, inclusive) with the level a pattern gives; returns what was acknowledged. */
export async function answerRange(s: PtySession, from: number, to: number, level: (n: number) => string): Promise<string[]> {
  const acks: string[] = [];
  let offset = 0;
  for (let n = from; n <= to; n++) {
    offset = await s.waitFor(new RegExp(`Câu ${n}/111 · (\\S+)`), { from: offset });
    offset = await s.waitFor('phím số', { from: offset });
    s.type(LEVEL_KEY[level(n)]!);
    s.type(KEYS.enter);
    const ack = await s.waitFor(new RegExp(`✓ Đã lưu (\\S+): .* · đã trả lời \\d+ trên 111 câu`), { from: offset });
    acks.push(s.text().slice(offset, ack));
    offset = ack;
  }
  return acks;
}

/** `tusoi answer --member <member>` on the cell, past the "is this you?" question. */
export async function startAnswer(cell: TempCell, member: string): Promise<PtySession> {
  const s = runPty(['--db', cell.db, 'answer', '--member', member], { cwd: cell.dir });
  await s.waitFor('(C/k)');
  s.type('c');
  s.type(KEYS.enter);
  return s;
}
