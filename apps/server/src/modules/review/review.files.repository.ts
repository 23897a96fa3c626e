import { type ReviewFileState, STEP_OUTCOMES } from '@bangfu/contracts';
import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { containsLike, startsLike } from '../../platform/db/dialect.js';
import type { Database } from '../../platform/db/schema.js';
import { type ScopedDb, subtreeEnd } from '../../platform/db/scoped.js';

/** Reads of a round's files: the board's lists and counts, one file, the spot-check frame. Always scoped. */

/** Files that are reviewed: in the archive (在档, 解困). */
export const MANAGED = ['filed', 'relieved'] as const;

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
