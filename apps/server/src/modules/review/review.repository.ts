import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { isPostgres } from '../../platform/db/dialect.js';
import type { ReviewRoundFileTable, ReviewRoundTable } from '../../platform/db/schema-review.js';
import { type ScopedDb, subtreeEnd, systemSelect } from '../../platform/db/scoped.js';
import { MANAGED } from './review.files.repository.js';

export * from './review.files.repository.js';

export type NewRound = Omit<ReviewRoundTable, 'id'>;
export type RoundRow = Omit<ReviewRoundTable, 'id'> & { id: number; org_name: string };
export type RoundFilePatch = Partial<Omit<ReviewRoundFileTable, 'id' | 'spot_selected'>> & { spot_selected?: number };

const isUniqueViolation = (e: unknown) => {
  const code = (e as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/** Serialise draws (and closing) of one round: PostgreSQL row lock; SQLite writes one transaction at a time. */
export async function lockRound(trx: Db, id: number) {
  if (isPostgres(trx)) await sql`select id from review_round where id = ${id} for update`.execute(trx);
}

/** Insert; 'duplicate' when the node already has a round that year (unique index, also against a parallel open). */
export async function insertRound(trx: Db, row: NewRound): Promise<number | 'duplicate'> {
  try {
    const r = await trx.insertInto('review_round').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  } catch (e) {
    if (isUniqueViolation(e)) return 'duplicate';
    throw e;
  }
}

const roundColumns = [
  'review_round.id',
  'review_round.org_id',
  'review_round.org_path',
  'review_round.province_code',
  'review_round.year',
  'review_round.spot_share_bp',
  'review_round.due_on',
  'review_round.status',
  'review_round.opened_by',
  'review_round.opened_by_name',
  'review_round.opened_at',
  'review_round.closed_by',
  'review_round.closed_by_name',
  'review_round.closed_at',
  'org_node.name as org_name',
] as const;

/**
 * A round by id whatever the caller's scope: the service shows it only to callers it concerns (opened at or below
 * their node, covering it from above, or holding files in their subtree after a move).
 */
export async function roundById(db: Db, id: number): Promise<RoundRow | undefined> {
  return (await systemSelect(db, 'review_round', 'review-coverage')
    .innerJoin('org_node', 'org_node.id', 'review_round.org_id')
    .select(roundColumns)
    .where('review_round.id', '=', id)
    .executeTakeFirst()) as RoundRow | undefined;
}

/** Rounds opened at a node or above it (covering it), optionally of one year. */
export async function coveringRounds(db: Db, nodePath: string, year?: number): Promise<RoundRow[]> {
  const ids = nodePath.split('/').filter(Boolean).map(Number);
  let qb = systemSelect(db, 'review_round', 'review-coverage')
    .innerJoin('org_node', 'org_node.id', 'review_round.org_id')
    .select(roundColumns)
    .where('review_round.org_id', 'in', ids);
  if (year !== undefined) qb = qb.where('review_round.year', '=', year);
  return (await qb.execute()) as RoundRow[];
}

/** Rounds opened in a subtree (the caller's or a node's in it). */
export async function roundsBelow(sdb: ScopedDb, path: string, year?: number): Promise<RoundRow[]> {
  let qb = sdb
    .selectFrom('review_round')
    .innerJoin('org_node', 'org_node.id', 'review_round.org_id')
    .select(roundColumns)
    .where('review_round.org_path', '>=', path)
    .where('review_round.org_path', '<', subtreeEnd(path));
  if (year !== undefined) qb = qb.where('review_round.year', '=', year);
  return (await qb.execute()) as RoundRow[];
}

/** Rounds holding files in a subtree (after a move, a round above another city still holds a county's files). */
export async function roundIdsWithFiles(sdb: ScopedDb, path: string): Promise<number[]> {
  const rows = await sdb
    .selectFrom('review_round_file')
    .select('round_id')
    .distinct()
    .where('org_path', '>=', path)
    .where('org_path', '<', subtreeEnd(path))
    .execute();
  return rows.map((r) => Number(r.round_id));
}

export async function hasFilesIn(sdb: ScopedDb, roundId: number, path: string): Promise<boolean> {
  const r = await sdb
    .selectFrom('review_round_file')
    .select('id')
    .where('round_id', '=', roundId)
    .where('org_path', '>=', path)
    .where('org_path', '<', subtreeEnd(path))
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export async function roundsByIds(db: Db, ids: number[]): Promise<RoundRow[]> {
  if (ids.length === 0) return [];
  return (await systemSelect(db, 'review_round', 'review-coverage')
    .innerJoin('org_node', 'org_node.id', 'review_round.org_id')
    .select(roundColumns)
    .where('review_round.id', 'in', ids)
    .execute()) as RoundRow[];
}

/**
 * Put the files of a subtree that are in the archive (在档, 解困) into the round, in one INSERT … SELECT (no row
 * passes through JavaScript, so it works the same for 100,000 files). A file already in a round of that year (its
 * own or one opened below or above) is passed over. Returns how many were added.
 */
export async function addFiles(
  trx: Db,
  tsdb: ScopedDb,
  round: { id: number; year: number },
  withinPath: string,
  now: string,
): Promise<number> {
  const select = tsdb
    .selectFrom('household')
    .select([
      sql<number>`${sql.lit(round.id)}`.as('round_id'),
      'household.id as household_id',
      sql<number>`${sql.lit(round.year)}`.as('year'),
      'household.org_id',
      'household.org_path',
      'household.province_code',
      sql<string>`${sql.lit(now)}`.as('added_at'),
    ])
    .where('household.org_path', '>=', withinPath)
    .where('household.org_path', '<', subtreeEnd(withinPath))
    .where('household.status', 'in', [...MANAGED])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('review_round_file as f')
            .select('f.id')
            .whereRef('f.household_id', '=', 'household.id')
            .where('f.year', '=', round.year),
        ),
      ),
    );
  const r = await trx
    .insertInto('review_round_file')
    .columns(['round_id', 'household_id', 'year', 'org_id', 'org_path', 'province_code', 'added_at'])
    .expression(select)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

export async function closeRound(trx: Db, id: number, patch: Partial<NewRound>): Promise<boolean> {
  const r = await trx
    .updateTable('review_round')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Conditional updates: each returns false when another request changed the row first (the caller answers 409). */
export async function markReviewed(trx: Db, rfId: number, patch: RoundFilePatch): Promise<boolean> {
  const r = await trx
    .updateTable('review_round_file')
    .set(patch)
    .where('id', '=', rfId)
    .where('reviewed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markDecided(trx: Db, rfId: number, patch: RoundFilePatch): Promise<boolean> {
  const r = await trx
    .updateTable('review_round_file')
    .set(patch)
    .where('id', '=', rfId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markChecked(trx: Db, rfId: number, patch: RoundFilePatch): Promise<boolean> {
  const r = await trx
    .updateTable('review_round_file')
    .set(patch)
    .where('id', '=', rfId)
    .where('spot_selected', '=', 1)
    .where('spot_checked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Mark drawn files sampled (only those not sampled yet); returns how many were marked. */
export async function markSampled(trx: Db, ids: number[], patch: RoundFilePatch): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const r = await trx
      .updateTable('review_round_file')
      .set({ ...patch, spot_selected: 1 })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('spot_selected', '=', 0)
      .where('reviewed_at', 'is not', null)
      .executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}

/**
 * For the change requests (变更申请, branch h/changes): record the change request raised for a file's 'change'
 * outcome in its open round, so the file leaves the "needs change" list. Inside the change's transaction.
 */
export async function linkChange(trx: Db, householdId: number, changeId: number): Promise<number> {
  const r = await trx
    .updateTable('review_round_file')
    .set({ change_id: changeId })
    .where('household_id', '=', householdId)
    .where('outcome', '=', 'change')
    .where('change_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A round opened at the caller's node or below it (the rounds it may close). */
export async function findRoundInScope(sdb: ScopedDb, id: number): Promise<RoundRow | undefined> {
  return (await sdb
    .selectFrom('review_round')
    .innerJoin('org_node', 'org_node.id', 'review_round.org_id')
    .select(roundColumns)
    .where('review_round.id', '=', id)
    .executeTakeFirst()) as RoundRow | undefined;
}

/** The children of a node, in 音序 (for the board's rows). */
export function childrenOf(sdb: ScopedDb, parentId: number) {
  return sdb
    .selectFrom('org_node')
    .select(['id', 'name', 'path'])
    .where('parent_id', '=', parentId)
    .orderBy('sort_key')
    .orderBy('id')
    .limit(1000)
    .execute();
}
