/**
 * `tusoi serve`: the open round's form on the local network, so that
 * members answer on their own phones at the same time (issue 18). Prints the
 * address, the plain-HTTP warning and what Windows Firewall asks, then live
 * participation (counts only, never an answer); Ctrl+C stops and says what is
 * saved. `--codes FILE` writes the personal code slips instead. `--https`
 * serves over TLS with the self-signed certificate kept in the database
 * (src/web/certificate.ts), its fingerprint on the screen and the slips. In
 * an anonymous round the slips are nameless, and the screen ticks members off
 * as they take one (cli/serve-desk.ts).
 * Loaded only by this command: `--help` loads none of it.
 */
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { ExitCode, UserError } from '../../errors.js';
import { en } from '../../i18n/en.js';
import { vi } from '../../i18n/vi.js';
import { collectingRound } from '../../services/round-choice.js';
import { codesIssued, issueCodes, printedCode } from '../../services/web-access.js';
import { openDatabase } from '../../store/db.js';
import { countMembers } from '../../store/members.js';
import { roundParticipation } from '../../store/responses.js';
import { roundQuestionnaire } from '../../store/rounds.js';
import { defaultHost, hostHeader } from '../../web/host.js';
import { startFormServer } from '../../web/server.js';
import { terminalQr } from '../../web/qr.js';
import { slipSheet } from '../../web/slips.js';
import { slipCounts } from '../../services/web-slips.js';
import { anonymousLiveLine, anonymousStartLines, startDesk, writeAnonymousSlips, type Desk } from '../serve-desk.js';
import type { Context } from '../context.js';
import { writeOutputFile } from '../output-file.js';

export interface ServeOptions {
  readonly host?: string;
  readonly port?: string;
  readonly codes?: string;
  readonly force?: boolean;
  readonly https?: boolean;
  /** Anonymous rounds: how many slips `--codes` prints. */
  readonly slips?: string;
}

export const DEFAULT_PORT = 8080;

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const n = /^[0-9]{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new UserError('BAD_OPTION_VALUE', { option: '--port', value, allowed: '0–65535' });
  return n;
}

/** The address as a QR code on the secretary's screen, or a line saying why not. */
function showQr(ctx: Context, url: string): void {
  const h = ctx.m.serveHttps;
  const out = (line: string): void => void ctx.io.stdout.write(`${line}\n`);
  if (!ctx.io.stdout.isTTY) return out(h.qrNotTty);
  const qr = terminalQr(url);
  const columns = ctx.io.stdout.columns ?? 80;
  if (qr.width + 2 > columns) return out(h.qrNarrow(qr.width + 2, columns));
  out(h.qrCaption);
  for (const line of qr.lines) out(`  ${line}`);
}

export async function serve(ctx: Context, o: ServeOptions): Promise<number> {
  const m = ctx.m;
  const out = (line: string) => ctx.io.stdout.write(`${line}\n`);
  const port = parsePort(o.port);
  if (o.host !== undefined && isIP(o.host) === 0) throw new UserError('BAD_OPTION_VALUE', { option: '--host', value: o.host, allowed: '192.168.1.10, 127.0.0.1, ::1' });
  const chosen = o.host !== undefined ? { host: o.host, reachable: true } : defaultHost(networkInterfaces());
  // Every answer is committed with synchronous = FULL before its page is acknowledged.
  const db = openDatabase(ctx.db, { durable: true });
  try {
    const round = collectingRound(db, ctx.io.now());
    const https = o.https === true;
    const address = `${https ? 'https' : 'http'}://${hostHeader(chosen.host, port)}/`;
    // The certificate before the slips, so that they carry the fingerprint the meeting will show.
    const cert = https ? await (await import('../../web/certificate.js')).ensureCertificate(db, [chosen.host], ctx.io.now()) : undefined;
    const h = m.serveHttps;
    const certLines = () => {
      if (!cert) return;
      const until = cert.notAfter.toISOString().slice(0, 10);
      out(cert.status === 'new' ? h.certNew(until) : cert.status === 'reused' ? h.certReused(until) : h.certRenewed(cert.reason!, until));
      out(h.fingerprint(cert.fingerprint.sha256));
      out(h.fingerprintShort(cert.fingerprint.short));
    };
    if (o.slips !== undefined && (o.codes === undefined || !round.anonymous)) throw new UserError('BAD_OPTION_VALUE', { option: '--slips', value: o.slips, allowed: '--codes FILE, anonymous round' });
    // An anonymous round: slips linked to no member, ticked off as handed out (cli/serve-desk.ts).
    if (o.codes !== undefined && round.anonymous) {
      await writeAnonymousSlips(ctx, db, round, address, o.codes, o, cert?.fingerprint);
      certLines();
      return ExitCode.Ok;
    }
    if (o.codes !== undefined) {
      const issued = await issueCodes(db, round, ctx.io.now());
      const html = slipSheet(m, ctx.lang, round.label, address, issued.map((x) => ({ name: x.member.name, code: printedCode(x.code) })), cert?.fingerprint);
      await writeOutputFile(ctx, o.codes, html, { force: o.force === true });
      out(m.serve.codesWritten(o.codes, issued.length));
      certLines();
      return ExitCode.Ok;
    }
    const q = roundQuestionnaire(db, round);
    const members = () => countMembers(db);
    const counts = () => {
      const p = roundParticipation(db, round.id);
      return { submitted: p.submitted.length, inProgress: p.inProgress.length, notStarted: Math.max(0, members() - p.submitted.length - p.inProgress.length) };
    };
    let last = '';
    let desk: Desk | undefined;
    const printLive = () => {
      const c = counts();
      const line = round.anonymous ? anonymousLiveLine(ctx, db, round) : m.serve.live(c.submitted, c.inProgress, c.notStarted);
      // No time on an anonymous round's line: it would date each ballot.
      if (line !== last) (desk ? desk.print : out)(round.anonymous ? line : `${ctx.io.now().toTimeString().slice(0, 8)}  ${line}`);
      last = line;
    };
    // Counted at most every 250 ms, however many answers arrive: 60 members must not each pay for a recount.
    let pending: NodeJS.Timeout | undefined;
    const showLive = () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        printLive();
      }, 250);
    };
    const server = await startFormServer({
      db,
      round,
      q,
      host: chosen.host,
      port,
      messages: { vi, en },
      now: () => ctx.io.now(),
      // Only failures reach the screen: the log never holds a body, a query or an answer.
      log: (line) => {
        if (/ (5\d\d|429)( |$)/.test(line)) ctx.io.stderr.write(`${line}\n`);
      },
      onChange: showLive,
      ...(cert ? { tls: { cert: cert.certPem, key: cert.keyPem } } : {}),
      // Tự sửa over TLS for named rounds; a slip's ballot has none (nothing may tie a member to it).
      commitments: cert !== undefined && !round.anonymous,
    });
    out(m.serve.listening(server.url));
    showQr(ctx, server.url);
    if (!chosen.reachable) out(m.serve.unreachable);
    if (cert) {
      out(h.on);
      certLines();
      out(h.compare);
    } else out(m.serve.plainHttp);
    out(m.serve.firewall);
    if (round.anonymous) for (const line of anonymousStartLines(ctx, db, round)) out(line);
    else {
      const issued = codesIssued(db, round);
      out(issued ? m.serve.codesFor(issued, members()) : m.serve.noCodes);
    }
    printLive();
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      if (round.anonymous) desk = startDesk(ctx, db, round, printLive, stop);
    });
    desk?.close();
    desk = undefined;
    out(m.serve.stopping);
    if (pending) clearTimeout(pending);
    await server.close();
    const c = counts();
    if (round.anonymous) {
      const s = slipCounts(db, round);
      out(m.anonWeb.stopped(s.handedOut, s.submitted));
    } else out(m.serve.stopped(c.submitted, c.inProgress));
    return ExitCode.Ok;
  } finally {
    db.close();
  }
}
