import type { ReviewFileState } from '@bangfu/contracts';
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { containsLike, isPostgres, startsLike } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import type { ReviewRoundFileTable, ReviewRoundTable } from '../../platform/db/schema-review.js';
import { type ScopedDb, subtreeEnd, systemSelect } from '../../platform/db/scoped.js';

/** Files that are reviewed: in the archive (在档, 解困). */
export const MANAGED = ['filed', 'relieved'] as const;
export const STEP_OUTCOMES = ['relieve', 'exit', 'cancel'] as const;

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

const fileColumns = [
  'review_round_file.id as rf_id',
  'review_round_file.round_id',
  'review_round_file.household_id',
  'review_round_file.org_path as rf_org_path',
  'review_round_file.reviewed_at',
  'review_round_file.reviewed_by',
  'review_round_file.reviewed_by_name',
  'review_round_file.method',
  'review_round_file.reviewed_on',
  'review_round_file.findings',
  'review_round_file.outcome',
  'review_round_file.outcome_reason',
  'review_round_file.cancel_cause',
  'review_round_file.change_id',
  'review_round_file.decision',
  'review_round_file.decided_at',
  'review_round_file.decided_by_name',
  'review_round_file.decision_note',
  'review_round_file.spot_selected',
  'review_round_file.spot_selected_at',
  'review_round_file.spot_selected_by_name',
  'review_round_file.spot_checked_at',
  'review_round_file.spot_checked_by_name',
  'review_round_file.spot_result',
  'review_round_file.spot_note',
  'household.file_no',
  'household.name',
  'household.id_mask',
  'household.phone_mask',
  'household.org_id',
  'household.org_path',
  'household.province_code',
  'household.status',
  'household.grade',
  'household.filed_at',
  'household.created_at',
  'household.last_reviewed_at',
  'household.next_review_due',
  'org_node.name as org_name',
] as const;

const filesOf = (sdb: ScopedDb, roundId: number) =>
  sdb
    .selectFrom('review_round_file')
    .innerJoin('household', 'household.id', 'review_round_file.household_id')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .where('review_round_file.round_id', '=', roundId);

export type RoundFileRow = NonNullable<Awaited<ReturnType<typeof findRoundFile>>>;

export function findRoundFile(sdb: ScopedDb, roundId: number, householdId: number) {
  return filesOf(sdb, roundId)
    .select(fileColumns)
    .where('review_round_file.household_id', '=', householdId)
    .executeTakeFirst();
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
 * What a caller may spot-check in a round: reviewed files strictly below its node (its own node's files are
 * checked from above), not reviewed by itself. Returns how many there are, how many are sampled, and the row ids of
 * those not sampled yet (ids only: the draw happens in the service).
 */
export async function sampleFrame(sdb: ScopedDb, roundId: number, callerPath: string, callerId: number | null) {
  let base = sdb
    .selectFrom('review_round_file')
    .where('round_id', '=', roundId)
    .where('org_path', '>', callerPath)
    .where('org_path', '<', subtreeEnd(callerPath))
    .where('reviewed_at', 'is not', null);
  if (callerId !== null)
    base = base.where((eb) => eb.or([eb('reviewed_by', 'is', null), eb('reviewed_by', '!=', callerId)]));
  const [counts, open] = await Promise.all([
    base
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('spot_selected').as('sampled')])
      .executeTakeFirstOrThrow(),
    base.select('id').where('spot_selected', '=', 0).orderBy('id').execute(),
  ]);
  return {
    eligible: Number(counts.n),
    sampled: Number(counts.sampled ?? 0),
    open: open.map((r) => Number(r.id)),
  };
}

export async function householdIdsOf(sdb: ScopedDb, rfIds: number[]): Promise<number[]> {
  if (rfIds.length === 0) return [];
  const rows = await sdb
    .selectFrom('review_round_file')
    .select('household_id')
    .where('id', 'in', rfIds)
    .orderBy('household_id')
    .execute();
  return rows.map((r) => Number(r.household_id));
}

type FilesEb = ExpressionBuilder<
  Database & { review_round_file: Database['review_round_file'] },
  'review_round_file' | 'household' | 'org_node'
>;

/** The conditions of the board's lists and counts (today and the stale cutoff come from the service's clock). */
export interface AsOf {
  /** The round is past its due date (today > due_on). */
  pastDue: boolean;
  /** An instant a year ago (Beijing midnight): older reviews are stale. */
  staleBefore: string;
}

const managed = (eb: FilesEb) => eb('household.status', 'in', [...MANAGED]);
const notReviewed = (eb: FilesEb) => eb('review_round_file.reviewed_at', 'is', null);

function stateWhere(eb: FilesEb, state: Exclude<ReviewFileState, 'all'>, asOf: AsOf): ReturnType<FilesEb['and']> {
  switch (state) {
    case 'not_reviewed':
      return eb.and([notReviewed(eb), managed(eb)]);
    case 'overdue':
      return eb.and([notReviewed(eb), managed(eb), sql<SqlBool>`${sql.lit(asOf.pastDue ? 1 : 0)} = 1`]);
    case 'reviewed':
      return eb.and([eb('review_round_file.reviewed_at', 'is not', null)]);
    case 'stale':
      return eb.and([
        managed(eb),
        eb(sql<string>`coalesce(household.filed_at, household.created_at)`, '<', asOf.staleBefore),
        eb.or([eb('household.last_reviewed_at', 'is', null), eb('household.last_reviewed_at', '<', asOf.staleBefore)]),
      ]);
    case 'sampled':
      return eb.and([eb('review_round_file.spot_selected', '=', 1)]);
    case 'to_check':
      return eb.and([
        eb('review_round_file.spot_selected', '=', 1),
        eb('review_round_file.spot_checked_at', 'is', null),
      ]);
    case 'discrepancy':
      return eb.and([eb('review_round_file.spot_result', '=', 'discrepancy')]);
    case 'needs_change':
      return eb.and([eb('review_round_file.outcome', '=', 'change'), eb('review_round_file.change_id', 'is', null)]);
    case 'needs_step':
      // A proposal waits for an upper union while nobody decided it and the file has not already moved there.
      return eb.and([
        eb('review_round_file.outcome', 'in', [...STEP_OUTCOMES]),
        eb('review_round_file.decision', 'is', null),
        managed(eb),
        eb.not(eb.and([eb('review_round_file.outcome', '=', 'relieve'), eb('household.status', '=', 'relieved')])),
      ]);
  }
}

export interface FileFilter {
  state: ReviewFileState;
  path?: string;
  q?: string;
}

function filtered(sdb: ScopedDb, roundId: number, f: FileFilter, asOf: AsOf) {
  let qb = filesOf(sdb, roundId);
  if (f.path)
    qb = qb
      .where('review_round_file.org_path', '>=', f.path)
      .where('review_round_file.org_path', '<', subtreeEnd(f.path));
  if (f.state !== 'all') {
    const state = f.state;
    qb = qb.where((eb) => stateWhere(eb as unknown as FilesEb, state, asOf));
  }
  if (f.q) {
    const text = f.q;
    qb = qb.where((eb) =>
      eb.or([
        containsLike('household.name', text),
        startsLike('household.name_initials', text.toLowerCase()),
        startsLike('household.name_sort', text.toLowerCase()),
        startsLike('household.file_no', text),
      ]),
    );
  }
  return qb;
}

/** One page of a round's files in the caller's sight, by list, and the total. */
export async function listFiles(
  sdb: ScopedDb,
  roundId: number,
  f: FileFilter,
  asOf: AsOf,
  page: { limit: number; offset: number },
) {
  const qb = filtered(sdb, roundId, f, asOf);
  const recent = f.state === 'reviewed' || f.state === 'sampled' || f.state === 'to_check';
  const [rows, total] = await Promise.all([
    (recent
      ? qb.select(fileColumns).orderBy('review_round_file.reviewed_at', 'desc')
      : qb.select(fileColumns).orderBy('household.org_path').orderBy('household.name_sort')
    )
      .orderBy('review_round_file.household_id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

const COUNTED = [
  'not_reviewed',
  'reviewed',
  'stale',
  'sampled',
  'discrepancy',
  'needs_change',
  'needs_step',
] as const satisfies readonly Exclude<ReviewFileState, 'all'>[];

/**
 * Counts per node (org_id) of a round's files in the caller's sight, in one grouped query: how many, reviewed,
 * not reviewed, sampled, checked, discrepancies, … The service rolls them up per child of the board's node.
 */
export async function countsByNode(sdb: ScopedDb, roundIds: number[], asOf: AsOf, path?: string) {
  if (roundIds.length === 0) return [];
  let qb = sdb
    .selectFrom('review_round_file')
    .innerJoin('household', 'household.id', 'review_round_file.household_id')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .where('review_round_file.round_id', 'in', roundIds);
  if (path)
    qb = qb.where('review_round_file.org_path', '>=', path).where('review_round_file.org_path', '<', subtreeEnd(path));
  const one = (e: ReturnType<FilesEb['and']>) => sql<number>`sum(case when ${e} then 1 else 0 end)`;
  const rows = await qb
    .select((eb) => {
      const f = eb as unknown as FilesEb;
      return [
        'review_round_file.round_id',
        'household.org_id',
        'org_node.path as org_path',
        'org_node.name as org_name',
        eb.fn.countAll<number>().as('files'),
        one(f.and([notReviewed(f), f.not(managed(f))])).as('left_archive'),
        one(f.and([f('review_round_file.spot_checked_at', 'is not', null)])).as('checked'),
        ...COUNTED.map((s) => one(stateWhere(f, s, asOf)).as(s)),
      ];
    })
    .groupBy(['review_round_file.round_id', 'household.org_id', 'org_node.path', 'org_node.name'])
    .execute();
  return rows.map((r) => {
    const row = r as unknown as Record<string, unknown>;
    const n = (k: string) => Number(row[k] ?? 0);
    return {
      roundId: Number(row.round_id),
      orgId: Number(row.org_id),
      orgPath: String(row.org_path),
      orgName: String(row.org_name),
      files: n('files'),
      reviewed: n('reviewed'),
      notReviewed: n('not_reviewed'),
      left: n('left_archive'),
      stale: n('stale'),
      sampled: n('sampled'),
      checked: n('checked'),
      discrepancies: n('discrepancy'),
      needsChange: n('needs_change'),
      needsStep: n('needs_step'),
    };
  });
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
