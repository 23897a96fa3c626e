import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { TenantColumns } from '../../platform/db/schema.js';
import type {
  WorkOrderActionTable,
  WorkOrderAttachmentTable,
  WorkOrderSupervisionTable,
  WorkOrderTable,
} from '../../platform/db/schema-servicedesk.js';
import { type ScopedDb, subtreeEnd } from '../../platform/db/scoped.js';

export type NewWorkOrder = Omit<WorkOrderTable, 'id'>;
export type WorkOrderPatch = Partial<Omit<NewWorkOrder, 'version'>>;

export async function insertWorkOrder(trx: Db, row: NewWorkOrder): Promise<number> {
  const r = await trx.insertInto('work_order').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The order went to another node: everything recorded on it goes along (its history stays readable there). */
export async function placeChildren(trx: Db, id: number, at: TenantColumns) {
  for (const table of ['work_order_action', 'work_order_supervision', 'work_order_attachment'] as const)
    await trx.updateTable(table).set(at).where('work_order_id', '=', id).execute();
}

export async function insertAction(trx: Db, row: Omit<WorkOrderActionTable, 'id'>) {
  await trx.insertInto('work_order_action').values(row).execute();
}

function base(sdb: ScopedDb) {
  return sdb
    .selectFrom('work_order')
    .innerJoin('org_node', 'org_node.id', 'work_order.org_id')
    .selectAll('work_order')
    .select('org_node.name as org_name');
}
export type WorkOrderRow = NonNullable<Awaited<ReturnType<typeof findById>>>;

export function findById(sdb: ScopedDb, id: number) {
  return base(sdb).where('work_order.id', '=', id).executeTakeFirst();
}

export function actionsOf(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('work_order_action').selectAll().where('work_order_id', '=', id).orderBy('id').execute();
}

export function supervisionsOf(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('work_order_supervision').selectAll().where('work_order_id', '=', id).orderBy('id').execute();
}

/** The supervising nodes of each order (for who may see a confidential person). */
export async function supervisorsOf(sdb: ScopedDb, ids: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (ids.length === 0) return out;
  const rows = await sdb
    .selectFrom('work_order_supervision')
    .select(['work_order_id', 'supervisor_org_id'])
    .where('work_order_id', 'in', ids)
    .execute();
  for (const r of rows) {
    const list = out.get(Number(r.work_order_id)) ?? [];
    list.push(Number(r.supervisor_org_id));
    out.set(Number(r.work_order_id), list);
  }
  return out;
}

export async function insertSupervision(trx: Db, row: Omit<WorkOrderSupervisionTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('work_order_supervision').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The report on a supervision, once: false when it was already reported. */
export async function reportSupervisionIf(
  trx: Db,
  id: number,
  patch: { report: string; reported_by_name: string; reported_at: string },
): Promise<boolean> {
  const r = await trx
    .updateTable('work_order_supervision')
    .set(patch)
    .where('id', '=', id)
    .where('reported_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface WorkOrderFilter {
  path: string;
  status?: string;
  statuses?: readonly string[];
  channel?: string;
  category?: string;
  orderNoPrefix?: string;
  receivedFrom?: string;
  receivedTo?: string;
  ownerId?: number;
  atOrgId?: number;
  dueBefore?: string;
  dueOn?: string;
  dueAfter?: string;
  dueBy?: string;
  supervisedBy?: number;
  callbackDue?: boolean;
}

function filtered(sdb: ScopedDb, f: WorkOrderFilter) {
  let qb = base(sdb).where('work_order.org_path', '>=', f.path).where('work_order.org_path', '<', subtreeEnd(f.path));
  if (f.status) qb = qb.where('work_order.status', '=', f.status);
  if (f.statuses) qb = qb.where('work_order.status', 'in', [...f.statuses]);
  if (f.channel) qb = qb.where('work_order.channel', '=', f.channel);
  if (f.category) qb = qb.where('work_order.categories', 'like', `%,${f.category},%`);
  if (f.orderNoPrefix) qb = qb.where('work_order.order_no', 'like', `${f.orderNoPrefix.replace(/[\\%_]/g, '')}%`);
  if (f.receivedFrom) qb = qb.where('work_order.received_on', '>=', f.receivedFrom);
  if (f.receivedTo) qb = qb.where('work_order.received_on', '<=', f.receivedTo);
  if (f.ownerId !== undefined) qb = qb.where('work_order.owner_user_id', '=', f.ownerId);
  if (f.atOrgId !== undefined) qb = qb.where('work_order.org_id', '=', f.atOrgId);
  if (f.dueBefore) qb = qb.where('work_order.due_on', '<', f.dueBefore);
  if (f.dueOn) qb = qb.where('work_order.due_on', '=', f.dueOn);
  if (f.dueAfter) qb = qb.where('work_order.due_on', '>', f.dueAfter);
  if (f.dueBy) qb = qb.where('work_order.due_on', '<=', f.dueBy);
  if (f.supervisedBy !== undefined) {
    const by = f.supervisedBy;
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('work_order_supervision as s')
          .select('s.id')
          .whereRef('s.work_order_id', '=', 'work_order.id')
          .where('s.supervisor_org_id', '=', by),
      ),
    );
  }
  if (f.callbackDue) qb = qb.where('work_order.satisfaction', 'is', null);
  return qb;
}

/** Orders of a subtree: one page, soonest due first (callbacks: longest closed first), and the total. */
export async function list(sdb: ScopedDb, f: WorkOrderFilter, page: { limit: number; offset: number }) {
  const qb = filtered(sdb, f);
  const ordered = f.callbackDue
    ? qb.orderBy('work_order.closed_at').orderBy('work_order.id')
    : f.status || f.statuses
      ? qb.orderBy('work_order.due_on').orderBy('work_order.id')
      : qb.orderBy('work_order.id', 'desc');
  const [rows, total] = await Promise.all([
    ordered.limit(page.limit).offset(page.offset).execute(),
    qb.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** How many orders match (the desk's queue tabs). */
export async function count(sdb: ScopedDb, f: WorkOrderFilter): Promise<number> {
  const r = await filtered(sdb, f).clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The person's earlier orders in scope (same ID or phone), newest first. */
export function byPerson(sdb: ScopedDb, p: { idBidx?: string | null; phoneBidx?: string | null }, limit = 20) {
  return base(sdb)
    .where((eb) => {
      const ors = [];
      if (p.idBidx) ors.push(eb('work_order.id_bidx', '=', p.idBidx));
      if (p.phoneBidx) ors.push(eb('work_order.phone_bidx', '=', p.phoneBidx));
      return ors.length ? eb.or(ors) : eb.val(false);
    })
    .orderBy('work_order.id', 'desc')
    .limit(limit)
    .execute();
}

/** 重复访: the latest order of the same person (ID or phone) on one of these matters received since `since`. */
export async function repeatOf(
  sdb: ScopedDb,
  p: { idBidx: string | null; phoneBidx: string | null; categories: readonly string[]; since: string },
) {
  if (!p.idBidx && !p.phoneBidx) return null;
  const r = await sdb
    .selectFrom('work_order')
    .select('id')
    .where((eb) => {
      const who = [];
      if (p.idBidx) who.push(eb('id_bidx', '=', p.idBidx));
      if (p.phoneBidx) who.push(eb('phone_bidx', '=', p.phoneBidx));
      return eb.and([
        eb.or(who),
        eb.or(p.categories.map((c) => eb('categories', 'like', `%,${c},%`))),
        eb('received_on', '>=', p.since),
      ]);
    })
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? Number(r.id) : null;
}

/** The encrypted person fields, for an audited reveal. */
export function personSecrets(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('work_order').select(['id_enc', 'phone_enc']).where('id', '=', id).executeTakeFirst();
}

export async function insertAttachment(trx: Db, row: Omit<WorkOrderAttachmentTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('work_order_attachment').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function attachmentsOf(sdb: ScopedDb, id: number) {
  return sdb
    .selectFrom('work_order_attachment')
    .select(['id', 'filename', 'mime', 'size_bytes', 'sha256', 'uploaded_by_name', 'uploaded_at'])
    .where('work_order_id', '=', id)
    .orderBy('id')
    .execute();
}

export function attachmentContent(sdb: ScopedDb, orderId: number, attachmentId: number) {
  return sdb
    .selectFrom('work_order_attachment')
    .select(['filename', 'mime', 'sha256', 'content_enc'])
    .where('work_order_id', '=', orderId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}
