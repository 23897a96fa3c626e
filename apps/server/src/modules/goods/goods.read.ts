import type { GoodsMovementQuerySchema, GoodsSheetQuerySchema, GoodsStockQuerySchema } from '@bangfu/contracts';
import { donorKinds, goodsCategories, goodsMovementKinds } from '@bangfu/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { mustFindFile } from '../archive/archive.service.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './goods.repository.js';
import { relationLabel } from './goods.rules.js';

const label = (list: { zh: object }, code: string | null) =>
  code === null ? null : ((list.zh as Record<string, string>)[code] ?? code);

async function mustFindNode(sdb: ScopedDb, id: number) {
  const org = await orgRepo.findById(sdb, id);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id });
  return org;
}

const toStock = (s: repo.StockRow) => ({
  stockId: Number(s.id),
  orgId: Number(s.org_id),
  orgName: s.org_name,
  category: s.category,
  categoryLabel: label(goodsCategories, s.category),
  itemName: s.item_name,
  unit: s.unit,
  quantity: Number(s.quantity),
  updatedAt: s.updated_at,
});

/** A node's own stock per item, and the totals of its subtree (the node and every node below it). */
export async function stockAt(ctx: AppContext, actor: Actor, q: z.infer<typeof GoodsStockQuerySchema>) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await mustFindNode(sdb, q.orgId);
  const [own, totals] = await Promise.all([
    repo.stockOfNode(sdb, org.id, { category: q.category, includeEmpty: q.includeEmpty }),
    repo.subtreeTotals(sdb, org.path, q.category),
  ]);
  return {
    orgId: org.id,
    orgName: org.name,
    items: own.map(toStock),
    subtreeTotals: totals.map((t) => ({
      category: t.category,
      categoryLabel: label(goodsCategories, t.category),
      itemName: t.item_name,
      unit: t.unit,
      quantity: Number(t.quantity),
      nodes: Number(t.nodes),
    })),
  };
}

export function toMovement(m: repo.MovementRow) {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    id: Number(m.id),
    kind: m.kind,
    kindLabel: label(goodsMovementKinds, m.kind),
    stockId: Number(m.stock_id),
    orgName: m.org_name,
    category: m.category,
    categoryLabel: label(goodsCategories, m.category),
    itemName: m.item_name,
    unit: m.unit,
    quantity: Number(m.quantity),
    balanceAfter: Number(m.balance_after),
    movedOn: m.moved_on,
    donor: m.donor_name ? { name: m.donor_name, kind: m.donor_kind, kindLabel: label(donorKinds, m.donor_kind) } : null,
    valueFen: n(m.value_fen),
    storagePlace: m.storage_place,
    household:
      m.household_id === null ? null : { id: Number(m.household_id), name: m.recipient_name, idMasked: m.id_mask },
    signedName: m.signed_name,
    signerRelation: m.signer_relation,
    signerRelationLabel: m.signer_relation ? relationLabel(m.signer_relation) : null,
    cadre: m.cadre,
    photoAttachmentId: n(m.photo_attachment_id),
    counterpart: m.counterpart_org_id === null ? null : { id: Number(m.counterpart_org_id), name: m.counterpart_name },
    transferOf: n(m.transfer_of),
    reason: m.reason,
    note: m.note,
    handler: m.handler,
    recordedBy: m.created_by_name,
    recordedAt: m.created_at,
  };
}

/** Movements of a node's subtree with filters (dates, kind, item, stock, household), newest first. */
export async function listMovements(ctx: AppContext, actor: Actor, q: z.infer<typeof GoodsMovementQuerySchema>) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await mustFindNode(sdb, q.orgId);
  const { rows, total } = await repo.movements(sdb, { ...q, path: org.path }, q);
  return { total, limit: q.limit, offset: q.offset, items: rows.map(toMovement) };
}

/** What a household received (the archive's assistance tab), newest first, with totals per item. */
export async function householdGoods(ctx: AppContext, actor: Actor, householdId: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindFile(sdb, householdId);
  const items = (await repo.goodsOfHousehold(sdb, householdId)).map(toMovement);
  const totals = new Map<string, { itemName: string; unit: string; quantity: number }>();
  for (const m of items) {
    const key = `${m.itemName}\u0000${m.unit}`;
    const t = totals.get(key) ?? { itemName: m.itemName, unit: m.unit, quantity: 0 };
    t.quantity += m.quantity;
    totals.set(key, t);
  }
  return { items, totals: [...totals.values()] };
}

/** 物资发放签领表: every hand-out of the subtree in date order, masked IDs, who signed and the cadre. */
export async function handoutSheet(ctx: AppContext, actor: Actor, q: z.infer<typeof GoodsSheetQuerySchema>) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await mustFindNode(sdb, q.orgId);
  const rows = (await repo.handouts(sdb, { ...q, path: org.path })).map(toMovement);
  return {
    org,
    rows: rows.map((m, i) => ({
      seq: i + 1,
      name: m.household?.name ?? '',
      idMasked: m.household?.idMasked ?? '',
      item: m.itemName,
      quantity: m.quantity,
      unit: m.unit,
      signedBy: m.signerRelation === 'self' ? (m.signedName ?? '') : `${m.signedName}（${m.signerRelationLabel}）`,
      date: m.movedOn,
      cadre: m.cadre ?? '',
      movementId: m.id,
    })),
  };
}

/** The sheet as .xlsx (A4). Names and masked IDs leave the system: the export is audited. */
export async function handoutSheetXlsx(ctx: AppContext, actor: Actor, q: z.infer<typeof GoodsSheetQuerySchema>) {
  const { org, rows } = await handoutSheet(ctx, actor, q);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('物资发放签领表', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 },
  });
  ws.addRow([`${org.name}物资发放签领表`]);
  const period = q.from || q.to ? `期间：${q.from ?? ''} 至 ${q.to ?? ''}` : '';
  ws.addRow([`发放单位：${org.name}`, period, q.item ? `物品：${q.item}` : '']);
  // The paper copy is signed by hand (seed 004: 由慰问对象、上户干部共同签名): blank columns for both signatures.
  ws.addRow(['序号', '姓名', '身份证号', '物品', '数量', '单位', '签领人', '本人签字', '日期', '经办干部', '干部签字']);
  for (const r of rows)
    ws.addRow([r.seq, r.name, r.idMasked, r.item, r.quantity, r.unit, r.signedBy, '', r.date, r.cadre, '']);
  for (const [i, w] of [6, 10, 20, 16, 8, 6, 16, 14, 12, 10, 14].entries()) ws.getColumn(i + 1).width = w;
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'goods.handout_sheet',
      entityType: 'org_node',
      entityId: org.id,
      orgPath: org.path,
      chain: org.province_code,
      after: { rows: rows.length, filters: q },
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
