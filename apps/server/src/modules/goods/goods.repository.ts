import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { GoodsMovementTable, GoodsStockTable } from '../../platform/db/schema-goods.js';
import { type ScopedDb, subtreeEnd } from '../../platform/db/scoped.js';

export type StockRow = Omit<GoodsStockTable, 'id'> & { id: number; org_name: string };
export type NewMovement = Omit<GoodsMovementTable, 'id'>;
export interface ItemKey {
  category: string;
  item_name: string;
  unit: string;
}

const stockColumns = [
  'goods_stock.id',
  'goods_stock.org_id',
  'goods_stock.org_path',
  'goods_stock.province_code',
  'goods_stock.category',
  'goods_stock.item_name',
  'goods_stock.unit',
  'goods_stock.quantity',
  'goods_stock.updated_at',
  'org_node.name as org_name',
] as const;

export function findStock(sdb: ScopedDb, id: number): Promise<StockRow | undefined> {
  return sdb
    .selectFrom('goods_stock')
    .innerJoin('org_node', 'org_node.id', 'goods_stock.org_id')
    .select(stockColumns)
    .where('goods_stock.id', '=', id)
    .executeTakeFirst() as Promise<StockRow | undefined>;
}

/** The stock row of an item at a node, created empty on first use. The node is in the caller's scope. */
export async function ensureStock(
  sdb: ScopedDb,
  node: { id: number; path: string; province_code: string },
  item: ItemKey,
  now: string,
): Promise<StockRow> {
  await sdb.db
    .insertInto('goods_stock')
    .values({
      org_id: node.id,
      org_path: node.path,
      province_code: node.province_code,
      ...item,
      quantity: 0,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'category', 'item_name', 'unit']).doNothing())
    .execute();
  return (await sdb
    .selectFrom('goods_stock')
    .innerJoin('org_node', 'org_node.id', 'goods_stock.org_id')
    .select(stockColumns)
    .where('goods_stock.org_id', '=', node.id)
    .where('goods_stock.category', '=', item.category)
    .where('goods_stock.item_name', '=', item.item_name)
    .where('goods_stock.unit', '=', item.unit)
    .executeTakeFirstOrThrow()) as StockRow;
}

/**
 * Move a stock by delta, refusing to go below zero in the same statement (`quantity + delta >= 0`; the CHECK
 * constraint backs it). Returns the balance after, or null when the stock is insufficient.
 */
export async function moveStock(trx: Db, stockId: number, delta: number, now: string): Promise<number | null> {
  const r = await trx
    .updateTable('goods_stock')
    .set((eb) => ({ quantity: eb('quantity', '+', delta), updated_at: now }))
    .where('id', '=', stockId)
    .where((eb) => eb(eb('quantity', '+', delta), '>=', 0))
    .returning('quantity')
    .executeTakeFirst();
  return r ? Number(r.quantity) : null;
}

export async function insertMovement(trx: Db, row: NewMovement): Promise<number> {
  const r = await trx.insertInto('goods_movement').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** 未帮扶 queue: a hand-out counts as assistance. */
export async function markAssisted(trx: Db, householdId: number, at: string) {
  await trx.updateTable('household').set({ last_assisted_at: at }).where('id', '=', householdId).execute();
}

/** A photo of the hand-out must be an attachment of the same household. */
export function attachmentOf(sdb: ScopedDb, householdId: number, attachmentId: number) {
  return sdb
    .selectFrom('household_attachment')
    .select('id')
    .where('household_id', '=', householdId)
    .where('id', '=', attachmentId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

/** A node's own stock, by category and item. */
export function stockOfNode(sdb: ScopedDb, orgId: number, q: { category?: string; includeEmpty: boolean }) {
  let qb = sdb
    .selectFrom('goods_stock')
    .innerJoin('org_node', 'org_node.id', 'goods_stock.org_id')
    .select(stockColumns)
    .where('goods_stock.org_id', '=', orgId);
  if (q.category) qb = qb.where('goods_stock.category', '=', q.category);
  if (!q.includeEmpty) qb = qb.where('goods_stock.quantity', '>', 0);
  return qb
    .orderBy('goods_stock.category')
    .orderBy('goods_stock.item_name')
    .orderBy('goods_stock.unit')
    .execute() as Promise<StockRow[]>;
}

/** Totals of a subtree (the node and every node below it), per item. */
export function subtreeTotals(sdb: ScopedDb, path: string, category?: string) {
  let qb = sdb
    .selectFrom('goods_stock')
    .select(['category', 'item_name', 'unit'])
    .select((eb) => [
      eb.fn.sum<number>('quantity').as('quantity'),
      eb.fn.count<number>('org_id').distinct().as('nodes'),
    ])
    .where('org_path', '>=', path)
    .where('org_path', '<', subtreeEnd(path))
    .where('quantity', '>', 0);
  if (category) qb = qb.where('category', '=', category);
  return qb.groupBy(['category', 'item_name', 'unit']).orderBy('category').orderBy('item_name').execute();
}

export interface MovementFilter {
  path: string;
  from?: string;
  to?: string;
  kind?: string;
  item?: string;
  stockId?: number;
  householdId?: number;
}

function filtered(sdb: ScopedDb, f: MovementFilter) {
  let qb = sdb
    .selectFrom('goods_movement')
    .innerJoin('goods_stock', 'goods_stock.id', 'goods_movement.stock_id')
    .innerJoin('org_node', 'org_node.id', 'goods_stock.org_id')
    .leftJoin('org_node as counterpart', 'counterpart.id', 'goods_movement.counterpart_org_id')
    .where('goods_movement.org_path', '>=', f.path)
    .where('goods_movement.org_path', '<', subtreeEnd(f.path));
  if (f.from) qb = qb.where('goods_movement.moved_on', '>=', f.from);
  if (f.to) qb = qb.where('goods_movement.moved_on', '<=', f.to);
  if (f.kind) qb = qb.where('goods_movement.kind', '=', f.kind);
  if (f.item) qb = qb.where('goods_stock.item_name', '=', f.item);
  if (f.stockId) qb = qb.where('goods_movement.stock_id', '=', f.stockId);
  if (f.householdId) qb = qb.where('goods_movement.household_id', '=', f.householdId);
  return qb;
}

const movementColumns = [
  'goods_movement.id',
  'goods_movement.org_id',
  'goods_movement.stock_id',
  'goods_movement.kind',
  'goods_movement.quantity',
  'goods_movement.balance_after',
  'goods_movement.moved_on',
  'goods_movement.donor_name',
  'goods_movement.donor_kind',
  'goods_movement.value_fen',
  'goods_movement.storage_place',
  'goods_movement.household_id',
  'goods_movement.recipient_name',
  'goods_movement.id_mask',
  'goods_movement.signed_name',
  'goods_movement.signer_relation',
  'goods_movement.cadre',
  'goods_movement.photo_attachment_id',
  'goods_movement.counterpart_org_id',
  'goods_movement.transfer_of',
  'goods_movement.reason',
  'goods_movement.note',
  'goods_movement.handler',
  'goods_movement.created_by_name',
  'goods_movement.created_at',
  'goods_stock.category',
  'goods_stock.item_name',
  'goods_stock.unit',
  /** The node whose stock moved. */
  'org_node.name as org_name',
  'counterpart.name as counterpart_name',
] as const;

/**
 * Movements of a subtree, newest first. A movement is scoped at the node whose stock moved, except a hand-out,
 * which is scoped at the household's node (always under the giving node): the household's own union sees it.
 * One page and the total.
 */
export async function movements(sdb: ScopedDb, f: MovementFilter, page: { limit: number; offset: number }) {
  const qb = filtered(sdb, f);
  const [rows, total] = await Promise.all([
    qb
      .select(movementColumns)
      .orderBy('goods_movement.moved_on', 'desc')
      .orderBy('goods_movement.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type MovementRow = Awaited<ReturnType<typeof movements>>['rows'][number];

/** Every hand-out of a subtree in date order, for the signed sheet. */
export function handouts(sdb: ScopedDb, f: MovementFilter) {
  return filtered(sdb, { ...f, kind: 'out_household' })
    .select(movementColumns)
    .orderBy('goods_movement.moved_on')
    .orderBy('goods_movement.id')
    .limit(50_000)
    .execute();
}

/** What a household received, newest first (wherever in the caller's scope it was handed out). */
export function goodsOfHousehold(sdb: ScopedDb, householdId: number) {
  return sdb
    .selectFrom('goods_movement')
    .innerJoin('goods_stock', 'goods_stock.id', 'goods_movement.stock_id')
    .innerJoin('org_node', 'org_node.id', 'goods_stock.org_id')
    .leftJoin('org_node as counterpart', 'counterpart.id', 'goods_movement.counterpart_org_id')
    .select(movementColumns)
    .where('goods_movement.household_id', '=', householdId)
    .where('goods_movement.kind', '=', 'out_household')
    .orderBy('goods_movement.moved_on', 'desc')
    .orderBy('goods_movement.id', 'desc')
    .execute();
}
