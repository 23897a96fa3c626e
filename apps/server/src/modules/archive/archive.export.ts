import { PassThrough } from 'node:stream';
import { fileStatuses, type HouseholdQuery } from '@bangfu/contracts';
import { formatYuan } from '@bangfu/policy';
import ExcelJS from 'exceljs';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { resolveFilter } from './archive.read.js';
import * as repo from './archive.repository.js';
import {
  COLUMN_NOTES,
  EXPORT_PREFIX,
  GRADE_COLUMN,
  getPath,
  HOUSEHOLD_COLUMNS,
  MEMBER_COLUMNS,
  writeCell,
} from './archive.sheet.js';

const PAGE = 500;

/**
 * Export a filtered list in the import layout (.xlsx, streamed): 困难职工档案 and 家庭成员 sheets. ID numbers,
 * phones and bank cards are masked unless the caller holds personal.reveal and asks (reveal): then audited.
 */
export async function exportFiles(ctx: AppContext, actor: Actor, q: HouseholdQuery, opts: { reveal: boolean }) {
  require(actor, 'archive.read');
  if (opts.reveal) require(actor, 'personal.reveal');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const filter = await resolveFilter(ctx, sdb, q);
  const total = (await repo.list(sdb, { ...filter, limit: 1, offset: 0 })).total;
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: opts.reveal ? 'archive.export_reveal' : 'archive.export',
      entityType: 'household',
      orgPath: actor.scope.path,
      chain: actor.scope.provinceCode,
      after: {
        rows: total,
        filter: { ...q, idNumber: q.idNumber ? '***' : undefined, phone: q.phone ? '***' : undefined },
      },
    }),
  );
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const mainCols = [...HOUSEHOLD_COLUMNS, GRADE_COLUMN];
  const main = wb.addWorksheet('困难职工档案');
  main.addRow([...EXPORT_PREFIX, ...mainCols.map((c) => c.header)]).commit();
  const memberSheet = wb.addWorksheet('家庭成员');
  memberSheet.addRow(MEMBER_COLUMNS.map((c) => c.header)).commit();
  const dec = (v: string | null, masked: string | null) => (opts.reveal ? ctx.crypto.decryptNullable(v) : masked);
  (async () => {
    for (let offset = 0; offset < total; offset += PAGE) {
      const page = await repo.exportPage(sdb, filter, PAGE, offset);
      const members = await repo.membersOf(
        sdb,
        page.map((p) => Number(p.id)),
      );
      for (const h of page) {
        const details = JSON.parse(h.details_json) as Record<string, unknown>;
        const bank = h.bank_enc ? (JSON.parse(ctx.crypto.decrypt(h.bank_enc)) as Record<string, string>) : null;
        const idShown = dec(h.id_enc, h.id_mask) ?? '';
        const values: Record<string, unknown> = {
          ...details,
          name: h.name,
          idNumber: idShown,
          kind: h.kind,
          phone: dec(h.phone_enc, h.phone_mask),
          maritalStatus: h.marital_status,
          health: opts.reveal ? ctx.crypto.decryptNullable(h.health_enc) : null,
          disability: h.disability,
          workStatus: h.work_status,
          education: h.education,
          singleParent: h.single_parent === 1,
          zeroEmployment: h.zero_employment === 1,
          dibaoStatus: h.dibao_status,
          mainCause: h.main_cause,
          secondaryCauses: [h.cause2, h.cause3, h.cause4].filter(Boolean),
          bank: bank
            ? { ...bank, cardNumber: opts.reveal ? bank.cardNumber : `****${bank.cardNumber?.slice(-4) ?? ''}` }
            : null,
          grade: h.grade,
        };
        main
          .addRow([
            h.file_no,
            h.org_name,
            fileStatuses.zh[h.status as keyof typeof fileStatuses.zh] ?? h.status,
            h.household_size,
            formatYuan(Number(h.per_capita_fen)).replace(/,/g, ''),
            ...mainCols.map((c) => writeCell(c, getPath(values, c.field))),
          ])
          .commit();
        for (const m of members.get(Number(h.id)) ?? []) {
          const mv: Record<string, unknown> = {
            ...(JSON.parse(m.details_json) as Record<string, unknown>),
            holderId: idShown,
            name: m.name,
            relation: m.relation,
            idNumber: dec(m.id_enc, m.id_mask),
            maritalStatus: m.marital_status,
            health: opts.reveal ? ctx.crypto.decryptNullable(m.health_enc) : null,
            disability: m.disability,
            schooling: m.schooling,
            monthlyIncomeFen: Number(m.monthly_income_fen),
          };
          memberSheet.addRow(MEMBER_COLUMNS.map((c) => writeCell(c, getPath(mv, c.field)))).commit();
        }
      }
    }
    main.commit();
    memberSheet.commit();
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e as Error));
  return out;
}

/**
 * The empty import template (困难职工档案导入模板): the household and member sheets with their headers, and a
 * third sheet listing, for each coded column, the values it accepts. Holds no personal data: not audited.
 */
export async function importTemplate(actor: Actor): Promise<Buffer> {
  require(actor, 'archive.write');
  const wb = new ExcelJS.Workbook();
  const households = wb.addWorksheet('困难职工档案');
  households.addRow([...HOUSEHOLD_COLUMNS, GRADE_COLUMN].map((c) => (c.required ? `${c.header}*` : c.header)));
  const members = wb.addWorksheet('家庭成员');
  members.addRow(MEMBER_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header)));
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列', '填写要求']);
  for (const c of [...HOUSEHOLD_COLUMNS, GRADE_COLUMN, ...MEMBER_COLUMNS]) {
    const rule =
      c.list !== undefined
        ? `${c.kind === 'codes' ? '可填多个，用、分隔：' : '填以下之一：'}${Object.values(c.list.zh).join('、')}`
        : c.kind === 'yuan'
          ? '金额，单位元，最多两位小数'
          : c.kind === 'date'
            ? '日期，如 2026-01-31'
            : c.kind === 'bool'
              ? '是 或 否'
              : c.kind === 'number'
                ? '整数'
                : '文字';
    const note = COLUMN_NOTES[c.header];
    help.addRow([c.required ? `${c.header}（必填）` : c.header, note ? `${rule}；${note}` : rule]);
  }
  help.getColumn(1).width = 24;
  help.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
