import type { Res } from './env.js';

/**
 * Fire n requests at once (no await between them) and wait for all: on PostgreSQL they run on parallel pool
 * connections, on SQLite they interleave at every await. Used by the concurrency tests of every state
 * transition: exactly one winner, the losers a 409 with a stable code, money moved once.
 */
export async function race(n: number, fire: (i: number) => Promise<Res>): Promise<Res[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => fire(i)));
}

/** Status codes of a race's answers, counted: `{ 200: 1, 409: 19 }`. */
export function tally(results: Res[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of results) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/** The error codes the losers got, counted. */
export function loserCodes(results: Res[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) {
    if (r.status < 400) continue;
    const code = String(r.body?.error?.code ?? r.status);
    out[code] = (out[code] ?? 0) + 1;
  }
  return out;
}
