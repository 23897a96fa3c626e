import os from 'node:os';
import { errorCatalog } from '@bangfu/contracts';
import { ensureRootAndAdmin } from '../first-start.js';
import * as orgs from '../modules/orgs/orgs.repository.js';
import { type Actor, systemActor } from '../platform/auth/actor.js';
import { openContext } from '../platform/bootstrap.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';

/** Open the configured database (migrating it) and act as the CLI's system actor at the root. */
export async function withContext<T>(fn: (ctx: AppContext, actor: Actor) => Promise<T>): Promise<T> {
  const ctx = await openContext(loadConfig());
  try {
    await ensureRootAndAdmin(ctx);
    const root = await orgs.findRoot(ctx.db);
    if (!root) throw new Error('no root organisation');
    const actor = systemActor(
      { orgId: root.id, path: root.path, provinceCode: root.province_code },
      `cli:${os.userInfo().username}`,
    );
    return await fn(ctx, actor);
  } finally {
    await ctx.handle.close();
  }
}

/** Print errors the way users read them: code, Chinese, English, details. Exit non-zero. */
export function reportError(e: unknown): never {
  if (e instanceof ConfigError) console.error(e.message);
  else if (e instanceof AppError) {
    const entry = errorCatalog[e.code];
    console.error(`${e.code}: ${entry.zh} / ${entry.en}`);
    if (e.details !== undefined) console.error(JSON.stringify(e.details, null, 2));
  } else console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
