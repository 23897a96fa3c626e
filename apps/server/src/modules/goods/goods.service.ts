import type {
  GoodsHandoutInputSchema,
  GoodsReceiptInputSchema,
  GoodsTransferInputSchema,
  GoodsWriteOffInputSchema,
} from '@bangfu/contracts';
import { fileStatuses, IN_ARCHIVE_STATUSES } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as archiveRepo from '../archive/archive.repository.js';
import { mustFindFile } from '../archive/archive.service.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './goods.repository.js';
import { signerRelation } from './goods.rules.js';

/** Goods go to households in the archive: 在档 and 解困. */
export const GOODS_ELIGIBLE: readonly string[] = IN_ARCHIVE_STATUSES;

const statusZh = (s: string) => fileStatuses.zh[s as keyof typeof fileStatuses.zh] ?? s;

function notInFuture(clock: Clock, date: string) {
  if (date > clock.today()) throw new AppError('GOODS_DATE_IN_FUTURE', { date });
}

export async function mustFindStock(sdb: ScopedDb, id: number) {
  const s = await repo.findStock(sdb, id);
  if (!s) throw new AppError('GOODS_STOCK_NOT_FOUND', { id });
  return s;
}

/** Take quantity out of a stock, or refuse naming the item, the node, what is there and what was asked. */
async function takeOut(trx: Db, sdb: ScopedDb, stock: repo.StockRow, quantity: number, now: string) {
  const after = await repo.moveStock(trx, stock.id, -quantity, now);
  if (after !== null) return after;
  const current = await repo.findStock(sdb, stock.id);
  throw new AppError('GOODS_STOCK_INSUFFICIENT', {
    item: stock.item_name,
    org: stock.org_name,
    unit: stock.unit,
    stock: Number(current?.quantity ?? 0),
    quantity,
  });
}

const audit = (
  trx: Db,
  clock: Clock,
  actor: Actor,
  action: string,
  at: { path: string; chain: string },
  after: object,
) =>
  appendAudit(trx, clock, actor, {
    action,
    entityType: 'goods_movement',
    entityId: (after as { movementId?: number }).movementId ?? null,
    orgPath: at.path,
    chain: at.chain,
    after,
  });

/** 物资登记: goods received at a node enter its stock. */
export async function receiveGoods(ctx: AppContext, actor: Actor, r: z.infer<typeof GoodsReceiptInputSchema>) {
  require(actor, 'assistance.propose');
  notInFuture(ctx.clock, r.receivedOn);
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const node = await orgRepo.findActiveOrThrow(sdb, r.orgId);
    const now = ctx.clock.now().toISOString();
    const stock = await repo.ensureStock(sdb, node, { category: r.category, item_name: r.itemName, unit: r.unit }, now);
    const balance = (await repo.moveStock(trx, stock.id, r.quantity, now)) as number;
    const movementId = await repo.insertMovement(trx, {
      ...blank(actor, now),
      org_id: node.id,
      org_path: node.path,
      province_code: node.province_code,
      stock_id: stock.id,
      kind: 'in',
      quantity: r.quantity,
      balance_after: balance,
      moved_on: r.receivedOn,
      donor_name: r.donorName,
      donor_kind: r.donorKind,
      value_fen: r.valueFen ?? null,
      storage_place: r.storagePlace ?? null,
      note: r.note ?? null,
      handler: r.handler,
    });
    const after = { movementId, stockId: stock.id, balance, ...r };
    await audit(trx, ctx.clock, actor, 'goods.receive', { path: node.path, chain: node.province_code }, after);
    return { movementId, stockId: stock.id, balance };
  });
}

/**
 * 发放到户: to a household in the archive under the giving node, signed for by the worker or a family member
 * listed in the file (不得代领, seed 004 篇二: "不得由村(社区)干部和其他人员代领"), with the cadre who handed it
 * over. The hand-out counts as assistance (the file leaves the "never assisted" queue).
 */
export async function handOutGoods(ctx: AppContext, actor: Actor, h: z.infer<typeof GoodsHandoutInputSchema>) {
  require(actor, 'assistance.propose');
  notInFuture(ctx.clock, h.handedOn);
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    // The file cannot leave the archive (注销, 脱困) between this check and the hand-out.
    await archiveRepo.lockHousehold(trx, ctx.dialect, h.householdId);
    const stock = await mustFindStock(sdb, h.stockId);
    const file = await mustFindFile(sdb, h.householdId);
    if (!GOODS_ELIGIBLE.includes(file.status))
      throw new AppError('GOODS_HOUSEHOLD_NOT_ELIGIBLE', { status: statusZh(file.status) });
    if (!file.org_path.startsWith(stock.org_path))
      throw new AppError('GOODS_HOUSEHOLD_OUTSIDE_NODE', { org: stock.org_name });
    const members = await archiveRepo.members(sdb, h.householdId);
    const relation = signerRelation(h.signedName, file.name, members);
    if (!relation) throw new AppError('GOODS_PROXY_REFUSED', { name: file.name });
    if (h.photoAttachmentId !== undefined && !(await repo.attachmentOf(sdb, h.householdId, h.photoAttachmentId)))
      throw new AppError('ATTACHMENT_NOT_FOUND', { id: h.photoAttachmentId });
    const now = ctx.clock.now().toISOString();
    const balance = await takeOut(trx, sdb, stock, h.quantity, now);
    const movementId = await repo.insertMovement(trx, {
      ...blank(actor, now),
      // Scoped at the household's node (under the giving node), so its own union sees what it received.
      org_id: Number(file.org_id),
      org_path: file.org_path,
      province_code: file.province_code,
      stock_id: stock.id,
      kind: 'out_household',
      quantity: h.quantity,
      balance_after: balance,
      moved_on: h.handedOn,
      household_id: h.householdId,
      recipient_name: file.name,
      id_mask: file.id_mask,
      signed_name: h.signedName,
      signer_relation: relation,
      cadre: h.cadre,
      photo_attachment_id: h.photoAttachmentId ?? null,
      note: h.note ?? null,
      handler: h.cadre,
    });
    await repo.markAssisted(trx, h.householdId, now);
    const after = { movementId, balance, ...h, signerRelation: relation };
    await audit(trx, ctx.clock, actor, 'goods.handout', { path: file.org_path, chain: file.province_code }, after);
    return { movementId, stockId: stock.id, balance, signerRelation: relation };
  });
}

/** 调拨: stock moved down the tree; the lower node's stock of the same item grows by the same quantity. */
export async function transferGoods(ctx: AppContext, actor: Actor, t: z.infer<typeof GoodsTransferInputSchema>) {
  require(actor, 'assistance.propose');
  notInFuture(ctx.clock, t.movedOn);
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const stock = await mustFindStock(sdb, t.stockId);
    const to = await orgRepo.findActiveOrThrow(sdb, t.toOrgId);
    if (to.id === Number(stock.org_id) || !to.path.startsWith(stock.org_path))
      throw new AppError('GOODS_TRANSFER_NOT_DOWNWARD', {});
    const now = ctx.clock.now().toISOString();
    const fromBalance = await takeOut(trx, sdb, stock, t.quantity, now);
    const common = { ...blank(actor, now), quantity: t.quantity, moved_on: t.movedOn, note: t.note ?? null };
    const outId = await repo.insertMovement(trx, {
      ...common,
      org_id: Number(stock.org_id),
      org_path: stock.org_path,
      province_code: stock.province_code,
      stock_id: stock.id,
      kind: 'transfer_out',
      balance_after: fromBalance,
      counterpart_org_id: to.id,
      handler: t.handler,
    });
    const target = await repo.ensureStock(
      sdb,
      to,
      { category: stock.category, item_name: stock.item_name, unit: stock.unit },
      now,
    );
    const toBalance = (await repo.moveStock(trx, target.id, t.quantity, now)) as number;
    const inId = await repo.insertMovement(trx, {
      ...common,
      org_id: to.id,
      org_path: to.path,
      province_code: to.province_code,
      stock_id: target.id,
      kind: 'transfer_in',
      balance_after: toBalance,
      counterpart_org_id: Number(stock.org_id),
      transfer_of: outId,
      handler: t.handler,
    });
    const after = { movementId: outId, transferInId: inId, toStockId: target.id, ...t };
    await audit(trx, ctx.clock, actor, 'goods.transfer', { path: stock.org_path, chain: stock.province_code }, after);
    return { movementId: outId, transferInId: inId, stockId: stock.id, balance: fromBalance, toStockId: target.id };
  });
}

/** 报损核销: spoiled or lost goods leave the stock with a reason. */
export async function writeOffGoods(ctx: AppContext, actor: Actor, w: z.infer<typeof GoodsWriteOffInputSchema>) {
  require(actor, 'assistance.propose');
  notInFuture(ctx.clock, w.movedOn);
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const stock = await mustFindStock(sdb, w.stockId);
    const now = ctx.clock.now().toISOString();
    const balance = await takeOut(trx, sdb, stock, w.quantity, now);
    const movementId = await repo.insertMovement(trx, {
      ...blank(actor, now),
      org_id: Number(stock.org_id),
      org_path: stock.org_path,
      province_code: stock.province_code,
      stock_id: stock.id,
      kind: 'write_off',
      quantity: w.quantity,
      balance_after: balance,
      moved_on: w.movedOn,
      reason: w.reason,
      handler: w.handler,
    });
    const after = { movementId, balance, ...w };
    await audit(trx, ctx.clock, actor, 'goods.write_off', { path: stock.org_path, chain: stock.province_code }, after);
    return { movementId, stockId: stock.id, balance };
  });
}

/** The columns a movement leaves empty unless its kind fills them. */
function blank(actor: Actor, now: string) {
  return {
    donor_name: null,
    donor_kind: null,
    value_fen: null,
    storage_place: null,
    household_id: null,
    recipient_name: null,
    id_mask: null,
    signed_name: null,
    signer_relation: null,
    cadre: null,
    photo_attachment_id: null,
    counterpart_org_id: null,
    transfer_of: null,
    reason: null,
    note: null,
    created_by: actor.userId,
    created_by_name: actor.displayName,
    created_at: now,
  };
}
