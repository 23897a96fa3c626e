import type { Db } from '../../platform/db/connect.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { applicationOwner } from '../assistance/application.subject.js';
import { batchOwner } from '../disbursement/batch.subject.js';
import type { GrantRow } from './grants.repository.js';
import type { GrantOwner } from './owner.js';

/**
 * The owner of a grant, locked: its batch or its application (a campaign entry is an application). The kinds of
 * owner a grant can have are listed here; each is built by its own module.
 */
export async function openOwner(trx: Db, sdb: ScopedDb, g: GrantRow): Promise<GrantOwner> {
  if (g.batch_id !== null) return batchOwner(trx, sdb, Number(g.batch_id));
  if (g.application_id !== null) return applicationOwner(trx, sdb, Number(g.application_id));
  throw new AppError('GRANT_NOT_FOUND', { id: Number(g.id) });
}
