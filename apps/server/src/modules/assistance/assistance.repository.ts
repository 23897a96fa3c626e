import type { Db } from '../../platform/db/connect.js';
import { lockRow, lockRows } from '../../platform/db/row-lock.js';
import type { AssistanceApplicationTable, CampaignTable } from '../../platform/db/schema-money.js';
import { type ScopedDb, subtreeEnd, systemSelect } from '../../platform/db/scoped.js';

export type ApplicationRow = Omit<AssistanceApplicationTable, 'id'> & { id: number };
export type CampaignRow = Omit<CampaignTable, 'id'> & { id: number };

export async function insertApplication(trx: Db, row: Omit<AssistanceApplicationTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('assistance_application').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function findApplication(sdb: ScopedDb, id: number) {
  return sdb
    .selectFrom('assistance_application')
    .innerJoin('household', 'household.id', 'assistance_application.household_id')
    .selectAll('assistance_application')
    .select(['household.name as household_name', 'household.id_mask as household_id_mask'])
    .where('assistance_application.id', '=', id)
    .executeTakeFirst() as Promise<
    (ApplicationRow & { household_name: string; household_id_mask: string }) | undefined
  >;
}

/** Lock applications (in id order, so two deciders never wait on each other) until the transaction ends. */
export const lockApplications = (trx: Db, ids: number[]) => lockRows(trx, 'assistance_application', ids);

/** Lock a campaign's row: its decisions queue here (a second one then finds nothing left to decide). */
export const lockCampaign = (trx: Db, id: number) => lockRow(trx, 'campaign', id);

/** An application's decision from pending_approval: false when another transaction got there first. */
export async function moveApplication(trx: Db, id: number, from: string, status: string, now: string) {
  const r = await trx
    .updateTable('assistance_application')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * An approved application's status follows its grant: awaiting payment (approved), paid, failed, or void after a
 * failure. Only an application already decided and approved moves (its row is locked by the caller).
 */
export async function followGrant(trx: Db, id: number, grantStatus: string, now: string) {
  const status = ({ approved: 'approved', paid: 'paid', failed: 'failed', void: 'void' } as Record<string, string>)[
    grantStatus
  ];
  if (!status) return;
  await trx
    .updateTable('assistance_application')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['approved', 'paid', 'failed', 'void'])
    .execute();
}

export async function listApplications(
  sdb: ScopedDb,
  q: {
    path: string;
    status?: string;
    campaignId?: number;
    programme?: string;
    awaiting?: { orgId: number; userId: number | null };
    limit: number;
    offset: number;
  },
) {
  let qb = sdb
    .selectFrom('assistance_application')
    .innerJoin('household', 'household.id', 'assistance_application.household_id')
    .where('assistance_application.org_path', '>=', q.path)
    .where('assistance_application.org_path', '<', subtreeEnd(q.path));
  if (q.status) qb = qb.where('assistance_application.status', '=', q.status);
  if (q.campaignId) qb = qb.where('assistance_application.campaign_id', '=', q.campaignId);
  if (q.programme) qb = qb.where('assistance_application.programme', '=', q.programme);
  // Waiting for this approver: at their node, not proposed by them (maker-checker).
  if (q.awaiting) {
    qb = qb
      .where('assistance_application.status', '=', 'pending_approval')
      .where('assistance_application.required_org_id', '=', q.awaiting.orgId);
    const userId = q.awaiting.userId;
    if (userId !== null)
      qb = qb.where((eb) =>
        eb.or([
          eb('assistance_application.created_by', 'is', null),
          eb('assistance_application.created_by', '!=', userId),
        ]),
      );
  }
  const [rows, n] = await Promise.all([
    qb
      .selectAll('assistance_application')
      .select(['household.name as household_name', 'household.id_mask as household_id_mask'])
      .orderBy('assistance_application.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(n?.n ?? 0) };
}

export async function insertCampaign(trx: Db, row: Omit<CampaignTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('campaign').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** A campaign that covers a node: organised by the node or one of its ancestors (read upward, like policies). */
export function campaignCovering(db: Db, id: number, nodePath: string) {
  const ids = nodePath.split('/').filter(Boolean).map(Number);
  return systemSelect(db, 'campaign', 'policy-inheritance')
    .selectAll()
    .where('id', '=', id)
    .where('org_id', 'in', ids)
    .executeTakeFirst() as Promise<CampaignRow | undefined>;
}

/** Campaigns a node takes part in: its ancestors' and its own, and those organised in its subtree. */
export async function campaignsFor(db: Db, sdb: ScopedDb, nodePath: string) {
  const ids = nodePath.split('/').filter(Boolean).map(Number);
  const [up, down] = await Promise.all([
    systemSelect(db, 'campaign', 'policy-inheritance').selectAll().where('org_id', 'in', ids).execute(),
    sdb
      .selectFrom('campaign')
      .selectAll()
      .where('org_path', '>=', nodePath)
      .where('org_path', '<', subtreeEnd(nodePath))
      .execute(),
  ]);
  const all = new Map<number, CampaignRow>();
  for (const c of [...up, ...down]) all.set(Number(c.id), c as CampaignRow);
  return [...all.values()].sort((a, b) => (a.starts_on < b.starts_on ? 1 : -1));
}

export async function setCampaignStatus(trx: Db, id: number, status: string) {
  await trx.updateTable('campaign').set({ status }).where('id', '=', id).execute();
}

/** Entries of a campaign within a subtree, by status, with their amounts. */
export async function campaignStats(sdb: ScopedDb, campaignId: number, path: string) {
  return sdb
    .selectFrom('assistance_application')
    .select(['status'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('amount_fen').as('amount')])
    .where('campaign_id', '=', campaignId)
    .where('org_path', '>=', path)
    .where('org_path', '<', subtreeEnd(path))
    .groupBy('status')
    .execute();
}

export function findCampaign(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    CampaignRow | undefined
  >;
}

/** An entry still waiting for its amount (eligibility-only rules hold no grant until the decision sets it). */
export async function pendingWithoutGrant(db: Db, householdId: number, programme: string, period: string) {
  return systemSelect(db, 'assistance_application', 'uniqueness')
    .select('id')
    .where('household_id', '=', householdId)
    .where('programme', '=', programme)
    .where('period', '=', period)
    .where('status', '=', 'pending_approval')
    .where('amount_fen', '=', 0)
    .executeTakeFirst();
}

/** The amount the deciding union set at approval (eligibility-only rules), with the level it reached. */
export async function setApplicationAmount(trx: Db, id: number, amountFen: number, level: string) {
  await trx
    .updateTable('assistance_application')
    .set({ amount_fen: amountFen, required_level: level })
    .where('id', '=', id)
    .execute();
}
