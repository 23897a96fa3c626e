import type { Clock } from '../clock.js';

/**
 * A sliding-window limiter kept in memory. A sign-in attempt takes a slot under each of its keys (the client
 * address, the username as typed) before any password is checked; a successful sign-in gives its slots
 * back, so only failures (and attempts still in flight) count. JavaScript runs one request's check-and-take
 * at a time, so parallel attempts cannot all pass on a stale count.
 *
 * Why in memory: it is the cheap first line, answering floods before they reach argon2 or the database. The
 * guarantee that survives several server processes and restarts is the account lock, counted in the
 * database (`users.repository.claimSignInAttempt`). Memory stays bounded: expired stamps are dropped on
 * every touch and a key's list never holds more than its limit.
 */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly windowMs: number,
  ) {}

  private live(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }

  /**
   * Take one slot under every key, or none if any key is full. Returns the stamp to release on success,
   * or the seconds until a slot frees when refused.
   */
  take(keys: { key: string; limit: number }[]): { ok: true; stamp: number } | { ok: false; retryAfter: number } {
    const now = this.clock.now().getTime();
    for (const { key, limit } of keys) {
      const list = this.live(key, now);
      if (list.length >= limit) {
        const oldest = list[list.length - limit] ?? now;
        return { ok: false, retryAfter: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
      }
    }
    for (const { key } of keys) this.hits.set(key, [...(this.hits.get(key) ?? []), now]);
    this.sweep(now);
    return { ok: true, stamp: now };
  }

  /** Give back a slot taken by `take` (a successful sign-in does not count against anyone). */
  release(keys: string[], stamp: number): void {
    for (const key of keys) {
      const list = this.hits.get(key);
      const i = list?.indexOf(stamp) ?? -1;
      if (list && i >= 0) list.splice(i, 1);
      if (list?.length === 0) this.hits.delete(key);
    }
  }

  private lastSweep = 0;
  /** Drop keys whose stamps have all expired, at most once a window. */
  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const key of [...this.hits.keys()]) this.live(key, now);
  }
}
