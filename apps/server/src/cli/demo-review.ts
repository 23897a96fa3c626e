import {
  ApprovalBodyInputSchema,
  type ApprovalBodyKind,
  ReviewRoundOpenSchema,
  RoundReviewSchema,
  SelfChangeSchema,
} from '@bangfu/contracts';
import { addMember, createBody } from '../modules/approvals/bodies.service.js';
import { reviewInRound } from '../modules/review/review.files.js';
import { openRound } from '../modules/review/review.rounds.js';
import { openWorkerAccount } from '../modules/self/self.binding.js';
import { proposeSelfChange } from '../modules/self/self.changes.js';
import * as userRepo from '../modules/users/users.repository.js';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { demoActor } from './demo-desk.js';

/**
 * This year's review round opened at the city (韶关市总工会) over every file below it, with three files of 西河镇
 * reviewed by their clerk (two phone callbacks, one home visit).
 */
export async function seedDemoReview(ctx: AppContext, ids: Map<string, number>, filed: number[]) {
  const city = ids.get('韶关市总工会') as number;
  const round = await openRound(
    ctx,
    await demoActor(ctx, 'shi.approver'),
    ReviewRoundOpenSchema.parse({ orgId: city }),
  );
  const clerk = await demoActor(ctx, 'xh.clerk');
  const today = ctx.clock.today();
  for (const [k, householdId] of filed.entries())
    await reviewInRound(
      ctx,
      clerk,
      round.id,
      householdId,
      RoundReviewSchema.parse({
        method: k === 2 ? 'visit' : 'phone',
        reviewedOn: today,
        findings: k === 2 ? '入户走访，家庭情况属实，无明显变化' : '电话回访，家庭情况无明显变化',
        outcome: 'continue',
      }),
    );
  return round.id;
}

/** A worker's self-service account on one file, with a new phone number reported and waiting for review. */
export async function seedDemoSelfChange(ctx: AppContext, system: Actor, householdId: number, password: string) {
  const u = await openWorkerAccount(ctx, system, householdId, { username: 'worker.demo', password });
  await userRepo.update(ctx.db, u.id, { must_change_password: 0 });
  const worker = await demoActor(ctx, 'worker.demo');
  await proposeSelfChange(ctx, worker, SelfChangeSchema.parse({ reason: '本人更换了手机号码', phone: '13912340001' }));
}

/** The city's approval bodies: 组长 (刘建国 signs alone), 领导组 and 帮扶中心委员会 (collective, a majority). */
export async function seedDemoBodies(ctx: AppContext, ids: Map<string, number>) {
  const city = ids.get('韶关市总工会') as number;
  const admin = await demoActor(ctx, 'sheng.admin');
  const [chair, deputy, member] = await Promise.all(
    ['shi.approver', 'shi.deputy', 'shi.member'].map((u) => demoActor(ctx, u)),
  );
  const fromDate = `${ctx.clock.today().slice(0, 4)}-01-01`;
  const roster: [ApprovalBodyKind, string, Actor[]][] = [
    ['groupLeader', '韶关市总工会帮扶工作组长', [chair as Actor]],
    ['leadingGroup', '韶关市总工会帮扶工作领导小组', [chair as Actor, deputy as Actor, member as Actor]],
    ['committee', '韶关市困难职工帮扶中心委员会', [chair as Actor, deputy as Actor, member as Actor]],
  ];
  for (const [kind, name, people] of roster) {
    const body = await createBody(ctx, admin, ApprovalBodyInputSchema.parse({ orgId: city, kind, name }));
    for (const [k, p] of people.entries())
      await addMember(ctx, admin, body.id, {
        userId: p.userId as number,
        role: k === 0 ? 'chair' : 'member',
        fromDate,
      });
  }
  return roster.length;
}
