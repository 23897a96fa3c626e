import type { HouseholdInput } from '@bangfu/contracts';
import { HouseholdInputSchema } from '@bangfu/contracts';
import { checkChar } from '@bangfu/policy';
import ExcelJS from 'exceljs';
import { createFile } from '../modules/archive/archive.service.js';
import { HOUSEHOLD_COLUMNS, MEMBER_COLUMNS } from '../modules/archive/archive.sheet.js';
import { approveFile, finishNotice, reviewFile, submitFile } from '../modules/archive/archive.workflow.js';
import type { TestEnv } from './env.js';
/** Household fixtures for archive tests. */

/** Valid resident IDs (GB 11643 checksums) used across the tests. */
export const IDS = {
  worker: '11010519491231002X',
  spouse: '440203198001010015',
  child: '440203201005050027',
  other: '440204198008080055',
};

export function household(orgId: number, over: Record<string, unknown> = {}) {
  return {
    orgId,
    name: '张建国',
    idNumber: IDS.worker,
    phone: '13812345678',
    address: '武江区西河镇工业路12号',
    maritalStatus: 'married',
    health: 'chronic',
    workStatus: 'laid_off',
    education: 'junior_or_below',
    mainCause: 'laid_off',
    secondaryCauses: ['major_illness', 'schooling'],
    dibaoStatus: 'edge',
    incomes: { wagesFen: 1_800_000, medicalSpendingFen: 600_000 },
    bank: { bankName: '中国工商银行', branch: '韶关西河支行', cardNumber: '6222020200112233445' },
    needs: '医疗救助、子女助学',
    members: [
      {
        name: '李秀兰',
        relation: 'spouse',
        idNumber: IDS.spouse,
        maritalStatus: 'married',
        health: 'major_illness',
        monthlyIncomeFen: 0,
      },
      {
        name: '张小明',
        relation: 'child',
        idNumber: IDS.child,
        maritalStatus: 'unmarried',
        schooling: 'senior',
        monthlyIncomeFen: 0,
      },
    ],
    ...over,
  };
}

/** Take a household through the whole filing workflow as the system (the clock is moved past the notice). */
export async function fileHousehold(
  env: TestEnv,
  body: Record<string, unknown>,
  grade: 'deep' | 'relative' = 'relative',
) {
  const actor = await env.system();
  const input: HouseholdInput = HouseholdInputSchema.parse(body);
  const { id } = await createFile(env.ctx, actor, input);
  await submitFile(env.ctx, actor, id);
  await reviewFile(env.ctx, actor, id, {
    decision: 'pass',
    visit: { visitedOn: '2026-11-01', visitors: '测试', findings: '属实' },
    opinion: '同意',
  });
  env.ctx.clock.advance(8 * 86_400_000);
  await finishNotice(env.ctx, actor, id);
  env.ctx.clock.advance(-8 * 86_400_000);
  await approveFile(env.ctx, actor, id, { decision: 'approve', grade, opinion: '同意' });
  return id;
}

/** A valid ID for the n-th generated person (region 440203, born 1970–1999). */
export function generatedId(n: number): string {
  const y = 1970 + (n % 30);
  const m = String((n % 12) + 1).padStart(2, '0');
  const d = String((n % 28) + 1).padStart(2, '0');
  const body = `440203${y}${m}${d}${String(100 + (n % 900)).padStart(3, '0')}`;
  return body + checkChar(body);
}

/** A valid ID of a child born on the given date ('YYYY-MM-DD') in 武江区 (440203). */
export function babyId(birth: string, seq = 123): string {
  const body = `440203${birth.replace(/-/g, '')}${seq}`;
  return body + checkChar(body);
}

/** An .xlsx in the archive import layout: household rows (header → value) and member rows. */
export async function archiveWorkbook(households: Record<string, string>[], members: Record<string, string>[] = []) {
  const wb = new ExcelJS.Workbook();
  const main = wb.addWorksheet('困难职工档案');
  const headers = [...HOUSEHOLD_COLUMNS.map((c) => c.header), '困难类别'];
  main.addRow(headers);
  for (const h of households) main.addRow(headers.map((k) => h[k] ?? ''));
  const ms = wb.addWorksheet('家庭成员');
  const mh = MEMBER_COLUMNS.map((c) => c.header);
  ms.addRow(mh);
  for (const m of members) ms.addRow(mh.map((k) => m[k] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
