/**
 * The commitment keys the network form holds open, one per device session,
 * in this process's memory only: never in the database, a cookie or a page.
 * A key is dropped after IDLE_MS without a request from its device, when the
 * member presses "lock", and all at once when the server stops (Ctrl+C); its
 * bytes are overwritten when dropped. A restart therefore asks for the
 * secret again, which is the point: a copied cookie, or a phone left on the
 * table, opens nothing once the key has gone.
 *
 * NOTE: why 10 minutes: writing one commitment on a phone takes a few
 * minutes (every page view and save starts the count again), and a shorter
 * time would lock the member out mid-sentence; much longer, and a shared
 * computer left on the commitments page keeps them readable.
 */
import { createHash } from 'node:crypto';
import type { MemberKey } from '../services/commitments.js';

export const IDLE_MS = 10 * 60 * 1000;

export interface OpenEntry {
  readonly memberId: number;
  /** The unlocked (or newly made) key. */
  key: MemberKey | undefined;
  /**
   * A new secret shown once and not yet typed back: kept only until it is
   * (so that a wrong copy can show it again, as the terminal does), then dropped.
   */
  pendingSecret: string | undefined;
  /**
   * The device submitted the response in this server's run: it may see the
   * behaviours reported, to be offered a first secret, before any secret
   * exists (later, or after IDLE_MS, without a secret nothing is shown).
   */
  readonly justSubmitted: boolean;
  at: number;
}

const id = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

function wipe(e: OpenEntry): void {
  e.key?.key.aes.fill(0);
  e.key = undefined;
  e.pendingSecret = undefined;
}

export class OpenKeys {
  private readonly entries = new Map<string, OpenEntry>();
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  constructor(now: () => number) {
    this.now = now;
    this.timer = setInterval(() => this.sweep(), 30_000);
    this.timer.unref();
  }

  /**
   * The session's entry, its idle time restarted; `idle` is true when the
   * entry (its key, or a just-submitted device's offer of a first secret) was
   * just dropped for idleness (the page says so).
   */
  get(token: string, memberId: number): { entry: OpenEntry | undefined; idle: boolean } {
    const k = id(token);
    const e = this.entries.get(k);
    if (!e) return { entry: undefined, idle: false };
    if (e.memberId !== memberId) {
      this.drop(token);
      return { entry: undefined, idle: false };
    }
    if (this.now() - e.at > IDLE_MS) {
      this.drop(token);
      return { entry: undefined, idle: true };
    }
    e.at = this.now();
    return { entry: e, idle: false };
  }

  /** The entry for a session, made if missing. */
  ensure(token: string, memberId: number, justSubmitted = false): OpenEntry {
    const existing = this.get(token, memberId).entry;
    if (existing) return existing;
    const e: OpenEntry = { memberId, key: undefined, pendingSecret: undefined, justSubmitted, at: this.now() };
    this.entries.set(id(token), e);
    return e;
  }

  /** Forgets the session's key (the member locked it, or the session ended). */
  drop(token: string): void {
    const k = id(token);
    const e = this.entries.get(k);
    if (e) wipe(e);
    this.entries.delete(k);
  }

  /** How many sessions hold a key: for tests. */
  held(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.key) n++;
    return n;
  }

  private sweep(): void {
    const t = this.now();
    for (const [k, e] of this.entries) {
      if (t - e.at > IDLE_MS) {
        wipe(e);
        this.entries.delete(k);
      }
    }
  }

  /** Drops every key (the server is stopping). */
  clear(): void {
    clearInterval(this.timer);
    for (const e of this.entries.values()) wipe(e);
    this.entries.clear();
  }
}
