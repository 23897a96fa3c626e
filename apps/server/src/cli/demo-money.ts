import { EligibilityPolicyInputSchema, HouseholdInputSchema } from '@bangfu/contracts';
import { checkChar } from '@bangfu/policy';
import { recordIncome } from '../modules/archive/archive.income.js';
import { createFile } from '../modules/archive/archive.service.js';
import { approveFile, finishNotice, reviewFile, submitFile } from '../modules/archive/archive.workflow.js';
import { createBatch, submitBatch } from '../modules/disbursement/batch.service.js';
import { createFund, receive } from '../modules/funds/funds.service.js';
import { adoptPolicy } from '../modules/policy/policy.service.js';
import { adoptRule } from '../modules/programmes/programmes.service.js';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';

const NAMES = [
  '陈建华',
  '李桂英',
  '张志强',
  '王秀兰',
  '刘德明',
  '黄美玲',
  '周国平',
  '吴淑珍',
  '郑伟东',
  '孙丽娟',
  '马红军',
  '朱晓梅',
  '胡振华',
  '林春燕',
  '何建新',
  '高玉兰',
  '罗明亮',
  '梁秀芳',
  '谢国强',
  '宋桂芳',
  '唐志刚',
  '许丽萍',
  '邓海涛',
  '冯金凤',
  '曹永红',
  '彭淑英',
  '曾庆华',
  '萧美华',
];
const CAUSES = ['laid_off', 'major_illness', 'schooling', 'unemployed_able', 'accident', 'no_labour_capacity'] as const;

const idFor = (i: number) => {
  const body = `440203${1965 + (i % 25)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}${String(300 + i).padStart(3, '0')}`;
  return body + checkChar(body);
};

function demoHousehold(orgId: number, i: number) {
  const deep = i % 3 !== 2;
  return HouseholdInputSchema.parse({
    orgId,
    name: NAMES[i % NAMES.length],
    idNumber: idFor(i),
    phone: `138${String(20260000 + i * 37).padStart(8, '0')}`,
    address: `韶关市武江区西河镇工业路${10 + i}号`,
    maritalStatus: deep ? 'married' : 'unmarried',
    health: i % 4 === 1 ? 'major_illness' : 'healthy',
    workStatus: i % 2 ? 'laid_off' : 'unemployed',
    education: 'junior_or_below',
    mainCause: CAUSES[i % CAUSES.length],
    secondaryCauses: [],
    dibaoStatus: i % 5 === 0 ? 'dibao' : 'edge',
    incomes: { wagesFen: deep ? 1_200_000 + i * 10_000 : 1_100_000 },
    bank: {
      bankName: '中国工商银行',
      branch: '韶关武江支行',
      cardNumber: `62220202${String(10000000000 + i * 7).slice(-11)}`,
    },
    needs: deep ? '生活救助、医疗救助' : '就业帮扶',
    members: deep
      ? [
          {
            name: `${NAMES[(i + 7) % NAMES.length]?.slice(0, 1)}秀云`,
            relation: 'spouse',
            maritalStatus: 'married',
            monthlyIncomeFen: 0,
          },
          {
            name: `${NAMES[i % NAMES.length]?.slice(0, 1)}小军`,
            relation: 'child',
            maritalStatus: 'unmarried',
            schooling: 'senior',
            monthlyIncomeFen: 0,
          },
        ]
      : [],
  });
}

/**
 * The demo's archive and money at 武江区总工会: a 780 元 低保 line and the seed 004 篇一 rules adopted, 24 files in
 * the archive (some awaiting review or on notice), funds with money, this quarter's living relief computed and
 * waiting for approval, and a household whose income has stayed above the line for six months (脱困 proposed).
 */
export async function seedDemoMoney(ctx: AppContext, actor: Actor, ids: Map<string, number>) {
  const county = ids.get('武江区总工会') as number;
  const street = ids.get('西河镇总工会') as number;
  const enterprise = ids.get('韶关钢铁集团有限公司工会') as number;
  const now = ctx.clock.now();
  const year = now.getUTCFullYear();
  await adoptPolicy(
    ctx,
    actor,
    EligibilityPolicyInputSchema.parse({
      orgId: county,
      effectiveFrom: `${year}-01-01`,
      dibaoLineFen: 78_000,
      source: '武江区城乡居民最低生活保障标准',
    }),
  );
  for (const templateId of ['seed004.p1.living', 'seed004.p1.medical'])
    await adoptRule(ctx, actor, { orgId: county, templateId, effectiveFrom: `${year}-01-01`, params: {} });
  const files: number[] = [];
  for (let i = 0; i < 28; i++) {
    const { id } = await createFile(ctx, actor, demoHousehold(i % 4 === 3 ? enterprise : street, i));
    files.push(id);
    if (i >= 26) continue; // two drafts
    await submitFile(ctx, actor, id);
    if (i >= 24) continue; // two awaiting review
    await reviewFile(ctx, actor, id, {
      decision: 'pass',
      visit: { visitedOn: now.toISOString().slice(0, 10), visitors: '赵红梅、李秀英', findings: '家庭情况属实' },
      opinion: '同意纳入困难职工档案',
    });
    if (i >= 22) continue; // two on notice
    ctx.clock.advance(8 * 86_400_000);
    await finishNotice(ctx, actor, id);
    ctx.clock.advance(-8 * 86_400_000);
    await approveFile(ctx, actor, id, {
      decision: 'approve',
      grade: i % 3 !== 2 ? 'deep' : 'relative',
      opinion: '同意',
    });
  }
  const living = await createFund(ctx, actor, {
    orgId: county,
    name: `${year}年困难职工生活救助专项资金`,
    source: 'government',
    restrictedProgramme: 'living',
    year,
  });
  await receive(ctx, actor, living.id, { amountFen: 20_000_000, memo: '区财政专项拨款' });
  const donations = await createFund(ctx, actor, {
    orgId: county,
    name: '社会捐助资金',
    source: 'donation',
    restrictedProgramme: null,
    year,
  });
  await receive(ctx, actor, donations.id, { amountFen: 5_000_000, memo: '韶关钢铁集团捐赠' });
  const quarter = `${year}Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  const batch = await createBatch(
    ctx,
    actor,
    { orgId: county, programme: 'living', period: quarter, method: 'bank', fundId: living.id },
    { wait: true },
  );
  await submitBatch(ctx, actor, batch.id, '请区帮扶中心委员会审批');
  // Six months above the line for the first file: 脱困 proposed.
  for (let k = 6; k >= 1; k--) {
    const d = new Date(Date.UTC(year, now.getUTCMonth() - k, 1)).toISOString().slice(0, 7);
    await recordIncome(ctx, actor, files[0] as number, d, { householdIncomeFen: 300_000, note: '再就业后工资收入' });
  }
  return { files: files.length, filed: files.slice(0, 22) };
}
