/**
 * A table a user names (member list, unit list, paper form): read through the
 * one table reader, a damaged file (legacy encoding, mojibake) refused at
 * once with its message; the row problems go back to the command, which
 * reports them all. Imported lazily: the interview needs no CSV reader.
 */
import { readTable, tableRefusal } from '../exchange/table.js';
import type { Context } from './context.js';
import { readUserFile } from './files.js';

export function readUserTable(ctx: Context, file: string): ReturnType<typeof readTable> {
  const read = readTable(readUserFile(ctx.io.cwd, file), file);
  const refusal = tableRefusal(read.problems);
  if (refusal) throw refusal;
  return read;
}
