/** The terminal's asking and writing, loaded (with Inquirer) only by the commands that ask. */
import type { Context } from './context.js';
import { outputWidth } from './io.js';
import type { TerminalUi } from './prompts.js';
import { createStyle } from './style.js';

export async function createUi(ctx: Context): Promise<TerminalUi> {
  const [{ TerminalUi }, style] = await Promise.all([import('./prompts.js'), createStyle(ctx.io.stdout, ctx.io.env)]);
  return new TerminalUi(ctx.io.stdout, ctx.m, ctx.lang, style, outputWidth(ctx.io.stdout));
}
