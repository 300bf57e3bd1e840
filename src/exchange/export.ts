/**
 * Writing a summary in the exchange format: UTF-8 with BOM (so a double-click
 * in Excel reads it as UTF-8), CRLF, `,` unless asked otherwise, every text
 * cell guarded against formula injection and number/date conversion. Member
 * names never appear: a summary holds none.
 */
import { stringify } from 'csv-stringify/sync';
import { localText, type Lang, type Questionnaire } from '../questionnaire/model.js';
import { percent, type Counts, type Summary } from '../summary/aggregate.js';
import { countColumn, EXPORT_FORMAT, guard, headerFor, percentColumn, TEXT_COLUMNS, type ExportStatus } from './columns.js';
import type { KeyObject } from 'node:crypto';
import { integrityOf, signedText, type ExportContent, type SignedFields } from './integrity.js';
import { publicKeyText, signText } from './signature.js';
import type { Delimiter } from './sniff.js';

export interface ExportIdentity {
  readonly tusoiVersion: string;
  readonly unit: { readonly code: string; readonly name: string; readonly level: string; readonly parentCode: string | null };
  readonly roundLabel: string;
  readonly status: ExportStatus;
  /** When, to the second (UTC): of two provisional exports of a unit, the later one counts. */
  readonly exportedAt: string;
  /** The unit's key pair (`store/unit-key.ts`): the file is signed with it. Absent: an unsigned file. */
  readonly signer?: { readonly publicKey: KeyObject; readonly privateKey: KeyObject };
}

/** One line per cell: the reader relies on it, and so do people scanning the file. */
const oneLine = (v: string): string => v.replace(/[\r\n]+/g, ' ');

export function signedFields(q: Pick<Summary['questionnaire'], 'id' | 'version'>, s: Summary, id: ExportIdentity): SignedFields {
  return {
    exportedAt: id.exportedAt,
    unitName: oneLine(id.unit.name),
    unitLevel: id.unit.level,
    parentCode: id.unit.parentCode,
    questionnaireId: q.id,
    questionnaireVersion: q.version,
    unitNames: s.units.map((u) => [u.code, oneLine(u.name)] as const),
  };
}

export function exportContent(s: Summary, id: ExportIdentity): ExportContent {
  const items: Array<ExportContent['items'][number]> = [{ type: 'overall', id: 'overall', counts: s.overall }];
  for (const [gid, c] of s.groups) items.push({ type: 'group', id: gid, counts: c });
  for (const [mid, c] of s.manifestations) items.push({ type: 'manifestation', id: mid, counts: c });
  for (const [bid, c] of s.behaviours) items.push({ type: 'behaviour', id: bid, counts: c });
  return {
    format: EXPORT_FORMAT,
    questionnaireSha256: s.questionnaire.sha256,
    unitCode: id.unit.code,
    roundLabel: id.roundLabel,
    status: id.status,
    members: s.members,
    respondents: s.respondents,
    levels: s.levels,
    units: s.units.map((u) => ({ code: u.code, level: u.level, parentCode: u.parentCode, members: u.members, respondents: u.respondents })),
    items,
  };
}

/** The rows of an export (header first), as strings ready for CSV. */
export function exportRows(q: Questionnaire, s: Summary, id: ExportIdentity, lang: Lang): string[][] {
  const content = exportContent(s, id);
  const integrity = integrityOf(content);
  const signer = id.signer;
  const signature = signer ? signText(signedText(content, signedFields(s.questionnaire, s, id)), signer.privateKey) : '';
  const header = headerFor(s.levels);
  const text = new Map<string, string>();
  for (const g of q.groups) {
    text.set(g.id, localText(g.text, lang));
    for (const m of g.manifestations) {
      text.set(m.id, localText(m.text, lang));
      for (const b of m.behaviours) text.set(b.id, localText(b.text, lang));
    }
  }
  const identity: Record<string, string> = {
    format: String(EXPORT_FORMAT),
    unit_code: id.unit.code,
    round_label: id.roundLabel,
    questionnaire_id: s.questionnaire.id,
  };
  const make = (cells: Record<string, string>): string[] =>
    header.map((col) => {
      // One line per row: the reader relies on it, and so do people scanning the file.
      const v = oneLine(cells[col] ?? identity[col] ?? '');
      return TEXT_COLUMNS.has(col) ? guard(v) : v;
    });
  const rows: string[][] = [header];
  rows.push(
    make({
      row_type: 'export',
      tusoi_version: id.tusoiVersion,
      questionnaire_version: s.questionnaire.version,
      questionnaire_sha256: s.questionnaire.sha256,
      unit_name: id.unit.name,
      unit_level: id.unit.level,
      parent_code: id.unit.parentCode ?? '',
      status: id.status,
      exported_at: id.exportedAt,
      members: String(s.members),
      respondents: String(s.respondents),
      integrity,
      public_key: signer ? publicKeyText(signer.publicKey) : '',
      signature,
    }),
  );
  for (const u of s.units) {
    rows.push(
      make({
        row_type: 'unit',
        item_id: u.code,
        item_text: u.name,
        item_level: u.level,
        item_parent: u.parentCode ?? '',
        item_members: String(u.members),
        item_respondents: String(u.respondents),
      }),
    );
  }
  const countCells = (c: Counts): Record<string, string> => {
    const cells: Record<string, string> = {};
    for (const l of s.levels) {
      cells[countColumn(l)] = String(c[l] ?? 0);
      cells[percentColumn(l)] = `${percent(c[l] ?? 0, s.respondents)}%`;
    }
    return cells;
  };
  for (const item of content.items) {
    rows.push(make({ row_type: item.type, item_id: item.id, item_text: item.type === 'overall' ? '' : (text.get(item.id) ?? ''), ...countCells(item.counts) }));
  }
  return rows;
}

export function exportCsv(rows: ReadonlyArray<ReadonlyArray<string>>, delimiter: Delimiter): string {
  return stringify(rows as string[][], { bom: true, record_delimiter: 'windows', delimiter });
}
