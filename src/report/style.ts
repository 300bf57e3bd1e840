/**
 * What a renderer needs of colour: a few functions from text to text. The
 * terminal builds one from chalk (`cli/style.ts`); files, pipes and tests use
 * the plain one, so reports stay pure and never know where they are shown.
 */
export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly warn: (s: string) => string;
  readonly error: (s: string) => string;
  readonly ok: (s: string) => string;
  /** One colour per answer level, by position (0 = none). */
  readonly level: (index: number, s: string) => string;
}

const identity = (s: string): string => s;

export const PLAIN_STYLE: Style = {
  bold: identity,
  dim: identity,
  warn: identity,
  error: identity,
  ok: identity,
  level: (_i, s) => s,
};
