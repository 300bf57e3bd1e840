/**
 * Mutations for fuzzing, from a seeded PRNG so a failure reproduces: cut,
 * swapped or deleted characters, lines duplicated or dropped, wrong types,
 * deep nesting, huge strings, invalid UTF-8.
 */
export type Mutation = (bytes: Buffer, rnd: () => number) => Buffer;

const at = (rnd: () => number, n: number) => Math.floor(rnd() * Math.max(1, n));

export const MUTATIONS: ReadonlyArray<readonly [string, Mutation]> = [
  ['cut', (b, r) => b.subarray(0, at(r, b.length))],
  ['swap', (b, r) => {
    const c = Buffer.from(b);
    const i = at(r, c.length);
    const j = at(r, c.length);
    [c[i], c[j]] = [c[j]!, c[i]!];
    return c;
  }],
  ['delete-line', (b, r) => {
    const lines = b.toString('latin1').split('\n');
    lines.splice(at(r, lines.length), 1);
    return Buffer.from(lines.join('\n'), 'latin1');
  }],
  ['duplicate-line', (b, r) => {
    const lines = b.toString('latin1').split('\n');
    const i = at(r, lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return Buffer.from(lines.join('\n'), 'latin1');
  }],
  ['invalid-utf8', (b, r) => {
    const i = at(r, b.length);
    return Buffer.concat([b.subarray(0, i), Buffer.from([0xff, 0xc3, 0x28]), b.subarray(i)]);
  }],
  ['huge-string', (b, r) => {
    const i = at(r, b.length);
    return Buffer.concat([b.subarray(0, i), Buffer.from('x'.repeat(200_000 + at(r, 100_000))), b.subarray(i)]);
  }],
  ['deep-nesting', (b, r) => {
    const i = at(r, b.length);
    const depth = 500 + at(r, 5000);
    return Buffer.concat([b.subarray(0, i), Buffer.from('['.repeat(depth) + ']'.repeat(depth)), b.subarray(i)]);
  }],
  ['wrong-type', (b, r) => {
    const text = b.toString('utf8');
    const replacements = [': []', ': {}', ': 12', ': true', ': null', ': "x"', ',,,', ';;', '"', '\t'];
    const matches = [...text.matchAll(/: |,|;/g)];
    const m = matches[at(r, matches.length)];
    if (!m || m.index === undefined) return b;
    return Buffer.from(text.slice(0, m.index) + replacements[at(r, replacements.length)]! + text.slice(m.index + m[0].length), 'utf8');
  }],
  ['nul-and-controls', (b, r) => {
    const c = Buffer.from(b);
    for (let k = 0; k < 5; k++) c[at(r, c.length)] = at(r, 32);
    return c;
  }],
];

export function mutate(bytes: Buffer, rnd: () => number): { name: string; bytes: Buffer } {
  let out = bytes;
  const names: string[] = [];
  const rounds = 1 + at(rnd, 3);
  for (let k = 0; k < rounds; k++) {
    const [name, m] = MUTATIONS[at(rnd, MUTATIONS.length)]!;
    out = m(out, rnd);
    names.push(name);
  }
  return { name: names.join('+'), bytes: out };
}
