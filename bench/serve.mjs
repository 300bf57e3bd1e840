// The network form (issue 18): the time to save one page of answers (a POST
// answered 303 after its commit) for one member alone, then for each of 60
// members answering at once, against the compiled `tusoi serve` on 127.0.0.1
// in its own process. Ratios are to the lone member's, measured in the same run.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, percentile, row, ROOT } from './lib.mjs';

function send(port, method, path, body, cookies, localAddress) {
  return new Promise((resolve, reject) => {
    const headers = { Host: `127.0.0.1:${port}` };
    if (cookies.size) headers.Cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) Object.assign(headers, { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) });
    const req = request({ host: '127.0.0.1', port, method, path, headers, localAddress, agent: false }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        for (const c of [].concat(res.headers['set-cookie'] ?? [])) {
          const [k, v] = c.split(';')[0].split('=');
          cookies.set(k, v);
        }
        resolve({ status: res.statusCode, body: text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

const csrfOf = (html) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function member(port, code, pages, localAddress, times) {
  const jar = new Map();
  const start = await send(port, 'GET', '/', undefined, jar, localAddress);
  const signed = await send(port, 'POST', '/code', new URLSearchParams({ csrf: csrfOf(start.body), code }).toString(), jar, localAddress);
  if (signed.status !== 303) throw new Error(`sign-in ${signed.status}`);
  for (let p = 1; p <= pages.length; p++) {
    const page = await send(port, 'GET', `/m/${p}`, undefined, jar, localAddress);
    const fields = new URLSearchParams({ csrf: csrfOf(page.body), go: 'next' });
    for (const id of pages[p - 1]) fields.set(`b:${id}`, 'khong');
    const t = process.hrtime.bigint();
    const r = await send(port, 'POST', `/m/${p}`, fields.toString(), jar, localAddress);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.status !== 303) throw new Error(`answer ${r.status}`);
  }
}

export async function serveBench({ quick = false } = {}) {
  const n = quick ? 20 : 60;
  const dir = mkdtempSync(join(tmpdir(), 'tusoi-bench-serve-'));
  const db = join(dir, 'cell.sqlite');
  const tusoi = (...args) => execFileSync(process.execPath, [BIN, '--db', db, ...args], { cwd: dir, encoding: 'utf8' });
  try {
    tusoi('init', '--unit-code', 'CB01', '--unit-name', 'Chi bộ', '--parent', 'DU01');
    tusoi('member', 'add', ...Array.from({ length: n + 1 }, (_, i) => `Đảng viên ${i + 1}`));
    tusoi('round', 'open', '--label', '2026');
    tusoi('serve', '--host', '127.0.0.1', '--codes', 'slips.html');
    const codes = [...readFileSync(join(dir, 'slips.html'), 'utf8').matchAll(/class="code">([^<]+)</g)].map((m) => m[1]);
    const show = JSON.parse(execFileSync(process.execPath, [BIN, 'questionnaire', 'show', 'nq4-khoa-xii', '--json'], { cwd: ROOT, encoding: 'utf8' }));
    const pages = show.groups.flatMap((g) => g.manifestations.map((m) => m.behaviours.map((b) => b.id)));
    const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--host', '127.0.0.1', '--port', '0'], { cwd: dir });
    let out = '';
    const port = await new Promise((resolve) => child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    }));
    try {
      const alone = [];
      await member(port, codes[0], pages, '127.0.0.2', alone);
      const crowd = [];
      let errors = 0;
      await Promise.all(codes.slice(1, n + 1).map((c, k) => member(port, c, pages, `127.0.1.${k + 2}`, crowd).catch(() => errors++)));
      const a50 = percentile(alone, 50);
      const a99 = percentile(alone, 99);
      const c50 = percentile(crowd, 50);
      const c99 = percentile(crowd, 99);
      return [
        row('serve: save one page, one member alone (p50)', a50, 'ms', undefined, '', undefined, '—', true),
        row(`serve: save one page, ${n} members at once (p50)`, c50, 'ms', a50, 'one member, p50', c50 / a50, '—', true),
        row(`serve: save one page, ${n} members at once (p99)`, c99, 'ms', a99, 'one member, p99', c99 / a99, '≤ 1000 ms', c99 <= 1000),
        row(`serve: failed requests, ${n} members at once`, errors, '', undefined, '', undefined, '0', errors === 0),
      ];
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
