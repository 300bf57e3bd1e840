/**
 * The network form in-process for tests: a real cell database, personal
 * codes, the server on 127.0.0.1 (an ephemeral port), and a small HTTP client
 * with a cookie jar per simulated device. Connects only to 127.0.0.1.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request } from 'node:http';
import { en } from '../../src/i18n/en.js';
import { vi } from '../../src/i18n/vi.js';
import { issueCodes } from '../../src/services/web-access.js';
import { openDatabase, type Db } from '../../src/store/db.js';
import { findOpenRound, roundQuestionnaire, type Round } from '../../src/store/rounds.js';
import type { Questionnaire } from '../../src/questionnaire/model.js';
import { startFormServer, type FormServer, type FormServerOptions } from '../../src/web/server.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempCell, type TempCell } from './cell.js';
import { childEnv } from './child-env.js';
import { BIN, unitHandle } from './cli.js';
import { tempDir } from './temp.js';

export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface RawRequest {
  readonly method?: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** The client's own address (another loopback address is another client). */
  readonly localAddress?: string;
}

export function send(port: number, r: RawRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: r.method ?? 'GET', path: r.path, headers: { Host: `127.0.0.1:${port}`, ...r.headers }, localAddress: r.localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}

export const FORM = 'application/x-www-form-urlencoded';

/** One device: a cookie jar, and the CSRF token of the last page it read. */
export class Device {
  readonly jar = new Map<string, string>();
  csrf = '';
  readonly port: number;
  readonly localAddress: string | undefined;
  constructor(port: number, localAddress?: string) {
    this.port = port;
    this.localAddress = localAddress;
  }

  private remember(r: Reply): Reply {
    const set = r.headers['set-cookie'] ?? [];
    for (const c of Array.isArray(set) ? set : [set]) {
      const [pair, ...attrs] = c.split(';');
      const [k, v] = pair!.split('=') as [string, string];
      if (attrs.some((a) => a.trim() === 'Max-Age=0')) this.jar.delete(k);
      else this.jar.set(k, v);
    }
    const t = /name="csrf" value="([^"]+)"/.exec(r.body);
    if (t) this.csrf = t[1]!;
    return r;
  }

  private cookie(): Record<string, string> {
    return this.jar.size ? { Cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.remember(await send(this.port, { path, headers: { ...this.cookie(), ...headers }, localAddress: this.localAddress }));
  }

  async post(path: string, fields: Record<string, string> | string, headers: Record<string, string> = {}): Promise<Reply> {
    const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
    return this.remember(
      await send(this.port, { method: 'POST', path, body, headers: { 'Content-Type': FORM, 'Content-Length': String(Buffer.byteLength(body)), ...this.cookie(), ...headers }, localAddress: this.localAddress }),
    );
  }

  /** Opens the start page and gives the code; the reply to the code. */
  async signIn(code: string): Promise<Reply> {
    await this.get('/');
    return this.post('/code', { csrf: this.csrf, code });
  }
}

export interface Served {
  readonly cell: TempCell;
  readonly db: Db;
  readonly round: Round;
  readonly q: Questionnaire;
  /** Member name → personal code. */
  readonly codes: Map<string, string>;
  readonly server: FormServer;
  readonly port: number;
  readonly log: string[];
  device(localAddress?: string): Device;
  close(): Promise<void>;
}

/** Cells made once per member list (in this test file), kept as bytes and written afresh for each test: the setup is the slow part. */
const templates = new Map<string, { db: Buffer; wal?: Buffer }>();

async function freshCell(members: ReadonlyArray<string>): Promise<TempCell> {
  const key = JSON.stringify(members);
  let t = templates.get(key);
  if (!t) {
    const made = await tempCell({ members, round: ['--label', '2026'] });
    t = { db: readFileSync(made.db), ...(existsSync(`${made.db}-wal`) ? { wal: readFileSync(`${made.db}-wal`) } : {}) };
    templates.set(key, t);
  }
  const dir = tempDir('tusoi-web-');
  const db = join(dir, 'cell.sqlite');
  writeFileSync(db, t.db, { mode: 0o600 });
  if (t.wal) writeFileSync(`${db}-wal`, t.wal, { mode: 0o600 });
  return unitHandle(dir, db);
}

export async function served(members: ReadonlyArray<string>, options: Partial<Pick<FormServerOptions, 'limits' | 'verify' | 'commitments' | 'now'>> = {}): Promise<Served> {
  const cell = await freshCell(members);
  const db = openDatabase(cell.db, { durable: true });
  const round = findOpenRound(db)!;
  const q = roundQuestionnaire(db, round);
  const issued = await issueCodes(db, round, new Date());
  const codes = new Map(issued.map((x) => [x.member.name, x.code]));
  const log: string[] = [];
  const server = await startFormServer({ db, round, q, host: '127.0.0.1', port: 0, messages: { vi, en }, now: () => new Date(), log: (l) => log.push(l), ...options, ...(options.commitments ? { commitmentsOverPlainHttpForTests: true } : {}) });
  const port = Number(new URL(server.url).port);
  return {
    cell,
    db,
    round,
    q,
    codes,
    server,
    port,
    log,
    device: (localAddress) => new Device(port, localAddress),
    close: async () => {
      await server.close();
      db.close();
    },
  };
}

/** Every behaviour id of a manifestation page (1-based), in order. */
export function pageBehaviours(q: Questionnaire, index: number): string[] {
  return q.groups.flatMap((g) => g.manifestations)[index - 1]!.behaviours.map((b) => b.id);
}

/** The real compiled `tusoi serve` on 127.0.0.1 (an ephemeral port) as a child process. */
export interface ServeProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly port: number;
  output(): string;
  errors(): string;
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `extra`: more options for serve; `ready`: the line that says the server is up (a named round's first live line starts with the time; an anonymous round's has none). */
export async function spawnServe(db: string, cwd: string, lang: 'vi' | 'en' = 'vi', extra: ReadonlyArray<string> = [], ready: RegExp = /^\d\d:\d\d:\d\d  /m): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, '--db', db, '--lang', lang, 'serve', '--host', '127.0.0.1', '--port', '0', ...extra], { cwd, env: childEnv() });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise<number>((resolve, reject) => {
    const look = () => {
      const m = /https?:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      // Ready once the first live line (after the address and the warnings) is out.
      if (m && ready.test(out)) {
        child.stdout.off('data', look);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', look);
    void exit.then(() => reject(new Error(`serve exited: ${err}`)));
  });
  return { child, port, output: () => out, errors: () => err, exited: () => exit };
}

/** Waits until `check()` holds (polling), or fails after `ms`: for output a child prints when it gets to it. */
export async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}
