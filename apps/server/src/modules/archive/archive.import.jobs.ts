import type { AppContext } from '../../platform/context.js';

/**
 * The imports this server process is working on (validating or committing), per context. An import whose
 * status says validating or committing but which no process here runs was left by a server that stopped (killed,
 * crashed, restarted): it is "interrupted", and may be resumed (committing) or cancelled. One server process per
 * database is the deployment this assumes (the SQLite default; a PostgreSQL deployment runs one process too).
 */
const running = new WeakMap<AppContext, Set<number>>();

function of(ctx: AppContext) {
  let s = running.get(ctx);
  if (!s) {
    s = new Set();
    running.set(ctx, s);
  }
  return s;
}

export const isRunning = (ctx: AppContext, id: number) => of(ctx).has(id);

/** Claim the import for this process; false when it is already being worked on (JS runs this check atomically). */
export function claim(ctx: AppContext, id: number): boolean {
  const s = of(ctx);
  if (s.has(id)) return false;
  s.add(id);
  return true;
}

export const release = (ctx: AppContext, id: number) => of(ctx).delete(id);
