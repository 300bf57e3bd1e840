/**
 * Every text a message catalogue can produce, with sample parameters: its
 * strings as they are, and each function called with plausible values (named
 * after its parameters) and, for parameters that pick a branch (a reason, a
 * kind, a yes/no), once per value, so that no branch's hint is missed.
 */
import type { Messages } from '../../src/i18n/messages.js';

export interface CatalogueText {
  /** Where in the catalogue: `errors.NO_OPEN_ROUND`, `demo.next`, `commands.init.examples[0][0]`. */
  readonly path: string;
  readonly text: string;
}

/** Sample values by parameter or property name; anything else gets `X` (a string) or 3 (a count). */
const SAMPLES: Record<string, unknown> = {
  file: 'CB03-2026.csv', files: 'CB03-2026.csv', wal: 'tusoi.sqlite-wal', database: 'tusoi.sqlite', dir: 'thu-nghiem', paths: 'nhan-ve/',
  bloc: '/tmp/tusoi-demo-x/khoi.sqlite', cell: '/tmp/tusoi-demo-x/CB04.sqlite', html: 'khoi.html', sent: 'gui-len', cells: 2,
  db: 'tusoi.sqlite', year: '2026', label: '2026', round: '2026', fileRound: '2025', ref: 'CB07', unit: 'DU01', units: 'DU01, DU02',
  previousUnit: 'DU01', previous: 'DU01-2026.csv', newer: 'CB07-2026.csv', code: 'M003', listed: 'M003', member: 'Nguyễn Văn An',
  name: 'Nguyễn Văn An', query: 'nguyen van an', candidates: 'M001 Nguyễn Văn An, M007 Nguyễn Văn An', command: 'session', cmd: 'tusoi answer --member M003',
  option: '--format', value: 'htm', allowed: 'text, html, pdf, json', bundled: 'nq4-khoa-xii', id: 'TT4.3', version: '2026.1', sha256: '0123456789abcdef',
  sha: "0123456789abcdef", expected: 'nq4-khoa-xii 2026.1', detail: 'x', reason: 'EACCES', what: 'questionnaire', kind: 'fifo', format: 'xlsx', char: 'U+202E',
  term: 'nguyen', text: 'nội dung', action: 'làm ngay', due: '30/6/2027', current: 'làm ngay', secret: 'ABCD-EFGH-JKLM', level: 'chi bộ', q: 'nq4-khoa-xii',
  from: 'A', to: 'B', origin: 'trang "DS"', mark: '<5', day: '01/06/2026', commandPath: 'tusoi round open', s: 'đảng viên', o: '--formt', d: 'x', f: 'x', w: 'manifestation', t: 'string',
  key: 'text', actual: 'x', suggestion: 'text', firstLine: 4, line: 4, position: 3, length: 300, size: 2_000_000, limit: 1_000_000, count: 3, errors: 2,
  supported: 6, shared: 100, missing: 'CB05', where: 'x', title: 'x', path: 'x', sheet: 'DS',
};

/** Parameters (or properties) that pick a branch: every value is tried. */
const VARIANTS: Record<string, ReadonlyArray<unknown>> = {
  reason: ['same-code', 'same-name', 'repeated-name', 'leading-zeros', 'namesake', 'hidden', 'not-a-table', 'symlink', 'not-a-file', 'EACCES'],
  what: ['questionnaire', 'counts', 'group', 'manifestation', 'behaviour', 'level', 'key'],
  kind: ['directory', 'fifo', 'device', 'socket', 'other', 'folder', 'control', 'bidi', 'invisible', 'surrogate'],
  anonymous: [true, false],
  open: [true, false],
  unlocked: [true, false],
  exported: [true, false],
  firstLine: [4, undefined],
  code: ['M003', undefined],
  due: ['30/6/2027', undefined],
  warnings: [0, 2],
  expected: ['nq4-khoa-xii 2026.1', 'string'],
};

/** Parameter names, from the function's source: `(a, n, cmd) =>`, `(p) =>`, `({ round: r }) =>`. */
function parameters(fn: (...args: never[]) => unknown): Array<string | Record<string, string>> {
  const source = fn.toString();
  const head = source.slice(0, source.indexOf('=>'));
  const inner = head.trim().replace(/^\(/, '').replace(/\)\s*$/, '');
  if (inner.trim() === '') return [];
  const out: Array<string | Record<string, string>> = [];
  // Destructured parameters: `{ fileRound: f, round: r }`, mapping local name → property.
  for (const part of inner.match(/\{[^}]*\}|[^,\s]+/g) ?? []) {
    if (part.startsWith('{')) {
      const fields: Record<string, string> = {};
      for (const f of part.slice(1, -1).split(',')) {
        const [prop, local] = f.split(':').map((s) => s.trim());
        if (prop) fields[prop] = local ?? prop;
      }
      out.push(fields);
    } else out.push(part);
  }
  return out;
}

const sample = (name: string): unknown => (name in SAMPLES ? SAMPLES[name] : name.length <= 2 ? 3 : 'X');

/** An object parameter: each property is looked up by name, with overrides for one variant. */
function objectParam(overrides: Record<string, unknown>): Record<string, unknown> {
  return new Proxy({}, { get: (_t, key) => (typeof key !== 'string' ? undefined : key in overrides ? overrides[key] : sample(key)), has: () => true });
}

function calls(fn: (...args: unknown[]) => unknown): unknown[][] {
  const params = parameters(fn as (...args: never[]) => unknown);
  const build = (override?: [string, unknown]): unknown[] =>
    params.map((p) => {
      if (typeof p === 'string') {
        if (p === 'p') return objectParam(override ? { [override[0]]: override[1] } : {});
        return override && override[0] === p ? override[1] : sample(p);
      }
      return objectParam(override ? { [override[0]]: override[1] } : {});
    });
  const out = [build()];
  const names = new Set<string>();
  for (const p of params) {
    if (typeof p === 'string' && p !== 'p') names.add(p);
    else if (typeof p !== 'string') Object.keys(p).forEach((k) => names.add(k));
  }
  // An object parameter `p` may read any property: try every known branch.
  if (params.some((p) => p === 'p')) Object.keys(VARIANTS).forEach((k) => names.add(k));
  for (const name of names) for (const v of VARIANTS[name] ?? []) out.push(build([name, v]));
  return out;
}

/** Every text of the catalogue, deduplicated per path. */
export function catalogueTexts(m: Messages): CatalogueText[] {
  const out: CatalogueText[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.push({ path, text: value });
    else if (typeof value === 'function') {
      const seen = new Set<string>();
      for (const args of calls(value as (...a: unknown[]) => unknown)) {
        let text: unknown;
        try {
          text = (value as (...a: unknown[]) => unknown)(...args);
        } catch {
          continue; // a sample that does not fit this function; another variant will
        }
        if (typeof text === 'string' && !seen.has(text)) {
          seen.add(text);
          out.push({ path, text });
        }
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(m, '');
  return out;
}
