import { batchStatuses, paymentMethods, programmes } from '@bangfu/contracts';
import { formatYuan } from '@bangfu/policy';
import ExcelJS from 'exceljs';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as grantRepo from '../grants/grants.repository.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './batch.repository.js';
import { getBatch, mustFindBatch } from './batch.service.js';

const batchStatusZh = (s: string) => batchStatuses.zh[s as keyof typeof batchStatuses.zh] ?? s;

/**
 * The real-name payment list (实名制发放名单): name, masked ID, masked bank account, amount and a signature
 * column, for the A4 print view, the .xlsx and the public notice of recipients (名单公示).
 */
export async function paymentList(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const b = await mustFindBatch(sdb, id);
  const org = await orgRepo.findById(sdb, Number(b.org_id));
  const grants = (await grantRepo.allGrantsOfBatch(sdb, id)).filter((g) => g.status !== 'void');
  const households = await repo.orgNames(sdb, [...new Set(grants.map((g) => Number(g.org_id)))]);
  return {
    batchNo: b.batch_no,
    title: b.title,
    orgName: org?.name ?? '',
    programme: programmes.zh[b.programme as keyof typeof programmes.zh] ?? b.programme,
    period: b.period,
    method: paymentMethods.zh[b.method as keyof typeof paymentMethods.zh] ?? b.method,
    status: b.status,
    totalFen: grants.reduce((s, g) => s + Number(g.amount_fen), 0),
    rows: grants.map((g, i) => ({
      seq: i + 1,
      grantId: Number(g.id),
      name: g.recipient_name,
      idMasked: g.id_mask,
      unit: households.get(Number(g.org_id)) ?? '',
      bankMasked: g.bank_mask,
      amountFen: Number(g.amount_fen),
      status: g.status,
    })),
  };
}

export async function paymentListXlsx(ctx: AppContext, actor: Actor, id: number): Promise<Buffer> {
  const list = await paymentList(ctx, actor, id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('发放名单', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1 },
  });
  ws.addRow([`${list.title}实名制发放名单`]);
  ws.addRow([
    `批次号：${list.batchNo}`,
    `发放单位：${list.orgName}`,
    `项目：${list.programme}`,
    `期间：${list.period}`,
    `方式：${list.method}`,
  ]);
  ws.addRow(['序号', '姓名', '身份证号', '所在单位', '银行账户', '金额（元）', '领取人签字']);
  for (const r of list.rows)
    ws.addRow([
      r.seq,
      r.name,
      r.idMasked,
      r.unit,
      r.bankMasked ?? '',
      Number(formatYuan(r.amountFen).replace(/,/g, '')),
      '',
    ]);
  ws.addRow(['合计', `${list.rows.length}户`, '', '', '', Number(formatYuan(list.totalFen).replace(/,/g, '')), '']);
  ws.getColumn(6).numFmt = '#,##0.00';
  for (const [i, w] of [6, 10, 20, 18, 26, 12, 14].entries()) ws.getColumn(i + 1).width = w;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A CSV cell that a spreadsheet will not run: text starting with = + - @ (a formula: =HYPERLINK(…), =cmd|…,
 * @SUM(…)), a tab or a carriage return gets a leading apostrophe (OWASP's CSV injection advice), then quoting.
 */
export function csvCell(v: string) {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The bank transfer file (CSV, UTF-8 with BOM): 流水号 (grant id, echoed in the bank's result file), 户名,
 * 卡号 (full: the bank needs it — the export is audited), 开户行, 金额. A download changes nothing (the batch
 * moves to 发放中 only by `POST /batches/:id/sent-to-bank`).
 */
export async function bankFile(ctx: AppContext, actor: Actor, id: number): Promise<string> {
  require(actor, 'fund.write');
  require(actor, 'personal.reveal');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const b = await mustFindBatch(sdb, id);
    if (b.method !== 'bank' || (b.status !== 'approved' && b.status !== 'paying'))
      throw new AppError('BATCH_BAD_STATUS', { status: batchStatusZh(b.status) });
    const grants = (await grantRepo.allGrantsOfBatch(sdb, id)).filter((g) => g.status === 'approved');
    const lines = ['流水号,户名,卡号,开户行,金额'];
    for (const g of grants) {
      const bank = g.bank_enc
        ? (JSON.parse(ctx.crypto.decrypt(g.bank_enc)) as { bankName?: string; branch?: string; cardNumber?: string })
        : {};
      lines.push(
        [
          String(g.id),
          g.recipient_name,
          bank.cardNumber ?? '',
          `${bank.bankName ?? ''}${bank.branch ?? ''}`,
          formatYuan(Number(g.amount_fen)).replace(/,/g, ''),
        ]
          .map(csvCell)
          .join(','),
      );
    }
    await appendAudit(trx, ctx.clock, actor, {
      action: 'batch.bank_file',
      entityType: 'disbursement_batch',
      entityId: id,
      orgPath: b.org_path,
      chain: b.province_code,
      after: { grants: grants.length, fields: ['bank.cardNumber'] },
    });
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  });
}

/** The bank file went to the bank: an approved batch moves to 发放中 (once; a second call finds it moved). */
export async function markSentToBank(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'fund.write');
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    await repo.lockBatch(trx, id);
    const b = await mustFindBatch(sdb, id);
    if (b.method !== 'bank' || b.status !== 'approved')
      throw new AppError('BATCH_BAD_STATUS', { status: batchStatusZh(b.status) });
    if (!(await repo.moveBatch(trx, id, ['approved'], { status: 'paying', updated_at: ctx.clock.now().toISOString() })))
      throw new AppError('BATCH_BAD_STATUS', { status: batchStatusZh('paying') });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'batch.sent_to_bank',
      entityType: 'disbursement_batch',
      entityId: id,
      orgPath: b.org_path,
      chain: b.province_code,
      before: { status: b.status },
      after: { status: 'paying' },
    });
  });
  return getBatch(ctx, actor, id);
}
