import { ACTIVE_FILE_STATUSES } from '@bangfu/contracts';
import type { Db } from '../../platform/db/connect.js';
import { type ScopedDb, subtreeEnd, systemSelect } from '../../platform/db/scoped.js';

/**
 * The queries of the staff clash list (archive.clashes.ts `listScopedClashes`). A person is a blind index
 * (`id_bidx`) of a file's worker or of a member with an ID. Persons come from the caller's subtree (ScopedDb,
 * narrowed to `path`); whether another active file anywhere holds them is a uniqueness read (systemSelect), and
 * of a file outside the scope only the holding union's name is ever selected.
 */
const active = [...ACTIVE_FILE_STATUSES];

/** Persons held by active files under `path` (within the caller's scope), with the file's number. */
function scopedPersons(sdb: ScopedDb, path: string) {
  return sdb
    .selectFrom('household')
    .select(['household.id_bidx as bidx', 'household.file_no as file_no'])
    .where('household.status', 'in', active)
    .where('household.org_path', '>=', path)
    .where('household.org_path', '<', subtreeEnd(path))
    .unionAll(
      sdb
        .selectFrom('household_member')
        .innerJoin('household', 'household.id', 'household_member.household_id')
        .select(['household_member.id_bidx as bidx', 'household.file_no as file_no'])
        .where('household_member.id_bidx', 'is not', null)
        .where('household.status', 'in', active)
        .where('household_member.org_path', '>=', path)
        .where('household_member.org_path', '<', subtreeEnd(path))
        .$narrowType<{ bidx: string }>(),
    );
}

/** Of the persons under `path`, those held by more than one active file anywhere (uniqueness read). */
function clashingPersons(db: Db, sdb: ScopedDb, path: string) {
  const mine = () => scopedPersons(sdb, path).as('mine');
  const ids = () => db.selectFrom(mine()).select('mine.bidx');
  const anywhere = systemSelect(db, 'household', 'uniqueness')
    .select(['household.id_bidx as bidx', 'household.id as household_id'])
    .where('household.status', 'in', active)
    .where('household.id_bidx', 'in', ids())
    .unionAll(
      systemSelect(db, 'household_member', 'uniqueness')
        .innerJoin('household', 'household.id', 'household_member.household_id')
        .select(['household_member.id_bidx as bidx', 'household.id as household_id'])
        .where('household.status', 'in', active)
        .where('household_member.id_bidx', 'in', ids())
        .$narrowType<{ bidx: string }>(),
    );
  return db
    .selectFrom(anywhere.as('p'))
    .select('p.bidx')
    .groupBy('p.bidx')
    .having((eb) => eb.fn.count('p.household_id').distinct(), '>', 1);
}

/** One page of clashing persons, ordered by their first file number in scope; and how many there are. */
export async function clashPage(db: Db, sdb: ScopedDb, path: string, limit: number, offset: number) {
  const ranked = db
    .selectFrom(scopedPersons(sdb, path).as('s'))
    .where('s.bidx', 'in', clashingPersons(db, sdb, path))
    .groupBy('s.bidx');
  const [rows, count] = await Promise.all([
    ranked
      .select((eb) => ['s.bidx', eb.fn.min('s.file_no').as('first_no')])
      .orderBy('first_no')
      .orderBy('s.bidx')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom(ranked.select('s.bidx').as('r'))
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { bidxs: rows.map((r) => r.bidx as string), total: Number(count.n) };
}

/** The files in the caller's scope holding these persons, as the caller may see them. */
export async function filesInScope(sdb: ScopedDb, bidxs: string[]) {
  const workers = await sdb
    .selectFrom('household')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select([
      'household.id_bidx as bidx',
      'household.id_mask as mask',
      'household.name as person',
      'household.id as household_id',
      'household.file_no',
      'household.name as household_name',
      'household.status',
      'org_node.name as org',
    ])
    .where('household.id_bidx', 'in', bidxs)
    .where('household.status', 'in', active)
    .execute();
  const members = await sdb
    .selectFrom('household_member')
    .innerJoin('household', 'household.id', 'household_member.household_id')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select([
      'household_member.id_bidx as bidx',
      'household_member.id_mask as mask',
      'household_member.name as person',
      'household.id as household_id',
      'household.file_no',
      'household.name as household_name',
      'household.status',
      'org_node.name as org',
    ])
    .where('household_member.id_bidx', 'in', bidxs)
    .where('household.status', 'in', active)
    .execute();
  return { workers, members };
}

/** For files outside the caller's scope holding these persons: the holding union's name, nothing else. */
export async function unionsOutside(db: Db, scopePath: string, bidxs: string[]) {
  const workers = await systemSelect(db, 'household', 'uniqueness')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select(['household.id_bidx as bidx', 'org_node.name as org'])
    .where('household.id_bidx', 'in', bidxs)
    .where('household.status', 'in', active)
    .where((eb) =>
      eb.or([eb('household.org_path', '<', scopePath), eb('household.org_path', '>=', subtreeEnd(scopePath))]),
    )
    .execute();
  const members = await systemSelect(db, 'household_member', 'uniqueness')
    .innerJoin('household', 'household.id', 'household_member.household_id')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select(['household_member.id_bidx as bidx', 'org_node.name as org'])
    .where('household_member.id_bidx', 'in', bidxs)
    .where('household.status', 'in', active)
    .where((eb) =>
      eb.or([eb('household.org_path', '<', scopePath), eb('household.org_path', '>=', subtreeEnd(scopePath))]),
    )
    .execute();
  return [...workers, ...members] as { bidx: string; org: string }[];
}
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
export async function nationalClashingPersons(db: Db): Promise<string[]> {
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
