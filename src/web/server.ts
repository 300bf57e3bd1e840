/**
 * The network form's HTTP server (`tusoi serve`), on `node:http` alone: a
 * handful of fixed routes, no files served from disk (so no directory
 * listing and no path to traverse), every answer committed through the same
 * service as the terminal interview before the page acknowledges it.
 *
 * Safety, in the order a request meets it: the Host header must be the
 * served address (DNS rebinding); security headers on every response; a
 * body only on POST, form-encoded, at most BODY_LIMIT bytes; a CSRF token on
 * every POST (the session's, or before sign-in a double-submit cookie) and
 * a same-origin Origin when the browser sends one; code guesses limited per
 * client and overall before the scrypt check, with few checks at once.
 * Logs name the method, path and status: never a body, a query or an answer.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { InternalError, UserError } from '../errors.js';
import type { Messages } from '../i18n/messages.js';
import { REVIEW_CURSOR, resumeState } from '../interview/engine.js';
import type { Behaviour, Group, Lang, Manifestation, Questionnaire } from '../questionnaire/model.js';
import { storingHooks } from '../services/interview.js';
import { claim, heldHooks, takeOver, webHolder } from '../services/response-holder.js';
import { checkCode, commitmentSession, normaliseCode, printedCode, sessionMember, type CodeCheck } from '../services/web-access.js';
import { checkSlip, slipBallot, slipHooks, type SlipCheck } from '../services/web-slips.js';
import type { InterviewHooks } from '../interview/run.js';
import type { InterviewState } from '../interview/engine.js';
import type { Db } from '../store/db.js';
import type { Member } from '../store/members.js';
import { startNamedResponse, type StoredResponse } from '../store/responses.js';
import { isRoundOpen, type Round } from '../store/rounds.js';
import { revokeMemberSessions, revokeRoundSessions } from '../store/web-access.js';
import { commitmentRoute, handleCommitments, offerAfterSubmit, type CommitmentDeps } from './commitments.js';
import { escapeHtml } from '../report/escape.js';
import { hostHeader } from './host.js';
import { TAKEOVER_PATH, takeoverPage } from './takeover.js';
import { Gate, TokenBuckets, type BucketSpec } from './limits.js';
import { OpenKeys } from './open-keys.js';
import { codePage, manifestationPage, messagePage, page, reviewPage, STYLE, withLang, type PageFrame } from './pages.js';

export const BODY_LIMIT = 16 * 1024;
export const SESSION_COOKIE = 'tusoi_session';
const PRE_COOKIE = 'tusoi_pre';

export interface Limits {
  readonly perClient: BucketSpec;
  readonly overall: BucketSpec;
  /** scrypt checks running at once, and waiting. */
  readonly concurrent: number;
  readonly queue: number;
}

/** A client may try 10 codes at once, then one every 6 s; the whole server 120, then 2 a second; 2 checks at once. */
export const DEFAULT_LIMITS: Limits = { perClient: { burst: 10, perSecond: 1 / 6 }, overall: { burst: 120, perSecond: 2 }, concurrent: 2, queue: 64 };

export interface FormServerOptions {
  readonly db: Db;
  readonly round: Round;
  readonly q: Questionnaire;
  readonly host: string;
  readonly port: number;
  readonly messages: { readonly vi: Messages; readonly en: Messages };
  readonly now: () => Date;
  readonly log: (line: string) => void;
  /** Called after anything that changes participation (sign-in, an answer, a submission). */
  readonly onChange?: () => void;
  readonly limits?: Limits;
  /** The code check (the slow scrypt part); tests wrap it to count and time the checks that really run. */
  readonly verify?: typeof checkCode;
  /** `serve --https`: the certificate and its key (PEM); served with node:https, which is loaded only then. */
  readonly tls?: { readonly cert: string; readonly key: string };
  /**
   * Tự sửa on the form (`web/commitments.ts`): true only when served over
   * --https, since the secret and the commitments' text must not cross the
   * Wi-Fi in clear. False: the last page says they are written later at the laptop.
   */
  readonly commitments?: boolean;
  /**
   * Tests only: the commitments pages over loopback plain HTTP, so that their
   * tests need no certificate (the TLS layer has its own tests). `serve` never sets it.
   */
  readonly commitmentsOverPlainHttpForTests?: boolean;
}

export interface FormServer {
  readonly server: Server | HttpsServer;
  readonly url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Not no-referrer: under it Chromium sends `Origin: null` with same-origin forms, and the Origin check below needs the real one.
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  // Answer pages must not be kept: the next person at a shared computer could press Back.
  'Cache-Control': 'no-store',
};

interface Manifest {
  readonly group: Group;
  readonly manifestation: Manifestation;
}

class HttpProblem extends Error {
  readonly status: number;
  readonly what: 'badRequest' | 'tooLarge' | 'unsupported' | 'forbidden';
  constructor(status: number, what: HttpProblem['what']) {
    super(what);
    this.status = status;
    this.what = what;
  }
}

function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

const sameToken = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.length > 0 && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Reads a form-encoded body of at most BODY_LIMIT bytes; every field once, each value at most `valueLimit` characters. */
function readForm(req: IncomingMessage, valueLimit = 200): Promise<Map<string, string>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return Promise.reject(new HttpProblem(415, 'unsupported'));
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > BODY_LIMIT) return Promise.reject(new HttpProblem(413, 'tooLarge'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT && !failed) {
        failed = true;
        reject(new HttpProblem(413, 'tooLarge'));
        req.pause();
        return;
      }
      if (!failed) chunks.push(c);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      const form = new Map<string, string>();
      for (const [k, v] of new URLSearchParams(text)) {
        if (form.has(k) || k.length > 100 || v.length > valueLimit) return reject(new HttpProblem(400, 'badRequest'));
        form.set(k, v);
      }
      resolve(form);
    });
    req.on('error', () => reject(new HttpProblem(400, 'badRequest')));
  });
}

export async function startFormServer(o: FormServerOptions): Promise<FormServer> {
  const { db, round, q } = o;
  const limits = o.limits ?? DEFAULT_LIMITS;
  const verify = o.verify ?? checkCode;
  const perClient = new TokenBuckets(limits.perClient, () => Date.now());
  const overall = new TokenBuckets(limits.overall, () => Date.now());
  const gate = new Gate(limits.concurrent, limits.queue);
  const manifests: Manifest[] = q.groups.flatMap((group) => group.manifestations.map((manifestation) => ({ group, manifestation })));
  const behaviourCount = manifests.reduce((n, x) => n + x.manifestation.behaviours.length, 0);
  const levelIds = new Set(q.levels.map((l) => l.id));
  const noneLevel = q.levels.find((l) => l.none)?.id;
  const manifestOf = new Map<string, number>();
  manifests.forEach((x, i) => x.manifestation.behaviours.forEach((b) => manifestOf.set(b.id, i + 1)));
  let expectedHost = '';
  let origin = '';
  // Commitments and their secret never cross the Wi-Fi in clear; over TLS a named round always offers them (an anonymous one never).
  if (o.tls !== undefined ? (o.commitments === true) === o.round.anonymous : o.commitments === true && o.commitmentsOverPlainHttpForTests !== true) {
    throw new InternalError('commitments are offered exactly when serving over https');
  }
  // Over https every cookie is Secure: a plain-HTTP page on the same address never sees it.
  const secure = o.tls ? '; Secure' : '';
  const withCommitments = o.commitments === true;
  const keys = new OpenKeys(() => o.now().getTime());

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  const redirect = (res: ServerResponse, to: string, headers: Record<string, string | string[]> = {}) => {
    res.writeHead(303, { ...SECURITY_HEADERS, Location: to, ...headers });
    res.end();
  };
  const sessionCookie = (token: string, maxAge?: number) =>
    `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/${secure}${maxAge !== undefined ? `; Max-Age=${maxAge}` : ''}`;
  const commitmentDeps: CommitmentDeps = {
    db,
    round,
    q,
    keys,
    gate,
    // Secret guesses are limited like code guesses, and per member too.
    perClient: new TokenBuckets(limits.perClient, () => Date.now()),
    perMember: new TokenBuckets(limits.perClient, () => Date.now()),
    overall: new TokenBuckets(limits.overall, () => Date.now()),
    send,
    redirect,
    readForm,
    refuse: (what) => {
      throw new HttpProblem(what === 'forbidden' ? 403 : 400, what);
    },
    sameToken,
    log: o.log,
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // DNS rebinding: a page from another name that resolves here is refused.
    if (req.headers.host !== expectedHost) {
      res.writeHead(421, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Misdirected request\n');
      return;
    }
    // Routed on the path exactly as sent: no decoding, no dot-segment folding ("/m/%2e%2e" is no page).
    const raw = req.url ?? '/';
    const q0 = raw.indexOf('?');
    const path = q0 < 0 ? raw : raw.slice(0, q0);
    const query = new URLSearchParams(q0 < 0 ? '' : raw.slice(q0 + 1));
    const lang: Lang = query.get('lang') === 'en' ? 'en' : 'vi';
    const m = o.messages[lang];
    const w = m.web;
    const aw = m.anonWeb; // an anonymous round's wording (issue 18, part 2)
    const frame = (extra: Partial<PageFrame> = {}): PageFrame => ({ m, lang, path, round: round.label, anonymous: round.anonymous, ...extra });
    const L = (p: string) => withLang(p, lang);
    const method = req.method ?? 'GET';

    if (path === '/style.css') {
      if (method !== 'GET' && method !== 'HEAD') return send(res, 405, '', { Allow: 'GET' });
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/css; charset=utf-8' });
      res.end(method === 'HEAD' ? undefined : STYLE);
      return;
    }
    if (path === '/done') return send(res, 200, messagePage(frame(), w.doneTitle, round.anonymous ? aw.doneText : w.doneText));

    const routes: Record<string, string> = { '/': 'GET', '/code': 'POST', '/form': 'GET', '/review': 'GET', '/submit': 'POST', [TAKEOVER_PATH]: 'POST' };
    const mMatch = /^\/m\/([1-9][0-9]{0,2})$/.exec(path);
    const mIndex = mMatch ? Number(mMatch[1]) : undefined;
    if (mIndex !== undefined && mIndex > manifests.length) return send(res, 404, messagePage(frame(), w.notFoundTitle, w.notFound, { href: L('/'), label: w.startLink }));
    const cAllowed = withCommitments ? commitmentRoute(path) : undefined;
    const allowed = mIndex !== undefined ? ['GET', 'POST'] : routes[path] ? [routes[path]!] : cAllowed ? [...cAllowed] : undefined;
    if (!allowed) return send(res, 404, messagePage(frame(), w.notFoundTitle, w.notFound, { href: L('/'), label: w.startLink }));
    if (!allowed.includes(method)) return send(res, 405, messagePage(frame(), w.badRequestTitle, w.badRequest), { Allow: allowed.join(', ') });

    if (method === 'POST') {
      // A cross-site form is refused even before its token is read.
      const from = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      if ((from !== undefined && from !== origin) || (site !== undefined && site !== 'same-origin' && site !== 'none')) throw new HttpProblem(403, 'forbidden');
    }

    if (!isRoundOpen(db, round.id)) {
      revokeRoundSessions(db, round.id, o.now().toISOString());
      return send(res, 410, messagePage(frame(), w.closedTitle, w.closed), { 'Set-Cookie': sessionCookie('', 0) });
    }

    const jar = cookies(req);
    const token = jar.get(SESSION_COOKIE);
    // An anonymous round's device holds a slip's ballot, never a member (services/web-slips.ts).
    const slip = token && round.anonymous ? slipBallot(db, q, round, token) : undefined;
    const session = token && !round.anonymous ? sessionMember(db, round, token) : undefined;

    if (path === '/' || path === '/code') {
      // A slip's QR code opens `/?code=…`: the code field is filled in, nothing more (signing in stays a POST with its CSRF token).
      const prefill = method === 'GET' ? normaliseCode(query.get('code') ?? '') : undefined;
      if ((session || slip) && method === 'GET' && prefill === undefined) return redirect(res, L('/form'));
      let pre = jar.get(PRE_COOKIE);
      const preHeader: Record<string, string> = {};
      if (!pre || !/^[A-Za-z0-9_-]{32}$/.test(pre)) {
        pre = randomBytes(24).toString('base64url');
        preHeader['Set-Cookie'] = `${PRE_COOKIE}=${pre}; HttpOnly; SameSite=Strict; Path=/${secure}`;
      }
      if (method === 'GET') return send(res, 200, codePage(frame(), pre, undefined, prefill && printedCode(prefill)), preHeader);
      const form = await readForm(req);
      for (const k of form.keys()) if (k !== 'csrf' && k !== 'code') throw new HttpProblem(400, 'badRequest');
      if (!sameToken(form.get('csrf'), jar.get(PRE_COOKIE))) return send(res, 403, messagePage(frame(), w.expiredTitle, w.expired, { href: L('/'), label: w.startLink }), preHeader);
      const client = req.socket.remoteAddress ?? '?';
      // Limits first: no scrypt runs for a client or a server over its budget.
      if (!perClient.take(client) || !overall.take('*')) {
        o.log(`POST /code 429 rate-limited`);
        return send(res, 429, codePage(frame(), pre, w.tooMany), { ...preHeader, 'Retry-After': '30' });
      }
      const typed = form.get('code') ?? '';
      const checked = await gate.run<CodeCheck | SlipCheck>(() => (round.anonymous ? checkSlip(db, q, round, typed) : verify(db, round, typed, o.now())));
      if (!checked) return send(res, 503, codePage(frame(), pre, w.busy), { ...preHeader, 'Retry-After': '5' });
      if (checked.kind === 'wrong') return send(res, 401, codePage(frame(), pre, round.anonymous ? aw.wrongCode : w.wrongCode), preHeader);
      if (checked.kind === 'used') {
        // Over --https a used personal code opens the member's commitments (behind their secret), never the answers.
        if (withCommitments && 'member' in checked) return redirect(res, L('/c'), { 'Set-Cookie': sessionCookie(commitmentSession(db, round, checked.member, o.now())) });
        return send(res, 403, round.anonymous ? messagePage(frame(), aw.usedTitle, aw.used) : messagePage(frame(), w.usedTitle, w.used), preHeader);
      }
      if ('member' in checked) startNamedResponse(db, round, checked.member.id);
      o.onChange?.();
      return redirect(res, L('/form'), { 'Set-Cookie': sessionCookie(checked.token) });
    }

    if (!session && !slip) {
      if (method === 'GET') return redirect(res, L('/'));
      return send(res, 403, messagePage(frame(), w.expiredTitle, w.signedOut, { href: L('/'), label: w.startLink }));
    }
    let state: InterviewState;
    let hooks: InterviewHooks;
    let memberFrame: PageFrame;
    let csrf: string;
    let afterSubmit: () => void;
    const member: Member | undefined = session?.member;
    if (slip) {
      // A slip's ballot has no tự sửa: commitments are a member's, and nothing may tie one to a ballot.
      if (cAllowed) return method === 'GET' ? redirect(res, L('/form')) : send(res, 403, messagePage(frame(), w.expiredTitle, w.expired, { href: L('/'), label: w.startLink }));
      // Taking over is a member's form's; a slip's ballot is one device's (its code), so there is nothing to take over.
      if (path === TAKEOVER_PATH) return redirect(res, L('/form'));
      state = resumeState(q, slip.state);
      hooks = slipHooks(db, q, round, slip);
      memberFrame = frame({ member: aw.badge });
      csrf = slip.csrf;
      afterSubmit = () => {}; // the slip's devices were signed out in the submission's transaction
    } else {
      const named = member!;
      const response: StoredResponse = startNamedResponse(db, round, named.id);
      memberFrame = frame({ member: named.name });
      if (response.status === 'submitted' && withCommitments) {
        // Only the commitment pages: an answer page of a submitted response goes there instead.
        if (cAllowed) return handleCommitments(commitmentDeps, { req, res, path, method, query, frame: memberFrame, m, member: named, token: token!, csrf: session!.csrf, client: req.socket.remoteAddress ?? '?' });
        if (method === 'GET') return redirect(res, L('/c'));
        return send(res, 403, messagePage(frame(), w.usedTitle, w.used));
      }
      if (cAllowed) return method === 'GET' ? redirect(res, L('/form')) : send(res, 403, messagePage(frame(), w.expiredTitle, w.expired, { href: L('/'), label: w.startLink }));
      if (response.status === 'submitted') {
        revokeMemberSessions(db, round.id, named.id, o.now().toISOString());
        return send(res, 403, messagePage(frame(), w.usedTitle, w.used), { 'Set-Cookie': sessionCookie('', 0) });
      }
      // One front end at a time (services/response-holder.ts): this device holds the form, or is told where it is open.
      const me = webHolder(token!);
      if (path === TAKEOVER_PATH) {
        const form = await readForm(req);
        if (!sameToken(form.get('csrf'), session!.csrf)) throw new HttpProblem(403, 'forbidden');
        for (const k of form.keys()) if (k !== 'csrf') throw new HttpProblem(400, 'badRequest');
        takeOver(db, round, named.id, me, o.now());
        return redirect(res, L('/form'));
      }
      const hold = claim(db, round, named.id, me, o.now());
      if (hold.kind === 'elsewhere') return send(res, 409, takeoverPage(memberFrame, hold, session!.csrf));
      state = resumeState(q, response);
      hooks = heldHooks(db, round, named.id, me, o.now, storingHooks(db, round, named, { response, state }, o.now));
      csrf = session!.csrf;
      afterSubmit = () => revokeMemberSessions(db, round.id, named.id, o.now().toISOString());
    }
    const firstOf = (i: number) => manifests[i - 1]!.manifestation.behaviours[0]!.id;

    if (path === '/form') {
      if (state.phase === 'review') return redirect(res, L('/review'));
      const at = q.groups.flatMap((g) => g.manifestations.flatMap((mm) => mm.behaviours))[state.cursor];
      return redirect(res, L(`/m/${at ? manifestOf.get(at.id)! : 1}`));
    }

    const reviewData = (answers: ReadonlyMap<string, string>) => {
      const flagged: Array<{ behaviour: Behaviour; manifestation: Manifestation; index: number; number: string; level: string }> = [];
      const missing: Array<{ behaviour: Behaviour; index: number; number: string }> = [];
      manifests.forEach((x, i) =>
        x.manifestation.behaviours.forEach((b, j) => {
          const a = answers.get(b.id);
          const number = `${i + 1}.${j + 1}`;
          if (a === undefined) missing.push({ behaviour: b, index: i + 1, number });
          else if (a !== noneLevel) flagged.push({ behaviour: b, manifestation: x.manifestation, index: i + 1, number, level: a });
        }),
      );
      return { flagged, missing };
    };

    if (mIndex !== undefined) {
      const x = manifests[mIndex - 1]!;
      if (method === 'GET') {
        return send(res, 200, manifestationPage(memberFrame, { q, ...x, index: mIndex, total: manifests.length, answers: state.answers, answered: state.answers.size, behaviours: behaviourCount, csrf: csrf }));
      }
      const form = await readForm(req);
      if (!sameToken(form.get('csrf'), csrf)) throw new HttpProblem(403, 'forbidden');
      const ids = new Set(x.manifestation.behaviours.map((b) => b.id));
      const given: Array<[string, string]> = [];
      for (const [k, v] of form) {
        if (k === 'csrf') continue;
        if (k === 'go') {
          if (v !== 'next' && v !== 'back' && v !== 'review') throw new HttpProblem(400, 'badRequest');
          continue;
        }
        const id = k.startsWith('b:') ? k.slice(2) : undefined;
        if (id === undefined || !ids.has(id) || !levelIds.has(v)) throw new HttpProblem(400, 'badRequest');
        given.push([id, v]);
      }
      const go = form.get('go') ?? 'next';
      const target = go === 'review' || (go === 'next' && mIndex === manifests.length) ? REVIEW_CURSOR : go === 'back' ? firstOf(Math.max(1, mIndex - 1)) : firstOf(mIndex + 1);
      // The page's answers are committed together (one transaction, one fsync) before the next page is sent.
      db.transaction(() => {
        for (const [id, level] of given) hooks.onAnswer(id, level, target);
        hooks.onMove(target);
      }).immediate();
      if (given.length) o.onChange?.();
      return redirect(res, L(target === REVIEW_CURSOR ? '/review' : `/m/${go === 'back' ? Math.max(1, mIndex - 1) : mIndex + 1}`));
    }

    if (path === '/review') {
      return send(res, 200, reviewPage(memberFrame, { q, ...reviewData(state.answers), answered: state.answers.size, behaviours: behaviourCount, csrf: csrf }));
    }

    // POST /submit
    const form = await readForm(req);
    if (!sameToken(form.get('csrf'), csrf)) throw new HttpProblem(403, 'forbidden');
    for (const [k, v] of form) if (!(k === 'csrf' || (k === 'confirm' && v === 'yes'))) throw new HttpProblem(400, 'badRequest');
    const data = reviewData(state.answers);
    if (data.missing.length || form.get('confirm') !== 'yes') {
      return send(res, 400, reviewPage(memberFrame, { q, ...data, answered: state.answers.size, behaviours: behaviourCount, csrf: csrf, problem: data.missing.length ? w.missing(data.missing.length) : w.confirmNeeded }));
    }
    try {
      hooks.onSubmit();
    } catch (error) {
      // More slip ballots than members ticked off: refused, the ballot stays in progress.
      if ((error as { name?: string }).name === 'UserError' && (error as UserError).code === 'SLIPS_EXCEEDED') {
        return send(res, 409, page(memberFrame, aw.exceededTitle, `<h1>${escapeHtml(aw.exceededTitle)}</h1>\n<p class="problem" role="alert">${escapeHtml(aw.exceeded((error as UserError<'SLIPS_EXCEEDED'>).params.ticked))}</p>\n<p><a class="button" href="${escapeHtml(L('/review'))}">${escapeHtml(w.reviewTitle)}</a></p>`));
      }
      throw error;
    }
    afterSubmit();
    o.onChange?.();
    if (withCommitments && member) {
      // A fresh session for this device alone (the answering ones are revoked), offered the commitments.
      const next = commitmentSession(db, round, member, o.now());
      offerAfterSubmit(keys, next, member);
      return redirect(res, L('/c'), { 'Set-Cookie': sessionCookie(next) });
    }
    return redirect(res, L('/done'), { 'Set-Cookie': sessionCookie('', 0) });
  };

  const serverOptions = { requestTimeout: 30_000, headersTimeout: 10_000, maxHeaderSize: 8 * 1024 };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!.slice(0, 60);
    const lang: Lang = /[?&]lang=en(&|$)/.test(req.url ?? '') ? 'en' : 'vi';
    const w = o.messages[lang].web;
    const frame: PageFrame = { m: o.messages[lang], lang, path: '/' };
    handle(req, res)
      .catch((error: unknown) => {
        if (res.headersSent) return res.destroy();
        if (error instanceof HttpProblem) {
          const title = error.what === 'forbidden' ? w.expiredTitle : w.badRequestTitle;
          const text = error.what === 'tooLarge' ? w.tooLarge : error.what === 'forbidden' ? w.expired : w.badRequest;
          send(res, error.status, messagePage(frame, title, text, { href: '/', label: w.startLink }), error.status === 413 ? { Connection: 'close' } : {});
          return;
        }
        if ((error as { name?: string; code?: string }).name === 'UserError' && (error as UserError).code === 'RESPONSE_TAKEN_OVER') {
          // Taken over between this device's page and its write: nothing of the page was stored.
          const p = (error as UserError<'RESPONSE_TAKEN_OVER'>).params;
          const h = o.messages[lang].holder;
          send(res, 409, messagePage(frame, h.takenTitle, (p.where === 'kiosk' ? h.takenAtLaptop : h.takenOnOtherDevice)(p.at), { href: withLang('/form', lang), label: h.takeOverButton }));
          return;
        }
        if ((error as { name?: string; code?: string }).name === 'UserError' && (error as UserError).code === 'RESPONSE_CLOSED') {
          send(res, 409, messagePage(frame, w.closedTitle, w.closed));
          return;
        }
        // No stack, no detail on the page; the log names only the kind of failure.
        o.log(`${req.method} ${path} 500 ${(error as { name?: string }).name ?? 'Error'}`);
        send(res, 500, page(frame, w.errorTitle, `<h1>${w.errorTitle}</h1><p>${w.error}</p>`));
      })
      .finally(() => {
        o.log(`${req.method} ${path} ${res.statusCode}`);
      });
  };
  const server: Server | HttpsServer = o.tls ? (await import('node:https')).createServer({ ...serverOptions, cert: o.tls.cert, key: o.tls.key }, listener) : createServer(serverOptions, listener);
  server.on('clientError', (_err, socket) => socket.destroy());
  // A failed handshake (plain HTTP sent to the https port, a browser refusing the certificate) only drops that connection.
  server.on('tlsClientError', (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  expectedHost = hostHeader(o.host, port);
  origin = `${o.tls ? 'https' : 'http'}://${expectedHost}`;
  return {
    server,
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        // Ctrl+C: every opened commitment key is forgotten with the server.
        keys.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
