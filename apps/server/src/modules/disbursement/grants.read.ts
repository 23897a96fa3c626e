import { type Actor, require } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { mustFindFile } from '../archive/archive.service.js';
import * as repo from './batch.repository.js';
import { toGrant } from './batch.service.js';

/**
 * The help a household received (paid) and has in progress, newest first, with the paid total. Money is
 * programme.read: the desk officers (hotline, employment, legal aid) read files but not what was paid.
 */
export async function householdGrants(ctx: AppContext, actor: Actor, householdId: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindFile(sdb, householdId);
  const rows = await repo.grantsOfHousehold(sdb, householdId);
  const items = rows.map(toGrant);
  return { items, paidFen: items.filter((g) => g.status === 'paid').reduce((s, g) => s + g.amountFen, 0) };
}
