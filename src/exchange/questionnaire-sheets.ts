/**
 * A questionnaire as a spreadsheet (issue 16, part 4): the XLSForm-like
 * layout a bloc authors its own list of behaviours in, and the way back.
 *
 * Two sheets. `behaviours`: one row per behaviour, the column names taken
 * from the YAML keys (`group.id`, `manifestation.text.vi`, `behaviour.note.en`…);
 * a group's and a manifestation's id stand on every row, their text, status
 * and note on the row where they start (later rows may repeat them exactly or
 * leave them blank, as merged cells do). `settings`: rows of `key`, `value`,
 * `vi`, `en` for everything above the groups (format, id, version, title,
 * source, note, the `expect.*` counts, one `level` row per level and `none`
 * naming the none level).
 *
 * Pure: the export builds `SheetSpec`s, the import turns rows into the YAML
 * document's data with where every value came from, so the validator's
 * problems (`questionnaire/parse.ts`) can be located by sheet, row and column.
 */
import type { LocalText, Questionnaire } from '../questionnaire/model.js';
import { nearest } from '../questionnaire/parse.js';
import type { ProblemParams } from '../questionnaire/problems.js';
import type { SheetCell, SheetSpec } from './sheet-spec.js';
import type { TableRow } from './table.js';
import { columnLetter } from '../text/column-letter.js';

export const BEHAVIOURS_SHEET = 'behaviours';
export const SETTINGS_SHEET = 'settings';

/** The columns of the `behaviours` sheet, in the order the export writes them. */
export const BEHAVIOUR_COLUMNS = [
  'group.id',
  'group.text.vi',
  'group.text.en',
  'group.note.vi',
  'group.note.en',
  'manifestation.id',
  'manifestation.status',
  'manifestation.text.vi',
  'manifestation.text.en',
  'manifestation.note.vi',
  'manifestation.note.en',
  'behaviour.id',
  'behaviour.text.vi',
  'behaviour.text.en',
  'behaviour.note.vi',
  'behaviour.note.en',
] as const;
export type BehaviourColumn = (typeof BEHAVIOUR_COLUMNS)[number];

const BEHAVIOUR_REQUIRED: ReadonlyArray<BehaviourColumn> = [
  'group.id',
  'group.text.vi',
  'manifestation.id',
  'manifestation.status',
  'manifestation.text.vi',
  'behaviour.id',
  'behaviour.text.vi',
];

export const SETTINGS_COLUMNS = ['key', 'value', 'vi', 'en'] as const;
export type SettingsColumn = (typeof SETTINGS_COLUMNS)[number];
const SETTINGS_REQUIRED: ReadonlyArray<SettingsColumn> = ['key', 'value', 'vi'];

/** Keys of the `settings` sheet: given once each, except `level` (one row per level, in order). */
export const SETTING_KEYS = ['format', 'id', 'version', 'title', 'source', 'note', 'expect.groups', 'expect.manifestations', 'expect.behaviours', 'level', 'none'] as const;
type SettingKey = (typeof SETTING_KEYS)[number];

/** The `expect:` counts a YAML file declared (the model does not keep them). */
export type ExpectCounts = Partial<Record<'groups' | 'manifestations' | 'behaviours', number>>;

// ---------------------------------------------------------------- export

function both(t: LocalText | undefined): [SheetCell, SheetCell] {
  return t === undefined ? [null, null] : [t.vi, t.en ?? null];
}

/**
 * The two sheets of a questionnaire. Group and manifestation ids on every row
 * (so a sorted or filtered sheet still reads), their texts where they start.
 */
export function questionnaireSheets(q: Omit<Questionnaire, 'sha256'>, expect: ExpectCounts = {}): SheetSpec[] {
  const rows: SheetCell[][] = [[...BEHAVIOUR_COLUMNS]];
  for (const g of q.groups) {
    let firstOfGroup = true;
    for (const m of g.manifestations) {
      let firstOfManifestation = true;
      for (const b of m.behaviours) {
        rows.push([
          g.id,
          ...(firstOfGroup ? [...both(g.text), ...both(g.note)] : [null, null, null, null]),
          m.id,
          ...(firstOfManifestation ? [m.status, ...both(m.text), ...both(m.note)] : [null, null, null, null, null]),
          b.id,
          ...both(b.text),
          ...both(b.note),
        ]);
        firstOfGroup = false;
        firstOfManifestation = false;
      }
    }
  }
  const settings: SheetCell[][] = [[...SETTINGS_COLUMNS]];
  settings.push(['format', q.format, null, null]);
  settings.push(['id', q.id, null, null]);
  settings.push(['version', q.version, null, null]);
  settings.push(['title', null, ...both(q.title)]);
  settings.push(['source', null, ...both(q.source)]);
  if (q.note) settings.push(['note', null, ...both(q.note)]);
  for (const key of ['groups', 'manifestations', 'behaviours'] as const) {
    const n = expect[key];
    if (n !== undefined) settings.push([`expect.${key}`, n, null, null]);
  }
  for (const l of q.levels) settings.push(['level', l.id, ...both(l.label)]);
  const none = q.levels.find((l) => l.none);
  if (none) settings.push(['none', none.id, null, null]);
  return [
    { name: BEHAVIOURS_SHEET, rows, freezeRows: 1, widths: BEHAVIOUR_COLUMNS.map((c) => (c.endsWith('.id') || c.endsWith('status') ? 12 : c.includes('note') ? 30 : 50)) },
    { name: SETTINGS_SHEET, rows: settings, freezeRows: 1, widths: [22, 16, 60, 60] },
  ];
}

// ---------------------------------------------------------------- import

/** Problems only the sheet layout can have; the validator's own come with its codes. */
export const SHEET_PROBLEM_CODES = [
  /** The workbook has no sheet of that name (`key`), and more than one sheet, so none can be taken for it. */
  'QSHEET_NO_SHEET',
  /** A sheet (or CSV file) with no rows. */
  'QSHEET_EMPTY',
  /** A required column (`key`) is not in the header row. */
  'QSHEET_MISSING_COLUMN',
  /** A header cell (`actual`) that is no column of the layout (`suggestion`: the nearest). */
  'QSHEET_UNKNOWN_COLUMN',
  /** Two columns of one name (`key`; `actual`: the first one's column letter). */
  'QSHEET_DUPLICATE_COLUMN',
  /** A settings key (`actual`) the layout does not have (`suggestion`). */
  'QSHEET_UNKNOWN_SETTING',
  /** A settings key the questionnaire needs (`key`: id, version, title, source, none) has no row. */
  'QSHEET_MISSING_SETTING',
  /** A settings key given twice (`key`; `firstLine`). */
  'QSHEET_DUPLICATE_SETTING',
  /** `none` names a level (`id`) no `level` row has (`expected`: the level ids). */
  'QSHEET_UNKNOWN_LEVEL',
  /** A group's or manifestation's text, status or note (`key`) on a later row differing from where it started (`id`, `firstLine`). */
  'QSHEET_CONFLICT',
  /** A row with a manifestation or behaviour but no group (`key` 'group.id') or no manifestation (`key` 'manifestation.id') above it. */
  'QSHEET_NO_PARENT',
] as const;
export type SheetProblemCode = (typeof SHEET_PROBLEM_CODES)[number];

/** Where a value stands: the file and sheet (undefined for a CSV), 1-based row, 1-based column (undefined for the whole row or sheet). */
export interface SheetPlace {
  readonly file: string;
  readonly sheet?: string;
  readonly line: number;
  readonly col?: number;
}

export interface SheetProblem extends SheetPlace {
  readonly code: SheetProblemCode;
  readonly params: ProblemParams;
}

/** A table to read: its rows (as `table.ts` gives them: trimmed, NFC, unguarded) and where it came from. */
export interface SheetInput {
  readonly file: string;
  readonly sheet?: string;
  readonly rows: ReadonlyArray<TableRow>;
}

/** The YAML document's data, and where each of its values came from, by YAML path (`groups[0].text.vi`). */
export interface SheetDraft {
  readonly data: Record<string, unknown>;
  readonly places: ReadonlyMap<string, SheetPlace>;
  /** Where a problem with no place of its own is put: each sheet as a whole. */
  readonly behavioursPlace: SheetPlace;
  readonly settingsPlace: SheetPlace;
}


interface Header<C extends string> {
  readonly line: number;
  readonly index: ReadonlyMap<C, number>;
}

function readHeader<C extends string>(
  input: SheetInput,
  known: ReadonlyArray<C>,
  required: ReadonlyArray<C>,
  marker: C,
  problems: SheetProblem[],
): { header: Header<C>; body: ReadonlyArray<TableRow> } | undefined {
  const at = (line: number, col?: number): SheetPlace => ({ file: input.file, ...(input.sheet === undefined ? {} : { sheet: input.sheet }), line, ...(col === undefined ? {} : { col }) });
  if (input.rows.length === 0) {
    problems.push({ code: 'QSHEET_EMPTY', ...at(0), params: {} });
    return undefined;
  }
  // The header row: the first of the first rows with the marker column, below any title lines.
  const found = input.rows.slice(0, 20).findIndex((r) => r.cells.some((c) => c.toLowerCase() === marker));
  const start = found < 0 ? 0 : found;
  const row = input.rows[start]!;
  const index = new Map<C, number>();
  const before = problems.length;
  row.cells.forEach((raw, i) => {
    const name = raw.toLowerCase();
    if (name === '') return;
    if (!(known as ReadonlyArray<string>).includes(name)) {
      const suggestion = nearest(name, known);
      problems.push({ code: 'QSHEET_UNKNOWN_COLUMN', ...at(row.line, i + 1), params: suggestion ? { actual: raw, suggestion } : { actual: raw } });
      return;
    }
    const first = index.get(name as C);
    if (first !== undefined) problems.push({ code: 'QSHEET_DUPLICATE_COLUMN', ...at(row.line, i + 1), params: { key: name, actual: columnLetter(first) } });
    else index.set(name as C, i);
  });
  for (const c of required) if (!index.has(c)) problems.push({ code: 'QSHEET_MISSING_COLUMN', ...at(row.line), params: { key: c } });
  if (problems.length > before) return undefined;
  return { header: { line: row.line, index }, body: input.rows.slice(start + 1) };
}

/** A text `{ vi, en }` from two cells; undefined when both are blank. */
function textOf(vi: string, en: string): Record<string, string> | undefined {
  if (vi === '' && en === '') return undefined;
  return { ...(vi === '' ? {} : { vi }), ...(en === '' ? {} : { en }) };
}

/** A whole number as a number (for `format` and the counts); anything else as typed, for the validator to name. */
function count(value: string): number | string {
  return /^\d{1,9}$/u.test(value) ? Number(value) : value;
}

interface Item {
  readonly data: Record<string, unknown>;
  readonly path: string;
  readonly line: number;
  /** The field values first given, by column, with their row: a later different value is a conflict. */
  readonly given: Map<string, { value: string; line: number }>;
}

/**
 * The sheets as the YAML document's data. Layout problems (columns, settings
 * keys, conflicting repeats, rows without a parent) come back as problems;
 * everything the validator checks (ids, statuses, levels, empty lists, text)
 * is left to it, located through `places`.
 */
export function draftFromSheets(behaviours: SheetInput, settings: SheetInput): { draft: SheetDraft; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const places = new Map<string, SheetPlace>();
  const where = (input: SheetInput, line: number, col?: number): SheetPlace => ({
    file: input.file,
    ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
    line,
    ...(col === undefined ? {} : { col }),
  });
  const data: Record<string, unknown> = {};
  const draft: SheetDraft = { data, places, behavioursPlace: where(behaviours, 0), settingsPlace: where(settings, 0) };

  // --- settings
  const s = readHeader(settings, SETTINGS_COLUMNS, SETTINGS_REQUIRED, 'key', problems);
  const levels: Array<Record<string, unknown>> = [];
  let none: { id: string; line: number; col: number } | undefined;
  if (s) {
    const col = (c: SettingsColumn) => s.header.index.get(c);
    const cell = (r: TableRow, c: SettingsColumn) => {
      const i = col(c);
      return i === undefined ? '' : (r.cells[i] ?? '');
    };
    const seen = new Map<string, number>();
    const fields: Partial<Record<SettingKey, { row: TableRow }>> = {};
    for (const r of s.body) {
      const raw = cell(r, 'key');
      const key = raw.toLowerCase();
      if (!(SETTING_KEYS as ReadonlyArray<string>).includes(key)) {
        const suggestion = raw === '' ? undefined : nearest(key, SETTING_KEYS);
        problems.push({ code: 'QSHEET_UNKNOWN_SETTING', ...where(settings, r.line, (col('key') ?? 0) + 1), params: suggestion ? { actual: raw, suggestion } : { actual: raw } });
        continue;
      }
      if (key === 'level') {
        const path = `levels[${levels.length}]`;
        const label = textOf(cell(r, 'vi'), cell(r, 'en'));
        const level: Record<string, unknown> = { id: cell(r, 'value') };
        if (label) level.label = label;
        levels.push(level);
        places.set(path, where(settings, r.line));
        places.set(`${path}.id`, where(settings, r.line, col('value')! + 1));
        places.set(`${path}.label`, where(settings, r.line, col('vi')! + 1));
        places.set(`${path}.label.vi`, where(settings, r.line, col('vi')! + 1));
        if (col('en') !== undefined) places.set(`${path}.label.en`, where(settings, r.line, col('en')! + 1));
        continue;
      }
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({ code: 'QSHEET_DUPLICATE_SETTING', ...where(settings, r.line, (col('key') ?? 0) + 1), params: { key, firstLine: first } });
        continue;
      }
      seen.set(key, r.line);
      fields[key as SettingKey] = { row: r };
    }
    for (const key of ['format', 'id', 'version', 'title', 'source', 'note'] as const) {
      const f = fields[key];
      if (key === 'format') {
        // A sheet that leaves it out is in the one format there is.
        data.format = f ? count(cell(f.row, 'value')) : 1;
        if (f) places.set('format', where(settings, f.row.line, col('value')! + 1));
        continue;
      }
      if (!f) continue;
      if (key === 'id' || key === 'version') {
        data[key] = cell(f.row, 'value');
        places.set(key, where(settings, f.row.line, col('value')! + 1));
        continue;
      }
      const t = textOf(cell(f.row, 'vi'), cell(f.row, 'en'));
      places.set(key, where(settings, f.row.line, col('vi')! + 1));
      places.set(`${key}.vi`, where(settings, f.row.line, col('vi')! + 1));
      if (col('en') !== undefined) places.set(`${key}.en`, where(settings, f.row.line, col('en')! + 1));
      // An empty title row still says "title": the validator then names the missing Vietnamese text.
      data[key] = t ?? {};
    }
    const expect: Record<string, unknown> = {};
    for (const key of ['groups', 'manifestations', 'behaviours'] as const) {
      const f = fields[`expect.${key}`];
      if (!f) continue;
      expect[key] = count(cell(f.row, 'value'));
      places.set(`expect.${key}`, where(settings, f.row.line, col('value')! + 1));
    }
    if (Object.keys(expect).length > 0) data.expect = expect;
    for (const key of ['id', 'version', 'title', 'source', 'none'] as const) {
      if (!fields[key]) problems.push({ code: 'QSHEET_MISSING_SETTING', ...where(settings, s.header.line), params: { key } });
    }
    const n = fields.none;
    if (n) none = { id: cell(n.row, 'value'), line: n.row.line, col: col('value')! + 1 };
    if (levels.length > 0) places.set('levels', places.get('levels[0]')!);
    else places.set('levels', where(settings, s.header.line));
  }
  if (none) {
    const i = levels.findIndex((l) => l.id === none!.id);
    if (i < 0) problems.push({ code: 'QSHEET_UNKNOWN_LEVEL', ...where(settings, none.line, none.col), params: { id: none.id, expected: levels.map((l) => String(l.id)).join(', ') } });
    else {
      // Key order as the YAML has it: id, none, label.
      const { id, ...rest } = levels[i]!;
      levels[i] = { id, none: true, ...rest };
      places.set(`levels[${i}].none`, where(settings, none.line, none.col));
    }
  }

  // --- behaviours
  const groups: Array<Record<string, unknown>> = [];
  const b = readHeader(behaviours, BEHAVIOUR_COLUMNS, BEHAVIOUR_REQUIRED, 'behaviour.id', problems);
  if (b) {
    const col = (c: BehaviourColumn) => b.header.index.get(c);
    const cell = (r: TableRow, c: BehaviourColumn) => {
      const i = col(c);
      return i === undefined ? '' : (r.cells[i] ?? '');
    };
    const at = (r: TableRow, c: BehaviourColumn) => where(behaviours, r.line, (col(c) ?? 0) + 1);
    let group: Item | undefined;
    let manifestation: Item | undefined;

    /** Text, status and note of a group or manifestation: set where first given, checked where repeated. */
    const fill = (item: Item, r: TableRow, kind: 'group' | 'manifestation') => {
      const fieldsOf = kind === 'group' ? (['text', 'note'] as const) : (['status', 'text', 'note'] as const);
      for (const field of fieldsOf) {
        const columns = field === 'status' ? [`${kind}.status`] : [`${kind}.${field}.vi`, `${kind}.${field}.en`];
        for (const c of columns as BehaviourColumn[]) {
          const value = cell(r, c);
          if (value === '') continue;
          const before = item.given.get(c);
          if (before) {
            if (before.value !== value) problems.push({ code: 'QSHEET_CONFLICT', ...at(r, c), params: { key: c, id: String(item.data.id), firstLine: before.line } });
            continue;
          }
          item.given.set(c, { value, line: r.line });
          const sub = c.slice(kind.length + 1); // "text.vi", "status"
          const path = `${item.path}.${sub}`;
          places.set(path, at(r, c));
          if (field === 'status') item.data.status = value;
          else {
            const lang = sub.endsWith('.en') ? 'en' : 'vi';
            const t = (item.data[field] as Record<string, string> | undefined) ?? {};
            t[lang] = value;
            item.data[field] = t;
            if (!places.has(`${item.path}.${field}`)) places.set(`${item.path}.${field}`, at(r, c));
          }
        }
      }
    };
    const order = (o: Record<string, unknown>, keys: ReadonlyArray<string>) => {
      // The YAML's key order (id, status, text, note, children), whatever order the cells came in.
      const copy = { ...o };
      for (const k of Object.keys(o)) delete o[k];
      for (const k of keys) if (copy[k] !== undefined) o[k] = copy[k];
    };

    for (const r of b.body) {
      const gid = cell(r, 'group.id');
      if (gid !== '' && gid !== group?.data.id) {
        const path = `groups[${groups.length}]`;
        group = { data: { id: gid }, path, line: r.line, given: new Map() };
        groups.push(group.data);
        group.data.manifestations = [];
        places.set(path, at(r, 'group.id'));
        places.set(`${path}.id`, at(r, 'group.id'));
        places.set(`${path}.text`, at(r, 'group.text.vi'));
        places.set(`${path}.manifestations`, at(r, 'manifestation.id'));
        manifestation = undefined;
      }
      const mid = cell(r, 'manifestation.id');
      const hasBehaviour = (['behaviour.id', 'behaviour.text.vi', 'behaviour.text.en', 'behaviour.note.vi', 'behaviour.note.en'] as const).some((c) => cell(r, c) !== '');
      const hasManifestation = mid !== '' || (['manifestation.status', 'manifestation.text.vi', 'manifestation.text.en', 'manifestation.note.vi', 'manifestation.note.en'] as const).some((c) => cell(r, c) !== '');
      if (!group) {
        if (hasBehaviour || hasManifestation || r.cells.some((c) => c !== '')) problems.push({ code: 'QSHEET_NO_PARENT', ...at(r, 'group.id'), params: { key: 'group.id' } });
        continue;
      }
      fill(group, r, 'group');
      if (mid !== '' && mid !== manifestation?.data.id) {
        const list = group.data.manifestations as Array<Record<string, unknown>>;
        const path = `${group.path}.manifestations[${list.length}]`;
        manifestation = { data: { id: mid }, path, line: r.line, given: new Map() };
        list.push(manifestation.data);
        manifestation.data.behaviours = [];
        places.set(path, at(r, 'manifestation.id'));
        places.set(`${path}.id`, at(r, 'manifestation.id'));
        places.set(`${path}.status`, at(r, 'manifestation.status'));
        places.set(`${path}.text`, at(r, 'manifestation.text.vi'));
        places.set(`${path}.behaviours`, at(r, 'behaviour.id'));
      }
      if (!manifestation) {
        if (hasBehaviour || hasManifestation) problems.push({ code: 'QSHEET_NO_PARENT', ...at(r, 'manifestation.id'), params: { key: 'manifestation.id' } });
        continue;
      }
      fill(manifestation, r, 'manifestation');
      if (!hasBehaviour) continue;
      const list = manifestation.data.behaviours as Array<Record<string, unknown>>;
      const path = `${manifestation.path}.behaviours[${list.length}]`;
      const behaviour: Record<string, unknown> = {};
      const id = cell(r, 'behaviour.id');
      if (id !== '') behaviour.id = id;
      const text = textOf(cell(r, 'behaviour.text.vi'), cell(r, 'behaviour.text.en'));
      if (text) behaviour.text = text;
      const note = textOf(cell(r, 'behaviour.note.vi'), cell(r, 'behaviour.note.en'));
      if (note) behaviour.note = note;
      list.push(behaviour);
      places.set(path, at(r, 'behaviour.id'));
      places.set(`${path}.id`, at(r, 'behaviour.id'));
      places.set(`${path}.text`, at(r, 'behaviour.text.vi'));
      places.set(`${path}.text.vi`, at(r, 'behaviour.text.vi'));
      places.set(`${path}.text.en`, at(r, 'behaviour.text.en'));
      places.set(`${path}.note`, at(r, 'behaviour.note.vi'));
      places.set(`${path}.note.vi`, at(r, 'behaviour.note.vi'));
      places.set(`${path}.note.en`, at(r, 'behaviour.note.en'));
    }
    for (const g of groups) {
      for (const m of g.manifestations as Array<Record<string, unknown>>) order(m, ['id', 'status', 'text', 'note', 'behaviours']);
      order(g, ['id', 'text', 'note', 'manifestations']);
    }
    places.set('groups', where(behaviours, b.header.line));
  }

  // The YAML's top-level order; what a sheet left out is left out, for the validator to name.
  const top: Record<string, unknown> = {};
  for (const k of ['format', 'id', 'version', 'title', 'source', 'note', 'expect']) if (data[k] !== undefined) top[k] = data[k];
  if (s) top.levels = levels;
  if (b) top.groups = groups;
  for (const k of Object.keys(data)) delete data[k];
  Object.assign(data, top);
  return { draft, problems };
}

