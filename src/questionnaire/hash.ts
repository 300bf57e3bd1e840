/**
 * The questionnaire's content hash: sha256 of a canonical JSON form of what a
 * member sees and what the counts mean. Comments, key order, quoting and
 * indentation in the YAML do not change it; any changed id, text, level or
 * status does. Two files that share an id and version but differ in content
 * are told apart by it, in every database and export.
 */
import { createHash } from 'node:crypto';
import type { Group, Level, LocalText, Questionnaire } from './model.js';

function text(t: LocalText | undefined): unknown {
  return t === undefined ? null : [t.vi.normalize('NFC'), t.en === undefined ? null : t.en.normalize('NFC')];
}

function level(l: Level): unknown {
  return [l.id, text(l.label), l.none];
}

function group(g: Group): unknown {
  return [
    g.id,
    text(g.text),
    text(g.note),
    g.manifestations.map((m) => [m.id, m.status, text(m.text), text(m.note), m.behaviours.map((b) => [b.id, text(b.text), text(b.note)])]),
  ];
}

/** The canonical form: nested arrays in a fixed order, so no object key order can matter. */
export function canonicalForm(q: Omit<Questionnaire, 'sha256'>): string {
  return JSON.stringify([
    'tusoi-questionnaire',
    q.format,
    q.id,
    q.version,
    text(q.title),
    text(q.source),
    text(q.note),
    q.levels.map(level),
    q.groups.map(group),
  ]);
}

export function hashQuestionnaire(q: Omit<Questionnaire, 'sha256'>): string {
  return createHash('sha256').update(canonicalForm(q), 'utf8').digest('hex');
}
