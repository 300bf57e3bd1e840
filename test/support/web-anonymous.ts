/**
 * An anonymous round on the network form, in-process (issue 18, part 2): a
 * real cell with an anonymous round, printed slips, the server on 127.0.0.1,
 * and a device answering a whole ballot over HTTP.
 */
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { issueSlips } from '../../src/services/web-slips.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { listMembers, type Member } from '../../src/store/members.js';
import { findOpenRound, roundQuestionnaire, type Round } from '../../src/store/rounds.js';
import { startFormServer, type FormServer } from '../../src/web/server.js';
import { tempCell, type TempCell } from './cell.js';
import { Device, pageBehaviours, type Reply } from './web.js';

export interface AnonymousServed {
  readonly cell: TempCell;
  readonly db: Db;
  readonly round: Round;
  readonly q: Questionnaire;
  readonly members: ReadonlyArray<Member>;
  /** The printed slip codes (as typed: no dash). */
  readonly slips: ReadonlyArray<string>;
  readonly server: FormServer;
  readonly port: number;
  readonly log: string[];
  device(): Device;
  close(): Promise<void>;
}

export async function servedAnonymous(members: ReadonlyArray<string>, slips = members.length): Promise<AnonymousServed> {
  const cell = await tempCell({ members, round: ['--label', '2026', '--anonymous'] });
  const db = openDatabase(cell.db, { durable: true });
  const round = findOpenRound(db)!;
  const q = roundQuestionnaire(db, round);
  const codes = await issueSlips(db, round, slips);
  const log: string[] = [];
  const server = await startFormServer({ db, round, q, host: '127.0.0.1', port: 0, messages: { vi, en }, now: () => new Date(), log: (l) => log.push(l) });
  const port = Number(new URL(server.url).port);
  let closed = false;
  return {
    cell,
    db,
    round,
    q,
    members: listMembers(db),
    slips: codes,
    server,
    port,
    log,
    device: () => new Device(port),
    close: async () => {
      if (closed) return;
      closed = true;
      await server.close();
      db.close();
    },
  };
}

/** Signs in with a slip code and answers every page with `answers`; ends at the review page (not submitted). */
export async function answerBallot(d: Device, q: Questionnaire, code: string, answers: ReadonlyMap<string, string>): Promise<void> {
  const signed = await d.signIn(code);
  if (signed.status !== 303) throw new Error(`sign-in: ${signed.status}`);
  const pages = q.groups.flatMap((g) => g.manifestations).length;
  await d.get('/m/1');
  for (let p = 1; p <= pages; p++) {
    const fields: Record<string, string> = { csrf: d.csrf, go: 'next' };
    for (const id of pageBehaviours(q, p)) fields[`b:${id}`] = answers.get(id)!;
    const r = await d.post(`/m/${p}`, fields);
    if (r.status !== 303) throw new Error(`page ${p}: ${r.status}`);
  }
}

export const submitBallot = (d: Device): Promise<Reply> => d.post('/submit', { csrf: d.csrf, confirm: 'yes' });
