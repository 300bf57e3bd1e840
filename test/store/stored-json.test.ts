/**
 * JSON kept in the database carries a format stamp (`storeFormat`): the
 * round's questionnaire model and the packed counts of merged files. Text
 * written before the stamp reads as format 1; an unknown stamp is refused
 * with a message; the stamp changes no questionnaire hash or export integrity.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadQuestionnaireFile } from '../../src/questionnaire/load.js';
import { createDatabase } from '../../src/store/db.js';
import { MODEL_FORMAT, openRound, roundQuestionnaire } from '../../src/store/rounds.js';
import { memoryIo } from '../support/memory-io.js';
import { tempDir } from '../support/temp.js';

const SMALL = resolve(import.meta.dirname, '..', 'fixtures', 'questionnaires', 'small.yaml');
const V3 = resolve(import.meta.dirname, '..', 'fixtures', 'db', 'v3-256b702');

const temp = () => tempDir('tusoi-json-');

function sql(file: string, text: string): unknown[] {
  const db = new Database(file);
  try {
    const st = db.prepare(text);
    return st.reader ? st.all() : [st.run()];
  } finally {
    db.close();
  }
}

async function tusoi(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo({ cwd: dir, now: new Date('2026-12-20T09:00:00Z'), env: { TUSOI_LANG: 'en' } });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe("a round's stored questionnaire", () => {
  const loaded = loadQuestionnaireFile(SMALL);
  if (!loaded.ok) throw new Error('small.yaml does not load');
  const q = loaded.questionnaire;

  function withRound() {
    const file = join(temp(), 'c.sqlite');
    const db = createDatabase(file);
    const round = openRound(db, { label: '2026', questionnaire: q, sourceText: readFileSync(SMALL, 'utf8'), anonymous: false, kind: 'collect', today: '2026-12-01' });
    return { db, round, file };
  }

  it('is written stamped, the stamp first, and read back without it', () => {
    const { db, round } = withRound();
    const json = (db.prepare('SELECT model_json AS j FROM questionnaire').get() as { j: string }).j;
    expect(json.startsWith(`{"storeFormat":${MODEL_FORMAT},"format":1,"id":"vi-du-nho"`)).toBe(true);
    expect(roundQuestionnaire(db, round)).toEqual(q);
    db.close();
  });

  it('written before the stamp reads as format 1', () => {
    const { db, round } = withRound();
    db.exec("UPDATE questionnaire SET model_json = json_remove(model_json, '$.storeFormat')");
    expect((db.prepare('SELECT model_json AS j FROM questionnaire').get() as { j: string }).j).not.toContain('storeFormat');
    expect(roundQuestionnaire(db, round)).toEqual(q);
    db.close();
  });

  it('with an unknown stamp is refused: written by a newer tusoi', () => {
    const { db, round, file } = withRound();
    db.exec("UPDATE questionnaire SET model_json = json_set(model_json, '$.storeFormat', 2)");
    expect(() => roundQuestionnaire(db, round)).toThrow(
      expect.objectContaining({ name: 'UserError', code: 'DB_DATA_TOO_NEW', params: { file, what: 'questionnaire', format: '2', supported: 1 } }),
    );
    db.close();
  });

  it('missing altogether is a bug (InternalError), not a user mistake', () => {
    const { db } = withRound();
    expect(() => roundQuestionnaire(db, { questionnaire: { id: 'x', version: '1', sha256: 'nope' } })).toThrow(expect.objectContaining({ name: 'InternalError' }));
    db.close();
  });
});

describe('stored JSON in a database made before the stamp (v3-256b702)', () => {
  function copy(name: string): { dir: string; file: string } {
    const dir = temp();
    copyFileSync(join(V3, name), join(dir, name));
    return { dir, file: join(dir, name) };
  }

  it('has no stamp, and is read', async () => {
    const { dir, file } = copy('bloc.sqlite');
    expect(sql(file, "SELECT count(*) AS n FROM merged_file WHERE summary_json LIKE '%storeFormat%'")).toEqual([{ n: 0 }]);
    expect(sql(file, "SELECT count(*) AS n FROM questionnaire WHERE model_json LIKE '%storeFormat%'")).toEqual([{ n: 0 }]);
    expect((await tusoi(dir, ['--db', 'bloc.sqlite', 'report', '--format', 'json'])).code).toBe(0);
  });

  it('stamped or not gives the same exports, integrity values included', async () => {
    for (const name of ['bloc.sqlite', 'cell-named.sqlite']) {
      const { dir, file } = copy(name);
      const before = await tusoi(dir, ['--db', name, 'export', '--out', 'before.csv']);
      expect(before.code, before.err).toBe(0);
      sql(file, "UPDATE questionnaire SET model_json = json_set(model_json, '$.storeFormat', 1)");
      sql(file, "UPDATE merged_file SET summary_json = json_set(summary_json, '$.storeFormat', 1)");
      expect((await tusoi(dir, ['--db', name, 'export', '--out', 'after.csv'])).code).toBe(0);
      expect(readFileSync(join(dir, 'after.csv'), 'utf8')).toBe(readFileSync(join(dir, 'before.csv'), 'utf8'));
    }
  });

  it('an unknown stamp in merged counts stops the report with a message, not a stack', async () => {
    const { dir, file } = copy('bloc.sqlite');
    sql(file, "UPDATE merged_file SET summary_json = json_set(summary_json, '$.storeFormat', 7) WHERE unit_code = 'CB03'");
    const r = await tusoi(dir, ['--db', 'bloc.sqlite', 'report']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`tusoi: ${file} holds merged counts written by a newer tusoi (format 7; this one reads up to 1). Update tusoi to read it.\n`);
  });
});
