import {
  type LegalAgreementSchema,
  type LegalAidAssignSchema,
  type LegalAidCloseSchema,
  type LegalAidDecisionSchema,
  type LegalAidStepInputSchema,
  type LegalMediationSchema,
  legalCaseKinds,
} from '@bangfu/contracts';
import type { z } from 'zod';
import { type Actor, require } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { unavailability } from './lawyers.js';
import * as lawyerRepo from './lawyers.repository.js';
import { mustBeIn, transition } from './legalaid.flow.js';
import * as repo from './legalaid.repository.js';

/** The unions on an application's line, from its own node up: '/1/7/42/' → [42, 7, 1]. */
export const ancestorIds = (path: string) => path.split('/').filter(Boolean).map(Number).reverse();

const kindEn: Record<string, string> = {
  consultation: 'consultation',
  mediation: 'mediation',
  arbitration: 'arbitration',
  litigation: 'litigation',
  drafting: 'document drafting',
};

function badDate(field: string, what: string, whatEn: string) {
  return new AppError('LEGAL_AID_BAD_DATE', { field, what, whatEn });
}

/**
 * 十五日内法律援助领导组讨论，提出是否给予法律援助的意见 (seed 000): a member of the legal-aid group (legalaid.decide, at the
 * application's node or above) grants aid — naming its form — or refuses it, with the opinion; never the person who
 * registered it. Whether it was decided within the 15 days is kept.
 */
export function decide(ctx: AppContext, actor: Actor, id: number, d: z.infer<typeof LegalAidDecisionSchema>) {
  require(actor, 'legalaid.decide');
  const today = ctx.clock.today();
  return transition(ctx, actor, id, 'decide', (a) => {
    mustBeIn(a, ['pending'], 'decide');
    if (actor.userId !== null && a.registered_by !== null && Number(a.registered_by) === actor.userId)
      throw new AppError('LEGAL_AID_SAME_PERSON');
    const onTime = today <= a.due_on;
    return {
      patch: {
        status: d.approve ? 'approved' : 'refused',
        decided_by: actor.userId,
        decided_by_name: actor.displayName,
        decided_at: ctx.clock.now().toISOString(),
        decided_on: today,
        opinion: d.opinion,
        decided_on_time: onTime ? 1 : 0,
        case_kind: d.approve ? (d.caseKind ?? null) : null,
      },
      note: d.opinion,
      data: { approve: d.approve, caseKind: d.approve ? d.caseKind : null, onTime },
    };
  });
}

/**
 * 指定相关部门负责落实: the office assigns an approved case to a lawyer of the roster — contracted by the application's
 * union or one above it, active and under contract today — or to a department; a case in hand may be reassigned.
 */
export function assign(ctx: AppContext, actor: Actor, id: number, b: z.infer<typeof LegalAidAssignSchema>) {
  require(actor, 'legalaid.write');
  const today = ctx.clock.today();
  return transition(ctx, actor, id, 'assign', async (a, _sdb, trx) => {
    mustBeIn(a, ['approved', 'assigned'], 'assign');
    let lawyer: { id: number; name: string; firm: string } | null = null;
    if (b.lawyerId !== undefined) {
      const l = (await lawyerRepo.lawyersOnPath(trx, ancestorIds(a.org_path))).find((r) => Number(r.id) === b.lawyerId);
      if (!l) throw new AppError('LEGAL_LAWYER_NOT_FOUND', { id: b.lawyerId, field: 'lawyerId' });
      const u = unavailability(l, today);
      if (u) throw new AppError('LEGAL_LAWYER_UNAVAILABLE', { name: l.name, ...u, field: 'lawyerId' });
      lawyer = { id: Number(l.id), name: l.name, firm: l.firm };
    }
    const department = lawyer ? null : (b.department ?? null);
    return {
      patch: {
        status: 'assigned',
        lawyer_id: lawyer?.id ?? null,
        lawyer_name: lawyer ? `${lawyer.name}（${lawyer.firm}）` : null,
        department,
        assigned_at: ctx.clock.now().toISOString(),
        assigned_by_name: actor.displayName,
      },
      note: b.note ?? null,
      data: {
        lawyer: lawyer ? { id: lawyer.id, name: lawyer.name, firm: lawyer.firm } : null,
        department,
        reassigned: a.status === 'assigned',
      },
    };
  });
}

/** A step or hearing of the case (date, what, result): a future hearing is recorded without its result. */
export function addStep(ctx: AppContext, actor: Actor, id: number, s: z.infer<typeof LegalAidStepInputSchema>) {
  require(actor, 'legalaid.write');
  const today = ctx.clock.today();
  let stepId = 0;
  return transition(ctx, actor, id, 'step', (a) => {
    mustBeIn(a, ['assigned'], 'step');
    if (s.stepOn < a.received_on)
      throw badDate('stepOn', `进程日期早于申请日期${a.received_on}`, `before the application (${a.received_on})`);
    if (s.result && s.stepOn > today)
      throw badDate('result', '尚未发生的进程不能登记结果', 'a step still to come has no result yet');
    const at = ctx.clock.now().toISOString();
    return {
      patch: {},
      note: s.what,
      data: { kind: s.kind, stepOn: s.stepOn, what: s.what, ...(s.result ? { result: s.result } : {}) },
      also: async (trx) => {
        stepId = await repo.insertStep(trx, {
          org_id: Number(a.org_id),
          org_path: a.org_path,
          province_code: a.province_code,
          application_id: id,
          entry: 'case',
          action: 'step',
          step_kind: s.kind,
          step_on: s.stepOn,
          what: s.what,
          result: s.result || null,
          result_at: s.result ? at : null,
          at,
          actor_id: actor.userId,
          actor_name: actor.displayName,
          data_json: null,
        });
      },
    };
  }).then((r) => ({ ...r, stepId }));
}

/** The result of a step recorded earlier (a hearing held), once. */
export function stepResult(ctx: AppContext, actor: Actor, id: number, stepId: number, result: string) {
  require(actor, 'legalaid.write');
  const today = ctx.clock.today();
  return transition(ctx, actor, id, 'step_result', async (a, sdb) => {
    mustBeIn(a, ['assigned'], 'step_result');
    const s = await repo.findCaseStep(sdb, id, stepId);
    if (!s) throw new AppError('LEGAL_AID_STEP_NOT_FOUND', { id: stepId });
    if (s.result !== null) throw new AppError('LEGAL_AID_STEP_HAS_RESULT', { id: stepId });
    if ((s.step_on ?? '') > today)
      throw badDate('result', '尚未发生的进程不能登记结果', 'a step still to come has no result yet');
    return {
      patch: {},
      note: result,
      data: { stepId, result },
      also: async (trx) => {
        if (!(await repo.setStepResultIf(trx, stepId, result, ctx.clock.now().toISOString())))
          throw new AppError('LEGAL_AID_STEP_HAS_RESULT', { id: stepId });
      },
    };
  });
}

function mustBeMediation(a: repo.ApplicationRow) {
  if (a.case_kind !== 'mediation') {
    const kind = a.case_kind ?? '';
    throw new AppError('LEGAL_AID_NOT_MEDIATION', {
      kind: (legalCaseKinds.zh as Record<string, string>)[kind] ?? kind,
      kindEn: kindEn[kind] ?? kind,
    });
  }
}

/** 劳动争议调解: the parties and the mediator (sessions are the case's steps); changeable until the agreement. */
export function recordMediation(ctx: AppContext, actor: Actor, id: number, m: z.infer<typeof LegalMediationSchema>) {
  require(actor, 'legalaid.write');
  return transition(ctx, actor, id, 'mediation', (a) => {
    mustBeIn(a, ['assigned'], 'mediation');
    mustBeMediation(a);
    if (a.agr_signed_on !== null) throw new AppError('LEGAL_AID_AGREEMENT_RECORDED', { signedOn: a.agr_signed_on });
    return {
      patch: {
        med_employer: m.employer,
        med_employer_rep: m.employerRep || null,
        med_mediator: m.mediator,
        med_other_parties: m.otherParties || null,
        med_recorded_at: ctx.clock.now().toISOString(),
      },
      data: { employer: m.employer, mediator: m.mediator },
    };
  });
}

/** 调解协议: terms, amount (分) and the day it was signed — once, after the mediation record. */
export function recordAgreement(ctx: AppContext, actor: Actor, id: number, g: z.infer<typeof LegalAgreementSchema>) {
  require(actor, 'legalaid.write');
  const today = ctx.clock.today();
  return transition(ctx, actor, id, 'agreement', (a) => {
    mustBeIn(a, ['assigned'], 'agreement');
    mustBeMediation(a);
    if (a.med_recorded_at === null) throw new AppError('LEGAL_AID_NO_MEDIATION');
    if (a.agr_signed_on !== null) throw new AppError('LEGAL_AID_AGREEMENT_RECORDED', { signedOn: a.agr_signed_on });
    if (g.signedOn > today) throw badDate('signedOn', '签订日期晚于今天', 'signed after today');
    if (g.signedOn < a.received_on)
      throw badDate('signedOn', `签订日期早于申请日期${a.received_on}`, `before the application (${a.received_on})`);
    return {
      patch: {
        agr_terms: g.terms,
        agr_amount_fen: g.amountFen,
        agr_signed_on: g.signedOn,
        agr_recorded_by_name: actor.displayName,
      },
      data: { amountFen: g.amountFen, signedOn: g.signedOn },
    };
  });
}

/** 结案: the outcome and the money recovered for the worker (分); a mediation closed as mediated has its agreement. */
export function closeCase(ctx: AppContext, actor: Actor, id: number, c: z.infer<typeof LegalAidCloseSchema>) {
  require(actor, 'legalaid.write');
  return transition(ctx, actor, id, 'close', (a) => {
    mustBeIn(a, ['assigned'], 'close');
    if (a.case_kind === 'mediation' && c.outcome === 'mediated' && a.agr_signed_on === null)
      throw new AppError('LEGAL_AID_NO_AGREEMENT');
    return {
      patch: {
        status: 'closed',
        outcome: c.outcome,
        outcome_note: c.note,
        recovered_fen: c.recoveredFen,
        closed_on: ctx.clock.today(),
        closed_by_name: actor.displayName,
      },
      note: c.note,
      data: { outcome: c.outcome, recoveredFen: c.recoveredFen },
    };
  });
}

/** The applicant withdraws before the case is in hand (after that, the case closes with the outcome 撤回). */
export function withdraw(ctx: AppContext, actor: Actor, id: number, reason: string) {
  require(actor, 'legalaid.write');
  return transition(ctx, actor, id, 'withdraw', (a) => {
    mustBeIn(a, ['pending', 'approved'], 'withdraw');
    return { patch: { status: 'withdrawn', withdraw_reason: reason }, note: reason };
  });
}
