/** The question's menu in-process, on plain streams: what Enter and the keys do with nothing highlighted. */
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { Separator } from '@inquirer/core';
import { describe, expect, it } from 'vitest';
import { levelPrompt } from '../../src/cli/level-prompt.js';

const CHOICES = [
  { name: 'Không', value: 'khong' },
  { name: 'Thỉnh thoảng', value: 'thinh-thoang' },
  { name: 'Thường xuyên', value: 'thuong-xuyen' },
  new Separator(' '),
  { name: '← Câu trước', value: 'back' },
  { name: '☰ Xem lại và nộp', value: 'review' },
];

function ask(options: { default?: string } = {}) {
  const input = new PassThrough();
  let out = '';
  const output = new Writable({ write: (chunk, _enc, next) => ((out += String(chunk)), next()) });
  const answer = levelPrompt<string>({ message: 'Mức độ của bạn:', choices: CHOICES, nothingChosen: 'Chưa chọn mức nào', help: 'phím số', ...options }, { input, output });
  /** Sends keys, one data event each, and lets the prompt render. */
  const keys = async (...ks: string[]) => {
    for (const k of ks) {
      input.write(k);
      await new Promise((r) => setImmediate(r));
    }
  };
  return { answer, keys, screen: () => stripVTControlCharacters(out) };
}

describe('the level prompt', () => {
  it('highlights nothing on an unanswered question; Enter then only hints, however often', async () => {
    const p = ask();
    await p.keys('\r', '\r', '\r');
    expect(p.screen()).not.toContain('❯');
    expect(p.screen()).toContain('Chưa chọn mức nào');
    await p.keys('2', '\r');
    await expect(p.answer).resolves.toBe('thinh-thoang');
  });

  it('numbers the choices in order, separators not counted', async () => {
    const p = ask();
    expect(p.screen()).toMatch(/  1\. Không\n  2\. Thỉnh thoảng\n  3\. Thường xuyên\n *\n  4\. ← Câu trước\n  5\. ☰ Xem lại và nộp/);
    await p.keys('5', '\r');
    await expect(p.answer).resolves.toBe('review');
  });

  it('from nothing highlighted, ↓ goes to the first choice and ↑ to the last; no looping past the ends', async () => {
    const down = ask();
    await down.keys('\x1b[B', '\r');
    await expect(down.answer).resolves.toBe('khong');
    const up = ask();
    await up.keys('\x1b[A', '\x1b[B', '\x1b[A', '\r');
    await expect(up.answer).resolves.toBe('back');
  });

  it('highlights a saved answer, and Enter keeps it', async () => {
    const p = ask({ default: 'thuong-xuyen' });
    expect(p.screen()).toContain('❯ 3. Thường xuyên');
    await p.keys('\r');
    await expect(p.answer).resolves.toBe('thuong-xuyen');
  });
});
