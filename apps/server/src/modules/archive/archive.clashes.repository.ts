import { ACTIVE_FILE_STATUSES } from '@bangfu/contracts';
import type { Db } from '../../platform/db/connect.js';
import { systemSelect } from '../../platform/db/scoped.js';

/** The national reads of `bangfu archive clashes` (the CLI's system actor: reason 'cli'). */

/** Members with an encrypted ID and no blind index yet. */
export function membersWithoutIndex(db: Db) {
  return systemSelect(db, 'household_member', 'cli')
    .select(['id', 'id_enc'])
    .where('id_enc', 'is not', null)
    .where('id_bidx', 'is', null)
    .execute();
}

export async function setMemberIndex(trx: Db, memberId: number, idBidx: string): Promise<void> {
  await trx.updateTable('household_member').set({ id_bidx: idBidx }).where('id', '=', memberId).execute();
}

/** Blind indexes of persons (worker or member) held in more than one active file. */
export async function clashingPersons(db: Db): Promise<string[]> {
  const active = [...ACTIVE_FILE_STATUSES];
  const persons = systemSelect(db, 'household', 'cli')
    .select(['household.id_bidx as bidx', 'household.id as household_id'])
    .where('household.status', 'in', active)
    .unionAll(
      systemSelect(db, 'household_member', 'cli')
        .innerJoin('household', 'household.id', 'household_member.household_id')
        .select(['household_member.id_bidx as bidx', 'household.id as household_id'])
        .where('household_member.id_bidx', 'is not', null)
        .where('household.status', 'in', active)
        .$narrowType<{ bidx: string }>(),
    );
  const clashing = await db
    .selectFrom(persons.as('p'))
    .select('p.bidx')
    .groupBy('p.bidx')
    .having((eb) => eb.fn.count('p.household_id').distinct(), '>', 1)
    .execute();
  return clashing.map((c) => c.bidx as string);
}

/** The active files these persons are the worker of: masked ID, number, status, union. */
export function activeFilesOfWorkers(db: Db, bidxs: string[]) {
  return systemSelect(db, 'household', 'cli')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select([
      'household.id_bidx as bidx',
      'household.id_mask as mask',
      'household.file_no',
      'household.status',
      'org_node.name as org',
    ])
    .where('household.id_bidx', 'in', bidxs)
    .where('household.status', 'in', [...ACTIVE_FILE_STATUSES])
    .execute();
}

/** The active files these persons are a member of: masked ID, number, status, union. */
export function activeFilesOfMembers(db: Db, bidxs: string[]) {
  return systemSelect(db, 'household_member', 'cli')
    .innerJoin('household', 'household.id', 'household_member.household_id')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select([
      'household_member.id_bidx as bidx',
      'household_member.id_mask as mask',
      'household.file_no',
      'household.status',
      'org_node.name as org',
    ])
    .where('household_member.id_bidx', 'in', bidxs)
    .where('household.status', 'in', [...ACTIVE_FILE_STATUSES])
    .execute();
}
