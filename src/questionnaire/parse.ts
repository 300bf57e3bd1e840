/**
 * `parseQuestionnaire(text, source)`: YAML text → a validated questionnaire, or
 * every problem found, each located (line, column, path) and coded.
 *
 * The walk reads yaml's document tree (not plain JS values) so that every
 * problem keeps the position of the node it is about. Cross-cutting checks
 * (unique ids, levels, declared counts) are named rules in `rules.ts`.
 */
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, parse as parseYaml, parseDocument, visit, type Node } from 'yaml';
import { codePointLabel, firstUnsafe, TEXT_LIMITS, type UnsafeChar } from '../text/hygiene.js';
import { isNfc } from '../text/vietnamese.js';
import { hashQuestionnaire } from './hash.js';
import {
  MANIFESTATION_STATUSES,
  QUESTIONNAIRE_FORMAT,
  type Behaviour,
  type Group,
  type Level,
  type LocalText,
  type Manifestation,
  type ManifestationStatus,
  type Questionnaire,
} from './model.js';
import { isError, sortProblems, type Problem, type ProblemCode, type ProblemParams, type Severity } from './problems.js';
import { runRules, type At, type Draft, type IdAt } from './rules.js';

// yaml is imported statically so that scripts/bundle.mjs inlines it into the
// lazily loaded chunk of the commands that read questionnaires: one file to
// compile instead of yaml's ~60 CommonJS modules to resolve and wrap.

export type ParseResult =
  | { readonly ok: true; readonly questionnaire: Questionnaire; readonly warnings: ReadonlyArray<Problem> }
  | { readonly ok: false; readonly problems: ReadonlyArray<Problem> };

/**
 * Limits that keep a hostile or broken file from costing much: `depth` is the
 * flow brackets (`[`, `{`) or compact list dashes (`- - -`) open at once (a
 * questionnaire needs 2 or 3), `problems` how many are listed per file.
 */
export const LIMITS = { textLength: 4000, idLength: 64, depth: 64, problems: 100 } as const;

/**
 * The offset where nesting first goes past `LIMITS.depth`, or -1. A cheap
 * scan before the YAML parser: on a few megabytes of `[[[[…` the parser spends
 * seconds before its own stack runs out. Brackets inside quoted text count
 * too, harmlessly: no real text holds 64 unclosed ones.
 */
function tooDeepAt(text: string): number {
  let flow = 0;
  let dashes = 0;
  let lead = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lead = true;
      dashes = 0;
    } else if (c === 0x5b || c === 0x7b) {
      lead = false;
      if (++flow > LIMITS.depth) return i;
    } else if (c === 0x5d || c === 0x7d) {
      lead = false;
      if (flow > 0) flow--;
    } else if (lead && c !== 0x20 && c !== 0x09) {
      // `- - - x`: each dash followed by a space opens one more list on the line.
      const next = text.charCodeAt(i + 1);
      if ((c === 0x2d || c === 0x3f) && (next === 0x20 || next === 0x09 || next === 0x0a)) {
        if (++dashes > LIMITS.depth) return i;
      } else lead = false;
    }
  }
  return -1;
}

/** At most `LIMITS.problems` problems, then one `MORE_PROBLEMS` saying how many were left out. */
function bounded(problems: Problem[]): Problem[] {
  if (problems.length <= LIMITS.problems) return problems;
  const kept = problems.slice(0, LIMITS.problems);
  const rest = problems.slice(LIMITS.problems);
  const last = kept[kept.length - 1]!;
  const severity: Severity = rest.some(isError) ? 'error' : 'warning';
  return [...kept, { code: 'MORE_PROBLEMS', severity, source: last.source, line: last.line, col: last.col, path: '', params: { count: rest.length } }];
}

/** Line and column (1-based) of an offset, without the parser (which never ran). */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/**
 * Anchors (`&a`) and aliases (`*a`), each located. The format has no use for
 * them (every text is written in place), and nested aliases expand
 * exponentially: a 1.9 KB file of them once took minutes and gigabytes. They
 * are found on the document as parsed, before anything is expanded.
 */
function reportAliases(w: Walker, doc: Document): boolean {
  let found = false;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        w.report('YAML_ALIAS', node, '', { key: `*${node.source}` });
        found = true;
      } else if ((node as { anchor?: string }).anchor) {
        w.report('YAML_ALIAS', node, '', { key: `&${(node as { anchor?: string }).anchor}` });
        found = true;
      }
    },
  });
  return found;
}

/** ASCII only: ids travel in every CSV export, which may pass through cp1258. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

type Yaml = Node | null | undefined;

/** Where a node stands, and how to report a problem there. */
class Walker {
  readonly problems: Problem[] = [];
  /** Every id read, with where it stands: the rules check them even when other parts are broken. */
  readonly itemIds: Array<IdAt & { what: string }> = [];
  readonly levels: Array<IdAt & { none: boolean }> = [];
  readonly source: string;
  readonly lines: LineCounter;
  readonly doc: Document;
  /** The YAML text, to locate a character inside a scalar. */
  readonly text: string;
  constructor(source: string, lines: LineCounter, doc: Document, text: string) {
    this.source = source;
    this.lines = lines;
    this.doc = doc;
    this.text = text;
  }

  pos(node: Yaml, fallback = 0): { line: number; col: number } {
    const offset = node?.range?.[0] ?? fallback;
    return this.lines.linePos(offset);
  }

  report(code: ProblemCode, node: Yaml, path: string, params: ProblemParams = {}, severity: Severity = 'error', fallback = 0): void {
    const { line, col } = this.pos(node, fallback);
    this.problems.push({ code, severity, source: this.source, line, col, path, params });
  }

  located(node: Yaml, path: string): At {
    return { ...this.pos(node), path };
  }

  /** Aliases stand for their anchor's node. */
  deref(node: Yaml): Yaml {
    if (node && isAlias(node)) return node.resolve(this.doc) as Yaml;
    return node;
  }
}

interface Field {
  readonly key: Node;
  readonly value: Yaml;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function typeName(node: Yaml): string {
  if (node === null || node === undefined) return 'null';
  if (isMap(node)) return 'mapping';
  if (isSeq(node)) return 'list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'number' || typeof v === 'bigint') return 'number';
    if (typeof v === 'boolean') return 'boolean';
    if (typeof v === 'string') return 'string';
  }
  return 'other';
}

/** Levenshtein distance, to suggest the nearest known key. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

export function nearest(word: string, candidates: ReadonlyArray<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // Only a plausible typo is worth suggesting.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * Reads a mapping against its known keys: reports a wrong type, unknown keys
 * (with the nearest known one) and missing required keys.
 */
function readMap(
  w: Walker,
  node: Yaml,
  path: string,
  required: ReadonlyArray<string>,
  optional: ReadonlyArray<string>,
  parentForMissing?: Yaml,
): Map<string, Field> | undefined {
  node = w.deref(node);
  if (!node || !isMap(node)) {
    w.report('WRONG_TYPE', node ?? parentForMissing, path, { expected: 'mapping', actual: typeName(node) });
    return undefined;
  }
  const known = [...required, ...optional];
  const fields = new Map<string, Field>();
  for (const pair of node.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
    if (key === undefined) {
      w.report('WRONG_TYPE', keyNode, path, { expected: 'string', actual: typeName(keyNode), what: 'key' });
      continue;
    }
    if (!known.includes(key)) {
      const suggestion = nearest(key, known);
      w.report('UNKNOWN_KEY', keyNode, join(path, key), suggestion ? { key, suggestion } : { key });
      continue;
    }
    fields.set(key, { key: keyNode, value: w.deref(pair.value as Yaml) });
  }
  for (const key of required) {
    if (!fields.has(key)) w.report('MISSING_FIELD', node, join(path, key), { key });
  }
  return fields;
}

function readList(w: Walker, field: Field, path: string): ReadonlyArray<Yaml> | undefined {
  const node = field.value;
  if (!node || !isSeq(node)) {
    w.report('WRONG_TYPE', node ?? field.key, path, { expected: 'list', actual: typeName(node) });
    return undefined;
  }
  return node.items.map((item) => w.deref(item as Yaml));
}

function readString(w: Walker, field: Field, path: string, key: string): string | undefined {
  const node = field.value;
  if (!node || !isScalar(node) || typeof node.value !== 'string') {
    w.report('WRONG_TYPE', node ?? field.key, path, { key, expected: 'string', actual: typeName(node) });
    return undefined;
  }
  const value = node.value;
  if (value.trim() === '') {
    w.report('EMPTY_TEXT', node, path, { key });
    return undefined;
  }
  if (value.length > LIMITS.textLength) {
    w.report('TEXT_TOO_LONG', node, path, { key, count: value.length, limit: LIMITS.textLength });
    return undefined;
  }
  // Text hygiene: texts and notes (`vi`, `en`) may hold line feeds; nothing else may hold a control.
  const bad = firstUnsafe(value, { lineFeed: key === 'vi' || key === 'en' });
  if (bad) {
    reportUnsafe(w, node, path, key, bad);
    return undefined;
  }
  if (key === 'version' && value.length > TEXT_LIMITS.version) {
    w.report('TEXT_TOO_LONG', node, path, { key, count: value.length, limit: TEXT_LIMITS.version });
    return undefined;
  }
  if (!isNfc(value)) w.report('NOT_NFC', node, path, { key });
  return value.normalize('NFC');
}

/**
 * An unsafe character, located where it stands when written as itself in the
 * file (an escape such as "\u202E" in a quoted string is located at the string).
 */
function reportUnsafe(w: Walker, node: Node, path: string, key: string, bad: UnsafeChar): void {
  const [start, end] = node.range ?? [0, 0];
  const ch = String.fromCodePoint(bad.codePoint);
  const at = w.text.indexOf(ch, start);
  const offset = at >= 0 && at < end ? at : start;
  const { line, col } = w.lines.linePos(offset);
  const params = { key, actual: codePointLabel(bad.codePoint), kind: bad.kind, position: bad.position };
  w.problems.push({ code: 'UNSAFE_CHARACTER', severity: 'error', source: w.source, line, col, path, params });
}

function readId(w: Walker, field: Field, path: string): string | undefined {
  const id = readString(w, field, path, 'id');
  if (id === undefined) return undefined;
  if (!ID_PATTERN.test(id) || id.length > LIMITS.idLength) {
    w.report('BAD_ID', field.value, path, { id, limit: LIMITS.idLength });
    return undefined;
  }
  return id;
}

/** `{ vi, en }`: vi required, en optional (a warning when missing). */
function readText(w: Walker, field: Field, path: string): LocalText | undefined {
  const fields = readMap(w, field.value, path, ['vi'], ['en'], field.key);
  if (!fields) return undefined;
  const viField = fields.get('vi');
  const enField = fields.get('en');
  const vi = viField && readString(w, viField, join(path, 'vi'), 'vi');
  const en = enField && readString(w, enField, join(path, 'en'), 'en');
  if (!enField) w.report('MISSING_TRANSLATION', field.value, join(path, 'en'), { key: 'en' }, 'warning');
  if (vi === undefined) return undefined;
  return en === undefined ? { vi } : { vi, en };
}

function optionalText(w: Walker, fields: Map<string, Field>, key: string, path: string): LocalText | undefined {
  const field = fields.get(key);
  return field ? readText(w, field, join(path, key)) : undefined;
}

function requiredText(w: Walker, fields: Map<string, Field>, key: string, path: string): LocalText | undefined {
  const field = fields.get(key);
  return field ? readText(w, field, join(path, key)) : undefined;
}

function readCount(w: Walker, field: Field, path: string, key: string): number | undefined {
  const node = field.value;
  const v = node && isScalar(node) ? node.value : undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    w.report('BAD_COUNT', node ?? field.key, path, { key, actual: typeName(node) === 'number' ? String(v) : typeName(node) });
    return undefined;
  }
  return v;
}

/**
 * Reads a list of items; `undefined` when the list or any item is broken (the
 * problems are reported), so that a partial model is never mistaken for a whole one.
 */
function readItems<T>(
  w: Walker,
  fields: Map<string, Field>,
  key: string,
  path: string,
  owner: string | undefined,
  read: (node: Yaml, path: string) => T | undefined,
): T[] | undefined {
  const field = fields.get(key);
  if (!field) return undefined;
  const list = readList(w, field, join(path, key));
  if (!list) return undefined;
  const items: T[] = [];
  let complete = true;
  list.forEach((node, i) => {
    const item = read(node, `${join(path, key)}[${i}]`);
    if (item === undefined) complete = false;
    else items.push(item);
  });
  if (list.length === 0 && owner !== undefined) {
    w.report('EMPTY_LIST', field.value ?? field.key, join(path, key), { what: owner, key });
  }
  return complete ? items : undefined;
}

function walkLevel(w: Walker, node: Yaml, path: string): Level | undefined {
  const f = readMap(w, node, path, ['id', 'label'], ['none']);
  if (!f) return undefined;
  const idField = f.get('id');
  const id = idField && readId(w, idField, join(path, 'id'));
  const label = requiredText(w, f, 'label', path);
  let none = false;
  const noneField = f.get('none');
  if (noneField) {
    const v = noneField.value && isScalar(noneField.value) ? noneField.value.value : undefined;
    if (typeof v !== 'boolean') {
      w.report('WRONG_TYPE', noneField.value ?? noneField.key, join(path, 'none'), { key: 'none', expected: 'boolean', actual: typeName(noneField.value) });
    } else none = v;
  }
  if (id !== undefined) w.levels.push({ id, none, at: w.located(idField?.value, join(path, 'id')) });
  if (id === undefined || label === undefined) return undefined;
  return { id, label, none };
}

/** Reads an item's id and records it for the uniqueness rules. */
function itemId(w: Walker, f: Map<string, Field>, path: string, what: string): string | undefined {
  const idField = f.get('id');
  const id = idField && readId(w, idField, join(path, 'id'));
  if (id !== undefined) w.itemIds.push({ id, what, at: w.located(idField?.value, join(path, 'id')) });
  return id;
}

function walkBehaviour(w: Walker, node: Yaml, path: string): Behaviour | undefined {
  const f = readMap(w, node, path, ['id', 'text'], ['note']);
  if (!f) return undefined;
  const id = itemId(w, f, path, 'behaviour');
  const text = requiredText(w, f, 'text', path);
  const note = optionalText(w, f, 'note', path);
  if (id === undefined || text === undefined) return undefined;
  return note ? { id, text, note } : { id, text };
}

function walkManifestation(w: Walker, node: Yaml, path: string): Manifestation | undefined {
  const f = readMap(w, node, path, ['id', 'status', 'text', 'behaviours'], ['note']);
  if (!f) return undefined;
  const id = itemId(w, f, path, 'manifestation');
  let status: ManifestationStatus | undefined;
  const statusField = f.get('status');
  if (statusField) {
    const s = readString(w, statusField, join(path, 'status'), 'status');
    if (s !== undefined) {
      if ((MANIFESTATION_STATUSES as ReadonlyArray<string>).includes(s)) status = s as ManifestationStatus;
      else w.report('BAD_STATUS', statusField.value, join(path, 'status'), { actual: s, expected: MANIFESTATION_STATUSES.join(', ') });
    }
  }
  const text = requiredText(w, f, 'text', path);
  const note = optionalText(w, f, 'note', path);
  const behaviours = readItems(w, f, 'behaviours', path, 'manifestation', (n, p) => walkBehaviour(w, n, p));
  if (id === undefined || status === undefined || text === undefined || !behaviours) return undefined;
  return { id, status, text, ...(note ? { note } : {}), behaviours };
}

function walkGroup(w: Walker, node: Yaml, path: string): Group | undefined {
  const f = readMap(w, node, path, ['id', 'text', 'manifestations'], ['note']);
  if (!f) return undefined;
  const id = itemId(w, f, path, 'group');
  const text = requiredText(w, f, 'text', path);
  const note = optionalText(w, f, 'note', path);
  const manifestations = readItems(w, f, 'manifestations', path, 'group', (n, p) => walkManifestation(w, n, p));
  if (id === undefined || text === undefined || !manifestations) return undefined;
  return { id, text, ...(note ? { note } : {}), manifestations };
}

const TOP_REQUIRED = ['format', 'id', 'version', 'title', 'source', 'levels', 'groups'] as const;
const TOP_OPTIONAL = ['note', 'expect'] as const;
const EXPECT_KEYS = ['groups', 'manifestations', 'behaviours'] as const;

/**
 * Parses and validates a questionnaire. Never throws for bad input: every
 * problem comes back in `problems`, errors and warnings together, sorted.
 */
export function parseQuestionnaire(text: string, source: string): ParseResult {
  const deep = tooDeepAt(text);
  if (deep >= 0) return { ok: false, problems: [{ code: 'TOO_DEEP', severity: 'error', source, ...lineCol(text, deep), path: '', params: { limit: LIMITS.depth } }] };
  const lines = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // NOTE: the YAML composer recurses; absurd nesting can exhaust the stack.
    if (error instanceof RangeError) {
      return { ok: false, problems: [{ code: 'TOO_DEEP', severity: 'error', source, line: 1, col: 1, path: '', params: {} }] };
    }
    throw error;
  }
  const w = new Walker(source, lines, doc, text);
  let syntaxBroken = false;
  for (const e of doc.errors) {
    const { line, col } = lines.linePos(e.pos[0]);
    // RESOURCE_EXHAUSTION: the parser's stack ran out on deep nesting the scan above did not see.
    const code: ProblemCode = e.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : e.code === 'RESOURCE_EXHAUSTION' ? 'TOO_DEEP' : 'YAML_SYNTAX';
    if (code !== 'DUPLICATE_KEY') syntaxBroken = true;
    if (code === 'TOO_DEEP' && w.problems.some((p) => p.code === 'TOO_DEEP')) continue;
    const detail = e.message.split('\n')[0] ?? e.code;
    w.problems.push({ code, severity: 'error', source, line, col, path: '', params: { detail } });
  }
  // A broken syntax tree would only add confusing follow-on problems.
  if (syntaxBroken) return { ok: false, problems: bounded(sortProblems(w.problems)) };
  // Before the walk, which would expand them.
  if (reportAliases(w, doc)) return { ok: false, problems: bounded(sortProblems(w.problems)) };

  let draft: Draft | undefined;
  try {
    draft = walkDocument(w, doc);
  } catch (error) {
    if (error instanceof RangeError) {
      w.report('TOO_DEEP', undefined, '');
      return { ok: false, problems: bounded(sortProblems(w.problems)) };
    }
    throw error;
  }
  if (draft) {
    runRules(draft, (code, at, params, severity = 'error') => {
      w.problems.push({ code, severity, source, line: at.line, col: at.col, path: at.path, params });
    });
  }
  const problems = bounded(sortProblems(w.problems));
  const complete = draft?.questionnaire;
  if (!complete || problems.some(isError)) return { ok: false, problems };
  return { ok: true, questionnaire: { ...complete, sha256: hashQuestionnaire(complete) }, warnings: problems };
}

function walkDocument(w: Walker, doc: Document): Draft | undefined {
  const root = w.deref(doc.contents as Yaml);
  if (!root || (isScalar(root) && root.value === null)) {
    w.report('EMPTY_DOCUMENT', undefined, '');
    return undefined;
  }
  const f = readMap(w, root, '', TOP_REQUIRED, TOP_OPTIONAL);
  if (!f) return undefined;

  // The format version comes first: a newer format is refused before anything else is read into it.
  const formatField = f.get('format');
  let format: number | undefined;
  if (formatField) {
    const v = formatField.value && isScalar(formatField.value) ? formatField.value.value : undefined;
    if (v !== QUESTIONNAIRE_FORMAT) {
      w.report('UNSUPPORTED_FORMAT', formatField.value ?? formatField.key, 'format', { expected: String(QUESTIONNAIRE_FORMAT), actual: String(v) });
      return undefined;
    }
    format = v;
  }

  const idField = f.get('id');
  const id = idField && readId(w, idField, 'id');
  const versionField = f.get('version');
  const version = versionField && readString(w, versionField, 'version', 'version');
  const title = requiredText(w, f, 'title', '');
  const sourceText = requiredText(w, f, 'source', '');
  const note = optionalText(w, f, 'note', '');

  const expect: Draft['expect'] = {};
  const expectField = f.get('expect');
  if (expectField) {
    const ef = readMap(w, expectField.value, 'expect', [], EXPECT_KEYS, expectField.key);
    for (const key of EXPECT_KEYS) {
      const field = ef?.get(key);
      if (!field) continue;
      const n = readCount(w, field, `expect.${key}`, key);
      if (n !== undefined) expect[key] = { value: n, at: w.located(field.value, `expect.${key}`) };
    }
  }

  const levelsField = f.get('levels');
  const levels = readItems(w, f, 'levels', '', undefined, (n, p) => walkLevel(w, n, p));
  const groups = readItems(w, f, 'groups', '', 'questionnaire', (n, p) => walkGroup(w, n, p));
  return {
    questionnaire:
      format !== undefined && id !== undefined && version !== undefined && title !== undefined &&
      sourceText !== undefined && levels !== undefined && groups !== undefined
      ? { format, id, version, title, source: sourceText, ...(note ? { note } : {}), levels, groups }
      : undefined,
    itemIds: w.itemIds,
    levels: w.levels,
    levelsAt: levels !== undefined ? w.located(levelsField?.value, 'levels') : undefined,
    expect,
  };
}

// --- questionnaire-sheets (issue 16, part 4): YAML written from a spreadsheet, here so that
// this file stays the one importer of yaml.

/**
 * A questionnaire's data as YAML text (`comment` above it), and where each
 * value of it stands: `lineOf(['groups', 0, 'id'])` is the 1-based line.
 */
export function questionnaireYaml(data: unknown, comment: string): { text: string; lineOf: (path: ReadonlyArray<string | number>) => number | undefined } {
  const doc = new Document(data);
  doc.commentBefore = comment;
  const text = doc.toString({ lineWidth: 0 });
  const lines = new LineCounter();
  const parsed = parseDocument(text, { lineCounter: lines });
  return {
    text,
    lineOf: (path) => {
      const node = parsed.getIn(path, true) as { range?: [number, number, number] } | undefined;
      return node?.range ? lines.linePos(node.range[0]).line : undefined;
    },
  };
}

/** The `expect:` counts a valid questionnaire's text declares (the model keeps only what is asked). */
export function declaredCounts(text: string): Partial<Record<'groups' | 'manifestations' | 'behaviours', number>> {
  const doc = parseYaml(text, { uniqueKeys: true }) as { expect?: Record<string, unknown> } | null;
  const e = doc?.expect ?? {};
  const out: Partial<Record<'groups' | 'manifestations' | 'behaviours', number>> = {};
  for (const key of ['groups', 'manifestations', 'behaviours'] as const) {
    const n = e[key];
    if (typeof n === 'number') out[key] = n;
  }
  return out;
}
