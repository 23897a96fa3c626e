import {
  LawyerInputSchema,
  LegalAidAssignSchema,
  LegalAidDecisionSchema,
  LegalAidInputSchema,
  LegalAidStepInputSchema,
  WorkOrderCloseSchema,
  WorkOrderInputSchema,
} from '@bangfu/contracts';
import * as authRepo from '../modules/auth/auth.repository.js';
import { createLawyer } from '../modules/legalaid/lawyers.js';
import { registerApplication } from '../modules/legalaid/legalaid.register.js';
import { addStep, assign, decide } from '../modules/legalaid/legalaid.steps.js';
import { callback, closeOrder } from '../modules/servicedesk/workorder.closing.js';
import { registerOrder } from '../modules/servicedesk/workorder.register.js';
import { accept, handleHere, progressNote, transfer } from '../modules/servicedesk/workorder.routing.js';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';

/** A demo account acting in its own session (its node, its roles), so the trails name real people. */
export async function demoActor(ctx: AppContext, username: string): Promise<Actor> {
  const u = await authRepo.findUserWithRoles(ctx.db, { username });
  if (!u) throw new Error(`demo account ${username} missing`);
  return {
    userId: Number(u.id),
    username: u.username,
    displayName: u.display_name,
    roles: u.roles,
    scope: { orgId: Number(u.org_id), path: u.org_path, provinceCode: u.province_code },
    ip: null,
  };
}

const DAY = 86_400_000;
const order = (over: Record<string, unknown>) =>
  WorkOrderInputSchema.parse({
    channel: 'hotline_12351',
    employer: '韶关某建筑公司',
    categories: ['wages_owed'],
    content: '工地拖欠三个月工资共3万元，多次讨要未果。',
    ...over,
  });

/**
 * The rights desk (12351): seven work orders between the city and 武江区 — closed and called back, sent down to
 * the county and accepted, handled at the county, sent out to the labour inspectorate, one overdue (registered a
 * month ago, still open), one confidential whistle-blower, one just in.
 */
export async function seedDemoDesk(ctx: AppContext, ids: Map<string, number>) {
  const county = ids.get('武江区总工会') as number;
  const city = await demoActor(ctx, 'shi.hotline');
  const wj = await demoActor(ctx, 'wj.hotline');

  const done = await registerOrder(ctx, city, order({ personName: '陈师傅', phone: '13800138101' }));
  await handleHere(ctx, city, done.id);
  await closeOrder(
    ctx,
    city,
    done.id,
    WorkOrderCloseSchema.parse({
      replyMethod: 'phone',
      reply: '经协调，施工单位已支付拖欠工资。',
      result: 'resolved',
      wagesRecoveredFen: 3_000_000,
    }),
  );
  await callback(ctx, city, done.id, { satisfaction: 'satisfied', note: '工资已到账' });

  const down = await registerOrder(
    ctx,
    city,
    order({ channel: 'phone', personName: '李女士', phone: '13800138102', categories: ['labour_contract'] }),
  );
  await transfer(ctx, city, down.id, { orgId: county, note: '属武江区辖内企业，请区总工会办理' });
  await accept(ctx, wj, down.id);

  const here = await registerOrder(ctx, wj, order({ channel: 'visit', personName: '王师傅', phone: '13800138103' }));
  await handleHere(ctx, wj, here.id);
  await progressNote(ctx, wj, here.id, '已电话联系企业负责人，约定下周协商。');

  const out = await registerOrder(
    ctx,
    wj,
    order({ channel: 'letter', personName: '张师傅', categories: ['social_insurance'], content: '企业未缴社保。' }),
  );
  await transfer(ctx, wj, out.id, {
    outsideBody: 'labour_inspection',
    outsideName: '韶关市武江区劳动保障监察大队',
    reference: '武劳监转〔2026〕12号',
  });

  // Overdue: registered a month ago and still in hand.
  ctx.clock.advance(-30 * DAY);
  try {
    const late = await registerOrder(ctx, city, order({ personName: '赵师傅', phone: '13800138105' }));
    await handleHere(ctx, city, late.id);
  } finally {
    ctx.clock.advance(30 * DAY);
  }

  const secret = await registerOrder(
    ctx,
    city,
    order({
      personName: '匿名职工',
      phone: '13800138106',
      confidential: true,
      categories: ['other'],
      content: '反映某企业工会主席挪用困难职工帮扶资金，请求保密。',
    }),
  );
  await handleHere(ctx, city, secret.id);

  await registerOrder(ctx, wj, order({ channel: 'online', personName: '周师傅', phone: '13800138107' }));
  return 7;
}

/** Legal aid at the city: a lawyer under contract and a wages case decided, assigned and under way. */
export async function seedDemoLegalAid(ctx: AppContext, ids: Map<string, number>) {
  const city = ids.get('韶关市总工会') as number;
  const officer = await demoActor(ctx, 'shi.legal');
  const leader = await demoActor(ctx, 'shi.approver');
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  const lawyer = await createLawyer(
    ctx,
    officer,
    LawyerInputSchema.parse({
      orgId: city,
      name: '王立诚',
      firm: '广东韶法律师事务所',
      licenceNo: '14402201110123456',
      phone: '13300133001',
      contractFrom: `${year}-01-01`,
      contractTo: `${year + 1}-12-31`,
    }),
  );
  const a = await registerApplication(
    ctx,
    officer,
    LegalAidInputSchema.parse({
      personName: '刘建军',
      phone: '13500135001',
      employer: '韶关某电子厂',
      disputeKind: 'wages_owed',
      reasons: '工厂停产后拖欠四个月工资共2.4万元，协商无果，申请工会法律援助代理仲裁。',
      claimFen: 2_400_000,
    }),
  );
  await decide(
    ctx,
    leader,
    a.id,
    LegalAidDecisionSchema.parse({ approve: true, caseKind: 'arbitration', opinion: '符合援助条件，同意代理仲裁' }),
  );
  await assign(ctx, officer, a.id, LegalAidAssignSchema.parse({ lawyerId: lawyer.id }));
  await addStep(
    ctx,
    officer,
    a.id,
    LegalAidStepInputSchema.parse({ stepOn: today, kind: 'evidence', what: '收集考勤记录和工资条' }),
  );
  await registerApplication(
    ctx,
    officer,
    LegalAidInputSchema.parse({
      personName: '黄小红',
      phone: '13500135002',
      employer: '韶关某物流公司',
      disputeKind: 'dismissal',
      reasons: '怀孕期间被公司辞退，申请法律援助。',
    }),
  );
  return 2;
}
