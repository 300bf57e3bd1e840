/**
 * Tự sửa over the network form (`/c…`), served only when the server runs
 * with `commitments: true` (over --https: the secret and the texts must not
 * cross the room's Wi-Fi in clear). A member who has submitted reaches these
 * pages, and nothing of their answers: right after submitting on the same
 * device, or later with their personal code.
 *
 * Everything goes through `services/commitments.ts`, as in the terminal:
 * the same secret (made by `createSecret`, shown once, typed back), the same
 * scrypt and AES-GCM sealing, the same rules for the text and the deadline
 * (`services/commitment-input.ts`). The secret travels only in a POST body;
 * the opened key stays in this process's memory (`open-keys.ts`), never in a
 * cookie, the session row or a page. Guesses of the secret are limited per
 * client, per member and overall before scrypt runs, through the same gate
 * as the code checks (few at once: scrypt is slow and takes 64 MiB).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Messages } from '../i18n/messages.js';
import { allBehaviours, type Questionnaire } from '../questionnaire/model.js';
import { checkAction, checkDue, COMMITMENT_TEXT_LIMIT } from '../services/commitment-input.js';
import { commitmentItems, createSecret, dropCommitment, hasSecret, keepCommitment, sealUnsealed, unlockSecret, type CommitmentItem } from '../services/commitments.js';
import { readSecretCode } from '../privacy/secret-code.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import type { Round } from '../store/rounds.js';
import { commitmentListPage, editPage, newSecretPage, unlockPage } from './commitment-pages.js';
import type { Gate, TokenBuckets } from './limits.js';
import { messagePage, withLang, type PageFrame } from './pages.js';
import type { OpenKeys } from './open-keys.js';

/** What the server lends these routes: its replies, its body reader and its guessing limits. */
export interface CommitmentDeps {
  readonly db: Db;
  readonly round: Round;
  readonly q: Questionnaire;
  readonly keys: OpenKeys;
  readonly gate: Gate;
  /** Secret guesses: per client address, per member, for the whole server. */
  readonly perClient: TokenBuckets;
  readonly perMember: TokenBuckets;
  readonly overall: TokenBuckets;
  send(res: ServerResponse, status: number, body: string, headers?: Record<string, string>): void;
  redirect(res: ServerResponse, to: string): void;
  /** The form body; values up to `valueLimit` characters. Throws the server's 4xx problems. */
  readForm(req: IncomingMessage, valueLimit?: number): Promise<Map<string, string>>;
  /** Throws the server's 403 (bad CSRF token) or 400 (unexpected field). */
  refuse(what: 'forbidden' | 'badRequest'): never;
  sameToken(a: string | undefined, b: string | undefined): boolean;
  log(line: string): void;
}

export interface CommitmentRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly path: string;
  readonly method: string;
  readonly query: URLSearchParams;
  readonly frame: PageFrame;
  readonly m: Messages;
  readonly member: Member;
  readonly token: string;
  readonly csrf: string;
  readonly client: string;
}

const EDIT = /^\/c\/e\/([1-9][0-9]{0,3})$/;

/** The methods a commitment path allows, or undefined when it is none of them. */
export function commitmentRoute(path: string): ReadonlyArray<string> | undefined {
  if (path === '/c') return ['GET'];
  if (path === '/c/unlock' || path === '/c/secret' || path === '/c/confirm' || path === '/c/lock') return ['POST'];
  if (EDIT.test(path)) return ['GET', 'POST'];
  return undefined;
}

/** Marks a device that has just submitted: it is offered its first secret without typing one. */
export function offerAfterSubmit(keys: OpenKeys, token: string, member: Member): void {
  keys.ensure(token, member.id, true);
}

export async function handleCommitments(d: CommitmentDeps, r: CommitmentRequest): Promise<void> {
  const { db, round, q } = d;
  const { res, frame, member, csrf } = r;
  const c = r.m.webCommitments;
  const L = (p: string) => withLang(p, frame.lang);
  const behaviours = allBehaviours(q);
  const { entry, idle } = d.keys.get(r.token, member.id);
  const open = entry?.key !== undefined && entry.pendingSecret === undefined ? entry.key : undefined;
  const submittedNow = entry?.justSubmitted === true && open === undefined;

  const numbered = (items: CommitmentItem[]) => items.map((x) => ({ ...x, number: behaviours.indexOf(x.behaviour) + 1 }));
  const checkedForm = async (fields: ReadonlyArray<string>, valueLimit?: number) => {
    const form = await d.readForm(r.req, valueLimit);
    if (!d.sameToken(form.get('csrf'), csrf)) d.refuse('forbidden');
    for (const k of form.keys()) if (k !== 'csrf' && !fields.includes(k)) d.refuse('badRequest');
    return form;
  };
  const locked = (status: number, problem?: string) => d.send(res, status, unlockPage(frame, csrf, { ...(problem ? { problem } : {}), submittedNow }));
  const noSecret = () => d.send(res, 200, messagePage(frame, c.noSecretTitle, c.noSecret));

  if (r.path === '/c/lock') {
    await checkedForm([]);
    d.keys.drop(r.token);
    return d.send(res, 200, messagePage(frame, c.title, c.lockedDone));
  }

  if (r.path === '/c/unlock') {
    const form = await checkedForm(['secret']);
    if (!hasSecret(db, member)) return noSecret();
    // Limits first: no scrypt for a client, a member or a server over its budget.
    if (!d.perClient.take(r.client) || !d.perMember.take(String(member.id)) || !d.overall.take('*')) {
      d.log('POST /c/unlock 429 rate-limited');
      return d.send(res, 429, unlockPage(frame, csrf, { problem: c.tooMany }), { 'Retry-After': '30' });
    }
    const typed = form.get('secret') ?? '';
    const read = readSecretCode(typed);
    if (!read.ok) return locked(400, read.reason === 'accented' ? c.accented : c.malformed);
    const result = await d.gate.run(() => unlockSecret(db, member, read.secret));
    if (!result) return d.send(res, 503, unlockPage(frame, csrf, { problem: r.m.web.busy }), { 'Retry-After': '5' });
    if (!result.ok) {
      if (result.reason === 'none') return noSecret();
      return d.send(res, 401, unlockPage(frame, csrf, { problem: result.reason === 'wrong' ? c.wrong : result.reason === 'accented' ? c.accented : c.malformed }));
    }
    const e = d.keys.ensure(r.token, member.id);
    e.key = result.key;
    e.pendingSecret = undefined;
    // Commitments made before sealing existed are sealed now, as at the terminal.
    sealUnsealed(db, member, result.key);
    return d.redirect(res, L('/c'));
  }

  if (r.path === '/c/secret') {
    await checkedForm([]);
    // Only a device that has just submitted, for a member with no secret yet, is given one.
    if (hasSecret(db, member)) return d.redirect(res, L('/c'));
    if (!entry?.justSubmitted) return noSecret();
    if (open) return d.redirect(res, L('/c'));
    // Each new secret costs a scrypt too: a device pressing again and again spends the same budget as guesses.
    if (!d.perClient.take(r.client)) return d.send(res, 429, messagePage(frame, c.title, c.tooMany, { href: L('/c'), label: c.back }), { 'Retry-After': '30' });
    const made = await d.gate.run(() => createSecret(member));
    if (!made) return d.send(res, 503, messagePage(frame, c.title, r.m.web.busy, { href: L('/c'), label: c.back }), { 'Retry-After': '5' });
    entry.key?.key.aes.fill(0);
    entry.key = made.key;
    entry.pendingSecret = made.secret;
    return d.send(res, 200, newSecretPage(frame, csrf, made.secret));
  }

  if (r.path === '/c/confirm') {
    const form = await checkedForm(['secret']);
    if (!entry?.pendingSecret || !entry.key) return d.redirect(res, L('/c'));
    const typed = readSecretCode(form.get('secret') ?? '');
    if (!typed.ok || typed.secret !== entry.pendingSecret) {
      return d.send(res, 400, newSecretPage(frame, csrf, entry.pendingSecret, typed.ok || typed.reason === 'malformed' ? c.retypeWrong : c.accented));
    }
    // Noted: the secret itself is forgotten; the key is stored with the first commitment.
    entry.pendingSecret = undefined;
    return d.redirect(res, L('/c?ok=noted'));
  }

  // GET /c and /c/e/N: the member's own items, opened with their key, or the way to one.
  if (!open) {
    if (hasSecret(db, member)) return locked(200, idle ? c.idle : undefined);
    if (!entry?.justSubmitted) return noSecret();
    if (r.path !== '/c') return d.redirect(res, L('/c'));
    return d.send(res, 200, commitmentListPage(frame, { items: numbered(commitmentItems(db, round, q, member, undefined)), unlocked: false, csrf, submittedNow: true }));
  }

  const items = numbered(commitmentItems(db, round, q, member, open));
  if (r.path === '/c') {
    const okKey = r.query.get('ok');
    const ok = okKey === 'noted' ? c.noted : okKey === 'saved' ? c.saved : okKey === 'removed' ? c.removed : undefined;
    return d.send(res, 200, commitmentListPage(frame, { items, unlocked: true, csrf, submittedNow: false, ...(ok ? { ok } : {}) }));
  }

  const number = Number(EDIT.exec(r.path)![1]);
  const item = items.find((x) => x.number === number);
  // Only a behaviour the member reported has a page: any other number is no page at all.
  if (!item) return d.send(res, 404, messagePage(frame, r.m.web.notFoundTitle, r.m.web.notFound, { href: L('/c'), label: c.back }));
  if (r.method === 'GET') return d.send(res, 200, editPage(frame, { item, number, csrf, limit: COMMITMENT_TEXT_LIMIT }));

  // Values up to 2000 UTF-16 units: the text's own limit (500 characters) is checked below, with its message.
  const form = await checkedForm(['action', 'due', 'op'], 4 * COMMITMENT_TEXT_LIMIT);
  const op = form.get('op') ?? 'save';
  if (op !== 'save' && op !== 'remove') d.refuse('badRequest');
  if (op === 'remove') {
    if (item.current) dropCommitment(db, member, item.current);
    return d.redirect(res, L('/c?ok=removed'));
  }
  const typedAction = form.get('action') ?? '';
  const typedDue = form.get('due') ?? '';
  const again = (problem: string) => d.send(res, 400, editPage(frame, { item, number, csrf, limit: COMMITMENT_TEXT_LIMIT, action: typedAction, due: typedDue, problem }));
  const action = checkAction(typedAction);
  if (!action.ok) {
    return again(action.problem === 'empty' ? c.empty : action.problem === 'unsafe' ? c.unsafe(action.char, action.position) : c.tooLong(action.length, action.limit));
  }
  const due = checkDue(typedDue);
  if (due === undefined) return again(c.dueInvalid(typedDue.trim()));
  keepCommitment(db, round, member, open, { behaviourId: item.behaviour.id, level: item.level?.id ?? null }, { action: action.action, due });
  return d.redirect(res, L('/c?ok=saved'));
}
