/**
 * Guessing limits of the network form, applied before any code is stretched:
 * a token bucket per client address and one for the whole server, and a
 * bound on how many scrypt checks run at once (the rest wait in a short
 * queue; beyond it the page says "busy, try again").
 */

export interface BucketSpec {
  /** Attempts allowed at once. */
  readonly burst: number;
  /** Attempts regained per second. */
  readonly perSecond: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly spec: BucketSpec;
  private readonly now: () => number;
  constructor(spec: BucketSpec, now: () => number) {
    this.spec = spec;
    this.now = now;
  }

  /** Takes one attempt for `key`; false when none is left. */
  take(key: string): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.spec.burst, at: t };
    b.tokens = Math.min(this.spec.burst, b.tokens + ((t - b.at) / 1000) * this.spec.perSecond);
    b.at = t;
    if (this.buckets.size > 10_000) this.buckets.clear(); // a flood of addresses cannot grow memory without bound
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

/** At most `limit` tasks at once, at most `queue` waiting. */
export class Gate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly limit: number;
  private readonly queue: number;
  constructor(limit: number, queue: number) {
    this.limit = limit;
    this.queue = queue;
  }

  /** Runs `task` when a slot is free; undefined at once when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T | undefined> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.queue) return undefined;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
