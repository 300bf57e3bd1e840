/**
 * A headless Chromium (Debian's) driven over the DevTools protocol through
 * `--remote-debugging-pipe` (fds 3 and 4, NUL-separated JSON): no browser
 * driver package is installed, and Node 20 has no WebSocket client without a
 * flag. Only what the browser tests need: tabs in separate profiles
 * (browser contexts: separate cookie jars, like two devices), navigation,
 * evaluating in the page, screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

type Json = Record<string, unknown>;

export class Browser {
  private readonly child: ChildProcess;
  private readonly input: Writable;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  private readonly listeners: Array<(method: string, params: Json, sessionId?: string) => void> = [];
  private readonly profile: string;

  private constructor(child: ChildProcess, profile: string) {
    this.child = child;
    this.profile = profile;
    this.input = child.stdio[3] as Writable;
    let buf = '';
    (child.stdio[4] as Readable).on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\0')) >= 0) {
        const msg = JSON.parse(buf.slice(0, i)) as { id?: number; result?: Json; error?: { message: string }; method?: string; params?: Json; sessionId?: string };
        buf = buf.slice(i + 1);
        if (msg.id !== undefined) {
          const p = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.error) p?.reject(new Error(msg.error.message));
          else p?.resolve(msg.result ?? {});
        } else if (msg.method) {
          for (const l of this.listeners) l(msg.method, msg.params ?? {}, msg.sessionId);
        }
      }
    });
  }

  /** `extraArgs`: more switches, e.g. `--ignore-certificate-errors-spki-list=…` to pin one self-signed certificate. */
  static launch(executable = process.env.TUSOI_CHROMIUM || 'chromium', extraArgs: ReadonlyArray<string> = []): Browser {
    const profile = mkdtempSync(join(tmpdir(), 'tusoi-cdp-'));
    const child = spawn(
      executable,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${profile}`, '--remote-debugging-pipe', ...extraArgs, 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    return new Browser(child, profile);
  }

  send(method: string, params: Json = {}, sessionId?: string): Promise<Json> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** The next event `method` of a session. */
  waitFor(method: string, sessionId: string): Promise<Json> {
    return new Promise((resolve) => {
      const l = (m: string, p: Json, s?: string) => {
        if (m === method && s === sessionId) {
          this.listeners.splice(this.listeners.indexOf(l), 1);
          resolve(p);
        }
      };
      this.listeners.push(l);
    });
  }

  /** A new tab at phone size, in a fresh profile (`context` undefined) or an existing one. */
  async tab(context?: string): Promise<Tab> {
    const ctx = context ?? ((await this.send('Target.createBrowserContext')).browserContextId as string);
    const { targetId } = (await this.send('Target.createTarget', { url: 'about:blank', browserContextId: ctx })) as { targetId: string };
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const tab = new Tab(this, targetId, sessionId, ctx);
    await tab.call('Page.enable');
    // A phone: 390×844 CSS pixels (an iPhone 12–15), touch, device pixel ratio 2.
    await tab.call('Emulation.setDeviceMetricsOverride', { width: 390, height: 844, deviceScaleFactor: 2, mobile: true });
    await tab.call('Emulation.setTouchEmulationEnabled', { enabled: true });
    return tab;
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const gone = new Promise((r) => this.child.once('exit', r));
      // Closed through the protocol first: Chromium then stops its helper processes (crashpad, the
      // network service) with it, and they no longer write to the profile while it is removed.
      const asked = this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
      await Promise.race([asked, gone]);
      await gone;
      clearTimeout(timer);
    }
    // A helper may still hold the profile for a moment after the browser exits.
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  }
}

export class Tab {
  readonly browser: Browser;
  readonly targetId: string;
  readonly sessionId: string;
  readonly context: string;
  constructor(browser: Browser, targetId: string, sessionId: string, context: string) {
    this.browser = browser;
    this.targetId = targetId;
    this.sessionId = sessionId;
    this.context = context;
  }

  call(method: string, params: Json = {}): Promise<Json> {
    return this.browser.send(method, params, this.sessionId);
  }

  /** Runs `fn` (or an expression) in the page; its JSON value. */
  async eval<T>(expression: string): Promise<T> {
    const r = (await this.call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (r.exceptionDetails) throw new Error(`in page: ${r.exceptionDetails.text} ${expression.slice(0, 80)}`);
    return r.result.value;
  }

  async goto(url: string): Promise<void> {
    const loaded = this.browser.waitFor('Page.loadEventFired', this.sessionId);
    await this.call('Page.navigate', { url });
    await loaded;
  }

  /** Runs an action in the page that navigates (a click on a submit button), and waits for the new page. */
  async andWait(expression: string): Promise<void> {
    const loaded = this.browser.waitFor('Page.loadEventFired', this.sessionId);
    await this.eval(expression);
    await loaded;
  }

  url(): Promise<string> {
    return this.eval<string>('location.pathname + location.search');
  }

  /** A real tap (touch events at the element's centre), not a script click. */
  async tap(selector: string): Promise<void> {
    const box = await this.eval<{ x: number; y: number } | null>(
      `(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return null; e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
    );
    if (!box) throw new Error(`no ${selector}`);
    await this.call('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: box.x, y: box.y }] });
    await this.call('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  async screenshot(full = false): Promise<Buffer> {
    const r = (await this.call('Page.captureScreenshot', { format: 'png', captureBeyondViewport: full })) as { data: string };
    return Buffer.from(r.data, 'base64');
  }

  async close(): Promise<void> {
    await this.browser.send('Target.closeTarget', { targetId: this.targetId });
  }
}

/** Taps `selector` and waits for the page it leads to (a form submitted, a link followed). */
export async function tapAndWait(tab: Tab, selector: string): Promise<void> {
  const loaded = tab.browser.waitFor('Page.loadEventFired', tab.sessionId);
  await tab.tap(selector);
  await loaded;
}
