/**
 * `serve --https` in-process on 127.0.0.1 (real SQLite file, real TLS): the
 * certificate is made once and reused, names the served address, is
 * replaced when it no longer fits; the form over TLS with Secure cookies;
 * plain HTTP sent to the https port gets no page and leaves the server
 * serving; the private key appears in no export, report, slip or log; the
 * commitments flag is set exactly with TLS.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { issueCodes } from '../../src/services/web-access.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { findOpenRound, roundQuestionnaire } from '../../src/store/rounds.js';
import { loadCertificate } from '../../src/store/web-certificate.js';
import { ensureCertificate, fingerprintOf, makeCertificate, RENEW_BEFORE_DAYS, VALIDITY_DAYS, type ServedCertificate } from '../../src/web/certificate.js';
import { startFormServer, type FormServer } from '../../src/web/server.js';
import { tempCell, type TempCell } from '../support/cell.js';
import { pageBehaviours, type Reply } from '../support/web.js';

const DAY = 86_400_000;
const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await x.close();
});

async function cellDb(members = ['Nguyễn Văn An']): Promise<{ cell: TempCell; db: Db }> {
  const cell = await tempCell({ members, round: ['--label', '2026'] });
  const db = openDatabase(cell.db, { durable: true });
  open.push(db);
  return { cell, db };
}

/** A request over TLS that trusts exactly this certificate (as the pinned browser does). */
function tlsSend(port: number, cert: ServedCertificate, r: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply & { peer: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: '127.0.0.1', port, method: r.method ?? 'GET', path: r.path, headers: { Host: `127.0.0.1:${port}`, ...r.headers }, ca: cert.certPem, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        const peer = (res.socket as import('node:tls').TLSSocket).getPeerCertificate().fingerprint256;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), peer }));
      },
    );
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

async function serveTls(db: Db, cert: ServedCertificate, log: string[]): Promise<FormServer> {
  const round = findOpenRound(db)!;
  const server = await startFormServer({
    db,
    round,
    q: roundQuestionnaire(db, round),
    host: '127.0.0.1',
    port: 0,
    messages: { vi, en },
    now: () => new Date(),
    log: (l) => log.push(l),
    tls: { cert: cert.certPem, key: cert.keyPem },
    commitments: true,
  });
  open.push(server);
  return server;
}

const cookieOf = (r: Reply, name: string) => (([] as string[]).concat(r.headers['set-cookie'] ?? [])).find((c) => c.startsWith(`${name}=`));

describe('the certificate of serve --https', () => {
  it('is made once and reused (same fingerprint), names the served address, and is valid for the season', async () => {
    const { db } = await cellDb();
    const now = new Date();
    let made = 0;
    const counting: typeof makeCertificate = (hosts, at) => (made++, makeCertificate(hosts, at));
    const first = await ensureCertificate(db, ['127.0.0.1'], now, counting);
    const second = await ensureCertificate(db, ['127.0.0.1'], new Date(now.getTime() + 60 * DAY), counting);
    expect([first.status, second.status, made]).toEqual(['new', 'reused', 1]);
    expect(second.fingerprint).toEqual(first.fingerprint);
    const x = new X509Certificate(loadCertificate(db)!.certificate);
    expect(x.subjectAltName).toBe('IP Address:127.0.0.1');
    expect(x.fingerprint256).toBe(first.fingerprint.sha256);
    expect(first.fingerprint.short).toBe(first.fingerprint.sha256.split(':').slice(0, 8).join(' '));
    expect(new Date(x.validTo).getTime() - now.getTime()).toBeGreaterThan((VALIDITY_DAYS - 1) * DAY);
    expect(x.publicKey.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
    expect(x.verify(x.publicKey)).toBe(true);
    expect(first.spkiSha256).toBe(createHash('sha256').update(x.publicKey.export({ type: 'spki', format: 'der' })).digest('base64'));
  });

  it('is replaced, and says why, when the address changes or it nears its end; IPv6 is matched as an address', async () => {
    const { db } = await cellDb();
    const now = new Date();
    const a = await ensureCertificate(db, ['127.0.0.1'], now);
    const moved = await ensureCertificate(db, ['192.168.137.1'], now);
    expect([moved.status, moved.reason]).toEqual(['renewed', 'hosts']);
    expect(moved.fingerprint.sha256).not.toBe(a.fingerprint.sha256);
    expect(new X509Certificate(loadCertificate(db)!.certificate).subjectAltName).toBe('IP Address:192.168.137.1');
    const late = await ensureCertificate(db, ['192.168.137.1'], new Date(moved.notAfter.getTime() - (RENEW_BEFORE_DAYS - 1) * DAY));
    expect([late.status, late.reason]).toEqual(['renewed', 'expiry']);
    const v6 = await ensureCertificate(db, ['::1'], now);
    expect(v6.status).toBe('renewed');
    expect((await ensureCertificate(db, ['::1'], now)).status).toBe('reused');
  });
});

describe('the form over TLS', () => {
  it('serves the pinned certificate, sets Secure on every cookie, signs in and saves an answer', async () => {
    const { db } = await cellDb(['Nguyễn Văn An', 'Trần Thị Bích']);
    const round = findOpenRound(db)!;
    const code = (await issueCodes(db, round, new Date()))[0]!.code;
    const cert = await ensureCertificate(db, ['127.0.0.1'], new Date());
    const log: string[] = [];
    const server = await serveTls(db, cert, log);
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const port = Number(new URL(server.url).port);
    const start = await tlsSend(port, cert, { path: `/?code=${code.toLowerCase()}` });
    expect(start.peer).toBe(cert.fingerprint.sha256);
    expect(start.status).toBe(200);
    // The slip's link fills the code field in; it signs nobody in.
    expect(start.body).toContain(`value="${code.slice(0, 5)}-${code.slice(5)}"`);
    expect(cookieOf(start, 'tusoi_session')).toBeUndefined();
    const pre = cookieOf(start, 'tusoi_pre')!;
    expect(pre).toMatch(/; Secure(;|$)/);
    const preValue = pre.split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(start.body)![1]!;
    const body = new URLSearchParams({ csrf, code }).toString();
    const origin = server.url.slice(0, -1);
    const signed = await tlsSend(port, cert, { method: 'POST', path: '/code', body, headers: { Cookie: preValue, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(body.length) } });
    expect(signed.status).toBe(303);
    const session = cookieOf(signed, 'tusoi_session')!;
    expect(session).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Secure$/);
    const jar = `${preValue}; ${session.split(';')[0]}`;
    const page1 = await tlsSend(port, cert, { path: '/m/1', headers: { Cookie: jar } });
    expect(page1.status).toBe(200);
    const token = /name="csrf" value="([^"]+)"/.exec(page1.body)![1]!;
    const q = roundQuestionnaire(db, round);
    const ids = pageBehaviours(q, 1);
    const answers = new URLSearchParams({ csrf: token, ...Object.fromEntries(ids.map((id) => [`b:${id}`, 'thinh-thoang'])) }).toString();
    const saved = await tlsSend(port, cert, { method: 'POST', path: '/m/1', body: answers, headers: { Cookie: jar, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(answers.length) } });
    expect(saved.status).toBe(303);
    expect(db.prepare("SELECT count(*) AS n FROM answer WHERE level = 'thinh-thoang'").get()).toEqual({ n: ids.length });
    // An Origin over plain http is another origin: refused.
    const cross = await tlsSend(port, cert, { method: 'POST', path: '/m/1', body: answers, headers: { Cookie: jar, Origin: origin.replace('https:', 'http:'), 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(answers.length) } });
    expect(cross.status).toBe(403);
    expect(log.join('\n')).not.toContain(code);
  });

  it('a request over plain HTTP to the https port gets no page, and the server goes on serving', async () => {
    const { db } = await cellDb();
    const cert = await ensureCertificate(db, ['127.0.0.1'], new Date());
    const server = await serveTls(db, cert, []);
    const port = Number(new URL(server.url).port);
    const plain = await new Promise<{ error?: string; status?: number }>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers: { Host: `127.0.0.1:${port}` }, agent: false }, (res) => resolve({ status: res.statusCode }));
      req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
      req.end();
    });
    expect(plain.status).toBeUndefined();
    expect(['ECONNRESET', 'EPIPE']).toContain(plain.error);
    expect((await tlsSend(port, cert, { path: '/' })).status).toBe(200);
  });

  it('offers the commitments exactly when serving over TLS', async () => {
    const { db } = await cellDb();
    const round = findOpenRound(db)!;
    const base = { db, round, q: roundQuestionnaire(db, round), host: '127.0.0.1', port: 0, messages: { vi, en }, now: () => new Date(), log: () => {} };
    const cert = await ensureCertificate(db, ['127.0.0.1'], new Date());
    await expect(startFormServer({ ...base, commitments: true })).rejects.toMatchObject({ name: 'InternalError' });
    await expect(startFormServer({ ...base, tls: { cert: cert.certPem, key: cert.keyPem } })).rejects.toMatchObject({ name: 'InternalError' });
    await expect(startFormServer({ ...base, tls: { cert: cert.certPem, key: cert.keyPem }, commitments: false })).rejects.toMatchObject({ name: 'InternalError' });
  });
});

describe('the private key', () => {
  it('appears in no slip, export, report or screen line of the compiled CLI', async () => {
    const cell = await tempCell({ members: ['Nguyễn Văn An'], round: ['--label', '2026'] });
    const slips = cell.bin(['serve', '--host', '127.0.0.1', '--https', '--codes', 'slips.html']);
    expect(slips.status).toBe(0);
    const stored = cell.query<{ k: Buffer; c: Buffer }>('SELECT private_key AS k, certificate AS c FROM web_certificate')[0]!;
    expect(slips.stdout).toContain(fingerprintOf(stored.c).sha256);
    // The key's secret scalar in every spelling it could leak in, and the whole key (DER) in hex and base64.
    const forms = (k: Buffer) => {
      const d = Buffer.from(createPrivateKey({ key: k, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }).d!, 'base64url');
      return [d.toString('hex'), d.toString('hex').toUpperCase(), d.toString('base64'), d.toString('base64url'), k.toString('hex'), k.toString('base64')];
    };
    const runs = [slips, cell.bin(['status']), cell.bin(['report']), cell.bin(['export', '--out', 'export.csv']), cell.bin(['--json', 'report'])];
    for (const r of runs) expect(r.status).toBe(0);
    const texts = [...runs.flatMap((r) => [r.stdout, r.stderr]), ...readdirSync(cell.dir).filter((f) => !f.startsWith('cell.sqlite')).map((f) => readFileSync(join(cell.dir, f)).toString('latin1'))];
    // The slip sheet is among them (it carries the fingerprint, never the key).
    expect(texts.some((t) => t.includes(fingerprintOf(stored.c).short))).toBe(true);
    for (const t of texts) for (const f of forms(stored.k)) expect(t).not.toContain(f);
    for (const t of texts) expect(t).not.toContain('PRIVATE KEY');
  });
});
