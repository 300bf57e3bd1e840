/** The characters of issue 14 (part 4), each as it would arrive inside a name, with the code point found first. */
export const HOSTILE: ReadonlyArray<readonly [label: string, text: string, first: number]> = [
  ['OSC retitle', '\x1b]0;title\x07', 0x1b],
  ['CSI clear screen', '\x1b[2J\x1b[H', 0x1b],
  ['NUL', '\x00', 0x00],
  ['BEL', '\x07', 0x07],
  ['RLO', '\u202e', 0x202e],
  ['LRI', '\u2066', 0x2066],
  ['RLI', '\u2067', 0x2067],
  ['FSI', '\u2068', 0x2068],
  ['PDI', '\u2069', 0x2069],
  ['ZWSP', '\u200b', 0x200b],
  ['ZWJ', '\u200d', 0x200d],
  ['BOM mid-text', '\ufeff', 0xfeff],
  ['C1 CSI', '\u009b', 0x9b],
];

/** Any control (but line feed), bidi control or default-ignorable code point: what must never reach a terminal or the database. */
export const UNSAFE_ANY = /[\p{Cc}\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;
export const UNSAFE_BUT_LF = /[\0-\x09\x0b-\x1f\x7f-\x9f\p{Default_Ignorable_Code_Point}\u2028\u2029]/u;
